// The reference `make bench` compares the app with: the same map from the same bundle
// (every pm25 city table of the manifest, each city's latest value coloured by the
// framework's thresholds, over the world's countries, in the Equal Earth projection),
// written as a web developer would with d3-geo and topojson-client. The region select
// re-frames the map and re-filters the cities, as the app's does.
(async () => {
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 960;
  const H = 560;
  // The app's presets (sdg_core::mapview::preset_bounds): [west, south, east, north].
  const BOUNDS = { world: [-170, -58, 180, 80], 'asia-pacific': [26, -48, 180, 62] };
  const json = (path) => fetch(`data/${path}`).then((r) => r.json());
  const manifest = await json('manifest.json');
  // Every city table of PM2.5 (a big one comes in parts by region: all of them).
  const files = manifest.packs.flatMap((p) => p.files).filter((f) => f.series === 'pm25' && f.place_kind === 'city').map((f) => f.path);
  const [framework, countries, cities, world, ...tables] = await Promise.all(
    ['framework.json', 'countries.json', 'cities.json', 'geo/world-110m.json', ...files].map(json),
  );
  const t = framework.series.find((s) => s.id === 'pm25').thresholds;
  const status = (v) => (v <= t.green ? 'green' : v <= t.yellow ? 'yellow' : v <= t.orange ? 'orange' : 'red');
  const latest = new Map();
  for (const table of tables) {
    for (let i = 0; i < table.places.length; i++) {
      const seen = latest.get(table.places[i]);
      if (!seen || table.years[i] > seen.year) latest.set(table.places[i], { year: table.years[i], value: table.values[i] });
    }
  }
  const asiaPacific = new Set(countries.filter((c) => c.asia_pacific).map((c) => c.iso3));
  const land = topojson.feature(world, world.objects.countries).features;
  const placed = cities.filter((c) => c.lat != null && latest.has(c.id));

  const countriesG = document.querySelector('g.countries');
  const citiesG = document.querySelector('g.cities');
  const count = document.querySelector('[data-testid=match-count]');

  function draw(region) {
    const [w, s, e, n] = BOUNDS[region];
    const frame = { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[w, s], [e, s], [e, n], [w, n], [(w + e) / 2, s], [(w + e) / 2, n]] } };
    const projection = d3.geoEqualEarth().fitSize([W, H], frame);
    const path = d3.geoPath(projection);
    const landPaths = document.createDocumentFragment();
    for (const f of land) {
      const p = document.createElementNS(SVG, 'path');
      p.setAttribute('class', 'land');
      p.setAttribute('d', path(f) ?? '');
      landPaths.append(p);
    }
    countriesG.replaceChildren(landPaths);
    const dots = document.createDocumentFragment();
    let shown = 0;
    for (const c of placed) {
      if (region === 'asia-pacific' && !asiaPacific.has(c.country)) continue;
      const xy = projection([c.lon, c.lat]);
      if (!xy || xy[0] < 0 || xy[0] > W || xy[1] < 0 || xy[1] > H) continue;
      const dot = document.createElementNS(SVG, 'circle');
      dot.setAttribute('class', `city ${status(latest.get(c.id).value)}`);
      dot.setAttribute('cx', xy[0].toFixed(1));
      dot.setAttribute('cy', xy[1].toFixed(1));
      dot.setAttribute('r', '2.5');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${c.name.en}: ${latest.get(c.id).value} µg/m³ (${latest.get(c.id).year})`;
      dot.append(title);
      dots.append(dot);
      shown++;
    }
    citiesG.replaceChildren(dots);
    count.textContent = `${shown} cities match`;
  }
  const select = document.querySelector('[data-testid=region-select]');
  select.addEventListener('change', () => draw(select.value));
  draw(select.value);
})();
