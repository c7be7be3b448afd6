// trunk post-build hook: the first paint, made at build time.
//
// For each state the core paints (sdg_core::first_paint::frames: the landing page and
// the map of each preset, in every language), the built app is opened in headless
// Chromium, and once its view is drawn the page's markup is saved as a static frame,
// paint/<key>-<hash>.html. The start-up script this writes, paint-<hash>.js, shows the
// frame of the URL (if it has one) as soon as it arrives, long before the wasm does;
// the app then builds itself beside it and takes its place when drawn (src/first_paint.rs).
//
// The frames are the app's own render, not a second renderer's: what they draw cannot
// drift from what the app draws (tests/e2e/paint.test.mjs compares the two anyway).
// What the frame keeps and drops is scripts/frame-markup.mjs's; the build fails if a
// frame holds a script or an event handler attribute (none are expected).
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { launch } from '../tests/support/browser.mjs';
import { serve } from '../tests/support/server.mjs';
import { frameMarkup } from './frame-markup.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('paint: run me as a trunk hook (TRUNK_STAGING_DIR is not set)');
// How long the app's code waits for the frame at most (see paint-*.js).
const WAIT_MS = 3000;
const hashOf = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const started = Date.now();

const server = await serve(dir);
let browser;
try {
  browser = await launch();
} catch (e) {
  throw new Error(`paint: no Chromium to paint the first frames with (run scripts/setup.sh): ${e.message}`);
}
// No service worker: it would precache the whole build in every page opened here.
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });

