// trunk post-build hook: the first paint, made at build time.
//
// For each state the core paints (sdg_core::first_paint::frames: the landing page and
// the map of each preset, in every language), the built app is opened in headless
// Chromium, and once its view is drawn the page's markup is saved as a static frame,
// paint/<key>-<hash>.html. The start-up script this writes, paint-<hash>.js, shows the
// frame of the URL (if it has one) as soon as it arrives, long before the wasm does;
// the app then builds itself beside it and takes its place when drawn (src/first_paint.rs).
// That script is scripts/paint-start.js, with this build's frames written in.
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
// The files index.html preloads for every page (see its `<link rel=preload>`s).
const EVERY_PAGE_PRELOADS = ['data/manifest.json', 'data/framework.json'];
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
  // The data files the view fetched to be drawn (the core's `resolve` chose them),
  // and its language's texts when they are not built in: the frame preloads them, so that they are in when the app asks (the manifest and
  // the framework excepted: index.html preloads those for every page).
  const files = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname.replace(/^\//, '');
    if ((path.startsWith('data/') || path.startsWith('messages/')) && !EVERY_PAGE_PRELOADS.includes(path) && !files.includes(path)) files.push(path);
  });
  await page.goto(`${server.url}${query ? `?${query}` : ''}`);
  // The app marks the page drawn at the moment it would take over from a frame: the
  // data loaded, and no part of the view still fetching what it draws (the landing
  // page's map). Waiting for the loading line's end instead raced that map's file.
  await page.waitForSelector('html[data-drawn]', { state: 'attached', timeout: 60_000 });
  if (errors.length) throw new Error(`paint: ?${query}: ${errors.join('; ')}`);
  const fetched = [...files];
  const frame = { ...(await page.evaluate(frameMarkup, { stylesAsData: true })), files: fetched };
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
  table[match] = { file, lang: frame.lang, title: frame.title, files: frame.files };
}
await browser.close();
await server.close();
// The list as painted, for the browser test (tests/e2e/paint.test.mjs).
writeFileSync(join(dir, 'paint', 'index.json'), JSON.stringify(frames.map(({ key, query }) => ({ key, query, file: table[matchOf(key)].file })), null, 1));

const template = readFileSync(new URL('./paint-start.js', import.meta.url), 'utf8');
// (Replacer functions: a `$` in the JSON must not be read as a replacement pattern.)
const code = template.replace('__FRAMES__', () => JSON.stringify(table)).replace('__WAIT_MS__', () => String(WAIT_MS));
if (code.includes('__FRAMES__') || code.includes('__WAIT_MS__')) throw new Error('paint: paint-start.js: a placeholder is left');
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
