//! Polite messages about permalink values that could not be used.

use leptos::prelude::*;

use crate::selection::series_notice;
use crate::state::use_app;

/// Lists unknown parameter values with the fallback taken.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    let items = move || {
        let mut out: Vec<String> = app
            .notices
            .get()
            .into_iter()
            .map(|n| format!("{}={}", n.param, n.value))
            .collect();
        out.extend(series_notice(&app));
        out
    };
    view! {
        <Show when=move || !items().is_empty()>
            <div class="notice" role="status" data-testid="url-notice">
                <p>{move || app.t("notice.unknown")}</p>
                <ul>{move || items().into_iter().map(|i| view! { <li><code>{i}</code></li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| app.notices.set(Vec::new())>{move || app.t("notice.dismiss")}</button>
            </div>
        </Show>
    }
}
