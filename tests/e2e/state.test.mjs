// The URL contract in a real browser: history after Back, links that keep the state,
// and exactly the files a permalink needs. Against dist/ (or DIST for a comparison).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../support/server.mjs';
import { appSuite, drawnCityIds, matchCount } from '../support/app.mjs';

const app = appSuite();
const { open } = app;

const count = matchCount;

test('after a Back that lands on the same state, the next filter change still reaches the URL', async () => {
  const page = await open('?view=map&series=pm25');
  await page.locator('svg.map path.city').first().waitFor();
  // An in-page anchor (the skip link) adds a history entry with the same query.
  await page.locator('a.skip-link').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#main');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '');
  await page.getByTestId('region-select').selectOption('korea');
  await page.waitForFunction(() => /region=korea/.test(location.search), null, { timeout: 5_000 });
  assert.match(page.url(), /view=map&series=pm25&region=korea/);
  assert.deepEqual(page.errors, []);
});

test('Back and Forward move between views and restore their filters', async () => {
  const page = await open('?view=map&region=korea&series=pm25');
  await page.locator('svg.map path.city').first().waitFor();
  await page.getByRole('link', { name: 'Table' }).click();
  await page.getByTestId('city-table').locator('tbody tr').first().waitFor();
  assert.match(page.url(), /view=table&series=pm25&region=korea/);
  await page.goBack();
  await page.locator('svg.map').waitFor();
  assert.equal(await page.getByTestId('region-select').inputValue(), 'korea');
  await page.goForward();
  await page.getByTestId('city-table').waitFor();
  assert.match(page.url(), /view=table/);
  assert.deepEqual(page.errors, []);
});

