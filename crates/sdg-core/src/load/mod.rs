//! Parsing and validation of bundle files. The app runs these checks on every pack it
//! loads and the data tool's `validate` subcommand runs the same ones, so a pack the
//! tool accepts is a pack the app accepts.
//!
//! Nothing here panics on input: every defect becomes a [`Problem`] naming the file,
//! the record and the field.

//! By concern:
//! - [`files`]: a file's bytes to text, JSON parsing, and where in a file a problem is.
//! - [`catalogue`]: the manifest, framework, countries, places and boundaries.
//! - [`actions`]: the rules every local action obeys.
//! - [`values`]: observation tables and the plausibility of their values.

pub mod actions;
pub mod catalogue;
pub mod files;
pub mod values;

use std::fmt;

pub use actions::{check_action, is_safe_link, load_actions, ActionProblem};
pub use catalogue::{
    is_safe_relative_path, load_countries, load_framework, load_manifest, load_places,
    load_topology,
};
pub use files::{decode_file, json_path_at, parse_json, PathStep, MAX_FILE_BYTES};
pub use values::{load_observations, value_problem, Context, ValueProblem};

/// One defect found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File path relative to `data/`.
    pub file: String,
    /// Which record: an id, or `row 12`; empty for the whole file.
    pub record: String,
    /// Which field; empty for the whole record.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.record.is_empty() {
            write!(f, ": {}", self.record)?;
        }
        if !self.field.is_empty() {
            write!(f, ": field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The longest place name accepted (the longest real one bundled is under 60).
pub const MAX_NAME_CHARS: usize = 200;
/// The longest source line accepted.
pub const MAX_SOURCE_CHARS: usize = 2_000;

/// A problem for a text longer than `max` characters: it would break every layout it
/// is shown in.
pub fn too_long(text: &str, max: usize) -> Option<String> {
    // No more bytes than allowed characters: no more characters either (most names),
    // without counting them.
    if text.len() <= max {
        return None;
    }
    let n = text.chars().count();
    (n > max).then(|| {
        format!(
            "{} characters long; at most {max} are accepted",
            crate::i18n::format_int(n as u64)
        )
    })
}
/// Collects problems for one file.
pub(super) struct Report<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    pub(super) fn new(file: &'a str) -> Self {
        Self {
            file,
            problems: Vec::new(),
        }
    }

    pub(super) fn add(
        &mut self,
        record: impl Into<String>,
        field: &str,
        message: impl Into<String>,
    ) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            record: record.into(),
            field: field.to_string(),
            message: message.into(),
        });
    }

    pub(super) fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}

/// Upper bound on how many problems of one kind are listed per file, so a wholly
/// broken file gives a readable report instead of thousands of lines.
pub(super) const MAX_PROBLEMS: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_limit_counts_characters_not_bytes() {
        // Five Korean characters are fifteen bytes.
        assert_eq!(too_long("서울특별시", 5), None);
        assert_eq!(too_long("Seoul", 5), None);
        let over = too_long("서울특별시청", 5).expect("six characters");
        assert!(over.starts_with("6 characters long"), "{over}");
        assert!(too_long("Seoul!", 5).is_some());
    }
}
