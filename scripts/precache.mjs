// trunk post-build hook: writes sw.js, the service worker, with the precache list of
// this build (every file of dist/: the app, its assets and every data pack) and a
// version that changes when any byte does. Also appends the worker's registration to
// the start-up script (init-*.js), so there is still no inline script.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('precache: run me as a trunk hook (TRUNK_STAGING_DIR is not set)');
const here = new URL('.', import.meta.url).pathname;

const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const files = walk(dir)
  .map((f) => relative(dir, f).split(sep).join('/'))
  // The data package's CSV tables are for download, not for the app: a kiosk
  // need not fetch 3.6 MB it never reads.
  .filter((f) => f !== 'sw.js' && !f.endsWith('.md') && !f.startsWith('data/tables/'))
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const list = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
const template = readFileSync(join(here, 'sw-template.js'), 'utf8');
writeFileSync(join(dir, 'sw.js'), template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(list, null, 1)));

const init = readdirSync(dir).find((f) => /^init-[0-9a-f]+\.js$/.test(f));
if (!init) throw new Error('precache: no init-*.js (csp-init.mjs must run first)');
writeFileSync(join(dir, init), readFileSync(join(dir, init), 'utf8') + readFileSync(join(here, 'sw-register.js'), 'utf8'));
console.log(`precache: sw.js version ${version}, ${list.length} files`);
