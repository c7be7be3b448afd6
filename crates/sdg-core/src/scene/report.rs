//! A city's Goal 11 report: one section per target, each with the target's series
//! for the city (latest value, status, trend, and a small chart of the city with its
//! country as context) and the city's actions on the target, and "no data yet" where
//! there is neither.

use crate::chart::Spec;
use crate::i18n::Lang;
use crate::model::{ActionsPack, City, Framework, Gazetteer, LocalAction, Series};
use crate::node::Node;
use crate::profile::{city_rows, ProfileRow};
use crate::query::SeriesTables;
use crate::scene::korea::TARGETS;

/// One target's section.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetSection {
    /// Target code, e.g. `11.6`.
    pub code: String,
    /// The target's series with a value for the city: its profile row and its chart.
    pub series: Vec<(Series, ProfileRow, Spec)>,
    /// The city's actions on the target, newest first.
    pub actions: Vec<LocalAction>,
}

impl TargetSection {
    /// True when the section has nothing yet.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty() && self.actions.is_empty()
    }
}

/// Size of a report chart, in CSS pixels (fits a third of an A4 column).
pub const REPORT_CHART: (u32, u32) = (300, 150);

/// The small chart of one series in the report: the city over the years, and its
/// country dashed as context (the explorer's chart, at report size).
pub fn report_chart(
    city: &City,
    gazetteer: &Gazetteer,
    series: &Series,
    tables: &SeriesTables,
    lang: Lang,
) -> Spec {
    let mut spec = crate::scene::charts::lines_spec(
        std::slice::from_ref(&city.id),
        gazetteer,
        series,
        tables,
        (None, None),
        lang,
    );
    (spec.width, spec.height) = REPORT_CHART;
    // At this size a country on another scale (a national total beside a city's
    // count) would flatten the city's line: the context stays only on the same scale.
    let range =
        |points: &[(f64, f64)]| crate::scene::map::value_range(points.iter().map(|p| p.1.abs()));
    let city_range = spec
        .series
        .iter()
        .find(|d| !d.context)
        .and_then(|d| range(&d.points));
    spec.series.retain(|d| {
        !d.context
            || match (city_range, range(&d.points)) {
                (Some((_, city_hi)), Some((_, hi))) => hi <= city_hi * 5.0 && city_hi <= hi * 5.0,
                _ => false,
            }
    });
    spec
}

/// The report's sections, one per Goal 11 target in order.
pub fn report_sections(
    framework: &Framework,
    city: &City,
    gazetteer: &Gazetteer,
    tables: &[(&str, &SeriesTables)],
    actions: Option<&ActionsPack>,
    lang: Lang,
) -> Vec<TargetSection> {
    let (city_actions, _) = match actions {
        Some(p) => crate::actions::of_place(p, &city.id),
        None => (Vec::new(), Vec::new()),
    };
    let tables_of = |id: &str| tables.iter().find(|(t, _)| *t == id).map(|(_, t)| *t);
    // The profile's rows, grouped by target.
    let rows = city_rows(&framework.series, city, gazetteer, tables_of);
    TARGETS
        .iter()
        .map(|code| {
            let series = rows
                .iter()
                .filter(|(s, _)| framework.series_target(s) == Some(*code))
                .filter_map(|(s, row)| {
                    let chart = report_chart(city, gazetteer, s, tables_of(&s.id)?, lang);
                    Some((s.clone(), row.clone(), chart))
                })
                .collect();
            let actions = city_actions
                .iter()
                .filter(|a| a.targets.iter().any(|t| t == code))
                .map(|a| (*a).clone())
                .collect();
            TargetSection {
                code: code.to_string(),
                series,
                actions,
            }
        })
        .collect()
}

