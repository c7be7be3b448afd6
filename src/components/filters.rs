//! The filter bar: series, year, region, country, population class and status, with a
//! live count of matching cities.

use leptos::prelude::*;

use sdg_core::assess::Status;
use sdg_core::i18n::format_int;
use sdg_core::query::{slug, Region, SizeClass};
use sdg_core::url_state::Lang;

use crate::components::search::SearchBox;
use crate::components::status::{color, status_key, symbol};
use crate::selection::{current_series, series_years, Row};
use crate::state::use_app;

/// Series picker, grouped by indicator.
#[component]
pub fn SeriesSelect() -> impl IntoView {
    let app = use_app();
    let options = move || {
        let lang = app.lang();
        app.data.bundle.with(|b| {
            let Some(fw) = b.framework.as_ref() else {
                return Vec::new();
            };
            fw.series
                .iter()
                .map(|s| {
                    let title = if lang == Lang::Ko {
                        &s.title_ko
                    } else {
                        &s.title_en
                    };
                    (s.id.clone(), format!("{} · {title}", s.indicator))
                })
                .collect::<Vec<_>>()
        })
    };
    let selected = move || current_series(&app).map(|s| s.id).unwrap_or_default();
    view! {
        <label class="field">
            <span>{move || app.t("filter.series")}</span>
            <select
                data-testid="series-select"
                prop:value=selected
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    let indicator = app.data.bundle.with_untracked(|b| {
                        b.framework.as_ref().and_then(|f| f.series(&id)).map(|s| s.indicator.clone())
                    });
                    app.update(|s| {
                        s.series = Some(id);
                        s.indicator = indicator;
                        s.year = None;
                        s.statuses.clear();
                    });
                }
            >
                {move || option_list(options(), &selected())}
            </select>
        </label>
    }
}

