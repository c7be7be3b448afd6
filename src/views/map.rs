//! The map: renders the core's map scene (boundaries, placed symbols, colours, legend)
//! and turns wheel, drag, pinch, buttons and keys into zoom changes and city focus.

use std::sync::Arc;

use leptos::prelude::*;

use sdg_core::assess::Status;
use sdg_core::credits::of_tables;
use sdg_core::geo::Viewport;
use sdg_core::i18n::format_value;
use sdg_core::nav::Link;
use sdg_core::query::Region;
use sdg_core::resolve::{preset_boundaries, Boundary, KR_MUNICIPALITIES, KR_PROVINCES, WORLD};
use sdg_core::scene::map::Zoom;
use sdg_core::scene::map::{
    boundary_paths, key_action, legend_statuses, place_actions, place_symbols, preset_viewport,
    province_values, step_focus, symbol_at, symbol_layers, to_map_units, tooltip_position,
    wheel_zoom, zoom_after, ActionSymbol, Colouring, Gesture, MapAction, Placed, HEIGHT, WIDTH,
};
use sdg_core::scene::Row;
use sdg_core::style::{status_key, status_symbol};
use sdg_core::{FastMap, FastSet};

use crate::components::filters::region_key;
use crate::components::status::{StatusLegend, StatusSymbol};
use crate::components::year_player::YearPlayer;
use crate::selection::current_data;
use crate::state::use_app;

/// How far beyond a symbol's shape the pointer still finds it, in map units: small
/// symbols are hard to hit with a finger.
const POINTER_SLACK: f64 = 1.5;

