//! Reading the raw sources: CSV rows as maps, JSON, and open-sdg year strings.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// A CSV row keyed by column name.
pub type Row = HashMap<String, String>;

/// The raw source folder (`../shared/data/raw`).
pub struct Raw {
    root: PathBuf,
}

impl Raw {
    /// A raw folder at `root`.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
        }
    }

    /// Full path of a file inside the raw folder.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Reads a CSV file (a leading UTF-8 BOM is dropped) into rows.
    pub fn csv(&self, rel: &str) -> Result<Vec<Row>, String> {
        let text = fs::read_to_string(self.path(rel)).map_err(|e| format!("{rel}: {e}"))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| format!("{rel}: {e}"))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let record = record.map_err(|e| format!("{rel}: row {}: {e}", i + 1))?;
            rows.push(
                headers
                    .iter()
                    .cloned()
                    .zip(record.iter().map(|v| v.trim().to_string()))
                    .collect(),
            );
        }
        Ok(rows)
    }

    /// Reads a JSON file.
    pub fn json<T: serde::de::DeserializeOwned>(&self, rel: &str) -> Result<T, String> {
        let text = fs::read_to_string(self.path(rel)).map_err(|e| format!("{rel}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{rel}: {e}"))
    }
}

/// Field of a row, empty when absent.
pub fn field<'a>(row: &'a Row, key: &str) -> &'a str {
    row.get(key).map(String::as_str).unwrap_or("")
}

/// An open-sdg `Year` string as one calendar year: `2019` -> 2019; a span such as
/// `2013/16`, `2017-18` or `2000/01` -> its last year (the year the data refer up to).
/// Decades (`1990-1999`) and anything else -> `None` (dropped and counted).
pub fn parse_year(s: &str) -> Option<i32> {
    let s = s.trim();
    if let Ok(y) = s.parse::<i32>() {
        return sdg_core::limits::DATA_YEARS.contains(&y).then_some(y);
    }
    let (a, b) = s.split_once(['/', '-'])?;
    let start: i32 = a.trim().parse().ok()?;
    let b = b.trim();
    let end = match b.len() {
        2 => (start / 100) * 100 + b.parse::<i32>().ok()?,
        4 => b.parse().ok()?,
        _ => return None,
    };
    // A span of more than two years (a decade) is not one observation year.
    (end > start && end - start <= 3 && sdg_core::limits::DATA_YEARS.contains(&end)).then_some(end)
}

/// A number from a source cell; empty, `NA` and non-finite values are `None`.
pub fn parse_value(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_open_sdg_strings() {
        assert_eq!(parse_year("2019"), Some(2019));
        assert_eq!(parse_year("2013/16"), Some(2016));
        assert_eq!(parse_year("2000/01"), Some(2001));
        assert_eq!(parse_year("2017-18"), Some(2018));
        assert_eq!(parse_year("1999/00"), None, "wraps a century: dropped");
        assert_eq!(parse_year("1990-1999"), None);
        assert_eq!(parse_year("n.d."), None);
    }

    #[test]
    fn values() {
        assert_eq!(parse_value(" 12.5 "), Some(12.5));
        assert_eq!(parse_value("NA"), None);
        assert_eq!(parse_value(""), None);
        assert_eq!(parse_value("NaN"), None);
    }
}
