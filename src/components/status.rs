//! Status badges and the status legend: a symbol (shape and colour from the core's
//! [`sdg_core::style`]) with its words, so status is never shown by colour alone.

use leptos::prelude::*;

use sdg_core::assess::Status;
use sdg_core::style::{status_color, status_key, status_symbol};

use crate::state::use_app;

/// A status symbol, `size` pixels square (decorative: its words stand beside it).
#[component]
pub fn StatusSymbol(status: Status, #[prop(default = 14)] size: u32) -> impl IntoView {
    view! {
        <svg width=size height=size viewBox="0 0 14 14" aria-hidden="true">
            <path d=status_symbol(status, 7.0, 7.0, 5.0) fill=status_color(status) stroke="#0006" stroke-width="0.8"></path>
        </svg>
    }
}

/// A status symbol with its label.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let app = use_app();
    view! {
        <span class="status-badge">
            <StatusSymbol status=status />
            {move || app.t(status_key(status))}
        </span>
    }
}

/// The legend of statuses.
#[component]
pub fn StatusLegend(#[prop(into)] statuses: Signal<Vec<Status>>) -> impl IntoView {
    view! {
        <ul class="legend">
            {move || {
                statuses
                    .get()
                    .into_iter()
                    .map(|s| view! { <li><StatusBadge status=s /></li> })
                    .collect_view()
            }}
        </ul>
    }
}
