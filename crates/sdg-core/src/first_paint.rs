//! The first paint made at build time: which states of the app are painted into
//! static markup when `dist/` is built, and how a URL finds its frame before any wasm
//! has arrived.
//!
//! The build (`scripts/paint.mjs`) opens each frame's URL in the built app, waits for
//! the view to be drawn and saves its markup; the start-up script shows the frame
//! whose [`Frame::match_key`] equals the URL's, and nothing else (the page's plain
//! "loading" line then waits for the app). The match is exact on the parameters, in
//! any order: a URL that means more than a frame shows (a filter, a year, a theme, an
//! unknown parameter) never borrows its picture.

use crate::i18n::Lang;
use crate::query::Region;
use crate::url_state::{View, ViewState};

/// One state painted at build time.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// A name for its file: the view, the preset and the language (`map-korea-ko`).
    pub key: String,
    /// The state it shows.
    pub state: ViewState,
}

impl Frame {
    /// The frame's permalink query (without `?`), as the app writes it.
    pub fn query(&self) -> String {
        self.state.to_query()
    }

    /// The query's parameters sorted, `key=value` joined by `&`: the form in which
    /// the start-up script compares a URL with the frames (it sorts the URL's own
    /// parameters the same way, so their order does not matter).
    pub fn match_key(&self) -> String {
        match_key(&self.query())
    }
}

/// The painted states, in every interface language: the landing page, the map of
/// each preset (world, Asia-Pacific, Korea) for the default series, and Korea's
/// implementation matrix (the hub's own view, and among its heaviest to start).
pub fn frames() -> Vec<Frame> {
    let mut frames = Vec::new();
    for &lang in Lang::ALL {
        let landing = ViewState {
            lang,
            ..ViewState::default()
        };
        frames.push(Frame {
            key: format!("landing-{}", lang.key()),
            state: landing,
        });
        for region in Region::ALL {
            let map = ViewState {
                view: View::Map,
                region,
                lang,
                ..ViewState::default()
            };
            frames.push(Frame {
                key: format!("map-{}-{}", region.key(), lang.key()),
                state: map,
            });
        }
        frames.push(Frame {
            key: format!("korea-{}", lang.key()),
            state: ViewState {
                view: View::Korea,
                lang,
                ..ViewState::default()
            },
        });
    }
    frames
}

/// The frame a query shows, if any: the one whose state it parses to exactly, with
/// nothing misunderstood. The start-up script's sorted match must never pick a frame
/// where this says none (tested below).
pub fn frame_for(query: &str) -> Option<Frame> {
    let (state, notices) = ViewState::parse(query);
    if !notices.is_empty() {
        return None;
    }
    frames()
        .into_iter()
        .find(|f| f.state == state && f.match_key() == match_key(query))
}

/// A query's `key=value` pairs, sorted and joined by `&` (a leading `?` and empty
/// pairs are dropped, as the browser's `URLSearchParams` drops them).
pub fn match_key(query: &str) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some(_) => p.to_string(),
            None => format!("{p}="),
        })
        .collect();
    pairs.sort();
    pairs.join("&")
}

/// The frames as JSON for the build script: `[{"key", "query", "match"}]`. Every
/// value is ASCII letters, digits, `-`, `=` and `&` (tested), so nothing needs
/// escaping.
pub fn frames_json() -> String {
    let items: Vec<String> = frames()
        .iter()
        .map(|f| {
            format!(
                r#"{{"key":"{}","query":"{}","match":"{}"}}"#,
                f.key,
                f.query(),
                f.match_key()
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_landing_page_three_map_presets_and_korea_in_every_language() {
        let frames = frames();
        assert_eq!(frames.len(), 5 * Lang::ALL.len());
        let keys: Vec<&str> = frames.iter().map(|f| f.key.as_str()).collect();
        for key in [
            "landing-en",
            "map-world-en",
            "map-asia-pacific-ko",
            "map-korea-zh",
            "korea-ko",
        ] {
            assert!(keys.contains(&key), "{key} missing from {keys:?}");
        }
        let landing = frames.iter().find(|f| f.key == "landing-en").unwrap();
        assert_eq!(
            landing.query(),
            "",
            "the plain landing page is the bare URL"
        );
        assert!(landing.state.on_landing());
        let korea = frames.iter().find(|f| f.key == "map-korea-ko").unwrap();
        assert_eq!(korea.match_key(), "lang=ko&region=korea&view=map");
        assert_eq!(
            korea.state.series, None,
            "the default series, as the bare map URL means"
        );
    }

    #[test]
    fn every_frame_is_found_by_its_own_query_in_any_order() {
        for frame in frames() {
            let query = frame.query();
            assert_eq!(frame_for(&query).as_ref(), Some(&frame), "{query}");
            assert_eq!(frame_for(&format!("?{query}")).as_ref(), Some(&frame));
            let mut reversed: Vec<&str> = query.split('&').collect();
            reversed.reverse();
            let reversed = reversed.join("&");
            assert_eq!(frame_for(&reversed).as_ref(), Some(&frame), "{reversed}");
            assert_eq!(match_key(&reversed), frame.match_key());
        }
    }

    #[test]
    fn a_url_that_means_more_than_a_frame_paints_none() {
        for query in [
            "view=map&series=pm10",
            "view=map&year=2019",
            "view=map&region=korea&country=KOR",
            "view=map&lang=xx",
            "utm=newsletter",
            "view=map&theme=dark",
            "view=map&embed=1",
            "kiosk=1",
            "view=chart",
            "view=korea&region=korea",
            "view=korea&target=11.1",
            "view=map&view=map&lang=ko&lang=en",
        ] {
            assert_eq!(frame_for(query), None, "{query}");
            // Nor may the start-up script's sorted match pick one.
            let key = match_key(query);
            assert!(frames().iter().all(|f| f.match_key() != key), "{query}");
        }
    }

    #[test]
    fn the_json_needs_no_escaping_and_lists_every_frame() {
        let json = frames_json();
        let plain = |s: &str| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '=' | '&'))
        };
        for f in frames() {
            assert!(plain(&f.key) && plain(&f.query()), "{}", f.key);
            assert!(json.contains(&format!(r#""key":"{}""#, f.key)));
        }
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed.as_array().map(Vec::len), Some(frames().len()));
    }
}
