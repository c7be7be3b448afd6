// Screens that fit, over every view at a phone's 390 px, a desktop's 1440 px and a
// kiosk's 1920 px (kiosk=1): no page scrolls sideways, nor any table or table box inside
// it (the Korea matrix on a phone, a whole country by ten targets, excepted: it scrolls
// in its own box); no Goal 11 code ("11.1", "11.6.2") breaks over two lines in any
// visible text; the actions view starts with at most 30 cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';
import { VIEWS } from '../support/views.mjs';

const app = appSuite();
const { open } = app;

const SCREENS = [
  ['phone', { width: 390, height: 844 }, ''],
  ['desktop', { width: 1440, height: 900 }, ''],
  ['kiosk', { width: 1920, height: 1080 }, 'kiosk=1'],
];

/** What does not fit: the page's overflow, wide tables, and codes broken over lines. */
const misfits = (page, exceptMatrix) =>
  page.evaluate((exceptMatrix) => {
    const out = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth - root.clientWidth}px wide`);
    for (const t of document.querySelectorAll('table, .table-wrap')) {
      if (exceptMatrix && t.closest('.korea-matrix')) continue;
      if (t.getClientRects().length === 0) continue;
      const wide = t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > root.clientWidth + 1;
      if (wide) out.push(`${t.tagName.toLowerCase()}.${t.className} ${t.scrollWidth}/${t.clientWidth}`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const code = /\b11\.[0-9a-c](\.[0-9]+)?\b/g;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement || n.parentElement.closest('svg, script, style, textarea, .visually-hidden')) continue;
      for (const m of n.data.matchAll(code)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length > 1 && new Set(rects.map((r) => Math.round(r.top))).size > 1) out.push(`"${m[0]}" broken in <${n.parentElement.tagName.toLowerCase()}>`);
      }
    }
    return out;
  }, exceptMatrix);

for (const [screen, viewport, extra] of SCREENS) {
  test(`every view fits the ${screen} (${viewport.width} px)`, async () => {
    const found = [];
    for (const [name, query, ready] of VIEWS) {
      const q = extra ? `${query || '?'}${query ? '&' : ''}${extra}` : query;
      const page = await open(q, viewport);
      await page.locator(ready).first().waitFor({ state: 'attached' });
      for (const m of await misfits(page, screen === 'phone')) found.push(`${name}: ${m}`);
      assert.deepEqual(page.errors, [], name);
      await page.close();
    }
    assert.deepEqual(found, []);
  });
}

test('the actions view starts with at most 30 cards, and says how many there are', async () => {
  const page = await open('?view=actions', { width: 390, height: 844 });
  await page.getByTestId('action-card').first().waitFor();
  const cards = await page.getByTestId('action-card').count();
  const total = Number(await page.getByTestId('actions-count').getAttribute('data-total'));
  assert.ok(cards <= 30 && cards > 0, `${cards} cards`);
  assert.ok(total > cards, `${total} actions in all`);
  assert.deepEqual(page.errors, []);
});
