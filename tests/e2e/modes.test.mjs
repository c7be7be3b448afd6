// axe-core in the modes beyond the ordinary page: embedded and on a kiosk. Every view
// in both languages, every theme and both widths is in matrix.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../support/axe.mjs';
import { appSuite } from '../support/app.mjs';

const app = appSuite();
const { open } = app;

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const CASES = [
  ['embedded map, Korean', '?view=map&region=korea&series=pm25&lang=ko&embed=1', WIDE, 'map'],
  ['embedded chart without controls, dark', '?view=chart&city=kr-11&embed=1&controls=0&theme=dark', PHONE, 'loaded'],
  ['kiosk overview', '?kiosk=1', { width: 1920, height: 1080 }, 'loaded'],
  ['kiosk actions, Korean', '?kiosk=1&view=actions&target=11.6&lang=ko', { width: 1920, height: 1080 }, 'action-card'],
];

for (const [name, query, viewport, testid] of CASES) {
  test(`axe finds no violations: ${name}`, async () => {
    const page = await open(query, viewport);
    await page.getByTestId(testid).first().waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    const result = await audit(page).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
    assert.deepEqual(page.errors, []);
  });
}

test('the high-contrast theme is chosen from the header and kept in the URL', async () => {
  const page = await open('?view=city&city=kr-31010');
  await page.locator('.prefs select').nth(1).selectOption('contrast');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
  assert.match(page.url(), /theme=contrast/);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(255, 255, 255)');
  assert.deepEqual(page.errors, []);
});
