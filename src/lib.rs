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
mod first_paint;
mod later;
mod loader;
mod selection;
mod slow_start;
mod state;
#[cfg(test)]
mod test_mount;
mod views;

use sdg_core::url_state::ViewState;

use slow_start::{SlowStartNotice, SLOW_START_MS};

pub use app::{Workspace, EVERY_VIEW, LANDING_ONLY};

/// Starts the app with `workspace` as what it can show.
pub fn start(workspace: Workspace) {
    console_error_panic_hook::set_once();
    // The manifest comes first (the page preloads it, so it is at hand within a task or
    // two): with it, the app asks for the files its first view needs before building
    // the page, and they download while it builds. (Leptos's own executor is set up
    // by the mount, hence wasm-bindgen's here.)
    wasm_bindgen_futures::spawn_local(async move {
        // The texts of the URL's language come with the manifest (English is built
        // in), so that the first render is in that language, as the static frame is.
        // Installed as soon as they are in: the notice below speaks that language.
        let lang = ViewState::parse(&state::location_search()).0.lang;
        let messages = loader::fetch_messages(lang);
        // Should the manifest be slow (a stalled network or server), the page says so
        // rather than staying blank; the app replaces the notice when it mounts.
        let slow = SlowStartNotice::after(SLOW_START_MS);
        let (manifest, messages) = futures::join!(loader::fetch_manifest(), messages);
        if let Err(e) = messages {
            leptos::logging::warn!("{e}: the page is shown in English");
        }
        drop(slow);
        let app = move || leptos::view! { <app::App workspace=workspace manifest=manifest /> };
        // Beside a static frame of this view, until the view is drawn (see first_paint).
        match first_paint::host() {
            Some(host) => leptos::mount::mount_to(host, app).forget(),
            None => leptos::mount::mount_to_body(app),
        }
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

/// The states painted into static markup when `dist/` is built, as JSON (see
/// [`sdg_core::first_paint::frames_json`]): the build script (`scripts/paint.mjs`)
/// asks the built app, so that the list has one home, the core.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = paintedFrames)]
pub fn painted_frames() -> String {
    sdg_core::first_paint::frames_json()
}
