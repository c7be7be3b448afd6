//! The view state and its query string, both ways. The query string is the public
//! contract (see the README): partner sites link and embed views with it.
//!
//! Parsing never fails: unknown parameters are ignored, and a parameter with a value
//! that cannot be understood is dropped with a [`UrlNotice`] the UI shows politely.
//! Values that can only be checked against the data (an unknown city id, an indicator
//! code we do not carry) are kept here and checked later by the views.

use std::fmt::Write;

use crate::assess::Status;
use crate::filter::{Filter, Region, SizeClass};
pub use crate::i18n::Lang;

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Goal 11 at a glance.
    #[default]
    Overview,
    /// The map.
    Map,
    /// Charts.
    Chart,
    /// The table.
    Table,
    /// A city profile.
    City,
    /// An indicator page.
    Indicator,
    /// Cities' own Goal 11 actions.
    Actions,
    /// Korea's Goal 11 implementation matrix.
    Korea,
    /// A print-ready Goal 11 report of one city.
    Report,
    /// The "Share an action" form.
    Share,
    /// "Use your own data": a CSV or a saved pack loaded from the user's disk.
    MyData,
}

impl View {
    /// Whether the view needs the gazetteer (the countries and the places) before it
    /// can show anything: every view but the overview, whose map comes precomputed in
    /// `landing.json` and whose search fetches the gazetteer when it is used. The
    /// files a view fetches, the loading line and which failures block it all follow
    /// this one rule.
    pub fn needs_places(self) -> bool {
        self != View::Overview
    }

    /// Views with the filter bar (they show a selection of cities).
    pub fn has_filters(self) -> bool {
        matches!(
            self,
            View::Map | View::Chart | View::Table | View::Indicator
        )
    }

    /// Every view.
    pub const ALL: [View; 11] = [
        View::Overview,
        View::Map,
        View::Chart,
        View::Table,
        View::City,
        View::Indicator,
        View::Actions,
        View::Korea,
        View::Report,
        View::Share,
        View::MyData,
    ];

    /// URL key.
    pub fn key(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Map => "map",
            View::Chart => "chart",
            View::Table => "table",
            View::City => "city",
            View::Indicator => "indicator",
            View::Actions => "actions",
            View::Korea => "korea",
            View::Report => "report",
            View::Share => "share",
            View::MyData => "mydata",
        }
    }
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// High contrast: black on white, heavy outlines and focus (WCAG 2.2 AA and more).
    Contrast,
}

impl Theme {
    /// Every theme, in the order the theme menu lists them.
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Contrast];

    /// The theme a URL key names, if any: the one parser of the URL and the menu.
    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The message key of the theme's name in the menu.
    pub fn label_key(self) -> &'static str {
        match self {
            Theme::Auto => "prefs.theme.auto",
            Theme::Light => "prefs.theme.light",
            Theme::Dark => "prefs.theme.dark",
            Theme::Contrast => "prefs.theme.contrast",
        }
    }

    /// URL key.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }
}

/// The height an embed asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedHeight {
    /// Follow the content: the page posts its height to the partner page.
    #[default]
    Auto,
    /// A fixed height in CSS pixels (the view fits it; nothing is posted).
    Px(u32),
}

/// Fixed embed heights accepted, in CSS pixels.
pub const EMBED_HEIGHTS: std::ops::RangeInclusive<u32> = 200..=4000;

