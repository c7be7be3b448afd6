// Not part of `make bench`: an A/B of the map's time to draw between two builds
// (`node tests/bench/ab-map.mjs distA distB [rate] [rounds]`), run alternately in one
// session with the d3 reference, so a change is judged as a ratio on one machine.
// `LATENCY=150` adds a network round trip to every request.
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';
import { referencePage } from './reference.mjs';

const [A, B, rate = '4', rounds = '7'] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();
const ref = await serve(referencePage(), { data: `${A}/data` });
const servers = { A: await serve(A), B: await serve(B), d3: ref };
const ready = { A: 'svg.map path.city', B: 'svg.map path.city', d3: 'svg.map circle.city' };
const times = { A: [], B: [], d3: [] };
for (let i = 0; i < Number(rounds); i++) {
  for (const who of i % 2 ? ['B', 'A', 'd3'] : ['A', 'B', 'd3']) {
    const page = await watchedPage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
    // LATENCY=ms emulates a network's round trip (throughput left unlimited).
    if (process.env.LATENCY) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: Number(process.env.LATENCY), downloadThroughput: -1, uploadThroughput: -1 });
    }
    const t0 = Date.now();
    await page.goto(servers[who].url + (who === 'd3' ? '' : '?view=map'));
    await page.locator(ready[who]).first().waitFor({ state: 'attached', timeout: 120_000 });
    times[who].push(Date.now() - t0);
    if (page.errors.length) throw new Error(page.errors.join('\n'));
    await page.context().close();
  }
}
for (const who of ['A', 'B', 'd3']) console.log(`${who}: median ${median(times[who])} ms (${times[who].join(', ')})`);
console.log(`B/A ${(median(times.B) / median(times.A)).toFixed(3)}; A/d3 ${(median(times.A) / median(times.d3)).toFixed(2)}; B/d3 ${(median(times.B) / median(times.d3)).toFixed(2)}`);
await browser.close();
for (const s of Object.values(servers)) await s.close();
