//! "Use your own data": a local government's CSV (the documented template) read in the
//! browser, every problem reported with its line and column while the good rows load.
//! The rows become observation tables marked "your data, not published" that every
//! view shows on top of the published ones, and local targets that replace the
//! series' green bound for that place. The result can be saved as a user pack, which
//! the app reopens and `datagen validate --user` checks with the same rules.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::csv::Record;
use crate::fold::fold;
use crate::i18n::{fill, Lang};
use crate::load::{self, Context, Problem};
use crate::model::{Framework, Gazetteer, ObservationTable, PlaceKind, Series};
use crate::names::{parse, Identity};

/// The template's columns, in order (`local_target` may be left out).
pub const COLUMNS: [&str; 7] = [
    "city",
    "series",
    "year",
    "value",
    "unit",
    "source",
    "local_target",
];

/// Rows read at most: a local government's data, not a bulk load.
pub const MAX_ROWS: usize = 50_000;

/// What every value of a user pack is labelled with.
pub const MARK: &str = "Your data, not published";

/// Whether a source line is the user's own data (every line the import writes begins
/// with [`MARK`]): the profile marks such rows, the credits name them.
pub fn is_users(source: &str) -> bool {
    source.starts_with(MARK)
}

/// Format tag of a saved user pack.
pub const FORMAT: &str = "urban-sdg-explorer/user-data/1";

/// A target a place set itself for a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalTarget {
    /// Place id.
    pub place: String,
    /// Series id.
    pub series: String,
    /// The target, in the series' unit.
    pub value: f64,
    /// Where the target comes from (the rows' source).
    pub source: String,
}

/// A user's data: one city table per series, and local targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserPack {
    /// Always [`FORMAT`].
    pub format: String,
    /// The name of the file it came from.
    pub name: String,
    /// Observation tables (city values), one per series.
    pub tables: Vec<ObservationTable>,
    /// Local targets.
    #[serde(default)]
    pub targets: Vec<LocalTarget>,
}

impl UserPack {
    /// Rows in all tables.
    pub fn rows(&self) -> usize {
        self.tables.iter().map(ObservationTable::len).sum()
    }

    /// The places with at least one value.
    pub fn places(&self) -> BTreeSet<&str> {
        self.tables
            .iter()
            .flat_map(|t| t.places.iter().map(String::as_str))
            .collect()
    }

    /// The table of a series.
    pub fn table(&self, series: &str) -> Option<&ObservationTable> {
        self.tables.iter().find(|t| t.series == series)
    }

    /// Local targets of a series, by place.
    pub fn targets_of(&self, series: &str) -> BTreeMap<String, f64> {
        self.targets
            .iter()
            .filter(|t| t.series == series)
            .map(|t| (t.place.clone(), t.value))
            .collect()
    }
}

/// What is wrong with one cell or line of the CSV.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportProblem {
    /// A quote opened and never closed: the rest of the file cannot be read.
    Unreadable,
    /// The header lacks a required column.
    MissingColumn,
    /// The line has fewer fields than the header.
    ShortLine,
    /// A required cell is empty.
    Empty,
    /// No place has this id or name.
    UnknownPlace(String),
    /// Several places have this name: the ids to choose from.
    AmbiguousPlace(String, Vec<String>),
    /// Neither a series id nor an indicator code.
    UnknownSeries(String),
    /// Not a whole year.
    NotAYear(String),
    /// A year before 1950 or after this year.
    ImplausibleYear(i32),
    /// Not a plain decimal number (a decimal comma, text, an infinity or NaN).
    NotANumber(String),
    /// A unit other than the series'.
    UnitDiffers(String, String),
    /// A number the series cannot hold (a percentage over 100, a negative
    /// concentration): the bundle's own rule, [`load::value_problem`].
    OutOfRange(f64, load::ValueProblem),
    /// The same place, series and year again.
    Duplicate,
    /// Another local target for the same place and series.
    OtherTarget(f64),
    /// More than [`MAX_ROWS`] rows.
    TooManyRows,
}

/// One problem with its place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// Line (1-based).
    pub line: usize,
    /// Column name (empty for the whole line).
    pub column: &'static str,
    /// What is wrong.
    pub problem: ImportProblem,
}