/// The map view.
#[component]
pub fn MapView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let preset = Memo::new(move |_| app.resolved.with(|r| r.preset));
    let viewport = Memo::new(move |_| preset_viewport(preset.get()));
    let zoom = RwSignal::new(Zoom::default());
    Effect::new(move |_| {
        preset.track();
        zoom.set(Zoom::default());
    });

    let world = projected_layer(preset, viewport, WORLD);
    let provinces = projected_layer(preset, viewport, KR_PROVINCES);
    let municipalities = projected_layer(preset, viewport, KR_MUNICIPALITIES);
    let province_ids = Memo::new(move |_| {
        provinces.with(|p| p.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>())
    });

    // By status until the series is known.
    let colouring = Memo::new(move |_| match app.series.get() {
        Some(series) => rows.with(|r| Colouring::of(&series, r)),
        None => Colouring::ByStatus,
    });
    let placed = Memo::new(move |_| {
        let view = viewport.get();
        let z = zoom.get();
        let skip: FastSet<String> = province_ids.get().into_iter().collect();
        rows.with(|r| place_symbols(r, &view, z, &skip))
    });

    let actions_layer = Memo::new(move |_| app.state.with(|s| s.actions_layer));
    let action_symbols = Memo::new(move |_| {
        if !actions_layer.get() || !app.data.gazetteer_ready.get() {
            return Vec::new();
        }
        let (view, z, lang) = (viewport.get(), zoom.get(), app.lang());
        app.data.bundle.with(|b| {
            b.actions
                .as_ref()
                .map(|p| place_actions(p, &b.gazetteer, &view, z, lang))
                .unwrap_or_default()
        })
    });
    let hovered_action: RwSignal<Option<ActionSymbol>> = RwSignal::new(None);
    let hovered: RwSignal<Option<Placed>> = RwSignal::new(None);
    let focused = RwSignal::new(None::<usize>);
    let unit = move || app.series.get().map(|s| s.unit).unwrap_or_default();

    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let map_units = Callback::new(move |(x, y): (i32, i32)| -> (f64, f64) {
        let client = (f64::from(x), f64::from(y));
        svg_ref
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                to_map_units(client, (r.left(), r.top(), r.width(), r.height()))
            })
            .unwrap_or(client)
    });
    let gesture = StoredValue::new(Gesture::default());
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let at = map_units.run((ev.client_x(), ev.client_y()));
        gesture.update_value(|g| g.down(ev.pointer_id(), at));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let to = map_units.run((ev.client_x(), ev.client_y()));
        let z = zoom.get_untracked();
        let mut next = None;
        gesture.update_value(|g| next = g.moved(ev.pointer_id(), to, z));
        if let Some(next) = next {
            zoom.set(next);
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        gesture.update_value(|g| g.up(ev.pointer_id()));
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let (x, y) = map_units.run((ev.client_x(), ev.client_y()));
        zoom.update(|z| *z = wheel_zoom(*z, ev.delta_y(), x, y));
    };
    let act = map_actions(placed, focused, hovered, zoom);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(action) = key_action(&ev.key()) {
            ev.prevent_default();
            act(action);
        }
    };

    let label = move || {
        if actions_layer.get() {
            let shown = action_symbols.with(Vec::len).to_string();
            return app.fill("map.actions-label", &[("shown", &shown)]);
        }
        let shown = placed.with(Vec::len).to_string();
        let total = rows.with(Vec::len).to_string();
        app.fill("map.label", &[("shown", &shown), ("total", &total)])
    };
    view! {
        <section class="map-view" aria-labelledby="map-title">
            <h1 id="map-title">{move || if actions_layer.get() { app.t("map.actions-title").to_string() } else { app.series.get().map(|s| s.title(app.lang()).to_string()).unwrap_or_default() }}</h1>
            <MapSwitches preset=preset actions_layer=actions_layer />
            <div class="map-frame">
                <svg
                    node_ref=svg_ref
                    class="map"
                    data-testid="map"
                    viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    tabindex="0"
                    role="application"
                    aria-roledescription=move || app.t("map.role")
                    aria-label=label
                    aria-describedby="map-help"
                    on:wheel=on_wheel
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=on_up
                    on:pointerleave=on_up
                    on:keydown=on_key
                >
                    <rect width=WIDTH height=HEIGHT class="sea"></rect>
                    <Boundaries zoom=zoom world=world provinces=provinces municipalities=municipalities colouring=colouring />
                    <ActionSymbols symbols=action_symbols hovered=hovered_action gesture=gesture />
                    <CitySymbols placed=placed colouring=colouring hovered=hovered gesture=gesture map_units=map_units />
                </svg>
                <CityTooltip hovered=hovered unit=Signal::derive(unit) />
                <ActionTooltip hovered=hovered_action />
                <ZoomButtons act=Callback::new(act) />
            </div>
            <p id="map-help" class="help">{move || app.t("map.help")}</p>
            <Show when=move || actions_layer.get()>
                <p class="help" data-testid="actions-legend">{move || app.t("map.actions-legend")}</p>
            </Show>
            <Show when=move || !actions_layer.get()>
                <StatisticsFooter colouring=colouring unit=Signal::derive(unit) />
            </Show>
            <p class="source">{move || app.t("map.boundaries")}</p>
        </section>
    }
}

/// One boundary layer's SVG paths for the current preset.
///
/// Boundaries are decoded and projected when their file arrives or the preset changes,
/// not on every other file's arrival (the bundle changes with each). Each preset's
/// projection is kept: a region change back to a preset seen before re-projects nothing
/// (a topology, once loaded, never changes).
fn projected_layer(
    preset: Memo<Region>,
    viewport: Memo<Viewport>,
    boundary: Boundary,
) -> Memo<Arc<Vec<(String, String)>>> {
    let app = use_app();
    let loaded = Memo::new(move |_| {
        app.data
            .bundle
            .with(|b| b.topologies.contains_key(boundary.path))
    });
    let projected = StoredValue::new(FastMap::<Region, Arc<Vec<(String, String)>>>::default());
    Memo::new(move |_| {
        let preset = preset.get();
        if !loaded.get() || !preset_boundaries(preset).contains(&boundary) {
            return Arc::default();
        }
        if let Some(paths) = projected.with_value(|p| p.get(&preset).cloned()) {
            return paths;
        }
        let paths = Arc::new(app.data.bundle.with_untracked(|b| {
            b.topologies
                .get(boundary.path)
                .map(|t| boundary_paths(t, boundary.object, &viewport.get_untracked()))
                .unwrap_or_default()
        }));
        projected.update_value(|p| {
            p.insert(preset, Arc::clone(&paths));
        });
        paths
    })
}

