// What a person does with the explorer, in headless Chromium against dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appSuite, firstSymbolPoint, matchCount, symbolCount } from '../support/app.mjs';
import { watchedPage } from '../support/browser.mjs';

const app = appSuite();
const { open } = app;


const count = matchCount;

test('a permalink opens that view with its filters', async () => {
  const page = await open('?view=map&ind=11.6.2&series=pm25&region=korea&year=2019');
  await page.locator('svg.map path.city').first().waitFor();
  assert.equal(await page.getByTestId('region-select').inputValue(), 'korea');
  assert.equal(await page.getByTestId('year-select').inputValue(), '2019');
  assert.equal(await page.getByTestId('series-select').inputValue(), 'pm25');
  assert.ok((await count(page)) > 10);
  assert.equal(await page.locator('svg.map path.province').count(), 17, 'the 17 provinces are drawn');
  assert.deepEqual(page.errors, []);
});

test('filtering changes the count and the map, and replaces the history entry', async () => {
  const page = await open('?view=map&series=pm25');
  await page.locator('svg.map path.city').first().waitFor();
  const before = await count(page);
  const symbolsBefore = await symbolCount(page);
  const historyBefore = await page.evaluate(() => history.length);
  await page.getByTestId('region-select').selectOption('asia-pacific');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=match-count]').textContent.replace(/[^0-9]/g, '')) !== n, before);
  const after = await count(page);
  assert.ok(after < before && after > 100, `${before} -> ${after}`);
  assert.notEqual(await symbolCount(page), symbolsBefore);
  assert.match(page.url(), /region=asia-pacific/);
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'a filter does not push history');
  // A person touches a select before choosing: the long lists are built then.
  await page.getByTestId('subregion-select').focus();
  await page.getByTestId('subregion-select').selectOption('south-east-asia');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=match-count]').textContent.replace(/[^0-9]/g, '')) < n, after);
  assert.match(page.url(), /subregion=south-east-asia/);
  await page.getByTestId('subregion-select').selectOption('');
  await page.getByTestId('country-select').focus();
  await page.getByTestId('country-select').selectOption('KOR');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=match-count]').textContent.replace(/[^0-9]/g, '')) < 200);
  assert.match(page.url(), /country=KOR/);
  assert.deepEqual(page.errors, []);
});

test('the country select lists every country once touched, before its list opens, and shows a permalink\'s country before', async () => {
  const page = await open('?view=map&country=KOR');
  await page.locator('svg.map path.city').first().waitFor();
  const select = page.getByTestId('country-select');
  assert.equal(await select.inputValue(), 'KOR', "the permalink's country is chosen");
  assert.deepEqual(await select.locator('option').allTextContents(), ['All', 'South Korea'], 'All and the chosen one, until touched');
  // What the select holds when the browser opens its list: at the mouse's press,
  // after the pointer's.
  await select.evaluate((s) => s.addEventListener('mousedown', () => { window.listedAtPress = s.options.length; }, { once: true }));
  const box = await select.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await page.keyboard.press('Escape');
  const listed = await page.evaluate(() => window.listedAtPress);
  const all = await select.locator('option').count();
  assert.ok(listed === all && all > 100, `${listed} options at the press, ${all} after`);
  assert.equal(await select.inputValue(), 'KOR', 'still the chosen one');
  await select.selectOption('JPN');
  await page.waitForURL(/country=JPN/);

  // By the keyboard: the focus lists them.
  const other = await open('?view=map');
  await other.locator('svg.map path.city').first().waitFor();
  const subregions = other.getByTestId('subregion-select');
  assert.equal(await subregions.locator('option').count(), 1, 'only All, until touched');
  await subregions.focus();
  await other.waitForFunction(() => document.querySelector('[data-testid=subregion-select]').options.length > 5);
  assert.deepEqual([...page.errors, ...other.errors], []);
});

for (const [typed, expected] of [['Seoul', 'Seoul'], ['서울', 'Seoul']]) {
  test(`search "${typed}" reaches the profile, and Back returns to the map`, async () => {
    const page = await open('?view=map');
    await page.locator('svg.map path.city').first().waitFor();
    const box = page.getByRole('combobox', { name: 'Search cities' });
    await box.fill(typed);
    await page.locator('#city-suggestions [role=option]').first().waitFor();
    await box.press('Enter');
    await page.getByTestId('city-name').waitFor();
    assert.equal(await page.getByTestId('city-name').textContent(), expected);
    assert.match(page.url(), /view=city&.*city=kr-11|view=city.*city=kr-11/);
    await page.getByTestId('profile-table').locator('tbody tr').first().waitFor();
    assert.match(await page.getByTestId('profile-table').textContent(), /11\.6\.2/);
    await page.goBack();
    await page.locator('svg.map').waitFor();
    assert.match(page.url(), /view=map/);
    assert.deepEqual(page.errors, []);
  });
}