/// Everything a permalink remembers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// `view`.
    pub view: View,
    /// `ind`: indicator code.
    pub indicator: Option<String>,
    /// `series`: series id.
    pub series: Option<String>,
    /// `year`.
    pub year: Option<i32>,
    /// `from`: first year of a time range.
    pub from: Option<i32>,
    /// `to`: last year of a time range.
    pub to: Option<i32>,
    /// `region`: the filter and map preset. The world is the default, so it has one
    /// URL: no `region` parameter (`region=world` parses to the same state).
    pub region: Region,
    /// `subregion`: a subregion slug such as `south-east-asia`.
    pub subregion: Option<String>,
    /// `country`: ISO3 codes.
    pub countries: Vec<String>,
    /// `size`: population class.
    pub size: Option<SizeClass>,
    /// `status`: statuses to keep.
    pub statuses: Vec<Status>,
    /// `city`: city ids (several = compare; see [`COMPARE_LIMIT`]).
    pub cities: Vec<String>,
    /// `vs`: the series on the scatter's x axis (population when absent).
    pub against: Option<String>,
    /// `target`: Goal 11 targets the actions view keeps, e.g. `11.6`.
    pub targets: Vec<String>,
    /// `theme` with an action theme (`waste`, `transport`, …; see
    /// [`crate::model::ACTION_THEMES`]): the actions view's theme filter. The same
    /// parameter takes the colour theme (`auto`, `light`, `dark`); the two sets of
    /// values do not overlap, and both may be given.
    pub action_theme: Option<String>,
    /// `action`: one action's card (its permalink).
    pub action: Option<String>,
    /// `layer=actions`: the map shows local actions (a symbol per city sized by its
    /// number of actions) instead of the statistics.
    pub actions_layer: bool,
    /// `q`: search text.
    pub query: String,
    /// `lang`.
    pub lang: Lang,
    /// `theme`.
    pub theme: Theme,
    /// `embed=1`: one view with minimal chrome, for a partner's page.
    pub embed: bool,
    /// `controls=0`: an embed without its controls (filters, presets, player).
    pub hide_controls: bool,
    /// `height=auto|<px>`: how tall an embed is.
    pub height: EmbedHeight,
    /// `kiosk=1`: a touch screen at a forum (see [`crate::kiosk`]).
    pub kiosk: bool,
    /// `idle`: a kiosk's idle seconds before it resets and starts its loop.
    pub kiosk_idle: Option<u32>,
    /// `dwell`: seconds per view of a kiosk's loop.
    pub kiosk_dwell: Option<u32>,
    /// `data`: the data version (its content hash, see
    /// [`crate::model::BundleVersion`]) a citation or a pinned embed was made with;
    /// the app says so when the data it shows is another version.
    pub data: Option<String>,
}

/// A parameter whose value was not understood and was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlNotice {
    /// Parameter name.
    pub param: String,
    /// The value as given (decoded, cut to 80 characters).
    pub value: String,
}

/// Most cities compared in one chart.
pub const COMPARE_LIMIT: usize = 8;

/// Years a permalink may name.
use crate::limits::URL_YEARS as YEARS;

