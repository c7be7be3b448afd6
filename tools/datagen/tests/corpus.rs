//! The corpus of broken datasets (`tests/corpus/cases.json`): each case, laid over the
//! committed bundle, gives the validator a message naming file, record and field, and
//! leaves every other file loading (or unchecked, saying why).

use std::path::Path;
use std::process::Command;

#[test]
fn every_broken_dataset_is_named_and_the_rest_still_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let work = std::env::temp_dir().join(format!("datagen-corpus-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_datagen"))
        .args(["corpus", "--check", "--data"])
        .arg(root.join("data"))
        .arg("--cases")
        .arg(root.join("tests/corpus/cases.json"))
        .arg("--out")
        .arg(&work)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&work);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let cases = stdout.lines().filter(|l| l.starts_with("ok ")).count();
    assert!(
        cases >= 30,
        "at least 30 broken datasets: {cases}\n{stdout}"
    );
}
