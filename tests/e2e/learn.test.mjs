// Learning from peers in a real browser: every profile row says in words what it
// shows, in each language; a red or orange row leads in one click to what comparable
// cities did on its target, with the reasons; the chart over time has its words as its
// description; the profile fits a phone and a desktop without sideways scrolling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';

const app = appSuite();
const { open } = app;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

for (const [id, name] of [['kr-31010', 'Suwon-si'], ['kr-11', 'Seoul']]) {
  test(`${name}'s red and orange rows lead in one click to comparable cities' actions, with reasons`, async () => {
    const page = await open(`?view=city&city=${id}`, DESKTOP);
    const table = page.getByTestId('profile-table');
    await table.locator('tbody tr').first().waitFor();
    await page.getByTestId('peers').waitFor();
    // Every row with a link is red or orange, and every red or orange row has one.
    const statuses = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ status: r.querySelector('.status-badge')?.textContent ?? '', link: !!r.querySelector('[data-testid=peers-link]') })),
    );
    for (const r of statuses) assert.equal(r.link, /Major challenges|Significant challenges/.test(r.status), JSON.stringify(r));
    const rows = table.locator('tbody tr:has([data-testid=peers-link])');
    const n = await rows.count();
    assert.ok(n >= 1, `${name} has a red or orange row`);
    for (let i = 0; i < n; i++) {
      await rows.nth(i).getByTestId('peers-link').click();
      const focused = await page.evaluate(() => document.activeElement?.closest('details')?.id ?? '');
      assert.match(focused, /^peers-11\.[0-9a-c]$/, 'the focus moves to the target of the row');
      const section = page.locator(`details#${focused.replace('.', '\\.')}`);
      assert.equal(await section.getAttribute('open'), '', 'and it is open');
      const actions = section.locator('.peer-action');
      const k = await actions.count();
      assert.ok(k >= 1, `${focused}: comparable cities' actions`);
      for (let j = 0; j < k; j++) {
        const why = await actions.nth(j).locator('.why').textContent();
        assert.match(why, /^Why: .*(same country|same subregion|people|also)/, why);
        assert.match(await actions.nth(j).locator('a').getAttribute('href'), /view=actions.*action=(LA\d+|SH-)/, 'links to the action');
      }
    }
    assert.match(await page.getByTestId('peers').locator('.help').first().textContent(), /not proof/);
    assert.deepEqual(page.errors, []);
  });
}