/// A token a list parameter may hold: ids and codes are short and plain.
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl ViewState {
    /// The filter this state describes.
    pub fn filter(&self) -> Filter {
        Filter {
            region: self.region,
            subregion: self.subregion.clone(),
            countries: self.countries.clone(),
            size: self.size,
            statuses: self.statuses.clone(),
            text: self.query.clone(),
        }
    }

    /// Parses a query string (with or without the leading `?`). Never fails.
    pub fn parse(query: &str) -> (ViewState, Vec<UrlNotice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key);
            let value = decode(raw);
            let ok = state.set(&key, &value);
            if !ok {
                notices.push(UrlNotice {
                    param: key.chars().take(20).collect(),
                    value: value.chars().take(80).collect(),
                });
            }
        }
        (state, notices)
    }

    /// Sets one parameter; false when the value was not understood (unknown keys are
    /// accepted and ignored, so they return true).
    fn set(&mut self, key: &str, value: &str) -> bool {
        let year = || value.parse::<i32>().ok().filter(|y| YEARS.contains(y));
        let token = || Some(value.to_string()).filter(|v| is_token(v));
        // `1` or `0`, the switches' values.
        let flag = || match value {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        let list = || -> Option<Vec<String>> {
            let items: Vec<String> = value
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            (!items.is_empty() && items.len() <= 50 && items.iter().all(|s| is_token(s)))
                .then_some(items)
        };
        match key {
            "view" => View::ALL
                .into_iter()
                .find(|v| v.key() == value)
                .map(|v| self.view = v)
                .is_some(),
            "ind" => token().map(|v| self.indicator = Some(v)).is_some(),
            "series" => token().map(|v| self.series = Some(v)).is_some(),
            "year" => year().map(|y| self.year = Some(y)).is_some(),
            "from" => year().map(|y| self.from = Some(y)).is_some(),
            "to" => year().map(|y| self.to = Some(y)).is_some(),
            "region" => Region::from_key(value).map(|r| self.region = r).is_some(),
            "vs" => token().map(|v| self.against = Some(v)).is_some(),
            "target" => list()
                .filter(|l| l.iter().all(|t| crate::model::is_goal11_target(t)))
                .map(|l| self.targets = l)
                .is_some(),
            "action" => token().map(|v| self.action = Some(v)).is_some(),
            "layer" => match value {
                "actions" => {
                    self.actions_layer = true;
                    true
                }
                "statistics" => {
                    self.actions_layer = false;
                    true
                }
                _ => false,
            },
            "subregion" => token().map(|v| self.subregion = Some(v)).is_some(),
            "country" => list()
                .filter(|l| {
                    l.iter()
                        .all(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
                })
                .map(|l| self.countries = l.into_iter().map(|c| c.to_ascii_uppercase()).collect())
                .is_some(),
            "size" => SizeClass::from_key(value)
                .map(|s| self.size = Some(s))
                .is_some(),
            "status" => value
                .split(',')
                .map(Status::from_key)
                .collect::<Option<Vec<_>>>()
                .filter(|v| !v.is_empty())
                .map(|v| self.statuses = v)
                .is_some(),
            "city" => list().map(|l| self.cities = l).is_some(),
            "q" => {
                self.query = value.chars().take(100).collect();
                true
            }
            "lang" => Lang::from_key(value).map(|l| self.lang = l).is_some(),
            "embed" => flag().map(|on| self.embed = on).is_some(),
            "controls" => flag().map(|on| self.hide_controls = !on).is_some(),
            "height" => match value {
                "auto" => {
                    self.height = EmbedHeight::Auto;
                    true
                }
                px => px
                    .parse::<u32>()
                    .ok()
                    .filter(|p| EMBED_HEIGHTS.contains(p))
                    .map(|p| self.height = EmbedHeight::Px(p))
                    .is_some(),
            },
            "kiosk" => flag().map(|on| self.kiosk = on).is_some(),
            "data" => crate::model::BundleVersion::is_hash(value)
                .then(|| self.data = Some(value.to_string()))
                .is_some(),
            "idle" | "dwell" => value
                .parse::<u32>()
                .ok()
                .filter(|v| crate::limits::KIOSK_SECONDS.contains(v))
                .map(|v| {
                    if key == "idle" {
                        self.kiosk_idle = Some(v);
                    } else {
                        self.kiosk_dwell = Some(v);
                    }
                })
                .is_some(),
            "theme" => {
                if let Some(t) = Theme::from_key(value) {
                    self.theme = t;
                    true
                } else if crate::model::ACTION_THEMES.contains(&value) {
                    self.action_theme = Some(value.to_string());
                    true
                } else {
                    false
                }
            }
            _ => true,
        }
    }

    /// True when the state is the plain landing page: the overview, neither embedded
    /// nor on a kiosk. Such a URL opens in the small landing build of the app
    /// (`src/bin/landing.rs`), which leaves for the full build as soon as the state
    /// is anything else; the start-up script's guess (`scripts/csp-init.mjs`) must
    /// never say "landing" where this says no.
    pub fn on_landing(&self) -> bool {
        self.view == View::Overview && !self.embed && !self.kiosk
    }

    /// The query string (without `?`) holding every non-default field, in a fixed order.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if self.view != View::Overview {
            parts.push(("view", self.view.key().into()));
        }
        if let Some(v) = &self.indicator {
            parts.push(("ind", v.clone()));
        }
        if let Some(v) = &self.series {
            parts.push(("series", v.clone()));
        }
        for (k, v) in [("year", self.year), ("from", self.from), ("to", self.to)] {
            if let Some(y) = v {
                parts.push((k, y.to_string()));
            }
        }
        if self.region != Region::World {
            parts.push(("region", self.region.key().into()));
        }
        if let Some(v) = &self.subregion {
            parts.push(("subregion", v.clone()));
        }
        if !self.countries.is_empty() {
            parts.push(("country", self.countries.join(",")));
        }
        if let Some(s) = self.size {
            parts.push(("size", s.key().into()));
        }
        if !self.statuses.is_empty() {
            let keys: Vec<&str> = self.statuses.iter().map(|s| s.key()).collect();
            parts.push(("status", keys.join(",")));
        }
        if !self.cities.is_empty() {
            parts.push(("city", self.cities.join(",")));
        }
        if let Some(v) = &self.against {
            parts.push(("vs", v.clone()));
        }
        if !self.targets.is_empty() {
            parts.push(("target", self.targets.join(",")));
        }
        if let Some(v) = &self.action_theme {
            parts.push(("theme", v.clone()));
        }
        if let Some(v) = &self.action {
            parts.push(("action", v.clone()));
        }
        if self.actions_layer {
            parts.push(("layer", "actions".into()));
        }
        if !self.query.is_empty() {
            parts.push(("q", self.query.clone()));
        }
        if self.lang != Lang::En {
            parts.push(("lang", self.lang.key().into()));
        }
        if self.theme != Theme::Auto {
            parts.push(("theme", self.theme.key().into()));
        }
        if self.embed {
            parts.push(("embed", "1".into()));
        }
        if self.hide_controls {
            parts.push(("controls", "0".into()));
        }
        if let EmbedHeight::Px(px) = self.height {
            parts.push(("height", px.to_string()));
        }
        if self.kiosk {
            parts.push(("kiosk", "1".into()));
        }
        for (k, v) in [("idle", self.kiosk_idle), ("dwell", self.kiosk_dwell)] {
            if let Some(v) = v {
                parts.push((k, v.to_string()));
            }
        }
        if let Some(v) = &self.data {
            parts.push(("data", v.clone()));
        }
        let mut out = String::new();
        for (i, (k, v)) in parts.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            encode_into(&mut out, v);
        }
        out
    }
}

