//! Polite messages about permalink values that could not be used.

use leptos::prelude::*;

use crate::state::use_app;

/// Lists unknown parameter values (from parsing, and those the data does not know)
/// with the fallback taken.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    let dismissed = RwSignal::new(false);
    let items = move || {
        let mut out: Vec<String> = app.notices.with(|n| {
            n.iter()
                .map(|n| format!("{}={}", n.param, n.value))
                .collect()
        });
        if !dismissed.get() {
            app.resolved.with(|r| {
                out.extend(r.notices.iter().map(|n| format!("{}={}", n.param, n.value)));
            });
        }
        out
    };
    // A permalink pinned to another version of the data: said, never hidden.
    // Only the `data` parameter is read: a filter change does not ask again.
    let pinned_to = Memo::new(move |_| app.state.with(|s| s.data.clone()));
    let pinned = move || {
        let version = crate::components::cite::data_version(app);
        pinned_to.with(|p| {
            sdg_core::cite::pinned_elsewhere(p.as_deref(), version.as_ref()).map(|pinned| {
                let current = version
                    .as_ref()
                    .map(|v| v.label())
                    .unwrap_or_else(|| app.t("notice.version-unknown").to_string());
                app.fill(
                    "notice.pinned",
                    &[("pinned", pinned), ("current", &current)],
                )
            })
        })
    };
    view! {
        {move || pinned().map(|text| view! { <p class="notice" role="status" data-testid="pinned-notice">{text}</p> })}
        <Show when=move || !items().is_empty()>
            <div class="notice" role="status" data-testid="url-notice">
                <p>{move || app.t("notice.unknown")}</p>
                <ul>{move || items().into_iter().map(|i| view! { <li><code>{i}</code></li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| {
                    app.notices.set(Vec::new());
                    dismissed.set(true);
                }>{move || app.t("notice.dismiss")}</button>
            </div>
        </Show>
    }
}
