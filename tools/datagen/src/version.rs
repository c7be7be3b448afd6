//! The bundle's version: a hash of its pack files' content, and the day that content
//! was first built.
//!
//! The day cannot simply be "today": `datagen check` rebuilds the bundle and compares
//! bytes, and a rebuild of unchanged data must give the same version. So a build keeps
//! the day recorded in the bundle it replaces while the hash is unchanged, and takes
//! today's date (or `SOURCE_DATE_EPOCH`'s, the reproducible-builds convention) only
//! when the content changed.

use std::path::Path;

use sha2::{Digest, Sha256};

use sdg_core::model::{BundleVersion, Manifest};

/// The first 12 hex digits of the SHA-256 over every pack file's path, a zero byte and
/// its bytes, in manifest order (the files the app loads; derived files are not data).
pub fn content_hash(dir: &Path, manifest: &Manifest) -> Result<String, String> {
    let mut hash = Sha256::new();
    for file in manifest.packs.iter().flat_map(|p| &p.files) {
        let bytes =
            std::fs::read(dir.join(&file.path)).map_err(|e| format!("{}: {e}", file.path))?;
        hash.update(file.path.as_bytes());
        hash.update([0]);
        hash.update(&bytes);
    }
    Ok(hex(&hash.finalize())[..12].to_string())
}

/// Lower-case hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The version recorded in `dir/manifest.json`, if there is a readable one.
pub fn recorded(dir: &Path) -> Option<BundleVersion> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).ok()?;
    serde_json::from_str::<Manifest>(&text).ok()?.version
}

/// The version of content with this hash: the recorded day if the content is the
/// recorded one, else `today`.
pub fn decide(
    hash: String,
    recorded: Option<BundleVersion>,
    today: impl FnOnce() -> String,
) -> BundleVersion {
    match recorded {
        Some(v) if v.hash == hash && v.is_well_formed() => v,
        _ => BundleVersion {
            date: today(),
            hash,
        },
    }
}

/// Today's date in UTC, or the date of `SOURCE_DATE_EPOCH` when it is set.
pub fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_become_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_428), (2025, 12, 6));
        assert_eq!(civil_from_days(20_793), (2026, 12, 6));
    }

    #[test]
    fn the_day_is_kept_while_the_content_is_unchanged() {
        let old = BundleVersion {
            date: "2026-01-02".into(),
            hash: "0123456789ab".into(),
        };
        let same = decide("0123456789ab".into(), Some(old.clone()), || {
            "2026-12-06".into()
        });
        assert_eq!(same, old);
        let changed = decide("ba9876543210".into(), Some(old), || "2026-12-06".into());
        assert_eq!(changed.date, "2026-12-06");
        assert_eq!(changed.hash, "ba9876543210");
        let first = decide("ba9876543210".into(), None, || "2026-12-06".into());
        assert_eq!(first, changed);
        // A malformed recorded version is not carried over.
        let bad = BundleVersion {
            date: "yesterday".into(),
            hash: "0123456789ab".into(),
        };
        assert_eq!(
            decide("0123456789ab".into(), Some(bad), || "2026-12-06".into()).date,
            "2026-12-06"
        );
    }
}
