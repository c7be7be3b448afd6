//! The landing page's live map: the build-time scene of `data/landing.json` (see
//! [`sdg_core::scene::landing`]) drawn as one path of land and one path of symbols per
//! status, with the count of cities in each status as links to the full map, and the
//! source and licence line. Loaded after the page responds, so it never holds up the
//! first view; a missing or broken file leaves a message and a link to the full map.

use leptos::prelude::*;

use sdg_core::assess::band;
use sdg_core::credits::{credit_line, credits};
use sdg_core::i18n::format_int;
use sdg_core::nav::Link;
use sdg_core::query::Region;
use sdg_core::scene::landing::{dots_path, Landing, FILE};
use sdg_core::style::{status_color, status_key};

use crate::components::link::AppLink;
use crate::components::status::StatusSymbol;
use crate::state::use_app;

/// What the preview has: nothing yet, the scene, or why there is none.
#[derive(Clone)]
enum Preview {
    Loading,
    Ready(Box<Landing>),
    Unavailable(String),
}

/// The map preview with its counts.
#[component]
pub fn LandingMap() -> impl IntoView {
    let app = use_app();
    let preview = RwSignal::new(Preview::Loading);
    app.drawing.update(|n| *n += 1);
    leptos::task::spawn_local(async move {
        let result = match crate::loader::fetch_text(FILE).await {
            Ok(text) => Landing::parse(FILE, &text),
            Err(e) => Err(e),
        };
        preview.set(match result {
            Ok(l) => Preview::Ready(Box::new(l)),
            Err(e) => {
                // Said on the page and in the console; the rest of the page works.
                leptos::logging::warn!("{e}");
                Preview::Unavailable(e)
            }
        });
        app.drawing.update(|n| *n = n.saturating_sub(1));
    });
    move || {
        match preview.get() {
        Preview::Loading => {
            view! { <p class="landing-map loading">{app.t("landing.map-loading")}</p> }.into_any()
        }
        Preview::Unavailable(why) => view! {
            <div class="landing-map unavailable" data-testid="landing-map-unavailable">
                <p>{app.t("landing.map-unavailable")}</p>
                <p class="source">{why}</p>
                <AppLink to=Link::View(sdg_core::url_state::View::Map)>{move || app.t("landing.open-map")}</AppLink>
            </div>
        }
        .into_any(),
        Preview::Ready(landing) => view! { <Scene landing=*landing /> }.into_any(),
    }
    }
}

/// The drawn preview.
#[component]
fn Scene(landing: Landing) -> impl IntoView {
    let app = use_app();
    let series = app.data.bundle.with_untracked(|b| {
        b.framework
            .as_ref()
            .and_then(|f| f.series(&landing.series).cloned())
    });
    let Some(series) = series else {
        return view! { <p class="landing-map unavailable">{app.t("landing.map-unavailable")}</p> }
            .into_any();
    };
    let region = Region::from_key(&landing.region).unwrap_or(Region::AsiaPacific);
    let (width, height) = Landing::frame();
    let total = landing.total();
    let credit = app.data.manifest.with_untracked(|m| {
        m.as_ref()
            .map(|m| {
                let ids: Vec<&str> = landing.packs.iter().map(String::as_str).collect();
                credit_line(&credits(m, &ids))
            })
            .unwrap_or_default()
    });
    let caption = {
        let (series, years) = (series.clone(), landing.years);
        Signal::derive(move || {
            app.fill(
                "landing.map-caption",
                &[
                    ("series", series.title(app.lang())),
                    ("from", &years.0.to_string()),
                    ("to", &years.1.to_string()),
                ],
            )
        })
    };
    let full_map = Link::MapIn {
        series: series.id.clone(),
        indicator: series.indicator.clone(),
        region,
        status: None,
    };
    let paths: Vec<_> = landing
        .dots
        .iter()
        .map(|d| (dots_path(d, 4.0), status_color(d.status)))
        .collect();
    let counts: Vec<_> = landing
        .dots
        .iter()
        .rev()
        .map(|d| {
            let (status, cities) = (d.status, d.cities);
            let to = Link::MapIn {
                series: series.id.clone(),
                indicator: series.indicator.clone(),
                region,
                status: Some(status),
            };
            let of = move || {
                app.fill(
                    "landing.of-cities",
                    &[
                        ("n", &format_int(u64::from(cities))),
                        ("total", &format_int(u64::from(total))),
                    ],
                )
            };
            let band = band(&series, status);
            view! {
                <li data-status=status.key()>
                    <StatusSymbol status=status size=16 />
                    <AppLink to=to>
                        <strong>{move || app.t(status_key(status))}</strong>
                        {band.map(|b| view! { " (" {b} ")" })}
                    </AppLink>
                    <span class="count">{of}</span>
                </li>
            }
        })
        .collect();
    view! {
        <figure class="landing-map" data-testid="landing-map">
            <div class="map-link"><AppLink to=full_map.clone()>
                <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=caption>
                    <path class="land" d=landing.land.clone()></path>
                    {paths.into_iter().map(|(d, fill)| view! {
                        <path class="dots" d=d fill=fill stroke="#0008" stroke-width="0.6"></path>
                    }).collect_view()}
                </svg>
            </AppLink></div>
            <figcaption>
                <p class="caption">{caption}</p>
                <ul class="landing-counts" data-testid="landing-counts">{counts}</ul>
                <p><AppLink to=full_map>{move || app.t("landing.open-map")}</AppLink></p>
                <p class="source credit">{move || app.t("credit.label")}" "{credit.clone()}</p>
                {series.thresholds.clone().map(|t| view! { <p class="source">{move || app.t("thresholds.source")}" "{t.source.clone()}</p> })}
            </figcaption>
        </figure>
    }
    .into_any()
}
