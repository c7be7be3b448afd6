//! Parsing and validation of bundle files. The app runs these checks on every pack it
//! loads and the data tool's `validate` subcommand runs the same ones, so a pack the
//! tool accepts is a pack the app accepts.
//!
//! Nothing here panics on input: every defect becomes a [`Problem`] naming the file,
//! the record and the field.

use std::collections::HashSet;
use std::fmt;

use serde::de::DeserializeOwned;

use crate::geo::Topology;
use crate::model::{
    ActionsPack, City, Country, Direction, Framework, Gazetteer, Manifest, ObservationTable,
    PackKind, PlaceKind, SCHEMA_VERSION,
};
use crate::{FastMap, FastSet};

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

/// Collects problems for one file.
struct Report<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    fn new(file: &'a str) -> Self {
        Self {
            file,
            problems: Vec::new(),
        }
    }

    fn add(&mut self, record: impl Into<String>, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            record: record.into(),
            field: field.to_string(),
            message: message.into(),
        });
    }

    fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}

/// Upper bound on how many problems of one kind are listed per file, so a wholly
/// broken file gives a readable report instead of thousands of lines.
const MAX_PROBLEMS: usize = 50;

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

/// Parses and checks the manifest: schema version, unique pack ids, safe file paths.
pub fn load_manifest(file: &str, text: &str) -> Result<Manifest, Vec<Problem>> {
    let manifest: Manifest = parse_json(file, text)?;
    let mut report = Report::new(file);
    if manifest.schema != SCHEMA_VERSION {
        report.add(
            "",
            "schema",
            format!(
                "schema {} is not the supported {SCHEMA_VERSION}",
                manifest.schema
            ),
        );
    }
    let mut ids = FastSet::default();
    for pack in &manifest.packs {
        if !ids.insert(pack.id.as_str()) {
            report.add(&pack.id, "id", "duplicate pack id");
        }
        for key in [&pack.title, &pack.licence, &pack.attribution, &pack.source] {
            if key.trim().is_empty() {
                report.add(
                    &pack.id,
                    "licence",
                    "title, licence, attribution and source are all required",
                );
                break;
            }
        }
        if pack.files.is_empty() {
            report.add(&pack.id, "files", "a pack needs at least one file");
        }
        for f in &pack.files {
            if !is_safe_relative_path(&f.path) {
                report.add(&pack.id, "files", format!("unsafe file path `{}`", f.path));
            }
            if pack.kind == PackKind::Observations && (f.series.is_none() || f.place_kind.is_none())
            {
                report.add(
                    &pack.id,
                    "files",
                    format!(
                        "observation file `{}` must declare its `series` and `place_kind`",
                        f.path
                    ),
                );
            }
        }
    }
    report.finish(manifest)
}

/// Whether a link may be rendered: an absolute `http` or `https` URL with a host and
/// no spaces or control characters. Anything else (`javascript:`, `data:`, relative
/// paths) is never put into an `href`.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
    }) && !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// Years an action or figure may carry.
use crate::limits::ACTION_YEARS;

/// What can be wrong with one action: the pack's rules, shared by the loader, the
/// data tool and the "Share an action" form, which shows them in the UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionProblem {
    /// Another action has the same id.
    DuplicateId,
    /// No English title.
    MissingTitle,
    /// No Goal 11 target.
    NoTarget,
    /// A target the framework does not know.
    UnknownTarget(String),
    /// A theme outside [`crate::model::ACTION_THEMES`].
    UnknownTheme(String),
    /// A year outside [`ACTION_YEARS`].
    ImplausibleYear(i32),
    /// A country the gazetteer does not know.
    UnknownCountry(String),
    /// A place the gazetteer does not know.
    UnknownPlace(String),
    /// No source title.
    MissingSource,
    /// A source address that is not an http or https link.
    UnsafeLink(String),
}

impl ActionProblem {
    /// The problem in words, in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::fill;
        let short = |v: &str| v.chars().take(80).collect::<String>();
        match self {
            Self::DuplicateId => fill(lang, "problem.duplicate-id", &[]),
            Self::MissingTitle => fill(lang, "problem.title", &[]),
            Self::NoTarget => fill(lang, "problem.no-target", &[]),
            Self::UnknownTarget(t) => fill(lang, "problem.target", &[("v", &short(t))]),
            Self::UnknownTheme(t) => fill(lang, "problem.theme", &[("v", &short(t))]),
            Self::ImplausibleYear(y) => fill(lang, "problem.year", &[("v", &y.to_string())]),
            Self::UnknownCountry(c) => fill(lang, "problem.country", &[("v", &short(c))]),
            Self::UnknownPlace(p) => fill(lang, "problem.place", &[("v", &short(p))]),
            Self::MissingSource => fill(lang, "problem.source", &[]),
            Self::UnsafeLink(u) => fill(lang, "problem.link", &[("v", &short(u))]),
        }
    }
}

