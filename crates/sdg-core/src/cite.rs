//! "Cite this": what a view's citation says and which address it carries, and the
//! rule for a permalink pinned to another version of the data.
//!
//! A citation names the data's version (its day and content hash) and carries the
//! permalink with `data=<hash>`, so a reader who follows it later is told if the
//! figures may have changed since (see [`pinned_elsewhere`]).

use crate::i18n::{fill, Lang};
use crate::model::BundleVersion;
use crate::nav::page_base;
use crate::url_state::ViewState;

/// A view's citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The citation in the interface language, ready to paste.
    pub text: String,
    /// The permalink it carries: the view as taken home (no kiosk or embed), pinned
    /// to the data's version.
    pub url: String,
}

/// The state a citation or a pinned embed links to: `state` pinned to `version`
/// (left unpinned when the bundle has no version).
pub fn pinned(state: &ViewState, version: Option<&BundleVersion>) -> ViewState {
    ViewState {
        data: version.map(|v| v.hash.clone()),
        ..state.clone()
    }
}

/// The citation of `state`, shown at `page` (the app's address) under the name
/// `view_name`, read on `accessed` (`YYYY-MM-DD`).
pub fn citation(
    page: &str,
    state: &ViewState,
    view_name: &str,
    version: Option<&BundleVersion>,
    accessed: &str,
    lang: Lang,
) -> Citation {
    let query = pinned(&state.taken_home(), version).to_query();
    let base = page_base(page);
    let url = if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    };
    let text = match version {
        Some(v) => fill(
            lang,
            "cite.text",
            &[
                ("view", view_name),
                ("version", &v.label()),
                ("url", &url),
                ("accessed", accessed),
            ],
        ),
        None => fill(
            lang,
            "cite.text-unversioned",
            &[("view", view_name), ("url", &url), ("accessed", accessed)],
        ),
    };
    Citation { text, url }
}

/// The version a permalink was pinned to, when the data shown is another one (the
/// bundle's version differs, or the bundle has none): the reader must be told that
/// the figures may have changed since the link was made.
/// `pinned` is the permalink's `data` parameter ([`ViewState::data`]): a view reads
/// that field alone, not the whole state, so a filter change does not ask again.
pub fn pinned_elsewhere<'a>(
    pinned: Option<&'a str>,
    version: Option<&BundleVersion>,
) -> Option<&'a str> {
    let pinned = pinned?;
    (version.map(|v| v.hash.as_str()) != Some(pinned)).then_some(pinned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::View;

    fn version() -> BundleVersion {
        BundleVersion {
            date: "2026-12-06".into(),
            hash: "e30a1ae72861".into(),
        }
    }

    #[test]
    fn a_citation_names_the_version_and_pins_the_permalink() {
        let (mut state, _) = ViewState::parse("view=city&city=kr-31010&kiosk=1&lang=ko");
        state.embed = true;
        let c = citation(
            "https://example.org/sdg/?view=map#x",
            &state,
            "City profile",
            Some(&version()),
            "2026-12-07",
            Lang::En,
        );
        assert_eq!(
            c.url, "https://example.org/sdg/?view=city&city=kr-31010&lang=ko&data=e30a1ae72861",
            "the view as taken home, pinned"
        );
        assert!(c.text.contains("City profile"), "{}", c.text);
        assert!(c.text.contains("2026-12-06 (e30a1ae72861)"), "{}", c.text);
        assert!(c.text.contains(&c.url), "{}", c.text);
        assert!(c.text.contains("2026-12-07"), "{}", c.text);
        assert!(
            !c.text.contains('{'),
            "every placeholder filled: {}",
            c.text
        );
        for lang in Lang::ALL {
            let t = citation("https://e.org/", &state, "v", Some(&version()), "d", *lang).text;
            assert!(
                t.contains("e30a1ae72861") && !t.contains('{'),
                "{lang:?}: {t}"
            );
        }
    }

    #[test]
    fn without_a_version_the_citation_says_none_and_pins_nothing() {
        let state = ViewState {
            view: View::Map,
            data: Some("0123456789ab".into()),
            ..ViewState::default()
        };
        let c = citation(
            "https://e.org/",
            &state,
            "Map",
            None,
            "2026-12-07",
            Lang::En,
        );
        assert_eq!(c.url, "https://e.org/?view=map");
        assert!(!c.text.contains("version"), "{}", c.text);
    }

    #[test]
    fn a_link_pinned_to_other_data_is_told_so() {
        let v = version();
        let mut state = ViewState::default();
        assert_eq!(
            pinned_elsewhere(state.data.as_deref(), Some(&v)),
            None,
            "not pinned"
        );
        state.data = Some(v.hash.clone());
        assert_eq!(
            pinned_elsewhere(state.data.as_deref(), Some(&v)),
            None,
            "the same data"
        );
        state.data = Some("0123456789ab".into());
        assert_eq!(
            pinned_elsewhere(state.data.as_deref(), Some(&v)),
            Some("0123456789ab")
        );
        assert_eq!(
            pinned_elsewhere(state.data.as_deref(), None),
            Some("0123456789ab")
        );
    }
}
