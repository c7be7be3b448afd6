// The d3 reference page (tests/bench/d3/) with its npm libraries from `.tools/bench`
// (`scripts/setup.sh --bench`), put together in one folder to be served beside a bundle.
import { copyFileSync, mkdirSync } from 'node:fs';

/** Assembles the reference page in `target/bench/d3ref` and returns that folder. */
export function referencePage() {
  const dir = 'target/bench/d3ref';
  mkdirSync(dir, { recursive: true });
  for (const f of ['index.html', 'ref.js']) copyFileSync(`tests/bench/d3/${f}`, `${dir}/${f}`);
  for (const [pkg, file] of [['d3-array', 'd3-array.min.js'], ['d3-geo', 'd3-geo.min.js'], ['topojson-client', 'topojson-client.min.js']]) {
    copyFileSync(`.tools/bench/node_modules/${pkg}/dist/${file}`, `${dir}/${file}`);
  }
  return dir;
}