test('every internal link carries the language, theme and filters', async () => {
  const keep = 'country=KOR&lang=ko&theme=dark';
  for (const [query, ready] of [
    ['?view=table&series=pm25', '[data-testid=city-table] tbody tr'],
    ['?view=indicator&series=pm25', '.two-col li a'],
    ['?view=city&city=kr-11', '[data-testid=profile-table] tbody tr'],
    ['?view=city&city=atlantis', '[data-testid=unknown-city] a'],
    ['?', '.series-list a'],
  ]) {
    const page = await open(`${query}&${keep}`);
    await page.locator(ready).first().waitFor();
    const hrefs = await page.locator('main a[href^="?"], nav a[href^="?"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length >= 5, `${query}: links found: ${hrefs.length}`);
    for (const href of hrefs) {
      for (const part of keep.split('&')) assert.ok(href.includes(part), `${query}: ${href} lacks ${part}`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  // A city link opens the profile in Korean.
  const page = await open(`?view=table&series=pm25&${keep}`);
  await page.getByTestId('city-table').locator('tbody tr th a').first().click();
  await page.getByTestId('city-name').waitFor();
  assert.match(page.url(), /view=city&.*lang=ko/);
  assert.deepEqual(page.errors, []);
});

test('an indicator permalink fetches its own series, not PM2.5', async () => {
  // A server of its own: pages of other tests may still be loading.
  const own = await serve(process.env.DIST ?? 'dist');
  const page = await open('?view=indicator&ind=11.7.1', undefined, own);
  await page.getByTestId('indicator-title').waitFor();
  assert.match(await page.getByTestId('indicator-title').textContent(), /open space for public use/i);
  await own.close();
  const fetched = own.requests.filter((p) => p.includes('/data/obs/'));
  assert.ok(fetched.some((p) => p.endsWith('/open-space.json')), fetched.join('\n'));
  assert.ok(!fetched.some((p) => /pm25/.test(p)), `no PM2.5 file for 11.7.1:\n${fetched.join('\n')}`);
  assert.ok(!fetched.some((p) => p.endsWith('-countries.json')), 'no country tables on an indicator page');
  assert.deepEqual(page.errors, []);
});

test("a view of Korea fetches only the Korean part of a table split by region", async () => {
  const own = await serve(process.env.DIST ?? 'dist');
  const page = await open('?view=korea', undefined, own);
  await page.locator('html[data-drawn]').waitFor({ state: 'attached' });
  await page.getByTestId('loaded').waitFor({ state: 'attached' });
  await own.close();
  const fetched = own.requests.filter((p) => p.includes('/data/obs/who-aap/'));
  assert.deepEqual(fetched.map((p) => p.split('/').pop()).sort(), ['pm10-korea.json', 'pm25-korea.json']);
  assert.deepEqual(page.errors, []);
});

test('the scatter series is part of the permalink', async () => {
  const page = await open('?view=chart&series=pm25&region=korea');
  await page.getByTestId('scatter-x').selectOption('pm10');
  await page.waitForFunction(() => /vs=pm10/.test(location.search));
  await page.reload();
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=chart-scatter] figcaption').textContent.includes('PM10'));
  assert.equal(await page.getByTestId('scatter-x').inputValue(), 'pm10');
  assert.deepEqual(page.errors, []);
});

test('region=world and no region are the same page', async () => {
  const page = await open('?view=map&region=world');
  await page.locator('svg.map path.city').first().waitFor();
  assert.equal(await page.getByTestId('region-select').inputValue(), 'world');
  await page.getByTestId('region-select').selectOption('korea');
  await page.waitForFunction(() => /region=korea/.test(location.search));
  await page.getByTestId('region-select').selectOption('world');
  await page.waitForFunction(() => !/region=/.test(location.search));
  assert.deepEqual(page.errors, []);
});

test('a settlement that cannot be placed has a profile that says so, and is not on the map', async () => {
  const page = await open('?view=city&city=un-twn-taoyuan');
  await page.getByTestId('location-unknown').waitFor();
  assert.equal(await page.getByTestId('city-name').textContent(), 'Taoyuan');
  await page.getByTestId('profile-table').locator('tbody tr').first().waitFor();
  assert.match(await page.getByTestId('profile-table').textContent(), /11\.6\.2/);
  const map = await open('?view=map&country=TWN&q=taoyuan');
  await map.getByTestId('map').waitFor();
  assert.ok((await count(map)) >= 1, 'Taoyuan is in the selection');
  assert.ok(!(await drawnCityIds(map)).includes('un-twn-taoyuan'), 'but not drawn');
  assert.deepEqual([...page.errors, ...map.errors], []);
});

test('a series without a threshold states and cites its progress method, and a profile shows its progress', async () => {
  const page = await open('?view=indicator&series=kr-recycling');
  await page.getByTestId('progress-rule').waitFor();
  const text = await page.locator('.indicator-view').textContent();
  assert.match(text, /Statistics Canada/);
  assert.match(text, /not the SDSN status/);
  const suwon = await open('?view=city&city=kr-31010');
  const table = suwon.getByTestId('profile-table');
  await table.locator('tbody tr').first().waitFor();
  // Recycling has no threshold: its column says progress, never an SDSN trend word.
  const row = table.locator('tbody tr', { hasText: 'recycl' });
  assert.match(await row.textContent(), /[Pp]rogress|Deterioration|Too little data/);
  assert.deepEqual([...page.errors, ...suwon.errors], []);
});

test('a doubtful latest value is shown with its reason', async () => {
  // gn-3112721: WHO gives PM2.5 8.99 and PM10 8.96 for 2019, its latest year.
  const page = await open('?view=city&city=gn-3112721');
  const doubt = page.getByTestId('doubt').first();
  await doubt.waitFor();
  assert.match(await doubt.textContent(), /Doubtful value: PM2\.5 8\.99 above PM10 8\.96/);
  assert.deepEqual(page.errors, []);
});

test('the indicator page states its band edges and the trend rule with their sources', async () => {
  const page = await open('?view=indicator&series=pm25');
  await page.getByTestId('trend-rule').waitFor();
  const text = await page.locator('.indicator-view').textContent();
  assert.match(text, /Bounds are inclusive/);
  // The bands in the same words as the landing map's legend (assess::band).
  const bands = await page.getByTestId('bands').textContent();
  assert.match(bands, /≤ 10 µg\/m³.*10–15 µg\/m³.*15–25 µg\/m³.*> 25 µg\/m³/);
  assert.match(text, /exactly half, or exactly all/);
  assert.match(text, /Sustainable Development Report/);
  assert.match(text, /WHO/);
  assert.deepEqual(page.errors, []);
});
