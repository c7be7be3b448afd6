//! Values kept but shown with a warning: what the data itself contradicts.
//!
//! - **PM2.5 above PM10** for one place and year in one pack: PM2.5 is a part of PM10,
//!   so one of the two is wrong (Silvassa 2016: 73 against 37). Both are marked.
//! - **An isolated outlier**: a value under a fifth of both its neighbours' (the
//!   years just before and after in the same series) or over five times both
//!   (`un-cyp-agiamarina` 2016: PM2.5 0.01 between 9.8 and 9.67). Counts are left
//!   alone: a year without disaster deaths is news, not an error.
//!
//! Doubtful values stay in the bundle with their reason (the app shows it) and never
//! make a trend.

use std::collections::BTreeMap;

use sdg_core::model::{Doubt, ObservationTable};

/// How far a value must stand from both neighbours to be an isolated outlier.
pub const OUTLIER_FACTOR: f64 = 5.0;

/// Marks doubtful values in the tables, keyed by (pack, series); returns the report
/// lines. Only city tables are given.
pub fn mark(tables: &mut BTreeMap<(&'static str, &'static str), ObservationTable>) -> Vec<String> {
    let mut report = Vec::new();
    let mut packs: Vec<&'static str> = tables.keys().map(|(p, _)| *p).collect();
    packs.dedup();
    for pack in packs {
        let pairs: Vec<(String, i32, f64, f64)> =
            match (tables.get(&(pack, "pm25")), tables.get(&(pack, "pm10"))) {
                (Some(fine), Some(coarse)) => pm25_above_pm10(fine, coarse),
                _ => Vec::new(),
            };
        for (place, year, pm25, pm10) in pairs {
            let reason =
                format!("PM2.5 {pm25} above PM10 {pm10} the same year: one of them is wrong");
            for series in ["pm25", "pm10"] {
                if let Some(t) = tables.get_mut(&(pack, series)) {
                    push(t, &place, year, &reason);
                }
            }
            report.push(format!("{pack} {place} {year}: {reason}"));
        }
    }
    for ((pack, series), t) in tables.iter_mut() {
        // A count of zero (no disaster deaths this year) is news, not an error.
        if sdg_core::assess::COUNT_UNITS.contains(&t.unit.as_str()) {
            continue;
        }
        for (place, year, reason) in outliers(t) {
            report.push(format!("{pack}/{series} {place} {year}: {reason}"));
            push(t, &place, year, &reason);
        }
    }
    for t in tables.values_mut() {
        t.doubts
            .sort_by(|a, b| (&a.place, a.year).cmp(&(&b.place, b.year)));
    }
    report.sort();
    report
}

fn push(t: &mut ObservationTable, place: &str, year: i32, reason: &str) {
    if t.doubt(place, year).is_none() {
        t.doubts.push(Doubt {
            place: place.to_string(),
            year,
            reason: reason.to_string(),
        });
    }
}

/// `(place, year, pm25, pm10)` where PM2.5 exceeds PM10.
fn pm25_above_pm10(
    fine: &ObservationTable,
    coarse: &ObservationTable,
) -> Vec<(String, i32, f64, f64)> {
    let pm10: BTreeMap<(&str, i32), f64> = coarse
        .rows()
        .map(|o| ((o.place, o.year), o.value))
        .collect();
    fine.rows()
        .filter_map(|o| {
            let c = *pm10.get(&(o.place, o.year))?;
            (o.value > c).then(|| (o.place.to_string(), o.year, o.value, c))
        })
        .collect()
}

/// `(place, year, reason)` of values far from both neighbours in their place's series.
fn outliers(t: &ObservationTable) -> Vec<(String, i32, String)> {
    let mut by_place: BTreeMap<&str, Vec<(i32, f64)>> = BTreeMap::new();
    for o in t.rows() {
        by_place.entry(o.place).or_default().push((o.year, o.value));
    }
    let mut out = Vec::new();
    for (place, mut pts) in by_place {
        pts.sort_by_key(|p| p.0);
        for w in pts.windows(3) {
            let [(_, before), (year, v), (_, after)] = [w[0], w[1], w[2]];
            let (lo, hi) = (before.min(after), before.max(after));
            let far = v * OUTLIER_FACTOR < lo || v > hi * OUTLIER_FACTOR;
            if far && lo > 0.0 {
                out.push((
                    place.to_string(),
                    year,
                    format!(
                        "{v} stands far from the values before and after it ({before}, {after})"
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sdg_core::model::PlaceKind;

    fn table(series: &str, rows: &[(&str, i32, f64)]) -> ObservationTable {
        ObservationTable {
            series: series.into(),
            unit: "µg/m³".into(),
            place_kind: PlaceKind::City,
            sources: vec!["s".into()],
            places: rows.iter().map(|r| r.0.to_string()).collect(),
            years: rows.iter().map(|r| r.1).collect(),
            values: rows.iter().map(|r| r.2).collect(),
            source: vec![0; rows.len()],
            doubts: Vec::new(),
        }
    }

    #[test]
    fn pm25_above_pm10_marks_both() {
        let mut tables = BTreeMap::new();
        tables.insert(
            ("who-aap", "pm25"),
            table(
                "pm25",
                &[("silvassa", 2016, 73.0), ("silvassa", 2017, 30.0)],
            ),
        );
        tables.insert(
            ("who-aap", "pm10"),
            table(
                "pm10",
                &[("silvassa", 2016, 37.0), ("silvassa", 2017, 60.0)],
            ),
        );
        let report = mark(&mut tables);
        assert_eq!(report.len(), 1, "one line per pair: {report:?}");
        let fine = &tables[&("who-aap", "pm25")];
        assert!(fine
            .doubt("silvassa", 2016)
            .unwrap()
            .contains("PM2.5 73 above PM10 37"));
        assert_eq!(fine.doubt("silvassa", 2017), None);
        assert!(tables[&("who-aap", "pm10")]
            .doubt("silvassa", 2016)
            .is_some());
    }

    #[test]
    fn an_isolated_outlier_is_marked_a_steady_change_is_not() {
        let mut tables = BTreeMap::new();
        tables.insert(
            ("who-aap", "pm25"),
            table(
                "pm25",
                &[
                    ("cy", 2015, 9.8),
                    ("cy", 2016, 0.01),
                    ("cy", 2017, 9.67),
                    ("fall", 2015, 40.0),
                    ("fall", 2016, 20.0),
                    ("fall", 2017, 10.0),
                ],
            ),
        );
        mark(&mut tables);
        let t = &tables[&("who-aap", "pm25")];
        assert!(t.doubt("cy", 2016).unwrap().contains("0.01 stands far"));
        assert_eq!(t.doubts.len(), 1, "{:?}", t.doubts);
    }
}
