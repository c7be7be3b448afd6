//! How the map colours symbols and provinces: by status where a series has sourced
//! thresholds, otherwise by value on the viridis scale; and what the legend lists.

use crate::assess::Status;
use crate::model::Series;
use crate::scene::Row;
use crate::style::status_color;

/// How symbols and provinces are coloured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Colouring {
    /// By status, for series with sourced thresholds (or when there are no values).
    ByStatus,
    /// By value on a continuous scale from `lo` to `hi`, for series without thresholds.
    ByValue {
        /// Lowest value shown.
        lo: f64,
        /// Highest value shown.
        hi: f64,
    },
}

impl Colouring {
    /// The colouring of a series over the rows shown.
    pub fn of(series: &Series, rows: &[Row]) -> Colouring {
        if series.thresholds.is_some() {
            return Colouring::ByStatus;
        }
        match value_range(rows.iter().filter_map(Row::value)) {
            Some((lo, hi)) => Colouring::ByValue { lo, hi },
            None => Colouring::ByStatus,
        }
    }

    /// Fill colour of a symbol or province.
    pub fn fill(&self, status: Status, value: Option<f64>) -> String {
        match (self, value) {
            (Colouring::ByValue { lo, hi }, Some(v)) => value_color(unit_position(v, *lo, *hi)),
            _ => status_color(status).to_string(),
        }
    }
}

/// The statuses the legend lists for a series.
pub fn legend_statuses(series: &Series) -> Vec<Status> {
    if series.thresholds.is_some() {
        Status::ASSESSED
            .into_iter()
            .chain([Status::NoData])
            .collect()
    } else {
        vec![Status::NotAssessed, Status::NoData]
    }
}

/// Stops of the viridis colour map (perceptually uniform, colour-blind safe).
const VIRIDIS: [(u8, u8, u8); 5] = [
    (68, 1, 84),
    (59, 82, 139),
    (33, 145, 140),
    (94, 201, 98),
    (253, 231, 37),
];

/// Colour of `t` in `[0, 1]` on the viridis scale (clamped; NaN is the lowest).
pub fn value_color(t: f64) -> String {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let x = t * (VIRIDIS.len() - 1) as f64;
    let i = (x.floor() as usize).min(VIRIDIS.len() - 2);
    let f = x - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    let mix = |p: u8, q: u8| (f64::from(p) + (f64::from(q) - f64::from(p)) * f).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

/// The lowest and highest finite values, `None` when there is none.
pub fn value_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// Where `v` sits in `[lo, hi]`, as `[0, 1]` (0.5 when the range is empty).
pub fn unit_position(v: f64, lo: f64, hi: f64) -> f64 {
    if hi > lo {
        ((v - lo) / (hi - lo)).clamp(0.0, 1.0)
    } else {
        0.5
    }
}

#[cfg(test)]
mod color_tests {
    use super::*;

    #[test]
    fn viridis_ends_and_middle() {
        assert_eq!(value_color(0.0), "#440154");
        assert_eq!(value_color(1.0), "#fde725");
        assert_eq!(value_color(0.5), "#21918c");
        assert_eq!(value_color(f64::NAN), "#440154");
        assert_eq!(value_color(7.0), "#fde725");
        assert_eq!(unit_position(5.0, 0.0, 10.0), 0.5);
        assert_eq!(unit_position(5.0, 5.0, 5.0), 0.5);
    }

    use crate::scene::rows::fixture::*;

    #[test]
    fn series_without_thresholds_are_coloured_by_value() {
        let rows = rows();
        assert_eq!(Colouring::of(&pm25(), &rows), Colouring::ByStatus);
        let c = Colouring::of(&open_space(), &rows);
        assert_eq!(c, Colouring::ByValue { lo: 9.0, hi: 30.0 });
        assert_eq!(c.fill(Status::NotAssessed, Some(9.0)), value_color(0.0));
        assert_eq!(c.fill(Status::NotAssessed, Some(30.0)), value_color(1.0));
        assert_eq!(c.fill(Status::NoData, None), status_color(Status::NoData));
        assert_eq!(Colouring::of(&open_space(), &[]), Colouring::ByStatus);
        assert_eq!(legend_statuses(&pm25()).len(), 5);
        assert_eq!(
            legend_statuses(&open_space()),
            vec![Status::NotAssessed, Status::NoData]
        );
    }
}
