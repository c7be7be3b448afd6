//! Every chart's words, every time: the sentences of every city × series of the bundle
//! in `data/`, in every interface language, as the profile, the report and the charts'
//! descriptions say them, hashed against the reviewed set in
//! `tests/snapshots/words.tsv`; Suwon's and Seoul's in full in `words-sample.txt`, to
//! read in review.
//!
//! A changed sentence fails the test, which writes the new ones to
//! `target/words-snapshots.txt` for review; `make approve-charts` records the new set.

mod support;

use std::collections::BTreeMap;

use sdg_core::i18n::Lang;
use sdg_core::profile::profile_row;
use sdg_core::query::SeriesTables;
use sdg_core::words::row_words;

use support::{approve, approving, bundle, differences, fnv, root, Key};

/// The cities whose sentences are kept in full: the hub's two report examples.
const SAMPLE: [&str; 2] = ["kr-31010", "kr-11"];

#[test]
fn every_city_sentence_matches_its_reviewed_snapshot() {
    let (bundle, manifest) = bundle();
    let framework = bundle.framework.as_ref().expect("framework");
    let mut said: BTreeMap<Key, String> = BTreeMap::new();
    let mut broken = Vec::new();
    for series in &framework.series {
        let tables = SeriesTables::merge(&bundle, &manifest, &series.id);
        let Some((_, index)) = tables.city() else {
            continue;
        };
        for place in index.places() {
            let Some(city) = bundle.gazetteer.city(place) else {
                continue;
            };
            let judged = tables.judged(series, place);
            let row = profile_row(
                judged,
                city,
                &bundle.gazetteer,
                tables.city(),
                tables.country(),
            );
            let text: Vec<String> = Lang::ALL
                .iter()
                .map(|lang| {
                    let words = row_words(city, judged, &row, &bundle.gazetteer, *lang);
                    if words.is_empty() || words.contains('{') || words.contains("[missing") {
                        broken.push(format!("{} × {place} ({lang:?}): {words:?}", series.id));
                    }
                    format!("{}: {words}", lang.key())
                })
                .collect();
            said.insert((series.id.clone(), place.to_string()), text.join("\n"));
        }
    }
    assert!(said.len() > 5_000, "the bundle's rows: {}", said.len());
    assert!(
        broken.is_empty(),
        "{} sentences are empty or unfilled, e.g. {:?}",
        broken.len(),
        &broken[..broken.len().min(5)]
    );
    println!("{} rows said in {} languages", said.len(), Lang::ALL.len());

    let hashes: BTreeMap<Key, String> = said.iter().map(|(k, t)| (k.clone(), fnv(t))).collect();
    let path = root().join("crates/sdg-core/tests/snapshots/words.tsv");
    let (review_keys, report) = differences(&hashes, &path);
    let sample: String = said
        .iter()
        .filter(|((_, city), _)| SAMPLE.contains(&city.as_str()))
        .map(|((series, city), text)| format!("## {city} × {series}\n{text}\n\n"))
        .collect();
    let sample_path = root().join("crates/sdg-core/tests/snapshots/words-sample.txt");
    let review: String = review_keys
        .iter()
        .map(|k| format!("## {} × {}\n{}\n\n", k.1, k.0, said[k]))
        .collect();
    let _ = std::fs::create_dir_all(root().join("target"));
    let _ = std::fs::write(root().join("target/words-snapshots.txt"), &review);
    if approving() {
        approve(&hashes, &path, "the sentences in every language");
        std::fs::write(&sample_path, &sample).unwrap();
        println!("approved the words of {} rows\n{report}", hashes.len());
        return;
    }
    let reviewed_sample = std::fs::read_to_string(&sample_path).unwrap_or_default();
    assert!(
        report.is_empty() && reviewed_sample == sample,
        "sentences differ from the reviewed set; the new ones are in target/words-snapshots.txt; approve with `make approve-charts`\n{report}"
    );
}
