// The soak's short version (about a minute): 20 simulated minutes of the kiosk's
// attract loop and random touches. `make soak` runs 8 simulated hours of the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';
import { soak } from '../support/soak.mjs';

const app = appSuite();

test('20 minutes of the kiosk with random touches: no error, heap and DOM flat', async () => {
  const r = await soak(app.browser, app.server.url, { minutes: 20, seed: Number(process.env.SOAK_SEED ?? 11), log: console.log });
  console.log(`soak (short): ${JSON.stringify({ ...r, errors: r.errors.length })}`);
  assert.deepEqual(r.errors, []);
  assert.ok(r.touches >= 40, `touches: ${r.touches}`);
  assert.ok(r.views.length >= 2, `the views it went through: ${r.views}`);
  assert.ok(r.heap_end - r.heap_start < 5e6, `JS heap ${r.heap_start} -> ${r.heap_end}`);
  assert.ok(Math.abs(r.nodes_end - r.nodes_start) <= r.nodes_start * 0.05, `DOM ${r.nodes_start} -> ${r.nodes_end}`);
});
