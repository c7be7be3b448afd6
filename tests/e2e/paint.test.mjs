// The first paint made at build time (scripts/paint.mjs): each painted state shows its
// static frame before the wasm has arrived, the frame draws exactly what the app then
// draws (markup and pixels), nothing moves when the app takes over, and what a
// visitor does before that is not lost. Any other permalink shows no frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSuite } from '../support/app.mjs';
import { watchedPage } from '../support/browser.mjs';
import { frameMarkup } from '../../scripts/frame-markup.mjs';

const app = appSuite();
// At most this many pixels of a screen (0.05 % of 1440 x 900) may differ by more than
// anti-aliasing does (see below).
const SLACK_PIXELS = 650;
const OUT = 'target/test-output/paint';

/**
 * Opens `query` with the app's wasm held back until `release()` is called, and the
 * page's layout shifts recorded in `window.shifts`.
 */
async function openHeld(query, viewport) {
  const page = await watchedPage(app.browser, viewport);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.fallback();
  });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node?.nodeName) });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(app.server.url + query);
  return { page, release };
}

const paintState = (page) => page.evaluate(() => document.documentElement.getAttribute('data-paint'));
const nextFrames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/**
 * How many pixels of two same-sized PNG screenshots differ by more than `slack` in a
 * channel, decoded in the page.
 */
async function differingPixels(page, a, b, slack) {
  return page.evaluate(async ([a, b, slack]) => {
    const pixels = async (png) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      return g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.length !== q.length) return Infinity;
    let n = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2])) > slack) n++;
    }
    return n;
  }, [a.toString('base64'), b.toString('base64'), slack]);
}

// Every painted state, as the build painted them (scripts/paint.mjs writes the core's
// list, sdg_core::first_paint::frames, beside the frames): the landing page, the
// three map presets and Korea's matrix, in every language the interface has.
const LANGUAGES = readdirSync('crates/sdg-core/messages').filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
const FRAMES = JSON.parse(readFileSync('dist/paint/index.json', 'utf8')).map((f) => f.query);

test('the build painted the landing page, the three map presets and Korea in every language', () => {
  const expected = ['', 'view=map', 'view=map&region=asia-pacific', 'view=map&region=korea', 'view=korea'].flatMap((q) =>
    LANGUAGES.map((lang) => [q, lang === 'en' ? '' : `lang=${lang}`].filter(Boolean).join('&')),
  );
  assert.deepEqual([...FRAMES].sort(), expected.sort());
});

// The frames are taken on a wide screen; their markup holds for any width (the app's
// layout is CSS), which a phone checks.
const PHONE = { width: 390, height: 844 };
const CHECKS = [...FRAMES.map((query) => [query, undefined]), ['view=map&region=korea&lang=ko', PHONE], ['', PHONE]];

test('each painted state shows its frame before the wasm, and the app takes over without a change or a shift', async () => {
  mkdirSync(OUT, { recursive: true });
  for (const [query, viewport] of CHECKS) {
    const { page, release } = await openHeld(`?${query}`, viewport);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-paint') === 'shown', null, { timeout: 15_000 });
    await nextFrames(page);
    // Nothing of the app is in the page yet: the frame is all there is.
    assert.equal(await page.getByTestId('loaded').count(), 0, `?${query}: the app is already there`);
    const painted = await page.evaluate(frameMarkup, { rootId: 'paint' });
    const before = await page.screenshot();
    const shiftsBefore = await page.evaluate(() => window.shifts.splice(0));
    release();
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await paintState(page), 'done', `?${query}`);
    assert.equal(await page.locator('#paint').count(), 0, `?${query}: the frame is still there`);
    await nextFrames(page);
    const drawn = await page.evaluate(frameMarkup);
    const after = await page.screenshot();
    const shiftsAfter = await page.evaluate(() => window.shifts.splice(0));
    const name = `${query.replace(/[^a-z0-9]+/gi, '_') || 'landing'}${viewport ? `-${viewport.width}` : ''}`;
    if (painted.html !== drawn.html || !before.equals(after) || process.env.PAINT_KEEP) {
      writeFileSync(`${OUT}/${name}.frame.html`, painted.html);
      writeFileSync(`${OUT}/${name}.app.html`, drawn.html);
      writeFileSync(`${OUT}/${name}.frame.png`, before);
      writeFileSync(`${OUT}/${name}.app.png`, after);
    }
    assert.ok(painted.html === drawn.html, `?${query}: the frame's markup differs from the app's (see ${OUT}/${name}.*.html)`);
    assert.deepEqual([painted.lang, painted.title], [drawn.lang, drawn.title], `?${query}: language or title`);
    // The markup is the same to the byte (above); the pixels may differ by
    // anti-aliasing only (the app's text comes in several text nodes, the frame's in
    // one, and the map's layers are rasterised in other tiles: measured, 340 pixels of
    // the landing page by at most 30 or so in a channel, 3 by more than 64).
    const off = await differingPixels(page, before, after, 32);
    assert.ok(off <= SLACK_PIXELS, `?${query}: ${off} pixels differ (see ${OUT}/${name}.*.png)`);
    assert.deepEqual([...shiftsBefore, ...shiftsAfter], [], `?${query}: layout shifts`);
    assert.deepEqual(page.errors, [], `?${query}`);
    await page.context().close();
  }
});