/// The pack's rules for one action, as `(field, problem)` pairs (duplicate ids are
/// the pack's concern). `known_target` says whether a target code exists.
pub fn check_action(
    a: &crate::model::LocalAction,
    known_target: &dyn Fn(&str) -> bool,
    gazetteer: &Gazetteer,
) -> Vec<(&'static str, ActionProblem)> {
    let mut out = Vec::new();
    if a.title.en().trim().is_empty() {
        out.push(("title_en", ActionProblem::MissingTitle));
    }
    if a.targets.is_empty() {
        out.push(("targets", ActionProblem::NoTarget));
    }
    for t in a.targets.iter().filter(|t| !known_target(t)) {
        out.push(("targets", ActionProblem::UnknownTarget(t.clone())));
    }
    if !crate::model::ACTION_THEMES.contains(&a.theme.as_str()) {
        out.push(("theme", ActionProblem::UnknownTheme(a.theme.clone())));
    }
    if let Some(y) = a.year.filter(|y| !ACTION_YEARS.contains(y)) {
        out.push(("year", ActionProblem::ImplausibleYear(y)));
    }
    if gazetteer.country(&a.country).is_none() {
        out.push(("country", ActionProblem::UnknownCountry(a.country.clone())));
    }
    for p in a.places.iter().filter(|p| gazetteer.city(p).is_none()) {
        out.push(("places", ActionProblem::UnknownPlace(p.clone())));
    }
    out.extend(check_source(&a.source_title, &a.source_url));
    out
}

/// Every entry needs a source title and a safe link.
fn check_source(title: &str, url: &str) -> Vec<(&'static str, ActionProblem)> {
    let mut out = Vec::new();
    if title.trim().is_empty() {
        out.push(("source_title", ActionProblem::MissingSource));
    }
    if !is_safe_link(url) {
        out.push(("source_url", ActionProblem::UnsafeLink(url.to_string())));
    }
    out
}

/// Parses and checks the actions pack against the framework's targets and the
/// gazetteer: unique ids, known targets, themes and places, plausible years, a source
/// title and a safe (http or https) link for every entry.
pub fn load_actions(
    file: &str,
    text: &str,
    ctx: &Context<'_>,
) -> Result<ActionsPack, Vec<Problem>> {
    let pack: ActionsPack = parse_json(file, text)?;
    let mut report = Report::new(file);
    let known_target = |t: &str| ctx.framework.targets.iter().any(|x| x.code == t);
    let en = crate::i18n::Lang::En;
    let mut ids = FastSet::default();
    for a in &pack.actions {
        if report.problems.len() >= MAX_PROBLEMS {
            report.add("", "", "too many problems; the rest are not listed");
            break;
        }
        let r = a.id.as_str();
        if !ids.insert(r) {
            report.add(r, "id", ActionProblem::DuplicateId.message(en));
        }
        for (field, problem) in check_action(a, &known_target, ctx.gazetteer) {
            report.add(r, field, problem.message(en));
        }
    }
    for (i, f) in pack.figures.iter().enumerate() {
        let r = format!("figure {i} ({})", f.label);
        if !f.value.is_finite() {
            report.add(&r, "value", "not a number");
        }
        if let Some(t) = f.target.as_deref().filter(|t| !known_target(t)) {
            report.add(
                &r,
                "target",
                ActionProblem::UnknownTarget(t.into()).message(en),
            );
        }
        for p in f.places.iter().filter(|p| ctx.gazetteer.city(p).is_none()) {
            report.add(
                &r,
                "places",
                ActionProblem::UnknownPlace(p.clone()).message(en),
            );
        }
        for (field, problem) in check_source(&f.source_title, &f.source_url) {
            report.add(&r, field, problem.message(en));
        }
    }
    report.finish(pack)
}

/// A path inside `data/`: relative, no `..`, no scheme, only plain characters.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

