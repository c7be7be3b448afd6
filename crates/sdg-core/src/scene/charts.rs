//! The charts' specs: cities over time with their countries as context, the ranking of
//! the selection (both ends), and the scatter against population or another series;
//! plus the words a focused point reads and the rows of each chart's table view.

use crate::chart::{Kind, SeriesData, Spec};
use crate::i18n::{format_int, format_value, text, Lang};
use crate::model::{Gazetteer, Series};
use crate::query::SeriesTables;
use crate::scene::Row;
use crate::url_state::COMPARE_LIMIT;

/// Colours of the compared cities (colour-blind safe Okabe–Ito palette), one per city
/// up to [`COMPARE_LIMIT`].
pub const PALETTE: [&str; COMPARE_LIMIT] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442",
];
/// Colour of the country context lines.
pub const CONTEXT_COLOR: &str = "#888888";
/// Bars shown at each end of the ranking.
pub const RANK_N: usize = 10;
/// Cities drawn over time when none are chosen: the most populous with a value.
pub const DEFAULT_LINES: usize = 5;
/// Width of every chart.
pub const CHART_WIDTH: u32 = 760;
/// Height of the line and scatter charts.
pub const CHART_HEIGHT: u32 = 340;

/// The cities of the chart over time: the compared ones, or else the most populous
/// of the selection that have a value.
pub fn chart_cities(rows: &[Row], compared: &[String]) -> Vec<String> {
    if !compared.is_empty() {
        return compared.iter().take(COMPARE_LIMIT).cloned().collect();
    }
    let mut with_values: Vec<&Row> = rows.iter().filter(|r| r.latest.is_some()).collect();
    with_values.sort_by_key(|r| std::cmp::Reverse(r.city.population));
    with_values
        .into_iter()
        .take(DEFAULT_LINES)
        .map(|r| r.city.id.clone())
        .collect()
}

/// Points of a place within the year range, and where its source changes: the
/// indices of the points that begin another source's run (a change of source or
/// method is a break, drawn as a gap in the line, never joined).
fn points_in(
    tables: Option<(&crate::model::ObservationTable, &crate::query::SeriesIndex)>,
    place: &str,
    from: Option<i32>,
    to: Option<i32>,
) -> (Vec<(f64, f64)>, Vec<usize>) {
    let Some((t, i)) = tables else {
        return (Vec::new(), Vec::new());
    };
    let kept: Vec<(i32, f64, u16)> = i
        .points_with_source(t, place)
        .into_iter()
        .filter(|(y, _, _)| from.is_none_or(|f| *y >= f) && to.is_none_or(|l| *y <= l))
        .collect();
    let breaks = (1..kept.len())
        .filter(|&k| kept[k].2 != kept[k - 1].2)
        .collect();
    let points = kept.iter().map(|&(y, v, _)| (f64::from(y), v)).collect();
    (points, breaks)
}

/// The chart over time: one line per city, then one dashed context line per country
/// of those cities that has values.
pub fn lines_spec(
    cities: &[String],
    gazetteer: &Gazetteer,
    series: &Series,
    tables: &SeriesTables,
    range: (Option<i32>, Option<i32>),
    lang: Lang,
) -> Spec {
    let (from, to) = range;
    let mut data = Vec::new();
    let mut countries: Vec<&str> = Vec::new();
    for id in cities {
        let Some(city) = gazetteer.city(id) else {
            continue;
        };
        let (points, breaks) = points_in(tables.city(), id, from, to);
        data.push(SeriesData {
            label: city.name(lang).to_string(),
            color: PALETTE[data.len() % PALETTE.len()].into(),
            points,
            context: false,
            breaks,
        });
        if !countries.contains(&city.country.as_str()) {
            countries.push(&city.country);
        }
    }
    for iso3 in countries {
        let (points, breaks) = points_in(tables.country(), iso3, from, to);
        if points.is_empty() {
            continue;
        }
        let name = gazetteer.country(iso3).map_or(iso3, |c| c.name(lang));
        data.push(SeriesData {
            label: format!("{name} ({})", text(lang, "chart.country")),
            color: CONTEXT_COLOR.into(),
            points,
            context: true,
            breaks,
        });
    }
    Spec {
        kind: Kind::Lines,
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        x_title: text(lang, "col.year").into(),
        y_title: series.unit.clone(),
        series: data,
        bar_labels: vec![],
        x_log: false,
        marks: vec![],
    }
}