test('pointing at a city on the map shows it, and clicking opens its profile', async () => {
  const page = await open('?view=map&region=korea&series=pm25');
  await page.locator('svg.map path.city').first().waitFor();
  // The symbols of one colour are one path: point where the keyboard's first city is.
  const { id, x, y } = await firstSymbolPoint(page);
  await page.mouse.move(x, y);
  await page.locator('.tooltip').waitFor();
  assert.equal(await page.locator('svg.map .city-highlight').getAttribute('data-id'), id, 'the same city');
  await page.mouse.move(1, 1);
  await page.locator('.tooltip').waitFor({ state: 'detached' });
  await page.mouse.click(x, y);
  await page.getByTestId('city-name').waitFor();
  assert.match(page.url(), new RegExp(`view=city.*city=${id}|city=${id}.*view=city`));
  assert.deepEqual(page.errors, []);
});

test('the CSV download holds the rows with their sources and licences, Korean intact', async () => {
  const page = await open('?view=table&series=pm25&country=KOR');
  await page.getByTestId('city-table').locator('tbody tr').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-download').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeffcity_id,city,city_ko,city_zh,'), 'UTF-8 BOM and header');
  assert.match(text, /kr-11,Seoul,서울특별시,,South Korea,East and North-East Asia,\d+,11\.6\.2,Annual mean PM2\.5,[\d.]+,µg\/m³,20\d\d,/);
  const rows = text.trim().split('\r\n');
  assert.equal(rows.length - 1, await count(page), 'one row per matching city');
  assert.ok(rows.slice(1).every((r) => /(WHO|Statistics Korea)/.test(r)), 'every row names its source');
  assert.ok(rows[0].endsWith(',source,licence'), rows[0]);
  // Each row's licence is its own pack's: WHO rows carry WHO's terms, KOSIS rows KOGL.
  const licences = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')).packs.map((p) => p.licence);
  for (const row of rows.slice(1)) {
    const licence = licences.find((l) => row.endsWith(l.includes(',') ? `"${l}"` : l));
    assert.ok(licence, `a pack's licence ends ${row}`);
    if (/WHO Ambient/.test(row)) assert.match(licence, /CC BY-NC-SA 3\.0 IGO/, row);
    if (/Statistics Korea|KOSIS/.test(row)) assert.match(licence, /KOGL/, row);
  }
  assert.deepEqual(page.errors, []);
});

test('a bad city or indicator shows a message and no page error', async () => {
  const bad = await open('?view=city&city=atlantis-1');
  await bad.getByTestId('unknown-city').waitFor();
  assert.match(await bad.getByTestId('unknown-city').textContent(), /atlantis-1/);
  assert.deepEqual(bad.errors, []);

  const ind = await open('?view=map&ind=99.9.9&year=banana&city=%3Cscript%3E');
  await ind.getByTestId('url-notice').waitFor();
  const notice = await ind.getByTestId('url-notice').textContent();
  assert.match(notice, /ind=99\.9\.9/);
  assert.match(notice, /year=banana/);
  await ind.locator('svg.map path.city').first().waitFor();
  assert.equal(await ind.getByTestId('series-select').inputValue(), 'pm25', 'falls back to PM2.5');
  assert.deepEqual(ind.errors, []);
});

