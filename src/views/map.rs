//! The map: offline vector boundaries (no tiles), cities as status symbols sized by
//! population, decluttered; the Korea preset adds a province choropleth over municipal
//! boundaries. Zoom and pan by wheel, drag, pinch, buttons and keyboard.

use std::collections::HashMap;

use leptos::prelude::*;

use sdg_core::assess::{status, Status};
use sdg_core::geo::{svg_path, Viewport};
use sdg_core::i18n::format_value;
use sdg_core::mapview::{
    declutter, preset_bounds, preset_meridian, symbol_radius, unit_position, value_color, Zoom,
};
use sdg_core::query::Region;

use crate::components::status::{color, status_key, symbol, StatusLegend};
use crate::selection::{current_data, current_series, series_years, Row};
use crate::state::use_app;

const W: f64 = 960.0;
const H: f64 = 560.0;
/// World boundaries drawn under every preset.
pub const WORLD: &str = "geo/world-110m.json";
/// Korea's provinces (choropleth of the Korea preset).
pub const KR_PROVINCES: &str = "geo/kr-provinces.json";
/// Korea's municipalities (drawn under the provinces).
pub const KR_MUNICIPALITIES: &str = "geo/kr-municipalities.json";

/// A city placed on screen.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    row: Row,
    x: f64,
    y: f64,
    r: f64,
}