/// Parses and checks the framework: unique codes, series pointing at known indicators,
/// thresholds ordered the way the series' direction says.
pub fn load_framework(file: &str, text: &str) -> Result<Framework, Vec<Problem>> {
    let fw: Framework = parse_json(file, text)?;
    let mut report = Report::new(file);
    let targets: HashSet<&str> = fw.targets.iter().map(|t| t.code.as_str()).collect();
    if targets.len() != fw.targets.len() {
        report.add("targets", "code", "duplicate target code");
    }
    let mut indicators = HashSet::new();
    for ind in &fw.indicators {
        if !indicators.insert(ind.code.as_str()) {
            report.add(&ind.code, "code", "duplicate indicator code");
        }
        if !targets.contains(ind.target.as_str()) {
            report.add(
                &ind.code,
                "target",
                format!("unknown target `{}`", ind.target),
            );
        }
        if !ind.code.starts_with(&format!("{}.", ind.target)) {
            report.add(
                &ind.code,
                "target",
                "indicator code does not start with its target's code",
            );
        }
    }
    let mut series_ids = HashSet::new();
    for s in &fw.series {
        if !series_ids.insert(s.id.as_str()) {
            report.add(&s.id, "id", "duplicate series id");
        }
        if !is_safe_relative_path(&s.id) || s.id.contains('/') {
            report.add(
                &s.id,
                "id",
                "series ids may hold only letters, digits, '-', '_' and '.'",
            );
        }
        if !indicators.contains(s.indicator.as_str()) {
            report.add(
                &s.id,
                "indicator",
                format!("unknown indicator `{}`", s.indicator),
            );
        }
        if s.unit.trim().is_empty() {
            report.add(&s.id, "unit", "missing unit");
        }
        if let Some(t) = &s.thresholds {
            let finite = [t.green, t.yellow, t.orange].iter().all(|v| v.is_finite());
            let ordered = match s.direction {
                Direction::LowerIsBetter => t.green <= t.yellow && t.yellow <= t.orange,
                Direction::HigherIsBetter => t.green >= t.yellow && t.yellow >= t.orange,
                Direction::Neutral => false,
            };
            if !finite || !ordered {
                report.add(
                    &s.id,
                    "thresholds",
                    "thresholds must be finite and ordered from green to orange in the series' direction (a neutral series has none)",
                );
            }
            if t.source.trim().is_empty() {
                report.add(&s.id, "thresholds", "thresholds need a source");
            }
        }
    }
    report.finish(fw)
}

/// Parses and checks the countries file: sorted unique ISO3 codes, names present.
pub fn load_countries(file: &str, text: &str) -> Result<Vec<Country>, Vec<Problem>> {
    let countries: Vec<Country> = parse_json(file, text)?;
    let mut report = Report::new(file);
    for w in countries.windows(2) {
        if w[0].iso3 >= w[1].iso3 {
            report.add(
                &w[1].iso3,
                "iso3",
                "countries must be sorted by ISO3 with no duplicates",
            );
        }
    }
    for c in &countries {
        if c.iso3.len() != 3 || !c.iso3.chars().all(|ch| ch.is_ascii_uppercase()) {
            report.add(&c.iso3, "iso3", "not an ISO 3166-1 alpha-3 code");
        }
        if c.name.en().trim().is_empty() {
            report.add(&c.iso3, "name", "missing English name");
        }
    }
    report.finish(countries)
}

/// Parses and checks the cities file against the countries: sorted unique ids, known
/// countries and parents, coordinates on the globe, names present.
pub fn load_places(
    file: &str,
    text: &str,
    countries: Vec<Country>,
) -> Result<Gazetteer, Vec<Problem>> {
    let cities: Vec<City> = parse_json(file, text)?;
    let gz = Gazetteer { countries, cities };
    let mut report = Report::new(file);
    for w in gz.cities.windows(2) {
        if w[0].id >= w[1].id {
            report.add(
                &w[1].id,
                "id",
                "cities must be sorted by id with no duplicates",
            );
        }
    }
    for c in &gz.cities {
        if report.problems.len() >= MAX_PROBLEMS {
            report.add("", "", "too many problems; the rest are not listed");
            break;
        }
        if gz.country(&c.country).is_none() {
            report.add(&c.id, "country", format!("unknown country `{}`", c.country));
        }
        match (c.lat, c.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                    report.add(&c.id, "lat", "coordinates are off the globe");
                }
            }
            (None, None) => {}
            _ => report.add(&c.id, "lat", "a location needs both latitude and longitude"),
        }
        if c.name.en().trim().is_empty() {
            report.add(&c.id, "name", "missing English name");
        }
        for (_, name) in c.name.forms() {
            if let Some(problem) = too_long(name, MAX_NAME_CHARS) {
                report.add(&c.id, "name", problem);
            }
        }
        if let Some(p) = &c.parent {
            if gz.city(p).is_none() {
                report.add(&c.id, "parent", format!("unknown parent `{p}`"));
            }
        }
    }
    report.finish(gz)
}