test('a click, a text typed and a link followed before the app arrives are not lost', async () => {
  // A button (the Asia-Pacific preset), which does nothing without the app: replayed
  // on the app's same button; and the text typed into the search box, handed on.
  {
    const { page, release } = await openHeld('?view=map');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-paint') === 'shown');
    await page.locator('#paint').getByRole('button', { name: 'Asia-Pacific' }).click();
    await page.locator('#paint #city-search').fill('Suwon');
    release();
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForURL(/region=asia-pacific/, { timeout: 10_000 });
    assert.equal(await page.locator('#city-search').inputValue(), 'Suwon', 'the text typed into the frame');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
  // A link works by itself: the static nav's "Charts" opens the chart view, in the
  // frame's language, before any wasm has run.
  {
    const { page, release } = await openHeld('?lang=ko');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-paint') === 'shown');
    await page.locator('#paint nav a[href*="view=chart"]').click();
    await page.waitForURL(/view=chart/);
    release();
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    assert.match(page.url(), /lang=ko/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a permalink to any other state shows no frame, and the app is the page', async () => {
  for (const query of ['?view=map&year=2019', '?view=chart', '?view=map&theme=dark', '?view=map&region=korea&embed=1', '?utm=x']) {
    const { page, release } = await openHeld(query);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#paint').count(), 0, `${query}: a frame shows`);
    assert.equal(await paintState(page), null, query);
    release();
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await paintState(page), 'app', query);
    assert.deepEqual(page.errors, [], query);
    await page.context().close();
  }
});

test("a painted state's data files are fetched beside the app's code, and the app reads those responses", async () => {
  // In Korean, the frame preloads the interface's texts too (English is built in).
  for (const query of ['?view=map', '?view=korea', '?view=map&lang=ko']) {
    const { page, release } = await openHeld(query);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-paint') === 'shown');
    // The wasm is held: whatever data the view reads is already on its way.
    await page.waitForFunction(() => document.querySelector('link[rel=preload][href="data/cities.json"]'), null, { timeout: 10_000 });
    release();
    await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    // Every data file read came by a `<link rel=preload>` (the frame's or index.html's),
    // none by a fetch of its own: the app's fetch took the preloaded response.
    const read = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/(data|messages)\//.test(new URL(e.name).pathname))
      .map((e) => [new URL(e.name).pathname.replace(/.*\/(?=(data|messages)\/)/, ''), e.initiatorType]));
    assert.ok(read.length > 5, `${query}: ${JSON.stringify(read)}`);
    assert.equal(read.some(([file]) => file === 'messages/ko.txt'), query.includes('lang=ko'), `${query}: ${JSON.stringify(read)}`);
    assert.deepEqual(read.filter(([, by]) => by !== 'link'), [], `${query}: fetched again`);
    assert.equal(new Set(read.map(([file]) => file)).size, read.length, `${query}: a file fetched twice`);
    assert.deepEqual(page.errors, [], query);
    await page.context().close();
  }
});
