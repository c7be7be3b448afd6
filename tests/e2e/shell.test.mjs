// The app shell in real headless Chromium against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';
import { symbolCount } from '../support/app.mjs';

const cities = JSON.parse(readFileSync('dist/data/cities.json', 'utf8'));
const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const expectedCount = cities.length.toLocaleString('en-US');
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function open(server, query = '', viewport) {
  const page = await watchedPage(browser, viewport);
  await page.goto(server.url + query, { waitUntil: 'load' });
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  return page;
}

test('the shell shows the number of cities it loaded and every pack with its licence', async () => {
  const server = await serve('dist');
  try {
    const page = await open(server);
    assert.equal(await page.getByTestId('city-count').textContent(), expectedCount);
    for (const pack of manifest.packs) {
      const row = page.locator(`tr[data-pack="${pack.id}"]`);
      assert.equal(await row.count(), 1, pack.id);
      assert.ok((await row.textContent()).includes(pack.licence), `${pack.id} shows its licence`);
    }
    assert.match(await page.locator('tr[data-pack="who-aap"]').textContent(), /CC BY-NC-SA 3\.0 IGO/);
    assert.equal(await page.locator('.state.failed').count(), 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('works from a sub-path and at phone size', async () => {
  const server = await serve('dist', { prefix: '/partner/site/sdg/' });
  try {
    const page = await open(server, '?view=map', { width: 390, height: 844 });
    await page.locator('svg.map path.city').first().waitFor({ timeout: 30_000 });
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
    const page = await open(server, '?view=map&series=pm25');
    await page.locator('svg.map path.city').first().waitFor({ timeout: 30_000 });
    const cityCount = await symbolCount(page);
    assert.ok(cityCount > 100, `the map still draws the other packs' cities: ${cityCount}`);
    await page.getByRole('link', { name: 'Overview' }).click();
    const row = page.locator('tr[data-pack="uk-ons"]');
    await row.locator('.state.failed').waitFor();
    const problems = await row.locator('.problems').textContent();
    assert.match(problems, /obs\/uk-ons\/pm25\.json: row 0 .*field `places`: unknown place/);
    assert.match(problems, /field `values`: -?[\d.]+ µg\/m³ is not a plausible annual mean/);
    assert.equal(await page.locator('.problems img').count(), 0, 'the hostile string stays text');
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('a slow manifest: the page says it is loading, in the URL\'s language, then the app replaces that', async () => {
  const server = await serve('dist');
  try {
    const page = await watchedPage(browser);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/data/manifest.json', async (route) => {
      await held;
      await route.continue();
    });
    // Not until `load`: the held manifest is preloaded, which holds the load event too.
    await page.goto(server.url + '?lang=ko', { waitUntil: 'commit' });
    const notice = page.locator('p.slow-start[role=status]');
    await notice.waitFor({ timeout: 30_000 });
    assert.equal(await notice.textContent(), '데이터를 불러오는 중…');
    release();
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await notice.count(), 0, 'the notice is gone once the app is there');
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