/// Percent-encodes everything but unreserved characters and the comma (kept for lists).
fn encode_into(out: &mut String, s: &str) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// Decodes `%XX` and `+`; malformed escapes are kept as text, invalid UTF-8 replaced.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_the_plain_overview_opens_in_the_landing_build() {
        for (query, landing) in [
            ("", true),
            ("?lang=ko&theme=dark", true),
            ("?view=overview&q=seoul", true),
            ("?view=bogus", true),
            ("?region=asia-pacific&year=2019", true),
            ("?view=map", false),
            ("?view=overview&embed=1", false),
            ("?kiosk=1", false),
            ("?view=city&city=kr-11", false),
        ] {
            assert_eq!(ViewState::parse(query).0.on_landing(), landing, "{query}");
        }
    }

    #[test]
    fn parses_a_full_permalink() {
        let (s, notices) = ViewState::parse(
            "?view=map&ind=11.6.2&series=pm25&year=2019&region=asia-pacific&subregion=south-east-asia&country=kor,JPN&size=1m-5m&status=red,orange&city=kr-11,gn-1835848&q=%EC%84%9C%EC%9A%B8&lang=ko&theme=dark&utm=x",
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.view, View::Map);
        assert_eq!(s.indicator.as_deref(), Some("11.6.2"));
        assert_eq!(s.year, Some(2019));
        assert_eq!(s.region, Region::AsiaPacific);
        assert_eq!(s.subregion.as_deref(), Some("south-east-asia"));
        assert_eq!(s.countries, vec!["KOR", "JPN"]);
        assert_eq!(s.statuses, vec![Status::Red, Status::Orange]);
        assert_eq!(s.cities, vec!["kr-11", "gn-1835848"]);
        assert_eq!(s.query, "서울");
        assert_eq!(s.lang, Lang::Ko);
        assert_eq!(s.theme, Theme::Dark);
    }

    #[test]
    fn bad_values_become_notices_and_fall_back() {
        let (s, notices) =
            ViewState::parse("view=moon&year=abc&lang=fr&city=<script>&status=purple");
        assert_eq!(s, ViewState::default());
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, vec!["view", "year", "lang", "city", "status"]);
    }

    #[test]
    fn action_parameters() {
        let (s, notices) =
            ViewState::parse("view=actions&target=11.6,11.a&theme=waste&action=LA003");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.view, View::Actions);
        assert_eq!(s.targets, vec!["11.6", "11.a"]);
        assert_eq!(s.action_theme.as_deref(), Some("waste"));
        let (both, n) = ViewState::parse("theme=dark&theme=waste");
        assert!(n.is_empty());
        assert_eq!(
            (both.theme, both.action_theme.as_deref()),
            (Theme::Dark, Some("waste"))
        );
        assert_eq!(s.action.as_deref(), Some("LA003"));
        assert_eq!(
            s.to_query(),
            "view=actions&target=11.6,11.a&theme=waste&action=LA003"
        );
        let (bad, notices) = ViewState::parse("target=11.9,12.1");
        assert!(bad.targets.is_empty());
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn the_world_region_has_one_url() {
        let (world, notices) = ViewState::parse("view=map&region=world");
        assert!(notices.is_empty());
        assert_eq!(world, ViewState::parse("view=map").0);
        assert_eq!(world.to_query(), "view=map");
    }

    #[test]
    fn embed_options_parse_and_bad_heights_are_dropped() {
        let (s, notices) = ViewState::parse("view=map&embed=1&controls=0&height=640&lang=ko");
        assert!(notices.is_empty());
        assert!(s.embed && s.hide_controls);
        assert_eq!(s.height, EmbedHeight::Px(640));
        assert_eq!(
            s.to_query(),
            "view=map&lang=ko&embed=1&controls=0&height=640"
        );
        let (auto, _) = ViewState::parse("embed=1&height=auto");
        assert_eq!(auto.height, EmbedHeight::Auto);
        let (bad, notices) = ViewState::parse("embed=yes&height=99999&controls=maybe");
        assert_eq!(notices.len(), 3);
        assert_eq!(bad, ViewState::default());
    }

    #[test]
    fn default_state_is_the_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::parse(""), (ViewState::default(), vec![]));
    }

    #[test]
    fn decode_handles_malformed_escapes() {
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%ff"), "\u{fffd}");
    }

    fn token() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9._-]{0,20}"
    }

    fn state() -> impl Strategy<Value = ViewState> {
        (
            (
                prop::sample::select(View::ALL.to_vec()),
                prop::option::of(token()),
                prop::option::of(token()),
                prop::option::of(1950i32..=2100),
                prop::option::of(1950i32..=2100),
                prop::option::of(1950i32..=2100),
                prop::sample::select(Region::ALL.to_vec()),
                prop::option::of(token()),
            ),
            (
                prop::collection::vec("[A-Z]{3}", 0..4),
                prop::option::of(prop::sample::select(SizeClass::ALL.to_vec())),
                prop::collection::vec(prop::sample::select(Status::ALL.to_vec()), 0..4),
                prop::collection::vec(token(), 0..5),
                prop::option::of(token()),
                "\\PC{0,30}",
                prop::sample::select(Lang::ALL.to_vec()),
                prop::sample::select(Theme::ALL.to_vec()),
            ),
        )
            .prop_flat_map(|parts| {
                (
                    Just(parts),
                    prop::collection::vec(
                        prop::sample::select(vec!["11.1", "11.6", "11.a", "11.c"]),
                        0..3,
                    ),
                    prop::option::of(
                        prop::sample::select(crate::model::ACTION_THEMES.to_vec())
                            .prop_map(str::to_string),
                    ),
                    prop::option::of(token()),
                    any::<bool>(),
                    (
                        any::<bool>(),
                        any::<bool>(),
                        prop::option::of(EMBED_HEIGHTS),
                        any::<bool>(),
                        prop::option::of(crate::limits::KIOSK_SECONDS),
                        prop::option::of(crate::limits::KIOSK_SECONDS),
                        prop::option::of("[0-9a-f]{12}"),
                    ),
                )
            })
            .prop_map(
                |(
                    (
                        (view, indicator, series, year, from, to, region, subregion),
                        (countries, size, statuses, cities, against, query, lang, theme),
                    ),
                    targets,
                    action_theme,
                    action,
                    actions_layer,
                    (embed, hide_controls, height, kiosk, kiosk_idle, kiosk_dwell, data),
                )| {
                    ViewState {
                        view,
                        indicator,
                        series,
                        year,
                        from,
                        to,
                        region,
                        subregion,
                        countries,
                        size,
                        statuses,
                        cities,
                        against,
                        targets: targets.into_iter().map(str::to_string).collect(),
                        action_theme,
                        action,
                        actions_layer,
                        query,
                        lang,
                        theme,
                        embed,
                        hide_controls,
                        height: height.map_or(EmbedHeight::Auto, EmbedHeight::Px),
                        kiosk,
                        kiosk_idle,
                        kiosk_dwell,
                        data,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn every_state_survives_a_round_trip(s in state()) {
            let q = s.to_query();
            let (back, notices) = ViewState::parse(&q);
            prop_assert!(notices.is_empty(), "{:?} from {}", notices, q);
            prop_assert_eq!(back, s);
        }

        #[test]
        fn any_string_parses_without_panicking(q in "\\PC{0,200}") {
            let (s, _) = ViewState::parse(&q);
            // Whatever was understood serialises and parses back to itself.
            let (again, notices) = ViewState::parse(&s.to_query());
            prop_assert!(notices.is_empty());
            prop_assert_eq!(again, s);
        }

        /// Queries made of the contract's own keys with valid, borderline and hostile
        /// values (a random string almost never forms a parameter): whatever is
        /// understood survives a round trip, and every value not understood is named
        /// in a notice.
        #[test]
        fn real_keys_with_any_values_round_trip_and_refusals_name_their_key(
            pairs in prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "view", "ind", "series", "year", "from", "to", "region", "vs",
                        "target", "action", "layer", "subregion", "country", "size",
                        "status", "city", "q", "lang", "embed", "controls", "height",
                        "kiosk", "theme", "idle", "dwell", "data",
                    ]),
                    prop_oneof![
                        prop::sample::select(vec![
                            "map", "city", "pm25", "2020", "1899", "1900", "2101", "asia-pacific",
                            "KOR", "kr-31010", "ko", "zh", "xx", "dark", "1", "0", "11.6",
                            "11.9", "LA003", "red,green", "actions", "300", "3", "3601",
                            "south-east-asia", "1m-5m", "transport", "",
                            "e30a1ae72861", "E30A1AE72861",
                        ])
                        .prop_map(str::to_string),
                        "[a-z0-9,.%+-]{0,12}",
                    ],
                ),
                0..8,
            )
        ) {
            let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let (s, notices) = ViewState::parse(&q.join("&"));
            let (again, again_notices) = ViewState::parse(&s.to_query());
            prop_assert!(again_notices.is_empty(), "{:?}", again_notices);
            prop_assert_eq!(&again, &s);
            // Each refused value is named with its own key, as given.
            for n in &notices {
                prop_assert!(
                    pairs.iter().any(|(k, _)| *k == n.param),
                    "notice for a key not given: {:?}", n
                );
            }
            // A lone parameter is applied or refused, not both (a list may be
            // partly both: some cities known, some not).
            for (k, v) in &pairs {
                let (alone, alone_notices) = ViewState::parse(&format!("{k}={v}"));
                let changed = alone != ViewState::default();
                let named = alone_notices.iter().any(|n| n.param == *k);
                prop_assert!(!(changed && named) || *k == "city" || *k == "status" || *k == "country",
                    "{}={} both applied and refused", k, v);
            }
        }

        #[test]
        fn any_bytes_parse_without_panicking(q in "[%&=,+a-zA-Z0-9\u{ac00}-\u{ac10}]{0,80}") {
            let _ = ViewState::parse(&q);
        }
    }
}
