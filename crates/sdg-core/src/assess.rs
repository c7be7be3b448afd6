//! Status of a value, trend of a series, and ranks among peers.
//!
//! Status colours follow the series' sourced thresholds. The trend follows the rule of
//! SDSN's Sustainable Development Report: the linear yearly gain since the base year,
//! compared with the yearly gain needed to reach the green threshold over SDSN's fixed
//! horizon, 2015 to 2030. A trend needs [`MIN_TREND_POINTS`] points of one source
//! spanning [`MIN_TREND_YEARS`] calendar years; with less it is "too little data".

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::model::{Direction, Series, Thresholds};

/// The year Goal 11 targets are due.
pub const TARGET_YEAR: i32 = crate::limits::SDG_END;
/// Base year of the trend (the SDGs' start).
pub const BASE_YEAR: i32 = 2015;
/// The fewest points a trend may rest on (one year-to-year change is noise, not a
/// trend).
pub const MIN_TREND_POINTS: usize = 3;
/// The fewest calendar years (first to last, both counted) a trend's points may span.
pub const MIN_TREND_YEARS: i32 = 4;

/// Status of one value against its series' thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Goal reached.
    Green,
    /// Challenges remain.
    Yellow,
    /// Significant challenges.
    Orange,
    /// Major challenges.
    Red,
    /// There is no value.
    NoData,
    /// The series has no sourced thresholds, so no colour is claimed.
    NotAssessed,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 6] = [
        Status::Green,
        Status::Yellow,
        Status::Orange,
        Status::Red,
        Status::NoData,
        Status::NotAssessed,
    ];

    /// The statuses a threshold gives, best first: the bands of a legend, a filter,
    /// the indicator page and the landing map.
    pub const ASSESSED: [Status; 4] = [Status::Green, Status::Yellow, Status::Orange, Status::Red];

    /// Stable key used in URLs and message ids.
    pub fn key(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Yellow => "yellow",
            Status::Orange => "orange",
            Status::Red => "red",
            Status::NoData => "nodata",
            Status::NotAssessed => "na",
        }
    }

    /// Inverse of [`Status::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Whether `value` meets a bound in the series' direction.
fn meets(direction: Direction, value: f64, bound: f64) -> bool {
    match direction {
        Direction::LowerIsBetter => value <= bound,
        _ => value >= bound,
    }
}

/// Status of a value under a series' thresholds.
pub fn status(series: &Series, value: Option<f64>) -> Status {
    let Some(value) = value.filter(|v| v.is_finite()) else {
        return Status::NoData;
    };
    match (&series.thresholds, series.direction) {
        (None, _) | (_, Direction::Neutral) => Status::NotAssessed,
        (Some(t), d) => status_with(t, d, value),
    }
}

fn status_with(t: &Thresholds, d: Direction, value: f64) -> Status {
    if meets(d, value, t.green) {
        Status::Green
    } else if meets(d, value, t.yellow) {
        Status::Yellow
    } else if meets(d, value, t.orange) {
        Status::Orange
    } else {
        Status::Red
    }
}

/// The band of values a status stands for under a series' thresholds, in words
/// (`≤ 10`, `10–15`, `> 25`, with the unit); `None` for a status with no band (no
/// data, not assessed) or a series without thresholds.
pub fn band(series: &Series, status: Status) -> Option<String> {
    let t = series.thresholds.as_ref()?;
    let v = crate::i18n::format_value;
    let u = &series.unit;
    let text = match (series.direction, status) {
        (Direction::Neutral, _) => return None,
        (Direction::LowerIsBetter, Status::Green) => format!("≤ {}", v(t.green)),
        (Direction::LowerIsBetter, Status::Yellow) => format!("{}–{}", v(t.green), v(t.yellow)),
        (Direction::LowerIsBetter, Status::Orange) => format!("{}–{}", v(t.yellow), v(t.orange)),
        (Direction::LowerIsBetter, Status::Red) => format!("> {}", v(t.orange)),
        (_, Status::Green) => format!("≥ {}", v(t.green)),
        (_, Status::Yellow) => format!("{}–{}", v(t.yellow), v(t.green)),
        (_, Status::Orange) => format!("{}–{}", v(t.orange), v(t.yellow)),
        (_, Status::Red) => format!("< {}", v(t.orange)),
        _ => return None,
    };
    Some(format!("{text} {u}"))
}

