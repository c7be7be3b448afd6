// Hostile strings in every place text reaches the page: every text field of the
// bundle's packs (names, titles, summaries, sources, licences), a partner's shared
// action typed into the form, a user's CSV, and every URL parameter. In each case: no
// script runs, no element is injected, no link gets an unsafe scheme, the hostile text
// is shown as text, and a 390 px phone screen does not scroll sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from '../support/app.mjs';
import { serve } from '../support/server.mjs';

const app = appSuite();

/** Each one, if it ever ran or became markup, would set `window.__pwned`. */
const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
  "javascript:window.__pwned=1",
  'data:text/html,<script>window.__pwned=1</script>',
  '</style><style>*{display:none!important}</style>',
  "x' style='position:fixed;inset:0;background:red' onmouseover='window.__pwned=1",
  '\u202Egnp.exe\u202C right-to-left override',
  'zero\u200Dwidth\u200Bjoiner\uFEFF',
  `Llanfair${'pwllgwyngyllgogerychwyrndrobwll'.repeat(4)}gogogoch`,
  '{{v}} %s ${document.cookie} {w}',
];
let turn = 0;
const next = () => HOSTILE[turn++ % HOSTILE.length];
const add = (o, keys) => {
  for (const k of keys) {
    if (typeof o[k] === 'string' && o[k]) o[k] = `${o[k]} ${next()}`;
    // A text in several languages: every language's form.
    else if (o[k] && typeof o[k] === 'object') add(o[k], Object.keys(o[k]));
  }
};

/** The bundle with a hostile string added to every text field a person reads. */
function hostileBundle(rel, body) {
  if (!rel.startsWith('data/') || !rel.endsWith('.json')) return body;
  const file = rel.slice('data/'.length);
  const json = JSON.parse(body.toString('utf8'));
  if (file === 'cities.json') {
    for (const c of json) add(c, ['name']);
  } else if (file === 'countries.json') {
    for (const c of json) add(c, ['name']);
  } else if (file === 'actions.json') {
    for (const a of json.actions) add(a, ['label', 'title', 'summary', 'source_title']);
    for (const f of json.figures) add(f, ['label', 'source_title']);
  } else if (file === 'manifest.json') {
    for (const p of json.packs) add(p, ['title', 'licence', 'attribution', 'source']);
  } else if (file.startsWith('obs/')) {
    json.sources = json.sources.map((s) => `${s} ${next()}`);
  } else {
    return body;
  }
  return Buffer.from(JSON.stringify(json));
}

/** What must hold on every page, whatever it shows. */
async function assertSafe(page, where) {
  const found = await page.evaluate(() => {
    const bad = [];
    if (window.__pwned) bad.push('a hostile script ran');
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      const inBody = document.body.contains(el);
      if (inBody && ['iframe', 'object', 'embed', 'img', 'style', 'base', 'link', 'meta'].includes(tag)) bad.push(`<${tag}> injected`);
      if (tag === 'script' && !el.src) bad.push('an inline <script>');
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${tag}[${a.name}]`);
        if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(a.name)) {
          const url = new URL(a.value, document.baseURI);
          if (!['http:', 'https:', 'blob:', 'mailto:'].includes(url.protocol)) bad.push(`${tag}[${a.name}=${a.value.slice(0, 40)}]`);
        }
      }
    }
    const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (over > 0) {
      // Name the innermost elements whose content sticks out of them (a scrolling
      // or clipping box is allowed to), so the failure says what to fix.
      const clipped = (el) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        }
        return false;
      };
      const spills = (el) =>
        el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && !clipped(el);
      const out = [...document.body.querySelectorAll('*')].filter((el) => spills(el) && ![...el.children].some(spills));
      const what = out.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.slice(0, 30)}"`);
      bad.push(`${over} px of sideways scroll: ${what.join('; ')}`);
    }
    return bad;
  });
  assert.deepEqual(found, [], where);
  assert.deepEqual(page.errors, [], where);
}

const PHONE = { width: 390, height: 844 };
// Views that show names, titles, sources and licences (Suwon has actions, figures and values).
const VIEWS = [
  '',
  '?view=map&series=pm25&region=asia-pacific',
  '?view=table&series=pm25',
  '?view=city&city=kr-31010',
  '?view=city&city=kr-31010&lang=ko',
  '?view=chart&series=pm25&city=kr-31010,kr-11010',
  '?view=actions',
  '?view=actions&action=LA001',
  '?view=indicator&ind=11.6.2',
  '?view=report&city=kr-31010',
  '?view=korea',
];

