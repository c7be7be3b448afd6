//! Status colours, shapes and labels: status is never shown by colour alone.

use leptos::prelude::*;

use sdg_core::assess::{Status, Trend};

use crate::state::use_app;

/// Fill colour of a status (SDSN dashboard colours, darkened for contrast).
pub fn color(status: Status) -> &'static str {
    match status {
        Status::Green => "#2e7d32",
        Status::Yellow => "#f2b705",
        Status::Orange => "#e8710a",
        Status::Red => "#c62828",
        Status::NoData => "#9e9e9e",
        Status::NotAssessed => "#5c6bc0",
    }
}

/// SVG path of the status symbol centred at `(x, y)` with radius `r`: a circle for
/// green, a diamond for yellow, a triangle for orange, a square for red.
pub fn symbol(status: Status, x: f64, y: f64, r: f64) -> String {
    match status {
        Status::Yellow => format!(
            "M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z",
            y - r * 1.2,
            x + r * 1.2,
            y + r * 1.2,
            x - r * 1.2
        ),
        Status::Orange => format!(
            "M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
            y - r * 1.2,
            x + r * 1.1,
            y + r * 0.8,
            x - r * 1.1,
            y + r * 0.8
        ),
        Status::Red => format!(
            "M{:.1} {:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r * 0.9,
            y - r * 0.9,
            r * 1.8,
            r * 1.8,
            -r * 1.8
        ),
        _ => format!(
            "M{:.1} {y:.1}a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
    }
}

/// Message key of a status label.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Green => "status.green",
        Status::Yellow => "status.yellow",
        Status::Orange => "status.orange",
        Status::Red => "status.red",
        Status::NoData => "status.nodata",
        Status::NotAssessed => "status.na",
    }
}

/// Message key and arrow of a trend.
pub fn trend_label(trend: Trend) -> (&'static str, &'static str) {
    match trend {
        Trend::OnTrack => ("trend.on-track", "↑"),
        Trend::ModeratelyImproving => ("trend.moderate", "↗"),
        Trend::Stagnating => ("trend.stagnating", "→"),
        Trend::Decreasing => ("trend.decreasing", "↓"),
        Trend::NoTrendData => ("trend.no-trend", "·"),
        Trend::NotAssessed => ("trend.na", "·"),
    }
}

/// A status symbol with its label.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let app = use_app();
    view! {
        <span class="status-badge">
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <path d=symbol(status, 7.0, 7.0, 5.0) fill=color(status) stroke="#0006" stroke-width="0.8"></path>
            </svg>
            {move || app.t(status_key(status))}
        </span>
    }
}

/// The legend of statuses, with the threshold source when there is one.
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
