//! The core at the SYNTHETIC scale (13,000 cities × 16 series × 20 years, written by
//! `datagen synthetic` to `target/synthetic`; `make bench-native` makes it first):
//! load and validate every file, filter, rank, status and trend for all series, and
//! place all map symbols. Run with `cargo bench -p sdg-core --bench core`.

use std::path::PathBuf;
use std::sync::OnceLock;

use sdg_core::assess;
use sdg_core::bundle::Bundle;
use sdg_core::load;
use sdg_core::loading::load_every_file;
use sdg_core::model::{Manifest, Series};
use sdg_core::query::{Filter, Region, SeriesTables};
use sdg_core::scene::map::Zoom;
use sdg_core::scene::map::{place_symbols, preset_viewport};
use sdg_core::scene::rows::{select_rows, shared_cities, Row};

fn main() {
    divan::main();
}

fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/synthetic");
    assert!(
        dir.join("manifest.json").exists(),
        "{}: run `make bench-native` (it writes the synthetic bundle first)",
        dir.display()
    );
    dir
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(dir().join("manifest.json")).unwrap();
    load::load_manifest("manifest.json", &text).unwrap()
}

/// Every file of the bundle, read once (the benchmarks time the core, not the disk).
fn files() -> &'static Vec<(String, Vec<u8>)> {
    static FILES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        manifest()
            .packs
            .iter()
            .flat_map(|p| &p.files)
            .map(|f| (f.path.clone(), std::fs::read(dir().join(&f.path)).unwrap()))
            .collect()
    })
}

fn load_all() -> (Bundle, Vec<String>) {
    load_every_file(&manifest(), |path| {
        files()
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.clone())
            .ok_or_else(|| format!("{path}: missing"))
    })
}

fn bundle() -> &'static (Bundle, Manifest) {
    static BUNDLE: OnceLock<(Bundle, Manifest)> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let (bundle, problems) = load_all();
        assert!(problems.is_empty(), "{problems:?}");
        (bundle, manifest())
    })
}

fn series() -> Vec<Series> {
    bundle().0.framework.as_ref().unwrap().series.clone()
}

/// The first synthetic series, merged over its packs, as the map view uses it.
fn first() -> (Series, SeriesTables) {
    let (bundle, manifest) = bundle();
    let s = series().into_iter().next().unwrap();
    let tables = SeriesTables::merge(bundle, manifest, &s.id);
    (s, tables)
}

/// Every city's row for the first series, as the unfiltered map selects them.
fn every_city_row() -> (Series, Vec<Row>) {
    let (s, tables) = first();
    let gz = &bundle().0.gazetteer;
    let rows = select_rows(
        gz,
        &shared_cities(gz),
        &Filter::default(),
        &s,
        &tables,
        None,
    );
    (s, rows)
}

#[divan::bench(sample_count = 5)]
fn load_and_validate_every_file() -> usize {
    let (bundle, problems) = load_all();
    assert!(problems.is_empty());
    bundle.gazetteer.cities.len()
}

#[divan::bench(sample_count = 20)]
fn filter_asia_pacific(b: divan::Bencher) {
    let (s, tables) = first();
    let gz = &bundle().0.gazetteer;
    let shared = shared_cities(gz);
    let filter = Filter {
        region: Region::AsiaPacific,
        ..Filter::default()
    };
    b.bench(|| select_rows(gz, &shared, &filter, &s, &tables, None).len());
}

#[divan::bench(sample_count = 20)]
fn rank_latest_values(b: divan::Bencher) {
    let (s, rows) = every_city_row();
    let values: Vec<f64> = rows.iter().filter_map(|r| r.value()).collect();
    b.bench(|| assess::ranks(s.direction, &values).len());
}

#[divan::bench(sample_count = 5)]
fn status_and_trend_for_all_series() -> usize {
    let (bundle, manifest) = bundle();
    let mut assessed = 0;
    for s in series() {
        let tables = SeriesTables::merge(bundle, manifest, &s.id);
        let Some((table, index)) = tables.city() else {
            continue;
        };
        for place in index.places() {
            let points = index.points(table, place);
            let latest = points.last().map(|p| p.1);
            let _ = assess::status(&s, latest);
            let _ = assess::trend(&s, &points);
            assessed += 1;
        }
    }
    assessed
}

#[divan::bench(sample_count = 20)]
fn place_all_map_symbols(b: divan::Bencher) {
    let (_, rows) = every_city_row();
    let view = preset_viewport(Region::World);
    let skip = sdg_core::FastSet::default();
    b.bench(|| place_symbols(&rows, &view, Zoom::default(), &skip).len());
}
