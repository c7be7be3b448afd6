//! The shell: header, navigation, filters, the view switch driven by the URL state.

use leptos::prelude::*;

use sdg_core::bundle::{AddFile, Bundle};
use sdg_core::model::Manifest;
use sdg_core::url_state::{EmbedHeight, View, ViewState};

use crate::components::cite::CiteThis;
use crate::components::embed::{report_height, EmbedBar, EmbedDialog};
use crate::components::filters::FilterPanel;
use crate::components::kiosk::Kiosk;
use crate::components::nav::{Nav, Preferences};
use crate::components::notices::Notices;
use crate::components::update::UpdateBanner;
use crate::loader;
use crate::selection::selection;
use crate::state::{install, use_app, App as AppState};
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

/// What one build of the app can show: the shell is the same in every build.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// Whether this build can show a state; for any other, the page loads the full app.
    pub serves: fn(&ViewState) -> bool,
    /// The views under the shell's header and notices.
    pub render: fn(AppState) -> AnyView,
    /// How fetched files are read: a build that reads fewer kinds carries fewer
    /// parsers.
    pub reads: AddFile,
}

/// The full app: every view, the filters and the kiosk.
pub const EVERY_VIEW: Workspace = Workspace {
    serves: |_| true,
    render: every_view,
    reads: Bundle::add_file,
};

/// The landing build: the plain landing page only.
pub const LANDING_ONLY: Workspace = Workspace {
    serves: ViewState::on_landing,
    render: landing_only,
    // The landing page shows the framework's targets and searches the places.
    reads: Bundle::add_gazetteer_file,
};

/// The whole app.
#[component]
pub fn App(
    /// What this build shows.
    workspace: Workspace,
    /// The bundle's manifest, or why it could not be loaded.
    manifest: Result<Manifest, Vec<String>>,
) -> impl IntoView {
    let data = loader::start(workspace.reads, manifest);
    let app = install(data, workspace.serves);
    // An embed is decided once, by the URL it was opened with: a partner's frame never
    // turns into the full site, nor the reverse.
    let (embedded, auto_height) = app
        .state
        .with_untracked(|s| (s.embed, s.embed && s.height == EmbedHeight::Auto));
    if auto_height {
        report_height();
    }
    if embedded {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embedded");
        }
    }
    // The page is built in a task after the app's state, whose making sends the
    // requests for the view's files: together they made the longest task of the
    // start (Lighthouse places it after the code's download on a slow network).
    let built = RwSignal::new(false);
    crate::later::in_a_task_of_its_own(move || {
        built.try_set(true);
    });
    // A static frame of this view (made at build time) shows until the view is drawn
    // or has failed; then the app takes its place, just before the browser's next
    // frame: by then every part of the view has caught up with the data (this effect
    // may run before the landing page's target tiles are drawn, measured).
    // Asked again then: a part of the view may have started fetching meanwhile.
    Effect::new(move |_| {
        if built.get() && settled(app) {
            request_animation_frame(move || {
                if untrack(|| built.get() && settled(app)) {
                    crate::first_paint::take_over();
                }
            });
        }
    });
    let controls = move || shows_controls(app);
    let with_filters = move || shows_filters(app);
    view! {
        <Show when=move || built.get()>
            <Show when=move || !embedded>
                <a class="skip-link" href="#main">{move || app.t("skip")}</a>
                <header class="site-header">
                    <p class="goal-badge" aria-hidden="true">"11"</p>
                    <div class="titles">
                        <p class="site-title">"Urban SDG Explorer"</p>
                        <p class="tagline">{move || app.t("tagline")}</p>
                    </div>
                    <Preferences />
                    <Show when=move || !app.state.with(|s| s.kiosk)>
                        <EmbedDialog />
                    </Show>
                </header>
                <Nav />
            </Show>
            <main id="main" tabindex="-1" class:no-controls=move || !controls() class:has-panel=with_filters>
                <Show when=move || embedded>
                    <EmbedBar />
                </Show>
                <LoadState />
                <Notices />
                <UserDataBanner />
                <UpdateBanner />
                {(workspace.render)(app)}
            </main>
            <Show when=move || !embedded>
                <footer class="site-footer">
                    <p>{move || app.t("footer")}</p>
                    <Show when=move || !app.state.with(|s| s.kiosk)>
                        <CiteThis />
                    </Show>
                </footer>
            </Show>
        </Show>
    }
}

