//! The app's shared state: the data, the view state (mirrored in the URL), and what
//! the core resolves from the two. Views get it with [`use_app`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use sdg_core::i18n::{self, Lang};
use sdg_core::model::{Manifest, Series};
use sdg_core::nav::{history_action, HistoryAction, Link};
use sdg_core::resolve::{resolve, Resolved};
use sdg_core::url_state::{UrlNotice, View, ViewState};

use crate::loader::Data;

/// Everything a view needs; cheap to copy.
#[derive(Clone, Copy)]
pub struct App {
    /// The loaded data.
    pub data: Data,
    /// The view state; every change is written to the URL.
    pub state: RwSignal<ViewState>,
    /// Permalink parameters that could not be understood.
    pub notices: RwSignal<Vec<UrlNotice>>,
    /// The current view, as a memo: what depends only on it is not re-run by a filter
    /// change.
    pub view: Memo<View>,
    /// The interface language, as a memo: the many translated strings of a page are
    /// not re-run by a filter change (measured: a region change ran every
    /// `t`-closure and rebuilt the country list when this read the whole state).
    /// It is the state's once its messages are in (see [`shown_language`]).
    language: Memo<Lang>,
    /// What the state means for the loaded bundle (series, files, notices, preset).
    pub resolved: Memo<Resolved>,
    /// The current series, once the framework has loaded.
    pub series: Memo<Option<Series>>,
    /// The section a link asked to land on (see [`Link::anchor`]), until the section
    /// is drawn and takes it; also from the page address's fragment on opening.
    pub anchor: RwSignal<Option<&'static str>>,
    /// How many parts of the view are still fetching what they draw outside the
    /// data's loading queue (the landing page's map): the first paint's static frame
    /// stays until none is (see `crate::first_paint`).
    pub drawing: RwSignal<u32>,
}

impl App {
    /// The UI string for `key` in the current language (reactive).
    pub fn t(&self, key: &str) -> &'static str {
        i18n::text(self.lang(), key)
    }

    /// The UI string for `key` with its placeholders filled (reactive).
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        i18n::fill(self.lang(), key, args)
    }

    /// The current language (reactive).
    pub fn lang(&self) -> Lang {
        self.language.get()
    }

    /// Changes the view state (the URL follows, see [`install`]).
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        self.state.update(f);
    }

    /// Follows a link in place.
    pub fn go(&self, link: &Link) {
        let next = self.state.with_untracked(|s| s.follow(link));
        self.anchor.set(link.anchor());
        self.state.set(next);
    }

    /// The href of a link from the current state (reactive), for real links that also
    /// work with a middle click or "copy link".
    pub fn href(&self, link: &Link) -> String {
        let href = self.state.with(|s| s.follow(link).href());
        match link.anchor() {
            Some(anchor) => format!("{href}#{anchor}"),
            None => href,
        }
    }
}

/// The app context.
pub fn use_app() -> App {
    expect_context::<App>()
}

/// The page's query string (`?…`), or empty.
pub(crate) fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// The start-up script's hook that loads the full app into this page (see
/// `scripts/csp-init.mjs`).
const OPEN_FULL_APP: &str = "urbanSdgOpenFullApp";

/// Leaves the landing build for `url`, a state it cannot show, by loading that page
/// (the full app): pushed, so Back returns to the landing page, or in its place.
fn leave_for_full_app(url: &str, action: HistoryAction) {
    let location = window().location();
    let _ = match action {
        HistoryAction::Push => location.assign(url),
        _ => location.replace(url),
    };
}

