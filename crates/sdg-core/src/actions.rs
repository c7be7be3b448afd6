//! Cities' own Goal 11 actions: the filter the URL describes, full-text search in both
//! languages, counts per target and theme, and the actions and figures of one city.

use std::collections::BTreeMap;

use crate::fold::fold;
use crate::i18n::Lang;
use crate::lists::Pager;
use crate::model::{ActionsPack, LocalAction, ReportedFigure};
use crate::url_state::ViewState;

/// What the actions view keeps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionFilter {
    /// Targets (any of them); empty = all.
    pub targets: Vec<String>,
    /// Theme, if restricted.
    pub theme: Option<String>,
    /// ISO3 codes; empty = all.
    pub countries: Vec<String>,
    /// Place ids (an action of a group counts for each of its cities); empty = all.
    pub places: Vec<String>,
    /// First year kept; actions without a year are kept only when no range is set.
    pub from: Option<i32>,
    /// Last year kept.
    pub to: Option<i32>,
    /// Text searched in titles (both languages), summaries and labels.
    pub text: String,
}

impl ActionFilter {
    /// The filter a view state describes.
    pub fn of(state: &ViewState) -> ActionFilter {
        ActionFilter {
            targets: state.targets.clone(),
            theme: state.action_theme.clone(),
            countries: state.countries.clone(),
            places: state.cities.clone(),
            from: state.from,
            to: state.to,
            text: state.query.clone(),
        }
    }

    /// Whether an action passes every criterion but `skip_targets` / `skip_theme`
    /// (so that counts per target show what choosing that target would give).
    fn keeps(
        &self,
        a: &LocalAction,
        folded_text: &str,
        skip_targets: bool,
        skip_theme: bool,
    ) -> bool {
        (skip_targets
            || self.targets.is_empty()
            || a.targets.iter().any(|t| self.targets.contains(t)))
            && (skip_theme || self.theme.as_ref().is_none_or(|t| &a.theme == t))
            && (self.countries.is_empty() || self.countries.contains(&a.country))
            && (self.places.is_empty() || a.places.iter().any(|p| self.places.contains(p)))
            && in_years(a.year, self.from, self.to)
            && (folded_text.is_empty() || searchable(a).contains(folded_text))
    }
}

fn in_years(year: Option<i32>, from: Option<i32>, to: Option<i32>) -> bool {
    match year {
        Some(y) => from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t),
        None => from.is_none() && to.is_none(),
    }
}

/// Everything a search looks in, folded (case and accents ignored).
fn searchable(a: &LocalAction) -> String {
    let mut s = String::new();
    let texts = a.title.forms().chain(a.summary.forms()).map(|(_, t)| t);
    for text in texts.chain([a.label.as_str()]) {
        s.push('|');
        s.push_str(&fold(text));
    }
    s
}

/// The actions passing the filter, newest first (undated last), then by id.
pub fn filter_actions<'a>(pack: &'a ActionsPack, filter: &ActionFilter) -> Vec<&'a LocalAction> {
    let text = fold(filter.text.trim());
    let mut out: Vec<&LocalAction> = pack
        .actions
        .iter()
        .filter(|a| filter.keeps(a, &text, false, false))
        .collect();
    out.sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.id.cmp(&b.id)));
    out
}

/// How many actions each target and each theme would keep, given the other criteria.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per target code.
    pub targets: BTreeMap<String, usize>,
    /// Per theme.
    pub themes: BTreeMap<String, usize>,
}

/// Counts per target (ignoring the target criterion) and per theme (ignoring the
/// theme criterion), so each count says what choosing it would show.
pub fn counts(pack: &ActionsPack, filter: &ActionFilter) -> Counts {
    let text = fold(filter.text.trim());
    let mut out = Counts::default();
    for a in &pack.actions {
        if filter.keeps(a, &text, true, false) {
            for t in &a.targets {
                *out.targets.entry(t.clone()).or_default() += 1;
            }
        }
        if filter.keeps(a, &text, false, true) {
            *out.themes.entry(a.theme.clone()).or_default() += 1;
        }
    }
    out
}