/// The dated actions of `cities` on `target`, as marks of the chart over time, oldest
/// first: each says its year, its title in `lang` and who acted.
pub fn action_marks(
    pack: &crate::model::ActionsPack,
    cities: &[String],
    target: &str,
    lang: Lang,
) -> Vec<crate::chart::Mark> {
    let mut found: Vec<&crate::model::LocalAction> = pack
        .actions
        .iter()
        .filter(|a| a.year.is_some() && a.targets.iter().any(|t| t == target))
        .filter(|a| a.places.iter().any(|p| cities.contains(p)))
        .collect();
    found.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.id.cmp(&b.id)));
    found
        .into_iter()
        .filter_map(|a| {
            let year = a.year?;
            Some(crate::chart::Mark {
                x: f64::from(year),
                id: a.id.clone(),
                label: format!("{year}: {} ({})", a.title.get(lang), a.label),
            })
        })
        .collect()
}

/// The ranking: the selection's values, highest first; with more than twice
/// [`RANK_N`] cities, only the top and bottom [`RANK_N`].
pub fn ranking_spec(rows: &[Row], series: &Series, lang: Lang) -> Spec {
    let mut ranked: Vec<(&Row, f64)> = rows.iter().filter_map(|r| Some((r, r.value()?))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    if ranked.len() > 2 * RANK_N {
        ranked.drain(RANK_N..ranked.len() - RANK_N);
    }
    let labels: Vec<String> = ranked
        .iter()
        .map(|(r, _)| r.city.name(lang).to_string())
        .collect();
    Spec {
        kind: Kind::Bars,
        width: CHART_WIDTH,
        height: (24 * labels.len() as u32).max(120) + 50,
        x_title: String::new(),
        y_title: series.unit.clone(),
        series: vec![SeriesData {
            label: series.title(lang).to_string(),
            color: "#fd9d24".into(),
            points: ranked
                .iter()
                .enumerate()
                .map(|(k, (_, v))| (k as f64, *v))
                .collect(),
            context: false,
            breaks: Vec::new(),
        }],
        bar_labels: labels,
        x_log: false,
        marks: vec![],
    }
}

/// What the scatter's x axis shows.
pub enum ScatterX<'a> {
    /// City population, on a log scale.
    Population,
    /// Another series' value for the same city (latest at or before the year).
    Series(&'a Series, &'a SeriesTables),
}

/// The scatter of the selection: the series' value against the x quantity, for the
/// cities that have both.
pub fn scatter_spec(
    rows: &[Row],
    series: &Series,
    x: ScatterX<'_>,
    year: Option<i32>,
    lang: Lang,
) -> Spec {
    let mut labels = Vec::new();
    let mut points = Vec::new();
    let (x_title, x_log) = match x {
        ScatterX::Population => {
            for r in rows {
                if let (Some(y), Some(p)) = (r.value(), r.city.population) {
                    labels.push(r.city.name(lang).to_string());
                    points.push(((p.max(1) as f64).log10(), y));
                }
            }
            (text(lang, "chart.log-population").to_string(), true)
        }
        ScatterX::Series(other, tables) => {
            for r in rows {
                let x = tables
                    .city()
                    .and_then(|(t, i)| i.latest(t, &r.city.id, year));
                if let (Some(y), Some(x)) = (r.value(), x) {
                    labels.push(r.city.name(lang).to_string());
                    points.push((x.value, y));
                }
            }
            (format!("{} ({})", other.title(lang), other.unit), false)
        }
    };
    Spec {
        kind: Kind::Scatter,
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        x_title,
        y_title: series.unit.clone(),
        series: vec![SeriesData {
            label: series.title(lang).to_string(),
            color: "#0072b2".into(),
            points,
            context: false,
            breaks: Vec::new(),
        }],
        bar_labels: labels,
        x_log,
        marks: vec![],
    }
}

