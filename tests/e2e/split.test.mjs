// The two builds of the app (src/lib.rs): the plain landing page loads only the small
// landing build; any other page loads only the full app; leaving the landing page for
// another view is an ordinary page load that Back undoes; and where the start-up
// script's guess is wrong, the landing build hands the page to the full app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';

const app = appSuite();
const { open } = app;

/**
 * Which builds' wasm the page's current document loaded (from the network or from
 * the service worker, which precaches both after the first visit).
 */
const builds = (page) =>
  page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm'));
    const of = (re) => wasm.filter((p) => re.test(p)).length;
    return {
      landing: of(/\/landing-[0-9a-f]+_bg\.wasm$/),
      full: of(/\/urban-sdg-explorer-[0-9a-f]+_bg\.wasm$/),
      other: wasm.filter((p) => !/\/(landing|urban-sdg-explorer)-[0-9a-f]+_bg\.wasm$/.test(p)),
    };
  });

for (const query of ['', '?lang=ko', '?view=overview&region=korea&theme=dark']) {
  test(`the plain landing page ${query || '(no query)'} loads the landing build only`, async () => {
    const page = await open(query);
    await page.getByTestId('landing-map').locator('path.dots').first().waitFor({ state: 'attached' });
    assert.deepEqual(await builds(page), { landing: 1, full: 0, other: [] });
    assert.deepEqual(page.errors, []);
  });
}

for (const query of ['?view=map&series=pm25', '?view=overview&embed=1', '?kiosk=1', '?view=bogus']) {
  test(`${query} loads the full app only`, async () => {
    const page = await open(query);
    assert.deepEqual(await builds(page), { landing: 0, full: 1, other: [] });
    assert.deepEqual(page.errors, []);
  });
}

test('a link from the landing page opens the full app at that view, and Back returns', async () => {
  const page = await open('?lang=ko');
  await page.getByTestId('landing-map').locator('path.dots').first().waitFor({ state: 'attached' });
  await page.locator('[data-testid=landing-counts] li[data-status=red] a').click();
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  assert.match(page.url(), /view=map&.*status=red/);
  // The language chosen on the landing page came along.
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  // A new document: the full app's.
  assert.deepEqual(await builds(page), { landing: 0, full: 1, other: [] });
  await page.goBack();
  await page.getByTestId('landing-map').locator('path.dots').first().waitFor({ state: 'attached' });
  assert.deepEqual(await builds(page), { landing: 1, full: 0, other: [] });
  assert.match(page.url(), /\?lang=ko$/);
  // Forward again: the map, not a blank page.
  await page.goForward();
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  assert.deepEqual(page.errors, []);
});

test('a query the start-up script misreads as the landing page still opens its view', async () => {
  // The last `view` wins for the app; the script's quick guess reads the first.
  const page = await open('?view=overview&view=table&series=pm25');
  await page.getByTestId('city-table').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await page.getByTestId('landing-map').count(), 0);
  // One document, both builds: the landing build started, then handed over.
  assert.deepEqual(await builds(page), { landing: 1, full: 1, other: [] });
  // One app in the page: the landing build mounted nothing of its own.
  assert.equal(await page.getByTestId('loaded').count(), 1);
  assert.deepEqual(page.errors, []);
});