/// A series as judged for one place that set itself a local target: the target
/// becomes the green bound (for status and for the trend's "gain needed by 2030").
/// The series' sourced bands beyond it keep grading a missed target; a band the
/// target passes is moved to it. A series without sourced bands has none to keep, so
/// a missed target is red: met or not, nothing finer is claimed. A neutral series
/// stays unassessed.
pub fn local_series(series: &Series, target: f64, source: &str) -> Series {
    let mut local = series.clone();
    if series.direction == Direction::Neutral || !target.is_finite() {
        return local;
    }
    let beyond = |bound: f64| -> f64 {
        // A band bound must not be better than the green one.
        if meets(series.direction, bound, target) {
            target
        } else {
            bound
        }
    };
    local.thresholds = Some(match &series.thresholds {
        Some(t) => Thresholds {
            green: target,
            yellow: beyond(t.yellow),
            orange: beyond(t.orange),
            source: source.to_string(),
        },
        None => Thresholds {
            green: target,
            yellow: target,
            orange: target,
            source: source.to_string(),
        },
    });
    local
}

/// SDSN trend categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    /// Gain at least the one needed (or goal reached and held).
    OnTrack,
    /// At least half the gain needed.
    ModeratelyImproving,
    /// Less than half the needed gain, but not worsening.
    Stagnating,
    /// Getting worse.
    Decreasing,
    /// Too little data to judge: fewer than [`MIN_TREND_POINTS`] points, or spanning
    /// fewer than [`MIN_TREND_YEARS`] calendar years, from the start to the latest.
    NoTrendData,
    /// No thresholds or no direction: no trend is claimed.
    NotAssessed,
}

impl Trend {
    /// Stable key used in message ids.
    pub fn key(self) -> &'static str {
        match self {
            Trend::OnTrack => "on-track",
            Trend::ModeratelyImproving => "moderate",
            Trend::Stagnating => "stagnating",
            Trend::Decreasing => "decreasing",
            Trend::NoTrendData => "no-trend",
            Trend::NotAssessed => "na",
        }
    }
}

/// Finite points, one per year (the later of two for a year), oldest first.
fn by_year(points: &[(i32, f64)]) -> Vec<(i32, f64)> {
    let mut pts: Vec<(i32, f64)> = points.iter().copied().filter(|p| p.1.is_finite()).collect();
    pts.sort_by_key(|p| p.0);
    pts.dedup_by(|later, earlier| {
        // `dedup_by` keeps the first of a run; copy the later value into it.
        if later.0 == earlier.0 {
            earlier.1 = later.1;
            true
        } else {
            false
        }
    });
    pts
}

/// Where SDSN's trend starts in `pts` (by year): the latest point at or before
/// [`BASE_YEAR`], or else the earliest.
fn sdsn_start(pts: &[(i32, f64)]) -> usize {
    pts.iter().rposition(|p| p.0 <= BASE_YEAR).unwrap_or(0)
}

/// Where Statistics Canada's progress starts in `pts` (by year): the first point at or
/// after [`BASE_YEAR`], if any.
fn statcan_start(pts: &[(i32, f64)]) -> Option<usize> {
    pts.iter().position(|p| p.0 >= BASE_YEAR)
}

/// The point a series' judgement over time starts from, so that words about "the
/// change since the base year" compare what the trend or progress compares: Statistics
/// Canada's start for a series judged by progress, SDSN's for any other.
pub fn base_point(series: &Series, points: &[(i32, f64)]) -> Option<(i32, f64)> {
    let pts = by_year(points);
    let by_progress = series.thresholds.is_none() && series.direction != Direction::Neutral;
    let start = if by_progress {
        statcan_start(&pts)?
    } else {
        sdsn_start(&pts)
    };
    pts.get(start).copied()
}

