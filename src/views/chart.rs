//! Charts: cities over time (with their countries as context), the ranking of the
//! selection, and a scatter against population or another series. The specs come
//! from the core's chart scene; this file renders them with a title, unit, source, an
//! accessible name, a table alternative and PNG/SVG downloads.

use leptos::prelude::*;

use sdg_core::chart::{chart_key, layout, point_at, svg_size, to_svg, ChartKey, Kind, Plot, Spec};
use sdg_core::credits::of_tables;
use sdg_core::lists::series_options;
use sdg_core::nav::Link;
use sdg_core::query::SeriesTables;
use sdg_core::scene::charts::{
    action_marks, chart_cities, lines_spec, point_label, ranking_spec, scatter_spec, table_rows,
    ScatterX,
};
use sdg_core::scene::Row;

use crate::components::filters::option_list;
use crate::components::link::AppLink;
use crate::components::plot::render_shapes;
use crate::components::year_player::YearPlayer;
use sdg_core::words;

use crate::download::{download_png, download_text};
use crate::selection::current_data;
use crate::state::use_app;

/// The chart view.
#[component]
pub fn ChartView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let series_title = move || {
        app.series
            .get()
            .map(|s| s.title(app.lang()).to_string())
            .unwrap_or_default()
    };
    let unit = Signal::derive(move || app.series.get().map(|s| s.unit).unwrap_or_default());
    // Every pack the charts draw from, with its licence: under each chart and in
    // each download.
    let source = Signal::derive(move || {
        let (_, tables) = current_data(&app)?;
        let against = app
            .resolved
            .with(|r| r.against.clone())
            .and_then(|id| app.data.tables(&id));
        let all: Vec<&SeriesTables> = std::iter::once(tables.as_ref())
            .chain(against.as_deref())
            .collect();
        app.data
            .manifest
            .with(|m| m.as_ref().map(|m| of_tables(m, &all)))
    });
    let source = Signal::derive(move || source.get().unwrap_or_default());

    let lines = Memo::new(move |_| {
        let lang = app.lang();
        let range = app.state.with(|s| (s.from, s.to));
        let compared = app.resolved.with(|r| r.compared.clone());
        let (series, tables) = current_data(&app)?;
        let cities = rows.with(|r| chart_cities(r, &compared));
        Some(app.data.bundle.with(|b| {
            let mut spec = lines_spec(&cities, &b.gazetteer, &series, &tables, range, lang);
            // The cities' dated actions on the series' target, as markers.
            let target = b
                .framework
                .as_ref()
                .and_then(|f| f.series_target(&series))
                .map(str::to_string);
            if let (Some(pack), Some(target)) = (b.actions.as_ref(), target) {
                spec.marks = action_marks(pack, &cities, &target, lang);
            }
            spec
        }))
    });
    let lines_words = Memo::new(move |_| {
        let lang = app.lang();
        let compared = app.resolved.with(|r| r.compared.clone());
        let Some((series, tables)) = current_data(&app) else {
            return Vec::new();
        };
        let cities = rows.with(|r| chart_cities(r, &compared));
        app.data
            .bundle
            .with(|b| words::lines_words(&cities, &b.gazetteer, &series, &tables, lang))
    });
    let ranking = Memo::new(move |_| {
        let lang = app.lang();
        let (series, _) = current_data(&app)?;
        Some(rows.with(|r| ranking_spec(r, &series, lang)))
    });
    // The scatter's x axis: population, or the series the state names in `vs`.
    let against = Signal::derive(move || {
        let id = app.resolved.with(|r| r.against.clone())?;
        app.data.framework_ready.track();
        let series = app
            .data
            .bundle
            .with_untracked(|b| b.framework.as_ref()?.series(&id).cloned())?;
        Some((series, app.data.tables(&id)))
    });
    let scatter = Memo::new(move |_| {
        let lang = app.lang();
        let year = app.state.with(|s| s.year);
        let (series, _) = current_data(&app)?;
        let against = against.get();
        let x = match &against {
            Some((other, Some(tables))) => ScatterX::Series(other, tables),
            // Its table is still loading.
            Some((_, None)) => return None,
            None => ScatterX::Population,
        };
        Some(rows.with(|r| scatter_spec(r, &series, x, year, lang)))
    });
    let ranking_words = Memo::new(move |_| {
        let lang = app.lang();
        let Some((series, _)) = current_data(&app) else {
            return Vec::new();
        };
        rows.with(|r| words::ranking_words(r, &series, lang))
    });
    let scatter_words = Memo::new(move |_| {
        let lang = app.lang();
        let Some((series, _)) = current_data(&app) else {
            return Vec::new();
        };
        let against = match against.get() {
            Some((other, _)) => other.title(lang).to_string(),
            None => app.t("col.population").to_string(),
        };
        let dots = scatter.with(|s| {
            s.as_ref()
                .map_or(0, |s| s.series.iter().map(|d| d.points.len()).sum())
        });
        words::scatter_words(dots, &series, &against, lang)
    });
    let series_options = Signal::derive(move || {
        let lang = app.lang();
        let current = app.series.get().map(|s| s.id).unwrap_or_default();
        app.data.framework_ready.track();
        app.data.bundle.with_untracked(|b| {
            b.framework
                .as_ref()
                .map(|f| series_options(f, lang, Some(&current)))
                .unwrap_or_default()
        })
    });
    let scatter_title = move || match against.get() {
        Some((other, _)) => format!(
            "{} — {} {}",
            series_title(),
            app.t("chart.against"),
            other.title(app.lang())
        ),
        None => format!("{} — {}", series_title(), app.t("chart.vs-population")),
    };
    let against_id = move || app.resolved.with(|r| r.against.clone().unwrap_or_default());

    view! {
        <section class="chart-view" aria-labelledby="chart-title">
            <h1 id="chart-title">{series_title}</h1>
            <ChartCard id="lines" title=Signal::derive(move || format!("{} — {}", series_title(), app.t("chart.over-time"))) unit=unit source=source spec=lines words=lines_words />
            <ChartCard id="ranking" title=Signal::derive(move || format!("{} — {}", series_title(), app.t("chart.ranking"))) unit=unit source=source spec=ranking words=ranking_words />
            <label class="field scatter-x">
                <span>{move || app.t("chart.scatter-x")}</span>
                <select data-testid="scatter-x" prop:value=against_id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    app.update(|s| s.against = (!v.is_empty()).then_some(v));
                }>
                    <option value="">{move || app.t("col.population")}</option>
                    {move || option_list(series_options.get(), &against_id())}
                </select>
            </label>
            <ChartCard id="scatter" title=Signal::derive(scatter_title) unit=unit source=source spec=scatter words=scatter_words />
            <YearPlayer />
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
    /// What the chart shows, in words: its accessible description, shown below it.
    #[prop(optional)]
    words: Option<Memo<Vec<String>>>,
) -> impl IntoView {
    let app = use_app();
    let words_id = format!("{id}-words");
    let described = StoredValue::new(words.map(|_| words_id.clone()));
    let plot: Memo<Option<Plot>> = Memo::new(move |_| spec.get().map(|s| layout(&s)));
    let as_table = RwSignal::new(false);
    let focus = RwSignal::new(None::<(usize, usize)>);
    let readout = move |key: (usize, usize)| -> Option<String> {
        spec.with(|s| point_label(s.as_ref()?, key, &unit.get(), app.lang()))
    };
    // The download's credit says what it is, in the page's language.
    let credit = move || format!("{} {}", app.t("credit.label"), source.get());
    let svg_text = move || {
        plot.get()
            .map(|p| to_svg(&p, &title.get(), &credit()))
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
        let client = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let bounds = (rect.left(), rect.top(), rect.width(), rect.height());
        focus.set(point_at(&p, client, bounds));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match chart_key(&ev.key()) {
            Some(ChartKey::Step(delta)) => delta,
            Some(ChartKey::Clear) => {
                focus.set(None);
                return;
            }
            None => return,
        };
        ev.prevent_default();
        let next = plot.with_untracked(|p| p.as_ref()?.step(focus.get_untracked(), delta));
        if next.is_some() {
            focus.set(next);
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
                        let (w, h) = svg_size(&p, &credit());
                        download_png(&format!("{id}.png"), &svg_text(), w, h);
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
                        let marked = (!p.marks.is_empty()).then(|| p.clone());
                        view! {
                            <div class="chart-plot">
                            <svg
                                class="chart"
                                viewBox=format!("0 0 {} {}", p.width, p.height)
                                role="img"
                                tabindex="0"
                                aria-label=label
                                aria-describedby=described.get_value()
                                on:pointermove=on_move
                                on:pointerleave=move |_| focus.set(None)
                                on:keydown=on_key
                            >
                                {render_shapes(&p.shapes)}
                                {p.marks.iter().map(|m| view! {
                                    <line class="action-mark-line" x1=m.x x2=m.x y1=m.top y2=m.bottom aria-hidden="true"></line>
                                }).collect_view()}
                                {move || focus.get().and_then(|f| {
                                    let p = plot.get()?;
                                    let q = *p.point(f)?;
                                    Some(view! { <circle cx=q.x cy=q.y r="7" class="focus-ring"></circle> })
                                })}
                            </svg>
                            {marked.map(|p| view! { <ActionMarks plot=p /> })}
                            </div>
                        }
                    })}
                    {move || plot.with(|p| p.as_ref().is_some_and(|p| !p.marks.is_empty())).then(|| view! {
                        <p class="help action-marks-note">{app.t("chart.actions-note")}</p>
                    })}
                    <p class="chart-readout" role="status">{move || focus.get().and_then(readout)}</p>
                </div>
            </Show>
            {words.map(|w| view! {
                <div class="chart-words" id=words_id.clone() data-testid=format!("{id}-words")>
                    {move || w.get().into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
                </div>
            })}
            <ul class="chart-legend">
                {move || spec.get().filter(|s| s.kind == Kind::Lines).map(|s| s.series.into_iter().map(|series| view! {
                    <li>
                        <svg width="22" height="10" aria-hidden="true">
                            <line x1="1" y1="5" x2="21" y2="5" stroke=series.color.clone() stroke-width=if series.context { 1 } else { 3 } stroke-dasharray=series.context.then_some("4 3")></line>
                        </svg>
                        {series.label}
                    </li>
                }).collect_view())}
            </ul>
            <p class="source credit">{move || app.t("credit.label")}" "{move || source.get()}</p>
        </figure>
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
                    {move || spec.with(|s| s.as_ref().map(table_rows)).unwrap_or_default().into_iter().map(|(name, x, y)| view! {
                        <tr><th scope="row">{name}</th><td>{x}</td><td class="num">{y}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Vertical step between two action marks of the same year: a 24 px target and a gap.
const MARK_STEP_PX: usize = 26;

/// The actions on a chart over time: a marker at each action's year, over the chart
/// (keyboard reachable, each opening its card), with the note that timing is not proof
/// of effect.
#[component]
fn ActionMarks(plot: Plot) -> impl IntoView {
    let app = use_app();
    let (w, h) = (f64::from(plot.width), f64::from(plot.height));
    view! {
        <ol class="action-marks" data-testid="action-marks" aria-label=move || app.t("chart.actions")>
            {plot.marks.into_iter().map(|m| {
                let to = Link::Action(m.id.clone());
                let hidden = m.label.clone();
                let left = f64::from(m.x) / w * 100.0;
                let top = f64::from(m.top) / h * 100.0;
                // Marks of one year stack in screen pixels, not in the chart's units: the
                // chart shrinks on a phone, a 24 px target must not.
                let below = MARK_STEP_PX * m.stack;
                view! {
                    <li style:left=format!("{left:.2}%") style:top=format!("calc({top:.2}% + {below}px)")>
                        <AppLink to=to>
                            <span class="mark" aria-hidden="true">"◆"</span>
                            <span class="visually-hidden">{hidden}</span>
                        </AppLink>
                        <span class="mark-label" aria-hidden="true">{m.label}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::selection::selection;
    use crate::test_mount::{mount, press, settle, until, Mounted};

    /// The chart view of the page address `?{query}`, once a chart is drawn.
    async fn charts_of(query: &str) -> Mounted {
        let m = mount(query, || {
            let rows = selection(use_app());
            view! { <ChartView rows=rows /> }
        })
        .await;
        until("a chart", || m.count("svg.chart") > 0).await;
        m
    }

    /// The circle that marks the focused point, if any.
    fn ring(m: &Mounted) -> Option<(String, String)> {
        let c = m.root.query_selector("svg.chart .focus-ring").ok()??;
        Some((c.get_attribute("cx")?, c.get_attribute("cy")?))
    }

    #[wasm_bindgen_test]
    async fn keys_step_through_the_points_and_the_readout_follows() {
        let m = charts_of("view=chart&series=pm25&city=kr-11,kr-21").await;
        settle().await;
        let chart: web_sys::HtmlElement = m.find("svg.chart");
        let readout: web_sys::HtmlElement = m.find(".chart-readout");
        assert_eq!(ring(&m), None);
        chart.focus().expect("the chart takes the focus");
        press("ArrowRight");
        settle().await;
        let first = ring(&m).expect("the first point is marked");
        let said = readout.text_content().unwrap_or_default();
        assert!(!said.is_empty(), "and read out");
        press("ArrowRight");
        settle().await;
        assert_ne!(ring(&m).expect("a point"), first, "the next point");
        assert_ne!(readout.text_content().unwrap_or_default(), said);
        press("ArrowLeft");
        settle().await;
        assert_eq!(ring(&m), Some(first), "back to the first");
        assert_eq!(readout.text_content().unwrap_or_default(), said);
        press("Escape");
        settle().await;
        assert_eq!(ring(&m), None, "Escape clears");
        assert_eq!(readout.text_content().as_deref(), Some(""));
        m.finish().await;
    }

    #[wasm_bindgen_test]
    async fn the_table_switch_swaps_the_picture_for_its_numbers() {
        let m = charts_of("view=chart&series=pm25&city=kr-11").await;
        let card: web_sys::HtmlElement = m.find("figure.chart-card");
        let charts = m.count("svg.chart");
        let switch: web_sys::HtmlElement = m.find("figure.chart-card .chart-tools button");
        assert_eq!(
            switch.get_attribute("aria-pressed").as_deref(),
            Some("false")
        );
        switch.click();
        settle().await;
        assert_eq!(
            switch.get_attribute("aria-pressed").as_deref(),
            Some("true")
        );
        assert_eq!(
            m.count("svg.chart"),
            charts - 1,
            "this card's picture is gone"
        );
        assert!(
            card.query_selector("table").ok().flatten().is_some(),
            "its table shows"
        );
        m.finish().await;
    }
}
