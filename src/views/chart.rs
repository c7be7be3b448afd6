//! Charts: cities over time (with the country as context), ranking bars of the current
//! selection, and a scatter against population. Every chart has a title, unit, source,
//! an accessible name, a table alternative and PNG/SVG downloads.

use leptos::prelude::*;

use sdg_core::chart::{
    layout, nearest, paint, points_attr, rect_box, text_rotation, to_svg, Kind, Plot, SeriesData,
    Shape, Spec,
};
use sdg_core::i18n::format_value;
use sdg_core::url_state::Lang;

use crate::selection::{current_data, Row};
use crate::state::{download_png, download_text, use_app};

/// Colours for up to 8 compared cities (colour-blind safe Okabe–Ito palette).
const PALETTE: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442",
];
/// Bars shown at each end of the ranking.
const RANK_N: usize = 10;

/// The chart view.
#[component]
pub fn ChartView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let series_title = move || {
        current_data(&app)
            .map(|(s, _)| {
                if app.lang() == Lang::Ko {
                    s.title_ko
                } else {
                    s.title_en
                }
            })
            .unwrap_or_default()
    };
    let unit = move || current_data(&app).map(|(s, _)| s.unit).unwrap_or_default();
    let source = move || {
        current_data(&app)
            .and_then(|(_, m)| m.cities.as_ref().map(|(t, _)| t.sources.clone()))
            .map(|s| sdg_core::chart::source_line(&s))
            .unwrap_or_default()
    };

    // Time series of the compared cities (state `city`), or the 5 largest in the selection.
    let lines = Memo::new(move |_| {
        let lang = app.lang();
        let chosen = app.state.with(|s| s.cities.clone());
        let (from, to) = app.state.with(|s| (s.from, s.to));
        let in_range = move |y: i32| from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t);
        let (series, merged) = current_data(&app)?;
        let (t, i) = merged.cities.as_ref()?;
        let ids: Vec<String> = if chosen.is_empty() {
            let mut r = rows.get();
            r.retain(|r| r.value.is_some());
            r.sort_by_key(|r| std::cmp::Reverse(r.population));
            r.into_iter().take(5).map(|r| r.id.clone()).collect()
        } else {
            chosen.into_iter().take(8).collect()
        };
        let mut data = Vec::new();
        let mut countries = Vec::new();
        app.data.bundle.with(|b| {
            for (k, id) in ids.iter().enumerate() {
                let Some(city) = b.gazetteer.city(id) else {
                    continue;
                };
                let name = match (lang, &city.name_ko) {
                    (Lang::Ko, Some(ko)) => ko.clone(),
                    _ => city.name_en.clone(),
                };
                let points: Vec<(f64, f64)> = i
                    .points(t, id)
                    .into_iter()
                    .filter(|p| in_range(p.0))
                    .map(|(y, v)| (f64::from(y), v))
                    .collect();
                data.push(SeriesData {
                    label: name,
                    color: PALETTE[k % 8].into(),
                    points,
                    context: false,
                });
                if !countries.contains(&city.country) {
                    countries.push(city.country.clone());
                }
            }
            if let Some((ct, ci)) = merged.countries.as_ref() {
                for iso3 in &countries {
                    let points: Vec<(f64, f64)> = ci
                        .points(ct, iso3)
                        .into_iter()
                        .filter(|p| in_range(p.0))
                        .map(|(y, v)| (f64::from(y), v))
                        .collect();
                    if !points.is_empty() {
                        let name = b
                            .gazetteer
                            .country(iso3)
                            .map(|c| c.name_en.clone())
                            .unwrap_or_else(|| iso3.clone());
                        data.push(SeriesData {
                            label: format!("{name} ({})", app.t("chart.country")),
                            color: "#888888".into(),
                            points,
                            context: true,
                        });
                    }
                }
            }
        });
        Some(Spec {
            kind: Kind::Lines,
            width: 760,
            height: 340,
            x_title: app.t("col.year").into(),
            y_title: series.unit.clone(),
            series: data,
            bar_labels: vec![],
            x_log: false,
        })
    });

    let ranking = Memo::new(move |_| {
        let lang = app.lang();
        let (series, _) = current_data(&app)?;
        let mut r: Vec<Row> = rows
            .get()
            .into_iter()
            .filter(|r| r.value.is_some())
            .collect();
        r.sort_by(|a, b| {
            b.value
                .map(|v| v.0)
                .unwrap_or(0.0)
                .total_cmp(&a.value.map(|v| v.0).unwrap_or(0.0))
        });
        let chosen: Vec<Row> = if r.len() > 2 * RANK_N {
            r[..RANK_N]
                .iter()
                .chain(&r[r.len() - RANK_N..])
                .cloned()
                .collect()
        } else {
            r
        };
        let labels: Vec<String> = chosen.iter().map(|r| r.name(lang).to_string()).collect();
        let points: Vec<(f64, f64)> = chosen
            .iter()
            .enumerate()
            .map(|(k, r)| (k as f64, r.value.map(|v| v.0).unwrap_or(0.0)))
            .collect();
        Some(Spec {
            kind: Kind::Bars,
            width: 760,
            height: (24 * labels.len() as u32).max(120) + 50,
            x_title: String::new(),
            y_title: series.unit.clone(),
            series: vec![SeriesData {
                label: series.title_en.clone(),
                color: "#fd9d24".into(),
                points,
                context: false,
            }],
            bar_labels: labels,
            x_log: false,
        })
    });

    // The scatter's x axis: population (log scale), or another series' value.
    let against: RwSignal<Option<String>> = RwSignal::new(None);
    let other_title = move || {
        let id = against.get()?;
        app.data.bundle.with(|b| {
            let s = b.framework.as_ref()?.series(&id)?;
            Some(if app.lang() == Lang::Ko {
                s.title_ko.clone()
            } else {
                s.title_en.clone()
            })
        })
    };
    let scatter = Memo::new(move |_| {
        let (series, _) = current_data(&app)?;
        let lang = app.lang();
        let year = app.state.with(|s| s.year);
        let rows = rows.get();
        let (r, points, x_title, x_log): (Vec<&Row>, Vec<(f64, f64)>, String, bool) = match against
            .get()
        {
            None => {
                let r: Vec<&Row> = rows
                    .iter()
                    .filter(|r| r.value.is_some() && r.population.is_some())
                    .collect();
                let pts = r
                    .iter()
                    .map(|r| {
                        (
                            (r.population.unwrap_or(1) as f64).log10(),
                            r.value.map(|v| v.0).unwrap_or(0.0),
                        )
                    })
                    .collect();
                (r, pts, app.t("chart.log-population").into(), true)
            }
            Some(other) => {
                app.data.ensure_series(&other, false);
                let merged = app.data.series(&other)?;
                let (t, i) = merged.cities.as_ref()?;
                let unit = app.data.bundle.with(|b| {
                    b.framework
                        .as_ref()
                        .and_then(|f| f.series(&other))
                        .map(|s| s.unit.clone())
                        .unwrap_or_default()
                });
                let mut r = Vec::new();
                let mut pts = Vec::new();
                for row in rows.iter() {
                    let (Some((y, _, _)), Some(x)) = (row.value, i.latest(t, &row.id, year)) else {
                        continue;
                    };
                    r.push(row);
                    pts.push((x.value, y));
                }
                (
                    r,
                    pts,
                    format!("{} ({unit})", other_title().unwrap_or_default()),
                    false,
                )
            }
        };
        Some(Spec {
            kind: Kind::Scatter,
            width: 760,
            height: 340,
            x_title,
            y_title: series.unit.clone(),
            series: vec![SeriesData {
                label: series.title_en.clone(),
                color: "#0072b2".into(),
                points,
                context: false,
            }],
            bar_labels: r.iter().map(|r| r.name(lang).to_string()).collect(),
            x_log,
        })
    });
    let series_options = move || {
        let lang = app.lang();
        let current = current_data(&app).map(|(s, _)| s.id).unwrap_or_default();
        app.data.bundle.with(|b| {
            b.framework
                .as_ref()
                .map(|f| {
                    f.series
                        .iter()
                        .filter(|s| s.id != current)
                        .map(|s| {
                            (
                                s.id.clone(),
                                format!(
                                    "{} · {}",
                                    s.indicator,
                                    if lang == Lang::Ko {
                                        &s.title_ko
                                    } else {
                                        &s.title_en
                                    }
                                ),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let scatter_title = move || match other_title() {
        Some(other) => format!("{} — {} {other}", series_title(), app.t("chart.against")),
        None => format!("{} — {}", series_title(), app.t("chart.vs-population")),
    };

    view! {
        <section class="chart-view" aria-labelledby="chart-title">
            <h1 id="chart-title">{series_title}</h1>
            <ChartCard id="lines" title=Signal::derive(move || format!("{} — {}", series_title(), app.t("chart.over-time"))) unit=Signal::derive(unit) source=Signal::derive(source) spec=lines />
            <ChartCard id="ranking" title=Signal::derive(move || format!("{} — {}", series_title(), app.t("chart.ranking"))) unit=Signal::derive(unit) source=Signal::derive(source) spec=ranking />
            <label class="field scatter-x">
                <span>{move || app.t("chart.scatter-x")}</span>
                <select data-testid="scatter-x" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    against.set((!v.is_empty()).then_some(v));
                }>
                    <option value="">{move || app.t("col.population")}</option>
                    {move || series_options().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                </select>
            </label>
            <ChartCard id="scatter" title=Signal::derive(scatter_title) unit=Signal::derive(unit) source=Signal::derive(source) spec=scatter />
            <crate::views::map::YearPlayer />
        </section>
    }
}

/// One chart with its title, accessible name, table alternative and downloads.
#[component]
fn ChartCard(
    id: &'static str,
    title: Signal<String>,
    unit: Signal<String>,
    source: Signal<String>,
    spec: Memo<Option<Spec>>,
) -> impl IntoView {
    let app = use_app();
    let plot: Memo<Option<Plot>> = Memo::new(move |_| spec.get().map(|s| layout(&s)));
    let as_table = RwSignal::new(false);
    let focus = RwSignal::new(None::<(usize, usize)>);
    let point_label = move |(s, p): (usize, usize)| -> Option<String> {
        let spec = spec.get()?;
        let series = spec.series.get(s)?;
        let (x, y) = *series.points.get(p)?;
        Some(match spec.kind {
            Kind::Lines => format!(
                "{}: {} {} ({x:.0})",
                series.label,
                format_value(y),
                unit.get()
            ),
            Kind::Bars => format!(
                "{}: {} {}",
                spec.bar_labels.get(p).cloned().unwrap_or_default(),
                format_value(y),
                unit.get()
            ),
            Kind::Scatter if spec.x_log => format!(
                "{}: {} {}, {} {}",
                spec.bar_labels.get(p).cloned().unwrap_or_default(),
                format_value(y),
                unit.get(),
                sdg_core::i18n::format_int(10f64.powf(x).round() as u64),
                app.t("col.population")
            ),
            Kind::Scatter => format!(
                "{}: {} {}; {}: {}",
                spec.bar_labels.get(p).cloned().unwrap_or_default(),
                format_value(y),
                unit.get(),
                spec.x_title,
                format_value(x)
            ),
        })
    };
    let svg_text = move || {
        plot.get()
            .map(|p| to_svg(&p, &title.get(), &source.get()))
            .unwrap_or_default()
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(p) = plot.get_untracked() else {
            return;
        };
        let Some(el) = event_target::<web_sys::Element>(&ev)
            .closest("svg")
            .ok()
            .flatten()
        else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let x =
            (f64::from(ev.client_x()) - rect.left()) * f64::from(p.width) / rect.width().max(1.0);
        let y =
            (f64::from(ev.client_y()) - rect.top()) * f64::from(p.height) / rect.height().max(1.0);
        focus.set(nearest(&p, x, y, 14.0));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(p) = plot.get_untracked() else {
            return;
        };
        let n = p.points.len();
        if n == 0 {
            return;
        }
        let cur = focus
            .get_untracked()
            .and_then(|f| p.points.iter().position(|q| (q.0, q.1) == f));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(cur.map_or(0, |c| (c + 1) % n)),
            "ArrowLeft" | "ArrowUp" => Some(cur.map_or(n - 1, |c| (c + n - 1) % n)),
            "Escape" => {
                focus.set(None);
                None
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(k) = next {
            focus.set(Some((p.points[k].0, p.points[k].1)));
        }
    };
    view! {
        <figure class="chart-card" data-testid=format!("chart-{id}")>
            <figcaption>
                <strong>{move || title.get()}</strong>
                <span class="unit">{move || unit.get()}</span>
            </figcaption>
            <div class="chart-tools">
                <button type="button" aria-pressed=move || as_table.get().to_string() on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || if as_table.get() { app.t("chart.show-chart") } else { app.t("chart.show-table") }}
                </button>
                <button type="button" on:click=move |_| download_text(&format!("{id}.svg"), "image/svg+xml", &svg_text())>{move || app.t("chart.svg")}</button>
                <button type="button" on:click=move |_| {
                    if let Some(p) = plot.get_untracked() {
                        download_png(&format!("{id}.png"), &svg_text(), p.width, p.height + 48);
                    }
                }>{move || app.t("chart.png")}</button>
            </div>
            <Show
                when=move || !as_table.get()
                fallback=move || view! { <ChartTable spec=spec unit=unit /> }
            >
                <div class="chart-frame">
                    {move || plot.get().map(|p| {
                        let label = format!("{}. {}", title.get(), app.t("chart.keys"));
                        view! {
                            <svg
                                class="chart"
                                viewBox=format!("0 0 {} {}", p.width, p.height)
                                role="img"
                                tabindex="0"
                                aria-label=label
                                on:pointermove=on_move
                                on:pointerleave=move |_| focus.set(None)
                                on:keydown=on_key
                            >
                                {p.shapes.iter().map(render_shape).collect_view()}
                                {move || focus.get().and_then(|f| {
                                    let p = plot.get()?;
                                    let &(_, _, x, y) = p.points.iter().find(|q| (q.0, q.1) == f)?;
                                    Some(view! { <circle cx=x cy=y r="7" class="focus-ring"></circle> })
                                })}
                            </svg>
                        }
                    })}
                    <p class="chart-readout" role="status">{move || focus.get().and_then(point_label)}</p>
                </div>
            </Show>
            <ul class="chart-legend">
                {move || spec.get().filter(|s| s.kind == Kind::Lines).map(|s| s.series.into_iter().map(|series| view! {
                    <li>
                        <svg width="22" height="10" aria-hidden="true">
                            <line x1="1" y1="5" x2="21" y2="5" stroke=series.color.clone() stroke-width=if series.context { 1 } else { 3 }></line>
                        </svg>
                        {series.label}
                    </li>
                }).collect_view())}
            </ul>
            <p class="source">{move || app.t("chart.source")}" "{move || source.get()}</p>
        </figure>
    }
}

/// A recorded shape as an SVG element; text is a text node, never markup.
fn render_shape(shape: &Shape) -> AnyView {
    match shape.clone() {
        Shape::Line { points, color, width } => {
            view! { <polyline points=points_attr(&points) fill="none" stroke=color stroke-width=width></polyline> }.into_any()
        }
        Shape::Rect { from, to, color, fill } => {
            let (x, y, w, h) = rect_box(from, to);
            let (fill, stroke) = paint(&color, fill);
            view! { <rect x=x y=y width=w height=h fill=fill stroke=stroke></rect> }.into_any()
        }
        Shape::Circle { center, radius, color, fill } => {
            let (fill, stroke) = paint(&color, fill);
            view! { <circle cx=center.0 cy=center.1 r=radius fill=fill stroke=stroke></circle> }.into_any()
        }
        Shape::Text { at, text, size, anchor, color, vertical } => {
            view! {
                <text x=at.0 y=at.1 font-size=size text-anchor=anchor fill=color transform=text_rotation(at, vertical) class="chart-text">{text}</text>
            }
            .into_any()
        }
    }
}

/// The data of a chart as a table.
#[component]
fn ChartTable(spec: Memo<Option<Spec>>, unit: Signal<String>) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="table-wrap" tabindex="0">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{move || app.t("col.city")}</th>
                        <th scope="col">{move || app.t("chart.x")}</th>
                        <th scope="col">{move || format!("{} ({})", app.t("col.value"), unit.get())}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || spec.get().map(|s| {
                        let mut out = Vec::new();
                        for series in &s.series {
                            for (k, (x, y)) in series.points.iter().enumerate() {
                                let name = match s.kind {
                                    Kind::Lines => series.label.clone(),
                                    _ => s.bar_labels.get(k).cloned().unwrap_or_default(),
                                };
                                let xs = match s.kind {
                                    Kind::Lines => format!("{x:.0}"),
                                    Kind::Bars => format!("#{}", *x as usize + 1),
                                    Kind::Scatter if s.x_log => sdg_core::i18n::format_int(10f64.powf(*x).round() as u64),
                                    Kind::Scatter => format_value(*x),
                                };
                                out.push(view! { <tr><th scope="row">{name}</th><td>{xs}</td><td class="num">{format_value(*y)}</td></tr> });
                            }
                        }
                        out.collect_view()
                    })}
                </tbody>
            </table>
        </div>
    }
}