/// Trend of one place's series, by the rule of SDSN's Sustainable Development Report
/// (methodology, "trend dashboards"). `points` are `(year, value)` of one source (a
/// change of source or method is a break, not a trend: see
/// `query::PlaceIndex::trend_points`), in any order; where a year repeats, the last
/// point wins.
///
/// - The start is the latest point at or before [`BASE_YEAR`], or else the earliest
///   one; the end is the latest point. From the start to the end there must be at
///   least [`MIN_TREND_POINTS`] points over [`MIN_TREND_YEARS`] calendar years, or
///   there is too little data to judge.
/// - A latest value at or beyond the green threshold is "on track or maintaining SDG
///   achievement", whatever it did on the way (SDSN gives the green arrow to values
///   that reached or keep the goal).
/// - Otherwise the yearly gain since the start (in the good direction) is compared with
///   the yearly gain needed to close the start's gap to green over SDSN's fixed
///   horizon, [`BASE_YEAR`] to [`TARGET_YEAR`]: at least all of it is on
///   track, at least half of it moderately improving, less is stagnating, a loss is
///   decreasing. A start at green that has been lost is decreasing.
///
/// Rounding, decided once: values are taken as decimals to nine places and the
/// comparison of the two rates is exact integer arithmetic, so a rate that is exactly
/// half (or all) of the needed one is counted as reaching it. Binary floating point
/// would put many such exact halves a few 1e-16 below.
pub fn trend(series: &Series, points: &[(i32, f64)]) -> Trend {
    let (Some(t), d) = (&series.thresholds, series.direction) else {
        return Trend::NotAssessed;
    };
    if d == Direction::Neutral {
        return Trend::NotAssessed;
    }
    let pts = by_year(points);
    let used = &pts[sdsn_start(&pts)..];
    let (Some(&start), Some(&end)) = (used.first(), used.last()) else {
        return Trend::NoTrendData;
    };
    if used.len() < MIN_TREND_POINTS || end.0 - start.0 + 1 < MIN_TREND_YEARS {
        return Trend::NoTrendData;
    }
    if meets(d, end.1, t.green) {
        return Trend::OnTrack;
    }
    let (s, e, g) = (decimal(start.1), decimal(end.1), decimal(t.green));
    let good = |from: i128, to: i128| match d {
        Direction::LowerIsBetter => from.saturating_sub(to),
        _ => to.saturating_sub(from),
    };
    // achieved / years_elapsed >= k * needed / years_left, cross-multiplied.
    let elapsed = i128::from(end.0 - start.0);
    // SDSN's horizon is fixed: the gap is to be closed over 2015–2030, whatever
    // year the start point has.
    let left = i128::from(TARGET_YEAR - BASE_YEAR);
    let achieved = good(s, e).saturating_mul(left);
    let needed = good(s, g).saturating_mul(elapsed);
    if needed <= 0 {
        // The start met green but the end no longer does: it got worse.
        return Trend::Decreasing;
    }
    if achieved >= needed {
        Trend::OnTrack
    } else if achieved.saturating_mul(2) >= needed {
        Trend::ModeratelyImproving
    } else if achieved >= 0 {
        Trend::Stagnating
    } else {
        Trend::Decreasing
    }
}

/// Progress status by Statistics Canada's method, as Open SDG platforms report it for
/// series without a quantitative target: the compound annual growth since the base
/// year, in the good direction, against fixed rates. It is another measure than the
/// SDSN trend (which needs a threshold), and is labelled as such everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    /// Growth of at least [`PROGRESS_ON_TRACK`] a year in the good direction (or a
    /// share held at its natural limit of 100 %).
    OnTrack,
    /// At least [`PROGRESS_MADE`] a year.
    AccelerationNeeded,
    /// Between no change and [`PROGRESS_MADE`] a year.
    Limited,
    /// Moving the wrong way.
    Deterioration,
    /// Too little data (the trend's minimum: [`MIN_TREND_POINTS`] values of one source
    /// over [`MIN_TREND_YEARS`] calendar years from the base), or values of both signs.
    UnableToAssess,
    /// The series has a threshold (the SDSN trend judges it) or no direction.
    NotAssessed,
}

/// Yearly growth for "on track" in Statistics Canada's method (no target).
pub const PROGRESS_ON_TRACK: f64 = 0.015;
/// Yearly growth for "progress made but acceleration needed".
pub const PROGRESS_MADE: f64 = 0.005;