test('every profile row has its words in English, Korean and Chinese', async () => {
  for (const [lang, pattern] of [['en', /^In Suwon-si, .* (fell|rose|stood at) /], ['ko', /^수원시 .*년/], ['zh', /年/]]) {
    const page = await open(`?view=city&city=kr-31010&lang=${lang}`, DESKTOP);
    const rows = page.getByTestId('profile-table').locator('tbody tr');
    await rows.first().waitFor();
    const words = await page.getByTestId('row-words').allTextContents();
    assert.equal(words.length, await rows.count(), `${lang}: one sentence group per row`);
    for (const w of words) {
      assert.match(w, pattern, `${lang}: ${w}`);
      assert.doesNotMatch(w, /\{|\[missing/, `${lang}: ${w}`);
    }
    assert.deepEqual(page.errors, []);
  }
});

test("every chart is described by its words", async () => {
  const page = await open('?view=chart&series=pm25&city=kr-11,kr-31010', DESKTOP);
  const words = page.getByTestId('lines-words');
  await words.locator('p').first().waitFor();
  const text = await words.textContent();
  assert.match(text, /In Seoul, .*PM2\.5 .* µg\/m³ in 20\d\d/);
  const svg = page.getByTestId('chart-lines').locator('svg.chart');
  assert.equal(await svg.getAttribute('aria-describedby'), 'lines-words');
  // The ranking and the scatter have theirs too.
  for (const [id, pattern] of [['ranking', /^Of [\d,]+ cities with a value of .*PM2\.5.*, the highest is .* at [\d.]+ µg\/m³ and the lowest .* at [\d.]+ µg\/m³\./], ['scatter', /^Each dot is one of [\d,]+ cities: .*PM2\.5.* against Population\./]]) {
    const w = page.getByTestId(`${id}-words`);
    await w.locator('p').first().waitFor();
    assert.match(await w.locator('p').first().textContent(), pattern);
    assert.equal(await page.getByTestId(`chart-${id}`).locator('svg.chart').getAttribute('aria-describedby'), `${id}-words`);
  }
  assert.deepEqual(page.errors, []);
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`the profile fits ${viewport.width} px: no page or table scrolls sideways`, async () => {
    const page = await open('?view=city&city=kr-11', viewport);
    await page.getByTestId('profile-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('peers').waitFor();
    const overflow = await page.evaluate(() => {
      const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('table, .table-wrap')]
        .filter((t) => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((t) => t.className || t.tagName);
      return { page, wide };
    });
    assert.ok(overflow.page <= 0, `page overflow: ${overflow.page}px`);
    assert.deepEqual(overflow.wide, [], 'no table wider than its box');
    if (viewport === PHONE) {
      // A card per row: the rows stack, each value under its column's name.
      const display = await page.getByTestId('profile-table').locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display);
      assert.equal(display, 'block');
    }
    assert.deepEqual(page.errors, []);
  });
}

test("a city's actions are markers on its chart over time, each opening its card with the figures around it", async () => {
  // Household waste (11.6.1) has Suwon's values from 2001 to 2021.
  const page = await open('?view=chart&series=kr-household-waste&city=kr-31010', DESKTOP);
  const marks = page.getByTestId('action-marks');
  await marks.locator('a').first().waitFor();
  const labels = await marks.locator('a').allTextContents();
  // Suwon's dated actions on 11.6 within the chart's years: the 2013 car-free month, the 2018 report.
  // Markers carry their label for screen readers.
  assert.ok(labels.some((l) => /2013: .*car-free/i.test(l)), labels.join(' | '));
  assert.ok(labels.some((l) => /2018: /.test(l)), labels.join(' | '));
  assert.match(await page.locator('.action-marks-note').textContent(), /not proof/);
  // Keyboard: the first marker is reachable by Tab after the chart, and Enter opens the card.
  const first = marks.locator('a').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('action-card').first().waitFor();
  assert.match(page.url(), /view=actions.*action=LA\d+/);
  // On Suwon's profile, the car-free month's card says the city's figures around 2013.
  const profile = await open('?view=city&city=kr-31010', DESKTOP);
  const card = profile.locator('[data-id="LA003"]');
  await card.getByTestId('action-around').waitFor();
  const around = await card.getByTestId('action-around').textContent();
  assert.match(around, /In Suwon-si, .* in 20\d\d and .* in 20\d\d; the action dates from 2013\./);
  assert.match(around, /not proof of effect/);
  for (const p of [page, profile]) assert.deepEqual(p.errors, []);
});

test("Korea's matrix is whole on a desktop: its ten target columns without sideways scrolling", async () => {
  const page = await open('?view=korea', DESKTOP);
  const matrix = page.getByTestId('korea-matrix');
  await matrix.locator('tbody tr').first().waitFor();
  const fit = await matrix.evaluate((table) => {
    const box = table.closest('.korea-matrix') ?? table.parentElement;
    return { table: table.getBoundingClientRect().width, box: box.clientWidth, scroll: box.scrollWidth - box.clientWidth, right: table.getBoundingClientRect().right, page: document.documentElement.clientWidth };
  });
  assert.ok(fit.scroll <= 0 && fit.right <= fit.page, JSON.stringify(fit));
  const targets = await matrix.locator('thead th').allTextContents();
  for (const t of ['11.1', '11.5', '11.7', '11.a', '11.c']) assert.ok(targets.some((h) => h.includes(t)), `${t} in ${targets}`);
  assert.deepEqual(page.errors, []);
});

test("a single action's page says its place's figures around its year, loading only the tables it needs", async () => {
  const start = app.server.requests.length;
  const page = await open('?view=actions&action=LA003', DESKTOP);
  const card = page.locator('[data-id="LA003"]');
  const around = card.getByTestId('action-around');
  await around.waitFor();
  const text = await around.textContent();
  assert.match(text, /In Suwon-si, .* in 20\d\d and .* in 20\d\d; the action dates from 2013\./);
  assert.match(text, /not proof of effect/);
  const fetched = app.server.requests.slice(start).filter((p) => p.includes('/obs/'));
  assert.ok(fetched.length > 0 && fetched.every((p) => !/countries\.json$/.test(p)), fetched.join(' '));
  assert.deepEqual(page.errors, []);
});

test("the map's actions layer and the Korea matrix lead to a city's peers, landing on that section", async () => {
  // From the actions layer: a city's symbol opens its actions, which link to its peers.
  const page = await open('?view=map&layer=actions&region=korea', DESKTOP);
  const symbol = page.locator('svg.map circle.action-symbol[data-id="kr-31010"]');
  await symbol.waitFor();
  await symbol.click({ force: true });
  const link = page.getByTestId('actions-peers-link').locator('a');
  await link.waitFor();
  assert.match(await link.getAttribute('href'), /view=city&.*city=kr-31010.*#peers$/);
  await link.click();
  await page.getByTestId('peers').locator('.peer-action').first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.activeElement?.id === 'peers-title');
  const top = await page.locator('#peers-title').evaluate((h) => h.getBoundingClientRect().top);
  assert.ok(top > -1 && top < 200, `the section is scrolled to (top ${top})`);
  assert.match(page.url(), /view=city&.*city=kr-31010/);

  // From the matrix: each government's row has the link; a new tab (the href alone)
  // lands on the section too.
  const korea = await open('?view=korea', DESKTOP);
  const row = korea.getByTestId('korea-matrix').locator('tbody tr[data-id="kr-11"]');
  await row.waitFor();
  const href = await row.locator('.matrix-peers a').getAttribute('href');
  assert.match(href, /view=city&.*city=kr-11.*#peers$/);
  assert.equal(await row.locator('.matrix-peers a').getAttribute('aria-label'), 'peers: What cities like Seoul did');
  const fresh = await open(href);
  await fresh.waitForFunction(() => document.activeElement?.id === 'peers-title', null, { timeout: 30_000 });
  for (const p of [page, korea, fresh]) assert.deepEqual(p.errors, []);
});
