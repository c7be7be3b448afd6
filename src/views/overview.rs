//! Goal 11 at a glance: targets, indicators and the series carried, with how many
//! cities have data for each, and where to go next.

use leptos::prelude::*;

use sdg_core::i18n::format_int;
use sdg_core::model::Series;
use sdg_core::nav::Link;

use crate::components::link::AppLink;
use crate::state::use_app;

/// The overview.
#[component]
pub fn Overview() -> impl IntoView {
    let app = use_app();
    let total_cities = move || app.data.city_count().unwrap_or(0);
    let framework = Memo::new(move |_| {
        app.data.framework_ready.track();
        app.data.bundle.with_untracked(|b| b.framework.clone())
    });
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h1 id="overview-title">{move || app.t("overview.title")}</h1>
            <p class="goal-text">{move || framework.with(|f| f.as_ref().map(|f| f.goal(app.lang()).to_string()))}</p>
            <p>
                <span data-testid="city-count">{move || format_int(u64::from(total_cities()))}</span>
                " "{move || app.t("overview.cities-loaded")}
            </p>
            <div class="targets">
                {move || framework.get().map(|fw| {
                    let lang = app.lang();
                    fw.targets.iter().map(|t| {
                        let indicators: Vec<_> = fw.indicators.iter().filter(|i| i.target == t.code).collect();
                        view! {
                            <article class="target-card">
                                <h2><span class="code">{t.code.clone()}</span>" "{t.title(lang).to_string()}</h2>
                                <ul>
                                    {indicators.into_iter().map(|i| view! {
                                        <li>
                                            <span class="code">{i.code.clone()}</span>" "{i.title(lang).to_string()}
                                            {i.note.clone().map(|n| view! { <small class="note">" "{n}</small> })}
                                            <ul class="series-list">
                                                {fw.series_of(&i.code).cloned().map(|s| view! { <SeriesItem series=s /> }).collect_view()}
                                            </ul>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </article>
                        }
                    }).collect_view()
                })}
            </div>
            <ActionsSummary />
            <crate::views::sources::Sources />
        </section>
    }
}

/// One series of an indicator: its coverage, and links to its map and indicator page
/// when cities have data.
#[component]
fn SeriesItem(series: Series) -> impl IntoView {
    let app = use_app();
    let coverage = app.data.manifest.with_untracked(|m| {
        m.as_ref()
            .and_then(|m| m.coverage.iter().find(|c| c.series == series.id).cloned())
    });
    let title = {
        let s = series.clone();
        move || s.title(app.lang()).to_string()
    };
    let count = {
        let coverage = coverage.clone();
        move || match &coverage {
            Some(c) => app.fill(
                "overview.cities-with-data",
                &[
                    ("n", &format_int(u64::from(c.cities))),
                    ("from", &c.years.0.to_string()),
                    ("to", &c.years.1.to_string()),
                ],
            ),
            None => app.t("overview.country-only").to_string(),
        }
    };
    let links = coverage.map(|_| {
        let (id, indicator) = (series.id.clone(), series.indicator.clone());
        let map = Link::Map {
            series: id.clone(),
            indicator: indicator.clone(),
        };
        let page = Link::Indicator {
            series: id,
            indicator,
        };
        view! {
            " "
            <AppLink to=map>{move || app.t("overview.map")}</AppLink>
            " · "
            <AppLink to=page>{move || app.t("overview.indicator")}</AppLink>
        }
    });
    view! {
        <li>
            {title}
            {series.proxy_note.as_ref().map(|_| view! { <span class="proxy">{move || app.t("series.proxy")}</span> })}
            " — "{count}
            {links}
        </li>
    }
}

/// Local actions in brief, from the manifest (the pack itself loads only when its view
/// opens): counts per target and the three most recent actions.
#[component]
fn ActionsSummary() -> impl IntoView {
    let app = use_app();
    let summary = move || {
        app.data
            .manifest
            .with(|m| m.as_ref().and_then(|m| m.actions.clone()))
    };
    move || {
        summary().map(|s| {
            let lang = app.lang();
            view! {
                <section class="actions-summary" aria-labelledby="actions-summary-title" data-testid="actions-summary">
                    <h2 id="actions-summary-title">{app.t("actions.overview")}</h2>
                    <ul class="chips">
                        {s.per_target.iter().map(|(t, n)| view! {
                            <li><AppLink to=Link::ActionsOn(t.clone())>{format!("{t}: {n}")}</AppLink></li>
                        }).collect_view()}
                    </ul>
                    <h3>{app.t("actions.recent")}</h3>
                    <ul>
                        {s.recent.into_iter().map(|a| {
                            let title = lang.pick(&a.title_en, a.title_ko.as_deref()).to_string();
                            let year = a.year.map(|y| format!(" ({y})")).unwrap_or_default();
                            view! { <li><AppLink to=Link::Action(a.id.clone())>{title}</AppLink>" — "{a.label.clone()}{year}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