/// The pack in brief for the manifest: counts per target and the `n` most recent.
pub fn summary(pack: &ActionsPack, n: usize) -> crate::model::ActionsSummary {
    let mut per_target = BTreeMap::new();
    for a in &pack.actions {
        for t in &a.targets {
            *per_target.entry(t.clone()).or_default() += 1;
        }
    }
    crate::model::ActionsSummary {
        per_target,
        recent: recent(pack, n)
            .into_iter()
            .map(|a| crate::model::ActionBrief {
                id: a.id.clone(),
                label: a.label.clone(),
                year: a.year,
                title: a.title.clone(),
            })
            .collect(),
    }
}

/// The message key of an action theme.
pub fn theme_key(theme: &str) -> String {
    format!("theme.{theme}")
}

/// An action's summary in `lang`, and whether it fell back to English (the
/// interface then marks it `lang="en"` with an "English" tag).
pub fn summary_text(a: &LocalAction, lang: Lang) -> (&str, bool) {
    let (text, shown) = a.summary.shown(lang);
    (text, shown != lang)
}

/// The actions of one place (newest first) and the figures it reports.
pub fn of_place<'a>(
    pack: &'a ActionsPack,
    place: &str,
) -> (Vec<&'a LocalAction>, Vec<&'a ReportedFigure>) {
    let filter = ActionFilter {
        places: vec![place.to_string()],
        ..ActionFilter::default()
    };
    let figures = pack
        .figures
        .iter()
        .filter(|f| f.places.iter().any(|p| p == place))
        .collect();
    (filter_actions(pack, &filter), figures)
}

/// How the actions view pages its cards: enough to scan, few enough that a phone does
/// not scroll through the whole collection (346 cards were 143,000 px).
pub const PAGER: Pager = Pager::new(24);
// Issue 24's bar: the view starts with at most 30 cards (checked when compiling).
const _: () = assert!(PAGER.size <= 30);

/// How a city's profile pages its own actions: a screen's worth first (Seoul reports
/// over thirty), the rest on asking.
pub const PROFILE_PAGER: Pager = Pager::new(8);