/// One of the city's actions as a line of the report (an `<li>`): its title in
/// bold, its year, its summary (marked `lang="en"` when it falls back to English, so a
/// screen reader says it right) and its source.
pub fn action_item(a: &LocalAction, lang: Lang) -> Node {
    let year = a.year.map(|y| format!(" ({y})")).unwrap_or_default();
    let (summary, english) = crate::actions::summary_text(a, lang);
    let mut summary_span = Node::element("span");
    if english {
        summary_span = summary_span.attr("lang", "en");
    }
    Node::element("li")
        .child(Node::element("strong").with_text(a.title.get(lang)))
        .with_text(format!("{year} — "))
        .child(summary_span.with_text(summary))
        .with_text(" ")
        .child(
            Node::element("span")
                .attr("class", "source")
                .with_text(a.source_title.as_str()),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::rows::fixture::{gazetteer, pm25_tables};

    #[test]
    fn every_target_has_a_section_with_series_and_actions_or_nothing() {
        let gz = gazetteer();
        let fw = crate::fixtures::framework(&["11.6.2"], vec![crate::fixtures::pm25()]);
        let mut pack = crate::actions::tests::pack();
        pack.actions[3].places = vec!["kr-11".into()];
        let seoul = gz.city("kr-11").unwrap();
        let tables = pm25_tables();
        let sections =
            report_sections(&fw, seoul, &gz, &[("pm25", &tables)], Some(&pack), Lang::En);
        assert_eq!(sections.len(), 10);
        let s116 = &sections[5];
        assert_eq!(s116.code, "11.6");
        assert_eq!(s116.series.len(), 1);
        assert_eq!(s116.series[0].1.latest.map(|l| l.value), Some(20.0));
        // The report's rows are the profile page's rows, grouped by target.
        let profile = city_rows(&fw.series, seoul, &gz, |id| {
            (id == "pm25").then_some(&tables)
        });
        let in_report: Vec<(Series, ProfileRow)> = sections
            .iter()
            .flat_map(|s| {
                s.series
                    .iter()
                    .map(|(se, row, _)| (se.clone(), row.clone()))
            })
            .collect();
        assert_eq!(in_report, profile);
        // Its chart: Seoul's two points, and Korea dashed as context, at report size.
        let chart = &s116.series[0].2;
        assert_eq!((chart.width, chart.height), REPORT_CHART);
        assert_eq!(chart.series[0].points, vec![(2015.0, 26.0), (2019.0, 20.0)]);
        assert!(chart.series.iter().any(|d| d.context), "{:?}", chart.series);
        let plot = crate::chart::layout(chart);
        assert!(!plot.shapes.is_empty() && plot.points.len() >= 2);
        // A country on another scale is left out.
        let mut far = pm25_tables();
        if let Some((t, _)) = far.countries.as_mut() {
            t.values.iter_mut().for_each(|v| *v *= 100.0);
        }
        let chart = report_chart(seoul, &gz, &crate::fixtures::pm25(), &far, Lang::En);
        assert!(
            chart.series.iter().all(|d| !d.context),
            "{:?}",
            chart.series
        );
        assert_eq!(
            s116.actions
                .iter()
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>(),
            vec!["LA002"]
        );
        assert_eq!(sections[1].actions.len(), 1, "Seoul's bus reform on 11.2");
        assert!(sections[0].is_empty(), "11.1: no data yet");
        let suwon = gz.city("kr-31010").unwrap();
        let none = report_sections(&fw, suwon, &gz, &[("pm25", &tables)], None, Lang::En);
        assert!(none.iter().all(TargetSection::is_empty));
    }

    #[test]
    fn an_action_line_holds_title_year_summary_and_source_as_words() {
        let mut a =
            crate::actions::tests::action("LA9", "Seoul", &["kr-11"], Some(2019), &["11.6"], "air");
        a.source_title = "<i>Report</i> & co".into();
        let ko = action_item(&a, Lang::Ko);
        assert_eq!(
            ko.text_content(),
            "Seoul 사업 (2019) — A summary about buses and Éco parks. <i>Report</i> & co"
        );
        let summary = &ko.children()[2];
        assert_eq!(
            summary.get_attr("lang"),
            Some("en"),
            "the summary has no Korean form: it is marked English"
        );
        assert_eq!(ko.children()[4].get_attr("class"), Some("source"));
        let en = action_item(&a, Lang::En);
        assert_eq!(en.children()[2].get_attr("lang"), None);
        a.year = None;
        let mut out = String::new();
        action_item(&a, Lang::En).write_xml(&mut out);
        assert_eq!(
            out,
            "<li><strong>Seoul action LA9</strong> — <span>A summary about buses and Éco parks.</span> <span class=\"source\">&lt;i&gt;Report&lt;/i&gt; &amp; co</span></li>"
        );
    }
}
