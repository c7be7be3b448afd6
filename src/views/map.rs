//! The map: renders the core's map scene (boundaries, placed symbols, colours, legend)
//! and turns wheel, drag, pinch, buttons and keys into zoom changes and city focus.

use std::sync::Arc;

use leptos::prelude::*;

use sdg_core::assess::Status;
use sdg_core::credits::of_tables;
use sdg_core::i18n::format_value;
use sdg_core::mapview::Zoom;
use sdg_core::nav::Link;
use sdg_core::query::Region;
use sdg_core::resolve::{preset_boundaries, KR_MUNICIPALITIES, KR_PROVINCES, WORLD};
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

    // Boundaries are decoded and projected when their file arrives or the preset
    // changes, not on every other file's arrival (the bundle changes with each). Each
    // preset's projection is kept: a region change back to a preset seen before
    // re-projects nothing (a topology, once loaded, never changes).
    let layer = move |boundary: sdg_core::resolve::Boundary| {
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
    };
    let world = layer(WORLD);
    let provinces = layer(KR_PROVINCES);
    let municipalities = layer(KR_MUNICIPALITIES);
    let province_ids = Memo::new(move |_| {
        provinces.with(|p| p.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>())
    });

    // By status until the series is known.
    let colouring = Memo::new(move |_| match app.series.get() {
        Some(series) => rows.with(|r| Colouring::of(&series, r)),
        None => Colouring::ByStatus,
    });
    let fill = move |status: Status, value: Option<f64>| colouring.get().fill(status, value);
    let province_fills = Memo::new(move |_| {
        let year = app.state.with(|s| s.year);
        let Some((series, tables)) = current_data(&app) else {
            return Vec::new();
        };
        let ids = province_ids.get();
        let values = province_values(&ids, &series, &tables, year);
        provinces.with(|p| {
            p.iter()
                .map(|(id, d)| {
                    let (st, v) = values.get(id).copied().unwrap_or((Status::NoData, None));
                    (d.clone(), fill(st, v))
                })
                .collect::<Vec<_>>()
        })
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
    let action_at = move |ev: &leptos::ev::Event| -> Option<ActionSymbol> {
        let id = event_target::<web_sys::Element>(ev).get_attribute("data-id")?;
        action_symbols.with_untracked(|p| p.iter().find(|c| c.id == id).cloned())
    };
    let hovered: RwSignal<Option<Placed>> = RwSignal::new(None);
    let focused = RwSignal::new(None::<usize>);
    let unit = move || app.series.get().map(|s| s.unit).unwrap_or_default();

    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let map_units = move |x: i32, y: i32| -> (f64, f64) {
        let client = (f64::from(x), f64::from(y));
        svg_ref
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                to_map_units(client, (r.left(), r.top(), r.width(), r.height()))
            })
            .unwrap_or(client)
    };
    let gesture = StoredValue::new(Gesture::default());
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let at = map_units(ev.client_x(), ev.client_y());
        gesture.update_value(|g| g.down(ev.pointer_id(), at));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let to = map_units(ev.client_x(), ev.client_y());
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
        let (x, y) = map_units(ev.client_x(), ev.client_y());
        zoom.update(|z| *z = wheel_zoom(*z, ev.delta_y(), x, y));
    };
    // The city under the pointer, found in the core: the symbols are a few paths.
    let city_at = move |ev: &leptos::ev::MouseEvent| -> Option<Placed> {
        let (x, y) = map_units(ev.client_x(), ev.client_y());
        placed.with_untracked(|p| symbol_at(p, x, y, POINTER_SLACK).map(|i| p[i].clone()))
    };
    let open = move |p: &Placed| app.go(&Link::City(p.row.city.id.clone()));
    let act = move |action: MapAction| match action {
        MapAction::Next | MapAction::Previous => {
            let delta = if action == MapAction::Next { 1 } else { -1 };
            let n = placed.with_untracked(Vec::len);
            let next = step_focus(focused.get_untracked(), delta, n);
            focused.set(next);
            hovered.set(next.and_then(|i| placed.with_untracked(|p| p.get(i).cloned())));
        }
        MapAction::Open => {
            if let Some(p) = hovered.get_untracked() {
                open(&p);
            }
        }
        MapAction::Clear => {
            hovered.set(None);
            focused.set(None);
        }
        _ => zoom.update(|z| *z = zoom_after(*z, action)),
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(action) = key_action(&ev.key()) {
            ev.prevent_default();
            act(action);
        }
    };

    let tooltip = move || {
        let p = hovered.get()?;
        let lang = app.lang();
        let value = match p.row.latest {
            Some(l) => format!("{} {} ({})", format_value(l.value), unit(), l.year),
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
    };
    let layers = Memo::new(move |_| {
        let colouring = colouring.get();
        placed.with(|p| symbol_layers(p, |p| colouring.fill(p.row.status, p.row.value())))
    });
    let label = move || {
        if actions_layer.get() {
            let shown = action_symbols.with(Vec::len).to_string();
            return app.fill("map.actions-label", &[("shown", &shown)]);
        }
        let shown = placed.with(Vec::len).to_string();
        let total = rows.with(Vec::len).to_string();
        app.fill("map.label", &[("shown", &shown), ("total", &total)])
    };
    let legend = Signal::derive(move || {
        app.series
            .get()
            .map(|s| legend_statuses(&s))
            .unwrap_or_default()
    });

    view! {
        <section class="map-view" aria-labelledby="map-title">
            <h1 id="map-title">{move || if actions_layer.get() { app.t("map.actions-title").to_string() } else { app.series.get().map(|s| s.title(app.lang()).to_string()).unwrap_or_default() }}</h1>
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
                    <g transform=move || zoom.get().transform() aria-hidden="true">
                        <path class="land" d=move || world.with(|w| w.iter().map(|(_, d)| d.as_str()).collect::<String>())></path>
                        {move || province_fills.get().into_iter().map(|(d, fill)| view! {
                            <path class="province" d=d fill=fill fill-opacity="0.55"></path>
                        }).collect_view()}
                        <path class="municipal" d=move || municipalities.with(|m| m.iter().map(|(_, d)| d.as_str()).collect::<String>())></path>
                    </g>
                    <g class="action-symbols" aria-hidden="true"
                        on:pointerover=move |ev| { if let Some(p) = action_at(&ev) { hovered_action.set(Some(p)); } }
                        on:pointerout=move |_| hovered_action.set(None)
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
                            each=move || action_symbols.get()
                            key=|a| (a.id.clone(), (a.x * 10.0) as i64, (a.y * 10.0) as i64, a.count)
                            children=move |a: ActionSymbol| view! {
                                <circle class="action-symbol" data-id=a.id.clone() cx=a.x cy=a.y r=a.r></circle>
                            }
                        />
                    </g>
                    // The cities as one path per colour (see `symbol_layers`); the pointer
                    // finds its city in the core.
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
                                open(&p);
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
                </svg>
                {tooltip}
                {move || hovered_action.get().map(|a| {
                    let (left, top) = tooltip_position(a.x, a.y);
                    view! {
                        <div class="tooltip" role="status" style:left=format!("{left:.1}%") style:top=format!("{top:.1}%")>
                            <strong>{a.name.clone()}</strong>
                            <span>{app.fill("map.actions-count", &[("n", &a.count.to_string())])}</span>
                        </div>
                    }
                })}
                <div class="map-zoom" role="group" aria-label=move || app.t("map.zoom")>
                    <button type="button" aria-label=move || app.t("map.zoom-in") on:click=move |_| act(MapAction::ZoomIn)>"+"</button>
                    <button type="button" aria-label=move || app.t("map.zoom-out") on:click=move |_| act(MapAction::ZoomOut)>"−"</button>
                    <button type="button" aria-label=move || app.t("map.reset") on:click=move |_| act(MapAction::Reset)>"⟲"</button>
                </div>
            </div>
            <p id="map-help" class="help">{move || app.t("map.help")}</p>
            <Show when=move || actions_layer.get()>
                <p class="help" data-testid="actions-legend">{move || app.t("map.actions-legend")}</p>
            </Show>
            <Show when=move || !actions_layer.get()>
            <YearPlayer />
            <div class="legend-row">
                {move || match colouring.get() {
                    Colouring::ByValue { lo, hi } => view! {
                        <div class="value-legend">
                            <span>{format_value(lo)}</span>
                            <span class="ramp" aria-hidden="true"></span>
                            <span>{format_value(hi)}" "{unit()}</span>
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
            </Show>
            <p class="source">{move || app.t("map.boundaries")}</p>
        </section>
    }
}
