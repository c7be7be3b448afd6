// `make soak`: 8 simulated hours (SOAK_MINUTES to change) of the kiosk's attract loop
// and random touches against the release build in headless Chromium. Fails on any
// page or console error, JS heap growth of 5 MB or more, or a DOM node count that
// moved by more than 5 %. Writes target/soak/report.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from '../support/browser.mjs';
import { serve } from '../support/server.mjs';
import { soak } from '../support/soak.mjs';

const minutes = Number(process.env.SOAK_MINUTES ?? 480);
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 100000);
console.log(`soak: ${minutes} simulated minutes, seed ${seed} (SOAK_SEED=${seed} replays it)`);
const t0 = Date.now();
const browser = await launch();
const server = await serve('dist');
let r;
try {
  r = await soak(browser, server.url, { minutes, seed, log: (m) => console.log(`soak: ${m}`) });
} finally {
  await browser.close();
  await server.close();
}
const growth = r.heap_end - r.heap_start;
const report = { ...r, heap_growth_bytes: growth, wall_seconds: Math.round((Date.now() - t0) / 1000) };
mkdirSync('target/soak', { recursive: true });
writeFileSync('target/soak/report.json', JSON.stringify(report, null, 2));
console.log(`soak: ${r.touches} touches over ${minutes} simulated minutes in ${report.wall_seconds} s; views ${r.views.join(', ')}`);
console.log(`soak: JS heap ${(r.heap_start / 1e6).toFixed(2)} -> ${(r.heap_end / 1e6).toFixed(2)} MB (peak ${(r.heap_peak / 1e6).toFixed(2)}), DOM ${r.nodes_start} -> ${r.nodes_end} nodes, ${r.errors.length} errors`);
const failures = [];
if (r.errors.length) failures.push(`errors:\n  ${r.errors.join('\n  ')}`);
if (growth >= 5e6) failures.push(`JS heap grew ${(growth / 1e6).toFixed(2)} MB`);
if (Math.abs(r.nodes_end - r.nodes_start) > r.nodes_start * 0.05) failures.push(`DOM ${r.nodes_start} -> ${r.nodes_end}`);
if (failures.length) {
  console.error(`soak FAILED:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('soak: passed');