test('hostile text in every field of the bundle is shown as text, never run', async () => {
  const server = await serve('dist', { rewrite: hostileBundle });
  try {
    for (const view of VIEWS) {
      const page = await app.open(view, PHONE, server);
      // Let lazy parts (charts, sources, actions) arrive before judging.
      await page.waitForLoadState('networkidle');
      await assertSafe(page, `bundle ${view || '(overview)'}`);
      await page.context().close();
    }
    // The hostile names really reached the page, as text.
    const page = await app.open('?view=city&city=kr-31010', PHONE, server);
    await page.getByTestId('city-name').waitFor();
    // Which hostile string a name gets depends on the order the files are fetched in.
    const name = await page.getByTestId('city-name').textContent();
    assert.ok(name.startsWith('Suwon-si ') && HOSTILE.some((h) => name.includes(h)), name);
    await page.getByTestId('action-card').first().waitFor();
    const text = await page.locator('main').textContent();
    assert.ok(HOSTILE.filter((h) => h.includes('<')).some((h) => text.includes(h)), 'markup shown as text');
    await assertSafe(page, 'Suwon, hostile');
    await page.context().close();
  } finally {
    await server.close();
  }
});

test('hostile values in every URL parameter are refused or shown as text', async () => {
  const keys = ['view', 'ind', 'series', 'year', 'from', 'to', 'region', 'vs', 'target', 'action', 'layer', 'subregion',
    'country', 'size', 'status', 'city', 'q', 'lang', 'embed', 'controls', 'height', 'kiosk', 'idle', 'dwell', 'theme'];
  for (const [i, h] of HOSTILE.entries()) {
    const query = '?' + keys.map((k, j) => `${k}=${encodeURIComponent(HOSTILE[(i + j) % HOSTILE.length])}`).join('&');
    const page = await app.open(query, PHONE);
    await assertSafe(page, `URL ${h}`);
    await page.context().close();
  }
  // A search and a city that does not exist, hostile, on views that echo them.
  for (const view of ['map', 'table', 'city', 'actions']) {
    const h = encodeURIComponent(HOSTILE[0]);
    const page = await app.open(`?view=${view}&q=${h}&city=${h}&action=${h}&series=pm25`, PHONE);
    await assertSafe(page, `URL view=${view}`);
    await page.context().close();
  }
});

test('a hostile CSV and a hostile shared action are shown as text', async () => {
  const page = await app.open('?view=mydata', PHONE);
  const rows = ['city,series,year,value,unit,source,local_target'];
  for (const [i, h] of HOSTILE.entries()) {
    const cell = `"${h.replaceAll('"', '""')}"`;
    rows.push(`kr-31010,pm25,${2000 + i},${10 + i},,${cell},`); // a good row with a hostile source
    rows.push(`${cell},pm25,2020,1,,x,`); // a hostile place
    rows.push(`kr-31010,${cell},2020,1,,x,${cell}`); // a hostile series and target
  }
  await page.getByTestId('mydata-file').setInputFiles({
    name: `${HOSTILE[1]}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\r\n')),
  });
  await page.getByTestId('user-banner').waitFor();
  assert.match(await page.getByTestId('mydata-status').textContent(), /^11 values for 1 places in 1 series loaded from <img src=x/);
  assert.match(await page.getByTestId('mydata-problems').textContent(), /<script>window\.__pwned=1<\/script>/);
  await assertSafe(page, 'CSV');
  // The user's sources on Suwon's profile.
  await page.goto(page.url().replace('view=mydata', 'view=city&city=kr-31010'));
  await page.getByTestId('city-name').waitFor();
  await assertSafe(page, 'CSV on the profile');
  await page.context().close();

  const form = await app.open('?view=share', PHONE);
  await form.getByTestId('share-form').waitFor();
  for (const id of ['label', 'title_en', 'title_ko', 'summary_en', 'summary_ko', 'source_title']) {
    await form.locator(`#share-${id}`).fill(`${id}: ${HOSTILE.join(' ')}`);
  }
  await form.locator('#share-source_url').fill(HOSTILE[4]);
  await form.locator('#share-source_url').blur();
  const preview = form.getByTestId('share-preview');
  await preview.getByText('title_en: <script>', { exact: false }).first().waitFor();
  await assertSafe(form, 'shared action');
  await form.context().close();
});
