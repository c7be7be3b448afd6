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
