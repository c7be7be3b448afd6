//! The indicator page's statistics of the selection: leaders and laggards, the count
//! per status, and the distribution of values.

use crate::assess::Status;
use crate::model::{Direction, Series};
use crate::profile::{histogram, status_counts};
use crate::scene::Row;

/// Cities listed at each end.
pub const ENDS: usize = 5;
/// Bins of the distribution.
pub const BINS: usize = 10;

/// The two lists of the page, each with the message key of its heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Ends {
    /// Heading key and cities of the first list (leaders, or highest values).
    pub first: (&'static str, Vec<Row>),
    /// Heading key and cities of the second list (laggards, or lowest values).
    pub second: (&'static str, Vec<Row>),
}

/// Leaders (best first) and laggards (worst first) in the series' direction; a neutral
/// series has no better or worse, so it lists the highest and the lowest values.
pub fn ends(rows: &[Row], series: &Series) -> Ends {
    let mut ranked: Vec<(&Row, f64)> = rows.iter().filter_map(|r| Some((r, r.value()?))).collect();
    // Highest first; stable for ties.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top = |it: &mut dyn Iterator<Item = &(&Row, f64)>| -> Vec<Row> {
        it.take(ENDS).map(|(r, _)| (*r).clone()).collect()
    };
    let highest = top(&mut ranked.iter());
    let lowest = top(&mut ranked.iter().rev());
    match series.direction {
        Direction::HigherIsBetter => Ends {
            first: ("indicator.leaders", highest),
            second: ("indicator.laggards", lowest),
        },
        Direction::LowerIsBetter => Ends {
            first: ("indicator.leaders", lowest),
            second: ("indicator.laggards", highest),
        },
        Direction::Neutral => Ends {
            first: ("indicator.highest", highest),
            second: ("indicator.lowest", lowest),
        },
    }
}

/// Counts per status of the selection's values (zeros left out).
pub fn status_summary(rows: &[Row]) -> Vec<(Status, usize)> {
    // Each row's own status: it already reflects a local target.
    status_counts(
        rows.iter()
            .filter(|r| r.value().is_some())
            .map(|r| r.status),
    )
}

/// The distribution of the selection's values: `(from, to, count, share of the
/// fullest bin)`.
pub fn distribution(rows: &[Row]) -> Vec<(f64, f64, usize, f64)> {
    let values: Vec<f64> = rows.iter().filter_map(Row::value).collect();
    let bins = histogram(&values, BINS);
    let max = bins.iter().map(|b| b.2).max().unwrap_or(1).max(1);
    bins.into_iter()
        .map(|(a, b, n)| (a, b, n, n as f64 / max as f64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::rows::fixture::*;

    fn ids(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.city.id.as_str()).collect()
    }

    #[test]
    fn leaders_follow_the_series_direction() {
        let rows = rows();
        let pm = ends(&rows, &pm25());
        assert_eq!(pm.first.0, "indicator.leaders");
        assert_eq!(
            ids(&pm.first.1),
            vec!["kr-21", "jp-1", "kr-11", "kr-22"],
            "lowest PM2.5 leads"
        );
        assert_eq!(ids(&pm.second.1)[0], "kr-22");
        let open = ends(&rows, &open_space());
        assert_eq!(ids(&open.first.1)[0], "kr-22", "more open space leads");
        let mut neutral = pm25();
        neutral.direction = Direction::Neutral;
        let n = ends(&rows, &neutral);
        assert_eq!(
            (n.first.0, n.second.0),
            ("indicator.highest", "indicator.lowest")
        );
        assert_eq!(ids(&n.first.1)[0], "kr-22");
    }

    #[test]
    fn statuses_and_distribution_of_the_selection() {
        let rows = rows();
        assert_eq!(
            status_summary(&rows),
            vec![
                (Status::Green, 1),
                (Status::Yellow, 1),
                (Status::Orange, 1),
                (Status::Red, 1)
            ]
        );
        let d = distribution(&rows);
        assert_eq!(d.len(), BINS);
        assert_eq!(d.iter().map(|b| b.2).sum::<usize>(), 4);
        assert!(d.iter().any(|b| b.3 == 1.0));
        assert!(distribution(&[]).is_empty());
    }
}
