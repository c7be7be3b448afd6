//! `datagen corpus`: the corpus of broken datasets. Each case of
//! `tests/corpus/cases.json` breaks one file of a good bundle in one way (truncated
//! JSON, a wrong type, an unknown id, a number JSON cannot hold, invalid UTF-8, a
//! 50 MB file, …). The cases are written out as folders holding only the broken
//! files, so that the validator's test lays each over a copy of the bundle and the
//! browser test serves each in place of the good file.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

/// One way to break a file.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Op {
    /// Keep only the first `bytes` bytes.
    Truncate {
        /// Bytes kept.
        bytes: usize,
    },
    /// Replace the first occurrence of `find` in the text.
    Text {
        /// Text to find.
        find: String,
        /// Its replacement.
        replace: String,
    },
    /// Set the JSON value at a pointer (`/places/0`).
    Set {
        /// JSON pointer.
        pointer: String,
        /// The new value.
        value: Value,
    },
    /// Set a string of `len` copies of `unit` at a pointer.
    Long {
        /// JSON pointer.
        pointer: String,
        /// Repeated text.
        unit: String,
        /// Copies.
        len: usize,
    },
    /// Drop the last element of the array at a pointer.
    Pop {
        /// JSON pointer.
        pointer: String,
    },
    /// Repeat every array of an object (a columnar table) until the file passes
    /// `bytes`.
    Grow {
        /// Bytes to reach.
        bytes: usize,
    },
    /// The whole file as these bytes (hex).
    Bytes {
        /// Hex digits.
        hex: String,
    },
    /// The whole file as this text.
    Whole {
        /// The text.
        text: String,
    },
}

/// One broken dataset.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Case name (a folder name).
    pub name: String,
    /// What it tests, in words.
    pub about: String,
    /// The file broken, relative to `data/`.
    pub file: String,
    /// The break.
    pub ops: Vec<Op>,
    /// A problem the validator and the app must report (a substring naming file,
    /// record and field); empty for a file that must load without a problem.
    pub expect: String,
    /// Whether the case breaks the manifest itself, which stops the whole app.
    #[serde(default)]
    pub fatal: bool,
}

/// Reads the case list.
pub fn read_cases(path: &Path) -> Result<Vec<Case>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The broken bytes of a case's file, made from the good file.
pub fn break_file(good: &[u8], ops: &[Op]) -> Result<Vec<u8>, String> {
    let mut bytes = good.to_vec();
    for op in ops {
        bytes = match op {
            Op::Truncate { bytes: n } => bytes[..(*n).min(bytes.len())].to_vec(),
            Op::Text { find, replace } => {
                let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
                if !text.contains(find.as_str()) {
                    return Err(format!("text `{find}` not found"));
                }
                text.replacen(find.as_str(), replace, 1).into_bytes()
            }
            Op::Set { pointer, value } => edit(&bytes, pointer, |v| *v = value.clone())?,
            Op::Long { pointer, unit, len } => {
                edit(&bytes, pointer, |v| *v = Value::String(unit.repeat(*len)))?
            }
            Op::Pop { pointer } => edit(&bytes, pointer, |v| {
                if let Value::Array(a) = v {
                    a.pop();
                }
            })?,
            Op::Grow { bytes: target } => grow(&bytes, *target)?,
            Op::Bytes { hex } => (0..hex.len() / 2)
                .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16))
                .collect::<Result<_, _>>()
                .map_err(|e| e.to_string())?,
            Op::Whole { text } => text.clone().into_bytes(),
        };
    }
    Ok(bytes)
}

/// Applies `f` to the value at `pointer`; a missing last member of an object is
/// added first (as JSON Patch's `add`), so a case can give a record a field it lacks.
fn edit(bytes: &[u8], pointer: &str, f: impl FnOnce(&mut Value)) -> Result<Vec<u8>, String> {
    let mut doc: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if doc.pointer(pointer).is_none() {
        if let Some((parent, key)) = pointer.rsplit_once('/') {
            if let Some(Value::Object(members)) = doc.pointer_mut(parent) {
                members.insert(key.to_string(), Value::Null);
            }
        }
    }
    let slot = doc
        .pointer_mut(pointer)
        .ok_or_else(|| format!("no value at `{pointer}`"))?;
    f(slot);
    serde_json::to_vec(&doc).map_err(|e| e.to_string())
}

fn grow(bytes: &[u8], target: usize) -> Result<Vec<u8>, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let times = target / bytes.len().max(1) + 1;
    let mut grown = doc.clone();
    if let (Value::Object(out), Value::Object(src)) = (&mut grown, &doc) {
        for (key, value) in src {
            if let Value::Array(a) = value {
                let repeated: Vec<Value> = (0..times).flat_map(|_| a.iter().cloned()).collect();
                out.insert(key.clone(), Value::Array(repeated));
            }
        }
    }
    serde_json::to_vec(&grown).map_err(|e| e.to_string())
}

