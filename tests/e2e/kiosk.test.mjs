// Kiosk mode in a real browser, on an accelerated clock: idle starts the attract loop
// with captions, a touch returns home, nothing links out, and a simulated hour of the
// loop leaves errors at zero and the JS heap and DOM node count flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';
import { watchedPage } from '../support/browser.mjs';

const app = appSuite();

const QUERY = '?kiosk=1&idle=20&dwell=10';

async function kioskPage({ reducedMotion = 'no-preference' } = {}) {
  const page = await watchedPage(app.browser, { width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion });
  await page.clock.install();
  await page.goto(app.server.url + QUERY);
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  // The idle count starts when the kiosk mounts, and the installed clock runs with real
  // time until paused: on a slow machine loading alone can eat the test's margin. So a
  // harmless key restarts the count, and from here only `advance` moves time.
  await page.keyboard.press('Shift');
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 10);
  return page;
}

/** Advances the page's clock by `ms` in one-second steps, letting the page work. */
async function advance(page, ms) {
  for (let t = 0; t < ms; t += 1000) {
    await page.clock.runFor(1000);
  }
  await page.waitForTimeout(60);
}

test('idle starts the captioned loop, a touch returns home, and no link leaves the app', async () => {
  const page = await kioskPage();
  assert.equal(await page.locator('html').getAttribute('class'), 'kiosk');
  await advance(page, 19_000);
  assert.equal(await page.getByTestId('kiosk-caption').count(), 0, 'not idle yet');
  await advance(page, 2_000);
  await page.getByTestId('kiosk-caption').waitFor();
  assert.match(await page.getByTestId('kiosk-caption').textContent(), /Suwon/);
  assert.match(page.url(), /view=city&city=kr-31010.*kiosk=1&idle=20&dwell=10/);
  await page.getByTestId('city-name').waitFor();
  // On a kiosk a source is its address, never a link out.
  await page.getByTestId('action-card').first().waitFor();
  assert.equal(await page.locator('a[target=_blank]').count(), 0);
  assert.match(await page.getByTestId('action-card').first().locator('.source').textContent(), /\(https?:\/\//);
  await advance(page, 10_000);
  assert.match(page.url(), /view=map.*region=asia-pacific/);
  assert.match(await page.getByTestId('kiosk-caption').textContent(), /PM2\.5/);
  // A touch: home, caption gone.
  await page.mouse.click(960, 900);
  await page.getByTestId('kiosk-caption').waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).search, QUERY);
  assert.deepEqual(page.errors, []);
});

/** The years the map stop shows, second by second, over its dwell. */
async function mapStopYears(page) {
  await advance(page, 31_000);
  assert.match(page.url(), /view=map.*region=asia-pacific/);
  await page.locator('svg.map path.city').first().waitFor({ state: 'attached' });
  const years = [];
  for (let s = 0; s < 9; s++) {
    await advance(page, 1_000);
    years.push(new URL(page.url()).searchParams.get('year'));
  }
  return years;
}

test('the map stop plays the years, and stays still for reduced motion', async () => {
  const page = await kioskPage();
  const years = (await mapStopYears(page)).filter(Boolean).map(Number);
  assert.ok(new Set(years).size >= 3, `the years played: ${years}`);
  assert.deepEqual(years, [...years].sort((a, b) => a - b), `forward only: ${years}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  const still = await kioskPage({ reducedMotion: 'reduce' });
  assert.deepEqual((await mapStopYears(still)).filter(Boolean), [], 'no year is played');
  assert.deepEqual(still.errors, []);
  await still.context().close();
});

test('an hour of the attract loop keeps errors at zero and memory and DOM flat', async () => {
  const page = await kioskPage();
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    // The fake clock replaces `performance`, so the heap comes from the DevTools protocol.
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { heap: usedSize, nodes: await page.evaluate(() => document.getElementsByTagName('*').length) };
  };
  // Into the loop, then one whole round of its four views as the baseline.
  await advance(page, 21_000);
  await advance(page, 40_000);
  const start = await measure();
  const views = new Set();
  for (let minute = 0; minute < 60; minute++) {
    await advance(page, 60_000);
    views.add(new URL(page.url()).searchParams.get('view'));
  }
  // 60 minutes later the loop is at the same stop (360 dwell steps = 90 rounds).
  await page.getByTestId('loaded').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  const end = await measure();
  assert.ok(views.size >= 2, `the loop moved: ${[...views]}`);
  assert.ok(end.heap <= start.heap * 1.1, `JS heap ${start.heap} -> ${end.heap}`);
  assert.ok(Math.abs(end.nodes - start.nodes) <= start.nodes * 0.05, `DOM nodes ${start.nodes} -> ${end.nodes}`);
  assert.deepEqual(page.errors, []);
  console.log(`kiosk hour: JS heap ${start.heap} -> ${end.heap} bytes, DOM ${start.nodes} -> ${end.nodes} nodes`);
});
