//! A city's Goal 11 report: one section per target, each with the target's series
//! for the city (latest value, status, trend and points) and the city's actions on the
//! target, and "no data yet" where there is neither.

use crate::model::{ActionsPack, City, Framework, Gazetteer, LocalAction, Series};
use crate::profile::{profile_row, ProfileRow};
use crate::query::SeriesTables;
use crate::scene::korea::TARGETS;

/// One target's section.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetSection {
    /// Target code, e.g. `11.6`.
    pub code: String,
    /// The target's series with a value for the city, with its profile row.
    pub series: Vec<(Series, ProfileRow)>,
    /// The city's actions on the target, newest first.
    pub actions: Vec<LocalAction>,
}

impl TargetSection {
    /// True when the section has nothing yet.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty() && self.actions.is_empty()
    }
}

/// The report's sections, one per Goal 11 target in order.
pub fn report_sections(
    framework: &Framework,
    city: &City,
    gazetteer: &Gazetteer,
    tables: &[(&str, &SeriesTables)],
    actions: Option<&ActionsPack>,
) -> Vec<TargetSection> {
    let (city_actions, _) = match actions {
        Some(p) => crate::actions::of_place(p, &city.id),
        None => (Vec::new(), Vec::new()),
    };
    TARGETS
        .iter()
        .map(|code| {
            let series = framework
                .series
                .iter()
                .filter(|s| {
                    framework
                        .indicator(&s.indicator)
                        .is_some_and(|i| i.target == *code)
                })
                .filter_map(|s| {
                    let t = tables.iter().find(|(id, _)| *id == s.id)?.1;
                    let row = profile_row(s, city, gazetteer, t.city(), t.country());
                    row.latest.is_some().then(|| (s.clone(), row))
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
        let sections = report_sections(&fw, seoul, &gz, &[("pm25", &tables)], Some(&pack));
        assert_eq!(sections.len(), 10);
        let s116 = &sections[5];
        assert_eq!(s116.code, "11.6");
        assert_eq!(s116.series.len(), 1);
        assert_eq!(s116.series[0].1.latest.map(|l| l.value), Some(20.0));
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
        let none = report_sections(&fw, suwon, &gz, &[("pm25", &tables)], None);
        assert!(none.iter().all(TargetSection::is_empty));
    }
}