/// What an observation table is checked against.
pub struct Context<'a> {
    /// The framework (series ids and units).
    pub framework: &'a Framework,
    /// The gazetteer (city ids and countries).
    pub gazetteer: &'a Gazetteer,
}

/// Why a number cannot be a value of a series in this unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueProblem {
    /// NaN or an infinity.
    NotFinite,
    /// A percentage outside 0–100.
    NotAPercentage,
    /// A concentration that cannot be an annual mean ([`crate::limits::plausible_concentration`]).
    ImplausibleConcentration,
}

impl ValueProblem {
    /// The validator's words for it.
    pub fn message(self, value: f64) -> String {
        match self {
            Self::NotFinite => "value is not a finite number".into(),
            Self::NotAPercentage => format!("{value} is not a percentage"),
            Self::ImplausibleConcentration => format!(
                "{value} µg/m³ is not a plausible annual mean (above 0, at most {})",
                crate::limits::MAX_CONCENTRATION
            ),
        }
    }
}

/// The rule for one value of a series in `unit`: the bundle's tables and the user's
/// CSV both go through it, so what an import accepts, a saved pack reopens with.
pub fn value_problem(unit: &str, value: f64) -> Option<ValueProblem> {
    if !value.is_finite() {
        Some(ValueProblem::NotFinite)
    } else if unit == "%" && !(-0.001..=100.001).contains(&value) {
        Some(ValueProblem::NotAPercentage)
    } else if unit == "µg/m³" && !crate::limits::plausible_concentration(value) {
        Some(ValueProblem::ImplausibleConcentration)
    } else {
        None
    }
}

/// Parses and checks an observation table against the framework and gazetteer:
/// known series and places, matching unit, aligned columns, plausible values and
/// years, no duplicate (place, year) keys.
pub fn load_observations(
    file: &str,
    text: &str,
    ctx: &Context<'_>,
) -> Result<ObservationTable, Vec<Problem>> {
    let table: ObservationTable = parse_json(file, text)?;
    let mut report = Report::new(file);
    let n = table.values.len();
    for (name, len) in [
        ("places", table.places.len()),
        ("years", table.years.len()),
        ("source", table.source.len()),
    ] {
        if len != n {
            report.add("", name, format!("has {len} entries but `values` has {n}"));
        }
    }
    let series = ctx.framework.series(&table.series);
    match series {
        None => report.add("", "series", format!("unknown series `{}`", table.series)),
        Some(s) if s.unit != table.unit => report.add(
            "",
            "unit",
            format!(
                "unit `{}` does not match the series' unit `{}`",
                table.unit, s.unit
            ),
        ),
        Some(_) => {}
    }
    for (i, line) in table.sources.iter().enumerate() {
        if let Some(problem) = too_long(line, MAX_SOURCE_CHARS) {
            report.add(format!("source line {i}"), "sources", problem);
        }
    }
    let mut repeats = Repeats::new(&table.places, &table.years);
    // Rows of one place come together: the place is looked up once per run of rows.
    let mut last_place: Option<(&str, bool)> = None;
    for (i, ((place, year), value)) in table
        .places
        .iter()
        .zip(&table.years)
        .zip(&table.values)
        .enumerate()
    {
        if report.problems.len() >= MAX_PROBLEMS {
            report.add("", "", "too many problems; the rest are not listed");
            break;
        }
        // Written only for a row with a problem (formatting it for every row was a
        // tenth of the load of a large table).
        let record = || format!("row {i} ({place} {year})");
        let known = match last_place {
            Some((last, known)) if last == place => known,
            _ => {
                let known = match table.place_kind {
                    PlaceKind::City => ctx.gazetteer.city(place).is_some(),
                    PlaceKind::Country => ctx.gazetteer.country(place).is_some(),
                };
                last_place = Some((place, known));
                known
            }
        };
        if !known {
            report.add(record(), "places", format!("unknown place `{place}`"));
        }
        if *year > *crate::limits::DATA_YEARS.end() {
            report.add(
                record(),
                "years",
                format!(
                    "year {year} is after {}, the end of the SDG period",
                    crate::limits::SDG_END
                ),
            );
        } else if *year < *crate::limits::DATA_YEARS.start() {
            report.add(record(), "years", format!("implausible year {year}"));
        }
        let unit = series.map_or(table.unit.as_str(), |s| s.unit.as_str());
        if let Some(problem) = value_problem(unit, *value) {
            report.add(record(), "values", problem.message(*value));
        }
        if let Some(first) = repeats.first_of(i) {
            report.add(record(), "years", format!("duplicate of row {first}"));
        }
        if let Some(src) = table.source.get(i) {
            if usize::from(*src) >= table.sources.len() {
                report.add(
                    record(),
                    "source",
                    format!("source index {src} is out of range"),
                );
            }
        }
    }
    report.finish(table)
}

