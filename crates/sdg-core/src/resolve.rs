//! One pure step from the URL's view state to what the app needs: the series meant,
//! the notices for values the data does not know, the exact files to fetch, the map
//! preset with its boundaries, and the compared cities.
//!
//! The framework may not have loaded yet when a permalink opens: the answer is then
//! partial ([`SeriesPick::Pending`]) but never different: whatever is decided without
//! the framework is what is decided with it (a property test holds this).

use crate::model::{Framework, Manifest, PackKind, PlaceKind};
use crate::query::Region;
use crate::url_state::{UrlNotice, View, ViewState, COMPARE_LIMIT};

/// The series shown when a permalink names none (and the bundle has it).
pub const DEFAULT_SERIES: &str = "pm25";

/// A boundary layer of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boundary {
    /// File, relative to `data/`.
    pub path: &'static str,
    /// The TopoJSON object drawn.
    pub object: &'static str,
}

/// World countries, drawn under every preset.
pub const WORLD: Boundary = Boundary {
    path: "geo/world-110m.json",
    object: "countries",
};
/// Korea's provinces: the choropleth of the Korea preset.
pub const KR_PROVINCES: Boundary = Boundary {
    path: "geo/kr-provinces.json",
    object: "provinces",
};
/// Korea's municipalities, drawn as lines under the provinces.
pub const KR_MUNICIPALITIES: Boundary = Boundary {
    path: "geo/kr-municipalities.json",
    object: "municipalities",
};

/// The boundary layers of a map preset, bottom first.
pub fn preset_boundaries(region: Region) -> &'static [Boundary] {
    match region {
        Region::Korea => &[WORLD, KR_PROVINCES, KR_MUNICIPALITIES],
        _ => &[WORLD],
    }
}

/// Which series the state means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesPick {
    /// This series.
    Chosen(String),
    /// Cannot be told before the framework loads (the state names an indicator, or a
    /// series the manifest does not list).
    Pending,
    /// The bundle has no series at all.
    None,
}

impl SeriesPick {
    /// The chosen series id, if decided.
    pub fn id(&self) -> Option<&str> {
        match self {
            SeriesPick::Chosen(id) => Some(id),
            _ => None,
        }
    }
}

/// Everything the app derives from the view state and the bundle's catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The view shown.
    pub view: View,
    /// The series the state means.
    pub series: SeriesPick,
    /// The scatter's x series, when the chart view names a known one.
    pub against: Option<String>,
    /// Values the data does not know (`series=…`, `ind=…`), with the fallback taken.
    pub notices: Vec<UrlNotice>,
    /// Every file the view needs, relative to `data/`, in manifest order.
    pub files: Vec<String>,
    /// The map preset.
    pub preset: Region,
    /// The compared cities (at most [`COMPARE_LIMIT`]).
    pub compared: Vec<String>,
    /// Whether the view shows the filter bar.
    pub filters: bool,
}

/// The series the state means: `series`, else the first series of `ind`, else
/// [`DEFAULT_SERIES`], else the framework's first series.
pub fn pick_series(
    state: &ViewState,
    framework: Option<&Framework>,
    manifest: &Manifest,
) -> SeriesPick {
    match framework {
        Some(fw) => state
            .series
            .as_deref()
            .and_then(|id| fw.series(id))
            .or_else(|| {
                state
                    .indicator
                    .as_deref()
                    .and_then(|code| fw.series_of(code).next())
            })
            .or_else(|| fw.series(DEFAULT_SERIES))
            .or_else(|| fw.series.first())
            .map_or(SeriesPick::None, |s| SeriesPick::Chosen(s.id.clone())),
        None => {
            let listed = |id: &str| {
                manifest
                    .packs
                    .iter()
                    .flat_map(|p| &p.files)
                    .any(|f| f.series.as_deref() == Some(id))
            };
            match (&state.series, &state.indicator) {
                (Some(id), _) if listed(id) => SeriesPick::Chosen(id.clone()),
                (None, None) if listed(DEFAULT_SERIES) => {
                    SeriesPick::Chosen(DEFAULT_SERIES.to_string())
                }
                _ => SeriesPick::Pending,
            }
        }
    }
}

/// Notices for a `series` or `ind` the framework does not know.
fn series_notices(state: &ViewState, framework: Option<&Framework>) -> Vec<UrlNotice> {
    let Some(fw) = framework else {
        return Vec::new();
    };
    let notice = |param: &str, value: &str| UrlNotice {
        param: param.into(),
        value: value.into(),
    };
    if let Some(s) = state.series.as_deref().filter(|s| fw.series(s).is_none()) {
        return vec![notice("series", s)];
    }
    if let Some(i) = state
        .indicator
        .as_deref()
        .filter(|i| fw.indicator(i).is_none())
    {
        return vec![notice("ind", i)];
    }
    Vec::new()
}