/// Year picker: "latest" or one of the series' years (the latest value at or before it).
#[component]
pub fn YearSelect() -> impl IntoView {
    let app = use_app();
    let years = move || series_years(&app);
    view! {
        <label class="field">
            <span>{move || app.t("filter.year")}</span>
            <select
                data-testid="year-select"
                prop:value=move || app.state.with(|s| s.year.map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| {
                    let year = event_target_value(&ev).parse().ok();
                    app.update(|s| s.year = year);
                }
            >
                <option value="">{move || app.t("filter.year.latest")}</option>
                {move || {
                    let current = app.state.with_untracked(|s| s.year);
                    years()
                        .into_iter()
                        .rev()
                        .map(|y| view! { <option value=y.to_string() selected=current == Some(y)>{y}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The whole filter bar.
#[component]
pub fn FilterBar(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    // Countries that have cities, in the UI language, and their subregions (ESCAP's
    // for Asia-Pacific members). Memos on the gazetteer's readiness, so that neither a
    // filter change nor another file's arrival rebuilds them.
    let countries = Memo::new(move |_| {
        let lang = app.lang();
        if !app.data.gazetteer_ready.get() {
            return Vec::new();
        }
        app.data.bundle.with_untracked(|b| {
            let mut present: Vec<(String, String)> = b
                .gazetteer
                .countries_with_cities()
                .into_iter()
                .map(|c| {
                    let name = match (lang, &c.name_ko) {
                        (Lang::Ko, Some(ko)) => ko.clone(),
                        _ => c.name_en.clone(),
                    };
                    (c.iso3.clone(), name)
                })
                .collect();
            present.sort_by(|a, b| a.1.cmp(&b.1));
            present
        })
    });
    let subregions = Memo::new(move |_| {
        if !app.data.gazetteer_ready.get() {
            return Vec::new();
        }
        app.data.bundle.with_untracked(|b| {
            let mut names: Vec<String> = b
                .gazetteer
                .countries_with_cities()
                .into_iter()
                .filter(|c| !c.subregion.is_empty())
                .map(|c| c.subregion.clone())
                .collect();
            names.sort();
            names.dedup();
            names
        })
    });
    let count = move || {
        let n = rows.with(|r| r.len());
        app.t("filter.count").replace("{n}", &format_int(n as u64))
    };
    let status_box = move |st: Status| {
        let checked = move || app.state.with(|s| s.statuses.contains(&st));
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |_| {
                        app.update(|s| {
                            if let Some(i) = s.statuses.iter().position(|x| *x == st) {
                                s.statuses.remove(i);
                            } else {
                                s.statuses.push(st);
                            }
                        })
                    }
                />
                <svg width="12" height="12" viewBox="0 0 14 14" aria-hidden="true">
                    <path d=symbol(st, 7.0, 7.0, 5.0) fill=color(st)></path>
                </svg>
                {move || app.t(status_key(st))}
            </label>
        }
    };
    view! {
        <section class="filters" aria-label=move || app.t("filter.label")>
            <SearchBox />
            <SeriesSelect />
            <YearSelect />
            // On a phone the other filters fold away so that the map stays in view.
            <details class="more-filters" open=wide_screen()>
                <summary>{move || app.t("filter.more")}</summary>
                <div class="more-filters-body">
            <label class="field">
                <span>{move || app.t("filter.region")}</span>
                <select
                    data-testid="region-select"
                    prop:value=move || app.state.with(|s| s.region.map(|r| r.key()).unwrap_or("world"))
                    on:change=move |ev| {
                        let region = Region::from_key(&event_target_value(&ev)).filter(|r| *r != Region::World);
                        app.update(|s| s.region = region);
                    }
                >
                    <option value="world">{move || app.t("region.world")}</option>
                    <option value="asia-pacific">{move || app.t("region.asia-pacific")}</option>
                    <option value="korea">{move || app.t("region.korea")}</option>
                </select>
            </label>
            <PickOne
                label="filter.subregion"
                testid="subregion-select"
                options=Signal::derive(move || subregions.get().into_iter().map(|name| (slug(&name), name)).collect())
                value=Signal::derive(move || app.state.with(|s| s.subregion.clone().unwrap_or_default()))
                pick=move |v: String| app.update(|s| s.subregion = (!v.is_empty()).then_some(v))
            />
            <PickOne
                label="filter.country"
                testid="country-select"
                options=Signal::derive(move || countries.get())
                value=Signal::derive(move || app.state.with(|s| s.countries.first().cloned().unwrap_or_default()))
                pick=move |v: String| app.update(|s| s.countries = if v.is_empty() { Vec::new() } else { vec![v] })
            />
            <label class="field">
                <span>{move || app.t("filter.size")}</span>
                <select
                    data-testid="size-select"
                    prop:value=move || app.state.with(|s| s.size.map(|z| z.key()).unwrap_or(""))
                    on:change=move |ev| {
                        let size = SizeClass::from_key(&event_target_value(&ev));
                        app.update(|s| s.size = size);
                    }
                >
                    <option value="">{move || app.t("filter.all")}</option>
                    {SizeClass::ALL
                        .into_iter()
                        .map(|z| view! { <option value=z.key()>{move || app.t(size_key(z))}</option> })
                        .collect_view()}
                </select>
            </label>
            <fieldset class="statuses">
                <legend>{move || app.t("filter.status")}</legend>
                {[Status::Green, Status::Yellow, Status::Orange, Status::Red, Status::NotAssessed]
                    .into_iter()
                    .map(status_box)
                    .collect_view()}
            </fieldset>
                </div>
            </details>
            <p class="count" role="status" data-testid="match-count">{count}</p>
        </section>
    }
}

/// A labelled select of `(value, label)` options after an "All" option (value "").
#[component]
fn PickOne(
    label: &'static str,
    testid: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    pick: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    view! {
        <label class="field">
            <span>{move || app.t(label)}</span>
            <select data-testid=testid prop:value=move || value.get() on:change=move |ev| pick(event_target_value(&ev))>
                <option value="">{move || app.t("filter.all")}</option>
                // `selected` only matters for the first render; `prop:value` keeps the
                // choice in step afterwards.
                {move || option_list(options.get(), &value.get_untracked())}
            </select>
        </label>
    }
}

/// `<option>`s for `(value, label)` pairs, the one equal to `current` selected.
fn option_list(options: Vec<(String, String)>, current: &str) -> impl IntoView {
    options
        .into_iter()
        .map(|(value, label)| {
            let selected = value == current;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view()
}

/// True on screens wider than a phone (read once, at start).
fn wide_screen() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w > 640.0)
}

/// Message key of a population class.
pub fn size_key(size: SizeClass) -> &'static str {
    match size {
        SizeClass::Under300k => "size.lt300k",
        SizeClass::From300kTo1m => "size.300k-1m",
        SizeClass::From1mTo5m => "size.1m-5m",
        SizeClass::From5mTo10m => "size.5m-10m",
        SizeClass::Over10m => "size.10m+",
    }
}
