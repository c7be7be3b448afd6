//! Navigation: what a link carries, the href it becomes, and whether a change of state
//! adds a history entry. Every internal link of the app is made here, from the current
//! state, so no link drops the language, the theme or the filters.

use crate::url_state::{View, ViewState, COMPARE_LIMIT};

/// Where a link or a click goes, relative to the current state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Another view, keeping everything else.
    View(View),
    /// A city's profile.
    City(String),
    /// A series' indicator page.
    Indicator {
        /// Series id.
        series: String,
        /// Its indicator code.
        indicator: String,
    },
    /// A series on the map.
    Map {
        /// Series id.
        series: String,
        /// Its indicator code.
        indicator: String,
    },
    /// The map of a series in a region, showing one status only when given (the
    /// landing page's counts lead here). The year and other statuses are cleared: the
    /// counts are of the latest values.
    MapIn {
        /// Series id.
        series: String,
        /// Its indicator code.
        indicator: String,
        /// The region.
        region: crate::query::Region,
        /// The status kept, if any.
        status: Option<crate::assess::Status>,
    },
    /// Adds a city to the compared ones (up to [`COMPARE_LIMIT`]) and opens the charts.
    Compare(String),
    /// One action's card.
    Action(String),
    /// The actions on one target.
    ActionsOn(String),
    /// The actions of one city.
    ActionsOf(String),
    /// A city's print-ready report.
    Report(String),
    /// A city's profile, at its "cities like this one" section (the map's actions
    /// layer and the Korea matrix lead there).
    Peers(String),
}

/// The anchor of the profile's "cities like this one" section.
pub const PEERS_ANCHOR: &str = "peers";

impl Link {
    /// The section of the page a link lands on, if not its top: written after `#` in
    /// its href, and scrolled to once the section is drawn.
    pub fn anchor(&self) -> Option<&'static str> {
        matches!(self, Link::Peers(_)).then_some(PEERS_ANCHOR)
    }
}

/// The anchor a page address's fragment names, if it is one the app knows (any other
/// fragment is ignored).
pub fn known_anchor(fragment: &str) -> Option<&'static str> {
    (fragment.trim_start_matches('#') == PEERS_ANCHOR).then_some(PEERS_ANCHOR)
}

impl ViewState {
    /// The state a link leads to: the current one with only what the link names
    /// changed. Language, theme, filters and years are carried along.
    pub fn follow(&self, link: &Link) -> ViewState {
        let mut next = self.clone();
        match link {
            Link::View(view) => next.view = *view,
            Link::City(id) | Link::Peers(id) => {
                next.view = View::City;
                next.cities = vec![id.clone()];
            }
            Link::Indicator { series, indicator } => {
                next.view = View::Indicator;
                next.series = Some(series.clone());
                next.indicator = Some(indicator.clone());
            }
            Link::Map { series, indicator } => {
                next.view = View::Map;
                next.series = Some(series.clone());
                next.indicator = Some(indicator.clone());
            }
            Link::MapIn {
                series,
                indicator,
                region,
                status,
            } => {
                next = next.with_series(series, Some(indicator));
                next.view = View::Map;
                next.region = *region;
                next.statuses = status.iter().copied().collect();
            }
            Link::Action(id) => {
                next.view = View::Actions;
                next.action = Some(id.clone());
            }
            Link::ActionsOn(target) => {
                next.view = View::Actions;
                next.action = None;
                next.targets = vec![target.clone()];
            }
            Link::Report(city) => {
                next.view = View::Report;
                next.cities = vec![city.clone()];
            }
            Link::ActionsOf(city) => {
                next.view = View::Actions;
                next.action = None;
                next.cities = vec![city.clone()];
            }
            Link::Compare(id) => {
                if !next.cities.contains(id) && next.cities.len() < COMPARE_LIMIT {
                    next.cities.push(id.clone());
                }
                next.view = View::Chart;
            }
        }
        next
    }

    /// The state after choosing another series in the picker: its indicator follows,
    /// and the year and status filters, which belong to the old series, are cleared.
    pub fn with_series(&self, series: &str, indicator: Option<&str>) -> ViewState {
        let mut next = self.clone();
        next.series = Some(series.to_string());
        next.indicator = indicator.map(str::to_string);
        next.year = None;
        next.statuses.clear();
        next
    }