/// Which observation tables of a series a view reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tables {
    None,
    Cities,
    CitiesAndCountries,
    AllCities,
    All,
}

impl Resolved {
    /// The series id, when decided.
    pub fn series_id(&self) -> Option<&str> {
        self.series.id()
    }
}

/// Resolves a view state against the framework (once loaded) and the manifest.
pub fn resolve(state: &ViewState, framework: Option<&Framework>, manifest: &Manifest) -> Resolved {
    let view = state.view;
    let series = pick_series(state, framework, manifest);
    let against = match (view, framework) {
        (View::Chart, Some(fw)) => state
            .against
            .as_deref()
            .filter(|id| fw.series(id).is_some() && series.id() != Some(id))
            .map(str::to_string),
        _ => None,
    };
    let tables = match view {
        View::Map if state.actions_layer => Tables::None,
        View::Overview | View::Actions | View::Share | View::MyData => Tables::None,
        View::Map | View::Table | View::Indicator => Tables::Cities,
        View::Chart => Tables::CitiesAndCountries,
        View::City | View::Report => Tables::All,
        View::Korea => Tables::AllCities,
    };
    let preset = state.region;
    let boundaries: &[Boundary] = match view {
        View::Map => preset_boundaries(preset),
        // The Korea view's map is Korea alone: no world behind it.
        View::Korea => &[KR_PROVINCES, KR_MUNICIPALITIES],
        _ => &[],
    };
    // A view of one preset region alone (the map, the Korea view) fetches only the
    // parts of a split city table within it (see `PackFile::region`).
    let within = match view {
        View::Map => preset,
        View::Korea => Region::Korea,
        _ => Region::World,
    };
    let mut files = Vec::new();
    for pack in &manifest.packs {
        for file in &pack.files {
            let of_series = |id: Option<&str>| id.is_some() && file.series.as_deref() == id;
            let wanted = match pack.kind {
                PackKind::Framework => true,
                PackKind::Countries | PackKind::Places => view.needs_places(),
                PackKind::Boundaries => boundaries.iter().any(|b| b.path == file.path),
                PackKind::Actions => {
                    matches!(
                        view,
                        View::Actions
                            | View::City
                            | View::Indicator
                            | View::Korea
                            | View::Report
                            | View::Chart
                    ) || (view == View::Map && state.actions_layer)
                }
                PackKind::Observations => match tables {
                    Tables::None => false,
                    Tables::All => true,
                    Tables::AllCities => file.place_kind == Some(PlaceKind::City),
                    Tables::Cities => {
                        of_series(series.id()) && file.place_kind == Some(PlaceKind::City)
                    }
                    Tables::CitiesAndCountries => {
                        of_series(series.id())
                            || (of_series(against.as_deref())
                                && file.place_kind == Some(PlaceKind::City))
                    }
                },
            };
            let in_view = file.region.is_none_or(|part| within.includes(part));
            if wanted && in_view {
                files.push(file.path.clone());
            }
        }
    }
    Resolved {
        view,
        series,
        against,
        notices: series_notices(state, framework),
        files,
        preset,
        compared: state.cities.iter().take(COMPARE_LIMIT).cloned().collect(),
        // The map's actions layer has no selection of cities to filter.
        filters: view.has_filters() && !(view == View::Map && state.actions_layer),
    }
}

/// The files the city search needs wherever it is offered (the places, and what they
/// are checked against): fetched on the landing page only when the search is used,
/// since the first view cannot afford them.
pub fn search_files(manifest: &Manifest) -> Vec<String> {
    manifest
        .packs
        .iter()
        .filter(|p| matches!(p.kind, PackKind::Countries | PackKind::Places))
        .flat_map(|p| p.files.iter().map(|f| f.path.clone()))
        .collect()
}

/// The files a single action's card needs to say its place's figures around its year
/// (see [`crate::words::around_action`]): the city tables of every series of the
/// action's targets. Asked for once the action itself has loaded, so they are not
/// part of [`resolve`], which runs before any pack has arrived.
pub fn action_card_files(
    action: &crate::model::LocalAction,
    framework: &Framework,
    manifest: &Manifest,
) -> Vec<String> {
    let wanted: Vec<&str> = framework
        .series_on(&action.targets)
        .map(|s| s.id.as_str())
        .collect();
    manifest
        .packs
        .iter()
        .filter(|p| p.kind == PackKind::Observations)
        .flat_map(|p| &p.files)
        .filter(|f| {
            f.place_kind == Some(PlaceKind::City)
                && f.series.as_deref().is_some_and(|s| wanted.contains(&s))
        })
        .map(|f| f.path.clone())
        .collect()
}

