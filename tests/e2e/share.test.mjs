// "Share an action" in a real browser: the form's checks in both languages, the
// preview, the downloaded file, and its round trip through `datagen merge-actions`
// back into the app as a card with its own permalink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../support/axe.mjs';
import { serve } from '../support/server.mjs';
import { appSuite } from '../support/app.mjs';

const app = appSuite();
const { open } = app;

/**
 * Fills the form with the facts of the collection's LA003 (Suwon's EcoMobility World
 * Festival, 2013) re-entered as a partner would: test input only, merged into a
 * temporary copy of the bundle, never into data/.
 */
async function fill(page) {
  await page.locator('#share-places').fill('Suwon');
  await page.locator('#share-places-suggestions li').first().waitFor();
  await page.locator('#share-places-suggestions li').first().dispatchEvent('mousedown');
  await page.getByTestId('share-picked').getByText(/Suwon-si/).waitFor();
  await page.locator('#share-year').fill('2013');
  await page.locator('#share-title_en').fill('EcoMobility World Festival: a car-free neighbourhood for a month');
  await page.locator('#share-title_ko').fill('생태교통 수원 2013');
  await page.locator('#share-summary_en').fill('Suwon hosted the first EcoMobility World Festival, closing a neighbourhood to private cars for a month and leaving lasting walking and cycling improvements.');
  await page.locator('#share-summary_ko').fill('행궁동 주민들이 한 달 동안 자동차 없이 생활한 생태교통 축제입니다.');
  await page.locator('[id="share-target-11.2"]').check();
  await page.locator('[id="share-target-11.6"]').check();
  await page.locator('#share-theme').selectOption('transport');
  await page.locator('#share-source_title').fill('EcoMobility Alliance city profile: Suwon');
  await page.locator('#share-source_url').fill('https://ecomobility.org/alliance/alliance-cities/suwon-rep-of-korea/');
  await page.locator('#share-confidence-high').check();
}

test('the form names every problem by field, in Korean too, and refuses an unsafe link', async () => {
  const page = await open('?view=share&lang=ko');
  await page.getByTestId('share-form').waitFor();
  await page.getByTestId('share-download').click();
  const status = await page.getByTestId('share-status').textContent();
  assert.match(status, /고칠 문제 \d+개/);
  assert.match(await page.getByTestId('problems-title_en').textContent(), /영어 제목이 없습니다/);
  assert.match(await page.getByTestId('problems-targets').textContent(), /세부 목표를 하나 이상/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-label', 'focus moves to the first problem');
  await page.locator('#share-source_url').fill('javascript:alert(1)');
  await page.locator('#share-source_url').blur();
  assert.match(await page.getByTestId('problems-source_url').textContent(), /http 또는 https 주소가 아닙니다/);
  // The preview never renders the unsafe address as a link.
  assert.equal(await page.getByTestId('share-preview').locator('a[href^="javascript"]').count(), 0);
  const result = await audit(page).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
  assert.deepEqual(page.errors, []);
});

test('a shared action round-trips: form, preview, file, datagen merge-actions, the app', async () => {
  const page = await open('?view=share');
  await page.getByTestId('share-form').waitFor();
  await fill(page);
  const preview = page.getByTestId('share-preview').getByTestId('action-card');
  await preview.locator('h2', { hasText: 'EcoMobility World Festival' }).waitFor();
  const previewText = await preview.textContent();
  const id = await preview.getAttribute('data-id');
  assert.match(id, /^SH-[0-9A-F]{8}$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download').click()]);
  assert.equal(download.suggestedFilename(), `action-${id}.json`);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(Object.keys(file).sort(), ['actions', 'figures']);
  assert.equal(file.actions[0].id, id);
  assert.deepEqual(file.actions[0].places, ['kr-31010']);
  assert.deepEqual(file.actions[0].targets, ['11.2', '11.6']);
  assert.equal(file.actions[0].confidence, 'high');
  assert.deepEqual(page.errors, []);

  // The editors' side: merge the file into a copy of the bundle.
  const tmp = mkdtempSync(join(tmpdir(), 'share-'));
  try {
    cpSync('dist/data', join(tmp, 'data'), { recursive: true });
    mkdirSync(join(tmp, 'in'));
    writeFileSync(join(tmp, 'in', download.suggestedFilename()), readFileSync(await download.path()));
    const out = execFileSync('cargo', ['run', '--release', '-q', '-p', 'datagen', '--', 'merge-actions', '--data', join(tmp, 'data'), '--from', join(tmp, 'in')], { encoding: 'utf8' });
    assert.match(out, /1 action\(s\) added/);
    const valid = execFileSync('cargo', ['run', '--release', '-q', '-p', 'datagen', '--', 'validate', join(tmp, 'data')], { encoding: 'utf8' });
    assert.match(valid, /every pack is valid/);
    const merged = await serve('dist', { data: join(tmp, 'data') });
    try {
      const card = await open(`?view=actions&action=${id}`, undefined, merged);
      const shown = card.getByTestId('action-card');
      await shown.first().waitFor();
      assert.equal(await shown.count(), 1);
      // The card is the preview; on its own page it also says its city's figures
      // around its year, which the form cannot know.
      await shown.getByTestId('action-around').waitFor();
      const withoutFigures = await shown.evaluate((card) => {
        const copy = card.cloneNode(true);
        copy.querySelector('[data-testid=action-around]')?.remove();
        return copy.textContent;
      });
      assert.equal(withoutFigures, previewText, 'the card is the preview');
      const ko = await open(`?view=actions&action=${id}&lang=ko`, undefined, merged);
      const koCard = ko.getByTestId('action-card');
      await koCard.waitFor();
      assert.match(await koCard.locator('h2').textContent(), /생태교통 수원 2013/);
      assert.match(await koCard.locator('.summary').textContent(), /행궁동 주민들이/);
      assert.equal(await koCard.locator('.lang-tag').count(), 0, 'a Korean summary needs no English tag');
      // Suwon's profile lists it among its actions.
      const profile = await open('?view=city&city=kr-31010', undefined, merged);
      await profile.locator(`[data-id="${id}"]`).waitFor();
      for (const p of [card, ko, profile]) assert.deepEqual(p.errors, []);
    } finally {
      await merged.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("the form's second language follows the interface, and a partner may pick another", async () => {
  const page = await open('?view=share&lang=zh');
  await page.getByTestId('share-form').waitFor();
  const title = page.locator('#share-title_zh');
  await title.waitFor();
  assert.equal(await title.getAttribute('lang'), 'zh-Hans');
  assert.match(await page.locator('label[for="share-title_zh"]').textContent(), /中文/);
  await page.locator('#share-title_en').fill('Car-free day');
  await title.fill('无车日');
  const preview = page.getByTestId('share-preview').getByTestId('action-card');
  await preview.locator('h2').getByText('无车日').waitFor();
  // Korean instead: its fields replace the Chinese ones, and the preview follows.
  await page.locator('#share-second').selectOption('ko');
  await page.locator('#share-title_ko').fill('차 없는 날');
  assert.equal(await page.locator('#share-title_zh').count(), 0);
  await preview.locator('h2').getByText('Car-free day').waitFor();
  const english = await open('?view=share');
  await english.locator('#share-title_ko').waitFor();
  assert.deepEqual([...page.errors, ...english.errors], []);
});
