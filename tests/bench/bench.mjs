// `make bench`: sizes and timings of the release build, printed, never asserted.
// Serves dist/ on 127.0.0.1, drives headless Chromium, and reports:
//  - the wasm size (raw, gzip, brotli);
//  - first-view transfer: every byte fetched until the first view is ready
//    (wasm + js + css + data), raw and brotli-compressed;
//  - time until the first view is ready, at 1x and 4x CPU throttling (median of 5).
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';

const RUNS = 5;
const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const wasmFile = readdirSync('dist').find((f) => f.endsWith('.wasm'));
const wasm = readFileSync(`dist/${wasmFile}`);
console.log(`wasm ${wasmFile}: ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzip, ${kb(brotli(wasm))} brotli`);

const server = await serve('dist');
const browser = await launch();

async function firstView(throttle) {
  const page = await watchedPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const fetched = [];
  page.on('response', async (r) => {
    try {
      fetched.push({ url: r.url(), body: await r.body() });
    } catch {
      /* redirects have no body */
    }
  });
  const t0 = Date.now();
  await page.goto(server.url);
  await page.getByTestId('loaded').waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  if (page.errors.length) throw new Error(page.errors.join('\n'));
  await page.context().close();
  return { ms, fetched };
}

const { fetched } = await firstView(1);
const groups = {};
for (const { url, body } of fetched) {
  const path = new URL(url).pathname;
  const kind = path.endsWith('.wasm') ? 'wasm' : path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css'
    : path.includes('/data/') ? 'data' : 'other';
  groups[kind] ??= { files: 0, raw: 0, br: 0 };
  groups[kind].files += 1;
  groups[kind].raw += body.length;
  groups[kind].br += brotli(body);
}
console.log('\nfirst view (until every pack the shell loads is ready):');
console.log('kind   files        raw     brotli');
let total = { raw: 0, br: 0 };
for (const [kind, g] of Object.entries(groups)) {
  console.log(`${kind.padEnd(6)} ${String(g.files).padStart(5)} ${kb(g.raw).padStart(10)} ${kb(g.br).padStart(10)}`);
  total.raw += g.raw;
  total.br += g.br;
}
console.log(`total  ${String(fetched.length).padStart(5)} ${kb(total.raw).padStart(10)} ${kb(total.br).padStart(10)}`);

for (const rate of [1, 4]) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await firstView(rate)).ms);
  console.log(`\nshell ready at ${rate}x CPU: median ${median(times)} ms (runs: ${times.join(', ')})`);
}

await browser.close();
await server.close();