/// The hovered or focused city's name, country, latest value and status.
#[component]
fn CityTooltip(hovered: RwSignal<Option<Placed>>, unit: Signal<String>) -> impl IntoView {
    let app = use_app();
    move || {
        let p = hovered.get()?;
        let lang = app.lang();
        let value = match p.row.latest {
            Some(l) => format!("{} {} ({})", format_value(l.value), unit.get(), l.year),
            None => app.t("status.nodata").to_string(),
        };
        let country = app.data.bundle.with(|b| {
            b.gazetteer
                .country(&p.row.city.country)
                .map(|c| c.name(lang).to_string())
                .unwrap_or_default()
        });
        let (left, top) = tooltip_position(p.x, p.y);
        let status = p.row.status;
        Some(view! {
            <div class="tooltip" role="status" style:left=format!("{left:.1}%") style:top=format!("{top:.1}%")>
                <strong>{p.row.city.name(lang).to_string()}</strong>
                <span>{country}</span>
                <span>{value}</span>
                <span class="tooltip-status">
                    <StatusSymbol status=status size=12 />
                    {app.t(status_key(status))}
                </span>
            </div>
        })
    }
}

/// The layer switch (statistics or actions) and the region presets.
#[component]
fn MapSwitches(preset: Memo<Region>, actions_layer: Memo<bool>) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="map-presets" role="group" aria-label=move || app.t("map.layer")>
            {[(false, "map.layer.statistics"), (true, "map.layer.actions")].into_iter().map(|(on, key)| view! {
                <button
                    type="button"
                    data-testid=if on { "layer-actions" } else { "layer-statistics" }
                    aria-pressed=move || (actions_layer.get() == on).to_string()
                    on:click=move |_| app.update(|s| s.actions_layer = on)
                >
                    {move || app.t(key)}
                </button>
            }).collect_view()}
        </div>
        <div class="map-presets" role="group" aria-label=move || app.t("map.presets")>
            {Region::ALL
                .into_iter()
                .map(|r| view! {
                    <button
                        type="button"
                        aria-pressed=move || (preset.get() == r).to_string()
                        on:click=move |_| app.update(|s| s.region = r)
                    >
                        {move || app.t(region_key(r))}
                    </button>
                })
                .collect_view()}
        </div>
    }
}

/// The hovered action symbol's place and its number of actions.
#[component]
fn ActionTooltip(hovered: RwSignal<Option<ActionSymbol>>) -> impl IntoView {
    let app = use_app();
    move || {
        hovered.get().map(|a| {
            let (left, top) = tooltip_position(a.x, a.y);
            view! {
                <div class="tooltip" role="status" style:left=format!("{left:.1}%") style:top=format!("{top:.1}%")>
                    <strong>{a.name.clone()}</strong>
                    <span>{app.fill("map.actions-count", &[("n", &a.count.to_string())])}</span>
                </div>
            }
        })
    }
}

/// Zoom in, zoom out and reset, for those without a wheel, a keyboard or two fingers.
#[component]
fn ZoomButtons(act: Callback<MapAction>) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="map-zoom" role="group" aria-label=move || app.t("map.zoom")>
            <button type="button" aria-label=move || app.t("map.zoom-in") on:click=move |_| act.run(MapAction::ZoomIn)>"+"</button>
            <button type="button" aria-label=move || app.t("map.zoom-out") on:click=move |_| act.run(MapAction::ZoomOut)>"−"</button>
            <button type="button" aria-label=move || app.t("map.reset") on:click=move |_| act.run(MapAction::Reset)>"⟲"</button>
        </div>
    }
}

