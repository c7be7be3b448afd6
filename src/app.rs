//! The shell: header, navigation, filters, the view switch driven by the URL state.

use leptos::prelude::*;

use sdg_core::url_state::View;

use crate::components::filters::FilterBar;
use crate::components::nav::{Nav, Preferences};
use crate::components::notices::Notices;
use crate::loader;
use crate::selection::selection;
use crate::state::{install, use_app};
use crate::views::{
    actions::ActionsView,
    chart::ChartView,
    city::CityView,
    indicator::IndicatorView,
    korea::KoreaView,
    map::MapView,
    mydata::{MyDataView, UserDataBanner},
    overview::Overview,
    report::ReportView,
    share::ShareView,
    table::TableView,
};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let data = loader::start();
    let app = install(data);
    let rows = selection(app);
    let view_kind = app.view;
    let with_filters = move || app.resolved.with(|r| r.filters);
    view! {
        <a class="skip-link" href="#main">{move || app.t("skip")}</a>
        <header class="site-header">
            <p class="goal-badge" aria-hidden="true">"11"</p>
            <div class="titles">
                <p class="site-title">"Urban SDG Explorer"</p>
                <p class="tagline">{move || app.t("tagline")}</p>
            </div>
            <Preferences />
        </header>
        <Nav />
        <main id="main" tabindex="-1">
            <LoadState />
            <Notices />
            <UserDataBanner />
            <Show when=move || data.core_ready()>
                <Show when=with_filters>
                    <FilterBar rows=rows />
                </Show>
                {move || match view_kind.get() {
                    View::Overview => view! { <Overview /> }.into_any(),
                    View::Map => view! { <MapView rows=rows /> }.into_any(),
                    View::Chart => view! { <ChartView rows=rows /> }.into_any(),
                    View::Table => view! { <TableView rows=rows /> }.into_any(),
                    View::City => view! { <CityView /> }.into_any(),
                    View::Indicator => view! { <IndicatorView rows=rows /> }.into_any(),
                    View::Actions => view! { <ActionsView /> }.into_any(),
                    View::Korea => view! { <KoreaView /> }.into_any(),
                    View::Report => view! { <ReportView /> }.into_any(),
                    View::Share => view! { <ShareView /> }.into_any(),
                    View::MyData => view! { <MyDataView /> }.into_any(),
                }}
            </Show>
        </main>
        <footer class="site-footer">
            <p>{move || app.t("footer")}</p>
        </footer>
    }
}

/// Loading progress, and the error that stops everything (no manifest).
#[component]
fn LoadState() -> impl IntoView {
    let app = use_app();
    let data = app.data;
    view! {
        <div class="load-state" aria-live="polite">
            {move || match data.fatal.get() {
                Some(problems) => view! {
                    <div class="error" role="alert">
                        <h2>{app.t("load.fatal")}</h2>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
                None if !data.core_ready() || (app.view.get() != View::Overview && !data.places_ready()) => {
                    view! { <p class="loading" data-testid="loading">{app.t("load.loading")}</p> }.into_any()
                }
                None if data.pending() > 0 => view! { <p class="loading" data-testid="loading-more">{app.t("load.more")}</p> }.into_any(),
                None => view! { <p class="loaded visually-hidden" data-testid="loaded">{app.t("load.done")}</p> }.into_any(),
            }}
        </div>
    }
}