impl RowProblem {
    /// The problem in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let short = |v: &str| v.chars().take(60).collect::<String>();
        let (key, v, w) = match &self.problem {
            ImportProblem::Unreadable => ("import.unreadable", String::new(), String::new()),
            ImportProblem::MissingColumn => ("import.missing-column", String::new(), String::new()),
            ImportProblem::ShortLine => ("import.short-line", String::new(), String::new()),
            ImportProblem::Empty => ("import.empty", String::new(), String::new()),
            ImportProblem::UnknownPlace(p) => ("import.unknown-place", short(p), String::new()),
            ImportProblem::AmbiguousPlace(p, ids) => {
                ("import.ambiguous-place", short(p), ids.join(", "))
            }
            ImportProblem::UnknownSeries(s) => ("import.unknown-series", short(s), String::new()),
            ImportProblem::NotAYear(y) => ("import.not-a-year", short(y), String::new()),
            ImportProblem::ImplausibleYear(y) => ("import.year", y.to_string(), String::new()),
            ImportProblem::NotANumber(v) => ("import.not-a-number", short(v), String::new()),
            ImportProblem::UnitDiffers(given, expected) => {
                ("import.unit", short(given), expected.clone())
            }
            ImportProblem::OutOfRange(v, load::ValueProblem::NotAPercentage) => {
                ("import.not-percent", v.to_string(), String::new())
            }
            ImportProblem::OutOfRange(v, _) => {
                ("import.concentration", v.to_string(), String::new())
            }
            ImportProblem::Duplicate => ("import.duplicate", String::new(), String::new()),
            ImportProblem::OtherTarget(t) => ("import.other-target", t.to_string(), String::new()),
            ImportProblem::TooManyRows => ("import.too-many", MAX_ROWS.to_string(), String::new()),
        };
        fill(lang, key, &[("v", &v), ("w", &w)])
    }
}

/// The result of reading a CSV: the good rows as a pack, and every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The pack of the good rows.
    pub pack: UserPack,
    /// Problems, in file order.
    pub problems: Vec<RowProblem>,
    /// Data lines read (good and bad).
    pub lines: usize,
}

/// A plain decimal: optional sign, digits with at most one point, optional exponent.
/// Rust's own parser also takes `inf`, `NaN` and `infinity`, which are no values.
fn plain_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let digits_ok = !mantissa.is_empty()
        && mantissa.chars().filter(|c| *c == '.').count() <= 1
        && mantissa.chars().any(|c| c.is_ascii_digit())
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.');
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    if !(digits_ok && exponent_ok) {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A unit in a canonical spelling, so that `ug/m3` is `µg/m³`.
fn canonical_unit(unit: &str) -> String {
    let u = unit.trim().to_lowercase().replace(' ', "");
    let u = u.replace('μ', "µ").replace("ug", "µg").replace("m3", "m³");
    match u.as_str() {
        "percent" | "pct" | "per cent" => "%".into(),
        _ => u,
    }
}

/// The gazetteer's names, indexed once per import: a CSV of thousands of rows that
/// name their cities would otherwise fold every name of the gazetteer for every row
/// (the fuzzer ran 23 imports a second on a 30-line file before this index).
struct PlaceNames<'a> {
    gazetteer: &'a Gazetteer,
    /// Built on the first cell that is not an id.
    index: OnceCell<NameIndex>,
}

/// City positions by the identity of their English name (stem and kind, as the data
/// tool parses names: "Suwon-si" and "Suwon City" are one, "Jung-gu" is a district,
/// never a city Jung), and by their folded local names (Korean, Chinese, ...).
struct NameIndex {
    by_identity: HashMap<Identity, Vec<usize>>,
    by_local: HashMap<String, Vec<usize>>,
}

impl<'a> PlaceNames<'a> {
    fn new(gazetteer: &'a Gazetteer) -> Self {
        PlaceNames {
            gazetteer,
            index: OnceCell::new(),
        }
    }

