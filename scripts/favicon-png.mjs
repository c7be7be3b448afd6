// Writes public/favicon.png: public/icon.svg rendered at 32 px by Debian's Chromium.
// The favicon is a PNG, not the SVG, because Chromium fetches the favicon again on
// every history.replaceState, and an SVG icon is decoded as a document of its own each
// time: that was about a tenth of a filter change's main-thread work (see README,
// Performance). Run it after changing icon.svg: `node scripts/favicon-png.mjs`.
import { readFileSync } from 'node:fs';
import { launch } from '../tests/support/browser.mjs';

const SIZE = 32;
const svg = readFileSync(new URL('../public/icon.svg', import.meta.url), 'utf8');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
await page.setContent(
  `<body style="margin:0">${svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `)}</body>`,
);
await page.screenshot({ path: new URL('../public/favicon.png', import.meta.url).pathname, omitBackground: true });
await browser.close();
console.log(`favicon-png: public/favicon.png, ${SIZE}x${SIZE}`);
