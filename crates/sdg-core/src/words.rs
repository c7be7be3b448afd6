//! Words for every chart and profile row: from the data, in the interface language,
//! the latest value and year, the change since the judgement's base year (see
//! [`crate::assess::base_point`]), the status and
//! trend (or progress) in words, and the rank among the subregion's cities.
//!
//! The sentences are the charts' accessible descriptions and appear on the profile,
//! in the report and in the kiosk's captions. Each part is one message per language
//! (`words.*`), so a language that adds a message file says them too.

use crate::assess::{Progress, Status, Trend};
use crate::i18n::{fill, format_int, format_value, Lang};
use crate::lists::subregion_name;
use crate::model::{City, Framework, Gazetteer, LocalAction, Series};
use crate::profile::{profile_row, ProfileRow};
use crate::query::SeriesTables;
use crate::scene::Row;
use crate::style::{judgement_label, status_key};
use crate::url_state::View;

/// How a series moved from the first year shown to the latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// One year only: nothing to compare.
    Single,
    /// Lower than in the first year.
    Fell,
    /// Higher than in the first year.
    Rose,
    /// The same, as written (to the precision shown).
    Held,
}

impl Change {
    /// The message of the sentence that says it.
    fn key(self) -> &'static str {
        match self {
            Change::Single => "words.level",
            Change::Fell => "words.fell",
            Change::Rose => "words.rose",
            Change::Held => "words.held",
        }
    }
}

/// A series title inside a sentence: in English its first letter is lower-cased when
/// it only starts the title ("Annual mean PM2.5" → "annual mean PM2.5"), never in an
/// acronym ("PM2.5" stays); other languages are left as they are.
fn in_sentence(title: &str, lang: Lang) -> String {
    let mut chars = title.chars();
    match (lang, chars.next(), chars.next()) {
        (Lang::En, Some(first), Some(second))
            if first.is_ascii_uppercase() && second.is_ascii_lowercase() =>
        {
            let mut out = String::with_capacity(title.len());
            out.push(first.to_ascii_lowercase());
            out.push_str(&title[1..]);
            out
        }
        _ => title.to_string(),
    }
}

/// The change between the first point and the latest: values equal as written are
/// "held", so the words never claim a change the page does not show.
pub fn change(first: (i32, f64), latest: (i32, f64)) -> Change {
    if first.0 >= latest.0 {
        return Change::Single;
    }
    match (format_value(first.1), format_value(latest.1)) {
        (a, b) if a == b => Change::Held,
        _ if latest.1 < first.1 => Change::Fell,
        _ => Change::Rose,
    }
}

/// A value with its unit, as the sentences write it ("18.4 µg/m³", "45 %").
fn with_unit(value: f64, unit: &str) -> String {
    match unit.trim() {
        "" => format_value(value),
        unit => format!("{} {unit}", format_value(value)),
    }
}

/// The sentences of one profile row (the city's series over time), in `lang`. Empty
/// when the row has no value.
pub fn row_words(
    city: &City,
    series: &Series,
    row: &ProfileRow,
    gazetteer: &Gazetteer,
    lang: Lang,
) -> String {
    let Some(latest) = row.latest else {
        return String::new();
    };
    let first = row.base.unwrap_or((latest.year, latest.value));
    let how = change(first, (latest.year, latest.value));
    let (year, base_year) = (latest.year.to_string(), first.0.to_string());
    let (value, base) = (
        with_unit(latest.value, &series.unit),
        with_unit(first.1, &series.unit),
    );
    let mut out = vec![fill(
        lang,
        how.key(),
        &[
            ("city", city.name(lang)),
            ("series", &in_sentence(series.title(lang), lang)),
            ("value", &value),
            ("year", &year),
            ("base", &base),
            ("base_year", &base_year),
        ],
    )];
    out.push(judgement_words(row.status, row.trend, row.progress, lang));
    if let Some((rank, of)) = row.rank.filter(|(_, of)| *of > 1) {
        let subregion = gazetteer
            .country(&city.country)
            .map(|c| subregion_name(&c.subregion, lang))
            .unwrap_or_default();
        out.push(fill(
            lang,
            "words.rank",
            &[
                ("rank", &format_int(rank as u64)),
                ("n", &format_int(of as u64)),
                ("subregion", subregion),
            ],
        ));
    }
    out.into_iter()
        .filter(|s| !s.is_empty())
        .reduce(|a, b| fill(lang, "words.join", &[("a", &a), ("b", &b)]))
        .unwrap_or_default()
}

