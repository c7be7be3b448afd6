//! Urban SDG Explorer: a browser-side explorer of cities' progress on SDG 11.
//!
//! The views only wire signals to the pure core (`crates/sdg-core`); see the README
//! for the layout.
//!
//! Two builds share this library. The full app (`src/main.rs`) shows every view. The
//! landing build (`src/bin/landing.rs`) shows only the plain landing page, so the first
//! view of most visitors needs about half the code; as soon as its state is anything
//! else ([`sdg_core::url_state::ViewState::on_landing`]), the page loads the full app.

mod app;
mod components;
mod download;
mod loader;
mod selection;
mod state;
mod views;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use sdg_core::i18n;
use sdg_core::url_state::ViewState;

pub use app::{Workspace, EVERY_VIEW, LANDING_ONLY};

/// Starts the app with `workspace` as what it can show.
pub fn start(workspace: Workspace) {
    console_error_panic_hook::set_once();
    // The manifest comes first (the page preloads it, so it is at hand within a task or
    // two): with it, the app asks for the files its first view needs before building
    // the page, and they download while it builds. (Leptos's own executor is set up
    // by the mount, hence wasm-bindgen's here.)
    wasm_bindgen_futures::spawn_local(async move {
        // Should the manifest be slow (a stalled network or server), the page says so
        // rather than staying blank; the app replaces the notice when it mounts.
        let slow = SlowStartNotice::after(SLOW_START_MS);
        let manifest = loader::fetch_manifest().await;
        drop(slow);
        leptos::mount::mount_to_body(move || {
            leptos::view! { <app::App workspace=workspace manifest=manifest /> }
        });
    });
}

/// Starts the landing build, or hands the page to the full app at once when the URL
/// is not the plain landing page (the start-up script guesses from the query; the
/// core decides).
pub fn start_landing() {
    if ViewState::parse(&state::location_search()).0.on_landing() {
        start(LANDING_ONLY);
    } else {
        state::open_full_app_here();
    }
}

/// How long the page may stay blank waiting for the manifest before it says so.
const SLOW_START_MS: u32 = 1_500;

/// A "Loading the data…" line shown if the manifest has not come within a delay, in
/// the URL's language; dropping it cancels the delay or removes the line. Plain DOM:
/// the app is not mounted yet.
struct SlowStartNotice {
    _timer: Timeout,
    shown: Rc<RefCell<Option<web_sys::Element>>>,
}

impl SlowStartNotice {
    fn after(ms: u32) -> Self {
        let shown = Rc::new(RefCell::new(None));
        let slot = Rc::clone(&shown);
        let timer = Timeout::new(ms, move || {
            let lang = ViewState::parse(&state::location_search()).0.lang;
            let Some(document) = leptos::prelude::window().document() else {
                return;
            };
            let (Ok(line), Some(body)) = (document.create_element("p"), document.body()) else {
                return;
            };
            line.set_class_name("loading slow-start");
            let _ = line.set_attribute("role", "status");
            line.set_text_content(Some(i18n::text(lang, "load.loading")));
            if body.append_child(&line).is_ok() {
                *slot.borrow_mut() = Some(line);
            }
        });
        Self {
            _timer: timer,
            shown,
        }
    }
}

impl Drop for SlowStartNotice {
    fn drop(&mut self) {
        if let Some(line) = self.shown.borrow_mut().take() {
            line.remove();
        }
    }
}
