// The visitor's first minute: the landing page's live map and counts, its search, its
// target tiles; and the filter panel beside the picture on wide screens and in a
// drawer on phones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appSuite, matchCount } from '../support/app.mjs';
import { serve } from '../support/server.mjs';

const landing = JSON.parse(readFileSync('dist/data/landing.json', 'utf8'));
const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const app = appSuite();
const { open } = app;
const PHONE = { width: 390, height: 844 };

test('the landing map shows each status with the count the full map gives for it', async () => {
  const start = app.server.requests.length;
  const page = await open('');
  const map = page.getByTestId('landing-map');
  await map.locator('path.dots').first().waitFor({ state: 'attached' });
  const counts = page.getByTestId('landing-counts').locator('li');
  assert.equal(await counts.count(), landing.dots.length);
  const total = landing.dots.reduce((n, d) => n + d.cities, 0);
  assert.ok(total > 1000, `Asia-Pacific cities with a PM2.5 value: ${total}`);
  const red = landing.dots.find((d) => d.status === 'red');
  const redItem = page.locator('[data-testid=landing-counts] li[data-status=red]');
  assert.match(await redItem.textContent(), new RegExp(`${red.cities.toLocaleString('en')} of ${total.toLocaleString('en')} cities`));
  assert.match(await redItem.textContent(), /> 25 µg\/m³/);
  // The credit names the packs the counted values come from, with their licences.
  const credit = await map.locator('.credit').textContent();
  for (const id of landing.packs) {
    const pack = manifest.packs.find((p) => p.id === id);
    assert.ok(credit.includes(pack.title) && credit.includes(pack.licence), `${id} in ${credit}`);
  }
  // Only the small pre-computed scene was fetched: no places, no tables, no boundaries.
  const fetched = app.server.requests.slice(start);
  assert.ok(fetched.some((p) => p.endsWith('/data/landing.json')));
  for (const heavy of ['cities.json', 'obs/', 'geo/']) {
    assert.ok(!fetched.some((p) => p.includes(heavy)), `the landing page fetched ${heavy}`);
  }
  // A count leads to the full map of that status in that region, which agrees.
  await redItem.locator('a').click();
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  assert.match(page.url(), /view=map&ind=11\.6\.2&series=pm25&region=asia-pacific&status=red/);
  assert.equal(await matchCount(page), red.cities);
  assert.deepEqual(page.errors, []);
});

test('the search on the landing page fetches city and country names only when used, and opens a city', async () => {
  const start = app.server.requests.length;
  const page = await open('');
  await page.getByTestId('landing-map').locator('path.dots').first().waitFor({ state: 'attached' });
  const gazetteer = (p) => p.endsWith('/cities.json') || p.endsWith('/countries.json');
  assert.deepEqual(app.server.requests.slice(start).filter(gazetteer), [], 'no names before the search is used');
  const search = page.getByLabel('Find a city or local government');
  await search.focus();
  await search.pressSequentially('수원');
  const option = page.locator('#landing-suggestions li').first();
  await option.waitFor();
  assert.equal(app.server.requests.slice(start).filter(gazetteer).length, 2, 'both, once each');
  assert.match(await option.textContent(), /수원|Suwon/);
  await search.press('Enter');
  await page.getByTestId('city-name').waitFor();
  assert.match(page.url(), /view=city&city=kr-31010/);
  assert.deepEqual(page.errors, []);
});

test('target tiles show coverage and actions per target, in Korean too', async () => {
  const page = await open('?lang=ko');
  const tiles = page.getByTestId('target-tiles').locator('.target-tile');
  await tiles.first().waitFor();
  const framework = JSON.parse(readFileSync('dist/data/framework.json', 'utf8'));
  assert.equal(await tiles.count(), framework.targets.length);
  const t116 = page.locator('.target-tile[data-target="11.6"]');
  assert.match(await t116.locator('.coverage').textContent(), /최대 [\d,]+개 도시 자료/);
  assert.match(await t116.locator('h3').textContent(), new RegExp(framework.targets.find((t) => t.code === '11.6').title.ko.slice(0, 10)));
  assert.equal(await t116.locator('.tile-actions a').textContent(), `지역 실천 ${manifest.actions.per_target['11.6']}건`);
  assert.deepEqual(page.errors, []);
});

test('a broken landing.json leaves a message and a way to the full map; the rest works', async () => {
  const server = await serve('dist', { rewrite: (rel, body) => (rel === 'data/landing.json' ? Buffer.from('{"series":') : body) });
  try {
    const page = await open('', undefined, server);
    const gone = page.getByTestId('landing-map-unavailable');
    await gone.waitFor();
    assert.match(await gone.textContent(), /landing\.json/);
    assert.equal(await page.getByTestId('target-tiles').locator('.target-tile').count() > 0, true);
    // The warning is the app's own message, not a page error.
    assert.deepEqual(page.errors.filter((e) => !/landing\.json/.test(e)), []);
  } finally {
    await server.close();
  }
});

test('on a wide screen the filters sit beside the map, which starts in view', async () => {
  const page = await open('?view=map&region=asia-pacific', { width: 1440, height: 900 });
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  const panel = await page.locator('#filter-panel').boundingBox();
  const map = await page.getByTestId('map').boundingBox();
  assert.ok(panel.x + panel.width <= map.x, `panel ${JSON.stringify(panel)} left of map ${JSON.stringify(map)}`);
  assert.ok(map.y < 400, `the map starts at ${map.y}px`);
  assert.ok(map.width > 1000, `the map is ${map.width}px wide`);
  assert.equal(await page.getByTestId('filter-toggle').isVisible(), false);
  assert.deepEqual(page.errors, []);
});

test('on a phone the filters fold into a drawer that keeps the keyboard in order', async () => {
  const page = await open('?view=map&region=asia-pacific', PHONE);
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  const toggle = page.getByTestId('filter-toggle');
  assert.equal(await page.locator('#filter-panel').isVisible(), false);
  const map = await page.getByTestId('map').boundingBox();
  assert.ok(map.y + map.height <= PHONE.height, `the whole map is in view: ${JSON.stringify(map)}`);
  const before = await matchCount(page);
  assert.match(await toggle.textContent(), new RegExp(before.toLocaleString('en')));
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.waitForFunction(() => document.activeElement?.classList.contains('filter-close'));
  assert.equal(await page.locator('#filter-panel').getAttribute('role'), 'dialog');
  // Shift+Tab from the first control goes round to the last one, inside the drawer.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#filter-panel') !== null), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('filter-close')), true);
  await page.getByTestId('region-select').selectOption('korea');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=match-count]').textContent.replace(/[^0-9]/g, '')) !== n, before);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#filter-panel').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'filter-toggle');
  assert.match(page.url(), /region=korea/);
  assert.deepEqual(page.errors, []);
});
