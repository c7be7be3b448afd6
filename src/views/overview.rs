//! Goal 11 at a glance: targets, indicators and the series carried, with how many
//! cities have data for each, and where to go next.

use leptos::prelude::*;

use sdg_core::i18n::format_int;
use sdg_core::url_state::{Lang, View};

use crate::state::use_app;

/// The overview.
#[component]
pub fn Overview() -> impl IntoView {
    let app = use_app();
    let coverage = move |series: &str| {
        app.data.manifest.with(|m| {
            m.as_ref()
                .and_then(|m| m.coverage.iter().find(|c| c.series == series).cloned())
        })
    };
    let total_cities = move || app.data.city_count().unwrap_or(0);
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h1 id="overview-title">{move || app.t("overview.title")}</h1>
            <p class="goal-text">{move || app.data.bundle.with(|b| b.framework.as_ref().map(|f| if app.lang() == Lang::Ko { f.goal_ko.clone() } else { f.goal_en.clone() }))}</p>
            <p>
                <span data-testid="city-count">{move || format_int(u64::from(total_cities()))}</span>
                " "{move || app.t("overview.cities-loaded")}
            </p>
            <div class="targets">
                {move || app.data.bundle.with(|b| {
                    let Some(fw) = b.framework.clone() else { return Vec::new() };
                    let lang = app.lang();
                    fw.targets.iter().map(|t| {
                        let title = match (lang, &t.title_ko) { (Lang::Ko, Some(k)) => k.clone(), _ => t.title_en.clone() };
                        let indicators: Vec<_> = fw.indicators.iter().filter(|i| i.target == t.code).cloned().collect();
                        view! {
                            <article class="target-card">
                                <h2><span class="code">{t.code.clone()}</span>" "{title}</h2>
                                <ul>
                                    {indicators.into_iter().map(|i| {
                                        let ititle = match (lang, &i.title_ko) { (Lang::Ko, Some(k)) => k.clone(), _ => i.title_en.clone() };
                                        let series: Vec<_> = fw.series_of(&i.code).cloned().collect();
                                        view! {
                                            <li>
                                                <span class="code">{i.code.clone()}</span>" "{ititle}
                                                {i.note.clone().map(|n| view! { <small class="note">" "{n}</small> })}
                                                <ul class="series-list">
                                                    {series.into_iter().map(|s| {
                                                        let cov = coverage(&s.id);
                                                        let stitle = if lang == Lang::Ko { s.title_ko.clone() } else { s.title_en.clone() };
                                                        let count = cov.as_ref().map(|c| app.t("overview.cities-with-data").replace("{n}", &format_int(u64::from(c.cities))).replace("{from}", &c.years.0.to_string()).replace("{to}", &c.years.1.to_string()));
                                                        let has = cov.is_some();
                                                        let (sid, sind) = (s.id.clone(), s.indicator.clone());
                                                        let (sid2, sind2) = (s.id.clone(), s.indicator.clone());
                                                        view! {
                                                            <li>
                                                                {stitle}
                                                                {s.proxy_note.as_ref().map(|_| view! { <span class="proxy">{app.t("series.proxy")}</span> })}
                                                                " — "{count.unwrap_or_else(|| app.t("overview.country-only").to_string())}
                                                                <Show when=move || has>
                                                                    {
                                                                        let (a, b) = (sid.clone(), sind.clone());
                                                                        let (c, d) = (sid2.clone(), sind2.clone());
                                                                        view! {
                                                                            " "
                                                                            <a href=format!("?view=map&series={}", a) on:click=move |ev| { ev.prevent_default(); let (a, b) = (a.clone(), b.clone()); app.update(|st| { st.view = View::Map; st.series = Some(a); st.indicator = Some(b); }); }>{app.t("overview.map")}</a>
                                                                            " · "
                                                                            <a href=format!("?view=indicator&series={}", c) on:click=move |ev| { ev.prevent_default(); let (c, d) = (c.clone(), d.clone()); app.update(|st| { st.view = View::Indicator; st.series = Some(c); st.indicator = Some(d); }); }>{app.t("overview.indicator")}</a>
                                                                        }
                                                                    }
                                                                </Show>
                                                            </li>
                                                        }
                                                    }).collect_view()}
                                                </ul>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </article>
                        }
                    }).collect::<Vec<_>>()
                })}
            </div>
            <crate::views::sources::Sources />
        </section>
    }
}
