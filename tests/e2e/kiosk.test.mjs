// Kiosk mode in a real browser, on an accelerated clock: idle starts the attract loop
// with captions, a touch returns home, nothing links out, and the map stop plays the
// years. Long runs of the loop are the soak's (tests/support/soak.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';
import { KIOSK_QUERY, advance, kioskPage as openKiosk } from '../support/kiosk.mjs';

const app = appSuite();

const QUERY = KIOSK_QUERY;
const kioskPage = (options) => openKiosk(app.browser, app.server.url, options);

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
