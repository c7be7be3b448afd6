// Not part of `make bench`: where the main thread's time goes, by trace event name
// (self time: each event less the events nested in it).
//   node tests/bench/breakdown.mjs <dist> [changes, 20] [rows, 25]
//     a region change on the map, averaged over `changes` changes. This is how two
//     costs outside our code were found: the style of the whole page recomputed after
//     rewriting <html lang>, and an SVG favicon rebuilt on every history.replaceState.
//   node tests/bench/breakdown.mjs <dist> load [cpu rate, 4] [rows, 25]
//     opening the map (cache off), from navigation to the first city drawn; also the
//     wasm functions compiled on first call (V8 compiles each lazily, on the main
//     thread: their number is what the view code's size costs at start); then the
//     d3 reference page traced the same way, both grouped by kind of work.
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';
import { referencePage } from './reference.mjs';

const [dist, mode = '20', third, fourth] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/bench/breakdown.mjs <dist> [changes|load] [rows | cpu rate] [rows]');
  process.exit(2);
}
// Q and READY open another view (e.g. Q='?view=korea' READY='[data-testid=korea-matrix] tbody tr').
const MAP = process.env.Q ?? '?view=map&series=pm25';
const FIRST_CITY = process.env.READY ?? 'svg.map path.city';

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

/** Opens `url` (cache off, CPU slowed `rate` times) in a new page, traced until `ready` is in the page. */
async function traceLoad(browser, url, ready, rate) {
  const page = await watchedPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await browser.startTracing(page, { categories });
  const t0 = Date.now();
  await page.goto(url);
  await page.locator(ready).first().waitFor({ state: 'attached', timeout: 120_000 });
  const wall = Date.now() - t0;
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  if (page.errors.length) throw new Error(page.errors.join('\n'));
  await page.context().close();
  // The page's main thread: the renderer thread that ran the page's navigation.
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(url.split('?')[0]));
  if (!nav) throw new Error(`breakdown: no navigationStart for ${url} in the trace`);
  return { wall, events: traceEvents.filter((e) => e.ph === 'X' && e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts) };
}

/**
 * Self time grouped into a few kinds of work: compiling (JS and wasm), running script
 * (JS and wasm alike: a trace does not tell them apart; microtasks are where awaited
 * fetches resume), garbage collection, style and layout, paint, handling the network's
 * responses (the renderer's side of loading), and the rest (the scheduler's own
 * tasks, whose self time is mostly work not traced in more detail).
 */
function byKind(events) {
  const kinds = [
    ['compile (JS, wasm)', /Compile|compile|ParseScript|ParseOnBackground|^wasm\./],
    ['garbage collection', /GC|Scavenge|MarkCompact/],
    ['script (JS and wasm)', /FunctionCall|EvaluateScript|v8\.run|^V8\.|Microtask|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction|v8\.evaluateModule|CreateContext|DeserializeContext/],
    ['style, layout, text', /Style|Layout|Layerize|HitTest|ShapeText/],
    ['paint, composite', /Paint|Composit|Raster|Commit|UpdateLifecycle/],
    ['parse HTML', /ParseHTML|HTMLDocumentParser|FinishedParsing/],
    ['network responses', /Resource|mojo|SimpleWatcher|TextResourceDecoder|DocumentLoader|Navigation/],
  ];
  const out = new Map(kinds.map(([k]) => [k, 0]).concat([['other (scheduler tasks)', 0]]));
  for (const [name, ms] of selfTimeByName(events)) {
    const kind = kinds.find(([, re]) => re.test(name))?.[0] ?? 'other (scheduler tasks)';
    out.set(kind, out.get(kind) + ms);
  }
  return [...out];
}

const print = (rows, n, per = 1) => {
  for (const [name, ms] of rows.slice(0, n)) console.log(`${(ms / per).toFixed(2).padStart(8)} ms  ${name}`);
};

const browser = await launch();
const server = await serve(dist);
const categories = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8', 'v8.wasm', 'cc', 'blink', 'loading', 'disabled-by-default-devtools.timeline'];
if (mode === 'load') {
  // Ours, then the d3 reference drawing the same map from the same bundle, each traced
  // the same way, so that the gap between them shows by kind of work.
  const [rate = '4', rows = '25'] = [third, fourth];
  const reference = await serve(referencePage(), { data: `${dist}/data` });
  const runs = [
    ['ours', server.url + MAP, FIRST_CITY],
    ['d3 reference', reference.url, 'svg.map circle.city'],
  ];
  for (const [who, url, ready] of runs) {
    const { wall, events } = await traceLoad(browser, url, ready, Number(rate));
    const lazy = events.filter((e) => e.name === 'wasm.CompileLazy');
    const total = selfTimeByName(events).reduce((s, [, ms]) => s + ms, 0);
    console.log(`\n${who}: map drawn ${wall} ms after navigation at ${rate}x CPU`);
    console.log(`wasm functions compiled on first call: ${lazy.length}, ${(lazy.reduce((s, e) => s + e.dur, 0) / 1000).toFixed(1)} ms`);
    console.log(`main thread busy: ${total.toFixed(1)} ms; by kind:`);
    for (const [kind, ms] of byKind(events)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${kind}`);
    print(selfTimeByName(events), Number(rows));
  }
  await reference.close();
} else {
  const [n, rows] = [Number(mode), third ?? '25'];
  const page = await watchedPage(browser);
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
  if (page.errors.length) console.log(page.errors.join('\n'));
}
await browser.close();
await server.close();