/// Every view, with the filter panel beside those that filter, and the kiosk.
fn every_view(app: AppState) -> AnyView {
    let rows = selection(app);
    let view_kind = app.view;
    let with_filters = move || shows_filters(app);
    let core_ready = core_ready_a_task_behind(app);
    view! {
        <Kiosk rows=rows />
        <Show when=move || core_ready.get()>
            <div class="workspace" class:with-panel=with_filters>
                <Show when=with_filters>
                    <FilterPanel rows=rows />
                </Show>
                <div class="stage">
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
                </div>
            </div>
        </Show>
    }
    .into_any()
}

/// The landing page alone.
fn landing_only(app: AppState) -> AnyView {
    let core_ready = core_ready_a_task_behind(app);
    view! {
        <Show when=move || core_ready.get()>
            <div class="workspace">
                <div class="stage">
                    <Overview />
                </div>
            </div>
        </Show>
    }
    .into_any()
}

/// Whether the view's core files are in, a task after they are: the view is then
/// built in a task of its own, never in the one that builds the page's shell (when
/// the files are in before the shell is built, the two made the start's longest
/// task: 59 ms, observed in Lighthouse's trace of the Korea view).
fn core_ready_a_task_behind(app: AppState) -> ReadSignal<bool> {
    crate::later::a_task_behind(
        app,
        Memo::new(move |_| app.data.core_ready(app.view.get().needs_places())),
    )
}

/// True when the filter panel shows beside the view.
fn shows_filters(app: AppState) -> bool {
    app.resolved.with(|r| r.filters) && shows_controls(app)
}

/// False in an embed whose controls are hidden (`controls=0`).
fn shows_controls(app: AppState) -> bool {
    !app.state.with(|s| s.embed && s.hide_controls)
}

/// Where loading stands for the current view: one reading, for the loading line and
/// for the first paint's takeover.
enum LoadPhase {
    /// No manifest: nothing can be shown.
    Fatal(Vec<String>),
    /// A file the view cannot do without failed.
    Blocked(Vec<String>),
    /// The view's core files (or places) are not in yet.
    Loading,
    /// The view shows; more of its files are on their way.
    More,
    /// Everything asked for is in.
    Done,
}

/// The current view's [`LoadPhase`] (reactive).
fn load_phase(app: AppState) -> LoadPhase {
    let data = app.data;
    let needs_places = app.view.get().needs_places();
    if let Some(problems) = data.fatal.get() {
        return LoadPhase::Fatal(problems);
    }
    let blocking = data.blocking_failures(needs_places);
    if !blocking.is_empty() {
        LoadPhase::Blocked(blocking)
    } else if !data.core_ready(needs_places) || (needs_places && !data.places_ready()) {
        LoadPhase::Loading
    } else if data.pending() > 0 {
        LoadPhase::More
    } else {
        LoadPhase::Done
    }
}

/// True once the view has what it needs drawn, or has failed for good: the loading
/// line's last state, and no part of the view still fetching what it draws.
fn settled(app: AppState) -> bool {
    match load_phase(app) {
        LoadPhase::Fatal(_) | LoadPhase::Blocked(_) => true,
        LoadPhase::Done => app.drawing.get() == 0,
        LoadPhase::Loading | LoadPhase::More => false,
    }
}

/// Loading progress, and the error that stops everything (no manifest).
#[component]
fn LoadState() -> impl IntoView {
    let app = use_app();
    let failed = move |problems: Vec<String>, testid: Option<&'static str>| {
        view! {
            <div class="error" role="alert" data-testid=testid>
                <h2>{app.t("load.fatal")}</h2>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="load-state" aria-live="polite">
            {move || match load_phase(app) {
                LoadPhase::Fatal(problems) => failed(problems, None),
                LoadPhase::Blocked(problems) => failed(problems, Some("core-failed")),
                LoadPhase::Loading => view! { <p class="loading" data-testid="loading">{app.t("load.loading")}</p> }.into_any(),
                LoadPhase::More => view! { <p class="loading" data-testid="loading-more">{app.t("load.more")}</p> }.into_any(),
                LoadPhase::Done => view! { <p class="loaded visually-hidden" data-testid="loaded">{app.t("load.done")}</p> }.into_any(),
            }}
        </div>
    }
}
