//! The data sources: every pack with its licence, attribution, state and counts.

use leptos::prelude::*;

use sdg_core::i18n::format_int;

use crate::loader::{Data, PackState};

/// A table of the packs.
#[component]
pub fn Sources(data: Data) -> impl IntoView {
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Data sources and licences"</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sources-title">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Pack"</th>
                            <th scope="col">"State"</th>
                            <th scope="col">"Places"</th>
                            <th scope="col">"Indicators"</th>
                            <th scope="col">"Years"</th>
                            <th scope="col">"Records"</th>
                            <th scope="col">"Licence and attribution"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            data.packs
                                .get()
                                .into_iter()
                                .map(|(pack, state)| pack_row(pack, state))
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn pack_row(pack: sdg_core::model::PackInfo, state: PackState) -> impl IntoView {
    let n = |v: usize| format_int(v as u64);
    let (label, class, summary, problems) = match state {
        PackState::Waiting => ("Waiting", "state waiting", None, Vec::new()),
        PackState::Loading => ("Loading…", "state loading", None, Vec::new()),
        PackState::OnDemand => ("Loaded by the map", "state deferred", None, Vec::new()),
        PackState::Ready(s) => ("Loaded", "state ready", Some(s), Vec::new()),
        PackState::Failed(p) => ("Failed", "state failed", None, p),
    };
    let years = summary
        .as_ref()
        .and_then(|s| s.years)
        .map(|(a, b)| format!("{a}–{b}"))
        .unwrap_or_default();
    let shown: Vec<String> = problems.iter().take(5).cloned().collect();
    let more = problems.len().saturating_sub(shown.len());
    view! {
        <tr data-pack=pack.id.clone()>
            <th scope="row">
                <span class="pack-title">{pack.title.clone()}</span>
                <span class="pack-source">{pack.source.clone()}</span>
            </th>
            <td>
                <span class=class>{label}</span>
                {(!shown.is_empty()).then(|| view! {
                    <ul class="problems" role="alert">
                        {shown.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li>{format!("…and {more} more")}</li> })}
                    </ul>
                })}
            </td>
            <td class="num">{summary.as_ref().map(|s| n(s.places)).filter(|s| s != "0")}</td>
            <td class="num">{summary.as_ref().map(|s| n(s.indicators)).filter(|s| s != "0")}</td>
            <td>{years}</td>
            <td class="num">{summary.as_ref().map(|s| n(s.rows))}</td>
            <td>
                <strong>{pack.licence.clone()}</strong>
                <span class="attribution">{pack.attribution.clone()}</span>
            </td>
        </tr>
    }
}
