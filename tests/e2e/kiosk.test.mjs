// Kiosk mode in a real browser, on an accelerated clock: idle starts the attract loop
// with captions, a touch returns home, nothing links out, and the map stop plays the
// years. Long runs of the loop are the soak's (tests/support/soak.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
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
  // The caption says what the map shows, from the data: its ranking in words.
  await page.waitForFunction(() => /^Of [\d,]+ cities with a value of .*PM2\.5/.test(document.querySelector('[data-testid=kiosk-words]')?.textContent ?? ''));
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

/**
 * Reads the kiosk's QR code as a phone would: the rendered code, drawn to a canvas at
 * 4 px a module and decoded by jsQR (a QR reader, not our encoder).
 */
async function scanTakeHome(page) {
  const code = page.getByTestId('take-home');
  await code.waitFor();
  const { data, width, height } = await code.locator('svg').evaluate(async (svg) => {
    const size = svg.viewBox.baseVal.width * 4;
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, size, size);
    return { data: [...ctx.getImageData(0, 0, size, size).data], width: size, height: size };
  });
  const found = jsQR(Uint8ClampedArray.from(data), width, height);
  assert.ok(found, 'the code is readable');
  return { text: found.data, attribute: await code.getAttribute('data-url') };
}

test('every kiosk view shows a QR code that a phone reads back as its permalink, without the kiosk', async () => {
  const views = [
    ['', ''],
    ['view=map&region=asia-pacific&series=pm25', 'view=map&region=asia-pacific&series=pm25'],
    ['view=city&city=kr-31010&lang=ko', 'view=city&city=kr-31010&lang=ko'],
    ['view=chart&city=kr-11', 'view=chart&city=kr-11'],
    ['view=table', 'view=table'],
    ['view=actions&target=11.6', 'view=actions&target=11.6'],
    ['view=korea&lang=zh', 'view=korea&lang=zh'],
  ];
  for (const [query, expected] of views) {
    const page = await app.open(`?${query ? `${query}&` : ''}kiosk=1`, { width: 1920, height: 1080 });
    const { text, attribute } = await scanTakeHome(page);
    // The same page and the same state, kiosk parameters gone (the order of the
    // parameters is the app's own).
    const got = new URL(text);
    const page0 = new URL(app.server.url);
    assert.equal(got.origin + got.pathname, page0.origin + page0.pathname);
    const sorted = (search) => [...new URLSearchParams(search)].sort().join('&');
    assert.equal(sorted(got.search), sorted(expected), `the code of ${query || 'home'}`);
    assert.equal(text, attribute);
    assert.ok((await page.getByTestId('take-home').boundingBox()).width >= 150, 'large enough to scan at arm’s length');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('on a kiosk every control is a 48 px target and type is readable from two metres', async () => {
  for (const query of ['', 'view=map&region=asia-pacific', 'view=actions', 'view=city&city=kr-11']) {
    const page = await app.open(`?${query ? `${query}&` : ''}kiosk=1`, { width: 1920, height: 1080 });
    await page.getByTestId('take-home').waitFor();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]), summary, .main-nav a, label.check')]
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
        .map((e) => ({ e: e.outerHTML.slice(0, 60), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 47.5 || r.height < 47.5)
        .map(({ e, r }) => `${e} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    assert.deepEqual(small, [], `${query || 'home'}: targets under 48 px`);
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(body >= 24, `body text ${body}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${query || 'home'}: no sideways scrolling (${overflow}px)`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