impl Progress {
    /// Message key.
    pub fn key(self) -> &'static str {
        match self {
            Progress::OnTrack => "progress.on-track",
            Progress::AccelerationNeeded => "progress.acceleration",
            Progress::Limited => "progress.limited",
            Progress::Deterioration => "progress.deterioration",
            Progress::UnableToAssess => "progress.unable",
            Progress::NotAssessed => "progress.na",
        }
    }
}

/// Progress of a series without a threshold, by Statistics Canada's method as adopted
/// by Open SDG ("Progress Measurement Methodology"): the base is the value of
/// [`BASE_YEAR`], or else the first one after it; the compound annual growth rate to
/// the latest value, signed by the series' direction, is compared with fixed rates:
/// [`PROGRESS_ON_TRACK`] and more is on track, [`PROGRESS_MADE`] and more is progress
/// needing acceleration, 0 and more is limited progress, less is deterioration. A zero
/// base is taken as 0.001 and all-negative values flip the direction, as the method
/// says. Two departures, both stricter: the trend's minimum of data applies
/// ([`MIN_TREND_POINTS`] values of one source over [`MIN_TREND_YEARS`] years, where the
/// method asks for two), and the method's scaling of the rates near a natural limit is
/// not applied, except that a share held at 100 % is on track.
pub fn progress(series: &Series, points: &[(i32, f64)]) -> Progress {
    if series.thresholds.is_some() || series.direction == Direction::Neutral {
        return Progress::NotAssessed;
    }
    let pts = by_year(points);
    let Some(first) = statcan_start(&pts) else {
        return Progress::UnableToAssess;
    };
    let used = &pts[first..];
    let (Some(&(t0, y0)), Some(&(t1, y1))) = (used.first(), used.last()) else {
        return Progress::UnableToAssess;
    };
    if used.len() < MIN_TREND_POINTS || t1 - t0 + 1 < MIN_TREND_YEARS {
        return Progress::UnableToAssess;
    }
    let mut d = if series.direction == Direction::HigherIsBetter {
        1.0
    } else {
        -1.0
    };
    let (mut y0, mut y1) = (y0, y1);
    if used.iter().all(|p| p.1 <= 0.0) && used.iter().any(|p| p.1 < 0.0) {
        d = -d;
        (y0, y1) = (-y0, -y1);
    } else if used.iter().any(|p| p.1 < 0.0) {
        return Progress::UnableToAssess;
    }
    let y0 = if y0 == 0.0 { 0.001 } else { y0 };
    let y1 = if y1 == 0.0 { 0.001 } else { y1 };
    let cagr = d * ((y1 / y0).powf(1.0 / f64::from(t1 - t0)) - 1.0);
    let at_limit = series.unit == "%" && d > 0.0 && y0 >= 100.0;
    if at_limit && cagr >= 0.0 {
        return Progress::OnTrack;
    }
    if cagr >= PROGRESS_ON_TRACK {
        Progress::OnTrack
    } else if cagr >= PROGRESS_MADE {
        Progress::AccelerationNeeded
    } else if cagr >= 0.0 {
        Progress::Limited
    } else {
        Progress::Deterioration
    }
}

/// A value as an integer count of 1e-9 units (saturating for absurd magnitudes).
fn decimal(v: f64) -> i128 {
    (v * 1e9).round() as i128
}

/// Units that count things (accidents, people) rather than measure a rate or share.
pub const COUNT_UNITS: [&str; 2] = ["accidents", "persons"];

/// Whether a series counts things: a count grows with a city's size, so ranking
/// cities on it says which is smallest, not which does best. Counts are never ranked.
pub fn is_count(series: &Series) -> bool {
    COUNT_UNITS.contains(&series.unit.as_str())
}

