//! Plausibility of measured series: a value that cannot be an annual mean is not shown
//! as fact. Concentrations (µg/m³) must lie in (0, 1000]; and a source's series whose
//! values are too often exactly zero or round tens is not a series of measured annual
//! means (the Kazakh PM series: 13 % zeros, 57 % multiples of ten), so it is left out
//! whole, with the reason in the build report.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::collect::Obs;

use sdg_core::limits::{plausible_concentration, MAX_CONCENTRATION};
/// Rows a series needs before its share of round values is judged.
const MIN_ROWS: usize = 20;
/// Share of exact zeros beyond which a series is not measured annual means.
const MAX_ZERO_SHARE: f64 = 0.05;
/// Share of multiples of ten beyond which a series is rounded or estimated, not
/// measured (about 10 % is expected of values given to whole units, far less of
/// values given to decimals).
const MAX_ROUND_SHARE: f64 = 0.4;

/// What the screen decided for one source's series.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Pack, series and source line.
    pub group: (String, String, String),
    /// Rows screened.
    pub rows: usize,
    /// Rows exactly zero.
    pub zeros: usize,
    /// Rows that are multiples of ten.
    pub round: usize,
    /// Rows outside the plausible range.
    pub out_of_range: usize,
    /// Why the whole series was left out, if it was.
    pub left_out: Option<String>,
}

/// Screens city observations: returns those kept and a verdict per screened series
/// (concentration series only).
pub fn screen(obs: Vec<Obs>) -> (Vec<Obs>, Vec<Verdict>) {
    let mut groups: BTreeMap<(String, String, String), Vec<Obs>> = BTreeMap::new();
    let mut kept = Vec::new();
    for o in obs {
        if o.unit == "µg/m³" {
            let head = o.source.split(';').next().unwrap_or(&o.source).to_string();
            groups
                .entry((o.pack.to_string(), o.series.to_string(), head))
                .or_default()
                .push(o);
        } else {
            kept.push(o);
        }
    }
    let mut verdicts = Vec::new();
    for (group, rows) in groups {
        let n = rows.len();
        let zeros = rows.iter().filter(|o| o.value == 0.0).count();
        let round = rows
            .iter()
            .filter(|o| o.value != 0.0 && o.value % 10.0 == 0.0)
            .count();
        let in_range = |o: &Obs| plausible_concentration(o.value);
        let out_of_range = rows.iter().filter(|o| !in_range(o)).count();
        let share = |k: usize| k as f64 / n.max(1) as f64;
        let left_out = if n >= MIN_ROWS && share(zeros) > MAX_ZERO_SHARE {
            Some(format!(
                "{:.0} % of its values are exactly 0, which no annual mean concentration is",
                share(zeros) * 100.0
            ))
        } else if n >= MIN_ROWS && share(round) > MAX_ROUND_SHARE {
            Some(format!(
                "{:.0} % of its values are multiples of 10: rounded or estimated, not measured annual means",
                share(round) * 100.0
            ))
        } else {
            None
        };
        if left_out.is_none() {
            kept.extend(rows.into_iter().filter(|o| in_range(o)));
        }
        verdicts.push(Verdict {
            group,
            rows: n,
            zeros,
            round,
            out_of_range,
            left_out,
        });
    }
    (kept, verdicts)
}

/// The report section of the screen.
pub fn report(verdicts: &[Verdict]) -> String {
    let mut out = String::from("\n## Plausibility of concentration series\n\n");
    let _ = writeln!(
        out,
        "Values must lie in (0, {MAX_CONCENTRATION}] µg/m³ (others are dropped). A source's series of at least {MIN_ROWS} rows with more than {:.0} % exact zeros or more than {:.0} % multiples of 10 is left out whole.\n",
        MAX_ZERO_SHARE * 100.0,
        MAX_ROUND_SHARE * 100.0
    );
    for v in verdicts
        .iter()
        .filter(|v| v.left_out.is_some() || v.out_of_range > 0)
    {
        let (pack, series, source) = &v.group;
        let what = match &v.left_out {
            Some(why) => format!("**left out**: {why}"),
            None => format!("{} rows out of range dropped", v.out_of_range),
        };
        let _ = writeln!(
            out,
            "- {pack} {series} ({source}): {} rows, {} zeros, {} multiples of 10: {what}",
            v.rows, v.zeros, v.round
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(source: &str, value: f64) -> Obs {
        Obs {
            pack: "p",
            series: "pm25",
            unit: "µg/m³",
            place: "x".into(),
            year: 2019,
            value,
            source: source.into(),
            priority: 0,
        }
    }

    #[test]
    fn zeros_and_round_tens_leave_a_series_out_and_impossible_rows_drop() {
        let mut rows: Vec<Obs> = (0..30)
            .map(|i| obs("A; ref", 12.3 + f64::from(i)))
            .collect();
        rows.push(obs("A; other ref", -1.0));
        rows.extend((0..20).map(|i| obs("K", if i < 3 { 0.0 } else { 20.0 })));
        rows.extend((0..20).map(|i| obs("R", if i < 10 { 30.0 } else { 31.5 })));
        let (kept, verdicts) = screen(rows);
        assert_eq!(
            kept.len(),
            30,
            "A kept without its negative row; K and R left out"
        );
        let k = verdicts.iter().find(|v| v.group.2 == "K").unwrap();
        assert!(k
            .left_out
            .as_deref()
            .unwrap()
            .contains("15 % of its values are exactly 0"));
        let r = verdicts.iter().find(|v| v.group.2 == "R").unwrap();
        assert!(r
            .left_out
            .as_deref()
            .unwrap()
            .contains("50 % of its values are multiples of 10"));
        assert!(report(&verdicts).contains("1 rows out of range dropped"));
    }

    #[test]
    fn other_units_pass_untouched() {
        let mut o = obs("S", 0.0);
        o.unit = "%";
        let (kept, verdicts) = screen(vec![o]);
        assert_eq!(kept.len(), 1);
        assert!(verdicts.is_empty());
    }
}