/// The words of the chart over time: one sentence group per city drawn (as the
/// profile says them), in `lang`. Cities without a value say nothing.
pub fn lines_words(
    cities: &[String],
    gazetteer: &Gazetteer,
    series: &Series,
    tables: &SeriesTables,
    lang: Lang,
) -> Vec<String> {
    cities
        .iter()
        .filter_map(|id| {
            let city = gazetteer.city(id)?;
            let judged = tables.judged(series, id);
            let row = profile_row(judged, city, gazetteer, tables.city(), tables.country());
            Some(row_words(city, judged, &row, gazetteer, lang)).filter(|w| !w.is_empty())
        })
        .collect()
}

/// What a city's series did around an action's year: its value in the year or the
/// last before it, and its latest after it. `None` without values on both sides.
pub fn around_words(
    city: &City,
    series: &Series,
    points: &[(i32, f64)],
    year: i32,
    lang: Lang,
) -> Option<String> {
    let before = points.iter().rev().find(|p| p.0 <= year)?;
    let after = points.iter().rev().find(|p| p.0 > year)?;
    Some(fill(
        lang,
        "words.around",
        &[
            ("city", city.name(lang)),
            ("series", &in_sentence(series.title(lang), lang)),
            ("before", &with_unit(before.1, &series.unit)),
            ("before_year", &before.0.to_string()),
            ("after", &with_unit(after.1, &series.unit)),
            ("after_year", &after.0.to_string()),
            ("year", &year.to_string()),
        ],
    ))
}

/// The words of an action's card about its place's figures around the action's year:
/// one sentence per series of the action's targets with values on both sides (see
/// [`around_words`]). `tables_of` gives a series' loaded tables.
pub fn around_action<T: std::ops::Deref<Target = SeriesTables>>(
    action: &LocalAction,
    city: &City,
    framework: &Framework,
    tables_of: impl Fn(&str) -> Option<T>,
    lang: Lang,
) -> Vec<String> {
    let Some(year) = action.year else {
        return Vec::new();
    };
    framework
        .series_on(&action.targets)
        .filter_map(|s| {
            let tables = tables_of(&s.id)?;
            let (t, i) = tables.city()?;
            around_words(city, s, &i.points(t, &city.id), year, lang)
        })
        .collect()
}

/// The words under a kiosk's caption: for a view of many cities (the map, the charts,
/// the table), what its ranking says of the cities shown; other views say their own
/// words on the page (a profile its rows, an action its figures around it).
pub fn kiosk_words(view: View, rows: &[Row], series: &Series, lang: Lang) -> Vec<String> {
    match view {
        View::Map | View::Chart | View::Table => ranking_words(rows, series, lang),
        _ => Vec::new(),
    }
}

/// The words of the ranking: how many cities have a value, the highest and the
/// lowest with their values, and, for a series with sourced thresholds, how many face
/// major challenges and how many reached the goal. Empty without values.
pub fn ranking_words(rows: &[Row], series: &Series, lang: Lang) -> Vec<String> {
    let valued: Vec<(&Row, f64)> = rows.iter().filter_map(|r| Some((r, r.value()?))).collect();
    let (Some(high), Some(low)) = (
        valued.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
        valued.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
    ) else {
        return Vec::new();
    };
    let mut out = vec![fill(
        lang,
        "words.ranking",
        &[
            ("n", &format_int(valued.len() as u64)),
            ("series", &in_sentence(series.title(lang), lang)),
            ("high", high.0.city.name(lang)),
            ("high_value", &with_unit(high.1, &series.unit)),
            ("low", low.0.city.name(lang)),
            ("low_value", &with_unit(low.1, &series.unit)),
        ],
    )];
    if series.thresholds.is_some() {
        let count = |s: Status| valued.iter().filter(|(r, _)| r.status == s).count() as u64;
        out.push(fill(
            lang,
            "words.ranking-status",
            &[
                ("red", &format_int(count(Status::Red))),
                ("green", &format_int(count(Status::Green))),
            ],
        ));
    }
    out
}

/// The words of the scatter: what each dot is and how many there are.
pub fn scatter_words(dots: usize, series: &Series, against: &str, lang: Lang) -> Vec<String> {
    if dots == 0 {
        return Vec::new();
    }
    vec![fill(
        lang,
        "words.scatter",
        &[
            ("n", &format_int(dots as u64)),
            ("series", &in_sentence(series.title(lang), lang)),
            ("against", against),
        ],
    )]
}

