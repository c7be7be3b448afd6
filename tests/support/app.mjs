// One browser and one static server of the release build per test file, and a page
// opener that waits until the app says its data has loaded.
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { launch, watchedPage } from './browser.mjs';

/**
 * Starts Chromium and serves `dist` (or `$DIST`) for the tests of one file. Returns
 * `{ browser, server, open }`; `open(query, viewport, on)` opens `query` on the shared
 * server (or on `on`, a server of the test's own) and waits for the loaded marker.
 */
export function appSuite(dist = process.env.DIST ?? 'dist') {
  const app = { browser: null, server: null };
  before(async () => {
    app.browser = await launch();
    app.server = await serve(dist);
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  app.open = async (query, viewport, on = app.server) => {
    const page = await watchedPage(app.browser, viewport);
    await page.goto(on.url + query, { waitUntil: 'load' });
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    return page;
  };
  return app;
}

/** The number in the filter bar's "N cities match". */
export const matchCount = async (page) => Number((await page.getByTestId('match-count').textContent()).replace(/[^0-9]/g, ''));

/** How many city symbols the map draws: each colour's path says how many it holds. */
export const symbolCount = (page) =>
  page.locator('svg.map path.city').evaluateAll((paths) => paths.reduce((n, p) => n + Number(p.dataset.count), 0));

/**
 * The ids of the cities the map draws, in the keyboard's order: the map is focused
 * and stepped through with `n`, reading the highlighted city's id at each step.
 */
export async function drawnCityIds(page) {
  const n = await symbolCount(page);
  await page.locator('svg.map').focus();
  const ids = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('n');
    ids.push(await page.locator('svg.map .city-highlight').getAttribute('data-id'));
  }
  await page.keyboard.press('Escape');
  return ids;
}

/**
 * The first city symbol the keyboard reaches: its id, and the page coordinates of
 * its centre (the highlight's), for a pointer to go to.
 */
export async function firstSymbolPoint(page) {
  await page.locator('svg.map').focus();
  await page.keyboard.press('n');
  const highlight = page.locator('svg.map .city-highlight');
  const [box, id] = [await highlight.boundingBox(), await highlight.getAttribute('data-id')];
  await page.keyboard.press('Escape');
  await highlight.waitFor({ state: 'detached' });
  return { id, x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
