//! The Korea map beside the matrix: renders the core's areas (municipalities over
//! provinces), the colouring chooser, the legend and a tooltip naming whose reading an
//! area shows; a click opens that government's profile.

use leptos::prelude::*;

use sdg_core::assess::Status;
use sdg_core::i18n::format_value;
use sdg_core::nav::Link;
use sdg_core::resolve::{Boundary, KR_MUNICIPALITIES, KR_PROVINCES};
use sdg_core::scene::korea::MatrixRow;
use sdg_core::scene::korea_map::{
    action_class_color, action_class_labels, areas, korea_layer, korea_paths, korea_series,
    reading_of, readings, AreaColouring, KoreaLayer, Reading, KOREA_HEIGHT, KOREA_WIDTH,
    NO_READING,
};
use sdg_core::style::status_key;

use crate::components::status::StatusLegend;
use crate::later::a_task_behind;
use crate::selection::{all_series_tables, borrowed};
use crate::state::use_app;

/// The map of Korea's local governments, coloured by actions or by a series.
#[component]
pub fn KoreaMap(matrix: Memo<Vec<MatrixRow>>) -> impl IntoView {
    let app = use_app();
    let provinces = paths_once_loaded(KR_PROVINCES);
    let municipalities = paths_once_loaded(KR_MUNICIPALITIES);
    let layer = Memo::new(move |_| {
        app.data.framework_ready.track();
        let state = app.state.get();
        app.data
            .bundle
            .with_untracked(|b| korea_layer(&state, b.framework.as_ref()))
    });
    let choices = Memo::new(move |_| {
        if !app.data.gazetteer_ready.get() {
            return Vec::new();
        }
        let lang = app.lang();
        let tables = all_series_tables(&app);
        let refs = borrowed(&tables);
        app.data.bundle.with_untracked(|b| {
            korea_series(&b.gazetteer, &refs)
                .into_iter()
                .filter_map(|id| {
                    let s = b.framework.as_ref()?.series(&id)?;
                    Some((id, s.title(lang).to_string()))
                })
                .collect::<Vec<_>>()
        })
    });
    let series = Signal::derive(move || match layer.get() {
        KoreaLayer::Series(id) => {
            let tables = app.data.tables(&id)?;
            let s = app
                .data
                .bundle
                .with_untracked(|b| b.framework.as_ref()?.series(&id).cloned())?;
            Some((s, tables))
        }
        KoreaLayer::Actions => None,
    });
    let read = Memo::new(move |_| {
        let layer = layer.get();
        let s = series.get();
        matrix.with(|m| {
            app.data.bundle.with_untracked(|b| {
                readings(
                    &layer,
                    &b.gazetteer,
                    m,
                    s.as_ref().map(|(s, t)| (s, t.as_ref())),
                )
            })
        })
    });
    let colouring = Memo::new(move |_| {
        let s = series.get();
        read.with(|r| AreaColouring::of(s.as_ref().map(|(s, _)| s), r))
    });
    let drawn = Memo::new(move |_| {
        let c = colouring.get();
        read.with(|r| provinces.with(|p| municipalities.with(|m| areas(p, m, r, &c))))
    });
    // The areas are built in a task after the rest of the view (and the matrix's rows
    // in one after that): together they made one long task when the data came in.
    let drawn = a_task_behind(app, drawn);

    let hovered = RwSignal::new(None::<String>);
    let area_at =
        move |ev: &leptos::ev::Event| event_target::<web_sys::Element>(ev).get_attribute("data-id");
    // Whose reading the pointer is on: the area's government, or its province's.
    let reading_at = move |id: &str| {
        read.with_untracked(|r| {
            app.data.bundle.with_untracked(|b| {
                let name = |id: &str| {
                    b.gazetteer
                        .city(id)
                        .map(|c| c.name(app.lang()).to_string())
                        .unwrap_or_else(|| id.to_string())
                };
                match reading_of(id, &b.gazetteer, r) {
                    Some((owner, reading)) => (owner.clone(), name(&owner), Some(*reading)),
                    None => (id.to_string(), name(id), None),
                }
            })
        })
    };
    let unit = Signal::derive(move || series.get().map(|(s, _)| s.unit).unwrap_or_default());
    let statuses = Signal::derive(move || {
        series
            .get()
            .map(|(s, _)| sdg_core::scene::map::legend_statuses(&s))
            .unwrap_or_default()
    });
    let label = move || match layer.get() {
        KoreaLayer::Actions => app.t("korea.map-actions").to_string(),
        KoreaLayer::Series(_) => series
            .get()
            .map(|(s, _)| s.title(app.lang()).to_string())
            .unwrap_or_default(),
    };
    view! {
        <figure class="korea-map">
            <ColourChooser layer=layer choices=choices />
            <svg
                class="map korea"
                data-testid="korea-map"
                viewBox=format!("0 0 {KOREA_WIDTH} {KOREA_HEIGHT}")
                role="img"
                aria-label=move || app.fill("korea.map-label", &[("layer", &label())])
                on:pointerover=move |ev| hovered.set(area_at(&ev))
                on:pointerout=move |_| hovered.set(None)
                on:click=move |ev| {
                    if let Some(id) = area_at(&ev) {
                        let (owner, _, _) = reading_at(&id);
                        app.go(&Link::City(owner));
                    }
                }
            >
                <g class="provinces">
                    {move || drawn.with(|(p, _)| p.iter().map(|a| view! {
                        <path class="area province-area" data-id=a.id.clone() d=a.d.clone() fill=a.fill.clone().unwrap_or_default()></path>
                    }).collect_view())}
                </g>
                <g class="municipalities">
                    {move || drawn.with(|(_, m)| m.iter().map(|a| view! {
                        <path class="area municipal-area" class:open=a.fill.is_none() data-id=a.id.clone() d=a.d.clone() fill=a.fill.clone().unwrap_or_else(|| "none".into())></path>
                    }).collect_view())}
                </g>
                <path class="province-outline" aria-hidden="true" d=move || provinces.with(|p| p.iter().map(|(_, d)| d.as_str()).collect::<String>())></path>
            </svg>
            <AreaTooltip hovered=hovered reading_at=Callback::new(move |id: String| reading_at(&id)) unit=unit />
            <figcaption>
                <AreaLegend colouring=colouring unit=unit statuses=statuses />
                <p class="help">{move || app.t("korea.map-help")}</p>
                <p class="source">{move || app.t("map.boundaries")}</p>
            </figcaption>
        </figure>
    }
}