/// The most recent actions (dated ones), at most `n`.
pub fn recent(pack: &ActionsPack, n: usize) -> Vec<&LocalAction> {
    let mut dated: Vec<&LocalAction> = pack.actions.iter().filter(|a| a.year.is_some()).collect();
    dated.sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.id.cmp(&b.id)));
    dated.truncate(n);
    dated
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Confidence;
    use crate::model::Localized;

    pub fn action(
        id: &str,
        label: &str,
        places: &[&str],
        year: Option<i32>,
        targets: &[&str],
        theme: &str,
    ) -> LocalAction {
        LocalAction {
            id: id.into(),
            label: label.into(),
            places: places.iter().map(|p| p.to_string()).collect(),
            country: "KOR".into(),
            year,
            title: Localized::new(format!("{label} action {id}"))
                .with("ko", format!("{label} 사업")),
            summary: Localized::new("A summary about buses and Éco parks."),
            targets: targets.iter().map(|t| t.to_string()).collect(),
            theme: theme.into(),
            source_title: "src".into(),
            source_url: "https://example.org/a".into(),
            confidence: Confidence::High,
        }
    }

    pub fn pack() -> ActionsPack {
        let mut p = ActionsPack {
            actions: vec![
                action(
                    "LA001",
                    "Suwon",
                    &["kr-31010"],
                    Some(2018),
                    &["11.3", "11.6"],
                    "governance",
                ),
                action(
                    "LA002",
                    "Seoul (Songpa-gu)",
                    &["kr-11"],
                    Some(2020),
                    &["11.6"],
                    "waste",
                ),
                action(
                    "LA003",
                    "Siheung; Ansan; Hwaseong (Sihwa area)",
                    &["kr-31150", "kr-31090", "kr-31240"],
                    None,
                    &["11.6", "11.b"],
                    "resilience",
                ),
                action(
                    "LA004",
                    "Seoul",
                    &["kr-11"],
                    Some(2004),
                    &["11.2"],
                    "transport",
                ),
            ],
            figures: vec![ReportedFigure {
                label: "Suwon".into(),
                places: vec!["kr-31010".into()],
                country: "KOR".into(),
                indicator: "population".into(),
                value: 1_195_718.0,
                unit: "persons".into(),
                period: "2023-09".into(),
                target: Some("11.3".into()),
                source_title: "IGES".into(),
                source_url: "https://www.iges.or.jp/en/vlr/suwon".into(),
            }],
        };
        p.actions[0].title.set("ko", "수원시 SDG 11 이행 보고서");
        p
    }

    fn ids(v: &[&LocalAction]) -> Vec<String> {
        v.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn filters_by_target_theme_place_years_and_text() {
        let p = pack();
        let f = |q: &str| ActionFilter::of(&ViewState::parse(q).0);
        assert_eq!(
            ids(&filter_actions(&p, &f("target=11.6"))),
            vec!["LA002", "LA001", "LA003"],
            "newest first, undated last"
        );
        assert_eq!(
            ids(&filter_actions(&p, &f("target=11.2,11.b"))),
            vec!["LA004", "LA003"]
        );
        assert_eq!(ids(&filter_actions(&p, &f("theme=waste"))), vec!["LA002"]);
        assert_eq!(
            ids(&filter_actions(&p, &f("city=kr-11"))),
            vec!["LA002", "LA004"]
        );
        assert_eq!(
            ids(&filter_actions(&p, &f("city=kr-31090"))),
            vec!["LA003"],
            "a group counts for each city"
        );
        assert_eq!(
            ids(&filter_actions(&p, &f("from=2010"))),
            vec!["LA002", "LA001"],
            "undated left out of a range"
        );
        assert_eq!(ids(&filter_actions(&p, &f("q=SONGPA"))), vec!["LA002"]);
        assert_eq!(
            ids(&filter_actions(&p, &f("q=%EC%88%98%EC%9B%90"))),
            vec!["LA001"],
            "Korean titles: 수원"
        );
        assert_eq!(
            filter_actions(&p, &f("q=eco%20parks")).len(),
            4,
            "accents and case ignored"
        );
    }

    #[test]
    fn counts_say_what_each_choice_would_show() {
        let p = pack();
        let c = counts(
            &p,
            &ActionFilter::of(&ViewState::parse("target=11.2&theme=transport").0),
        );
        // Targets ignore the target criterion but keep the theme one.
        assert_eq!(c.targets.get("11.2"), Some(&1));
        assert_eq!(c.targets.get("11.6"), None);
        // Themes ignore the theme criterion but keep the target one.
        assert_eq!(c.themes, BTreeMap::from([("transport".to_string(), 1)]));
        let all = counts(&p, &ActionFilter::default());
        assert_eq!(all.targets["11.6"], 3);
        assert_eq!(all.themes.values().sum::<usize>(), 4);
    }

    #[test]
    fn every_theme_has_words_in_both_languages() {
        for t in crate::model::ACTION_THEMES {
            for lang in [Lang::En, Lang::Ko] {
                assert_ne!(
                    crate::i18n::text(lang, &theme_key(t)),
                    "[missing text]",
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn a_city_s_actions_and_figures_and_the_recent_ones() {
        let p = pack();
        let (actions, figures) = of_place(&p, "kr-31010");
        assert_eq!(ids(&actions), vec!["LA001"]);
        assert_eq!(figures.len(), 1);
        assert_eq!(ids(&recent(&p, 3)), vec!["LA002", "LA001", "LA004"]);
        let brief = summary(&p, 2);
        assert_eq!(brief.per_target["11.6"], 3);
        assert_eq!(
            brief
                .recent
                .iter()
                .map(|b| b.id.as_str())
                .collect::<Vec<_>>(),
            vec!["LA002", "LA001"]
        );
        assert_eq!(
            p.actions[0].title.get(Lang::Ko),
            "수원시 SDG 11 이행 보고서"
        );
        assert_eq!(p.actions[0].title.get(Lang::En), "Suwon action LA001");
    }
}
