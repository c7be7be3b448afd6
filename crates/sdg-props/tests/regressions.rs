//! Replays every input fuzzing found (`fuzz/regressions/<target>/`, one file per
//! input, named after what it broke) and the seeds the fuzzers start from, through the
//! same checks the fuzz targets run. Then a few hundred random inputs per check, so
//! `make test` explores a little on every run without the nightly toolchain.

use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files under `fuzz/regressions/<target>/`, sorted.
fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("fuzz/regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let inputs = regressions(target);
    for (name, bytes) in &inputs {
        eprintln!("{target}: {name}");
        check(bytes);
    }
    inputs.len()
}

#[test]
fn every_regression_input_passes() {
    let n = replay("pack_file", sdg_props::pack_file)
        + replay("url_query", sdg_props::url_query)
        + replay("csv_import", sdg_props::csv_import)
        + replay("shared_action", sdg_props::shared_action);
    eprintln!("{n} regression inputs replayed");
    assert!(n > 0, "the regression folders are read");
}

/// The bundle's own files, each as the kind of file it is, pass the pack check (this
/// is also how the fuzzers' seeds are made; see scripts/fuzz.sh).
#[test]
fn the_bundled_files_pass_the_pack_check() {
    let data = root().join("data");
    let kinds = [
        (0u8, "manifest.json"),
        (1, "framework.json"),
        (2, "countries.json"),
        (3, "cities.json"),
        (4, "obs/who-aap/pm25-rest-of-asia-pacific.json"),
        (5, "geo/kr-provinces.json"),
        (6, "actions.json"),
        (7, "kiosk.json"),
    ];
    for (kind, file) in kinds {
        let mut input = vec![kind];
        input.extend(std::fs::read(data.join(file)).unwrap());
        sdg_props::pack_file(&input);
    }
}

#[test]
fn hostile_queries_csvs_and_shared_files() {
    for q in [
        "view=city&city=%3Cscript%3E",
        "?view=map&year=99999999999999999999&series=pm25&series=pm25",
        "view=compare&cities=kr-11010,kr-11010,,%ZZ&lang=xx",
        "status=green,green,purple&region=%00&target=11.%E2%80%AE",
        "&&==&=&view&city=",
    ] {
        sdg_props::url_query(q.as_bytes());
    }
    for csv in [
        "city_id,series,year,value\nkr-31010,pm25,2020,-inf\n",
        "=cmd|' /C calc'!A0,+NaN,-Infinity,@SUM(1)\n\"unclosed",
        "\u{feff}\u{feff}city_id\r\r\n,,,\n",
    ] {
        sdg_props::csv_import(csv.as_bytes());
    }
    sdg_props::shared_action(br#"{"actions":[{"id":"SH-1"}]}"#);
    sdg_props::shared_action(b"\xff\xfe not utf-8");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_query_round_trips(q in "[a-z=&%0-9A-F,.\\-]{0,80}") {
        sdg_props::url_query(q.as_bytes());
    }

    #[test]
    fn any_csv_text_is_handled(text in "(?s).{0,200}") {
        sdg_props::csv_import(text.as_bytes());
    }

    #[test]
    fn any_bytes_as_any_pack_file(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        sdg_props::pack_file(&bytes);
    }
}
