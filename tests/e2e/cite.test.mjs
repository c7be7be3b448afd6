// "Cite this" and pinned versions in a real browser: a view's citation names the
// data's version (from the manifest) and carries the permalink pinned to it; a link
// pinned to another version says so; an embed can pin the version; the data package
// the dialog links to is served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { audit } from '../support/axe.mjs';
import { appSuite } from '../support/app.mjs';

const app = appSuite();
const { open } = app;
const { version } = JSON.parse(readFileSync(`${process.env.DIST ?? 'dist'}/data/manifest.json`, 'utf8'));

/** Opens the page's "Cite this" dialog: its citation, and the permalink in it. */
async function citation(page) {
  await page.getByTestId('cite-button').click();
  const text = await page.getByTestId('cite-text').inputValue();
  return { text, url: text.match(/https?:\/\/\S+?(?=[ （(])/)?.[0] ?? '' };
}

test('the bundle has a well-formed version', () => {
  assert.match(version.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(version.hash, /^[0-9a-f]{12}$/);
});

for (const [lang, words] of [['en', /^Urban SDG Explorer: City profile\. Data version /], ['ko', /데이터 버전/], ['zh', /数据版本/]]) {
  test(`a view's citation names the data's version and pins its permalink (${lang})`, async () => {
    const page = await open(`?view=city&city=kr-31010&lang=${lang}`);
    const { text, url } = await citation(page);
    assert.match(text, words);
    assert.ok(text.includes(`${version.date} (${version.hash})`), text);
    assert.ok(url.includes(`view=city&city=kr-31010`), url);
    assert.ok(url.includes(`data=${version.hash}`), url);
    if (lang === 'en') {
      const result = await audit(page).include('[data-testid=cite-dialog]').analyze();
      assert.deepEqual(result.violations.map((v) => v.id), []);
      // The citation's link opens the same view, without a note: the data is the same.
      const cited = await open(url.slice(url.indexOf('?')));
      await cited.getByTestId('profile-table').waitFor();
      assert.equal(await cited.getByTestId('pinned-notice').count(), 0);
      assert.deepEqual(cited.errors, []);
    }
    assert.deepEqual(page.errors, []);
  });
}

test('a link pinned to another data version says so, and the view still works', async () => {
  const page = await open('?view=map&region=korea&data=0123456789ab');
  const notice = page.getByTestId('pinned-notice');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.ok(text.includes('0123456789ab') && text.includes(version.hash), text);
  await page.getByTestId('map').first().waitFor();
  // A malformed pin is an unknown value like any other, named in the URL notice.
  const bad = await open('?view=map&data=<script>');
  await bad.getByTestId('url-notice').waitFor();
  assert.equal(await bad.getByTestId('pinned-notice').count(), 0);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(bad.errors, []);
});

test('the embed snippet pins the data version when asked', async () => {
  const page = await open('?view=chart&city=kr-11');
  await page.getByTestId('embed-button').click();
  const snippet = page.getByTestId('embed-snippet');
  assert.ok(!(await snippet.inputValue()).includes('data='), 'not pinned by default');
  await page.getByTestId('embed-pin').check();
  assert.ok((await snippet.inputValue()).includes(`data=${version.hash}`));
  assert.deepEqual(page.errors, []);
});

test('the data package the citation links to is served beside the app', async () => {
  const page = await open('?view=table');
  const { url } = await citation(page);
  assert.ok(url.includes('view=table'), url);
  const href = await page.getByTestId('cite-package').getAttribute('href');
  const res = await page.request.get(new URL(href, page.url()).href);
  assert.equal(res.status(), 200);
  const pkg = await res.json();
  assert.equal(pkg.version, `${version.date} (${version.hash})`);
  assert.ok(pkg.resources.some((r) => r.path === 'tables/observations.csv'));
  assert.deepEqual(page.errors, []);
});
