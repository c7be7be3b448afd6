// The two builds of the app (src/lib.rs): the plain landing page loads only the small
// landing build; any other page loads only the full app; leaving the landing page for
// another view is an ordinary page load that Back undoes; and where the start-up
// script's guess is wrong, the landing build hands the page to the full app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';

const app = appSuite();
const { open } = app;

/** Which builds' wasm the page fetched since request number `start`. */
const builds = (start) => {
  const wasm = app.server.requests.slice(start).filter((p) => p.endsWith('.wasm'));
  return {
    landing: wasm.filter((p) => /\/landing-[0-9a-f]+_bg\.wasm$/.test(p)).length,
    full: wasm.filter((p) => /\/urban-sdg-explorer-[0-9a-f]+_bg\.wasm$/.test(p)).length,
    other: wasm.filter((p) => !/\/(landing|urban-sdg-explorer)-[0-9a-f]+_bg\.wasm$/.test(p)),
  };
};

for (const query of ['', '?lang=ko', '?view=overview&region=korea&theme=dark']) {
  test(`the plain landing page ${query || '(no query)'} loads the landing build only`, async () => {
    const start = app.server.requests.length;
    const page = await open(query);
    await page.getByTestId('landing-map').locator('path.dots').first().waitFor({ state: 'attached' });
    assert.deepEqual(builds(start), { landing: 1, full: 0, other: [] });
    assert.deepEqual(page.errors, []);
  });
}

for (const query of ['?view=map&series=pm25', '?view=overview&embed=1', '?kiosk=1', '?view=bogus']) {
  test(`${query} loads the full app only`, async () => {
    const start = app.server.requests.length;
    const page = await open(query);
    assert.deepEqual(builds(start), { landing: 0, full: 1, other: [] });
    assert.deepEqual(page.errors, []);
  });
}

test('a link from the landing page opens the full app at that view, and Back returns', async () => {
  const start = app.server.requests.length;
  const page = await open('?lang=ko');
  await page.getByTestId('landing-map').locator('path.dots').first().waitFor({ state: 'attached' });
  await page.locator('[data-testid=landing-counts] li[data-status=red] a').click();
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  assert.match(page.url(), /view=map&.*status=red/);
  // The language chosen on the landing page came along.
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  assert.deepEqual(builds(start), { landing: 1, full: 1, other: [] });
  await page.goBack();
  await page.getByTestId('landing-map').locator('path.dots').first().waitFor({ state: 'attached' });
  assert.match(page.url(), /\?lang=ko$/);
  // Forward again: the map, not a blank page.
  await page.goForward();
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  assert.deepEqual(page.errors, []);
});

test('a query the start-up script misreads as the landing page still opens its view', async () => {
  // The last `view` wins for the app; the script's quick guess reads the first.
  const start = app.server.requests.length;
  const page = await open('?view=overview&view=table&series=pm25');
  await page.getByTestId('city-table').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await page.getByTestId('landing-map').count(), 0);
  assert.deepEqual(builds(start), { landing: 1, full: 1, other: [] });
  // One app in the page: the landing build mounted nothing of its own.
  assert.equal(await page.getByTestId('loaded').count(), 1);
  assert.deepEqual(page.errors, []);
});