/// Hands this page to the full app in place: it was opened on a URL the landing build
/// cannot show.
pub fn open_full_app_here() {
    let hook = js_sys::Reflect::get(&window(), &OPEN_FULL_APP.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match hook {
        Some(open) => {
            let _ = open.call0(&wasm_bindgen::JsValue::NULL);
        }
        None => leptos::logging::error!("the start-up script has no {OPEN_FULL_APP}"),
    }
}

/// The language the page shows: the state's, once its messages are in. Until then
/// (a switch to a language whose file is still on its way) the page stays in the one
/// it showed, whole, rather than mixing in English; the file is fetched here. The
/// start fetches the first language's file before mounting (see `start`).
fn shown_language(state: RwSignal<ViewState>) -> Memo<Lang> {
    let wanted = Memo::new(move |_| state.with(|s| s.lang));
    let arrived = Trigger::new();
    Effect::new(move |_| {
        let lang = wanted.get();
        if !i18n::has_messages(lang) {
            leptos::task::spawn_local(async move {
                match crate::loader::fetch_messages(lang).await {
                    Ok(()) => arrived.notify(),
                    Err(e) => leptos::logging::warn!("{e}: the page stays in its language"),
                }
            });
        }
    });
    Memo::new(move |shown: Option<&Lang>| {
        arrived.track();
        i18n::language_to_show(wanted.get(), shown.copied())
    })
}

/// Creates the state from the URL and keeps the two in step both ways; asks the
/// loader for exactly the files the resolved state needs. A state this build does not
/// `serve` is opened in the full app instead.
pub fn install(data: Data, serves: fn(&ViewState) -> bool) -> App {
    let (initial, notices) = ViewState::parse(&location_search());
    let state = RwSignal::new(initial.clone());
    let resolved = Memo::new(move |_| {
        // The framework is tracked through its readiness, not through the bundle,
        // which changes with every file.
        let framework_ready = data.framework_ready.get();
        data.manifest.with(|m| {
            let empty;
            let manifest = match m {
                Some(m) => m,
                None => {
                    empty = Manifest::empty();
                    &empty
                }
            };
            data.bundle.with_untracked(|b| {
                let framework = b.framework.as_ref().filter(|_| framework_ready);
                state.with(|s| resolve(s, framework, manifest))
            })
        })
    });
    let app = App {
        data,
        state,
        notices: RwSignal::new(notices),
        view: Memo::new(move |_| state.with(|s| s.view)),
        language: shown_language(state),
        resolved,
        series: Memo::new(move |_| {
            let id = resolved.with(|r| r.series_id().map(str::to_string))?;
            data.framework_ready.track();
            data.bundle
                .with_untracked(|b| b.framework.as_ref()?.series(&id).cloned())
        }),
        anchor: RwSignal::new(
            window()
                .location()
                .hash()
                .ok()
                .and_then(|h| sdg_core::nav::known_anchor(&h)),
        ),
        drawing: RwSignal::new(0),
    };
    provide_context(app);

    // The first view's files are asked for now, before the page is built (effects run
    // after it is), so that they download while it builds; later changes by the effect.
    resolved.with_untracked(|r| data.request(&r.files));
    Effect::new(move |_| resolved.with(|r| data.request(&r.files)));

    // State -> URL, by the core's history rule. `last` is what the URL shows.
    let last = StoredValue::new(initial);
    Effect::new(move |_| {
        let next = app.state.get();
        let action = last.with_value(|prev| history_action(prev, &next));
        if action == HistoryAction::Keep {
            return;
        }
        let q = next.to_query();
        let url = if q.is_empty() {
            window().location().pathname().unwrap_or_default()
        } else {
            format!("?{q}")
        };
        if !serves(&next) {
            leave_for_full_app(&url, action);
            return;
        }
        last.set_value(next);
        if let Ok(history) = window().history() {
            let _ = match action {
                HistoryAction::Push => {
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                }
                _ => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            };
        }
    });

    // URL -> state, for Back and Forward: the URL already shows the new state, so it
    // becomes `last` before the state changes, and nothing is written back.
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (next, notices) = ViewState::parse(&location_search());
        last.set_value(next.clone());
        app.notices.set(notices);
        app.state.set(next);
    });
    on_cleanup(move || handle.remove());

    // <html lang> and the theme follow the state (the language as shown), written
    // only when they change: rewriting them (even unchanged) on every other change
    // of the state made the browser look again at the style of the whole page.
    let look = Memo::new(move |_| (app.lang(), app.state.with(|s| s.theme)));
    Effect::new(move |_| {
        let (lang, theme) = look.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.html_lang());
            let _ = root.set_attribute("data-theme", theme.key());
        }
    });
    app
}