/// Finds the rows of a table that repeat an earlier row's place and year. The data
/// tool writes tables sorted by place and year, where a repeat can only be the row
/// just before; a map of every row is built only once a table is found out of order.
struct Repeats<'a> {
    places: &'a [String],
    years: &'a [i32],
    /// The first row of each (place, year), once the table is found out of order.
    seen: Option<FastMap<(&'a str, i32), usize>>,
}

impl<'a> Repeats<'a> {
    fn new(places: &'a [String], years: &'a [i32]) -> Self {
        Self {
            places,
            years,
            seen: None,
        }
    }

    fn key(&self, i: usize) -> Option<(&'a str, i32)> {
        Some((self.places.get(i)?.as_str(), *self.years.get(i)?))
    }

    /// The first earlier row with row `i`'s place and year; rows are asked for in
    /// order.
    fn first_of(&mut self, i: usize) -> Option<usize> {
        let key = self.key(i)?;
        if self.seen.is_none() {
            let before = i.checked_sub(1).and_then(|j| self.key(j));
            match before {
                None => return None,
                Some(b) if b < key => return None,
                // A repeat of the row before: rows before it are smaller or its own
                // repeats, so the first of the run is found by walking back.
                Some(b) if b == key => {
                    let mut first = i - 1;
                    while first > 0 && self.key(first - 1) == Some(key) {
                        first -= 1;
                    }
                    return Some(first);
                }
                Some(_) => {
                    let mut seen = FastMap::default();
                    for j in 0..i {
                        if let Some(k) = self.key(j) {
                            seen.entry(k).or_insert(j);
                        }
                    }
                    self.seen = Some(seen);
                }
            }
        }
        let seen = self.seen.as_mut()?;
        match seen.get(&key) {
            Some(&first) => Some(first),
            None => {
                seen.insert(key, i);
                None
            }
        }
    }
}

/// Parses and checks a TopoJSON file: arcs in range, rings closed, numbers finite.
pub fn load_topology(file: &str, text: &str) -> Result<Topology, Vec<Problem>> {
    let topo: Topology = parse_json(file, text)?;
    let problems: Vec<Problem> = topo
        .check()
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|(record, message)| Problem {
            file: file.to_string(),
            record,
            field: "arcs".into(),
            message,
        })
        .collect();
    if problems.is_empty() {
        Ok(topo)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod file_tests {
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

    #[test]
    fn repeats_name_the_first_row_of_each_place_and_year_sorted_or_not() {
        let mut random = crate::fixtures::Xorshift(0x2545_f491_4f6c_dd1d);
        let mut next = |n: u64| random.below(n);
        for case in 0..200 {
            let rows = 1 + next(40) as usize;
            let mut keys: Vec<(String, i32)> = (0..rows)
                .map(|_| (format!("p{}", next(5)), 2000 + next(4) as i32))
                .collect();
            // Most tables come sorted; some are sorted but for one late swap.
            if case % 4 != 0 {
                keys.sort();
            }
            if case % 4 == 1 && rows > 2 {
                keys.swap(rows - 1, rows / 2);
            }
            let places: Vec<String> = keys.iter().map(|k| k.0.clone()).collect();
            let years: Vec<i32> = keys.iter().map(|k| k.1).collect();
            let mut repeats = Repeats::new(&places, &years);
            for i in 0..rows {
                let brute = (0..i).find(|&j| keys[j] == keys[i]);
                assert_eq!(repeats.first_of(i), brute, "case {case}, row {i}: {keys:?}");
            }
        }
    }

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
