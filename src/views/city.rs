//! A city profile: names, place, population, and one row per series with data.

use leptos::prelude::*;

use sdg_core::actions::PROFILE_PAGER;
use sdg_core::i18n::{format_int, format_value};
use sdg_core::lists::{peers, subregion_name};
use sdg_core::model::LocalAction;
use sdg_core::model::Series;
use sdg_core::nav::Link;
use sdg_core::profile::{city_rows, sparkline_path, ProfileRow, SPARKLINE};
use sdg_core::style::judgement_label;
use sdg_core::url_state::View;
use sdg_core::words::{around_action, row_words};

use crate::components::link::AppLink;
use crate::components::more::MoreButton;
use crate::components::source_link::SourceLink;
use crate::components::status::StatusBadge;
use crate::selection::current_city;
use crate::state::use_app;
use crate::views::peers::{open_section, CitiesLikeThis};
use sdg_core::peers::is_concern;

/// The city profile view.
#[component]
pub fn CityView() -> impl IntoView {
    let app = use_app();
    let city_id = move || app.state.with(|s| s.cities.first().cloned());
    let city = move || current_city(&app);
    let rows = Memo::new(move |_| {
        let Some(city) = city() else {
            return Vec::new();
        };
        app.data.framework_ready.track();
        app.data.bundle.with_untracked(|b| {
            let series = b.framework.as_ref().map_or(&[][..], |f| &f.series[..]);
            city_rows(series, &city, &b.gazetteer, |id| app.data.tables(id))
        })
    });
    let unknown = move || app.data.places_ready() && city().is_none();
    view! {
        <section class="city-view" aria-labelledby="city-title">
            <Show
                when=move || !unknown()
                fallback=move || view! {
                    <div class="notice" role="alert" data-testid="unknown-city">
                        <h1 id="city-title">{move || app.t("city.unknown")}</h1>
                        <p><code>{move || city_id().unwrap_or_default()}</code></p>
                        <p><AppLink to=Link::View(View::Map)>{move || app.t("city.back-to-map")}</AppLink></p>
                    </div>
                }
            >
                <CityHead />
                <ProfileTable rows=rows />
                <CompareWith />
                <p>{move || app.state.with(|s| s.cities.first().cloned()).map(|id| view! { <AppLink to=Link::Report(id)>{app.t("report.open")}</AppLink> })}</p>
                <CityActions />
                <CitiesLikeThis city=Signal::derive(city) rows=rows />
            </Show>
        </section>
    }
}

/// A small line of a city's values over the years (decorative: the values are in the row).
fn sparkline(points: &[(i32, f64)]) -> impl IntoView {
    let (w, h) = SPARKLINE;
    view! {
        <svg class="sparkline" width=w height=h viewBox=format!("0 0 {w} {h}") aria-hidden="true">
            <path d=sparkline_path(points, w, h) fill="none" stroke="currentColor" stroke-width="1.5"></path>
        </svg>
    }
}