/// The map view.
#[component]
pub fn MapView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let preset = Memo::new(move |_| app.state.with(|s| s.region.unwrap_or(Region::World)));
    Effect::new(move |_| {
        app.data.ensure_path(WORLD);
        if preset.get() == Region::Korea {
            app.data.ensure_path(KR_PROVINCES);
            app.data.ensure_path(KR_MUNICIPALITIES);
        }
    });
    let viewport = Memo::new(move |_| {
        let region = preset.get();
        Viewport::fit_centred(preset_bounds(region), W, H, preset_meridian(region))
    });
    let zoom = RwSignal::new(Zoom::default());
    Effect::new(move |_| {
        preset.track();
        zoom.set(Zoom::default());
    });

    // Boundaries are decoded and projected when their file arrives or the preset
    // changes, not on every other file's arrival (the bundle changes with each).
    let paths = |file: &'static str, object: &'static str| {
        let loaded = Memo::new(move |_| app.data.bundle.with(|b| b.topologies.contains_key(file)));
        Memo::new(move |_| {
            let view = viewport.get();
            if !loaded.get() {
                return Vec::new();
            }
            app.data.bundle.with_untracked(|b| {
                b.topologies
                    .get(file)
                    .map(|t| {
                        t.features(object)
                            .into_iter()
                            .map(|f| {
                                (
                                    f.id.clone().unwrap_or_default(),
                                    svg_path(&f.polygons, &view),
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let world = paths(WORLD, "countries");
    let provinces = paths(KR_PROVINCES, "provinces");
    let municipalities = paths(KR_MUNICIPALITIES, "municipalities");

    // Province values for the Korea choropleth.
    let province_status = Memo::new(move |_| {
        let year = app.state.with(|s| s.year);
        let mut out: HashMap<String, (Status, Option<f64>)> = HashMap::new();
        if let Some((series, merged)) = current_data(&app) {
            if let Some((t, i)) = merged.cities.as_ref() {
                for (id, _) in provinces.get() {
                    let latest = i.latest(t, &id, year);
                    out.insert(
                        id,
                        (
                            status(&series, latest.map(|l| l.value)),
                            latest.map(|l| l.value),
                        ),
                    );
                }
            }
        }
        out
    });

    let placed = Memo::new(move |_| {
        let view = viewport.get();
        let z = zoom.get();
        let province_ids: std::collections::HashSet<String> =
            provinces.with(|p| p.iter().map(|(id, _)| id.clone()).collect());
        // Work on references and positions; clone only the rows that are drawn.
        let mut out = rows.with(|rows| {
            let mut index = Vec::new();
            let mut circles = Vec::new();
            let mut priority = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                // Where provinces are drawn as a choropleth, they are not also symbols.
                if province_ids.contains(&row.id) {
                    continue;
                }
                let (x, y) = z.apply(view.project(row.lon, row.lat));
                if !(x > -20.0 && x < W + 20.0 && y > -20.0 && y < H + 20.0) {
                    continue;
                }
                index.push(i);
                circles.push((x, y, symbol_radius(row.population)));
                priority.push(row.population.unwrap_or(0) as f64);
            }
            declutter(&circles, &priority, 0.9)
                .into_iter()
                .map(|k| {
                    let (x, y, r) = circles[k];
                    Placed {
                        row: rows[index[k]].clone(),
                        x,
                        y,
                        r,
                    }
                })
                .collect::<Vec<Placed>>()
        });
        // Small symbols on top of large ones.
        out.sort_by(|a, b| b.r.total_cmp(&a.r));
        out
    });

    // Series without sourced thresholds are coloured by value on a continuous scale.
    let value_range = Memo::new(move |_| {
        let assessed = current_series(&app).is_some_and(|s| s.thresholds.is_some());
        if assessed {
            return None;
        }
        rows.with(|r| {
            let values = r.iter().filter_map(|r| r.value.map(|v| v.0));
            let lo = values.clone().fold(f64::INFINITY, f64::min);
            let hi = values.fold(f64::NEG_INFINITY, f64::max);
            (lo <= hi).then_some((lo, hi))
        })
    });
    let fill = move |status: Status, value: Option<f64>| -> String {
        match (value_range.get(), value) {
            (Some((lo, hi)), Some(v)) => value_color(unit_position(v, lo, hi)),
            _ => color(status).to_string(),
        }
    };

    let hovered: RwSignal<Option<Placed>> = RwSignal::new(None);
    let focused = RwSignal::new(None::<usize>);
    let unit = move || current_series(&app).map(|s| s.unit).unwrap_or_default();
    let tooltip = move || {
        let p = hovered.get()?;
        let lang = app.lang();
        let value = match p.row.value {
            Some((v, year, _)) => {
                format!("{} {} ({year})", sdg_core::i18n::format_value(v), unit())
            }
            None => app.t("status.nodata").to_string(),
        };
        let country = app.data.bundle.with(|b| {
            b.gazetteer
                .country(&p.row.country)
                .map(|c| c.name_en.clone())
                .unwrap_or_default()
        });
        Some(view! {
            <div class="tooltip" role="status" style=format!("left:{:.1}%;top:{:.1}%", p.x / W * 100.0, p.y / H * 100.0)>
                <strong>{p.row.name(lang).to_string()}</strong>
                <span>{country}</span>
                <span>{value}</span>
                <span class="tooltip-status">
                    <svg width="12" height="12" viewBox="0 0 14 14" aria-hidden="true">
                        <path d=symbol(p.row.status, 7.0, 7.0, 5.0) fill=color(p.row.status)></path>
                    </svg>
                    {app.t(status_key(p.row.status))}
                </span>
            </div>
        })
    };

    // Pointer interaction: drag to pan, two pointers to pinch.
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let to_view = move |client_x: f64, client_y: f64| -> (f64, f64) {
        svg_ref
            .get_untracked()
            .map(|el| {
                let rect = el.get_bounding_client_rect();
                (
                    (client_x - rect.left()) * W / rect.width().max(1.0),
                    (client_y - rect.top()) * H / rect.height().max(1.0),
                )
            })
            .unwrap_or((client_x, client_y))
    };
    let pointers: StoredValue<HashMap<i32, (f64, f64)>> = StoredValue::new(HashMap::new());
    let moved = StoredValue::new(false);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let p = to_view(f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointers.update_value(|m| {
            m.insert(ev.pointer_id(), p);
        });
        moved.set_value(false);
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let p = to_view(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let id = ev.pointer_id();
        let before = pointers.with_value(|m| m.clone());
        let Some(old) = before.get(&id).copied() else {
            return;
        };
        if before.len() >= 2 {
            let other = before
                .iter()
                .find(|(k, _)| **k != id)
                .map(|(_, v)| *v)
                .unwrap_or(old);
            let d0 = (old.0 - other.0).hypot(old.1 - other.1);
            let d1 = (p.0 - other.0).hypot(p.1 - other.1);
            if d0 > 1.0 {
                let mid = ((p.0 + other.0) / 2.0, (p.1 + other.1) / 2.0);
                zoom.update(|z| *z = z.zoom_at(d1 / d0, mid.0, mid.1));
            }
        } else {
            let (dx, dy) = (p.0 - old.0, p.1 - old.1);
            if dx.abs() + dy.abs() > 2.0 || moved.get_value() {
                moved.set_value(true);
                zoom.update(|z| *z = z.pan(dx, dy));
            } else {
                return;
            }
        }
        pointers.update_value(|m| {
            m.insert(id, p);
        });
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|m| {
            m.remove(&ev.pointer_id());
        });
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let (x, y) = to_view(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        zoom.update(|z| *z = z.zoom_at(factor, x, y));
    };
    let city_at = move |ev: &leptos::ev::Event| -> Option<Placed> {
        let target = event_target::<web_sys::Element>(ev);
        let id = target.get_attribute("data-id")?;
        placed.with_untracked(|p| p.iter().find(|c| c.row.id == id).cloned())
    };
    let on_city_over = move |ev: leptos::ev::PointerEvent| {
        if let Some(p) = city_at(&ev) {
            hovered.set(Some(p));
        }
    };
    let on_city_click = move |ev: leptos::ev::MouseEvent| {
        if moved.get_value() {
            return;
        }
        if let Some(p) = city_at(&ev) {
            app.open_city(&p.row.id);
        }
    };
    let step_focus = move |delta: isize| {
        let n = placed.with_untracked(|p| p.len()) as isize;
        if n == 0 {
            return;
        }
        let next = match focused.get_untracked() {
            Some(i) => (i as isize + delta).rem_euclid(n) as usize,
            None if delta > 0 => 0,
            None => (n - 1) as usize,
        };
        focused.set(Some(next));
        hovered.set(placed.with_untracked(|p| p.get(next).cloned()));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "ArrowLeft" => {
                zoom.update(|z| *z = z.pan(40.0, 0.0));
                true
            }
            "ArrowRight" => {
                zoom.update(|z| *z = z.pan(-40.0, 0.0));
                true
            }
            "ArrowUp" => {
                zoom.update(|z| *z = z.pan(0.0, 40.0));
                true
            }
            "ArrowDown" => {
                zoom.update(|z| *z = z.pan(0.0, -40.0));
                true
            }
            "+" | "=" => {
                zoom.update(|z| *z = z.zoom_at(1.5, W / 2.0, H / 2.0));
                true
            }
            "-" | "_" => {
                zoom.update(|z| *z = z.zoom_at(1.0 / 1.5, W / 2.0, H / 2.0));
                true
            }
            "0" => {
                zoom.set(Zoom::default());
                true
            }
            "]" | "n" => {
                step_focus(1);
                true
            }
            "[" | "p" => {
                step_focus(-1);
                true
            }
            "Enter" => {
                if let Some(p) = hovered.get_untracked() {
                    app.open_city(&p.row.id);
                }
                true
            }
            "Escape" => {
                hovered.set(None);
                focused.set(None);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let legend_statuses =
        Signal::derive(
            move || match current_series(&app).and_then(|s| s.thresholds.map(|_| ())) {
                Some(()) => vec![
                    Status::Green,
                    Status::Yellow,
                    Status::Orange,
                    Status::Red,
                    Status::NoData,
                ],
                None => vec![Status::NotAssessed, Status::NoData],
            },
        );
    let threshold_source =
        move || current_series(&app).and_then(|s| s.thresholds.map(|t| t.source));
    let label = move || {
        let n = placed.with(|p| p.len());
        let total = rows.with(|r| r.len());
        app.t("map.label")
            .replace("{shown}", &n.to_string())
            .replace("{total}", &total.to_string())
    };

    view! {
        <section class="map-view" aria-labelledby="map-title">
            <h1 id="map-title">{move || current_series(&app).map(|s| if app.lang() == sdg_core::url_state::Lang::Ko { s.title_ko } else { s.title_en }).unwrap_or_default()}</h1>
            <div class="map-presets" role="group" aria-label=move || app.t("map.presets")>
                {[Region::World, Region::AsiaPacific, Region::Korea]
                    .into_iter()
                    .map(|r| {
                        let key = match r {
                            Region::World => "region.world",
                            Region::AsiaPacific => "region.asia-pacific",
                            Region::Korea => "region.korea",
                        };
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (preset.get() == r).to_string()
                                on:click=move |_| app.update(|s| s.region = (r != Region::World).then_some(r))
                            >
                                {move || app.t(key)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="map-frame">
                <svg
                    node_ref=svg_ref
                    class="map"
                    data-testid="map"
                    viewBox=format!("0 0 {W} {H}")
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
                    <rect width=W height=H class="sea"></rect>
                    <g transform=move || zoom.get().transform() aria-hidden="true">
                        <path class="land" d=move || world.with(|w| w.iter().map(|(_, d)| d.as_str()).collect::<String>())></path>
                        {move || {
                            let statuses = province_status.get();
                            provinces
                                .get()
                                .into_iter()
                                .map(|(id, d)| {
                                    let (st, value) = statuses.get(&id).copied().unwrap_or((Status::NoData, None));
                                    view! { <path class="province" d=d fill=fill(st, value) fill-opacity="0.55"></path> }
                                })
                                .collect_view()
                        }}
                        <path class="municipal" d=move || municipalities.with(|m| m.iter().map(|(_, d)| d.as_str()).collect::<String>())></path>
                    </g>
                    // One set of listeners for all cities (event delegation): thousands of
                    // symbols carry only their attributes.
                    <g class="cities" on:pointerover=on_city_over on:pointerout=move |_| hovered.set(None) on:click=on_city_click>
                        <For
                            each=move || placed.get()
                            key=|p| (p.row.id.clone(), (p.x * 10.0) as i64, (p.y * 10.0) as i64, p.row.status)
                            children=move |p: Placed| {
                                view! {
                                    <path
                                        class="city"
                                        data-id=p.row.id.clone()
                                        d=symbol(p.row.status, p.x, p.y, p.r)
                                        fill=fill(p.row.status, p.row.value.map(|v| v.0))
                                    ></path>
                                }
                            }
                        />
                    </g>
                    {move || hovered.get().map(|p| view! {
                        <path class="city-highlight" d=symbol(p.row.status, p.x, p.y, p.r + 2.0) aria-hidden="true"></path>
                    })}
                </svg>
                {tooltip}
                <div class="map-zoom" role="group" aria-label=move || app.t("map.zoom")>
                    <button type="button" aria-label=move || app.t("map.zoom-in") on:click=move |_| zoom.update(|z| *z = z.zoom_at(1.5, W / 2.0, H / 2.0))>"+"</button>
                    <button type="button" aria-label=move || app.t("map.zoom-out") on:click=move |_| zoom.update(|z| *z = z.zoom_at(1.0 / 1.5, W / 2.0, H / 2.0))>"−"</button>
                    <button type="button" aria-label=move || app.t("map.reset") on:click=move |_| zoom.set(Zoom::default())>"⟲"</button>
                </div>
            </div>
            <p id="map-help" class="help">{move || app.t("map.help")}</p>
            <YearPlayer />
            <div class="legend-row">
                {move || match value_range.get() {
                    Some((lo, hi)) => view! {
                        <div class="value-legend">
                            <span>{format_value(lo)}</span>
                            <span class="ramp" aria-hidden="true"></span>
                            <span>{format_value(hi)}" "{unit()}</span>
                            <span class="help">{app.t("map.by-value")}</span>
                        </div>
                    }.into_any(),
                    None => view! { <StatusLegend statuses=legend_statuses /> }.into_any(),
                }}
                <p class="help">{move || app.t("map.size")}</p>
            </div>
            {move || threshold_source().map(|s| view! { <p class="source">{app.t("thresholds.source")}" "{s}</p> })}
            <p class="source">{move || app.t("map.boundaries")}</p>
        </section>
    }
}

/// A year slider with play, over the current series' years.
#[component]
pub fn YearPlayer() -> impl IntoView {
    let app = use_app();
    let years = Memo::new(move |_| series_years(&app));
    let playing = RwSignal::new(false);
    let index = move || {
        let y = app.state.with(|s| s.year);
        years.with(|ys| match y {
            Some(y) => ys
                .iter()
                .position(|v| *v >= y)
                .unwrap_or(ys.len().saturating_sub(1)),
            None => ys.len().saturating_sub(1),
        })
    };
    let handle: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
    let stop = move || {
        playing.set(false);
        if let Some(h) = handle.get_value() {
            h.clear();
        }
        handle.set_value(None);
    };
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        playing.set(true);
        if years.with_untracked(|y| y.first().copied()).is_some() {
            app.update(|s| s.year = years.with_untracked(|y| y.first().copied()));
        }
        let h = set_interval_with_handle(
            move || {
                let next = years.with_untracked(|ys| {
                    let cur = app.state.with_untracked(|s| s.year);
                    ys.iter().copied().find(|y| Some(*y) > cur)
                });
                match next {
                    Some(y) => app.update(|s| s.year = Some(y)),
                    None => stop(),
                }
            },
            std::time::Duration::from_millis(900),
        );
        handle.set_value(h.ok());
    };
    on_cleanup(move || {
        if let Some(h) = handle.get_value() {
            h.clear();
        }
    });
    view! {
        <Show when=move || years.with(|y| y.len() > 1)>
            <div class="year-player">
                <button type="button" on:click=play aria-pressed=move || playing.get().to_string()>
                    {move || if playing.get() { app.t("year.pause") } else { app.t("year.play") }}
                </button>
                <label>
                    <span>{move || app.t("filter.year")}" "{move || app.state.with(|s| s.year).map(|y| y.to_string()).unwrap_or_else(|| app.t("filter.year.latest").to_string())}</span>
                    <input
                        type="range"
                        min="0"
                        max=move || years.with(|y| y.len().saturating_sub(1)).to_string()
                        prop:value=move || index().to_string()
                        on:input=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            let y = years.with_untracked(|ys| ys.get(i).copied());
                            app.update(|s| s.year = y);
                        }
                    />
                </label>
            </div>
        </Show>
    }
}
