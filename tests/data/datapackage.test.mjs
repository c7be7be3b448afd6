// The bundle as a Frictionless Data Package, checked by the Frictionless project's own
// JavaScript library (npm `datapackage`, which validates a descriptor against the
// specification's JSON Schema profiles and reads tables through their Table Schema):
// the descriptor is valid, and every CSV table reads with every value cast to its
// field's type, every required cell present and every foreign key resolved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Package } from 'datapackage';

const dir = new URL('../../data/', import.meta.url).pathname;
const descriptor = JSON.parse(readFileSync(`${dir}datapackage.json`, 'utf8'));

test('datapackage.json is valid by the Data Package profile', async () => {
  const pkg = await Package.load(descriptor, { basePath: dir });
  assert.deepEqual(pkg.errors.map(String), []);
  assert.equal(pkg.valid, true);
  assert.equal(pkg.profile.name, 'data-package');
  // Every resource is valid by its own profile (tabular or not).
  for (const r of pkg.resources) assert.equal(r.valid, true, `${r.name}: ${r.errors.map(String)}`);
});

test('a broken descriptor is refused (the check can fail)', async () => {
  const broken = structuredClone(descriptor);
  broken.name = 'Not A Valid Name!';
  broken.resources[0].path = undefined;
  const pkg = await Package.load(broken, { basePath: dir });
  assert.equal(pkg.valid, false);
  assert.ok(pkg.errors.length >= 1);
});

test('every table reads with its schema: types, required cells and foreign keys', async () => {
  const pkg = await Package.load(descriptor, { basePath: dir });
  const tables = pkg.resources.filter((r) => r.tabular);
  assert.deepEqual(tables.map((r) => r.name).sort(), ['countries', 'observations', 'places', 'series', 'sources']);
  const rows = {};
  for (const r of tables) {
    rows[r.name] = await r.read({ keyed: true, relations: r.name !== 'observations' });
    assert.ok(rows[r.name].length > 0, r.name);
  }
  // The observations' keys are resolved here (the library's relation check holds the
  // whole referenced table per row, too slow for 66,000 rows).
  const series = new Set(rows.series.map((s) => s.id));
  const sources = new Set(rows.sources.map((s) => s.id));
  const places = new Set(rows.places.map((p) => p.id));
  const countries = new Set(rows.countries.map((c) => c.iso3));
  for (const o of rows.observations) {
    assert.ok(series.has(o.series), `series ${o.series}`);
    assert.ok(sources.has(o.source), `source ${o.source}`);
    assert.equal(typeof o.value, 'number');
    assert.ok(Number.isInteger(o.year));
    const known = o.place_kind === 'city' ? places.has(o.place) : countries.has(o.place);
    assert.ok(known, `${o.place_kind} ${o.place}`);
  }
  // As many figures as the app's own files hold (the manifest's row counts).
  const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8'));
  const expected = manifest.packs
    .filter((p) => p.kind === 'observations')
    .flatMap((p) => p.files)
    .reduce((n, f) => n + f.rows, 0);
  assert.equal(rows.observations.length, expected);
});
