// "Use your own data" in a real browser: a CSV with three bad rows loads its good
// rows, lists each problem by line and column, shows the values in the profile as
// "your data, not published" judged by the local target, and saves a pack that the
// validator accepts and the app reopens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { audit } from '../support/axe.mjs';
import { appSuite } from '../support/app.mjs';

const app = appSuite();
const { open } = app;

// The example in public/ (real figures for Suwon) and three bad lines after it.
const example = readFileSync('dist/your-data-example.csv', 'utf8');
const exampleLines = example.trim().split('\r\n').length;
const bad = [
  'Gwangju,pm25,2021,18,,Statistics Korea,', // two places are named Gwangju
  'kr-31010,pm25,2016,-inf,,Statistics Korea,', // not a number
  'Atlantis,pm25,2019,3,,Statistics Korea,', // no such place
];
const csv = example + bad.join('\r\n') + '\r\n';

async function load(page, name, text) {
  await page.getByTestId('mydata-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('user-banner').waitFor();
}

test('a CSV with three bad rows: the good rows load, each problem names its line and column', async () => {
  const page = await open('?view=mydata');
  await load(page, 'suwon.csv', csv);
  assert.match(await page.getByTestId('mydata-status').textContent(), /^11 values for 1 places in 2 series loaded from suwon\.csv; 3 problem\(s\)\.$/);
  const rows = page.getByTestId('mydata-problems').locator('tbody tr');
  assert.equal(await rows.count(), 3);
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(cells.map(([line, column]) => [Number(line), column]), [
    [exampleLines + 1, 'city'],
    [exampleLines + 2, 'value'],
    [exampleLines + 3, 'city'],
  ]);
  assert.match(cells[0][2], /names several places \(kr-24, kr-31\d+\)/);
  assert.match(cells[1][2], /“-inf” is not a number/);
  assert.match(cells[2][2], /no place is named “Atlantis”/);
  const axe = await audit(page).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);

  // Suwon's profile shows the values as the user's, judged by the local target.
  await page.getByTestId('mydata-places').getByRole('link', { name: 'Suwon-si' }).click();
  await page.getByTestId('city-name').waitFor();
  const pm25 = page.locator('tr.user-data', { hasText: 'PM2.5' }).first();
  await pm25.waitFor();
  assert.match(await pm25.textContent(), /20\.6 µg\/m³ \(2022\)/);
  assert.match(await pm25.getByTestId('local-target').textContent(), /local target 15/);
  assert.match(await pm25.locator('.source-line').textContent(), /^Your data, not published: Statistics Korea/);
  assert.ok(await page.getByTestId('user-banner').isVisible(), 'the banner follows to every view');

  // Saved as a pack: the validator accepts it, and the app reopens it.
  await page.getByRole('link', { name: 'Manage' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mydata-save').click()]);
  const saved = await download.path();
  const out = execFileSync('cargo', ['run', '--release', '-q', '-p', 'datagen', '--', 'validate', 'dist/data', '--user', saved], { encoding: 'utf8' });
  assert.match(out, /a valid user pack/);
  await page.getByTestId('mydata-remove').click();
  await page.getByTestId('user-banner').waitFor({ state: 'detached' });
  await load(page, 'your-data.json', readFileSync(saved, 'utf8'));
  assert.match(await page.getByTestId('mydata-status').textContent(), /^11 values .* loaded from your-data\.json; 0 problem\(s\)\.$/);
  assert.deepEqual(page.errors, []);
});

test('in Korean, the problems are in Korean; a forged pack is refused with its reasons', async () => {
  const page = await open('?view=mydata&lang=ko');
  await load(page, 'suwon.csv', csv);
  const text = await page.getByTestId('mydata-problems').textContent();
  assert.match(text, /숫자가 아닙니다/);
  assert.match(text, /여러 장소의 이름입니다/);
  const forged = JSON.stringify({ format: 'urban-sdg-explorer/user-data/1', name: 'x', tables: [{ series: 'pm25', unit: 'µg/m³', place_kind: 'city', sources: ['official'], places: ['kr-31010'], years: [2020], values: [1], source: [0] }], targets: [] });
  await page.getByTestId('mydata-file').setInputFiles({ name: 'forged.json', mimeType: 'application/json', buffer: Buffer.from(forged) });
  await page.getByTestId('mydata-pack-problems').waitFor();
  assert.match(await page.getByTestId('mydata-pack-problems').textContent(), /every source starts with “Your data, not published”/);
  await page.getByTestId('user-banner').waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
});