/// "Compare with": adds a city to the comparison and opens the chart.
#[component]
fn CompareWith() -> impl IntoView {
    let app = use_app();
    let options = move || {
        let id = app.state.with(|s| s.cities.first().cloned())?;
        let lang = app.lang();
        app.data.gazetteer_ready.track();
        app.data.bundle.with_untracked(|b| {
            let me = b.gazetteer.city(&id)?;
            Some(peers(&b.gazetteer, me, lang))
        })
    };
    view! {
        <div class="compare">
            <label>
                <span>{move || app.t("city.compare")}</span>
                <select data-testid="compare-select" on:change=move |ev| {
                    let other = event_target_value(&ev);
                    if !other.is_empty() {
                        app.go(&Link::Compare(other));
                    }
                }>
                    <option value="">{move || app.t("city.compare.choose")}</option>
                    {move || options().unwrap_or_default().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" on:click=move |_| app.go(&Link::View(View::Chart))>{move || app.t("city.chart")}</button>
        </div>
    }
}

/// The city's own actions and the figures it reports (never mixed with the statistics).
#[component]
fn CityActions() -> impl IntoView {
    let app = use_app();
    let found = Memo::new(move |_| {
        let id = app.state.with(|s| s.cities.first().cloned())?;
        app.data.bundle.with(|b| {
            let pack = b.actions.as_ref()?;
            let (actions, figures) = sdg_core::actions::of_place(pack, &id);
            Some((
                id,
                actions.into_iter().cloned().collect::<Vec<_>>(),
                figures.into_iter().cloned().collect::<Vec<_>>(),
            ))
        })
    });
    // The city's figures around each action's year (the profile has the tables).
    let around_of = move |a: &LocalAction| -> Vec<String> {
        let Some(city) = current_city(&app) else {
            return Vec::new();
        };
        app.data.bundle.with_untracked(|b| {
            b.framework
                .as_ref()
                .map(|f| around_action(a, &city, f, |id| app.data.tables(id), app.lang()))
                .unwrap_or_default()
        })
    };
    let pages = RwSignal::new(1usize);
    move || {
        found.get().filter(|(_, a, f)| !a.is_empty() || !f.is_empty()).map(|(id, actions, figures)| {
            let n = actions.len();
            let shown = PROFILE_PAGER.shown(n, pages.get());
            view! {
                <section class="city-actions" aria-labelledby="city-actions-title" data-testid="city-actions">
                    <h2 id="city-actions-title">{app.t("actions.in-city")}" ("{n}")"</h2>
                    <ol class="action-cards">
                        {actions.into_iter().take(shown).map(|a| {
                            let around = around_of(&a);
                            let around = Signal::derive(move || around.clone());
                            view! { <li><crate::views::actions::ActionCard action=a around=around /></li> }
                        }).collect_view()}
                    </ol>
                    <MoreButton pager=PROFILE_PAGER total=n pages=pages message="actions.more" testid="city-actions-more" />
                    {(n > 0).then(|| view! { <p><AppLink to=Link::ActionsOf(id.clone())>{app.t("actions.all")}</AppLink></p> })}
                    {(!figures.is_empty()).then(|| view! {
                        <h3>{app.t("actions.reported")}</h3>
                        <ul class="reported" data-testid="reported-figures">
                            {figures.into_iter().map(|f| {
                                let source = view! { <SourceLink title=f.source_title.clone() url=f.source_url.clone() /> };
                                view! {
                                    <li lang="en">
                                        {format!("{}: {} {} ({})", f.indicator, format_value(f.value), f.unit, f.period)}
                                        " — "{source}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        })
    }
}

/// The city's names, country, subregion, population and parent, and a note when its
/// location is unknown.
#[component]
fn CityHead() -> impl IntoView {
    let app = use_app();
    move || {
        current_city(&app).map(|c| {
        let lang = app.lang();
        let (country, subregion) = app.data.bundle.with(|b| {
            b.gazetteer.country(&c.country).map(|k| {
                (k.name(lang).to_string(), subregion_name(&k.subregion, lang).to_string())
            }).unwrap_or_default()
        });
        let parent = c.parent.as_ref().and_then(|p| app.data.bundle.with(|b| b.gazetteer.city(p).map(|x| x.name(lang).to_string())));
        let first = c.name(lang).to_string();
        let second = c.other_name(lang).map(|(name, in_lang)| (name.to_string(), in_lang));
        view! {
            <header class="city-head">
                <h1 id="city-title" data-testid="city-name" lang=c.name.fallback(lang).map(|l| l.html_lang())>{first}</h1>
                {second.map(|(s, in_lang)| view! { <p class="alt-name" lang=in_lang.html_lang()>{s}</p> })}
                <dl class="facts">
                    <div><dt>{app.t("col.country")}</dt><dd>{country}</dd></div>
                    <div><dt>{app.t("city.subregion")}</dt><dd>{subregion}</dd></div>
                    <div><dt>{app.t("col.population")}</dt><dd>{c.population.map(format_int).unwrap_or_else(|| "–".into())}</dd></div>
                    {parent.map(|p| view! { <div><dt>{app.t("city.part-of")}</dt><dd>{p}</dd></div> })}
                </dl>
                {c.location().is_none().then(|| view! { <p class="notice" data-testid="location-unknown">{app.t("city.location-unknown")}</p> })}
            </header>
        }
    })
    }
}

/// The profile's rows: a table that fits a desktop, cards on a phone (see the
/// stylesheet). Each row says in words what it shows, and a red or orange row links to
/// what comparable cities did.
#[component]
fn ProfileTable(rows: Memo<Vec<(Series, ProfileRow)>>) -> impl IntoView {
    let app = use_app();
    let words = move |s: &Series, r: &ProfileRow| {
        let city = current_city(&app)?;
        Some(
            app.data
                .bundle
                .with_untracked(|b| row_words(&city, s, r, &b.gazetteer, app.lang())),
        )
    };
    view! {
        <table class="profile cards" data-testid="profile-table">
            <caption>{move || app.t("city.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || app.t("col.indicator")}</th>
                    <th scope="col">{move || app.t("col.value")}</th>
                    <th scope="col">{move || app.t("col.status")}</th>
                    <th scope="col">{move || app.t("col.history")}</th>
                    <th scope="col">{move || app.t("col.rank")}</th>
                    <th scope="col">{move || app.t("col.country-value")}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let lang = app.lang();
                    rows.get().into_iter().map(|(s, r)| {
                        let (trend_key, arrow) = judgement_label(r.trend, r.progress);
                        let latest = r.latest.map(|l| format!("{} {} ({})", format_value(l.value), s.unit, l.year)).unwrap_or_default();
                        let rank = r.rank.map(|(k, n)| app.fill("city.rank", &[("rank", &k.to_string()), ("of", &n.to_string())]))
                            .or_else(|| sdg_core::assess::is_count(&s).then(|| app.t("city.count-not-ranked").to_string()));
                        let country = r.country.map(|(y, v)| format!("{} {} ({y})", format_value(v), s.unit));
                        let to = Link::Indicator { series: s.id.clone(), indicator: s.indicator.clone() };
                        let name = format!("{} {}", s.indicator, s.title(lang));
                        let said = words(&s, &r);
                        let target = app.data.bundle.with_untracked(|b| b.framework.as_ref().and_then(|f| f.series_target(&s)).map(str::to_string));
                        let challenged = is_concern(r.status);
                        view! {
                            <tr class:user-data=r.is_users()>
                                <th scope="row">
                                    <AppLink to=to>{name}</AppLink>
                                    {s.proxy_note.as_ref().map(|_| view! { <span class="proxy">{app.t("series.proxy")}</span> })}
                                    <p class="words" data-testid="row-words">{said}</p>
                                    {r.source.clone().map(|src| view! { <p class="source-line">{src}</p> })}
                                </th>
                                <td class="num" data-label=app.t("col.value")>
                                    {latest}
                                    {r.doubt.clone().map(|d| view! {
                                        <span class="doubt" data-testid="doubt">" ⚠ "{app.t("city.doubtful")}": "{d}</span>
                                    })}
                                </td>
                                <td data-label=app.t("col.status")>
                                    <StatusBadge status=r.status />
                                    {sdg_core::userdata::local_target(&s).map(|green| view! {
                                        <span class="local-target" data-testid="local-target">{app.fill("city.local-target", &[("v", &format_value(green))])}</span>
                                    })}
                                    <span class="trend"><span aria-hidden="true">{arrow}</span>" "{app.t(trend_key)}</span>
                                    {target.filter(|_| challenged).map(|t| view! {
                                        <button type="button" class="link peers-link" data-testid="peers-link" on:click=move |_| open_section(&t)>
                                            {app.t("peers.link")}" →"
                                        </button>
                                    })}
                                </td>
                                <td data-label=app.t("col.history")>{sparkline(&r.points)}</td>
                                <td data-label=app.t("col.rank")>{rank}</td>
                                <td class="num" data-label=app.t("col.country-value")>{country}</td>
                            </tr>
                        }
                    }).collect_view()
                }}
            </tbody>
        </table>
    }
}
