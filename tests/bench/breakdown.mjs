// Not part of `make bench`: where the main thread's time goes, by trace event name
// (self time: each event less the events nested in it).
//   node tests/bench/breakdown.mjs <dist> [changes, 20] [rows, 25]
//     a region change on the map, averaged over `changes` changes. This is how two
//     costs outside our code were found: the style of the whole page recomputed after
//     rewriting <html lang>, and an SVG favicon rebuilt on every history.replaceState.
//   node tests/bench/breakdown.mjs <dist> load [cpu rate, 4] [rows, 25]
//     opening the map (cache off), from navigation to the first city drawn; also the
//     wasm functions compiled on first call (V8 compiles each lazily, on the main
//     thread: their number is what the view code's size costs at start).
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';

const [dist, mode = '20', third, fourth] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/bench/breakdown.mjs <dist> [changes|load] [rows | cpu rate] [rows]');
  process.exit(2);
}
const MAP = '?view=map&series=pm25';
const FIRST_CITY = 'svg.map path.city';

/** Self time per event name of the `X` events of one thread, in ms. */
function selfTimeByName(events) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Events on one thread nest: a stack of open events gives each its children's time.
  const self = new Map(sorted.map((e) => [e, e.dur ?? 0]));
  const open = [];
  for (const e of sorted) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (open.length) self.set(open.at(-1), self.get(open.at(-1)) - (e.dur ?? 0));
    open.push(e);
  }
  const byName = new Map();
  for (const [e, t] of self) byName.set(e.name, (byName.get(e.name) ?? 0) + t / 1000);
  return [...byName].sort((a, b) => b[1] - a[1]);
}

const print = (rows, n, per = 1) => {
  for (const [name, ms] of rows.slice(0, n)) console.log(`${(ms / per).toFixed(2).padStart(8)} ms  ${name}`);
};

const browser = await launch();
const server = await serve(dist);
const page = await watchedPage(browser);
const categories = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8', 'v8.wasm', 'cc', 'blink', 'loading', 'disabled-by-default-devtools.timeline'];
if (mode === 'load') {
  const [rate = '4', rows = '25'] = [third, fourth];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  await browser.startTracing(page, { categories });
  const t0 = Date.now();
  await page.goto(server.url + MAP);
  await page.locator(FIRST_CITY).first().waitFor({ state: 'attached', timeout: 120_000 });
  const wall = Date.now() - t0;
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  // The page's main thread: the renderer thread that ran the page's navigation.
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(server.url));
  if (!nav) throw new Error('breakdown: no navigationStart for the page in the trace');
  const events = traceEvents.filter((e) => e.ph === 'X' && e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts);
  const lazy = events.filter((e) => e.name === 'wasm.CompileLazy');
  console.log(`map drawn ${wall} ms after navigation at ${rate}x CPU`);
  console.log(`wasm functions compiled on first call: ${lazy.length}, ${(lazy.reduce((s, e) => s + e.dur, 0) / 1000).toFixed(1)} ms`);
  print(selfTimeByName(events), Number(rows));
} else {
  const [n, rows] = [Number(mode), third ?? '25'];
  await page.goto(server.url + MAP);
  await page.locator(FIRST_CITY).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories });
  await page.evaluate(async (n) => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const select = document.querySelector('[data-testid=region-select]');
    for (let i = 0; i < n; i++) {
      performance.mark('change-start');
      select.value = ['asia-pacific', 'world'][i % 2];
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await frames();
      performance.mark('change-end');
    }
  }, n);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  const marks = traceEvents
    .filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('change-'))
    .sort((a, b) => a.ts - b.ts);
  const { pid, tid } = marks[0];
  const windows = [];
  for (let i = 0; i + 1 < marks.length; i += 2) windows.push([marks[i].ts, marks[i + 1].ts]);
  const inside = (e) => windows.some(([from, to]) => e.ts >= from && e.ts < to);
  print(selfTimeByName(traceEvents.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && inside(e))), Number(rows), n);
}
if (page.errors.length) console.log(page.errors.join('\n'));
await browser.close();
await server.close();