    fn index(&self) -> &NameIndex {
        self.index.get_or_init(|| {
            let mut by_identity: HashMap<Identity, Vec<usize>> = HashMap::new();
            let mut by_local: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, c) in self.gazetteer.cities.iter().enumerate() {
                by_identity
                    .entry(parse(c.name.en()).identity())
                    .or_default()
                    .push(i);
                for (_, local) in c.name.forms().skip(1) {
                    by_local.entry(fold(local)).or_default().push(i);
                }
            }
            NameIndex {
                by_identity,
                by_local,
            }
        })
    }

    /// Finds the place a cell names: an id, or an English or Korean name (with or
    /// without its administrative suffix). Several places of that name are refused
    /// with their ids: the right place or no place.
    fn place_of(&self, cell: &str) -> Result<String, ImportProblem> {
        let cell = cell.trim();
        if let Some(c) = self.gazetteer.city(cell) {
            return Ok(c.id.clone());
        }
        let want = parse(cell).identity();
        if want.stem.is_empty() {
            return Err(ImportProblem::Empty);
        }
        let index = self.index();
        let none = Vec::new();
        let mut hits: Vec<usize> = index.by_identity.get(&want).unwrap_or(&none).clone();
        hits.extend(index.by_local.get(&fold(cell)).unwrap_or(&none));
        hits.sort_unstable();
        hits.dedup();
        let ids: Vec<&str> = hits
            .iter()
            .map(|&i| self.gazetteer.cities[i].id.as_str())
            .collect();
        match ids.as_slice() {
            [one] => Ok(one.to_string()),
            [] => Err(ImportProblem::UnknownPlace(cell.to_string())),
            many => Err(ImportProblem::AmbiguousPlace(
                cell.to_string(),
                many.iter().take(8).map(|s| s.to_string()).collect(),
            )),
        }
    }
}

/// The series a cell names: a series id, or an indicator code (its first series).
fn series_of<'a>(framework: &'a Framework, cell: &str) -> Option<&'a Series> {
    let cell = cell.trim();
    framework
        .series(cell)
        .or_else(|| framework.series.iter().find(|s| s.indicator == cell))
}

/// The header's column positions; a problem for each required column it lacks.
fn header_columns(header: &Record) -> Result<BTreeMap<&'static str, usize>, Vec<RowProblem>> {
    let position = |column: &str| {
        header
            .fields
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(column))
    };
    let mut columns = BTreeMap::new();
    let mut problems = Vec::new();
    for column in COLUMNS {
        match position(column) {
            Some(i) => {
                columns.insert(column, i);
            }
            None if column == "local_target" || column == "unit" => {}
            None => problems.push(RowProblem {
                line: header.line,
                column,
                problem: ImportProblem::MissingColumn,
            }),
        }
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// One data line, read: every cell the template asks for, checked.
struct RowValues<'f> {
    place: String,
    series: &'f Series,
    year: i32,
    value: f64,
    source: String,
    /// The city's own target for the series, if the line gives one.
    target: Option<f64>,
}

/// What reads a data line: the columns, the place names, the framework and the year.
struct LineReader<'a> {
    columns: BTreeMap<&'static str, usize>,
    names: PlaceNames<'a>,
    framework: &'a Framework,
    this_year: i32,
}

impl<'a> LineReader<'a> {
    /// The line's values, or `None` with each of its problems pushed to `problems`
    /// (every cell is checked, so the user sees all of a line's problems at once).
    fn read(&self, record: &Record, problems: &mut Vec<RowProblem>) -> Option<RowValues<'a>> {
        let line = record.line;
        let cell = |column: &str| -> Option<&str> {
            self.columns
                .get(column)
                .and_then(|i| record.fields.get(*i))
                .map(|s| s.trim())
        };
        let mut bad = |column: &'static str, problem: ImportProblem| {
            problems.push(RowProblem {
                line,
                column,
                problem,
            });
        };
        if record.fields.len() < self.columns.values().max().map_or(0, |m| m + 1)
            // A short line may still have its required cells; only say so if not.
            && ["city", "series", "year", "value", "source"]
                .iter()
                .any(|c| cell(c).is_none())
        {
            bad("", ImportProblem::ShortLine);
            return None;
        }
        let required = |column: &'static str| cell(column).filter(|v| !v.is_empty());
        let mut ok = true;
        let needed = |column: &'static str, bad: &mut dyn FnMut(&'static str, ImportProblem)| {
            let v = required(column);
            if v.is_none() {
                bad(column, ImportProblem::Empty);
            }
            v
        };
        let place = needed("city", &mut bad)
            .and_then(|c| self.names.place_of(c).map_err(|e| bad("city", e)).ok());
        let series = needed("series", &mut bad).and_then(|s| {
            let found = series_of(self.framework, s);
            if found.is_none() {
                bad("series", ImportProblem::UnknownSeries(s.to_string()));
            }
            found
        });
        let year = needed("year", &mut bad).and_then(|y| match y.parse::<i32>() {
            Ok(y) if crate::limits::import_years(self.this_year).contains(&y) => Some(y),
            Ok(y) => {
                bad("year", ImportProblem::ImplausibleYear(y));
                None
            }
            Err(_) => {
                bad("year", ImportProblem::NotAYear(y.to_string()));
                None
            }
        });
        let value = needed("value", &mut bad).and_then(|v| {
            let n = plain_number(v);
            if n.is_none() {
                bad("value", ImportProblem::NotANumber(v.to_string()));
            }
            n
        });
        if let (Some(series), Some(unit)) = (series, cell("unit").filter(|u| !u.is_empty())) {
            if canonical_unit(unit) != canonical_unit(&series.unit) {
                bad(
                    "unit",
                    ImportProblem::UnitDiffers(unit.to_string(), series.unit.clone()),
                );
                ok = false;
            }
        }
        if let (Some(series), Some(v)) = (series, value) {
            if let Some(problem) = load::value_problem(&series.unit, v) {
                bad("value", ImportProblem::OutOfRange(v, problem));
                ok = false;
            }
        }
        let source = needed("source", &mut bad).map(str::to_string);
        let target = match cell("local_target").filter(|t| !t.is_empty()) {
            Some(t) => {
                let n = plain_number(t);
                if n.is_none() {
                    bad("local_target", ImportProblem::NotANumber(t.to_string()));
                    ok = false;
                }
                n
            }
            None => None,
        };
        let (Some(place), Some(series), Some(year), Some(value), Some(source), true) =
            (place, series, year, value, source, ok)
        else {
            return None;
        };
        Some(RowValues {
            place,
            series,
            year,
            value,
            source,
            target,
        })
    }
}