/// How an x value reads in the chart's table and readout.
fn x_text(spec: &Spec, x: f64) -> String {
    match spec.kind {
        Kind::Lines => format!("{x:.0}"),
        Kind::Bars => format!("#{}", x as usize + 1),
        Kind::Scatter if spec.x_log => format_int(10f64.powf(x).round() as u64),
        Kind::Scatter => format_value(x),
    }
}

/// The name a point belongs to: the line's label, or the bar's or dot's city.
fn point_name(spec: &Spec, series: usize, point: usize) -> String {
    match spec.kind {
        Kind::Lines => spec.series.get(series).map(|s| s.label.clone()),
        _ => spec.bar_labels.get(point).cloned(),
    }
    .unwrap_or_default()
}

/// What a focused (hovered or keyboard-stepped) point reads.
pub fn point_label(
    spec: &Spec,
    (series, point): (usize, usize),
    unit: &str,
    lang: Lang,
) -> Option<String> {
    let (x, y) = *spec.series.get(series)?.points.get(point)?;
    let name = point_name(spec, series, point);
    let value = format!("{} {unit}", format_value(y));
    Some(match spec.kind {
        Kind::Lines => format!("{name}: {value} ({})", x_text(spec, x)),
        Kind::Bars => format!("{name}: {value}"),
        Kind::Scatter if spec.x_log => format!(
            "{name}: {value}, {} {}",
            x_text(spec, x),
            text(lang, "col.population")
        ),
        Kind::Scatter => format!("{name}: {value}; {}: {}", spec.x_title, x_text(spec, x)),
    })
}

