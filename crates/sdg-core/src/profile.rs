//! The rows of a city profile and the statistics of an indicator page.

use std::collections::BTreeMap;

use crate::assess::{
    base_point, is_count, progress, ranks, status, trend, Progress, Status, Trend,
};
use crate::model::{City, Gazetteer, ObservationTable, Series};
use crate::query::{Latest, SeriesIndex, SeriesTables};

/// A series' table with its index.
pub type Indexed<'a> = (&'a ObservationTable, &'a SeriesIndex);

/// One row of a city profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRow {
    /// Latest value.
    pub latest: Option<Latest>,
    /// Its status.
    pub status: Status,
    /// SDSN trend of the city's series.
    pub trend: Trend,
    /// Progress by Statistics Canada's method, for a series without thresholds.
    pub progress: Progress,
    /// All points, oldest first (sparkline).
    pub points: Vec<(i32, f64)>,
    /// Where the judgement over time starts (see [`crate::assess::base_point`]): the
    /// words say the change since it.
    pub base: Option<(i32, f64)>,
    /// Rank among cities of the same subregion with a value: (rank, of how many).
    pub rank: Option<(usize, usize)>,
    /// The country's latest value for the same series, as context.
    pub country: Option<(i32, f64)>,
    /// Source line of the latest value.
    pub source: Option<String>,
    /// Why the latest value is doubtful, if the data tool found it so.
    pub doubt: Option<String>,
}

impl ProfileRow {
    /// Whether the latest value is the user's own data, not a published figure.
    pub fn is_users(&self) -> bool {
        self.source
            .as_deref()
            .is_some_and(crate::userdata::is_users)
    }
}

/// A city's profile rows: each of `series` with a value for the city, judged by the
/// city's local target where the user's data set one. The profile page and the
/// report render these same rows (the report groups them by target).
pub fn city_rows<T: std::ops::Deref<Target = SeriesTables>>(
    series: &[Series],
    city: &City,
    gazetteer: &Gazetteer,
    tables_of: impl Fn(&str) -> Option<T>,
) -> Vec<(Series, ProfileRow)> {
    series
        .iter()
        .filter_map(|s| {
            let tables = tables_of(&s.id)?;
            let s = tables.judged(s, &city.id);
            let row = profile_row(s, city, gazetteer, tables.city(), tables.country());
            row.latest.is_some().then(|| (s.clone(), row))
        })
        .collect()
}

/// The profile row of `city` for `series`.
pub fn profile_row(
    series: &Series,
    city: &City,
    gazetteer: &Gazetteer,
    cities: Option<Indexed<'_>>,
    countries: Option<Indexed<'_>>,
) -> ProfileRow {
    let latest = cities.and_then(|(t, i)| i.latest(t, &city.id, None));
    let points = cities
        .map(|(t, i)| i.points(t, &city.id))
        .unwrap_or_default();
    let trend_points = cities
        .map(|(t, i)| i.trend_points(t, &city.id))
        .unwrap_or_default();
    // A count (accidents, people) is not ranked: the smallest place would always win.
    let rank = cities
        .zip(latest)
        .filter(|_| !is_count(series))
        .and_then(|((t, i), _)| {
            let subregion = gazetteer
                .country(&city.country)
                .map(|c| c.subregion.as_str());
            let mut ids = Vec::new();
            let mut values = Vec::new();
            for place in i.places() {
                let Some(peer) = gazetteer.city(place) else {
                    continue;
                };
                if gazetteer
                    .country(&peer.country)
                    .map(|c| c.subregion.as_str())
                    != subregion
                {
                    continue;
                }
                if let Some(l) = i.latest(t, place, None) {
                    ids.push(place);
                    values.push(l.value);
                }
            }
            let r = ranks(series.direction, &values);
            ids.iter()
                .position(|p| *p == city.id)
                .map(|pos| (r[pos], values.len()))
        });
    ProfileRow {
        latest,
        status: status(series, latest.map(|l| l.value)),
        trend: trend(series, &trend_points),
        progress: progress(series, &trend_points),
        base: base_point(series, &trend_points),
        points,
        rank,
        country: countries
            .and_then(|(t, i)| i.latest(t, &city.country, None))
            .map(|l| (l.year, l.value)),
        source: cities
            .zip(latest)
            .and_then(|((t, _), l)| t.row(l.row).map(|o| o.source.to_string())),
        doubt: cities
            .zip(latest)
            .and_then(|((t, _), l)| t.doubt(&city.id, l.year).map(str::to_string)),
    }
}

/// Size of a profile row's sparkline, in pixels.
pub const SPARKLINE: (f64, f64) = (90.0, 22.0);