/// The kept rows of each series as a table marked as the user's (every source line
/// begins with [`MARK`]), sorted by place and year.
fn marked_tables(
    kept: BTreeMap<String, Vec<(String, i32, f64, String)>>,
    framework: &Framework,
) -> Vec<ObservationTable> {
    let mut tables = Vec::new();
    for (series, mut rows) in kept {
        rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let unit = framework
            .series(&series)
            .map(|s| s.unit.clone())
            .unwrap_or_default();
        let mut sources: Vec<String> = Vec::new();
        let mut table = ObservationTable::empty(series, unit, PlaceKind::City);
        for (place, year, value, source) in rows {
            let line = format!("{MARK}: {source}");
            let i = match sources.iter().position(|s| *s == line) {
                Some(i) => i,
                None => {
                    sources.push(line);
                    sources.len() - 1
                }
            };
            table.places.push(place);
            table.years.push(year);
            table.values.push(value);
            table.source.push(i.min(usize::from(u16::MAX)) as u16);
        }
        table.sources = sources;
        tables.push(table);
    }
    tables
}

/// Reads a CSV in the template's shape. `this_year` bounds the years (no future
/// values); `name` is the file's name, kept with the pack.
pub fn import_csv(
    text: &str,
    name: &str,
    framework: &Framework,
    gazetteer: &Gazetteer,
    this_year: i32,
) -> Import {
    let mut pack = UserPack {
        format: FORMAT.into(),
        name: name.into(),
        tables: Vec::new(),
        targets: Vec::new(),
    };
    let failed = |pack, problems, lines| Import {
        pack,
        problems,
        lines,
    };
    let records = match crate::csv::read(text) {
        Ok(r) => r,
        Err(e) => {
            let problem = RowProblem {
                line: e.line,
                column: "",
                problem: ImportProblem::Unreadable,
            };
            return failed(pack, vec![problem], 0);
        }
    };
    let Some((header, rows)) = records.split_first() else {
        let problem = RowProblem {
            line: 1,
            column: "city",
            problem: ImportProblem::MissingColumn,
        };
        return failed(pack, vec![problem], 0);
    };
    let columns = match header_columns(header) {
        Ok(c) => c,
        Err(problems) => return failed(pack, problems, rows.len()),
    };
    let reader = LineReader {
        columns,
        names: PlaceNames::new(gazetteer),
        framework,
        this_year,
    };
    let mut problems = Vec::new();
    // (series) -> rows of (place, year, value, source)
    let mut kept: BTreeMap<String, Vec<(String, i32, f64, String)>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let mut targets: BTreeMap<(String, String), (f64, String)> = BTreeMap::new();
    for (n, record) in rows.iter().enumerate() {
        if n >= MAX_ROWS {
            problems.push(RowProblem {
                line: record.line,
                column: "",
                problem: ImportProblem::TooManyRows,
            });
            break;
        }
        let Some(row) = reader.read(record, &mut problems) else {
            continue;
        };
        let mut bad = |column: &'static str, problem: ImportProblem| {
            problems.push(RowProblem {
                line: record.line,
                column,
                problem,
            });
        };
        let key = (row.place.clone(), row.series.id.clone());
        if !seen.insert((row.place.clone(), row.series.id.clone(), row.year)) {
            bad("year", ImportProblem::Duplicate);
            continue;
        }
        if let Some(t) = row.target {
            match targets.get(&key) {
                Some((other, _)) if *other != t => {
                    bad("local_target", ImportProblem::OtherTarget(*other));
                    continue;
                }
                Some(_) => {}
                None => {
                    targets.insert(key, (t, row.source.clone()));
                }
            }
        }
        kept.entry(row.series.id.clone())
            .or_default()
            .push((row.place, row.year, row.value, row.source));
    }
    pack.tables = marked_tables(kept, framework);
    pack.targets = targets
        .into_iter()
        .map(|((place, series), (value, source))| LocalTarget {
            place,
            series,
            value,
            source: format!("{MARK}: {source}"),
        })
        .collect();
    Import {
        pack,
        problems,
        lines: rows.len(),
    }
}

