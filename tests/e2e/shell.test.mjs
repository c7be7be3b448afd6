// The app shell in real headless Chromium against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';

const cities = JSON.parse(readFileSync('dist/data/cities.json', 'utf8'));
const expectedCount = cities.length.toLocaleString('en-US');
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openShell(server, viewport) {
  const page = await watchedPage(browser, viewport);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.getByTestId('loaded').waitFor({ timeout: 30_000 });
  return page;
}

test('the shell loads every pack and shows the number of cities it loaded', async () => {
  const server = await serve('dist');
  try {
    const page = await openShell(server);
    assert.equal(await page.getByTestId('city-count').textContent(), expectedCount);
    const failed = await page.locator('.state.failed').count();
    assert.equal(failed, 0, 'no pack failed');
    const ready = await page.locator('.state.ready').count();
    assert.ok(ready >= 10, `packs loaded: ${ready}`);
    // Every pack shows its licence; the WHO pack carries its non-commercial terms.
    const who = page.locator('tr[data-pack="who-aap"]');
    assert.match(await who.textContent(), /CC BY-NC-SA 3\.0 IGO/);
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('works from a sub-path and at phone size', async () => {
  const server = await serve('dist', { prefix: '/partner/site/sdg/' });
  try {
    const page = await openShell(server, { width: 390, height: 844 });
    assert.equal(await page.getByTestId('city-count').textContent(), expectedCount);
    assert.ok(server.requests.every((p) => p.startsWith('/partner/site/sdg/')), server.requests.join('\n'));
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('a broken pack gets a visible message naming the problem; the rest keeps working', async () => {
  const server = await serve('dist', {
    rewrite: (rel, body) => {
      if (rel !== 'data/obs/uk-ons/pm25.json') return body;
      const table = JSON.parse(body);
      table.places[0] = '<img src=x onerror=alert(1)>';
      table.values[1] = -5;
      return Buffer.from(JSON.stringify(table));
    },
  });
  try {
    const page = await openShell(server);
    const row = page.locator('tr[data-pack="uk-ons"]');
    assert.equal(await row.locator('.state.failed').count(), 1);
    const problems = await row.locator('.problems').textContent();
    assert.match(problems, /obs\/uk-ons\/pm25\.json: row 0 .*field `places`: unknown place/);
    assert.match(problems, /field `values`: a concentration cannot be negative/);
    // The hostile string is shown as text, never parsed as HTML.
    assert.equal(await page.locator('.problems img').count(), 0);
    // Everything else still loaded.
    assert.equal(await page.getByTestId('city-count').textContent(), expectedCount);
    assert.ok((await page.locator('.state.ready').count()) >= 10);
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('a missing manifest shows an error instead of a blank page', async () => {
  const server = await serve('dist', {
    rewrite: (rel, body) => (rel === 'data/manifest.json' ? Buffer.from('{"schema": 1, "packs": [') : body),
  });
  try {
    const page = await watchedPage(browser);
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /The data could not be loaded.*manifest\.json/s);
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});