/// Under the statistics map: the year player, the legend (statuses or the value
/// ramp), the data's credit and the thresholds' source.
#[component]
fn StatisticsFooter(colouring: Memo<Colouring>, unit: Signal<String>) -> impl IntoView {
    let app = use_app();
    let legend = Signal::derive(move || {
        app.series
            .get()
            .map(|s| legend_statuses(&s))
            .unwrap_or_default()
    });
    view! {
            <YearPlayer />
            <div class="legend-row">
                {move || match colouring.get() {
                    Colouring::ByValue { lo, hi } => view! {
                        <div class="value-legend">
                            <span>{format_value(lo)}</span>
                            <span class="ramp" aria-hidden="true"></span>
                            <span>{format_value(hi)}" "{move || unit.get()}</span>
                            <span class="help">{app.t("map.by-value")}</span>
                        </div>
                    }.into_any(),
                    _ => view! { <StatusLegend statuses=legend /> }.into_any(),
                }}
                <p class="help">{move || app.t("map.size")}</p>
            </div>
            <p class="source credit">{move || app.t("credit.label")}" "{move || {
                let (_, tables) = current_data(&app)?;
                app.data.manifest.with(|m| m.as_ref().map(|m| of_tables(m, &[tables.as_ref()])))
            }}</p>
            {move || app.series.get().and_then(|s| s.thresholds).map(|t| view! { <p class="source">{app.t("thresholds.source")}" "{t.source}</p> })}
    }
}

/// What a map key or zoom button does: step the keyboard focus through the placed
/// cities, open the focused one, clear it, or zoom and pan.
fn map_actions(
    placed: Memo<Vec<Placed>>,
    focused: RwSignal<Option<usize>>,
    hovered: RwSignal<Option<Placed>>,
    zoom: RwSignal<Zoom>,
) -> impl Fn(MapAction) + Copy + Send + Sync + 'static {
    let app = use_app();
    move |action: MapAction| match action {
        MapAction::Next | MapAction::Previous => {
            let delta = if action == MapAction::Next { 1 } else { -1 };
            let n = placed.with_untracked(Vec::len);
            let next = step_focus(focused.get_untracked(), delta, n);
            focused.set(next);
            hovered.set(next.and_then(|i| placed.with_untracked(|p| p.get(i).cloned())));
        }
        MapAction::Open => {
            if let Some(p) = hovered.get_untracked() {
                app.go(&Link::City(p.row.city.id.clone()));
            }
        }
        MapAction::Clear => {
            hovered.set(None);
            focused.set(None);
        }
        _ => zoom.update(|z| *z = zoom_after(*z, action)),
    }
}

/// Land, the Korea preset's provinces (filled by their own values) and its
/// municipalities' lines, under the zoom transform.
#[component]
fn Boundaries(
    zoom: RwSignal<Zoom>,
    world: Memo<Arc<Vec<(String, String)>>>,
    provinces: Memo<Arc<Vec<(String, String)>>>,
    municipalities: Memo<Arc<Vec<(String, String)>>>,
    colouring: Memo<Colouring>,
) -> impl IntoView {
    let app = use_app();
    let province_fills = Memo::new(move |_| {
        let year = app.state.with(|s| s.year);
        let Some((series, tables)) = current_data(&app) else {
            return Vec::new();
        };
        let ids: Vec<String> = provinces.with(|p| p.iter().map(|(id, _)| id.clone()).collect());
        let values = province_values(&ids, &series, &tables, year);
        let colouring = colouring.get();
        provinces.with(|p| {
            p.iter()
                .map(|(id, d)| {
                    let (st, v) = values.get(id).copied().unwrap_or((Status::NoData, None));
                    (d.clone(), colouring.fill(st, v))
                })
                .collect::<Vec<_>>()
        })
    });
    let joined = |paths: &Arc<Vec<(String, String)>>| {
        paths.iter().map(|(_, d)| d.as_str()).collect::<String>()
    };
    view! {
        <g transform=move || zoom.get().transform() aria-hidden="true">
            <path class="land" d=move || world.with(joined)></path>
            {move || province_fills.get().into_iter().map(|(d, fill)| view! {
                <path class="province" d=d fill=fill fill-opacity="0.55"></path>
            }).collect_view()}
            <path class="municipal" d=move || municipalities.with(joined)></path>
        </g>
    }
}

