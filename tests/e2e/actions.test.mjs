// Local actions in a real browser: filter by target, Korean, a card's permalink, a
// city's actions on its profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { audit } from '../support/axe.mjs';
import { watchedPage } from '../support/browser.mjs';
import { appSuite, matchCount } from '../support/app.mjs';

const pack = JSON.parse(readFileSync('dist/data/actions.json', 'utf8'));
const app = appSuite();
const { open } = app;


// How many actions match (the count line says "Showing 24 of 346" once there are pages).
const shown = async (page) => Number(await page.getByTestId('actions-count').getAttribute('data-total'));
const totalIs = (page, n) => page.waitForFunction((n) => Number(document.querySelector('[data-testid=actions-count]')?.dataset.total) === n, n);
const PAGE = 24;

test('actions filter by target, and the count matches the pack', async () => {
  const page = await open('?view=actions');
  await page.getByTestId('action-card').first().waitFor();
  assert.equal(await shown(page), pack.actions.length);
  const on116 = pack.actions.filter((a) => a.targets.includes('11.6')).length;
  await page.locator('[data-target="11.6"] input').check();
  await totalIs(page, on116);
  assert.match(page.url(), /view=actions&target=11\.6/);
  assert.equal(await page.getByTestId('action-card').count(), Math.min(on116, PAGE));
  // "More" adds a page at a time until every match is shown, then goes away.
  for (let pages = 2; await page.getByTestId('actions-more').count(); pages++) {
    await page.getByTestId('actions-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=action-card]').length === n, Math.min(on116, pages * PAGE));
  }
  assert.equal(await page.getByTestId('action-card').count(), on116);
  for (const chips of await page.locator('.action-card .chips').allTextContents()) assert.match(chips, /11\.6/);
  await page.getByTestId('theme-select').selectOption('waste');
  const both = pack.actions.filter((a) => a.targets.includes('11.6') && a.theme === 'waste').length;
  await totalIs(page, both);
  assert.equal(await page.getByTestId('action-card').count(), Math.min(both, PAGE), 'a new filter starts again at one page');
  assert.match(page.url(), /theme=waste/);
  assert.deepEqual(page.errors, []);
});

test('in Korean, titles are Korean and English summaries are marked as English', async () => {
  const page = await open('?view=actions&action=LA001&lang=ko');
  const card = page.locator('[data-id="LA001"]');
  await card.waitFor();
  assert.equal(await card.locator('h2').textContent(), pack.actions.find((a) => a.id === 'LA001').title.ko);
  assert.equal(await card.locator('.summary').getAttribute('lang'), 'en');
  assert.match(await card.locator('.lang-tag').textContent(), /영어/);
  const link = card.locator('.source a');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await link.getAttribute('href'), /^https?:\/\//);
  assert.deepEqual(page.errors, []);
});

test('a card has its own permalink, and an unknown one says so', async () => {
  const page = await open('?view=actions&action=LA003');
  await page.locator('[data-id="LA003"]').waitFor();
  assert.equal(await page.getByTestId('action-card').count(), 1);
  await page.locator('[data-id="LA003"] .confidence a').click();
  assert.match(page.url(), /action=LA003/);
  const bad = await open('?view=actions&action=LA999');
  await bad.getByTestId('unknown-action').waitFor();
  assert.deepEqual([...page.errors, ...bad.errors], []);
});

