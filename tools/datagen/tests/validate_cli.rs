//! `datagen validate` on the committed bundle and on broken copies of it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bundle_copy(name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let dst = std::env::temp_dir().join(format!("datagen-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dst);
    copy_dir(&src, &dst);
    dst
}

fn copy_dir(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).unwrap();
    for entry in fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let target = dst.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

fn validate(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_datagen"))
        .arg("validate")
        .arg(dir)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_committed_bundle_is_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let (code, text) = validate(&dir);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("every pack is valid, and so is its data package"));
}

#[test]
fn every_problem_names_file_record_and_field() {
    let dir = bundle_copy("broken");
    let path = dir.join("obs/uk-ons/pm25.json");
    let mut table: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    table["places"][0] = "gn-0".into();
    table["unit"] = "mg/m³".into();
    table["values"][3] = (-4.0).into();
    fs::write(&path, table.to_string()).unwrap();
    fs::write(dir.join("geo/kr-provinces.json"), "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,1]]],\"objects\":{\"p\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[9]]}]}}}").unwrap();

    let (code, text) = validate(&dir);
    assert_eq!(code, 1, "{text}");
    // The data package no longer describes the changed file.
    assert!(
        text.contains("`obs/uk-ons/pm25.json` does not match its hash"),
        "{text}"
    );
    assert!(
        text.contains("obs/uk-ons/pm25.json: field `unit`: unit `mg/m³` does not match"),
        "{text}"
    );
    assert!(
        text.contains("obs/uk-ons/pm25.json: row 0 (gn-0 "),
        "{text}"
    );
    assert!(
        text.contains("field `values`: -4 µg/m³ is not a plausible annual mean"),
        "{text}"
    );
    assert!(
        text.contains("geo/kr-provinces.json: p[0] : field `arcs`: arc reference out of range"),
        "{text}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_gazetteer_is_one_message_and_tables_wait_for_it() {
    let dir = bundle_copy("gazetteer");
    fs::write(dir.join("cities.json"), "[{\"id\": 5").unwrap();
    let (code, text) = validate(&dir);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("cities.json: record 0: field `id`: not a valid file of this kind"),
        "{text}"
    );
    assert!(
        text.contains(
            "obs/who-aap/pm25-korea.json: cannot be checked: the countries or places pack did not load"
        ),
        "{text}"
    );
    assert!(!text.contains("unknown place"), "{text}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_file_and_a_missing_manifest_are_reported_not_panicked() {
    let dir = bundle_copy("missing");
    fs::remove_file(dir.join("framework.json")).unwrap();
    let (code, text) = validate(&dir);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("framework.json: cannot be read"), "{text}");
    assert!(
        text.contains("cannot be checked: the framework pack did not load"),
        "{text}"
    );
    fs::remove_file(dir.join("manifest.json")).unwrap();
    let (code, text) = validate(&dir);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("manifest.json"), "{text}");
    let _ = fs::remove_dir_all(&dir);
}