/// SVG path of a sparkline of `points` (oldest first) in a `w × h` box with a 2 px
/// margin: years across, values up. Fewer than two points draw nothing; a flat series
/// is a line across the middle.
pub fn sparkline_path(points: &[(i32, f64)], w: f64, h: f64) -> String {
    let finite: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.1.is_finite())
        .map(|p| (f64::from(p.0), p.1))
        .collect();
    let (Some(first), Some(last)) = (finite.first(), finite.last()) else {
        return String::new();
    };
    if finite.len() < 2 {
        return String::new();
    }
    let (x0, x1) = (first.0, last.0);
    let lo = finite.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = finite.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let sx = |x: f64| {
        if x1 > x0 {
            (x - x0) / (x1 - x0) * (w - 4.0) + 2.0
        } else {
            w / 2.0
        }
    };
    let sy = |y: f64| {
        if hi > lo {
            h - 2.0 - (y - lo) / (hi - lo) * (h - 4.0)
        } else {
            h / 2.0
        }
    };
    let mut d = String::new();
    for (i, (x, y)) in finite.iter().enumerate() {
        let command = if i == 0 { 'M' } else { 'L' };
        crate::svg::push_command(&mut d, command, &[sx(*x), sy(*y)]);
    }
    d
}

/// Cities with a value, per year.
pub fn coverage_by_year(table: &ObservationTable) -> Vec<(i32, usize)> {
    let mut by_year: BTreeMap<i32, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for (p, y) in table.places.iter().zip(&table.years) {
        by_year.entry(*y).or_default().insert(p);
    }
    by_year.into_iter().map(|(y, s)| (y, s.len())).collect()
}

/// Counts per status of the given statuses, in [`Status::ALL`] order, zeros left out.
pub fn status_counts(statuses: impl Iterator<Item = Status>) -> Vec<(Status, usize)> {
    let mut counts = [0usize; 6];
    for s in statuses {
        if let Some(i) = Status::ALL.iter().position(|x| *x == s) {
            counts[i] += 1;
        }
    }
    Status::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (*s, n))
        .collect()
}

/// Equal-width histogram: `bins` buckets over the finite values, as `(from, to, count)`.
pub fn histogram(values: &[f64], bins: usize) -> Vec<(f64, f64, usize)> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (Some(lo), Some(hi)) = (
        finite.iter().copied().reduce(f64::min),
        finite.iter().copied().reduce(f64::max),
    ) else {
        return Vec::new();
    };
    let bins = bins.max(1);
    let width = if hi > lo {
        (hi - lo) / bins as f64
    } else {
        1.0
    };
    let mut counts = vec![0usize; bins];
    for v in finite {
        let i = (((v - lo) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, n)| (lo + i as f64 * width, lo + (i + 1) as f64 * width, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets() {
        let h = histogram(&[0.0, 1.0, 2.0, 3.0, 4.0, f64::NAN], 2);
        assert_eq!(h, vec![(0.0, 2.0, 2), (2.0, 4.0, 3)]);
        assert!(histogram(&[], 3).is_empty());
        assert_eq!(histogram(&[5.0, 5.0], 3)[0].2, 2);
    }

    #[test]
    fn sparklines_span_the_box_oldest_left_highest_up() {
        assert_eq!(
            sparkline_path(&[(2015, 10.0), (2017, 20.0), (2019, 15.0)], 90.0, 22.0),
            "M2 20L45 2L88 11"
        );
        assert_eq!(
            sparkline_path(&[(2015, 5.0), (2019, 5.0)], 90.0, 22.0),
            "M2 11L88 11"
        );
        assert_eq!(sparkline_path(&[(2015, 5.0)], 90.0, 22.0), "");
        assert_eq!(
            sparkline_path(&[(2015, 5.0), (2016, f64::NAN)], 90.0, 22.0),
            ""
        );
    }

    #[test]
    fn a_count_is_not_ranked_a_rate_is() {
        use crate::fixtures::{korea, pm25};
        use crate::model::{AdminLevel, PlaceKind};
        let gz = korea(&[
            ("kr-1", "A", None, AdminLevel::City, None),
            ("kr-2", "B", None, AdminLevel::City, None),
        ]);
        let table = ObservationTable {
            series: "pm25".into(),
            unit: "µg/m³".into(),
            place_kind: PlaceKind::City,
            sources: vec!["s".into()],
            places: vec!["kr-1".into(), "kr-2".into()],
            years: vec![2020, 2020],
            values: vec![30.0, 20.0],
            source: vec![0, 0],
            doubts: Vec::new(),
        };
        let index = SeriesIndex::new(&table);
        let rate = pm25();
        let row = profile_row(&rate, &gz.cities[0], &gz, Some((&table, &index)), None);
        assert_eq!(row.rank, Some((2, 2)));
        let count = Series {
            unit: "accidents".into(),
            ..pm25()
        };
        let row = profile_row(&count, &gz.cities[0], &gz, Some((&table, &index)), None);
        assert_eq!(row.rank, None, "a count is not ranked");
        assert_eq!(row.latest.map(|l| l.value), Some(30.0), "but it is shown");
    }

    #[test]
    fn status_counts_skip_zeros() {
        let c = status_counts([Status::Red, Status::Green, Status::Red].into_iter());
        assert_eq!(c, vec![(Status::Green, 1), (Status::Red, 2)]);
    }
}
