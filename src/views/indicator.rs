//! An indicator page: official title and target, unit, status thresholds with their
//! source, the selection's distribution, leaders and laggards (from the core's
//! indicator scene), and coverage by year.

use leptos::prelude::*;

use sdg_core::assess::{band, Status};
use sdg_core::i18n::format_value;
use sdg_core::model::Direction;
use sdg_core::nav::Link;
use sdg_core::profile::coverage_by_year;
use sdg_core::scene::indicator::{distribution, ends, status_summary};
use sdg_core::scene::Row;
use sdg_core::url_state::View;

use crate::components::link::AppLink;
use crate::components::status::StatusBadge;
use crate::selection::current_data;
use crate::state::use_app;

/// The indicator page.
#[component]
pub fn IndicatorView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let info = move || {
        let series = app.series.get()?;
        app.data.bundle.with(|b| {
            let fw = b.framework.as_ref()?;
            let ind = fw.indicator(&series.indicator)?.clone();
            let target = fw.target_of(&ind).cloned();
            Some((series, ind, target))
        })
    };
    let coverage = move || {
        current_data(&app)
            .and_then(|(_, t)| t.cities.as_ref().map(|(t, _)| coverage_by_year(t)))
            .unwrap_or_default()
    };
    let list = move |rows: Vec<Row>, unit: String| {
        let lang = app.lang();
        rows.into_iter()
            .map(|r| {
                let v = r
                    .latest
                    .map(|l| format!("{} {unit} ({})", format_value(l.value), l.year))
                    .unwrap_or_default();
                view! {
                    <li>
                        <AppLink to=Link::City(r.city.id.clone())>{r.city.name(lang).to_string()}</AppLink>
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
                let target_text = target.map(|t| format!("{} {}", t.code, t.title(lang)));
                let direction = match series.direction {
                    Direction::HigherIsBetter => app.t("direction.higher"),
                    Direction::LowerIsBetter => app.t("direction.lower"),
                    Direction::Neutral => app.t("direction.neutral"),
                };
                view! {
                    <header>
                        <p class="eyebrow">{app.t("indicator.label")}" "{ind.code.clone()}</p>
                        <h1 id="indicator-title" data-testid="indicator-title">{ind.title(lang).to_string()}</h1>
                        {target_text.map(|t| view! { <p class="target">{app.t("indicator.target")}" "{t}</p> })}
                        {ind.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                    </header>
                    <dl class="facts">
                        <div><dt>{app.t("indicator.series")}</dt><dd>{series.title(lang).to_string()}</dd></div>
                        <div><dt>{app.t("indicator.unit")}</dt><dd>{series.unit.clone()}</dd></div>
                        <div><dt>{app.t("indicator.direction")}</dt><dd>{direction}</dd></div>
                        {ind.tier.clone().map(|t| view! { <div><dt>{app.t("indicator.tier")}</dt><dd>{t}</dd></div> })}
                    </dl>
                    {series.proxy_note.clone().map(|n| view! { <p class="note"><strong>{app.t("series.proxy")}": "</strong>{n}</p> })}
                    <h2>{app.t("indicator.thresholds")}</h2>
                    {match series.thresholds.clone() {
                        Some(t) => {
                            // The same band words as the landing map's legend: one rule.
                            let bands = Status::ASSESSED
                                .into_iter()
                                .filter_map(|st| Some((st, band(&series, st)?)))
                                .map(|(st, text)| view! { <li><StatusBadge status=st />" "{text}</li> })
                                .collect_view();
                            view! {
                                <ul class="thresholds" data-testid="bands">{bands}</ul>
                                <p class="help">{app.t("indicator.bands")}</p>
                                <p class="source">{app.t("thresholds.source")}" "{t.source}</p>
                                <h2>{app.t("indicator.trend-title")}</h2>
                                <p data-testid="trend-rule">{app.t("indicator.trend-rule")}</p>
                                <p class="source">{app.t("indicator.trend-source")}</p>
                            }.into_any()
                        }
                        None if series.direction != Direction::Neutral => view! {
                            <p>{app.t("indicator.no-thresholds")}</p>
                            <h2>{app.t("indicator.progress-title")}</h2>
                            <p data-testid="progress-rule">{app.t("indicator.progress-rule")}</p>
                            <p class="source">{app.t("indicator.progress-source")}</p>
                        }.into_any(),
                        None => view! { <p>{app.t("indicator.no-thresholds")}</p> }.into_any(),
                    }}
                }
            })}
            <h2>{move || app.t("indicator.distribution")}</h2>
            {move || {
                let series = app.series.get()?;
                let (counts, bins) = rows.with(|r| (status_summary(r), distribution(r)));
                Some(view! {
                    <ul class="legend">
                        {counts.into_iter().map(|(s, n)| view! { <li><StatusBadge status=s />" "{n}</li> }).collect_view()}
                    </ul>
                    <table class="histogram">
                        <caption>{app.t("indicator.histogram")}</caption>
                        <thead><tr><th scope="col">{app.t("col.value")}</th><th scope="col">{app.t("indicator.cities")}</th></tr></thead>
                        <tbody>
                            {bins.into_iter().map(|(a, b, n, share)| view! {
                                <tr>
                                    <th scope="row">{format!("{} – {} {}", format_value(a), format_value(b), series.unit)}</th>
                                    <td><span class="bar" style:width=format!("{:.0}%", share * 100.0)></span>" "{n}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            }}
            {move || {
                let series = app.series.get()?;
                let e = rows.with(|r| ends(r, &series));
                Some(view! {
                    <div class="two-col">
                        <div><h2>{app.t(e.first.0)}</h2><ol>{list(e.first.1, series.unit.clone())}</ol></div>
                        <div><h2>{app.t(e.second.0)}</h2><ol>{list(e.second.1, series.unit.clone())}</ol></div>
                    </div>
                })
            }}
            <h2>{move || app.t("indicator.coverage")}</h2>
            <table class="coverage">
                <thead><tr><th scope="col">{move || app.t("col.year")}</th><th scope="col">{move || app.t("indicator.cities")}</th></tr></thead>
                <tbody>{move || coverage().into_iter().map(|(y, n)| view! { <tr><th scope="row">{y}</th><td class="num">{n}</td></tr> }).collect_view()}</tbody>
            </table>
            <p><AppLink to=Link::View(View::Map)>{move || app.t("indicator.on-map")}</AppLink></p>
            <TargetActions />
        </section>
    }
}

/// The local actions on the page's target: the three most recent, and a link to all.
#[component]
fn TargetActions() -> impl IntoView {
    let app = use_app();
    let found = Memo::new(move |_| {
        let series = app.series.get()?;
        let target = app.data.bundle.with(|b| {
            let fw = b.framework.as_ref()?;
            fw.series_target(&series).map(str::to_string)
        })?;
        app.data.bundle.with(|b| {
            let pack = b.actions.as_ref()?;
            let filter = sdg_core::actions::ActionFilter {
                targets: vec![target.clone()],
                ..Default::default()
            };
            let all = sdg_core::actions::filter_actions(pack, &filter);
            Some((
                target,
                all.len(),
                all.into_iter().take(3).cloned().collect::<Vec<_>>(),
            ))
        })
    });
    move || {
        found.get().map(|(target, n, some)| view! {
            <section class="target-actions" aria-labelledby="target-actions-title" data-testid="target-actions">
                <h2 id="target-actions-title">{app.t("actions.on-target")}" "{target.clone()}</h2>
                <ol class="action-cards">
                    {some.into_iter().map(|a| view! { <li><crate::views::actions::ActionCard action=a /></li> }).collect_view()}
                </ol>
                <p><AppLink to=Link::ActionsOn(target.clone())>{app.fill("actions.see-all", &[("n", &n.to_string()), ("target", &target)])}</AppLink></p>
            </section>
        })
    }
}
