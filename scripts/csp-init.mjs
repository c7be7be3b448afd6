// trunk post-build hook: moves the inline module script trunk writes into index.html
// (the wasm start-up) into a file of its own, so that the app runs under a strict
// Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline';
// trunk 0.21 has no option for it, see trunk-rs/trunk#288).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp-init: run me as a trunk hook (TRUNK_STAGING_DIR is not set)');
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) throw new Error(`csp-init: expected one inline module script, found ${found.length}`);
const code = found[0][1].trim() + '\n';
const name = `init-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(page, html.replace(found[0][0], `<script type="module" src="./${name}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(page, 'utf8'))) throw new Error('csp-init: an inline script is left');
