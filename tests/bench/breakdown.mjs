// Not part of `make bench`: where a region change's main-thread time goes, by trace
// event name (self time: each event less the events nested in it), averaged over
// `n` changes. This is how two costs outside our code were found: the style of the
// whole page recomputed after rewriting <html lang>, and an SVG favicon rebuilt on
// every history.replaceState.
//   node tests/bench/breakdown.mjs <dist> [changes, 20] [rows, 25]
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';

const [dist, changes = '20', rows = '25'] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/bench/breakdown.mjs <dist> [changes] [rows]');
  process.exit(2);
}
const n = Number(changes);
const browser = await launch();
const server = await serve(dist);
const page = await watchedPage(browser);
await page.goto(`${server.url}?view=map&series=pm25`);
await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
await page.waitForTimeout(1000);
const categories = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8', 'cc', 'blink', 'disabled-by-default-devtools.timeline'];
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
const events = traceEvents
  .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && inside(e))
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
// Events on one thread nest: a stack of open events gives each its children's time.
const self = new Map(events.map((e) => [e, e.dur ?? 0]));
const open = [];
for (const e of events) {
  while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
  if (open.length) self.set(open.at(-1), self.get(open.at(-1)) - (e.dur ?? 0));
  open.push(e);
}
const byName = new Map();
for (const [e, t] of self) byName.set(e.name, (byName.get(e.name) ?? 0) + t);
const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
for (const [name, t] of top) console.log(`${(t / 1000 / n).toFixed(2).padStart(7)} ms  ${name}`);
if (page.errors.length) console.log(page.errors.join('\n'));
await browser.close();
await server.close();
