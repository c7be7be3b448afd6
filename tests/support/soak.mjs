// The soak: the kiosk's attract loop plus random touches, typing and keys, on an
// accelerated clock in headless Chromium. `make soak` runs 8 simulated hours
// (tests/soak/run.mjs); `make test` runs a short one (tests/e2e/soak.test.mjs).
import { advance, kioskPage } from './kiosk.mjs';

/** A small seeded generator, so that a soak that fails can be replayed. */
export function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** What a visitor types into a search box. */
export const WORDS = ['Suwon', '수원', 'Seoul', 'Tokyo', 'x', '<b>', 'Gwangju', 'Dhaka', ''];
/** The keys a visitor presses (playwright's names). */
export const KEYS = ['Tab', 'Shift+Tab', 'Enter', 'Escape', 'ArrowRight', 'ArrowDown', 'Space'];
/** The controls a visitor touches, as CSS selectors (each one also visible). */
export const CONTROLS = [
  // Links inside the app only: a source's link would leave it (a kiosk has none).
  'main a[href]:not([target=_blank]):not([href^=http])',
  'header a[href]:not([href^=http])',
  // Not the buttons that download or print: a kiosk has no use for them.
  'button:not([data-testid$=csv]):not([data-testid$=download]):not([data-testid*=svg]):not([data-testid=print])',
  'select',
  'input[type=search]',
  'input[type=range]',
];

/**
 * One random thing a visitor at a kiosk does: touch a visible control (link, button,
 * select, box), type into a search box, or press a key. File pickers and downloads
 * are left alone: a kiosk has neither.
 */
export async function interact(page, rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const kind = rnd();
  if (kind < 0.15) {
    await page.keyboard.press(pick(KEYS));
    return 'key';
  }
  const controls = page.locator(CONTROLS.map((c) => `${c}:visible`).join(', '));
  const n = await controls.count();
  if (n === 0) return 'none';
  const el = controls.nth(Math.floor(rnd() * n));
  try {
    const tag = await el.evaluate((e) => e.tagName.toLowerCase() + (e.type ? `:${e.type}` : ''), null, { timeout: 2000 });
    if (tag === 'select:select-one') {
      // Touched first, as a finger does: a long list is built then.
      await el.focus({ timeout: 2000 });
      const values = await el.locator('option').evaluateAll((os) => os.map((o) => o.value));
      await el.selectOption(pick(values), { timeout: 2000 });
    } else if (tag === 'input:search') {
      await el.fill(pick(WORDS), { timeout: 2000 });
      if (rnd() < 0.5) await el.press('Enter', { timeout: 2000 });
    } else {
      await el.click({ timeout: 2000 });
    }
    return tag;
  } catch {
    // A control that moved or went away between finding and touching it: the page
    // changed under the finger, which is what a kiosk sees all day.
    return 'gone';
  }
}

/**
 * Runs the kiosk for `minutes` simulated minutes, with `touchesPerMinute` random
 * interactions in some of them (the loop runs alone in the rest, as at a forum).
 * Returns the heap and DOM measured after the first round and at the end.
 */
export async function soak(browser, url, { minutes, seed = 11, touchesPerMinute = 3, log = () => {} }) {
  const page = await kioskPage(browser, url);
  if (process.env.SOAK_TRACE) page.on('console', (m) => log(`console.${m.type()}: ${m.text().slice(0, 300)}`));
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    // The fake clock replaces `performance`, so the heap comes from the DevTools protocol.
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { heap: usedSize, nodes: await page.evaluate(() => document.getElementsByTagName('*').length) };
  };
  // Back to the attract loop at its first stop, for comparable measurements.
  const settle = async () => {
    await page.keyboard.press('Shift');
    await advance(page, 21_000);
    await page.getByTestId('kiosk-caption').waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(300);
  };
  const rnd = random(seed);
  await settle();
  const start = await measure();
  let peak = start.heap;
  const done = { touches: 0, views: new Set() };
  for (let minute = 1; minute <= minutes; minute++) {
    // Two minutes in three someone is at the screen; the rest the loop runs alone.
    if (minute % 3 !== 0) {
      for (let i = 0; i < touchesPerMinute; i++) {
        const what = await interact(page, rnd);
        done.touches++;
        if (process.env.SOAK_TRACE) log(`minute ${minute}: ${what} at ${page.url()}`);
        await advance(page, 2000);
      }
    }
    await advance(page, 60_000 - (minute % 3 !== 0 ? touchesPerMinute * 2000 : 0));
    done.views.add(new URL(page.url()).searchParams.get('view') ?? 'overview');
    if (minute % 30 === 0) {
      const now = await measure();
      peak = Math.max(peak, now.heap);
      log(`minute ${minute}: JS heap ${(now.heap / 1e6).toFixed(2)} MB, DOM ${now.nodes} nodes, ${page.errors.length} errors`);
    }
    if (page.errors.length) break;
  }
  await settle();
  const end = await measure();
  const result = {
    minutes,
    seed,
    touches: done.touches,
    views: [...done.views],
    heap_start: start.heap,
    heap_end: end.heap,
    heap_peak: Math.max(peak, end.heap),
    nodes_start: start.nodes,
    nodes_end: end.nodes,
    errors: page.errors,
  };
  await page.context().close();
  return result;
}
