//! Observation tables: rows checked against the framework and the gazetteer, values
//! against what their unit allows, and repeated place-years found.

use crate::model::{Framework, Gazetteer, ObservationTable, PlaceKind};
use crate::FastMap;

use super::files::parse_json;
use super::{too_long, Problem, Report, MAX_PROBLEMS, MAX_SOURCE_CHARS};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