    /// The relative href of this state: `?` and the query string. Relative, so that
    /// the app works from any host and sub-path.
    pub fn href(&self) -> String {
        format!("?{}", self.to_query())
    }
}

/// The app's address without its query or fragment: what every absolute link of a view
/// (an embed, a QR code) is built on.
pub fn page_base(href: &str) -> &str {
    href.split(['?', '#']).next().unwrap_or(href)
}

/// The absolute permalink a kiosk's QR code carries: `base` (the kiosk's public
/// address, or the page's own; any query or fragment of it is dropped) and the state
/// [taken home](ViewState::taken_home).
pub fn take_home_url(base: &str, state: &ViewState) -> String {
    let base = page_base(base);
    let query = state.taken_home().to_query();
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// The copy-paste code a partner needs to embed a state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedCode {
    /// The iframe element (its attributes escaped).
    pub iframe: String,
    /// The script element of `embed.js`, which resizes the iframe (automatic height).
    pub script: String,
    /// The plain link to the same view, outside an embed.
    pub link: String,
}

/// Height of a snippet's iframe before the page reports its own.
const EMBED_START_HEIGHT: u32 = 640;

/// Escapes text for an HTML attribute value.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl ViewState {
    /// The same view outside an embed: the full site's state (the embed bar's link
    /// and the snippet's plain link).
    pub fn without_embed(&self) -> ViewState {
        ViewState {
            embed: false,
            hide_controls: false,
            height: crate::url_state::EmbedHeight::Auto,
            ..self.clone()
        }
    }

    /// The state as a visitor takes it home from a kiosk: the same view, filters,
    /// language and theme, but neither a kiosk nor an embed (a phone is neither).
    pub fn taken_home(&self) -> ViewState {
        ViewState {
            kiosk: false,
            kiosk_idle: None,
            kiosk_dwell: None,
            ..self.without_embed()
        }
    }

    /// The embed code of this state as shown at `page` (the app's absolute address
    /// without a query, ending in `/`), titled `title` for screen readers. The embed
    /// carries this state's view, filters, language and theme, plus its own options.
    pub fn embed_code(&self, page: &str, title: &str) -> EmbedCode {
        let base = page_base(page);
        let mut embedded = self.clone();
        embedded.embed = true;
        let plain = self.without_embed();
        let height = match self.height {
            crate::url_state::EmbedHeight::Px(px) => px,
            crate::url_state::EmbedHeight::Auto => EMBED_START_HEIGHT,
        };
        let src = format!("{base}?{}", embedded.to_query());
        EmbedCode {
            iframe: format!(
                "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\"></iframe>",
                attribute(&src),
                attribute(title)
            ),
            script: match self.height {
                crate::url_state::EmbedHeight::Auto => format!(
                    "<script src=\"{}embed.js\" async></script>",
                    attribute(base)
                ),
                crate::url_state::EmbedHeight::Px(_) => String::new(),
            },
            link: format!("{base}{}", plain.href()),
        }
    }
}

/// What a change of state does to the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryAction {
    /// The state did not change: the URL stays.
    Keep,
    /// A new place (another view, city or indicator): Back returns to the old one.
    Push,
    /// A refinement of the same place (a filter, the year, the language): the URL is
    /// updated without a new entry, so Back leaves the view rather than undoing filters.
    Replace,
}