/// The actions layer: a circle per place with actions, sized by their number; a
/// click (not the end of a drag) opens the place's actions.
#[component]
fn ActionSymbols(
    symbols: Memo<Vec<ActionSymbol>>,
    hovered: RwSignal<Option<ActionSymbol>>,
    gesture: StoredValue<Gesture>,
) -> impl IntoView {
    let app = use_app();
    let action_at = move |ev: &leptos::ev::Event| -> Option<ActionSymbol> {
        let id = event_target::<web_sys::Element>(ev).get_attribute("data-id")?;
        symbols.with_untracked(|p| p.iter().find(|c| c.id == id).cloned())
    };
    view! {
        <g class="action-symbols" aria-hidden="true"
            on:pointerover=move |ev| { if let Some(p) = action_at(&ev) { hovered.set(Some(p)); } }
            on:pointerout=move |_| hovered.set(None)
            on:click=move |ev| {
                if gesture.with_value(Gesture::dragged) {
                    return;
                }
                if let Some(p) = action_at(&ev) {
                    app.go(&Link::ActionsOf(p.id));
                }
            }
        >
            <For
                each=move || symbols.get()
                key=|a| (a.id.clone(), (a.x * 10.0) as i64, (a.y * 10.0) as i64, a.count)
                children=move |a: ActionSymbol| view! {
                    <circle class="action-symbol" data-id=a.id.clone() cx=a.x cy=a.y r=a.r></circle>
                }
            />
        </g>
    }
}

/// The cities as one path per colour (see `symbol_layers`), and the hovered or
/// focused city's outline. The pointer finds its city in the core.
#[component]
fn CitySymbols(
    placed: Memo<Vec<Placed>>,
    colouring: Memo<Colouring>,
    hovered: RwSignal<Option<Placed>>,
    gesture: StoredValue<Gesture>,
    map_units: Callback<(i32, i32), (f64, f64)>,
) -> impl IntoView {
    let app = use_app();
    let layers = Memo::new(move |_| {
        let colouring = colouring.get();
        placed.with(|p| symbol_layers(p, |p| colouring.fill(p.row.status, p.row.value())))
    });
    let city_at = move |ev: &leptos::ev::MouseEvent| -> Option<Placed> {
        let (x, y) = map_units.run((ev.client_x(), ev.client_y()));
        placed.with_untracked(|p| symbol_at(p, x, y, POINTER_SLACK).map(|i| p[i].clone()))
    };
    view! {
        <g
            class="cities"
            on:pointermove=move |ev| {
                let at = city_at(&ev);
                if hovered.with_untracked(|h| h.as_ref().map(|h| &h.row.city.id) != at.as_ref().map(|p| &p.row.city.id)) {
                    hovered.set(at);
                }
            }
            on:pointerout=move |_| hovered.set(None)
            on:click=move |ev| {
                if gesture.with_value(Gesture::dragged) {
                    return;
                }
                if let Some(p) = city_at(&ev) {
                    app.go(&Link::City(p.row.city.id.clone()));
                }
            }
        >
            {move || layers.get().into_iter().map(|l| view! {
                <path class="city" d=l.d fill=l.fill data-count=l.count></path>
            }).collect_view()}
        </g>
        {move || hovered.get().map(|p| view! {
            <path class="city-highlight" data-id=p.row.city.id.clone() d=status_symbol(p.row.status, p.x, p.y, p.r + 2.0) aria-hidden="true"></path>
        })}
    }
}
