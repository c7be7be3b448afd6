//! "A new version is ready": the service worker (registered by the start-up script,
//! see `scripts/sw-register.js`) announces a complete new deployment with a window
//! event; the reader's click answers with another, and the page reloads on it. Events
//! keep the app free of service-worker bindings.

use leptos::prelude::*;

use crate::state::use_app;

/// Announced by the start-up script when a new deployment is precached.
const UPDATE: &str = "urban-sdg-explorer-update";
/// Sent to it to switch to the new deployment.
const APPLY: &str = "urban-sdg-explorer-apply";

/// The banner offering the update.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let app = use_app();
    let ready = RwSignal::new(false);
    let handle = window_event_listener_untyped(UPDATE, move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        if let Ok(event) = web_sys::CustomEvent::new(APPLY) {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <p class="notice update-banner" role="status" data-testid="update-ready">
                {move || app.t("update.ready")}" "
                <button type="button" on:click=apply>{move || app.t("update.reload")}</button>
            </p>
        </Show>
    }
}
