// The corpus of broken datasets in the browser (`make corpus` writes them from
// tests/corpus/cases.json): each broken file, served in place of the good one, gives
// a visible message naming file, record and field, and the rest of the app works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { appSuite } from '../support/app.mjs';
import { serve } from '../support/server.mjs';

const app = appSuite();
const cases = JSON.parse(readFileSync('tests/corpus/cases.json', 'utf8'));
const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const packOf = (file) => manifest.packs.find((p) => p.files.some((f) => f.path === file))?.id;

// A view that loads the broken file.
function viewFor(file) {
  if (file.startsWith('obs/')) return '?view=map&series=pm25';
  if (file.startsWith('geo/')) return '?view=map&region=korea&series=pm25';
  if (file === 'actions.json') return '?view=actions';
  if (file === 'cities.json') return '?view=table&series=pm25';
  // The landing page reads no countries (its search does, when used).
  if (file === 'countries.json') return '?view=map&series=pm25';
  return '';
}

for (const c of cases) {
  test(`broken dataset: ${c.name} (${c.about})`, async () => {
    const broken = `target/corpus/${c.name}/${c.file}`;
    assert.ok(existsSync(broken), `${broken}: run make corpus`);
    const server = await serve('dist', { rewrite: (rel, body) => (rel === `data/${c.file}` ? readFileSync(broken) : body) });
    try {
      const page = await app.browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url + viewFor(c.file), { waitUntil: 'load' });
      // Nothing can be shown without the manifest or the framework, nor a view of
      // cities without the countries and places: the app says why at once.
      if (c.fatal || ['framework.json', 'countries.json', 'cities.json'].includes(c.file)) {
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: 30_000 });
        assert.ok((await alert.textContent()).includes(c.expect), await alert.textContent());
      }
      if (!c.fatal && !['framework.json', 'countries.json'].includes(c.file)) {
        await page.getByTestId('loaded').or(page.getByRole('alert')).first().waitFor({ state: 'attached', timeout: 60_000 });
        // The message, in the sources table of the overview; and the overview works.
        await page.getByRole('link', { name: 'Overview' }).click();
        await page.locator('[data-testid=landing-map] path.dots').first().waitFor({ state: 'attached', timeout: 30_000 });
        const row = page.locator(`tr[data-pack="${packOf(c.file)}"]`);
        await row.waitFor();
        if (c.expect) {
          await row.locator('.problems').waitFor();
          const problems = await row.locator('.problems').textContent();
          assert.ok(problems.includes(c.expect), `${c.expect}\n in: ${problems.slice(0, 400)}`);
        } else {
          await page.waitForFunction((id) => document.querySelector(`tr[data-pack="${id}"] .state.ready`), packOf(c.file));
          assert.equal(await row.locator('.state.failed').count(), 0, 'a valid file loads');
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await server.close();
    }
  });
}