/// Writes every case under `out/<name>/<file>`, from the good bundle in `data`.
pub fn materialise(data: &Path, cases: &[Case], out: &Path) -> Result<usize, String> {
    for case in cases {
        let good = std::fs::read(data.join(&case.file))
            .map_err(|e| format!("{}: {}: {e}", case.name, case.file))?;
        let broken = break_file(&good, &case.ops).map_err(|e| format!("{}: {e}", case.name))?;
        let path = out.join(&case.name).join(&case.file);
        std::fs::create_dir_all(path.parent().expect("a file has a folder"))
            .map_err(|e| e.to_string())?;
        std::fs::write(&path, broken).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(cases.len())
}

/// Lays each case over the good bundle (links to its files, the broken file copied)
/// and validates it as the app loads it. A case passes when a problem names what its
/// `expect` says and every problem is about the broken file (the rest still loads),
/// or, for a case expecting nothing, when there is no problem. Returns a line per case;
/// `Err` lists the cases that failed.
pub fn check(data: &Path, cases: &[Case], work: &Path) -> Result<Vec<String>, String> {
    let mut lines = Vec::new();
    let mut failed = Vec::new();
    for case in cases {
        let dir = work.join(&case.name);
        let _ = std::fs::remove_dir_all(&dir);
        link_tree(data, &dir, Path::new("")).map_err(|e| format!("{}: {e}", case.name))?;
        let target = dir.join(&case.file);
        let _ = std::fs::remove_file(&target);
        let good = std::fs::read(data.join(&case.file)).map_err(|e| e.to_string())?;
        let broken = break_file(&good, &case.ops).map_err(|e| format!("{}: {e}", case.name))?;
        std::fs::write(&target, &broken).map_err(|e| e.to_string())?;
        let problems = crate::validate::validate_dir(&dir)?;
        let first = problems.first().map(|p| clip(p, 160)).unwrap_or_default();
        let ok = if case.expect.is_empty() {
            problems.is_empty()
        } else {
            // A file others are checked against (framework, countries, places) leaves
            // those unchecked, each saying so: one broken file, one cause.
            problems.iter().any(|p| p.contains(&case.expect))
                && (case.fatal
                    || problems
                        .iter()
                        .all(|p| p.starts_with(&case.file) || p.contains("cannot be checked")))
        };
        lines.push(format!(
            "{} {:<30} ({}) {} problem(s); {}",
            if ok { "ok  " } else { "FAIL" },
            case.name,
            case.about,
            problems.len(),
            if first.is_empty() {
                "loads cleanly".to_string()
            } else {
                first
            }
        ));
        if !ok {
            failed.push(format!(
                "{}: expected `{}`, got {problems:?}",
                case.name, case.expect
            ));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    if failed.is_empty() {
        Ok(lines)
    } else {
        Err(format!("{}\n\n{}", lines.join("\n"), failed.join("\n")))
    }
}

/// The first `n` characters of a message (a million-character name stays readable).
fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Mirrors `from` into `to` with a symbolic link per file.
fn link_tree(from: &Path, to: &Path, rel: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to.join(rel))?;
    for entry in std::fs::read_dir(from.join(rel))? {
        let entry = entry?;
        let sub = rel.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            link_tree(from, to, &sub)?;
        } else {
            let source = std::fs::canonicalize(from.join(&sub))?;
            std::os::unix::fs::symlink(source, to.join(&sub))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_break_what_they_say() {
        let good = br#"{"a":[1,2,3],"b":"x"}"#;
        let set = break_file(
            good,
            &[Op::Set {
                pointer: "/a/0".into(),
                value: Value::from(-5),
            }],
        );
        assert_eq!(set.unwrap(), br#"{"a":[-5,2,3],"b":"x"}"#);
        let pop = break_file(
            good,
            &[Op::Pop {
                pointer: "/a".into(),
            }],
        )
        .unwrap();
        assert_eq!(pop, br#"{"a":[1,2],"b":"x"}"#);
        assert_eq!(
            break_file(good, &[Op::Truncate { bytes: 4 }]).unwrap(),
            br#"{"a""#
        );
        let grown = break_file(good, &[Op::Grow { bytes: 200 }]).unwrap();
        assert!(grown.len() > 3 * good.len(), "the arrays are repeated");
        let bad = break_file(
            good,
            &[Op::Bytes {
                hex: "7bff7d".into(),
            }],
        )
        .unwrap();
        assert!(String::from_utf8(bad).is_err());
        assert!(break_file(
            good,
            &[Op::Text {
                find: "zz".into(),
                replace: String::new()
            }]
        )
        .is_err());
    }
}
