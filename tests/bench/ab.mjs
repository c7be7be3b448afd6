// Not part of `make bench`: an A/B between two builds, run alternately in one session
// with the d3 reference, so that a change is judged as a ratio on one machine.
//   node tests/bench/ab.mjs map distA distB [cpu rate, 4] [rounds, 7]
//     the time until the map is drawn (`LATENCY=150` adds a network round trip to
//     every request; Q and READY time another state, below);
//   node tests/bench/ab.mjs filter distA distB [cpu rate, 1] [rounds, 3]
//     the main thread's work for a region change (see main-thread.mjs).
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';
import { referencePage } from './reference.mjs';
import { filterWork } from './main-thread.mjs';

const [what, A, B, rate = what === 'map' ? '4' : '1', rounds = what === 'map' ? '7' : '3'] = process.argv.slice(2);
if (!['map', 'filter'].includes(what) || !A || !B) {
  console.error('usage: node tests/bench/ab.mjs map|filter <distA> <distB> [cpu rate] [rounds]');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();
const servers = { A: await serve(A), B: await serve(B), d3: await serve(referencePage(), { data: `${A}/data` }) };
// Q and READY time another state of ours, e.g. the bench's interactive map, the app in
// the static frame's place: Q='?view=map' READY='html:not([data-paint=shown]) svg.map path.city'.
const ours = { q: process.env.Q ?? '?view=map&series=pm25', ready: process.env.READY ?? 'svg.map path.city' };
const ready = { A: ours.ready, B: ours.ready, d3: 'svg.map circle.city' };
const query = { A: ours.q, B: ours.q, d3: '' };
const results = { A: [], B: [], d3: [] };
// PAINT times our static frame too, in the same loads (as the bench does):
// PAINT='#paint svg.map path.city'.
const painted = { A: [], B: [] };

/** One measurement of `who`: milliseconds. */
async function measure(who) {
  const page = await watchedPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  // LATENCY=ms emulates a network's round trip (throughput left unlimited).
  if (process.env.LATENCY) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: Number(process.env.LATENCY), downloadThroughput: -1, uploadThroughput: -1 });
  }
  const t0 = Date.now();
  await page.goto(servers[who].url + query[who]);
  if (process.env.PAINT && who !== 'd3') {
    await page.locator(process.env.PAINT).first().waitFor({ state: 'attached', timeout: 120_000 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
    painted[who].push(Date.now() - t0);
  }
  await page.locator(ready[who]).first().waitFor({ state: 'attached', timeout: 120_000 });
  let ms = Date.now() - t0;
  if (what === 'filter') {
    await page.waitForTimeout(500);
    ms = (await filterWork(browser, page, '[data-testid=region-select]', ['asia-pacific', 'world'])).work;
  }
  if (page.errors.length) throw new Error(page.errors.join('\n'));
  await page.context().close();
  return ms;
}

for (let i = 0; i < Number(rounds); i++) {
  for (const who of i % 2 ? ['B', 'A', 'd3'] : ['A', 'B', 'd3']) results[who].push(await measure(who));
}
const show = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
for (const who of ['A', 'B', 'd3']) console.log(`${who}: median ${median(results[who]).toFixed(1)} ms (${show(results[who])})`);
const ratio = (x, y) => (median(results[x]) / median(results[y])).toFixed(3);
if (process.env.PAINT) {
  for (const who of ['A', 'B']) console.log(`${who} static paint: median ${median(painted[who])} ms (${painted[who].join(', ')})`);
  const paintRatio = (x) => (median(painted[x]) / median(results.d3)).toFixed(3);
  console.log(`static paint: B/A ${(median(painted.B) / median(painted.A)).toFixed(3)}; A/d3 ${paintRatio('A')}; B/d3 ${paintRatio('B')}`);
}
console.log(`${what}: B/A ${ratio('B', 'A')}; A/d3 ${ratio('A', 'd3')}; B/d3 ${ratio('B', 'd3')}`);
await browser.close();
for (const s of Object.values(servers)) await s.close();