/// The status and the judgement over time in words: the SDSN status and trend where
/// the series has sourced thresholds, else its progress (Statistics Canada's method),
/// else that no rule judges it.
pub fn judgement_words(status: Status, trend: Trend, progress: Progress, lang: Lang) -> String {
    match status {
        Status::NoData => String::new(),
        Status::NotAssessed if progress == Progress::NotAssessed => {
            fill(lang, "words.not-judged", &[])
        }
        Status::NotAssessed => {
            let (key, _) = judgement_label(trend, progress);
            fill(
                lang,
                "words.progress",
                &[("progress", crate::i18n::text(lang, key))],
            )
        }
        _ => {
            let (key, _) = judgement_label(trend, progress);
            fill(
                lang,
                "words.judged",
                &[
                    ("status", crate::i18n::text(lang, status_key(status))),
                    ("trend", crate::i18n::text(lang, key)),
                ],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Latest;

    fn row(
        points: &[(i32, f64)],
        status: Status,
        trend: Trend,
        rank: Option<(usize, usize)>,
    ) -> ProfileRow {
        let &(year, value) = points.last().unwrap();
        ProfileRow {
            latest: Some(Latest {
                year,
                value,
                row: 0,
            }),
            status,
            trend,
            progress: Progress::NotAssessed,
            points: points.to_vec(),
            base: points.first().copied(),
            rank,
            country: None,
            source: None,
            doubt: None,
        }
    }

    /// A sentence with a placeholder left (braces) or a missing message.
    fn unfilled(words: &str) -> bool {
        words.contains(['{', '}']) || words.contains("[missing")
    }

    fn seoul() -> (City, Gazetteer) {
        let g = crate::scene::rows::fixture::gazetteer();
        (g.city("kr-11").unwrap().clone(), g)
    }

    #[test]
    fn a_fall_is_said_with_both_ends_the_status_the_trend_and_the_rank() {
        let (city, g) = seoul();
        let s = crate::fixtures::pm25();
        let r = row(
            &[(2016, 26.2), (2019, 22.0), (2022, 18.4)],
            Status::Orange,
            Trend::ModeratelyImproving,
            Some((3, 12)),
        );
        let en = row_words(&city, &s, &r, &g, Lang::En);
        assert!(
            en.contains("fell from 26.2 µg/m³ in 2016 to 18.4 µg/m³ in 2022"),
            "{en}"
        );
        assert!(en.contains("Significant challenges"), "{en}");
        assert!(en.contains("Moderately improving"), "{en}");
        assert!(en.contains("3 of 12"), "{en}");
        for lang in Lang::ALL {
            let words = row_words(&city, &s, &r, &g, *lang);
            assert!(!unfilled(&words), "{lang:?}: {words}");
            assert!(
                words.contains("18.4") && words.contains("2016"),
                "{lang:?}: {words}"
            );
        }
        assert_ne!(row_words(&city, &s, &r, &g, Lang::Ko), en);
    }

    #[test]
    fn the_chart_over_time_says_each_city_drawn() {
        use crate::scene::rows::fixture::{gazetteer, pm25_tables};
        let g = gazetteer();
        let cities = vec!["kr-11".to_string(), "nowhere".to_string()];
        let words = lines_words(
            &cities,
            &g,
            &crate::fixtures::pm25(),
            &pm25_tables(),
            Lang::En,
        );
        assert_eq!(words.len(), 1, "{words:?}");
        assert!(words[0].starts_with("In Seoul, "), "{words:?}");
        assert!(words[0].contains("in 2019"), "{words:?}");
    }

    #[test]
    fn around_an_action_the_values_before_and_after_its_year_are_said() {
        let (city, _) = seoul();
        let s = crate::fixtures::pm25();
        let points = [(2010, 30.0), (2013, 28.0), (2016, 25.0), (2022, 18.4)];
        let words = around_words(&city, &s, &points, 2014, Lang::En).unwrap();
        assert!(
            words.contains("28 µg/m³ in 2013") && words.contains("18.4 µg/m³ in 2022"),
            "{words}"
        );
        assert!(words.contains("2014"), "{words}");
        assert!(
            around_words(&city, &s, &points, 2022, Lang::En).is_none(),
            "nothing after"
        );
        assert!(
            around_words(&city, &s, &points, 2009, Lang::En).is_none(),
            "nothing before"
        );
        for lang in Lang::ALL {
            let w = around_words(&city, &s, &points, 2014, *lang).unwrap();
            assert!(!unfilled(&w), "{lang:?}: {w}");
        }
    }

    #[test]
    fn the_ranking_says_its_ends_and_its_statuses_and_the_scatter_its_dots() {
        let rows = crate::scene::rows::fixture::rows();
        let s = crate::fixtures::pm25();
        let words = ranking_words(&rows, &s, Lang::En);
        let valued: Vec<f64> = rows.iter().filter_map(Row::value).collect();
        let max = valued.iter().cloned().fold(f64::MIN, f64::max);
        assert!(
            words[0].contains(&format!("{} µg/m³", format_value(max))),
            "{words:?}"
        );
        assert!(
            words[0].starts_with(&format!("Of {} cities", valued.len())),
            "{words:?}"
        );
        assert_eq!(words.len(), 2, "thresholds: the statuses are counted");
        assert!(ranking_words(&[], &s, Lang::En).is_empty());
        assert!(scatter_words(0, &s, "population", Lang::En).is_empty());
        for lang in Lang::ALL {
            for w in ranking_words(&rows, &s, *lang)
                .iter()
                .chain(&scatter_words(3, &s, "x", *lang))
            {
                assert!(!unfilled(w), "{lang:?}: {w}");
            }
        }
    }

    #[test]
    fn a_kiosk_caption_says_the_ranking_of_a_view_of_many_cities() {
        let rows = crate::scene::rows::fixture::rows();
        let s = crate::fixtures::pm25();
        for view in [View::Map, View::Chart, View::Table] {
            assert_eq!(
                kiosk_words(view, &rows, &s, Lang::Ko),
                ranking_words(&rows, &s, Lang::Ko)
            );
        }
        for view in [View::City, View::Actions, View::Overview, View::Korea] {
            assert!(
                kiosk_words(view, &rows, &s, Lang::En).is_empty(),
                "{view:?}"
            );
        }
    }

    #[test]
    fn a_title_inside_a_sentence_loses_only_a_leading_capital() {
        assert_eq!(
            in_sentence("Annual mean PM2.5", Lang::En),
            "annual mean PM2.5"
        );
        assert_eq!(in_sentence("PM2.5", Lang::En), "PM2.5");
        assert_eq!(
            in_sentence("Share of open space", Lang::En),
            "share of open space"
        );
        assert_eq!(in_sentence("A", Lang::En), "A");
        assert_eq!(in_sentence("", Lang::En), "");
        assert_eq!(in_sentence("Ärger", Lang::En), "Ärger");
        assert_eq!(in_sentence("초미세먼지", Lang::Ko), "초미세먼지");
        assert_eq!(
            in_sentence("Annual mean PM2.5", Lang::Ko),
            "Annual mean PM2.5"
        );
    }

    #[test]
    fn one_year_a_held_value_and_no_value_are_said_as_such() {
        let (city, g) = seoul();
        let s = crate::fixtures::pm25();
        let one = row(&[(2020, 20.0)], Status::Orange, Trend::NoTrendData, None);
        let words = row_words(&city, &s, &one, &g, Lang::En);
        assert!(words.contains("stood at 20 µg/m³ in 2020"), "{words}");
        // A plural title reads as English too: no "accidents was".
        let mut plural = crate::fixtures::pm25();
        plural.title = crate::model::Localized::new("Road traffic accidents");
        let said = row_words(&city, &plural, &one, &g, Lang::En);
        assert!(
            said.contains("road traffic accidents stood at 20"),
            "{said}"
        );
        assert!(!said.contains(" was "), "{said}");
        assert!(
            !words.contains("fell") && !words.contains("rose"),
            "{words}"
        );
        assert_eq!(
            change((2015, 20.04), (2020, 20.01)),
            Change::Held,
            "equal as written"
        );
        assert_eq!(change((2015, 20.0), (2020, 25.0)), Change::Rose);
        assert_eq!(change((2020, 20.0), (2020, 25.0)), Change::Single);
        let mut none = one.clone();
        none.latest = None;
        assert_eq!(row_words(&city, &s, &none, &g, Lang::En), "");
        // A rank among one city says nothing.
        let alone = row(
            &[(2020, 20.0)],
            Status::Orange,
            Trend::NoTrendData,
            Some((1, 1)),
        );
        assert!(!row_words(&city, &s, &alone, &g, Lang::En).contains("1 of 1"));
    }

    #[test]
    fn a_series_without_thresholds_says_which_rule_judged_it_or_that_none_did() {
        assert_eq!(
            judgement_words(
                Status::NotAssessed,
                Trend::NotAssessed,
                Progress::NotAssessed,
                Lang::En
            ),
            fill(Lang::En, "words.not-judged", &[])
        );
        let progress = judgement_words(
            Status::NotAssessed,
            Trend::NotAssessed,
            Progress::Limited,
            Lang::En,
        );
        assert!(
            progress.contains(crate::i18n::text(Lang::En, "progress.limited")),
            "{progress}"
        );
        assert_eq!(
            judgement_words(
                Status::NoData,
                Trend::NoTrendData,
                Progress::NotAssessed,
                Lang::En
            ),
            ""
        );
    }
}
