//! The lists the UI offers from the gazetteer: the country and subregion options of
//! the filters, search suggestions, the peers a city can be compared with, and the
//! landing page's target tiles; and how a long list is shown a page at a time.

use crate::filter::matches_text;
use crate::fold::{fold, slug};
use crate::i18n::Lang;
use crate::model::{City, Framework, Gazetteer, Manifest};

/// `(value, label)` options of a select.
pub type Options = Vec<(String, String)>;

/// Countries that have cities, as `(ISO3, name in lang)`, sorted by that name.
pub fn country_options(gazetteer: &Gazetteer, lang: Lang) -> Options {
    let mut out: Options = gazetteer
        .countries_with_cities()
        .into_iter()
        .map(|c| (c.iso3.clone(), c.name(lang).to_string()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// The options a long select holds before anyone has touched it: only the chosen one
/// (none when nothing, or something not offered, is chosen). A closed select shows
/// its chosen option alone, so it looks the same; the rest are listed when it is
/// focused or pressed (the app's filter panel does so).
pub fn chosen_only(options: Options, chosen: &str) -> Options {
    if chosen.is_empty() {
        return Options::new();
    }
    options
        .into_iter()
        .filter(|(value, _)| value == chosen)
        .collect()
}

/// A subregion's name in `lang`: an interface label (`subregion.<slug>` in the
/// message files), as the countries' own names are data; the bundle's English name
/// where the files have none.
pub fn subregion_name(name: &str, lang: Lang) -> &str {
    crate::i18n::lookup(lang, &format!("subregion.{}", slug(name))).unwrap_or(name)
}

/// Subregions of the countries that have cities, as `(slug, name in lang)`, sorted by
/// that name.
pub fn subregion_options(gazetteer: &Gazetteer, lang: Lang) -> Options {
    let mut names: Vec<&str> = gazetteer
        .countries_with_cities()
        .into_iter()
        .map(|c| c.subregion.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut options: Options = names
        .into_iter()
        .map(|n| (slug(n), subregion_name(n, lang).to_string()))
        .collect();
    options.sort_by(|a, b| a.1.cmp(&b.1));
    options
}

/// The framework's series as `(id, "indicator · title")`, in framework order, leaving
/// out `except` (the series already shown, where another one is to be picked).
pub fn series_options(framework: &Framework, lang: Lang, except: Option<&str>) -> Options {
    framework
        .series
        .iter()
        .filter(|s| Some(s.id.as_str()) != except)
        .map(|s| (s.id.clone(), format!("{} · {}", s.indicator, s.title(lang))))
        .collect()
}

/// One search suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// City id.
    pub id: String,
    /// The name in the UI language (what a form takes as the place's name).
    pub name: String,
    /// The name in the UI language, with a second language's name in brackets.
    pub label: String,
    /// The country's name in the UI language.
    pub country: String,
}

/// Cities whose English or Korean name contains `text` (tolerant of case and
/// accents), the most populous first, at most `max`.
pub fn suggestions(gazetteer: &Gazetteer, text: &str, lang: Lang, max: usize) -> Vec<Suggestion> {
    let q = fold(text.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<&City> = gazetteer
        .cities
        .iter()
        .filter(|c| matches_text(c, &q))
        .collect();
    // The larger cities first: they are what people look for most.
    hits.sort_by_key(|c| std::cmp::Reverse(c.population.unwrap_or(0)));
    hits.truncate(max);
    hits.into_iter()
        .map(|c| {
            let name = c.name(lang);
            Suggestion {
                id: c.id.clone(),
                name: name.to_string(),
                label: match c.other_name(lang) {
                    Some((o, _)) => format!("{name} ({o})"),
                    None => name.to_string(),
                },
                country: gazetteer
                    .country(&c.country)
                    .map(|k| k.name(lang).to_string())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The cities a city can be compared with: others of its country with a population,
/// as `(id, name in lang)`, sorted by name.
pub fn peers(gazetteer: &Gazetteer, city: &City, lang: Lang) -> Options {
    let mut out: Options = gazetteer
        .cities
        .iter()
        .filter(|c| c.country == city.country && c.id != city.id && c.population.is_some())
        .map(|c| (c.id.clone(), c.name(lang).to_string()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// One Goal 11 target as a landing-page tile: how much the bundle holds on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetTile {
    /// Target code, e.g. `11.6`.
    pub code: String,
    /// Its indicators' codes.
    pub indicators: Vec<String>,
    /// Its series with city values, as `(series id, indicator code, cities)`, most
    /// cities first.
    pub mapped: Vec<(String, String, u32)>,
    /// Its series without city values (country context, or nothing yet).
    pub without_cities: usize,
    /// Cities' own actions reported on it.
    pub actions: u32,
}

impl TargetTile {
    /// The most cities any one series of the target covers (cities are not added up
    /// across series: the same city counts once per series).
    pub fn cities(&self) -> u32 {
        self.mapped.iter().map(|m| m.2).max().unwrap_or(0)
    }
}

/// The tiles of every target, in framework order, from the manifest's coverage and
/// actions summary (nothing else is loaded on the landing page).
pub fn target_tiles(framework: &Framework, manifest: &Manifest) -> Vec<TargetTile> {
    framework
        .targets
        .iter()
        .map(|t| {
            let indicators: Vec<String> = framework
                .indicators
                .iter()
                .filter(|i| i.target == t.code)
                .map(|i| i.code.clone())
                .collect();
            let series: Vec<_> = framework
                .series
                .iter()
                .filter(|s| indicators.contains(&s.indicator))
                .collect();
            let mut mapped: Vec<(String, String, u32)> = series
                .iter()
                .filter_map(|s| {
                    let c = manifest.coverage.iter().find(|c| c.series == s.id)?;
                    Some((s.id.clone(), s.indicator.clone(), c.cities))
                })
                .collect();
            mapped.sort_by_key(|m| std::cmp::Reverse(m.2));
            TargetTile {
                code: t.code.clone(),
                without_cities: series.len() - mapped.len(),
                indicators,
                mapped,
                actions: manifest
                    .actions
                    .as_ref()
                    .and_then(|a| a.per_target.get(&t.code).copied())
                    .unwrap_or(0),
            }
        })
        .collect()
}

/// The next keyboard focus among `n` items (map symbols, chart points, search
/// suggestions), stepping by `delta` and wrapping; from no focus, the first going
/// forward and the last going back. `None` when there is nothing to focus.
pub fn step_focus(current: Option<usize>, delta: isize, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let n = n as isize;
    Some(match current {
        Some(i) => (i as isize + delta).rem_euclid(n) as usize,
        None if delta > 0 => 0,
        None => (n - 1) as usize,
    })
}

/// A long list shown a page at a time, "more" adding the next page: the actions' cards,
/// the Korea matrix's rows. A page is what one screen needs, and what the DOM holds at
/// first is one page, not the whole list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pager {
    /// Items per page.
    pub size: usize,
}

impl Pager {
    /// Pages of `size` items.
    pub const fn new(size: usize) -> Self {
        Self { size }
    }

    /// How many of `total` items are shown after `pages` pages (the first page is
    /// always shown).
    pub fn shown(self, total: usize, pages: usize) -> usize {
        total.min(self.size.saturating_mul(pages.max(1)))
    }

    /// How many more items the next page adds (0 when all are shown).
    pub fn next(self, total: usize, pages: usize) -> usize {
        (total - self.shown(total, pages)).min(self.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untouched_select_holds_its_chosen_option_alone() {
        let options: Options = [("JPN", "Japan"), ("KOR", "Korea"), ("THA", "Thailand")]
            .into_iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect();
        assert_eq!(
            chosen_only(options.clone(), "KOR"),
            vec![("KOR".to_string(), "Korea".to_string())]
        );
        assert!(
            chosen_only(options.clone(), "").is_empty(),
            "the first option (All) is the choice"
        );
        assert!(
            chosen_only(options, "XXX").is_empty(),
            "a choice not offered"
        );
    }

    #[test]
    fn pages_grow_by_a_page_and_stop_at_the_total() {
        let p = Pager::new(24);
        assert_eq!(p.shown(346, 0), 24, "the first page always shows");
        assert_eq!(p.shown(346, 1), 24);
        assert_eq!(p.shown(346, 2), 48);
        assert_eq!(p.shown(10, 1), 10);
        assert_eq!(p.shown(0, 3), 0);
        assert_eq!(p.next(346, 1), 24);
        assert_eq!(p.next(30, 1), 6);
        assert_eq!(p.next(30, 2), 0);
        assert_eq!(p.shown(5, usize::MAX), 5, "no overflow");
    }
    use crate::model::Localized;
    use crate::model::{AdminLevel, Country};

    fn gazetteer() -> Gazetteer {
        let country = |iso3: &str, en: &str, ko: Option<&str>, sub: &str| Country {
            iso3: iso3.into(),
            numeric: None,
            name: Localized::new(en).with_some("ko", ko.map(str::to_string)),
            region: "Asia".into(),
            subregion: sub.into(),
            asia_pacific: true,
        };
        let city = |id: &str, en: &str, ko: Option<&str>, iso3: &str, pop: Option<u64>| City {
            id: id.into(),
            name: Localized::new(en).with_some("ko", ko.map(str::to_string)),
            country: iso3.into(),
            lat: Some(0.0),
            lon: Some(0.0),
            population: pop,
            level: AdminLevel::City,
            parent: None,
        };
        Gazetteer {
            countries: vec![
                country("JPN", "Japan", Some("일본"), "East and North-East Asia"),
                country(
                    "KOR",
                    "South Korea",
                    Some("대한민국"),
                    "East and North-East Asia",
                ),
                country("THA", "Thailand", None, "South-East Asia"),
                country("VNM", "Viet Nam", None, "South-East Asia"),
            ],
            cities: vec![
                city("gn-1", "Seosan", None, "KOR", Some(170_000)),
                city("gn-2", "Bangkok", None, "THA", Some(5_000_000)),
                city("gn-3", "Tokyo", Some("도쿄"), "JPN", Some(8_000_000)),
                city(
                    "kr-11",
                    "Seoul",
                    Some("서울특별시"),
                    "KOR",
                    Some(10_000_000),
                ),
                city("kr-21", "Busan", Some("부산광역시"), "KOR", Some(3_400_000)),
                city("kr-31010", "Suwon-si", Some("수원시"), "KOR", None),
            ],
        }
    }

    #[test]
    fn country_options_are_named_in_the_ui_language() {
        let gz = gazetteer();
        let ko = country_options(&gz, Lang::Ko);
        assert_eq!(
            ko,
            vec![
                ("THA".into(), "Thailand".into()),
                ("KOR".into(), "대한민국".into()),
                ("JPN".into(), "일본".into())
            ]
        );
        assert_eq!(country_options(&gz, Lang::En)[0].1, "Japan");
    }

    #[test]
    fn subregions_come_from_countries_with_cities() {
        let gz = gazetteer();
        let subs = subregion_options(&gz, Lang::En);
        assert_eq!(
            subs,
            vec![
                (
                    "east-and-north-east-asia".into(),
                    "East and North-East Asia".into()
                ),
                ("south-east-asia".into(), "South-East Asia".into())
            ]
        );
        // In Korean, the same slugs (the URL does not change with the language).
        let ko = subregion_options(&gz, Lang::Ko);
        assert_eq!(
            ko,
            vec![
                ("east-and-north-east-asia".into(), "동·동북아시아".into()),
                ("south-east-asia".into(), "동남아시아".into())
            ]
        );
        assert_eq!(subregion_name("Atlantis", Lang::Ko), "Atlantis");
    }

    #[test]
    fn suggestions_put_the_largest_first_in_both_languages() {
        let gz = gazetteer();
        let en = suggestions(&gz, "seo", Lang::En, 8);
        assert_eq!(en[0].label, "Seoul (서울특별시)");
        assert_eq!(en[1].label, "Seosan");
        assert_eq!(en[0].country, "South Korea");
        let ko = suggestions(&gz, "서울", Lang::Ko, 8);
        assert_eq!(ko[0].label, "서울특별시 (Seoul)");
        assert_eq!(ko[0].country, "대한민국");
        assert_eq!(suggestions(&gz, "  ", Lang::En, 8), vec![]);
        assert_eq!(suggestions(&gz, "s", Lang::En, 2).len(), 2);
    }

    #[test]
    fn series_options_name_their_indicator_in_the_ui_language() {
        let fw = Framework {
            goal: Localized::new("g").with("ko", "g"),
            targets: vec![],
            indicators: vec![],
            series: vec![crate::fixtures::pm25(), crate::fixtures::open_space()],
        };
        assert_eq!(
            series_options(&fw, Lang::Ko, None),
            vec![
                ("pm25".into(), "11.6.2 · 초미세먼지".into()),
                ("open-space".into(), "11.7.1 · 공공 공간".into())
            ]
        );
        assert_eq!(series_options(&fw, Lang::En, Some("pm25")).len(), 1);
    }

    #[test]
    fn peers_are_the_same_country_with_a_population() {
        let gz = gazetteer();
        let seoul = gz.city("kr-11").unwrap();
        let ids: Vec<String> = peers(&gz, seoul, Lang::En)
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(ids, vec!["kr-21", "gn-1"]);
    }

    #[test]
    fn target_tiles_count_series_cities_and_actions_per_target() {
        use crate::model::{ActionsSummary, SeriesCoverage};
        let s = |id: &str, ind: &str| {
            let mut x = crate::fixtures::pm25();
            x.id = id.into();
            x.indicator = ind.into();
            x
        };
        let fw = crate::fixtures::framework(
            &["11.6.2", "11.6.1", "11.7.1"],
            vec![
                s("pm25", "11.6.2"),
                s("pm10", "11.6.2"),
                s("waste", "11.6.1"),
                s("open", "11.7.1"),
            ],
        );
        let cov = |id: &str, n: u32| SeriesCoverage {
            series: id.into(),
            cities: n,
            countries: 1,
            years: (2010, 2020),
        };
        let manifest = Manifest {
            schema: crate::model::SCHEMA_VERSION,
            coverage: vec![cov("pm10", 50), cov("pm25", 300)],
            version: None,
            actions: Some(ActionsSummary {
                per_target: [("11.6".to_string(), 7)].into_iter().collect(),
                recent: vec![],
            }),
            packs: vec![],
        };
        let tiles = target_tiles(&fw, &manifest);
        assert_eq!(tiles.len(), 2);
        let t = &tiles[0];
        assert_eq!(t.code, "11.6");
        assert_eq!(t.indicators, vec!["11.6.2", "11.6.1"]);
        assert_eq!(t.mapped[0], ("pm25".to_string(), "11.6.2".to_string(), 300));
        assert_eq!(t.cities(), 300, "the largest, not a sum");
        assert_eq!(t.without_cities, 1);
        assert_eq!(t.actions, 7);
        assert_eq!(
            (tiles[1].cities(), tiles[1].without_cities, tiles[1].actions),
            (0, 1, 0)
        );
    }
}
