// Offline use (kiosks, a forum without network): after one visit the service worker
// holds the whole deployment; with the network cut, a reload walks every view. A new
// deployment is announced once it is complete, and taking it replaces the whole set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';

let browser, server;
let nextVersion = null;

before(async () => {
  browser = await launch();
  // `nextVersion` stands for a new deployment: the worker's bytes change.
  server = await serve('dist', {
    rewrite: (path, body) => (path === 'sw.js' && nextVersion ? Buffer.from(body.toString().replace(/const VERSION = '[0-9a-f]+'/, `const VERSION = '${nextVersion}'`)) : body),
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the worker controls the page and its cache holds every listed file. */
async function precached(page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.active || !navigator.serviceWorker.controller) return false;
    const text = await (await fetch('sw.js', { cache: 'no-store' })).text();
    const files = JSON.parse(text.slice(text.indexOf('const FILES = ') + 14, text.indexOf(';\nconst CACHE')));
    const keys = await caches.keys();
    if (keys.length !== 1) return false;
    return (await (await caches.open(keys[0])).keys()).length === files.length;
  }, null, { timeout: 60_000, polling: 500 });
}

const VIEWS = [
  ['?view=overview', 'loaded'],
  ['?view=map&region=korea&series=pm25', 'map'],
  ['?view=chart&series=pm25&city=kr-11,kr-31010', 'loaded'],
  ['?view=table&series=pm25', 'loaded'],
  ['?view=city&city=kr-31010', 'city-name'],
  ['?view=indicator&ind=11.6.2', 'loaded'],
  ['?view=actions&target=11.6&lang=ko', 'action-card'],
  ['?view=korea', 'korea-map'],
  ['?view=report&city=kr-11', 'report'],
  ['?view=share', 'share-form'],
  ['?view=mydata', 'mydata-file'],
];

test('after one visit every view works with the network cut', async () => {
  const page = await watchedPage(browser);
  await page.goto(server.url + '?view=overview');
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  await precached(page);
  await page.context().setOffline(true);
  for (const [query, testid] of VIEWS) {
    await page.goto(server.url + query);
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByTestId(testid).first().waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await page.locator('.load-state [role=alert]').count(), 0, `${query}: no load error`);
  }
  assert.deepEqual(page.errors, []);
});

test('a new deployment is announced when complete, and taking it replaces the whole set', async () => {
  nextVersion = null;
  const page = await watchedPage(browser);
  await page.goto(server.url + '?view=korea');
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  await precached(page);
  const [old] = await page.evaluate(() => caches.keys());
  nextVersion = 'feedfacefeedface';
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
  await page.getByTestId('update-ready').waitFor({ timeout: 60_000 });
  // Until the reader accepts, the old set keeps serving.
  assert.ok((await page.evaluate(() => caches.keys())).includes(old));
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-ready').getByRole('button').click()]);
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0].endsWith('feedfacefeedface');
  }, null, { timeout: 30_000, polling: 500 });
  assert.match(page.url(), /view=korea/, 'the reader stays where they were');
  assert.deepEqual(page.errors, []);
  nextVersion = null;
});