/// The state with what resolving decided written back: the chosen series, the known
/// scatter series, the compared cities within the limit. Resolving it again decides
/// the same (resolution is idempotent).
pub fn settled_state(state: &ViewState, resolved: &Resolved) -> ViewState {
    let mut next = state.clone();
    if let Some(id) = resolved.series_id() {
        next.series = Some(id.to_string());
    }
    if next.view == View::Chart {
        next.against = resolved.against.clone();
    }
    next.cities = resolved.compared.clone();
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Localized;
    use crate::model::{Direction, PackFile, Series};
    use proptest::prelude::*;

    fn series(id: &str, indicator: &str) -> Series {
        Series {
            id: id.into(),
            indicator: indicator.into(),
            title: Localized::new(id).with("ko", id),
            unit: "u".into(),
            direction: Direction::LowerIsBetter,
            thresholds: None,
            proxy_note: None,
        }
    }

    fn framework() -> Framework {
        crate::fixtures::framework(
            &["11.6.2", "11.7.1", "11.2.1"],
            vec![
                series("pm25", "11.6.2"),
                series("pm10", "11.6.2"),
                series("open-space", "11.7.1"),
                series("kr-open-space-admin", "11.7.1"),
                series("transit-access", "11.2.1"),
            ],
        )
    }

    use crate::fixtures::{pack, table_file as table};

    fn manifest() -> Manifest {
        use PlaceKind::{City, Country};
        Manifest {
            schema: crate::model::SCHEMA_VERSION,
            coverage: vec![],
            version: None,
            actions: None,
            packs: vec![
                pack(
                    "framework",
                    PackKind::Framework,
                    vec![PackFile::new("framework.json", 1)],
                ),
                pack(
                    "countries",
                    PackKind::Countries,
                    vec![PackFile::new("countries.json", 1)],
                ),
                pack(
                    "places",
                    PackKind::Places,
                    vec![PackFile::new("cities.json", 1)],
                ),
                pack(
                    "who",
                    PackKind::Observations,
                    vec![
                        table("obs/who/pm25.json", "pm25", City),
                        table("obs/who/pm10.json", "pm10", City),
                    ],
                ),
                pack(
                    "unsd",
                    PackKind::Observations,
                    vec![
                        table("obs/unsd/open-space.json", "open-space", City),
                        table("obs/unsd/pm25-countries.json", "pm25", Country),
                        table("obs/unsd/transit-access.json", "transit-access", City),
                    ],
                ),
                pack(
                    "geo",
                    PackKind::Boundaries,
                    vec![
                        PackFile::new(WORLD.path, 1),
                        PackFile::new("geo/world-50m.json", 1),
                        PackFile::new(KR_PROVINCES.path, 1),
                        PackFile::new(KR_MUNICIPALITIES.path, 1),
                    ],
                ),
                pack(
                    "local-actions",
                    PackKind::Actions,
                    vec![PackFile::new("actions.json", 1)],
                ),
            ],
        }
    }

    #[test]
    fn an_action_card_asks_for_the_city_tables_of_its_targets_series() {
        let fw = framework();
        let m = manifest();
        let mut action = crate::actions::tests::action(
            "LA1",
            "Seoul",
            &["kr-11"],
            Some(2016),
            &["11.6"],
            "waste",
        );
        assert_eq!(
            action_card_files(&action, &fw, &m),
            vec!["obs/who/pm25.json", "obs/who/pm10.json"],
            "PM2.5 and PM10 of cities, never the countries' table"
        );
        action.targets = vec!["11.1".into()];
        assert!(
            action_card_files(&action, &fw, &m).is_empty(),
            "no series on 11.1"
        );
    }

    fn files(query: &str, with_framework: bool) -> Vec<String> {
        let fw = framework();
        let (state, _) = ViewState::parse(query);
        resolve(&state, with_framework.then_some(&fw), &manifest()).files
    }

    #[test]
    fn series_falls_back_from_series_to_indicator_to_the_default() {
        let fw = framework();
        let m = manifest();
        let pick = |q: &str| pick_series(&ViewState::parse(q).0, Some(&fw), &m);
        let chosen = |id: &str| SeriesPick::Chosen(id.into());
        assert_eq!(pick(""), chosen("pm25"));
        assert_eq!(pick("series=pm10&ind=11.7.1"), chosen("pm10"));
        assert_eq!(pick("ind=11.7.1"), chosen("open-space"));
        assert_eq!(pick("series=nope&ind=11.2.1"), chosen("transit-access"));
        assert_eq!(pick("series=nope&ind=99.9.9"), chosen("pm25"));
        let mut no_pm = fw.clone();
        no_pm.series.retain(|s| s.id != "pm25");
        assert_eq!(
            pick_series(&ViewState::default(), Some(&no_pm), &m),
            chosen("pm10"),
            "a bundle without PM2.5 falls back to its first series"
        );
        no_pm.series.clear();
        assert_eq!(
            pick_series(&ViewState::default(), Some(&no_pm), &m),
            SeriesPick::None
        );
    }

    #[test]
    fn an_indicator_permalink_fetches_its_own_series_not_pm25() {
        // Before the framework: the indicator's series is not known yet, so nothing is
        // fetched for it (PM2.5 would be a wasted download).
        let early = files("view=indicator&ind=11.7.1", false);
        assert!(!early.iter().any(|f| f.starts_with("obs/")), "{early:?}");
        let full = files("view=indicator&ind=11.7.1", true);
        assert_eq!(
            full,
            vec![
                "framework.json",
                "countries.json",
                "cities.json",
                "obs/unsd/open-space.json",
                "actions.json"
            ]
        );
    }

    #[test]
    fn each_view_fetches_exactly_its_files() {
        // The landing page: its map and counts come precomputed in landing.json, which
        // its map fetches itself; its search fetches the gazetteer when used.
        assert_eq!(files("", true), vec!["framework.json"]);
        assert_eq!(
            files("view=map", true),
            vec![
                "framework.json",
                "countries.json",
                "cities.json",
                "obs/who/pm25.json",
                WORLD.path
            ]
        );
        let korea = files("view=map&region=korea&series=pm10", false);
        assert!(korea.contains(&"obs/who/pm10.json".to_string()));
        assert!(korea.contains(&KR_PROVINCES.path.to_string()));
        assert!(korea.contains(&KR_MUNICIPALITIES.path.to_string()));
        assert!(!korea.contains(&"geo/world-50m.json".to_string()));
        // Charts show the country as context, and the scatter's second series.
        let chart = files("view=chart&series=pm25&vs=open-space", true);
        assert!(chart.contains(&"obs/unsd/pm25-countries.json".to_string()));
        assert!(chart.contains(&"obs/unsd/open-space.json".to_string()));
        assert!(!files("view=table", true).contains(&"obs/unsd/pm25-countries.json".to_string()));
        // A profile shows every series; the Korea matrix every city series,
        assert_eq!(files("view=city&city=kr-11", false).len(), 3 + 5 + 1);
        // and its map Korea's two boundary layers, without the world.
        let korea_view = files("view=korea", false);
        assert_eq!(korea_view.len(), 3 + 4 + 1 + 2, "{korea_view:?}");
        assert!(korea_view.contains(&KR_MUNICIPALITIES.path.to_string()));
        assert!(!korea_view.contains(&WORLD.path.to_string()));
        // The actions layer of the map needs no statistics.
        let layer = files("view=map&layer=actions", true);
        assert!(!layer.iter().any(|f| f.starts_with("obs/")), "{layer:?}");
        assert!(layer.contains(&WORLD.path.to_string()));
        assert!(layer.contains(&"actions.json".to_string()));
        assert!(!files("view=map", true).contains(&"actions.json".to_string()));
    }

    #[test]
    fn a_view_of_one_region_fetches_only_its_parts_of_a_split_table() {
        let mut m = manifest();
        let who = m.packs.iter_mut().find(|p| p.id == "who").unwrap();
        who.files.retain(|f| f.series.as_deref() != Some("pm25"));
        for part in Region::ALL {
            let mut file = table(
                &format!("obs/who/pm25-{}.json", part.key()),
                "pm25",
                PlaceKind::City,
            );
            file.region = Some(part);
            who.files.push(file);
        }
        let files = |q: &str| -> Vec<String> {
            let got = resolve(&ViewState::parse(q).0, Some(&framework()), &m).files;
            got.into_iter()
                .filter(|f| f.starts_with("obs/who/pm25"))
                .collect()
        };
        let parts = |keys: &[&str]| -> Vec<String> {
            keys.iter()
                .map(|k| format!("obs/who/pm25-{k}.json"))
                .collect()
        };
        let all = parts(&["world", "asia-pacific", "korea"]);
        assert_eq!(files("view=map"), all);
        assert_eq!(
            files("view=map&region=asia-pacific"),
            parts(&["asia-pacific", "korea"])
        );
        assert_eq!(files("view=map&region=korea"), parts(&["korea"]));
        assert_eq!(files("view=korea"), parts(&["korea"]));
        // Views that may show places beyond their filter keep every part.
        for q in [
            "view=table&region=korea",
            "view=chart&region=korea",
            "view=indicator&region=korea",
            "view=city&city=kr-11",
        ] {
            assert_eq!(files(q), all, "{q}");
        }
    }

    #[test]
    fn unknown_series_and_indicators_become_notices() {
        let fw = framework();
        let m = manifest();
        let notices = |q: &str| -> Vec<String> {
            resolve(&ViewState::parse(q).0, Some(&fw), &m)
                .notices
                .into_iter()
                .map(|n| format!("{}={}", n.param, n.value))
                .collect()
        };
        assert_eq!(notices("view=map&ind=99.9.9"), vec!["ind=99.9.9"]);
        assert_eq!(notices("series=nope"), vec!["series=nope"]);
        assert!(notices("series=pm10&ind=11.6.2").is_empty());
        assert!(resolve(&ViewState::parse("ind=9.9").0, None, &m)
            .notices
            .is_empty());
    }

    #[test]
    fn compared_cities_are_capped_and_filters_belong_to_selection_views() {
        let m = manifest();
        let ids: Vec<String> = (0..12).map(|i| format!("c{i}")).collect();
        let state = ViewState {
            view: View::Chart,
            cities: ids,
            ..ViewState::default()
        };
        let r = resolve(&state, None, &m);
        assert_eq!(r.compared.len(), COMPARE_LIMIT);
        assert!(r.filters);
        assert!(!resolve(&ViewState::default(), None, &m).filters);
    }

    fn state() -> impl Strategy<Value = ViewState> {
        let series = prop::option::of(prop::sample::select(vec![
            "pm25",
            "pm10",
            "open-space",
            "kr-open-space-admin",
            "nope",
        ]));
        let ind = prop::option::of(prop::sample::select(vec!["11.6.2", "11.7.1", "99.9.9"]));
        (
            prop::sample::select(View::ALL.to_vec()),
            series.clone(),
            ind,
            series,
            prop::sample::select(Region::ALL.to_vec()),
            prop::collection::vec("[a-z]{1,3}", 0..12),
        )
            .prop_map(|(view, series, ind, against, region, cities)| ViewState {
                view,
                series: series.map(str::to_string),
                indicator: ind.map(str::to_string),
                against: against.map(str::to_string),
                region,
                cities,
                ..ViewState::default()
            })
    }

    proptest! {
        /// Resolving the state that resolving settled on decides the same again.
        #[test]
        fn resolve_is_idempotent(s in state()) {
            let fw = framework();
            let m = manifest();
            let first = resolve(&s, Some(&fw), &m);
            let again = resolve(&settled_state(&s, &first), Some(&fw), &m);
            prop_assert_eq!(&again.series, &first.series);
            prop_assert_eq!(&again.files, &first.files);
            prop_assert_eq!(&again.compared, &first.compared);
            prop_assert_eq!(again.against, first.against);
        }

        /// What is decided before the framework loads is never changed by it, and the
        /// early files are a subset of the final ones.
        #[test]
        fn early_answers_are_final(s in state()) {
            let fw = framework();
            let m = manifest();
            let early = resolve(&s, None, &m);
            let full = resolve(&s, Some(&fw), &m);
            if let SeriesPick::Chosen(id) = &early.series {
                prop_assert_eq!(full.series_id(), Some(id.as_str()));
            }
            prop_assert!(early.files.iter().all(|f| full.files.contains(f)), "{:?} vs {:?}", early.files, full.files);
        }
    }

    #[test]
    fn the_search_needs_the_places_the_landing_page_does_not_load() {
        let m = manifest();
        assert_eq!(search_files(&m), vec!["countries.json", "cities.json"]);
        let landing = resolve(&ViewState::default(), Some(&framework()), &m);
        assert!(!landing.files.contains(&"cities.json".to_string()));
        // Nor the countries, which only the search and the other views read.
        assert!(!landing.files.contains(&"countries.json".to_string()));
        let map = ViewState {
            view: View::Map,
            ..ViewState::default()
        };
        let map = resolve(&map, Some(&framework()), &m);
        assert!(map.files.contains(&"countries.json".to_string()));
        assert!(map.files.contains(&"cities.json".to_string()));
    }
}
