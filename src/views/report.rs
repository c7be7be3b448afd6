//! A print-ready Goal 11 report of one city (A4 portrait): the city and its country,
//! each target with the city's series and actions (from the core's report scene), "no
//! data yet" where there is none, and the sources and licences at the end, with the
//! date and the permalink it came from.

use leptos::prelude::*;

use sdg_core::chart::layout;
use sdg_core::i18n::{format_int, format_value};
use sdg_core::lists::subregion_name;
use sdg_core::nav::Link;
use sdg_core::scene::report::{action_item, report_sections};
use sdg_core::style::judgement_label;
use sdg_core::words::row_words;

use crate::components::link::AppLink;
use crate::components::plain::PlainList;
use crate::components::plot::StaticPlot;
use crate::components::status::StatusBadge;
use crate::selection::{all_series_tables, borrowed, current_city};
use crate::state::use_app;
use crate::views::peers::CitiesLikeThis;

/// Today's date, `YYYY-MM-DD`, from the browser's clock.
fn today() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect()
}

/// The report view.
#[component]
pub fn ReportView() -> impl IntoView {
    let app = use_app();
    let city = move || current_city(&app);
    let sections = Memo::new(move |_| {
        let Some(c) = city() else {
            return Vec::new();
        };
        let tables = all_series_tables(&app);
        let refs = borrowed(&tables);
        let lang = app.lang();
        app.data.bundle.with(|b| {
            let Some(fw) = b.framework.as_ref() else {
                return Vec::new();
            };
            report_sections(fw, &c, &b.gazetteer, &refs, b.actions.as_ref(), lang)
        })
    });
    // The profile's rows, as the report groups them: the peers' section reads them.
    let rows = Memo::new(move |_| {
        sections.with(|all| {
            all.iter()
                .flat_map(|s| {
                    s.series
                        .iter()
                        .map(|(se, row, _)| (se.clone(), row.clone()))
                })
                .collect::<Vec<_>>()
        })
    });
    let target_title = move |code: &str| {
        let lang = app.lang();
        app.data.bundle.with_untracked(|b| {
            b.framework
                .as_ref()
                .and_then(|f| f.targets.iter().find(|t| t.code == code))
                .map(|t| t.title(lang).to_string())
                .unwrap_or_default()
        })
    };
    let permalink = move || {
        app.state.track();
        window().location().href().unwrap_or_default()
    };
    view! {
        <article class="report" aria-labelledby="report-title" data-testid="report">
            {move || city().map(|c| {
                let lang = app.lang();
                let (country, subregion) = app.data.bundle.with_untracked(|b| {
                    b.gazetteer
                        .country(&c.country)
                        .map(|k| (k.name(lang).to_string(), subregion_name(&k.subregion, lang).to_string()))
                        .unwrap_or_default()
                });
                view! {
                    <header class="report-head">
                        <p class="eyebrow">{app.t("report.title")}</p>
                        <h1 id="report-title" data-testid="report-city" lang=c.name.fallback(lang).map(|l| l.html_lang())>{c.name(lang).to_string()}</h1>
                        {c.other_name(lang).map(|(o, in_lang)| view! { <p class="alt-name" lang=in_lang.html_lang()>{o.to_string()}</p> })}
                        <dl class="facts">
                            <div><dt>{app.t("col.country")}</dt><dd>{country}</dd></div>
                            <div><dt>{app.t("city.subregion")}</dt><dd>{subregion}</dd></div>
                            <div><dt>{app.t("col.population")}</dt><dd>{c.population.map(format_int).unwrap_or_else(|| "–".into())}</dd></div>
                        </dl>
                        {c.location().is_none().then(|| view! { <p class="notice">{app.t("city.location-unknown")}</p> })}
                        <p class="generated">{app.fill("report.generated", &[("date", &today())])}" "<span class="permalink">{permalink}</span></p>
                        <p class="no-print">
                            <button type="button" data-testid="print" on:click=move |_| { let _ = window().print(); }>{app.t("report.print")}</button>
                            " "
                            <AppLink to=Link::City(c.id.clone())>{app.t("nav.overview")}</AppLink>
                        </p>
                    </header>
                }
            })}
            {move || sections.get().into_iter().map(|s| {
                let lang = app.lang();
                let city_name = city().map(|c| c.name(lang).to_string()).unwrap_or_default();
                let title = target_title(&s.code);
                let empty = s.is_empty();
                view! {
                    <section class="report-target" data-target=s.code.clone()>
                        <h2><span class="code">{s.code.clone()}</span>" "{title}</h2>
                        {empty.then(|| view! { <p class="no-data">{app.t("report.no-data")}</p> })}
                        {(!s.series.is_empty()).then(|| view! {
                            <h3>{app.t("report.statistics")}</h3>
                            <table class="profile cards">
                                <thead><tr>
                                    <th scope="col">{app.t("col.indicator")}</th>
                                    <th scope="col">{app.t("col.value")}</th>
                                    <th scope="col">{app.t("col.status")}</th>
                                    <th scope="col">{app.t("col.trend")}</th>
                                    <th scope="col">{app.t("col.history")}</th>
                                </tr></thead>
                                <tbody>
                                    {s.series.into_iter().map(|(series, row, chart)| {
                                        let (key, arrow) = judgement_label(row.trend, row.progress);
                                        let latest = row.latest.map(|l| format!("{} {} ({})", format_value(l.value), series.unit, l.year)).unwrap_or_default();
                                        let label = app.fill("report.chart", &[("series", series.title(lang)), ("city", &city_name)]);
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    {format!("{} {}", series.indicator, series.title(lang))}
                                                    <p class="words">{city().map(|c| app.data.bundle.with_untracked(|b| row_words(&c, &series, &row, &b.gazetteer, lang)))}</p>
                                                </th>
                                                <td class="num" data-label=app.t("col.value")>{latest}</td>
                                                <td data-label=app.t("col.status")><StatusBadge status=row.status /></td>
                                                <td data-label=app.t("col.trend")><span aria-hidden="true">{arrow}</span>" "{app.t(key)}</td>
                                                <td class="report-chart"><StaticPlot plot=layout(&chart) label=label /></td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        {(!s.actions.is_empty()).then(|| {
                            let items: Vec<_> = s.actions.iter().map(|a| action_item(a, lang)).collect();
                            view! {
                                <h3>{app.t("report.actions")}</h3>
                                <PlainList class="report-actions" items=items />
                            }
                        })}
                    </section>
                }
            }).collect_view()}
            <CitiesLikeThis city=Signal::derive(city) rows=rows />
            <section class="report-sources">
                <h2>{move || app.t("report.sources")}</h2>
                <ul>
                    {move || app.data.packs().into_iter().map(|(p, _)| view! {
                        <li><strong>{p.title.clone()}</strong>": "{p.licence.clone()}". "{p.attribution.clone()}</li>
                    }).collect_view()}
                </ul>
            </section>
        </article>
    }
}