/** Opens `query` in the built app and returns its drawn page as a frame. */
async function paint(query) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.url}${query ? `?${query}` : ''}`);
  await page.waitForSelector('[data-testid=loaded]', { state: 'attached', timeout: 60_000 });
  // The app takes over from a frame just before the browser's next frame (by then
  // every part of the view has caught up): the frame is taken at the same moment.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  if (errors.length) throw new Error(`paint: ?${query}: ${errors.join('; ')}`);
  const frame = await page.evaluate(frameMarkup, { stylesAsData: true });
  await page.close();
  if (/<script\b|<[^>]*\son[a-z]+=/i.test(frame.html)) throw new Error(`paint: ?${query}: the frame holds a script or an event handler attribute`);
  return frame;
}

// The list of frames is the core's, asked of the built app itself.
const listPage = await context.newPage();
await listPage.goto(server.url);
await listPage.waitForFunction(() => typeof window.wasmBindings?.paintedFrames === 'function', null, { timeout: 60_000 });
const frames = JSON.parse(await listPage.evaluate(() => window.wasmBindings.paintedFrames()));
await listPage.close();

mkdirSync(join(dir, 'paint'), { recursive: true });
const table = {};
const matchOf = (key) => frames.find((f) => f.key === key).match;
let bytes = 0;
for (const { key, query, match } of frames) {
  const frame = await paint(query);
  const file = `paint/${key}-${hashOf(frame.html)}.html`;
  writeFileSync(join(dir, file), frame.html);
  bytes += frame.html.length;
  table[match] = { file, lang: frame.lang, title: frame.title };
}
await browser.close();
await server.close();
// The list as painted, for the browser test (tests/e2e/paint.test.mjs).
writeFileSync(join(dir, 'paint', 'index.json'), JSON.stringify(frames.map(({ key, query }) => ({ key, query, file: table[matchOf(key)].file })), null, 1));

const code = `// The first paint (written by scripts/paint.mjs): shows the static frame of this URL,
// if it has one, until the app takes its place (src/first_paint.rs). A URL's frame is
// the one whose parameters, sorted, are the URL's (sdg_core::first_paint::match_key);
// any other URL shows nothing here and waits for the app.
(() => {
  const frames = ${JSON.stringify(table)};
  const key = [...new URLSearchParams(location.search)].map(([k, v]) => k + '=' + v).sort().join('&');
  const frame = Object.hasOwn(frames, key) ? frames[key] : null;
  const root = document.documentElement;
  // Settled once the frame is on screen, or will not be. The start-up script
  // (init-*.js) waits for it before it fetches and runs the app's code, so
  // that the two never compete for the main thread and the app always knows whether
  // a frame shows. A frame slower than that wait is not shown at all.
  let settle;
  window.urbanSdgPaint = new Promise((ok) => (settle = ok));
  if (!frame) return settle();
  root.setAttribute('data-paint', 'pending');
  setTimeout(settle, ${WAIT_MS});
  // Run as soon as it arrives, often before the body exists.
  const body = document.body ? Promise.resolve() : new Promise((ok) => addEventListener('DOMContentLoaded', ok, { once: true }));
  fetch(frame.file)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(frame.file + ': HTTP ' + r.status))))
    .then((markup) => body.then(() => markup))
    .then((markup) => {
      // The app came first (it marks the page as its own): it is the page.
      if (root.getAttribute('data-paint') !== 'pending') return;
      // The site's own markup, made at build time from the app's render (no script in
      // it: the build checks), parsed inert in a template.
      const template = document.createElement('template');
      template.innerHTML = markup;
      const frameEl = document.createElement('div');
      frameEl.id = 'paint';
      frameEl.append(template.content);
      document.body.prepend(frameEl);
      // Styles set by script, as the app sets them (a strict CSP refuses them as
      // attributes; see scripts/frame-markup.mjs).
      for (const el of frameEl.querySelectorAll('[data-paint-style]')) {
        el.style.cssText = el.getAttribute('data-paint-style');
        el.removeAttribute('data-paint-style');
      }
      root.lang = frame.lang;
      document.title = frame.title;
      root.setAttribute('data-paint', 'shown');
      watch(frameEl);
      onScreen(frameEl);
    })
    .catch(() => settle());

  // Settles once the frame has been presented: the browser's largest-contentful-paint
  // entry for one of its elements says so (where the browser has such entries; two
  // frames otherwise, and a second at most in a hidden tab, which paints nothing).
  function onScreen(frameEl) {
    if (!PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
      return requestAnimationFrame(() => requestAnimationFrame(() => settle()));
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => frameEl.contains(e.element))) {
        observer.disconnect();
        settle();
      }
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(settle, 1000);
  }

  // What a visitor does to the frame before the app takes over is handed on to the
  // app's same element: a link works by itself; a click on anything else, the text
  // typed into a box and the focus are replayed.
  function watch(frameEl) {
    let clicked = null;
    const pathOf = (el) => {
      const path = [];
      for (let e = el; e && e !== frameEl; e = e.parentElement) path.unshift([...e.parentElement.children].indexOf(e));
      return path;
    };
    frameEl.addEventListener('click', (event) => {
      if (event.target.closest('a[href]')) return;
      event.preventDefault();
      clicked = pathOf(event.target);
    }, true);
    document.addEventListener('urbansdg:takeover', () => {
      const appRoots = [...document.body.children].filter((el) => el !== frameEl && !['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName));
      const counterpart = (path) => path.slice(1).reduce((el, i) => el?.children[i], appRoots[path[0]]);
      for (const box of frameEl.querySelectorAll('input:not([type=checkbox]):not([type=radio]), textarea')) {
        const twin = counterpart(pathOf(box));
        if (twin && box.value !== box.defaultValue && twin.tagName === box.tagName) {
          twin.value = box.value;
          twin.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
      const focused = frameEl.contains(document.activeElement) ? counterpart(pathOf(document.activeElement)) : null;
      focused?.focus?.();
      if (clicked) counterpart(clicked)?.click();
    }, { once: true });
  }
})();
`;
const name = `paint-${hashOf(code)}.js`;
writeFileSync(join(dir, name), code);
for (const old of readdirSync(dir).filter((f) => /^paint-[0-9a-f]+\.js$/.test(f) && f !== name)) throw new Error(`paint: a stale ${old}`);
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
const charset = html.match(/<meta charset="utf-8"\s*\/?>/)?.[0];
if (!charset) throw new Error('paint: index.html has no <meta charset> to put the script after');
// Async and first in the head: it runs as soon as it arrives, neither holding up the
// parser nor waiting for the stylesheet, so the frame's fetch starts at once. The
// start-up script (init-*.js) finds it by `data-paint-script` and waits for it.
writeFileSync(page, html.replace(charset, `${charset}\n    <script src="./${name}" async data-paint-script></script>`));
console.log(`paint: ${frames.length} frames, ${(bytes / 1024).toFixed(0)} KB, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
