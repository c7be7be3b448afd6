//! The landing page: shows before it tells. A search box, a live map of the headline
//! series with its status counts ([`super::landing_map`]), the Goal 11 targets as
//! compact tiles with what the bundle holds on each, featured local actions, and the
//! sources. Everything here comes from the manifest, the framework and the small
//! pre-computed landing map, so the first view stays light.

use leptos::prelude::*;

use sdg_core::i18n::format_int;
use sdg_core::lists::{target_tiles, TargetTile};
use sdg_core::nav::Link;

use crate::components::link::AppLink;
use crate::components::search::SearchBox;
use crate::state::use_app;
use crate::views::landing_map::LandingMap;

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
            <div class="landing-top">
                <div class="landing-intro">
                    <h1 id="overview-title">{move || app.t("overview.title")}</h1>
                    <p class="goal-text">{move || framework.with(|f| f.as_ref().map(|f| f.goal(app.lang()).to_string()))}</p>
                    <SearchBox id="landing-search" label_key="landing.search" />
                    <p class="city-count">
                        <span data-testid="city-count">{move || format_int(u64::from(total_cities()))}</span>
                        " "{move || app.t("overview.cities-loaded")}
                    </p>
                </div>
                <LandingMap />
            </div>
            <h2 class="tiles-title">{move || app.t("landing.targets")}</h2>
            <ul class="target-tiles" data-testid="target-tiles">
                {move || {
                    let fw = framework.get()?;
                    let tiles = app.data.manifest.with(|m| m.as_ref().map(|m| target_tiles(&fw, m)))?;
                    Some(tiles.into_iter().map(|t| view! { <Tile tile=t /> }).collect_view())
                }}
            </ul>
            <ActionsSummary />
            <crate::views::sources::Sources />
        </section>
    }
}

/// One target's tile: code and title, how many cities have data, its mapped series
/// (links to their maps), and its local actions.
#[component]
fn Tile(tile: TargetTile) -> impl IntoView {
    let app = use_app();
    let framework = app.data.bundle.with_untracked(|b| b.framework.clone());
    let title = {
        let (fw, code) = (framework.clone(), tile.code.clone());
        move || {
            fw.as_ref()
                .and_then(|f| f.targets.iter().find(|t| t.code == code))
                .map(|t| t.title(app.lang()).to_string())
                .unwrap_or_default()
        }
    };
    let cities = tile.cities();
    let coverage = move || match cities {
        0 => app.t("landing.tile-no-cities").to_string(),
        n => app.fill("landing.tile-cities", &[("n", &format_int(u64::from(n)))]),
    };
    let series_links = tile.mapped.iter().map(|(id, indicator, _)| {
        let series = framework.as_ref().and_then(|f| f.series(id).cloned());
        let label = move || {
            series
                .as_ref()
                .map(|s| s.title(app.lang()).to_string())
                .unwrap_or_default()
        };
        let to = Link::Map {
            series: id.clone(),
            indicator: indicator.clone(),
        };
        view! { <li><AppLink to=to>{label}</AppLink></li> }
    });
    let more = tile.without_cities;
    let actions = tile.actions;
    let code = tile.code.clone();
    view! {
        <li class="target-tile" data-target=tile.code.clone()>
            <h3><span class="code">{tile.code.clone()}</span>" "<span class="target-title">{title}</span></h3>
            <p class="coverage">{coverage}</p>
            <ul class="series-list">{series_links.collect_view()}</ul>
            {(more > 0).then(|| view! {
                <p class="more">{move || app.fill("landing.tile-more", &[("n", &more.to_string())])}</p>
            })}
            {(actions > 0).then(|| view! {
                <p class="tile-actions">
                    <AppLink to=Link::ActionsOn(code.clone())>
                        {move || app.fill("landing.tile-actions", &[("n", &format_int(u64::from(actions)))])}
                    </AppLink>
                </p>
            })}
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
                    <ul class="featured-actions">
                        {s.recent.into_iter().map(|a| {
                            let title = a.title.get(lang).to_string();
                            let year = a.year.map(|y| format!(" ({y})")).unwrap_or_default();
                            view! { <li><AppLink to=Link::Action(a.id.clone())>{title}</AppLink>" — "{a.label.clone()}{year}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