/// The history rule: a new view, another city's profile or another indicator page
/// pushes; anything else replaces.
pub fn history_action(prev: &ViewState, next: &ViewState) -> HistoryAction {
    if prev == next {
        HistoryAction::Keep
    } else if prev.view != next.view
        || (matches!(next.view, View::City | View::Report) && prev.cities != next.cities)
        || (next.view == View::Indicator && prev.indicator != next.indicator)
    {
        HistoryAction::Push
    } else {
        HistoryAction::Replace
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::query::Region;
    use proptest::prelude::*;

    fn korean_map() -> ViewState {
        ViewState::parse("view=map&region=korea&country=KOR&year=2019&lang=ko&theme=dark").0
    }

    #[test]
    fn a_landing_count_opens_the_map_of_its_status_in_its_region() {
        use crate::assess::Status;
        let from = ViewState::parse("lang=ko&year=2015&status=green").0;
        let to = from.follow(&Link::MapIn {
            series: "pm25".into(),
            indicator: "11.6.2".into(),
            region: Region::AsiaPacific,
            status: Some(Status::Red),
        });
        assert_eq!(
            to.href(),
            ViewState::parse(
                "view=map&series=pm25&ind=11.6.2&region=asia-pacific&status=red&lang=ko"
            )
            .0
            .href()
        );
    }

    #[test]
    fn links_carry_language_theme_and_filters() {
        let here = korean_map();
        let city = here.follow(&Link::City("kr-11".into()));
        assert_eq!(
            city.href(),
            "?view=city&year=2019&region=korea&country=KOR&city=kr-11&lang=ko&theme=dark"
        );
        let ind = here.follow(&Link::Indicator {
            series: "pm10".into(),
            indicator: "11.6.2".into(),
        });
        assert_eq!(ind.view, View::Indicator);
        assert_eq!((ind.lang, ind.region), (Lang::Ko, Region::Korea));
        assert_eq!(ind.series.as_deref(), Some("pm10"));
        assert_eq!(
            ViewState::default()
                .follow(&Link::View(View::Overview))
                .href(),
            "?"
        );
    }

    #[test]
    fn compare_adds_each_city_once_up_to_the_limit() {
        let mut s = ViewState::default().follow(&Link::City("a".into()));
        s = s.follow(&Link::Compare("a".into()));
        assert_eq!(s.cities, vec!["a"]);
        assert_eq!(s.view, View::Chart);
        for i in 0..20 {
            s = s.follow(&Link::Compare(format!("c{i}")));
        }
        assert_eq!(s.cities.len(), COMPARE_LIMIT);
    }

    #[test]
    fn choosing_a_series_clears_what_belonged_to_the_old_one() {
        let s = ViewState::parse("view=map&series=pm25&year=2019&status=red&country=KOR").0;
        let next = s.with_series("pm10", Some("11.6.2"));
        assert_eq!(
            next.to_query(),
            "view=map&ind=11.6.2&series=pm10&country=KOR"
        );
    }

    #[test]
    fn history_pushes_places_and_replaces_refinements() {
        let map = korean_map();
        assert_eq!(history_action(&map, &map.clone()), HistoryAction::Keep);
        let mut filtered = map.clone();
        filtered.year = Some(2015);
        assert_eq!(history_action(&map, &filtered), HistoryAction::Replace);
        let city = map.follow(&Link::City("kr-11".into()));
        assert_eq!(history_action(&map, &city), HistoryAction::Push);
        let other = city.follow(&Link::City("kr-21".into()));
        assert_eq!(history_action(&city, &other), HistoryAction::Push);
        let mut korean = city.clone();
        korean.lang = Lang::En;
        assert_eq!(history_action(&city, &korean), HistoryAction::Replace);
        let ind = |code: &str| {
            map.follow(&Link::Indicator {
                series: "s".into(),
                indicator: code.into(),
            })
        };
        assert_eq!(
            history_action(&ind("11.6.2"), &ind("11.7.1")),
            HistoryAction::Push
        );
        // On the map the indicator is a filter, not a place.
        let mut map_ind = map.clone();
        map_ind.indicator = Some("11.7.1".into());
        assert_eq!(history_action(&map, &map_ind), HistoryAction::Replace);
    }

    #[test]
    fn a_peers_link_is_the_profile_at_its_section() {
        let here = korean_map();
        let peers = Link::Peers("kr-31010".into());
        assert_eq!(
            here.follow(&peers),
            here.follow(&Link::City("kr-31010".into()))
        );
        assert_eq!(peers.anchor(), Some(PEERS_ANCHOR));
        assert_eq!(Link::City("kr-31010".into()).anchor(), None);
        assert_eq!(known_anchor("#peers"), Some("peers"));
        assert_eq!(known_anchor("peers"), Some("peers"));
        for other in ["", "#", "#main", "#peers2", "#<script>"] {
            assert_eq!(known_anchor(other), None, "{other}");
        }
    }

    fn link() -> impl Strategy<Value = Link> {
        let id = "[a-z0-9][a-z0-9-]{0,10}";
        prop_oneof![
            prop::sample::select(View::ALL.to_vec()).prop_map(Link::View),
            id.prop_map(Link::City),
            id.prop_map(Link::Compare),
            "LA[0-9]{3}".prop_map(Link::Action),
            "11\\.[1-7ac]".prop_map(Link::ActionsOn),
            id.prop_map(Link::ActionsOf),
            id.prop_map(Link::Report),
            id.prop_map(Link::Peers),
            (id, "1[01]\\.[0-9]\\.[0-9]")
                .prop_map(|(series, indicator)| Link::Indicator { series, indicator }),
            (id, "1[01]\\.[0-9]\\.[0-9]")
                .prop_map(|(series, indicator)| Link::Map { series, indicator }),
        ]
    }

    proptest! {
        /// Every link round-trips through the URL: the page it opens has exactly the
        /// state the link was made from.
        #[test]
        fn every_link_round_trips(query in "[a-z=&0-9,.-]{0,60}", links in prop::collection::vec(link(), 1..6)) {
            let (mut state, _) = ViewState::parse(&query);
            for link in &links {
                state = state.follow(link);
                let (back, notices) = ViewState::parse(&state.href());
                prop_assert!(notices.is_empty());
                prop_assert_eq!(&back, &state);
            }
        }

        /// A link never changes the language or the theme.
        #[test]
        fn links_keep_preferences(links in prop::collection::vec(link(), 1..6)) {
            let start = korean_map();
            let end = links.iter().fold(start.clone(), |s, l| s.follow(l));
            prop_assert_eq!((end.lang, end.theme), (start.lang, start.theme));
        }
    }

    #[test]
    fn the_embed_code_carries_the_state_and_escapes_what_it_quotes() {
        let (state, _) = ViewState::parse("view=map&region=korea&series=pm25&lang=ko");
        let code = state.embed_code(
            "https://example.org/sdg/?old=1",
            "Urban SDG Explorer: \"PM2.5\" & <map>",
        );
        assert_eq!(
            code.iframe,
            "<iframe src=\"https://example.org/sdg/?view=map&amp;series=pm25&amp;region=korea&amp;lang=ko&amp;embed=1\" \
             title=\"Urban SDG Explorer: &quot;PM2.5&quot; &amp; &lt;map&gt;\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>"
        );
        assert_eq!(
            code.script,
            "<script src=\"https://example.org/sdg/embed.js\" async></script>"
        );
        assert_eq!(
            code.link,
            "https://example.org/sdg/?view=map&series=pm25&region=korea&lang=ko"
        );
        // A fixed height needs no script; hidden controls travel in the embed only.
        let (fixed, _) = ViewState::parse("view=chart&embed=1&controls=0&height=480");
        let code = fixed.embed_code("https://example.org/", "t");
        assert!(
            code.iframe.contains("controls=0&amp;height=480")
                && code.iframe.contains("height=\"480\"")
        );
        assert_eq!(code.script, "");
        assert_eq!(code.link, "https://example.org/?view=chart");
    }

    #[test]
    fn a_kiosk_view_taken_home_is_the_same_view_without_the_kiosk() {
        let (kiosk, _) =
            ViewState::parse("kiosk=1&idle=60&dwell=8&view=city&city=kr-31010&lang=ko&embed=1");
        let url = take_home_url("https://sdg.example.org/hub/?kiosk=1#top", &kiosk);
        assert_eq!(
            url,
            "https://sdg.example.org/hub/?view=city&city=kr-31010&lang=ko"
        );
        let (back, notices) = ViewState::parse(url.split_once('?').unwrap().1);
        assert!(notices.is_empty());
        assert!(!back.kiosk && !back.embed && back.kiosk_idle.is_none());
        assert_eq!(
            (back.view, back.cities.clone(), back.lang),
            (kiosk.view, kiosk.cities.clone(), kiosk.lang)
        );
        assert_eq!(
            page_base("https://a.org/x/?view=map#top"),
            "https://a.org/x/"
        );
        assert_eq!(page_base("https://a.org/x/#top?q"), "https://a.org/x/");
        let (home, _) = ViewState::parse("kiosk=1");
        assert_eq!(
            take_home_url("http://localhost:8080/", &home),
            "http://localhost:8080/"
        );
    }
}