/// The local target a user's data set for a series as judged for one city (its green
/// bound), if the thresholds are the user's: the profile marks such a status "against
/// your local target". Recognised by the mark every user source carries.
pub fn local_target(series: &crate::model::Series) -> Option<f64> {
    series
        .thresholds
        .as_ref()
        .filter(|t| is_users(&t.source))
        .map(|t| t.green)
}

/// The pack as a file to save (reopened by the app, checked by `datagen validate
/// --user`).
pub fn pack_file(pack: &UserPack) -> String {
    serde_json::to_string_pretty(pack).unwrap_or_default() + "\n"
}

/// Reads a saved user pack and checks it with the bundle's own rules: each table as
/// an observation file (known series, its unit, known places, finite values), and each
/// local target on a known place and series with a finite value.
pub fn load_user_pack(file: &str, text: &str, ctx: &Context<'_>) -> Result<UserPack, Vec<Problem>> {
    let pack: UserPack = load::parse_json(file, text)?;
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    let mut add = |record: String, field: &str, message: String| {
        problems.push(Problem {
            file: file.to_string(),
            record,
            field: field.to_string(),
            message,
        });
    };
    if pack.format != FORMAT {
        add(String::new(), "format", format!("expected `{FORMAT}`"));
    }
    for (i, table) in pack.tables.iter().enumerate() {
        if table.place_kind != PlaceKind::City {
            add(
                format!("table {i}"),
                "place_kind",
                "user data holds city values".into(),
            );
        }
        if table.sources.iter().any(|s| !is_users(s)) {
            add(
                format!("table {i}"),
                "sources",
                format!("every source starts with “{MARK}”"),
            );
        }
        let text = serde_json::to_string(table).unwrap_or_default();
        if let Err(found) = load::load_observations(&format!("{file} table {i}"), &text, ctx) {
            checked.extend(found);
        }
    }
    for t in &pack.targets {
        let record = format!("target {} {}", t.place, t.series);
        if ctx.gazetteer.city(&t.place).is_none() {
            add(
                record.clone(),
                "place",
                format!("unknown place `{}`", t.place),
            );
        }
        if ctx.framework.series(&t.series).is_none() {
            add(
                record.clone(),
                "series",
                format!("unknown series `{}`", t.series),
            );
        }
        if !t.value.is_finite() {
            add(record, "value", "not a number".into());
        }
    }
    problems.extend(checked);
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(problems)
    }
}

/// What opening a file gave: the pack to lay over the published data (`None` when
/// nothing usable was in it), the CSV's line problems, a saved pack's problems, and
/// the number of data lines or values read.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The pack, if it holds at least one value or local target.
    pub pack: Option<UserPack>,
    /// Problems of a CSV, by line and column.
    pub problems: Vec<RowProblem>,
    /// Problems of a saved pack (file, record and field).
    pub pack_problems: Vec<Problem>,
    /// Data lines (CSV) or values (saved pack) read.
    pub lines: usize,
}