test('lang=ko switches the interface and <html lang>', async () => {
  const page = await open('?view=map&lang=ko');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.equal(await page.getByRole('link', { name: '지도' }).getAttribute('aria-current'), 'page');
  await page.getByRole('combobox', { name: '도시 검색' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('lang=zh: the interface, the official Goal 11 texts and local names in Chinese, English names marked as English', async () => {
  const page = await open('?view=city&city=cn-haerbin-achengqu&lang=zh');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  // A Chinese district has its Chinese name; the English one beside it is marked.
  assert.equal(await page.getByTestId('city-name').textContent(), '阿城区');
  assert.equal(await page.locator('.alt-name').getAttribute('lang'), 'en');
  assert.equal(await page.locator('.alt-name').textContent(), 'Acheng Qu');
  // Suwon has no Chinese name: its English name is shown, marked as English.
  const suwon = await open('?view=city&city=kr-31010&lang=zh');
  const name = suwon.getByTestId('city-name');
  await name.waitFor();
  assert.equal(await name.getAttribute('lang'), 'en');
  assert.equal(await suwon.locator('.alt-name').count(), 0, 'no second form to show');
  // The official target text, from the framework's Chinese translation.
  const ind = await open('?view=indicator&series=pm25&lang=zh');
  await ind.getByText('优劣方向').first().waitFor();
  assert.match(await ind.locator('main').textContent(), /到2030年/);
  // The language menu lists every language in its own name, and switches.
  const map = await open('?view=map&lang=en');
  const select = map.getByRole('combobox', { name: 'Language' });
  assert.deepEqual(await select.locator('option').allTextContents(), ['English', '한국어', '简体中文']);
  await select.selectOption('zh');
  await map.getByRole('link', { name: '地图' }).waitFor();
  assert.match(map.url(), /lang=zh/);
  for (const p of [page, suwon, ind, map]) assert.deepEqual(p.errors, []);
});

test("a language's texts are fetched when it is shown: a switch waits for them, whole; a broken file leaves English", async () => {
  const page = await watchedPage(app.browser);
  const asked = [];
  page.on('request', (r) => new URL(r.url()).pathname.includes('/messages/') && asked.push(new URL(r.url()).pathname));
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/messages/ko.txt', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(app.server.url + '?view=map&lang=en');
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  assert.deepEqual(asked, [], 'English is built in: no message file fetched');
  await page.getByRole('combobox', { name: 'Language' }).focus();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.waitForURL(/lang=ko/);
  // While Korean is on its way, the page stays English, every part of it.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('link', { name: 'Map', exact: true }).count(), 1);
  assert.equal(await page.getByRole('link', { name: '지도' }).count(), 0);
  release();
  await page.getByRole('link', { name: '지도' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.equal(await page.getByRole('combobox', { name: '언어' }).inputValue(), 'ko');
  assert.deepEqual(asked, ['/messages/ko.txt'], 'fetched once');
  assert.deepEqual(page.errors, []);

  // A server that answers with something else (a proxy's error page): English.
  const broken = await watchedPage(app.browser);
  await broken.route('**/messages/zh.txt', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>Gateway\ttimeout</body></html>' }));
  await broken.goto(app.server.url + '?view=map&lang=zh');
  await broken.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  await broken.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  assert.equal(await broken.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await broken.getByRole('link', { name: 'Map', exact: true }).count(), 1);
  assert.deepEqual(broken.errors, []);
});

test('charts: lines for compared cities, table alternative and SVG download', async () => {
  const page = await open('?view=chart&series=pm25&city=kr-11,kr-21');
  const card = page.getByTestId('chart-lines');
  await card.locator('svg.chart polyline').first().waitFor({ state: 'attached' });
  assert.match(await card.locator('.chart-legend').textContent(), /Seoul.*Busan/s);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  // The source and licence line is under the chart and in its download.
  const credit = await card.locator('.credit').textContent();
  assert.match(credit, /Source and licence: .*WHO Ambient Air Quality Database.*CC BY-NC-SA 3\.0 IGO/);
  assert.match(svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), /Source and licence: .*CC BY-NC-SA 3\.0 IGO/);
  await card.getByRole('button', { name: 'Show as table' }).click();
  assert.match(await card.locator('table').textContent(), /Seoul.*20\d\d/s);
  assert.deepEqual(page.errors, []);
});

// axe over every view, language, theme and width: matrix.test.mjs.

test('the map is usable by keyboard: step to a city, read it, open it', async () => {
  const page = await open('?view=map&region=korea&series=pm25');
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  const map = page.getByTestId('map');
  await map.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('0');
  await page.keyboard.press(']');
  const tip = page.locator('.tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /µg\/m³ \(20\d\d\)/);
  await page.keyboard.press('Enter');
  await page.getByTestId('city-name').waitFor();
  assert.match(page.url(), /view=city/);
  assert.deepEqual(page.errors, []);
});

test('the scatter can plot one series against another', async () => {
  const page = await open('?view=chart&series=pm25&region=korea');
  await page.getByTestId('chart-scatter').locator('svg.chart').waitFor();
  await page.getByTestId('scatter-x').selectOption('pm10');
  const card = page.getByTestId('chart-scatter');
  await page.waitForFunction(() => document.querySelector('[data-testid=chart-scatter] figcaption').textContent.includes('PM10'));
  await card.getByRole('button', { name: 'Show as table' }).click();
  const rows = await card.locator('tbody tr').count();
  assert.ok(rows > 5, `cities with both PM2.5 and PM10: ${rows}`);
  // Back to the chart: its points are drawn as paths, one per run of alike dots
  // (sdg_core::chart::marks), a subpath per city, as many as the table's rows.
  await card.getByRole('button', { name: 'Show as chart' }).click();
  const dots = () =>
    [...document.querySelectorAll('[data-testid=chart-scatter] svg.chart path.chart-dots')].reduce(
      (n, p) => n + p.getAttribute('d').split('M').length - 1,
      0,
    );
  // Polled: the chart is drawn again once back, and may not be there at once.
  let drawn = 0;
  for (let i = 0; i < 100 && drawn !== rows; i++) {
    if (i) await page.waitForTimeout(100);
    drawn = await page.evaluate(dots);
  }
  assert.equal(drawn, rows, 'one dot per city in the table');
  assert.deepEqual(page.errors, []);
});

test('the table pages through all cities', async () => {
  const page = await open('?view=table&series=pm25');
  await page.getByTestId('city-table').locator('tbody tr').first().waitFor();
  assert.equal(await page.getByTestId('city-table').locator('tbody tr').count(), 50);
  const next = page.getByRole('button', { name: 'Next', exact: true });
  assert.equal(await next.textContent(), 'Next');
  const first = await page.getByTestId('city-table').locator('tbody tr th').first().textContent();
  await next.click();
  await page.waitForFunction((f) => document.querySelector('[data-testid=city-table] tbody tr th').textContent !== f, first);
  assert.deepEqual(page.errors, []);
});
