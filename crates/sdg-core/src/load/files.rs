//! A data file's bytes to text, JSON into types, and where in a file a problem is
//! (its record and field, from serde's line and column).

use serde::de::DeserializeOwned;

use super::Problem;

/// The largest data file the app reads: the largest bundled file is about 1 MB, and a
/// phone should not be asked to parse a runaway one.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// A fetched or read data file as text: one rule for the app and the validator. A file
/// over [`MAX_FILE_BYTES`] or not UTF-8 is refused with a message naming it.
pub fn decode_file(path: &str, bytes: Vec<u8>) -> Result<String, String> {
    use crate::i18n::format_int;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{path}: {} bytes, more than the {} a data file may have",
            format_int(bytes.len() as u64),
            format_int(MAX_FILE_BYTES as u64)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        match e.utf8_error().error_len() {
            // The text stops inside a character: the file was cut off.
            None => format!("{path}: cut off in the middle of a character at byte {at}"),
            Some(_) => format!("{path}: not UTF-8 text (an invalid byte at offset {at})"),
        }
    })
}

/// Parses JSON text into `T`, turning a syntax or shape error into a [`Problem`].
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Vec<Problem>> {
    serde_json::from_str(text).map_err(|e| {
        // At the end of a cut-off file, serde points at its last character.
        let offset = match e.classify() {
            serde_json::error::Category::Eof => text.len(),
            _ => byte_offset(text, e.line(), e.column()),
        };
        let mut path = json_path_at(text, offset);
        // A missing field is the object's, not the last key read before its end.
        if e.to_string().starts_with("missing field")
            && matches!(path.last(), Some(PathStep::Key(_)))
        {
            path.pop();
        }
        let (record, field) = locate(&path);
        let record = match record {
            Some(r) => r,
            None => format!("line {}, column {}", e.line(), e.column()),
        };
        vec![Problem {
            file: file.to_string(),
            record,
            field,
            message: format!("not a valid file of this kind: {e}"),
        }]
    })
}

/// The byte offset of serde_json's 1-based line and column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// An object's key.
    Key(String),
    /// An array's index.
    Index(usize),
}

/// Where in a document byte `offset` falls, as the keys and indexes leading to it:
/// read by a small scanner that tolerates the invalid text serde stopped at, so that
/// a parse error names its record and field. Non-generic, to keep the wasm small.
pub fn json_path_at(text: &str, offset: usize) -> Vec<PathStep> {
    // (path step of this container, whether it is an array, its current index/key)
    let mut stack: Vec<PathStep> = Vec::new();
    let mut in_array: Vec<bool> = Vec::new();
    let mut pending_key: Option<String> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && i < offset {
        match bytes[i] {
            b'{' => {
                in_array.push(false);
                stack.push(PathStep::Key(String::new()));
            }
            b'[' => {
                in_array.push(true);
                stack.push(PathStep::Index(0));
            }
            b'}' | b']' => {
                in_array.pop();
                stack.pop();
            }
            b',' => {
                if let Some(PathStep::Index(n)) = stack.last_mut() {
                    *n += 1;
                }
            }
            b':' => {
                if let (Some(k), Some(last)) = (pending_key.take(), stack.last_mut()) {
                    *last = PathStep::Key(k);
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                // A string directly in an object before its colon is a key.
                if in_array.last() == Some(&false) {
                    pending_key = text.get(start..i.min(bytes.len())).map(str::to_string);
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack
        .into_iter()
        .filter(|s| !matches!(s, PathStep::Key(k) if k.is_empty()))
        .collect()
}

/// A path as the record and field of a [`Problem`]: a table's column index is its
/// `row`, a list's index its `record`, and the keys after it the field.
fn locate(path: &[PathStep]) -> (Option<String>, String) {
    let keys = |steps: &[PathStep]| {
        steps
            .iter()
            .map(|s| match s {
                PathStep::Key(k) => k.clone(),
                PathStep::Index(i) => i.to_string(),
            })
            .collect::<Vec<_>>()
            .join(".")
    };
    match path {
        [] => (None, String::new()),
        // A column of a table (`years[3]`): row 3, field `years`.
        [PathStep::Key(column), PathStep::Index(row)] => {
            (Some(format!("row {row}")), column.clone())
        }
        _ => match path.iter().rposition(|s| matches!(s, PathStep::Index(_))) {
            Some(at) => {
                let record = keys(&path[..=at]);
                (Some(format!("record {record}")), keys(&path[at + 1..]))
            }
            None => (None, keys(path)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_error_names_its_record_and_field() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct C {
            id: String,
            population: Option<u64>,
        }
        let text = r#"[{"id":"a","population":3},{"id":"b","population":-5}]"#;
        let p = parse_json::<Vec<C>>("cities.json", text)
            .unwrap_err()
            .remove(0);
        assert_eq!(
            (p.record.as_str(), p.field.as_str()),
            ("record 1", "population"),
            "{p}"
        );
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            series: String,
            years: Vec<i32>,
        }
        let p = parse_json::<T>("t.json", r#"{"series":"pm25","years":[2010,"2011"]}"#)
            .unwrap_err()
            .remove(0);
        assert_eq!(
            p.to_string().split(": not").next(),
            Some("t.json: row 1: field `years`")
        );
        let p = parse_json::<T>("t.json", r#"{"series":"a\"b","years":[1,2,"#)
            .unwrap_err()
            .remove(0);
        assert_eq!(
            (p.record.as_str(), p.field.as_str()),
            ("row 2", "years"),
            "{p}"
        );
        let p = parse_json::<T>("t.json", "<html>").unwrap_err().remove(0);
        assert_eq!(
            p.record, "line 1, column 1",
            "nothing to name but the place"
        );
        assert_eq!(
            json_path_at(r#"{"series":[{"thresholds":{"green":"x"}}]}"#, 36),
            vec![
                PathStep::Key("series".into()),
                PathStep::Index(0),
                PathStep::Key("thresholds".into()),
                PathStep::Key("green".into())
            ]
        );
    }

    #[test]
    fn files_too_large_or_not_utf8_are_refused_by_name() {
        assert_eq!(decode_file("a.json", b"{}".to_vec()).as_deref(), Ok("{}"));
        let e = decode_file("obs/x.json", vec![b'{', 0xff, b'}']).unwrap_err();
        assert_eq!(
            e,
            "obs/x.json: not UTF-8 text (an invalid byte at offset 1)"
        );
        let cut = &"서울".as_bytes()[..4];
        let e = decode_file("cities.json", cut.to_vec()).unwrap_err();
        assert_eq!(
            e,
            "cities.json: cut off in the middle of a character at byte 3"
        );
        let e = decode_file("big.json", vec![b' '; MAX_FILE_BYTES + 1]).unwrap_err();
        assert!(
            e.starts_with("big.json: 16,777,217 bytes, more than the 16,777,216"),
            "{e}"
        );
    }
}