/// Competition ranks ("1, 2, 2, 4") of `values`, best first in the series' direction.
/// Returns, per input position, its rank (1-based). A neutral series ranks by value,
/// highest first.
pub fn ranks(direction: Direction, values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    let better = |a: f64, b: f64| -> Ordering {
        match direction {
            Direction::LowerIsBetter => a.total_cmp(&b),
            _ => b.total_cmp(&a),
        }
    };
    order.sort_by(|&i, &j| better(values[i], values[j]));
    let mut out = vec![0; values.len()];
    for (pos, &i) in order.iter().enumerate() {
        out[i] = if pos > 0 && values[order[pos - 1]] == values[i] {
            out[order[pos - 1]]
        } else {
            pos + 1
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::fixtures::pm25;

    fn transit() -> Series {
        Series {
            id: "transit".into(),
            direction: Direction::HigherIsBetter,
            unit: "%".into(),
            thresholds: Some(Thresholds {
                green: 90.0,
                yellow: 75.0,
                orange: 50.0,
                source: "test".into(),
            }),
            ..pm25()
        }
    }

    #[test]
    fn status_lower_is_better_edges() {
        let s = pm25();
        assert_eq!(status(&s, Some(10.0)), Status::Green);
        assert_eq!(status(&s, Some(10.01)), Status::Yellow);
        assert_eq!(status(&s, Some(15.0)), Status::Yellow);
        assert_eq!(status(&s, Some(25.0)), Status::Orange);
        assert_eq!(status(&s, Some(25.1)), Status::Red);
        assert_eq!(status(&s, None), Status::NoData);
        assert_eq!(status(&s, Some(f64::NAN)), Status::NoData);
    }

    #[test]
    fn bands_say_in_words_what_each_status_covers() {
        let p = pm25();
        let bands: Vec<Option<String>> = Status::ALL.iter().map(|&st| band(&p, st)).collect();
        let unit = &p.unit;
        assert_eq!(bands[0], Some(format!("≤ 10 {unit}")));
        assert_eq!(bands[1], Some(format!("10–15 {unit}")));
        assert_eq!(bands[3], Some(format!("> 25 {unit}")));
        assert_eq!((bands[4].clone(), bands[5].clone()), (None, None));
        assert_eq!(band(&transit(), Status::Green).as_deref(), Some("≥ 90 %"));
        assert_eq!(band(&transit(), Status::Orange).as_deref(), Some("50–75 %"));
        assert_eq!(
            band(
                &Series {
                    direction: Direction::Neutral,
                    ..p
                },
                Status::Green
            ),
            None
        );
    }

    #[test]
    fn status_higher_is_better_is_flipped() {
        let s = transit();
        assert_eq!(status(&s, Some(95.0)), Status::Green);
        assert_eq!(status(&s, Some(80.0)), Status::Yellow);
        assert_eq!(status(&s, Some(50.0)), Status::Orange);
        assert_eq!(status(&s, Some(10.0)), Status::Red);
    }

    #[test]
    fn status_without_thresholds_is_not_assessed() {
        let s = Series {
            thresholds: None,
            ..pm25()
        };
        assert_eq!(status(&s, Some(3.0)), Status::NotAssessed);
    }

    /// Two points with a third between them, one year before the end (the rule is on
    /// the start and the end; the middle point only makes the series long enough).
    fn mid(pts: [(i32, f64); 2]) -> Vec<(i32, f64)> {
        let [start, end] = pts;
        vec![start, (end.0 - 1, end.1), end]
    }

    #[test]
    fn trend_hand_worked_lower_is_better() {
        let s = pm25();
        // Start 2015 at 30, green 10: needs (30-10)/15 = 1.333/yr.
        // 2019 at 24: gained 6/4 = 1.5/yr -> ratio 1.125 -> on track.
        assert_eq!(
            trend(&s, &mid([(2015, 30.0), (2019, 24.0)])),
            Trend::OnTrack
        );
        // 2019 at 27: 0.75/yr -> ratio 0.5625 -> moderately improving.
        assert_eq!(
            trend(&s, &mid([(2015, 30.0), (2019, 27.0)])),
            Trend::ModeratelyImproving
        );
        // 2019 at 29: 0.25/yr -> 0.1875 -> stagnating.
        assert_eq!(
            trend(&s, &mid([(2015, 30.0), (2019, 29.0)])),
            Trend::Stagnating
        );
        // 2019 at 31: worse -> decreasing.
        assert_eq!(
            trend(&s, &mid([(2015, 30.0), (2019, 31.0)])),
            Trend::Decreasing
        );
    }

    #[test]
    fn trend_uses_latest_point_at_or_before_base_year() {
        let s = pm25();
        // Start = 2014 (40), end 2020 (28): 2/yr vs needed 30/15 (SDSN's fixed horizon)
        // = 2/yr -> exactly all of it -> on track.
        let pts = [(2012, 10.0), (2014, 40.0), (2020, 28.0), (2017, 35.0)];
        assert_eq!(trend(&s, &pts), Trend::OnTrack);
        // All points after the base year: start is the earliest.
        assert_eq!(
            trend(&s, &mid([(2018, 19.0), (2016, 20.0)])),
            Trend::ModeratelyImproving
        );
    }

    #[test]
    fn trend_higher_is_better_hand_worked() {
        let s = transit();
        // Start 2015 at 60, green 90: needs 2/yr. 2020 at 65: 1/yr -> 0.5 -> moderate.
        assert_eq!(
            trend(&s, &mid([(2015, 60.0), (2020, 65.0)])),
            Trend::ModeratelyImproving
        );
        // 2020 at 72: 2.4/yr -> on track.
        assert_eq!(
            trend(&s, &mid([(2015, 60.0), (2020, 72.0)])),
            Trend::OnTrack
        );
    }

    #[test]
    fn trend_green_held_is_on_track_and_lost_is_decreasing() {
        let s = pm25();
        assert_eq!(trend(&s, &mid([(2015, 8.0), (2019, 7.0)])), Trend::OnTrack);
        // SDSN: "maintaining SDG achievement", whatever happens above the threshold.
        assert_eq!(trend(&s, &mid([(2015, 6.0), (2019, 9.0)])), Trend::OnTrack);
        assert_eq!(trend(&s, &mid([(2015, 8.0), (2019, 9.5)])), Trend::OnTrack);
        assert_eq!(
            trend(&s, &mid([(2015, 8.0), (2019, 10.0)])),
            Trend::OnTrack,
            "the bound is green"
        );
        // Reached from above: on track too.
        assert_eq!(
            trend(&s, &mid([(2015, 30.0), (2019, 10.0)])),
            Trend::OnTrack
        );
        assert_eq!(
            trend(&s, &mid([(2015, 8.0), (2019, 12.0)])),
            Trend::Decreasing
        );
        assert_eq!(
            trend(&transit(), &mid([(2015, 95.0), (2020, 91.0)])),
            Trend::OnTrack
        );
        assert_eq!(
            trend(&transit(), &mid([(2015, 95.0), (2020, 89.0)])),
            Trend::Decreasing
        );
    }

    #[test]
    fn the_issue_case_exactly_half_is_moderately_improving() {
        // 10.1 in 2015 -> 10.09 in 2018: 0.01/3 per year; needed 0.1/15 per year:
        // exactly half.
        assert_eq!(
            trend(&pm25(), &mid([(2015, 10.1), (2018, 10.09)])),
            Trend::ModeratelyImproving
        );
    }

    /// Decimal inputs that sit exactly on 100 % or 50 % of the needed rate, in both
    /// directions, as the data gives them (parsed from decimal text): every one is
    /// counted as reaching the boundary.
    #[test]
    fn generated_boundary_cases_fall_on_the_upper_side() {
        let parse = |hundredths: i64| -> f64 {
            let sign = if hundredths < 0 { "-" } else { "" };
            let a = hundredths.abs();
            format!("{sign}{}.{:02}", a / 100, a % 100).parse().unwrap()
        };
        let mut cases = 0;
        for (series, green) in [(pm25(), 1000i64), (transit(), 9000)] {
            let lower = series.direction == Direction::LowerIsBetter;
            for y0 in [2010, 2012, 2015] {
                // The end must lie after the base year, or it would be the start.
                // Four calendar years at least, and room for a middle point after the
                // base year.
                for y1 in (BASE_YEAR + 2).max(y0 + MIN_TREND_YEARS - 1)..=2022 {
                    let (elapsed, left) = (i64::from(y1 - y0), i64::from(TARGET_YEAR - BASE_YEAR));
                    for gap in 1..=600 {
                        // Start `gap` hundredths short of green.
                        let start = if lower { green + gap } else { green - gap };
                        for (k2, want) in [(2, Trend::OnTrack), (1, Trend::ModeratelyImproving)] {
                            // gain * left == k/2 * gap * elapsed, in whole hundredths.
                            let num = k2 * gap * elapsed;
                            if num % (2 * left) != 0 {
                                continue;
                            }
                            let step = num / (2 * left);
                            let end = if lower { start - step } else { start + step };
                            let got = trend(&series, &mid([(y0, parse(start)), (y1, parse(end))]));
                            let reached = if lower { end <= green } else { end >= green };
                            let want = if reached { Trend::OnTrack } else { want };
                            assert_eq!(
                                got,
                                want,
                                "{} {y0}:{} -> {y1}:{}",
                                series.id,
                                parse(start),
                                parse(end)
                            );
                            cases += 1;
                        }
                    }
                }
            }
        }
        assert!(cases > 1000, "{cases} boundary cases");
    }

    #[test]
    fn trend_needs_three_points_over_four_years() {
        let s = pm25();
        assert_eq!(trend(&s, &[]), Trend::NoTrendData);
        assert_eq!(trend(&s, &[(2019, 20.0)]), Trend::NoTrendData);
        assert_eq!(trend(&s, &[(2019, 20.0), (2019, 21.0)]), Trend::NoTrendData);
        // One year-to-year change, however far apart: too little.
        assert_eq!(trend(&s, &[(2015, 30.0), (2022, 12.0)]), Trend::NoTrendData);
        // Three points over three calendar years: too little.
        let short = [(2017, 30.0), (2018, 25.0), (2019, 12.0)];
        assert_eq!(trend(&s, &short), Trend::NoTrendData);
        // Three points over four: judged.
        let four = [(2016, 30.0), (2018, 25.0), (2019, 20.0)];
        assert_eq!(trend(&s, &four), Trend::OnTrack);
        // Points before the start do not count towards the three.
        let early = [(2010, 40.0), (2012, 38.0), (2015, 30.0), (2019, 20.0)];
        assert_eq!(trend(&s, &early), Trend::NoTrendData);
        // A value in green still needs the data to say so as a trend.
        assert_eq!(trend(&s, &[(2018, 12.0), (2019, 8.0)]), Trend::NoTrendData);
    }

    #[test]
    fn ranks_are_competition_ranks_in_the_good_direction() {
        assert_eq!(
            ranks(Direction::LowerIsBetter, &[30.0, 10.0, 20.0, 10.0]),
            vec![4, 1, 3, 1]
        );
        assert_eq!(
            ranks(Direction::HigherIsBetter, &[30.0, 10.0, 20.0]),
            vec![1, 3, 2]
        );
        assert!(ranks(Direction::HigherIsBetter, &[]).is_empty());
    }

    fn open_space() -> Series {
        Series {
            thresholds: None,
            ..transit()
        }
    }

    #[test]
    fn progress_by_compound_growth_against_fixed_rates() {
        let up = open_space();
        // 20 -> 22 over 2015-2019: (1.1)^(1/4) - 1 = 2.41 %/yr: on track.
        let pts = [(2015, 20.0), (2017, 21.0), (2019, 22.0)];
        assert_eq!(progress(&up, &pts), Progress::OnTrack);
        // 20 -> 20.6: 0.74 %/yr: acceleration needed.
        let pts = [(2015, 20.0), (2017, 20.3), (2019, 20.6)];
        assert_eq!(progress(&up, &pts), Progress::AccelerationNeeded);
        // 20 -> 20.2: 0.25 %/yr: limited.
        let pts = [(2015, 20.0), (2017, 20.1), (2019, 20.2)];
        assert_eq!(progress(&up, &pts), Progress::Limited);
        let pts = [(2015, 20.0), (2017, 19.0), (2019, 18.0)];
        assert_eq!(progress(&up, &pts), Progress::Deterioration);
        // Lower is better: a fall is progress.
        let down = Series {
            direction: Direction::LowerIsBetter,
            unit: "min".into(),
            ..open_space()
        };
        let pts = [(2015, 40.0), (2017, 38.0), (2019, 36.0)];
        assert_eq!(progress(&down, &pts), Progress::OnTrack);
    }

    #[test]
    fn progress_starts_in_2015_or_after_and_needs_the_trends_data() {
        let up = open_space();
        // Base 2015 (not 2010's 10): 20 -> 22.
        let pts = [(2010, 10.0), (2015, 20.0), (2017, 21.0), (2019, 22.0)];
        assert_eq!(progress(&up, &pts), Progress::OnTrack);
        // No 2015: the first year after it.
        let pts = [(2012, 10.0), (2016, 20.0), (2018, 20.1), (2020, 20.2)];
        assert_eq!(progress(&up, &pts), Progress::Limited);
        // Before 2015 only, or too few values after: unable to assess.
        let pts = [(2010, 10.0), (2012, 11.0), (2014, 12.0)];
        assert_eq!(progress(&up, &pts), Progress::UnableToAssess);
        assert_eq!(
            progress(&up, &[(2015, 20.0), (2019, 22.0)]),
            Progress::UnableToAssess
        );
        // Values of both signs do not fit a growth rate.
        let pts = [(2015, -1.0), (2017, 1.0), (2019, 2.0)];
        assert_eq!(progress(&up, &pts), Progress::UnableToAssess);
    }

    #[test]
    fn progress_at_the_natural_limit_and_for_judged_series() {
        // A share held at 100 % is on track; falling from it is not.
        let up = open_space();
        let pts = [(2015, 100.0), (2017, 100.0), (2019, 100.0)];
        assert_eq!(progress(&up, &pts), Progress::OnTrack);
        let pts = [(2015, 100.0), (2017, 99.0), (2019, 98.0)];
        assert_eq!(progress(&up, &pts), Progress::Deterioration);
        // A series with thresholds is the SDSN trend's; a neutral one is nobody's.
        let pts = [(2015, 30.0), (2017, 25.0), (2019, 20.0)];
        assert_eq!(progress(&pm25(), &pts), Progress::NotAssessed);
        let neutral = Series {
            direction: Direction::Neutral,
            ..open_space()
        };
        assert_eq!(progress(&neutral, &pts), Progress::NotAssessed);
    }

    #[test]
    fn counts_are_told_from_rates() {
        let mut s = pm25();
        assert!(!is_count(&s));
        s.unit = "accidents".into();
        assert!(is_count(&s));
        s.unit = "per 100,000".into();
        assert!(!is_count(&s));
    }

    #[test]
    fn status_keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
        assert_eq!(Status::from_key("purple"), None);
    }

    #[test]
    fn a_local_target_becomes_green_and_keeps_the_bands_beyond_it() {
        let pm = pm25();
        let local = local_series(&pm, 15.0, "local");
        let t = local.thresholds.as_ref().unwrap();
        // PM2.5's bands are 10 / 15 / 25: a 15 target moves green and the yellow band to 15.
        assert_eq!((t.green, t.yellow, t.orange), (15.0, 15.0, 25.0));
        assert_eq!(status(&local, Some(14.0)), Status::Green);
        assert_eq!(status(&pm, Some(14.0)), Status::Yellow);
        assert_eq!(status(&local, Some(20.0)), Status::Orange);
        // The trend aims at the local target: from 26 (2015) to 20 (2022) is 6 of the
        // 11 needed to reach 15 by 2030 over 7 of 15 years: on track; towards the
        // default 10 it is only moderately improving.
        let pts = mid([(2015, 26.0), (2022, 20.0)]);
        assert_eq!(trend(&local, &pts), Trend::OnTrack);
        assert_eq!(trend(&pm, &pts), Trend::ModeratelyImproving);
        let mut bare = transit();
        bare.thresholds = None;
        let local = local_series(&bare, 60.0, "local");
        assert_eq!(status(&local, Some(61.0)), Status::Green);
        assert_eq!(status(&local, Some(59.0)), Status::Red, "met or not");
        let mut neutral = pm25();
        neutral.direction = Direction::Neutral;
        assert_eq!(
            status(&local_series(&neutral, 1.0, "x"), Some(1.0)),
            Status::NotAssessed
        );
    }
}
