//! An indicator page: official title and target, unit, definition, status thresholds
//! with their source, distribution, leaders and laggards, and coverage by year.

use leptos::prelude::*;

use sdg_core::assess::status;
use sdg_core::i18n::format_value;
use sdg_core::model::Direction;
use sdg_core::profile::{coverage_by_year, histogram, status_counts};
use sdg_core::url_state::{Lang, View};

use crate::components::status::StatusBadge;
use crate::selection::{current_data, current_series, Row};
use crate::state::use_app;

/// The indicator page.
#[component]
pub fn IndicatorView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let info = move || {
        let series = current_series(&app)?;
        app.data.bundle.with(|b| {
            let fw = b.framework.as_ref()?;
            let ind = fw.indicator(&series.indicator)?.clone();
            let target = fw.targets.iter().find(|t| t.code == ind.target).cloned();
            Some((series, ind, target))
        })
    };
    let with_values = Memo::new(move |_| {
        rows.with(|r| {
            r.iter()
                .filter(|r| r.value.is_some())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let coverage = move || {
        current_data(&app)
            .and_then(|(_, m)| m.cities.as_ref().map(|(t, _)| coverage_by_year(t)))
            .unwrap_or_default()
    };
    let ends = move || {
        let series = current_series(&app)?;
        let mut r = with_values.get();
        r.sort_by(|a, b| {
            a.value
                .map(|v| v.0)
                .unwrap_or(0.0)
                .total_cmp(&b.value.map(|v| v.0).unwrap_or(0.0))
        });
        if series.direction == Direction::HigherIsBetter {
            r.reverse();
        }
        let best: Vec<Row> = r.iter().take(5).cloned().collect();
        let worst: Vec<Row> = r.iter().rev().take(5).cloned().collect();
        Some((best, worst, series.direction == Direction::Neutral))
    };
    let list = move |rows: Vec<Row>, unit: String| {
        let lang = app.lang();
        rows.into_iter()
            .map(|r| {
                let id = r.id.clone();
                let v = r.value.map(|v| format!("{} {unit} ({})", format_value(v.0), v.1)).unwrap_or_default();
                view! {
                    <li>
                        <a href=format!("?view=city&city={}", r.id) on:click=move |ev| { ev.prevent_default(); app.open_city(&id); }>{r.name(lang).to_string()}</a>
                        " " {v}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="indicator-view" aria-labelledby="indicator-title">
            {move || info().map(|(series, ind, target)| {
                let lang = app.lang();
                let ind_title = match (lang, &ind.title_ko) { (Lang::Ko, Some(k)) => k.clone(), _ => ind.title_en.clone() };
                let series_title = if lang == Lang::Ko { series.title_ko.clone() } else { series.title_en.clone() };
                let target_text = target.map(|t| match (lang, &t.title_ko) { (Lang::Ko, Some(k)) => format!("{} {k}", t.code), _ => format!("{} {}", t.code, t.title_en) });
                let direction = match series.direction {
                    Direction::HigherIsBetter => app.t("direction.higher"),
                    Direction::LowerIsBetter => app.t("direction.lower"),
                    Direction::Neutral => app.t("direction.neutral"),
                };
                view! {
                    <header>
                        <p class="eyebrow">{app.t("indicator.label")}" "{ind.code.clone()}</p>
                        <h1 id="indicator-title" data-testid="indicator-title">{ind_title}</h1>
                        {target_text.map(|t| view! { <p class="target">{app.t("indicator.target")}" "{t}</p> })}
                        {ind.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                    </header>
                    <dl class="facts">
                        <div><dt>{app.t("indicator.series")}</dt><dd>{series_title}</dd></div>
                        <div><dt>{app.t("indicator.unit")}</dt><dd>{series.unit.clone()}</dd></div>
                        <div><dt>{app.t("indicator.direction")}</dt><dd>{direction}</dd></div>
                        {ind.tier.clone().map(|t| view! { <div><dt>{app.t("indicator.tier")}</dt><dd>{t}</dd></div> })}
                    </dl>
                    {series.proxy_note.clone().map(|n| view! { <p class="note"><strong>{app.t("series.proxy")}": "</strong>{n}</p> })}
                    <h2>{app.t("indicator.thresholds")}</h2>
                    {match series.thresholds.clone() {
                        Some(t) => {
                            let cmp = if series.direction == Direction::LowerIsBetter { "≤" } else { "≥" };
                            view! {
                                <ul class="thresholds">
                                    <li><StatusBadge status=sdg_core::assess::Status::Green />" "{format!("{cmp} {} {}", format_value(t.green), series.unit)}</li>
                                    <li><StatusBadge status=sdg_core::assess::Status::Yellow />" "{format!("{cmp} {} {}", format_value(t.yellow), series.unit)}</li>
                                    <li><StatusBadge status=sdg_core::assess::Status::Orange />" "{format!("{cmp} {} {}", format_value(t.orange), series.unit)}</li>
                                    <li><StatusBadge status=sdg_core::assess::Status::Red />" "{app.t("indicator.beyond")}</li>
                                </ul>
                                <p class="source">{app.t("thresholds.source")}" "{t.source}</p>
                            }.into_any()
                        }
                        None => view! { <p>{app.t("indicator.no-thresholds")}</p> }.into_any(),
                    }}
                }
            })}
            <h2>{move || app.t("indicator.distribution")}</h2>
            {move || {
                let series = current_series(&app)?;
                let values: Vec<f64> = with_values.with(|r| r.iter().filter_map(|r| r.value.map(|v| v.0)).collect());
                let counts = status_counts(values.iter().map(|v| status(&series, Some(*v))));
                let bins = histogram(&values, 10);
                let max = bins.iter().map(|b| b.2).max().unwrap_or(1).max(1);
                Some(view! {
                    <ul class="legend">
                        {counts.into_iter().map(|(s, n)| view! { <li><StatusBadge status=s />" "{n}</li> }).collect_view()}
                    </ul>
                    <table class="histogram">
                        <caption>{app.t("indicator.histogram")}</caption>
                        <thead><tr><th scope="col">{app.t("col.value")}</th><th scope="col">{app.t("indicator.cities")}</th></tr></thead>
                        <tbody>
                            {bins.into_iter().map(|(a, b, n)| view! {
                                <tr>
                                    <th scope="row">{format!("{} – {} {}", format_value(a), format_value(b), series.unit)}</th>
                                    <td><span class="bar" style=format!("width:{:.0}%", n as f64 / max as f64 * 100.0)></span>" "{n}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            }}
            {move || ends().map(|(best, worst, neutral)| {
                let unit = current_series(&app).map(|s| s.unit).unwrap_or_default();
                let (a, b) = if neutral { (app.t("indicator.highest"), app.t("indicator.lowest")) } else { (app.t("indicator.leaders"), app.t("indicator.laggards")) };
                view! {
                    <div class="two-col">
                        <div><h2>{a}</h2><ol>{list(if neutral { worst.clone() } else { best.clone() }, unit.clone())}</ol></div>
                        <div><h2>{b}</h2><ol>{list(if neutral { best } else { worst }, unit)}</ol></div>
                    </div>
                }
            })}
            <h2>{move || app.t("indicator.coverage")}</h2>
            <table class="coverage">
                <thead><tr><th scope="col">{move || app.t("col.year")}</th><th scope="col">{move || app.t("indicator.cities")}</th></tr></thead>
                <tbody>{move || coverage().into_iter().map(|(y, n)| view! { <tr><th scope="row">{y}</th><td class="num">{n}</td></tr> }).collect_view()}</tbody>
            </table>
            <p><a href="?view=map" on:click=move |ev| { ev.prevent_default(); app.go(View::Map); }>{move || app.t("indicator.on-map")}</a></p>
        </section>
    }
}
