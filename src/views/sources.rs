//! The data sources: every pack with its licence, attribution, loading state and counts
//! (from the manifest, written by the data tool, so they show before a pack is fetched).

use leptos::prelude::*;

use sdg_core::i18n::format_int;
use sdg_core::model::PackInfo;

use crate::state::use_app;
use sdg_core::loading::PackStatus;

/// A table of the packs.
#[component]
pub fn Sources() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{move || app.t("sources.title")}</h2>
            <p>{move || app.t("sources.intro")}</p>
            <div class="table-wrap" tabindex="0">
                <table class="cards">
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t("sources.pack")}</th>
                            <th scope="col">{move || app.t("sources.state")}</th>
                            <th scope="col">{move || app.t("sources.places")}</th>
                            <th scope="col">{move || app.t("col.year")}</th>
                            <th scope="col">{move || app.t("sources.records")}</th>
                            <th scope="col">{move || app.t("sources.licence")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || app.data.packs().into_iter().map(|(pack, status)| pack_row(pack, status)).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn pack_row(pack: PackInfo, status: PackStatus) -> impl IntoView {
    let app = use_app();
    let total = pack.files.len();
    let (key, class) = if !status.problems.is_empty() {
        ("sources.failed", "state failed")
    } else if status.loaded == total {
        ("sources.loaded", "state ready")
    } else if status.loading > 0 {
        ("sources.loading", "state loading")
    } else if status.loaded > 0 {
        ("sources.partly", "state partly")
    } else {
        ("sources.on-demand", "state deferred")
    };
    let rows: u64 = pack
        .files
        .iter()
        .filter_map(|f| f.rows)
        .map(u64::from)
        .sum();
    let places: Option<u32> = pack.files.iter().filter_map(|f| f.places).max();
    let years = pack
        .files
        .iter()
        .filter_map(|f| f.years)
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
        .map(|(a, b)| format!("{a}–{b}"));
    let shown: Vec<String> = status.problems.iter().take(5).cloned().collect();
    let more = status.problems.len().saturating_sub(shown.len());
    let loaded = format!("{}/{}", status.loaded, total);
    view! {
        <tr data-pack=pack.id.clone()>
            <th scope="row">
                <span class="pack-title">{pack.title.clone()}</span>
                <span class="pack-source">{pack.source.clone()}</span>
            </th>
            <td data-label=app.t("sources.state")>
                <span class=class>{move || app.t(key)}</span>
                <span class="files">{loaded}</span>
                {(!shown.is_empty()).then(|| view! {
                    <ul class="problems" role="alert">
                        {shown.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li>{format!("… +{more}")}</li> })}
                    </ul>
                })}
            </td>
            <td class="num" data-label=app.t("sources.places")>{places.map(|p| format_int(u64::from(p)))}</td>
            <td data-label=app.t("col.year")>{years}</td>
            <td class="num" data-label=app.t("sources.records")>{(rows > 0).then(|| format_int(rows))}</td>
            <td data-label=app.t("sources.licence")>
                <strong>{pack.licence.clone()}</strong>
                <span class="attribution">{pack.attribution.clone()}</span>
            </td>
        </tr>
    }
}
