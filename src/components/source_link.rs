//! A source's link, decided in one place: only http and https addresses become links
//! (new tab, no referrer); a kiosk shows the address as text instead, since nothing
//! may leave the app there.

use leptos::prelude::*;

use sdg_core::load::is_safe_link;

use crate::state::use_app;

/// A source title linked to its address when that is safe and the app is no kiosk.
#[component]
pub fn SourceLink(title: String, url: String) -> impl IntoView {
    let app = use_app();
    let kiosk = app.state.with_untracked(|s| s.kiosk);
    if !is_safe_link(&url) {
        return view! { <span>{title}" "{move || app.t("actions.unsafe-link")}</span> }.into_any();
    }
    if kiosk {
        return view! { <span>{title}" "<span class="address">"("{url}")"</span></span> }
            .into_any();
    }
    view! { <a href=url target="_blank" rel="noopener noreferrer">{title}</a> }.into_any()
}
