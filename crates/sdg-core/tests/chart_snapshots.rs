//! Every chart, every time: the chart of every city × series of the bundle in `data/`
//! (the city over the years with its country as context, as the city report draws it),
//! rendered natively to SVG by plotters and hashed against the reviewed snapshot set
//! in `tests/snapshots/charts.tsv`.
//!
//! A changed chart fails the test, which lists what changed and writes the new SVGs to
//! `target/chart-snapshots/` for review. `make approve-charts` (this test with
//! `APPROVE_CHARTS=1`) prints the same list and records the new set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use sdg_core::bundle::Bundle;
use sdg_core::chart::{layout, to_svg};
use sdg_core::credits::of_tables;
use sdg_core::i18n::Lang;
use sdg_core::load;
use sdg_core::loading::load_every_file;
use sdg_core::model::Manifest;
use sdg_core::query::SeriesTables;
use sdg_core::scene::report::report_chart;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundle of `data/`, loaded through the app's own checks.
fn bundle() -> (Bundle, Manifest) {
    let dir = root().join("data");
    let read = |rel: &str| std::fs::read_to_string(dir.join(rel));
    let manifest = load::load_manifest("manifest.json", &read("manifest.json").unwrap())
        .expect("data/manifest.json loads");
    let (bundle, _) = load_every_file(&manifest, |path| {
        std::fs::read(dir.join(path)).map_err(|e| format!("{path}: {e}"))
    });
    (bundle, manifest)
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike std's hasher.
fn fnv(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `(series, city) -> hash` of a snapshot file.
fn read_snapshots(path: &Path) -> BTreeMap<(String, String), String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let mut cells = l.split('\t');
            let (series, city, hash) = (cells.next()?, cells.next()?, cells.next()?);
            Some(((series.to_string(), city.to_string()), hash.to_string()))
        })
        .collect()
}

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
    let reviewed = read_snapshots(&path);
    let changed: Vec<_> = hashes
        .iter()
        .filter(|(k, h)| reviewed.get(*k).is_some_and(|r| r != *h))
        .map(|(k, _)| k.clone())
        .collect();
    let added: Vec<_> = hashes
        .keys()
        .filter(|k| !reviewed.contains_key(*k))
        .cloned()
        .collect();
    let removed: Vec<_> = reviewed
        .keys()
        .filter(|k| !hashes.contains_key(*k))
        .cloned()
        .collect();
    let show = |what: &str, keys: &[(String, String)]| {
        if keys.is_empty() {
            return String::new();
        }
        let list: Vec<String> = keys
            .iter()
            .take(12)
            .map(|(s, c)| format!("{s} × {c}"))
            .collect();
        let more = keys.len().saturating_sub(12);
        format!(
            "{what}: {} ({}{})\n",
            keys.len(),
            list.join(", "),
            if more > 0 {
                format!(", … {more} more")
            } else {
                String::new()
            }
        )
    };
    let report = format!(
        "{}{}{}",
        show("changed", &changed),
        show("new", &added),
        show("gone", &removed)
    );
    // The new SVGs of what changed or is new, to look at before approving.
    let review = root().join("target/chart-snapshots");
    let _ = std::fs::remove_dir_all(&review);
    for (s, c) in changed.iter().chain(&added).take(200) {
        let _ = std::fs::create_dir_all(&review);
        let _ = std::fs::write(
            review.join(format!("{s}__{c}.svg")),
            &svgs[&(s.clone(), c.clone())],
        );
    }
    if std::env::var_os("APPROVE_CHARTS").is_some() {
        let mut text = String::from(
            "# series\tcity\tFNV-1a of the SVG; approved with `make approve-charts`\n",
        );
        for ((s, c), h) in &hashes {
            text.push_str(&format!("{s}\t{c}\t{h}\n"));
        }
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        println!("approved {} charts\n{report}", hashes.len());
        return;
    }
    assert!(
        report.is_empty(),
        "charts differ from the reviewed set; the new SVGs are in {}; approve with `make approve-charts`\n{report}",
        review.display()
    );
}