/// Opens a file the user chose: a saved pack (`.json`) checked by the bundle's rules,
/// or else a CSV in the template's shape.
pub fn open(name: &str, text: &str, ctx: &Context<'_>, this_year: i32) -> Opened {
    let (pack, problems, pack_problems, lines) = if name.to_lowercase().ends_with(".json") {
        match load_user_pack(name, text, ctx) {
            Ok(p) => {
                let n = p.rows();
                (Some(p), Vec::new(), Vec::new(), n)
            }
            Err(found) => (None, Vec::new(), found, 0),
        }
    } else {
        let import = import_csv(text, name, ctx.framework, ctx.gazetteer, this_year);
        (Some(import.pack), import.problems, Vec::new(), import.lines)
    };
    Opened {
        pack: pack.filter(|p| p.rows() > 0 || !p.targets.is_empty()),
        problems,
        pack_problems,
        lines,
    }
}

/// The template's header line and a comment-free example, for `public/`.
pub fn template() -> String {
    COLUMNS.join(",") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AdminLevel;

    fn world() -> (Framework, Gazetteer) {
        let fw = crate::fixtures::framework(&["11.6.2"], vec![crate::fixtures::pm25()]);
        let m = AdminLevel::Municipality;
        let g = crate::fixtures::korea(&[
            ("kr-24", "Gwangju", Some("광주광역시"), m, None),
            ("kr-31010", "Suwon-si", Some("수원시"), m, None),
            ("kr-31250", "Gwangju-si", Some("광주시"), m, None),
        ]);
        (fw, g)
    }

    const GOOD: &str = "city,series,year,value,unit,source,local_target\r\n\
        kr-31010,pm25,2021,19,µg/m³,Suwon air report,15\r\n\
        Suwon-si,pm25,2022,20.6,ug/m3,Suwon air report,15\r\n\
        수원시,11.6.2,2020,21,,Suwon air report,\r\n";

    #[test]
    fn place_names_are_read_as_the_data_tool_reads_them() {
        let m = AdminLevel::Municipality;
        let g = crate::fixtures::korea(&[
            ("kr-11020", "Jung-gu", Some("중구"), m, None),
            ("kr-31010", "Suwon-si", Some("수원시"), m, None),
        ]);
        let names = PlaceNames::new(&g);
        // "Suwon City" is Suwon-si; "Jung-gu" is the district.
        assert_eq!(names.place_of("Suwon City"), Ok("kr-31010".into()));
        assert_eq!(names.place_of("Jung-gu"), Ok("kr-11020".into()));
        // A district is never the city of its stem (the import once said it was).
        assert!(names.place_of("Jung").is_err());
        assert!(names.place_of("Jung City").is_err());
    }

    #[test]
    fn good_rows_become_a_marked_table_with_the_local_target() {
        let (fw, g) = world();
        let import = import_csv(GOOD, "suwon.csv", &fw, &g, 2025);
        assert_eq!(import.problems, vec![], "{:?}", import.problems);
        assert_eq!(import.lines, 3);
        let pack = &import.pack;
        assert_eq!(pack.rows(), 3);
        let t = pack.table("pm25").unwrap();
        assert_eq!(t.years, vec![2020, 2021, 2022]);
        assert_eq!(t.values, vec![21.0, 19.0, 20.6]);
        assert_eq!(
            t.sources,
            vec!["Your data, not published: Suwon air report"]
        );
        assert!(t.sources.iter().all(|s| is_users(s)));
        assert!(
            !is_users("Statistics Korea"),
            "a published source is not the user's"
        );
        assert_eq!(pack.targets_of("pm25").get("kr-31010"), Some(&15.0));
        // What is saved reopens, checked by the bundle's rules.
        let ctx = Context {
            framework: &fw,
            gazetteer: &g,
        };
        let saved = pack_file(pack);
        assert_eq!(load_user_pack("mine.json", &saved, &ctx).as_ref(), Ok(pack));
        let forged = saved.replace("Your data, not published: ", "");
        assert!(load_user_pack("mine.json", &forged, &ctx).is_err());
    }

    #[test]
    fn a_value_the_bundle_would_refuse_is_refused_at_import() {
        // Found by fuzzing: the import took a negative concentration that the saved
        // pack's own check then refused, so the user's saved file would not reopen.
        // And 5,000 µg/m³ loaded, which the data tool would never have bundled: one
        // rule now ([`crate::limits::plausible_concentration`]).
        let (fw, g) = world();
        let text = "city,series,year,value,source\nkr-31010,pm25,2020,-3,report\nkr-31010,pm25,2021,5000,report\n";
        let import = import_csv(text, "neg.csv", &fw, &g, 2025);
        assert_eq!(import.pack.rows(), 0);
        for (i, v) in [(0, -3.0), (1, 5000.0)] {
            assert_eq!(
                import.problems[i].problem,
                ImportProblem::OutOfRange(v, load::ValueProblem::ImplausibleConcentration)
            );
        }
        assert_eq!(
            import.problems[1].message(Lang::En),
            "5000 µg/m³ is not a plausible annual mean (above 0, at most 1,000)"
        );
    }

    #[test]
    fn each_bad_row_is_named_by_line_and_column_and_the_rest_loads() {
        let (fw, g) = world();
        let text = format!(
            "{GOOD}Gwangju,pm25,2021,18,,KOSIS,\r\n\
             kr-31010,pm25,2019,-inf,,report,\r\n\
             Atlantis,pm25,2019,3,,report,\r\n\
             kr-31010,pm99,2019,3,,report,\r\n\
             kr-31010,pm25,2031,3,,report,\r\n\
             kr-31010,pm25,2018,\"12,5\",mg/m3,,\r\n\
             kr-31010,pm25,2021,19,,again,\r\n\
             kr-31010,pm25,2017,+NaN,,report,x\r\n\
             kr-31010,pm25\r\n"
        );
        let import = import_csv(&text, "mixed.csv", &fw, &g, 2025);
        let at: Vec<(usize, &str)> = import.problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(
            at,
            vec![
                (5, "city"),
                (6, "value"),
                (7, "city"),
                (8, "series"),
                (9, "year"),
                (10, "value"),
                (10, "unit"),
                (10, "source"),
                (11, "year"),
                (12, "value"),
                (12, "local_target"),
                (13, ""),
            ]
        );
        assert_eq!(
            import.problems[0].message(Lang::En),
            "“Gwangju” names several places (kr-24, kr-31250): write the id instead"
        );
        assert!(import.problems[1].message(Lang::Ko).contains("-inf"));
        assert_eq!(import.pack.rows(), 3, "the good rows still load");
    }

    #[test]
    fn a_broken_file_or_header_says_so() {
        let (fw, g) = world();
        let broken = import_csv("city,series\n\"open", "x.csv", &fw, &g, 2025);
        assert_eq!(broken.problems[0].problem, ImportProblem::Unreadable);
        let header = import_csv("town,series,year,value,source\n", "x.csv", &fw, &g, 2025);
        assert_eq!(
            header.problems,
            vec![RowProblem {
                line: 1,
                column: "city",
                problem: ImportProblem::MissingColumn
            }]
        );
        assert_eq!(import_csv("", "x.csv", &fw, &g, 2025).problems.len(), 1);
    }

    #[test]
    fn numbers_are_plain_decimals_only() {
        for ok in ["12", "-3.5", "+4", "1e3", "0.25", " 7 "] {
            assert!(plain_number(ok).is_some(), "{ok}");
        }
        for bad in [
            "inf",
            "-inf",
            "+NaN",
            "-Infinity",
            "12,5",
            "1.2.3",
            "",
            "e5",
            "1e",
            "0x10",
        ] {
            assert_eq!(plain_number(bad), None, "{bad}");
        }
        assert_eq!(canonical_unit("ug/m3"), canonical_unit("µg/m³"));
        assert_eq!(canonical_unit("percent"), "%");
    }

    #[test]
    fn opening_picks_the_reader_by_name_and_keeps_only_usable_packs() {
        let (fw, g) = world();
        let ctx = Context {
            framework: &fw,
            gazetteer: &g,
        };
        let csv = open("suwon.CSV", GOOD, &ctx, 2025);
        let pack = csv.pack.expect("three good lines");
        assert_eq!((pack.rows(), csv.lines), (3, 3));
        let saved = open("mine.JSON", &pack_file(&pack), &ctx, 2025);
        assert_eq!(saved.pack.as_ref(), Some(&pack));
        assert_eq!(saved.lines, 3);
        let broken = open("mine.json", "{", &ctx, 2025);
        assert!(broken.pack.is_none() && !broken.pack_problems.is_empty());
        let empty = open("empty.csv", "city,series,year,value,source\n", &ctx, 2025);
        assert!(empty.pack.is_none() && empty.problems.is_empty());
    }
}
