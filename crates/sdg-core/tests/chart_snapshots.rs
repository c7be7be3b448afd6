//! Every chart, every time: the chart of every city × series of the bundle in `data/`
//! (the city over the years with its country as context, as the city report draws it),
//! rendered natively to SVG by plotters and hashed against the reviewed snapshot set
//! in `tests/snapshots/charts.tsv`.
//!
//! A changed chart fails the test, which lists what changed and writes the new SVGs to
//! `target/chart-snapshots/` for review. `make approve-charts` (this test with
//! `APPROVE_CHARTS=1`) prints the same list and records the new set.

mod support;

use std::collections::BTreeMap;
use std::time::Instant;

use sdg_core::chart::{layout, to_svg};
use sdg_core::credits::of_tables;
use sdg_core::i18n::Lang;
use sdg_core::query::SeriesTables;
use sdg_core::scene::report::report_chart;

use support::{approve, approving, bundle, differences, fnv, root};

#[test]
fn every_city_chart_matches_its_reviewed_snapshot() {
    let (bundle, manifest) = bundle();
    let framework = bundle.framework.as_ref().expect("framework");
    let mut hashes = BTreeMap::new();
    let mut svgs = BTreeMap::new();
    let mut times: Vec<(f64, String, String)> = Vec::new();
    let started = Instant::now();
    for series in &framework.series {
        let tables = SeriesTables::merge(&bundle, &manifest, &series.id);
        let Some((_, index)) = tables.city() else {
            continue;
        };
        let credit = of_tables(&manifest, &[&tables]);
        let mut places: Vec<&str> = index.places().collect();
        places.sort_unstable();
        for place in places {
            let Some(city) = bundle.gazetteer.city(place) else {
                continue;
            };
            let t = Instant::now();
            let spec = report_chart(city, &bundle.gazetteer, series, &tables, Lang::En);
            let svg = to_svg(&layout(&spec), series.title.en(), &credit);
            times.push((
                t.elapsed().as_secs_f64() * 1000.0,
                series.id.clone(),
                place.to_string(),
            ));
            let key = (series.id.clone(), place.to_string());
            hashes.insert(key.clone(), fnv(&svg));
            svgs.insert(key, svg);
        }
    }
    let total = started.elapsed().as_secs_f64();
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("{} charts rendered in {total:.1} s; slowest:", hashes.len());
    for (ms, series, city) in times.iter().take(5) {
        println!("  {ms:7.2} ms  {series} × {city}");
    }
    assert!(
        hashes.len() > 5_000,
        "the bundle's charts: {}",
        hashes.len()
    );

    let path = root().join("crates/sdg-core/tests/snapshots/charts.tsv");
    let (review_keys, report) = differences(&hashes, &path);
    // The new SVGs of what changed or is new, to look at before approving.
    let review = root().join("target/chart-snapshots");
    let _ = std::fs::remove_dir_all(&review);
    for (s, c) in review_keys.iter().take(200) {
        let _ = std::fs::create_dir_all(&review);
        let _ = std::fs::write(
            review.join(format!("{s}__{c}.svg")),
            &svgs[&(s.clone(), c.clone())],
        );
    }
    if approving() {
        approve(&hashes, &path, "the SVG");
        println!("approved {} charts\n{report}", hashes.len());
        return;
    }
    assert!(
        report.is_empty(),
        "charts differ from the reviewed set; the new SVGs are in {}; approve with `make approve-charts`\n{report}",
        review.display()
    );
}
