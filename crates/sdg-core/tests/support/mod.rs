//! What the snapshot tests share: the bundle of `data/` loaded through the app's own
//! checks, a stable hash, and the comparison with a reviewed set (what changed, what
//! is new, what is gone), approved with `make approve-charts`.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sdg_core::bundle::Bundle;
use sdg_core::load;
use sdg_core::loading::load_every_file;
use sdg_core::model::Manifest;

/// A snapshot's key: `(series, city)`.
pub type Key = (String, String);

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundle of `data/`, loaded through the app's own checks.
pub fn bundle() -> (Bundle, Manifest) {
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
pub fn fnv(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `(series, city) -> hash` of a snapshot file.
pub fn read_snapshots(path: &Path) -> BTreeMap<Key, String> {
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

/// Whether this run records the new set (`make approve-charts`).
pub fn approving() -> bool {
    std::env::var_os("APPROVE_CHARTS").is_some()
}

/// The differences between `hashes` and the reviewed set in `path`: the keys that
/// changed or are new (to write out for review), and a report ("" when none).
pub fn differences(hashes: &BTreeMap<Key, String>, path: &Path) -> (Vec<Key>, String) {
    let reviewed = read_snapshots(path);
    let changed: Vec<Key> = hashes
        .iter()
        .filter(|(k, h)| reviewed.get(*k).is_some_and(|r| r != *h))
        .map(|(k, _)| k.clone())
        .collect();
    let added: Vec<Key> = hashes
        .keys()
        .filter(|k| !reviewed.contains_key(*k))
        .cloned()
        .collect();
    let removed: Vec<Key> = reviewed
        .keys()
        .filter(|k| !hashes.contains_key(*k))
        .cloned()
        .collect();
    let show = |what: &str, keys: &[Key]| {
        if keys.is_empty() {
            return String::new();
        }
        let list: Vec<String> = keys
            .iter()
            .take(12)
            .map(|(s, c)| format!("{s} × {c}"))
            .collect();
        let more = keys.len().saturating_sub(12);
        let more = if more > 0 {
            format!(", … {more} more")
        } else {
            String::new()
        };
        format!("{what}: {} ({}{more})\n", keys.len(), list.join(", "))
    };
    let report = format!(
        "{}{}{}",
        show("changed", &changed),
        show("new", &added),
        show("gone", &removed)
    );
    (changed.into_iter().chain(added).collect(), report)
}

/// Records `hashes` as the reviewed set in `path`, under a header naming the hash.
pub fn approve(hashes: &BTreeMap<Key, String>, path: &Path, what: &str) {
    let mut text =
        format!("# series\tcity\tFNV-1a of {what}; approved with `make approve-charts`\n");
    for ((s, c), h) in hashes {
        text.push_str(&format!("{s}\t{c}\t{h}\n"));
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