/// The chart as table rows `(name, x, value)`, in drawing order.
pub fn table_rows(spec: &Spec) -> Vec<(String, String, String)> {
    spec.series
        .iter()
        .enumerate()
        .flat_map(|(s, series)| {
            series.points.iter().enumerate().map(move |(p, (x, y))| {
                (point_name(spec, s, p), x_text(spec, *x), format_value(*y))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::rows::fixture::*;

    #[test]
    fn compared_cities_win_over_the_largest_ones() {
        let rows = rows();
        assert_eq!(
            chart_cities(&rows, &[]),
            vec!["kr-11", "jp-1", "kr-21", "kr-22"]
        );
        let many: Vec<String> = (0..12).map(|i| format!("c{i}")).collect();
        assert_eq!(chart_cities(&rows, &many).len(), COMPARE_LIMIT);
        assert_eq!(chart_cities(&rows, &["kr-21".into()]), vec!["kr-21"]);
    }

    #[test]
    fn lines_have_one_series_per_city_and_a_dashed_country_context() {
        let gz = gazetteer();
        let ids = vec![
            "kr-11".to_string(),
            "kr-21".to_string(),
            "atlantis".to_string(),
        ];
        let spec = lines_spec(&ids, &gz, &pm25(), &pm25_tables(), (None, None), Lang::Ko);
        let labels: Vec<&str> = spec.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["서울특별시", "부산광역시", "South Korea (국가)"]
        );
        assert_eq!(spec.series[0].points, vec![(2015.0, 26.0), (2019.0, 20.0)]);
        assert!(spec.series[2].context && !spec.series[0].context);
        assert_eq!(spec.series[2].color, CONTEXT_COLOR);
        assert_eq!(spec.series[1].color, PALETTE[1]);
        let recent = lines_spec(
            &ids,
            &gz,
            &pm25(),
            &pm25_tables(),
            (Some(2016), None),
            Lang::En,
        );
        assert_eq!(recent.series[0].points, vec![(2019.0, 20.0)]);
        assert_eq!(recent.x_title, "Year");
    }

    #[test]
    fn the_ranking_keeps_both_ends_of_a_long_selection() {
        let rows = rows();
        let spec = ranking_spec(&rows, &pm25(), Lang::En);
        assert_eq!(spec.bar_labels, vec!["Daegu", "Seoul", "Tokyo", "Busan"]);
        assert_eq!(spec.series[0].points[0], (0.0, 30.0));
        let long: Vec<Row> = (0..30)
            .map(|i| {
                let mut r = rows[0].clone();
                r.latest = r.latest.map(|mut l| {
                    l.value = f64::from(i);
                    l
                });
                r
            })
            .collect();
        let spec = ranking_spec(&long, &pm25(), Lang::En);
        let values: Vec<f64> = spec.series[0].points.iter().map(|p| p.1).collect();
        assert_eq!(values.len(), 2 * RANK_N);
        assert_eq!(
            (values[0], values[RANK_N - 1], values[RANK_N]),
            (29.0, 20.0, 9.0)
        );
    }

    #[test]
    fn the_scatter_pairs_each_city_with_its_other_value() {
        let rows = rows();
        let pop = scatter_spec(&rows, &pm25(), ScatterX::Population, None, Lang::En);
        assert!(pop.x_log);
        assert_eq!(pop.series[0].points.len(), 4);
        assert_eq!(pop.series[0].points[1], (7.0, 20.0), "Seoul: 10 million");
        let other = open_space();
        let tables = tables(
            "open-space",
            &[("kr-11", 2018, 5.0), ("kr-22", 2020, 8.0)],
            &[],
        );
        let spec = scatter_spec(
            &rows,
            &pm25(),
            ScatterX::Series(&other, &tables),
            Some(2019),
            Lang::En,
        );
        assert_eq!(
            spec.bar_labels,
            vec!["Seoul"],
            "Daegu's value is after 2019"
        );
        assert_eq!(spec.series[0].points, vec![(5.0, 20.0)]);
        assert_eq!(spec.x_title, "Open space (%)");
    }

    #[test]
    fn a_citys_dated_actions_on_the_target_are_its_chart_marks_oldest_first() {
        use crate::actions::tests::{action, pack};
        let mut p = pack();
        p.actions = vec![
            action("LA3", "Seoul", &["kr-11"], Some(2019), &["11.6"], "waste"),
            action(
                "LA1",
                "Seoul",
                &["kr-11"],
                Some(2016),
                &["11.2", "11.6"],
                "transport",
            ),
            action("LA2", "Seoul", &["kr-11"], None, &["11.6"], "waste"),
            action("LA4", "Busan", &["kr-21"], Some(2017), &["11.6"], "waste"),
            action("LA5", "Seoul", &["kr-11"], Some(2017), &["11.3"], "waste"),
        ];
        let marks = action_marks(&p, &["kr-11".to_string()], "11.6", Lang::En);
        let ids: Vec<&str> = marks.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, vec!["LA1", "LA3"], "dated, on 11.6, of Seoul");
        assert_eq!(marks[0].x, 2016.0);
        assert!(
            marks[0].label.starts_with("2016: ") && marks[0].label.ends_with("(Seoul)"),
            "{}",
            marks[0].label
        );
    }

    #[test]
    fn points_read_as_words_and_rows() {
        let rows = rows();
        let gz = gazetteer();
        let lines = lines_spec(
            &["kr-11".into()],
            &gz,
            &pm25(),
            &pm25_tables(),
            (None, None),
            Lang::En,
        );
        assert_eq!(
            point_label(&lines, (0, 1), "µg/m³", Lang::En).unwrap(),
            "Seoul: 20 µg/m³ (2019)"
        );
        assert_eq!(point_label(&lines, (5, 0), "µg/m³", Lang::En), None);
        let pop = scatter_spec(&rows, &pm25(), ScatterX::Population, None, Lang::En);
        assert_eq!(
            point_label(&pop, (0, 1), "µg/m³", Lang::En).unwrap(),
            "Seoul: 20 µg/m³, 10,000,000 Population"
        );
        let bars = ranking_spec(&rows, &pm25(), Lang::En);
        assert_eq!(
            table_rows(&bars)[0],
            ("Daegu".into(), "#1".into(), "30".into())
        );
        assert_eq!(
            table_rows(&lines)[0],
            ("Seoul".into(), "2015".into(), "26".into())
        );
    }
}
