// Accessibility over the whole matrix: every view × English and Korean × light, dark
// and high-contrast × 1440 and 390 px, checked by axe-core (the theme is switched in
// place, so each view loads once per language and width); embed and kiosk modes are in
// modes.test.mjs. Then a keyboard audit of the dialog, the drawer and the forms: Tab
// alone reaches every control, in order, each with a visible focus ring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../support/axe.mjs';
import { appSuite } from '../support/app.mjs';
import { VIEWS } from '../support/views.mjs';

const app = appSuite();
const { open } = app;

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const THEMES = ['light', 'dark', 'contrast'];


// A theme changes colours only: after the full rule set in the light theme, the dark
// and high-contrast passes run axe's colour rules.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const violations = async (page, rules) => {
  const axe = rules ? audit(page).withRules(rules) : audit(page);
  return (await axe.analyze()).violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
};

for (const [name, query, ready] of VIEWS) {
  for (const lang of ['en', 'ko', 'zh']) {
    for (const viewport of [WIDE, PHONE]) {
      test(`axe: ${name}, ${lang}, ${viewport.width}px, every theme`, async () => {
        const sep = query ? '&' : '?';
        const page = await open(`${query}${sep}lang=${lang}`, viewport);
        await page.locator(ready).first().waitFor({ state: 'attached' });
        await page.waitForTimeout(200);
        const found = {};
        for (const theme of THEMES) {
          await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
          const v = await violations(page, theme === 'light' ? undefined : COLOUR_RULES);
          if (v.length) found[theme] = v;
        }
        assert.deepEqual(found, {});
        assert.deepEqual(page.errors, []);
        await page.context().close();
      });
    }
  }
}

// WCAG 2.2's target size (off in axe's default run): the filter panel's status boxes
// and the actions view's target chips were 13 px targets packed close together.
for (const [name, query, ready] of [VIEWS[1], VIEWS[3], VIEWS[6]]) {
  for (const viewport of [WIDE, PHONE]) {
    test(`axe WCAG 2.2 target size: ${name}, ${viewport.width}px`, async () => {
      const page = await open(query, viewport);
      await page.locator(ready).first().waitFor({ state: 'attached' });
      assert.deepEqual(await violations(page, ['target-size']), []);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}

test('axe: the open Embed dialog and the open filter drawer', async () => {
  const page = await open('?view=map&region=korea&series=pm25');
  await page.getByTestId('embed-button').click();
  await page.getByTestId('embed-snippet').waitFor();
  assert.deepEqual(await violations(page), []);
  const phone = await open('?view=table&country=KOR&lang=ko', PHONE);
  await phone.getByTestId('filter-toggle').click();
  await phone.locator('#filter-panel.open').waitFor();
  assert.deepEqual(await violations(phone), []);
  assert.deepEqual([...page.errors, ...phone.errors], []);
});

/**
 * Marks every control a person could use in `root` (what Tab must reach) and returns
 * how many there are.
 */
const markControls = (page, root) =>
  page.evaluate((sel) => {
    const scope = document.querySelector(sel);
    const all = [...scope.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')]
      .filter((el) => !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => el.tabIndex >= 0)
      // A radio group is one Tab stop (arrow keys move inside it): its checked radio,
      // or its first when none is.
      .filter((el) => {
        if (el.type !== 'radio') return true;
        const group = [...scope.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
        return el === (group.find((r) => r.checked) ?? group[0]);
      });
    all.forEach((el, i) => { el.dataset.kb = String(i); });
    return all.length;
  }, root);

/**
 * Presses Tab until focus comes back to where it started (or `limit` presses); returns
 * the marked controls reached and the focus stops without a visible indicator.
 */
async function tabWalk(page, limit = 400) {
  const reached = new Set();
  const bare = [];
  let first = null;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.dataset.seen) el.dataset.seen = String(Math.random());
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return { id: el.dataset.seen, kb: el.dataset.kb, ring, el: el.outerHTML.slice(0, 90) };
    });
    if (!stop) continue;
    if (first === stop.id) break;
    first ??= stop.id;
    if (stop.kb !== undefined) reached.add(Number(stop.kb));
    if (!stop.ring) bare.push(stop.el);
  }
  return { reached, bare };
}

// `takesFocus`: the opened root moves the focus into itself (on the next frame).
for (const [name, query, root, ready, viewport, opener, takesFocus] of [
  ['the share form', '?view=share', '[data-testid=share-form]', '[data-testid=share-form]', WIDE, null, false],
  ['the your-data page', '?view=mydata', 'main', '[data-testid=mydata-file]', WIDE, null, false],
  ['the Embed dialog', '?view=city&city=kr-11', '[data-testid=embed-dialog]', '[data-testid=city-name]', WIDE, '[data-testid=embed-button]', false],
  ['the filter drawer on a phone', '?view=map&region=korea', '#filter-panel', 'svg.map path.city', PHONE, '[data-testid=filter-toggle]', true],
  ['the landing page', '', 'main', '[data-testid=landing-map] path.dots', WIDE, null, false],
]) {
  test(`keyboard: Tab reaches every control of ${name}, each with a visible focus ring`, async () => {
    const page = await open(query, viewport);
    await page.locator(ready).first().waitFor({ state: 'attached' });
    if (opener) {
      await page.locator(opener).focus();
      await page.keyboard.press('Enter');
      await page.locator(root).first().waitFor();
      // Walking before that frame (seen on a loaded machine) would see the focus
      // jump back.
      if (takesFocus) {
        await page.waitForFunction((sel) => document.querySelector(sel).contains(document.activeElement), root);
      }
    }
    const want = await markControls(page, root);
    assert.ok(want >= 3, `${name}: ${want} controls`);
    const { reached, bare } = await tabWalk(page);
    const missed = [...Array(want).keys()].filter((i) => !reached.has(i));
    const missedHtml = await page.evaluate((ids) => ids.map((i) => document.querySelector(`[data-kb="${i}"]`).outerHTML.slice(0, 90)), missed);
    assert.deepEqual(missedHtml, [], `${name}: controls Tab never reached`);
    assert.deepEqual(bare, [], `${name}: focused without a visible indicator`);
    assert.deepEqual(page.errors, []);
  });
}
