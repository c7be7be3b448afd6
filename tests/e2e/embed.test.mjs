// Partner embeds in a real browser: a partner page on one origin embeds four views
// served from a second origin, both under a strict Content-Security-Policy. Each view
// renders with minimal chrome, the automatic ones resize to their content through
// embed.js, the fixed one keeps its height, and no CSP violation is logged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../support/server.mjs';
import { launch, watchedPage } from '../support/browser.mjs';

const APP_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
let browser, app, partner;

before(async () => {
  browser = await launch();
  app = await serve('dist', { headers: { 'content-security-policy': APP_CSP } });
  const origin = new URL(app.url).origin;
  partner = await serve('tests/embed', {
    headers: { 'content-security-policy': `default-src 'self'; script-src 'self' ${origin}; frame-src ${origin}; object-src 'none'` },
    rewrite: (path, body) => (path.endsWith('.html') ? Buffer.from(body.toString().replaceAll('{{APP}}', app.url)) : body),
  });
});
after(async () => {
  await browser?.close();
  await app?.close();
  await partner?.close();
});

/** A page whose frames all record CSP violations in `window.__violations`. */
async function partnerPage() {
  const page = await watchedPage(browser, { width: 1000, height: 800 });
  await page.context().addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

test('the app itself runs under script-src self and wasm-unsafe-eval, with no inline script', async () => {
  const page = await partnerPage();
  await page.goto(app.url + '?view=korea');
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByTestId('korea-matrix').locator('tbody tr').first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal(await page.locator('script:not([src])').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('four views embedded from another origin render, resize to their content, and break no CSP rule', async () => {
  const page = await partnerPage();
  await page.goto(partner.url + 'partner.html');
  for (const id of ['map', 'chart', 'actions', 'city']) {
    const frame = page.frameLocator(`#${id}`);
    await frame.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
    // Minimal chrome: no header or navigation, a link out to the full explorer.
    assert.equal(await frame.locator('.site-header').count(), 0, id);
    assert.equal(await frame.locator('.main-nav').count(), 0, id);
    const out = frame.getByTestId('embed-open');
    assert.equal(await out.getAttribute('target'), '_blank');
    assert.doesNotMatch(await out.getAttribute('href'), /embed=/, 'the link opens the full site');
  }
  await page.frameLocator('#map').locator('svg.map path.city').first().waitFor();
  await page.frameLocator('#actions').getByTestId('action-card').first().waitFor();
  await page.frameLocator('#city').getByTestId('city-name').waitFor();
  assert.equal(await page.frameLocator('#actions').locator('html').getAttribute('lang'), 'ko');
  assert.equal(await page.frameLocator('#city').locator('html').getAttribute('data-theme'), 'dark');
  // controls=0: the chart without its tools.
  assert.equal(await page.frameLocator('#chart').locator('.chart-tools:visible').count(), 0);
  // Automatic heights follow the content; the fixed one stays.
  const sizes = async () => page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => ({
    id: f.id,
    frame: f.clientHeight,
    content: f.contentDocument ? null : undefined,
  })));
  // Chromium does not render a cross-origin frame out of view, so each reports its
  // height once scrolled to, as a reader would.
  for (const id of ['map', 'actions', 'city']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => document.getElementById(id).style.height !== '', id, { timeout: 20_000 });
    await page.waitForTimeout(300);
    const content = await page.frameLocator(`#${id}`).locator('html').evaluate((h) => h.scrollHeight);
    const height = await page.locator(`#${id}`).evaluate((f) => f.clientHeight);
    assert.ok(Math.abs(height - content) <= 2, `${id}: frame ${height}px, content ${content}px`);
  }
  assert.equal((await sizes()).find((s) => s.id === 'chart').frame, 480);
  // A message from anything but the frame itself is ignored by embed.js.
  const before = await page.locator('#city').evaluate((f) => f.style.height);
  const heights = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const frame = document.getElementById('city');
        const seen = [];
        new MutationObserver(() => seen.push(frame.style.height)).observe(frame, { attributes: true, attributeFilter: ['style'] });
        // Messages to one window arrive in the order they were posted: when the marker
        // arrives, embed.js has already handled the forged message.
        window.addEventListener('message', (e) => e.data === 'marker' && resolve(seen));
        window.postMessage({ 'urban-sdg-explorer-height': 77 }, '*');
        window.postMessage('marker', '*');
      }),
  );
  assert.ok(!heights.includes('77px'), `the forged height was applied: ${heights}`);
  assert.equal(await page.locator('#city').evaluate((f) => f.style.height), before);
  // No violation in the partner page or any frame.
  const violations = [];
  for (const frame of page.frames()) violations.push(...(await frame.evaluate(() => window.__violations ?? [])));
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
});

test('the Embed dialog gives the snippet and link for the current view and options', async () => {
  const page = await partnerPage();
  await page.goto(app.url + '?view=map&region=korea&series=pm25');
  await page.getByTestId('loaded').waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByTestId('embed-button').click();
  const snippet = page.getByTestId('embed-snippet');
  assert.match(await snippet.inputValue(), /<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?view=map&amp;series=pm25&amp;region=korea&amp;embed=1" title="Urban SDG Explorer: Map"/);
  assert.match(await snippet.inputValue(), /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>/);
  await page.getByTestId('embed-controls').uncheck();
  await page.getByTestId('embed-auto').uncheck();
  assert.match(await snippet.inputValue(), /embed=1&amp;controls=0&amp;height=640" title=".*" width="100%" height="640"/);
  assert.doesNotMatch(await snippet.inputValue(), /embed\.js/, 'a fixed height needs no script');
  assert.match(await page.getByTestId('embed-link').inputValue(), /\?view=map&series=pm25&region=korea$/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
});
