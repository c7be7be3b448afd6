// trunk post-build hook: the start-up script.
//
// 1. Two builds of the app (see src/lib.rs): the full app, trunk's main rust link, and
//    the landing build, a second rust link of type "worker" that trunk builds but does
//    not start (nor hash). Its files get content-hashed names here, and trunk's preload
//    links for the full app are removed: a visitor of the plain landing page must not
//    download the full app before the page responds.
// 2. The start-up script starts one of them: the landing build when the query is
//    plainly the landing page's, else the full app. That is a guess made before any
//    wasm runs; the landing build checks it with the core's rule
//    (`ViewState::on_landing`) and calls `urbanSdgOpenFullApp` when it is wrong.
// 3. The start-up fetches and compiles a build's wasm while its JS glue loads.
// 4. The inline module script trunk writes into index.html moves into a file of its
//    own, so that the app runs under a strict Content-Security-Policy (`script-src
//    'self' 'wasm-unsafe-eval'`, no 'unsafe-inline'; trunk 0.21 has no option for it,
//    see trunk-rs/trunk#288).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp-init: run me as a trunk hook (TRUNK_STAGING_DIR is not set)');
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');

// The landing build's files, under names that change with their content.
const landingWasm = readFileSync(join(dir, 'landing_bg.wasm'));
const landing = `landing-${hashOf(landingWasm)}`;
renameSync(join(dir, 'landing_bg.wasm'), join(dir, `${landing}_bg.wasm`));
const landingJs = readFileSync(join(dir, 'landing.js'), 'utf8');
if (!landingJs.includes("'landing_bg.wasm'")) throw new Error('csp-init: landing.js does not name landing_bg.wasm');
writeFileSync(join(dir, `${landing}.js`), landingJs.replace("'landing_bg.wasm'", `'${landing}_bg.wasm'`));
rmSync(join(dir, 'landing.js'));

// trunk's start-up of the full app names its two files.
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) throw new Error(`csp-init: expected one inline module script, found ${found.length}`);
const trunkInit = found[0][1];
const fullJs = trunkInit.match(/from '\.\/([^']+\.js)'/)?.[1];
const fullWasm = trunkInit.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!fullJs || !fullWasm) throw new Error('csp-init: trunk start-up script not understood');

const code = `// Starts one build of the app (written by scripts/csp-init.mjs).
// The wasm is fetched and compiled (streaming, off the main thread) while the JS glue
// loads, not after it: on a real network its download overlaps the glue's round trips
// (on localhost the bench's map time did not change: main-thread work dominates there).
const compile = (wasm) =>
  fetch(wasm).then(async (response) => {
    if (!response.ok) throw new Error(\`\${wasm}: HTTP \${response.status}\`);
    const streamable = (response.headers.get('content-type') ?? '').startsWith('application/wasm');
    return streamable ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
  });
// Settles when the first paint's frame is on screen or will not be (paint-*.js,
// written by scripts/paint.mjs after this file: an async script that may still be on
// its way; a build without it waits for nothing).
const painted = () =>
  window.urbanSdgPaint ??
  new Promise((ok) => {
    const script = document.querySelector('script[data-paint-script]');
    if (!script) return ok();
    script.addEventListener('load', () => ok(window.urbanSdgPaint), { once: true });
    script.addEventListener('error', () => ok(), { once: true });
  });
const start = async (js, wasm) => {
  // The frame goes on screen first (no wait where the URL has none): the wasm's
  // download would share the network with the frame, and feeding its streaming
  // compile costs the main thread about 70 ms at 4x CPU (measured in a trace) while
  // the frame is laid out.
  await painted();
  const module = compile(wasm);
  const bindings = await import(js);
  const instance = await bindings.default({ module_or_path: await module });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
};
let full;
// Called by the landing build when the page is not the plain landing page.
window.urbanSdgOpenFullApp = () => (full ??= start('./${fullJs}', './${fullWasm}'));
// A guess that may say "full app" too often, never "landing" wrongly: no view other
// than the overview, no embed, no kiosk.
const query = new URLSearchParams(location.search);
const plainLanding = ['', 'overview'].includes(query.get('view') ?? '') && !query.has('embed') && !query.has('kiosk');
await (plainLanding ? start('./${landing}.js', './${landing}_bg.wasm') : window.urbanSdgOpenFullApp());
`;
const name = `init-${hashOf(code)}.js`;
writeFileSync(join(dir, name), code);
html = html.replace(found[0][0], `<script type="module" src="./${name}"></script>`);
// trunk's preloads of the full app: it loads only when needed.
html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*href="[^"]*\.(?:js|wasm)"[^>]*>/g, '');
writeFileSync(page, html);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('csp-init: an inline script is left');
if (html.includes(fullWasm)) throw new Error('csp-init: index.html still names the full app');