test("Suwon's profile lists its actions and the figures it reports", async () => {
  const page = await open('?view=city&city=kr-31010');
  await page.getByTestId('city-actions').waitFor();
  const text = await page.getByTestId('city-actions').textContent();
  assert.match(text, /Suwon report on implementing Goal 11/);
  assert.match(await page.getByTestId('reported-figures').textContent(), /population: 1,195,718 persons \(2023-09\)/);
  assert.deepEqual(page.errors, []);
});

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`axe finds no violations on the actions view at ${viewport.width}px`, async () => {
    const page = await open('?view=actions&target=11.6', viewport);
    await page.getByTestId('action-card').first().waitFor();
    const result = await audit(page).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow: ${overflow}px`);
    // A target chip never breaks inside its code ("11.1" over three lines).
    const chips = await page.locator('.target-chips .chip').evaluateAll((els) =>
      els.map((e) => ({ code: e.dataset.target, lines: e.getClientRects().length, height: e.getBoundingClientRect().height })),
    );
    const lineHeight = Math.min(...chips.map((c) => c.height));
    const broken = chips.filter((c) => c.lines > 1 || c.height > lineHeight * 1.5).map((c) => c.code);
    assert.deepEqual(broken, [], 'chips on one line');
    assert.deepEqual(page.errors, []);
  });
}

test('the overview shows actions per target and three recent ones without loading the pack', async () => {
  const page = await watchedPage(app.browser);
  const start = app.server.requests.length;
  await page.goto(app.server.url, { waitUntil: 'load' });
  await page.getByTestId('actions-summary').waitFor();
  const summary = await page.getByTestId('actions-summary').textContent();
  const on116 = pack.actions.filter((a) => a.targets.includes('11.6')).length;
  assert.ok(summary.includes(`11.6: ${on116}`), summary);
  assert.equal(await page.getByTestId('actions-summary').locator('h3 + ul li').count(), 3);
  // "Nothing fetched" is judged once the app says it has loaded all it asked for,
  // not after a guessed pause that a late request would slip past.
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  assert.ok(!app.server.requests.slice(start).some((p) => p.endsWith('/actions.json')), 'the overview does not fetch actions.json');
  assert.deepEqual(page.errors, []);
});

test('the indicator page lists actions on its target and links to all of them', async () => {
  const page = await open('?view=indicator&ind=11.6.2');
  await page.getByTestId('target-actions').waitFor();
  assert.ok((await page.getByTestId('target-actions').getByTestId('action-card').count()) >= 1);
  await page.getByTestId('target-actions').getByRole('link', { name: /See all \d+ actions on 11\.6/ }).click();
  await page.getByTestId('actions-count').waitFor();
  assert.match(page.url(), /view=actions.*target=11\.6/);
  assert.deepEqual(page.errors, []);
});

test("Korea's matrix puts leading local governments first, sorts, and opens a profile", async () => {
  const page = await open('?view=korea');
  const matrix = page.getByTestId('korea-matrix');
  await matrix.locator('tbody tr').first().waitFor();
  const rows = Number(await page.getByTestId('korea-count').getAttribute('data-total'));
  assert.ok(rows > 50, `local governments with an action or a statistic: ${rows}`);
  // A page of leaders first, the rest on asking (the DOM holds one page).
  assert.equal(await matrix.locator('tbody tr').count(), 20);
  const covered = await matrix.locator('tbody tr td:nth-of-type(1)').allTextContents();
  const numbers = covered.map(Number);
  assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), 'leaders first');
  assert.equal(await matrix.locator('tbody tr').first().getAttribute('data-id'), 'kr-11', 'Seoul leads');
  // Suwon reports actions on several targets.
  const suwon = matrix.locator('tr[data-id="kr-31010"]');
  assert.ok(Number(await suwon.locator('td').nth(1).textContent()) >= 5);
  await matrix.getByRole('button', { name: '11.4' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=korea-matrix] thead th:nth-of-type(7)').getAttribute('aria-sort') === 'descending');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('korea-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffplace_id,name,targets_covered,actions,actions_11.1,series_11.1'));
  assert.equal(csv.trim().split('\r\n').length - 1, rows);
  const more = page.getByTestId('korea-more');
  while (await more.count()) await more.click();
  assert.equal(await matrix.locator('tbody tr').count(), rows, 'every government on asking');
  await suwon.locator('th > a').click();
  await page.getByTestId('city-name').waitFor();
  assert.equal(await page.getByTestId('city-name').textContent(), 'Suwon-si');
  assert.deepEqual(page.errors, []);
});

test("Korea's map colours each government by its actions or a series, and names whose figure an area shows", async () => {
  const page = await open('?view=korea');
  const map = page.getByTestId('korea-map');
  const suwon = map.locator('path.municipal-area[data-id="kr-31010"]');
  await suwon.waitFor();
  assert.equal(await map.locator('path.municipal-area').count(), 229);
  assert.equal(await map.locator('path.province-area').count(), 17);
  // Suwon reported several actions; Seoul's districts have none of their own and show
  // Seoul (the most, another class) through; a province that reported none is grey.
  const fill = (loc) => loc.getAttribute('fill');
  const seoul = map.locator('path.province-area[data-id="kr-11"]');
  assert.notEqual(await fill(suwon), 'none');
  assert.equal(await fill(map.locator('path.municipal-area[data-id="kr-11010"]')), 'none');
  assert.notEqual(await fill(seoul), await fill(suwon), 'different classes, different colours');
  const provinces = await map.locator('path.province-area').evaluateAll((ps) => ps.map((p) => p.dataset.id));
  const silent = provinces.find((id) => !pack.actions.some((a) => (a.places ?? []).includes(id)));
  assert.ok(silent, 'a province without actions of its own');
  assert.equal(await fill(map.locator(`path.province-area[data-id="${silent}"]`)), '#d9d9d9');
  await map.locator('path.municipal-area[data-id="kr-11010"]').dispatchEvent('pointerover');
  const ofSeoul = pack.actions.filter((a) => (a.places ?? []).includes('kr-11')).length;
  assert.equal(await page.getByTestId('korea-tooltip').textContent(), `Seoul${ofSeoul} actions`);
  // Coloured by PM2.5: the URL carries the series, the legend turns to statuses.
  await page.getByTestId('korea-colour').selectOption('pm25');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('series') === 'pm25');
  await page.getByTestId('korea-legend').getByText('No data').first().waitFor();
  await suwon.dispatchEvent('pointerover');
  assert.match(await page.getByTestId('korea-tooltip').textContent(), /^Suwon-si[\d.]+ µg\/m³ \(\d{4}\)/);
  await suwon.click({ force: true });
  await page.getByTestId('city-name').waitFor();
  assert.equal(await page.getByTestId('city-name').textContent(), 'Suwon-si');
  assert.deepEqual(page.errors, []);
});

test('axe finds no violations on the Korea matrix', async () => {
  const page = await open('?view=korea&lang=ko');
  await page.getByTestId('korea-matrix').locator('tbody tr').first().waitFor();
  const result = await audit(page).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
  assert.deepEqual(page.errors, []);
});

test('the map has an actions layer: a symbol per city, and a click opens its actions', async () => {
  const page = await open('?view=map&layer=actions&region=korea');
  const symbol = page.locator('svg.map circle.action-symbol[data-id="kr-31010"]');
  await symbol.waitFor();
  assert.ok((await page.locator('svg.map circle.action-symbol').count()) > 20);
  assert.equal(await page.locator('svg.map path.city').count(), 0, 'no statistics symbols on this layer');
  const seoul = Number(await page.locator('circle.action-symbol[data-id="kr-11"]').getAttribute('r'));
  const suwon = Number(await symbol.getAttribute('r'));
  assert.ok(seoul > suwon, 'Seoul reported more actions than Suwon');
  await symbol.click({ force: true });
  await page.getByTestId('action-card').first().waitFor();
  assert.match(page.url(), /view=actions.*city=kr-31010/);
  const total = pack.actions.filter((a) => (a.places ?? []).includes('kr-31010')).length;
  assert.equal(await shown(page), total);
  assert.deepEqual(page.errors, []);
});

for (const [id, name] of [['kr-31010', 'Suwon-si'], ['kr-11', 'Seoul']]) {
  test(`${name}'s Goal 11 report prints to A4 PDF with every target, its actions and its sources`, async () => {
    const page = await open(`?view=report&city=${id}`);
    await page.getByTestId('report').locator('.report-target').first().waitFor();
    assert.equal(await page.getByTestId('report-city').textContent(), name);
    assert.equal(await page.locator('.report-target').count(), 10, 'one section per target');
    const text = await page.getByTestId('report').textContent();
    assert.match(text, /11\.6/);
    assert.match(text, /Sources and licences/);
    assert.match(text, /Generated on \d{4}-\d\d-\d\d/);
    // Every series row carries its small chart: the city's line and axis labels.
    const rows = page.locator('.report-target table.profile tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('.report-target table.profile tbody tr svg.static-plot polyline').length > 0);
    const n = await rows.count();
    assert.ok(n >= 1, 'series rows');
    assert.equal(await page.locator('.report-target table.profile tbody tr svg.static-plot').count(), n, 'a chart per series');
    assert.match(await rows.first().locator('svg.static-plot').textContent(), /20\d\d/, 'year ticks');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.main-nav').isVisible(), false, 'no navigation on paper');
    assert.equal(await page.getByTestId('print').isVisible(), false, 'no controls on paper');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2 && pages <= 30, `pages: ${pages}`);
    assert.deepEqual(page.errors, []);
  });
}
