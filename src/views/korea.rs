//! Korea's Goal 11 implementation: the map of local governments beside the core's
//! matrix of governments by targets, sortable, as an accessible table with a CSV
//! download.

use leptos::prelude::*;

use sdg_core::i18n::format_int;
use sdg_core::nav::Link;
use sdg_core::scene::korea::{
    korea_matrix, matrix_csv, sort_matrix, MatrixSort, MATRIX_PAGER, TARGETS,
};

use crate::components::link::AppLink;
use crate::components::more::MoreButton;
use crate::download::download_text;
use crate::later::a_task_behind;
use crate::selection::{all_series_tables, borrowed};
use crate::state::use_app;
use crate::views::korea_map::KoreaMap;

/// The Korea view.
#[component]
pub fn KoreaView() -> impl IntoView {
    let app = use_app();
    let sort = RwSignal::new(MatrixSort::Leaders);
    let unsorted = Memo::new(move |_| {
        let lang = app.lang();
        if !app.data.gazetteer_ready.get() || !app.data.framework_ready.get() {
            return Vec::new();
        }
        let tables = all_series_tables(&app);
        let refs = borrowed(&tables);
        app.data.bundle.with(|b| {
            let Some(fw) = b.framework.as_ref() else {
                return Vec::new();
            };
            korea_matrix(&b.gazetteer, fw, b.actions.as_ref(), &refs, lang)
        })
    });
    let matrix = Memo::new(move |_| {
        let mut rows = unsorted.get();
        sort_matrix(&mut rows, sort.get());
        rows
    });
    // The rows are built in a task after the map's: together they made one long task
    // when the data came in.
    let rows = a_task_behind(app, matrix);
    let pages = RwSignal::new(1usize);
    let total = Memo::new(move |_| matrix.with(Vec::len));
    let header = move |label: String, by: MatrixSort| {
        view! {
            <th scope="col" aria-sort=move || if sort.get() == by { "descending" } else { "none" }>
                <button type="button" on:click=move |_| sort.set(by)>{label}</button>
            </th>
        }
    };
    let download = move |_| {
        let csv = matrix.with_untracked(|rows| matrix_csv(rows));
        download_text("korea-goal11-matrix.csv", "text/csv;charset=utf-8", &csv);
    };
    view! {
        <section class="korea-view" aria-labelledby="korea-title">
            <h1 id="korea-title">{move || app.t("korea.title")}</h1>
            <p class="intro">{move || app.t("korea.intro")}</p>
            <div class="korea-layout">
            <KoreaMap matrix=unsorted />
            <div class="korea-matrix">
            <div class="toolbar">
                <button type="button" data-testid="korea-csv" on:click=download>{move || app.t("korea.csv")}</button>
                <span role="status" data-testid="korea-count" data-total=move || total.get()>{move || app.fill("korea.count", &[("n", &format_int(total.get() as u64))])}</span>
            </div>
            <div class="table-wrap" tabindex="0">
                <table class="matrix" data-testid="korea-matrix">
                    <caption class="visually-hidden">{move || app.t("korea.title")}</caption>
                    <thead>
                        <tr>
                            {move || header(app.t("korea.government").to_string(), MatrixSort::Name)}
                            {move || header(app.t("korea.covered").to_string(), MatrixSort::Leaders)}
                            <th scope="col">{move || app.t("korea.actions")}</th>
                            {TARGETS.iter().enumerate().map(|(i, t)| header(t.to_string(), MatrixSort::Target(i))).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let series_words = app.t("korea.series");
                            let peers_word = app.t("korea.peers");
                            let shown = MATRIX_PAGER.shown(total.get(), pages.get());
                            rows.get().into_iter().take(shown).map(|r| {
                                let covered = r.covered();
                                let peers_label = app.fill("peers.link-city", &[("city", &r.name)]);
                                view! {
                                    <tr data-id=r.id.clone()>
                                        <th scope="row">
                                            <AppLink to=Link::City(r.id.clone())>{r.name.clone()}</AppLink>
                                            // To what cities like it did where it is challenged.
                                            <span class="matrix-peers"><AppLink to=Link::Peers(r.id.clone()) label=format!("{peers_word}: {peers_label}")>
                                                {peers_word}
                                            </AppLink></span>
                                        </th>
                                        <td class="num">{covered}</td>
                                        <td class="num">{r.actions}</td>
                                        {r.cells.into_iter().map(|c| {
                                            let has = !c.series.is_empty();
                                            let class = if c.covered() { "cell covered" } else { "cell" };
                                            view! {
                                                // A plain text node, not an optional one:
                                                // fewer nodes in a big table.
                                                <td class=class title=c.series.join(", ")>
                                                    {if c.actions > 0 { c.actions.to_string() } else { String::new() }}
                                                    {has.then(|| view! { " "<span aria-hidden="true">"●"</span><span class="visually-hidden">{series_words}</span> })}
                                                </td>
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <MoreButton pager=MATRIX_PAGER total=total pages=pages message="korea.more" testid="korea-more" />
            </div>
            </div>
        </section>
    }
}
