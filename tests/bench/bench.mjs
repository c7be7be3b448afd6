// `make bench`: sizes and timings of the release build, printed, never asserted.
// Serves dist/ on 127.0.0.1 and drives headless Chromium. Prints:
//  - the wasm size (raw, gzip, brotli);
//  - first-view transfer: every byte fetched until the first view (the overview) is
//    ready: wasm + js + css + data, raw and brotli;
//  - transfer until the map is drawn;
//  - time until the map is drawn, at 1x and 4x CPU throttling (median of 5);
//  - filter change to next paint on the map, with the bundled data and with the
//    SYNTHETIC pack (13,000 cities × 16 series × 20 years, made by `datagen synthetic`).
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';

const RUNS = 5;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const wasmFile = readdirSync('dist').find((f) => f.endsWith('.wasm'));
const wasm = readFileSync(`dist/${wasmFile}`);
console.log(`wasm: ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzip, ${kb(brotli(wasm))} brotli`);

// Every figure printed is also written to target/bench/report.json. Keys the issue
// asks for that this script does not measure yet are listed under `not_measured`
// rather than given a made-up value.
const report = { wasm_brotli_bytes: brotli(wasm) };
const REQUIRED = [
  'first_view_brotli_bytes', 'first_view_floor_brotli_bytes', 'map_ms_4x_median', 'filter_paint_ms_bundled',
  'filter_paint_ms_synthetic', 'heap_growth_ratio', 'map_ratio_vs_d3', 'filter_ratio_vs_d3',
  'lighthouse_performance', 'lighthouse_accessibility', 'lighthouse_best_practices',
];

const browser = await launch();

async function visit(server, query, ready, throttle = 1) {
  const page = await watchedPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const fetched = [];
  page.on('response', async (r) => {
    try {
      fetched.push({ url: r.url(), body: await r.body() });
    } catch {
      /* no body */
    }
  });
  const t0 = Date.now();
  await page.goto(server.url + query);
  await ready(page);
  const ms = Date.now() - t0;
  if (page.errors.length) throw new Error(page.errors.join('\n'));
  return { page, ms, fetched };
}

function transfer(label, fetched) {
  const groups = {};
  for (const { url, body } of fetched) {
    const path = new URL(url).pathname;
    const kind = path.endsWith('.wasm') ? 'wasm' : path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : path.includes('/data/') ? 'data' : 'other';
    groups[kind] ??= { files: 0, raw: 0, br: 0 };
    groups[kind].files += 1;
    groups[kind].raw += body.length;
    groups[kind].br += brotli(body);
  }
  console.log(`\n${label}`);
  console.log('kind   files        raw     brotli');
  const total = { files: 0, raw: 0, br: 0 };
  for (const [kind, g] of Object.entries(groups)) {
    console.log(`${kind.padEnd(6)} ${String(g.files).padStart(5)} ${kb(g.raw).padStart(10)} ${kb(g.br).padStart(10)}`);
    total.files += g.files;
    total.raw += g.raw;
    total.br += g.br;
  }
  console.log(`total  ${String(total.files).padStart(5)} ${kb(total.raw).padStart(10)} ${kb(total.br).padStart(10)}`);
  return { total, data: groups.data ?? { files: 0, raw: 0, br: 0 } };
}

// The landing page is ready when it responds and its map is drawn (the map's scene is
// fetched after the page responds, and counted here all the same).
const overviewReady = async (page) => {
  await page.getByTestId('city-count').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid=landing-map] path.dots').first().waitFor({ state: 'attached', timeout: 120_000 });
};
const mapReady = (page) => page.locator('svg.map path.city').first().waitFor({ state: 'attached', timeout: 120_000 });

// A filter change, timed to the second animation frame after it; an empty double
// frame is timed too, so the work itself is the difference.
async function filterToPaint(page) {
  return page.evaluate(async () => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const select = document.querySelector('[data-testid=region-select]');
    const out = { change: [], empty: [] };
    for (let i = 0; i < 10; i++) {
      let t = performance.now();
      await frames();
      out.empty.push(performance.now() - t);
      t = performance.now();
      select.value = i % 2 === 0 ? 'asia-pacific' : 'world';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await frames();
      out.change.push(performance.now() - t);
    }
    return out;
  });
}

const server = await serve('dist');
{
  const { page, fetched } = await visit(server, '', overviewReady);
  const first = transfer('first view (landing page, until its map is drawn):', fetched);
  report.first_view_brotli_bytes = first.total.br;
  // The floor: only the data the first view shows, as if code cost nothing.
  report.first_view_floor_brotli_bytes = first.data.br;
  await page.context().close();
}
{
  const { page, fetched } = await visit(server, '?view=map', mapReady);
  transfer('map view (until the cities are drawn):', fetched);
  await page.context().close();
}
for (const rate of [1, 4]) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, ms } = await visit(server, '?view=map', mapReady, rate);
    times.push(ms);
    await page.context().close();
  }
  console.log(`\nmap drawn at ${rate}x CPU: median ${median(times)} ms (runs: ${times.join(', ')})`);
  report[`map_ms_${rate}x_median`] = median(times);
}

async function filterBench(label, srv, query, key) {
  const { page } = await visit(srv, query, mapReady);
  await page.waitForTimeout(500);
  const r = await filterToPaint(page);
  const c = median(r.change);
  const e = median(r.empty);
  console.log(`\nfilter to paint, ${label}: median ${c.toFixed(1)} ms, empty double frame ${e.toFixed(1)} ms, work ≈ ${(c - e).toFixed(1)} ms`);
  report[key] = Number((c - e).toFixed(1));
  await page.context().close();
}
await filterBench('bundled data', server, '?view=map&series=pm25', 'filter_paint_ms_bundled');
await server.close();

if (!existsSync('target/synthetic/manifest.json')) {
  execFileSync('cargo', ['run', '--release', '-q', '-p', 'datagen', '--', 'synthetic', '--real', 'data', '--out', 'target/synthetic'], { stdio: 'inherit' });
}
const synthetic = await serve('dist', { data: 'target/synthetic' });
await filterBench('SYNTHETIC 13,000 cities × 16 series × 20 years', synthetic, '?view=map&series=syn-00', 'filter_paint_ms_synthetic');
await synthetic.close();
await browser.close();

report.not_measured = REQUIRED.filter((k) => !(k in report));
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/report.json', JSON.stringify(report, null, 2) + '\n');
console.log(`\nwritten: target/bench/report.json (not measured yet: ${report.not_measured.join(', ') || 'none'})`);
