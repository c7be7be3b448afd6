// A kiosk page on Playwright's fake clock, shared by the kiosk tests and the soak.
import { watchedPage } from './browser.mjs';

/** The kiosk query the tests use: 20 s idle, 10 s per stop. */
export const KIOSK_QUERY = '?kiosk=1&idle=20&dwell=10';

/**
 * Opens the kiosk at 1920×1080 on a paused fake clock: only `advance` moves time.
 * The idle count starts when the kiosk mounts, and the installed clock runs with real
 * time until paused: on a slow machine loading alone can eat a test's margin. So a
 * harmless key restarts the count once the clock is paused.
 */
export async function kioskPage(browser, url, { reducedMotion = 'no-preference' } = {}) {
  const page = await watchedPage(browser, { width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion });
  await page.clock.install();
  await page.goto(url + KIOSK_QUERY);
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  // Pause a little ahead of the page's clock (it runs on meanwhile: a slow machine
  // can overtake a small margin, and pausing in the past throws), then restart the
  // idle count on the paused clock.
  for (let margin = 1000; ; margin *= 4) {
    try {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + margin);
      break;
    } catch (e) {
      if (!/past/.test(String(e)) || margin > 60_000) throw e;
    }
  }
  await page.keyboard.press('Shift');
  return page;
}

/** Advances the page's clock by `ms` in one-second steps, letting the page work. */
export async function advance(page, ms) {
  for (let t = 0; t < ms; t += 1000) {
    await page.clock.runFor(1000);
  }
  await page.waitForTimeout(60);
}