/// The government under the pointer and its reading (actions, or a value, its year
/// and status), or that it has none.
#[component]
fn AreaTooltip(
    hovered: RwSignal<Option<String>>,
    reading_at: Callback<String, (String, String, Option<Reading>)>,
    unit: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    move || {
        let id = hovered.get()?;
        let (_, name, reading) = reading_at.run(id);
        let text = match reading {
            Some(Reading::Actions(n)) => app.fill("map.actions-count", &[("n", &n.to_string())]),
            Some(Reading::Value {
                value,
                year,
                status,
            }) => format!(
                "{} {} ({year}) · {}",
                format_value(value),
                unit.get(),
                app.t(status_key(status))
            ),
            None => app.t("korea.map-none").to_string(),
        };
        Some(view! {
            <div class="tooltip korea-tooltip" role="status" data-testid="korea-tooltip">
                <strong>{name}</strong>
                <span>{text}</span>
            </div>
        })
    }
}

/// What the areas' colours mean: classes of action counts, the value ramp, or the
/// statuses.
#[component]
fn AreaLegend(
    colouring: Memo<AreaColouring>,
    unit: Signal<String>,
    statuses: Signal<Vec<Status>>,
) -> impl IntoView {
    let app = use_app();
    move || match colouring.get() {
        AreaColouring::Actions => {
            let classes = action_class_labels();
            view! {
                <ul class="area-legend" data-testid="korea-legend">
                    <li><span class="swatch" style:background-color=NO_READING></span>{app.t("korea.map-none")}</li>
                    {classes.into_iter().enumerate().map(|(i, label)| view! {
                        <li><span class="swatch" style:background-color=action_class_color(i)></span>{label}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
        AreaColouring::Value { lo, hi } => view! {
            <div class="value-legend" data-testid="korea-legend">
                <span>{format_value(lo)}</span>
                <span class="ramp" aria-hidden="true"></span>
                <span>{format_value(hi)}" "{unit.get()}</span>
            </div>
        }
        .into_any(),
        AreaColouring::Status => {
            view! { <div data-testid="korea-legend"><StatusLegend statuses=statuses /></div> }
                .into_any()
        }
    }
}

/// The chooser of what colours the areas: the actions, or one of the series that
/// Korea's governments have.
#[component]
fn ColourChooser(layer: Memo<KoreaLayer>, choices: Memo<Vec<(String, String)>>) -> impl IntoView {
    let app = use_app();
    let choose = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        app.update(|s| s.series = (!v.is_empty()).then_some(v));
    };
    view! {
        <label class="korea-colour">
            <span>{move || app.t("korea.map-colour")}</span>
            <select data-testid="korea-colour" on:change=choose prop:value=move || match layer.get() { KoreaLayer::Series(id) => id, KoreaLayer::Actions => String::new() }>
                <option value="">{move || app.t("korea.map-actions")}</option>
                {move || choices.get().into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// `(id, SVG path)` of a boundary's features on the Korea map, once its file is in.
/// Worked out once: the bundle changes as each of the view's files comes in, and the
/// paths of a file already read stay what they were.
fn paths_once_loaded(boundary: Boundary) -> Memo<Vec<(String, String)>> {
    let app = use_app();
    Memo::new_owning(move |before: Option<Vec<(String, String)>>| {
        if let Some(paths) = before.filter(|p| !p.is_empty()) {
            return (paths, false);
        }
        let paths = app.data.bundle.with(|b| {
            b.topologies
                .get(boundary.path)
                .map(|t| korea_paths(t, boundary.object))
                .unwrap_or_default()
        });
        let changed = !paths.is_empty();
        (paths, changed)
    })
}
