//! The table: every selected city, sortable, paged, with a CSV download of the whole
//! selection.

use leptos::prelude::*;

use sdg_core::export::selection_csv;
use sdg_core::i18n::format_int;
use sdg_core::query::select;

use crate::components::status::StatusBadge;
use crate::selection::{current_data, filter_of, Row};
use crate::state::{download_text, use_app};

const PAGE: usize = 100;

/// Sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Country,
    Population,
    Value,
    Year,
    Status,
}

/// The table view.
#[component]
pub fn TableView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let sort = RwSignal::new((Column::Value, true));
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        rows.track();
        page.set(0);
    });
    let sorted = Memo::new(move |_| {
        let (col, desc) = sort.get();
        let lang = app.lang();
        let mut r = rows.get();
        r.sort_by(|a, b| {
            let o = match col {
                Column::Name => a.name(lang).cmp(b.name(lang)),
                Column::Country => a.country.cmp(&b.country),
                Column::Population => a.population.cmp(&b.population),
                Column::Value => a
                    .value
                    .map(|v| v.0)
                    .unwrap_or(f64::NEG_INFINITY)
                    .total_cmp(&b.value.map(|v| v.0).unwrap_or(f64::NEG_INFINITY)),
                Column::Year => a.value.map(|v| v.1).cmp(&b.value.map(|v| v.1)),
                Column::Status => a.status.cmp(&b.status),
            };
            if desc {
                o.reverse()
            } else {
                o
            }
        });
        r
    });
    let header = move |col: Column, key: &'static str| {
        let aria = move || {
            let (c, desc) = sort.get();
            if c == col {
                if desc {
                    "descending"
                } else {
                    "ascending"
                }
            } else {
                "none"
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" on:click=move |_| sort.update(|(c, d)| {
                    if *c == col {
                        *d = !*d;
                    } else {
                        *c = col;
                        *d = matches!(col, Column::Value | Column::Population | Column::Year);
                    }
                })>
                    {move || app.t(key)}
                </button>
            </th>
        }
    };
    let unit = move || current_data(&app).map(|(s, _)| s.unit).unwrap_or_default();
    let download = move |_| {
        let Some((series, merged)) = current_data(&app) else {
            return;
        };
        let Some((table, index)) = merged.cities.as_ref() else {
            return;
        };
        let filter = filter_of(&app);
        let year = app.state.with_untracked(|s| s.year);
        let csv = app.data.bundle.with_untracked(|b| {
            let selected = select(&b.gazetteer, &filter, Some((&series, table, index)), year);
            selection_csv(&selected, &series, table, &b.gazetteer, |s| {
                sdg_core::i18n::text(
                    sdg_core::url_state::Lang::En,
                    crate::components::status::status_key(s),
                )
                .to_string()
            })
        });
        download_text(
            &format!("urban-sdg-{}.csv", series.id),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE)).max(1);
    view! {
        <section class="table-view" aria-labelledby="table-title">
            <h1 id="table-title">{move || app.t("table.title")}</h1>
            <div class="toolbar">
                <button type="button" data-testid="csv-download" on:click=download>{move || app.t("table.csv")}</button>
                <span>{move || app.t("table.page").replace("{page}", &(page.get() + 1).to_string()).replace("{pages}", &pages().to_string())}</span>
                <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || app.t("table.prev")}</button>
                <button type="button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{move || app.t("table.next")}</button>
            </div>
            <div class="table-wrap" tabindex="0">
                <table data-testid="city-table">
                    <thead>
                        <tr>
                            {header(Column::Name, "col.city")}
                            {header(Column::Country, "col.country")}
                            {header(Column::Population, "col.population")}
                            {header(Column::Value, "col.value")}
                            {header(Column::Year, "col.year")}
                            {header(Column::Status, "col.status")}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = app.lang();
                            let u = unit();
                            let start = page.get() * PAGE;
                            sorted.with(|rows| {
                                rows.iter()
                                    .skip(start)
                                    .take(PAGE)
                                    .map(|r| {
                                        let id = r.id.clone();
                                        let href = app.href(|s| {
                                            s.view = sdg_core::url_state::View::City;
                                            s.cities = vec![r.id.clone()];
                                        });
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    <a href=href on:click=move |ev| {
                                                        ev.prevent_default();
                                                        app.open_city(&id);
                                                    }>{r.name(lang).to_string()}</a>
                                                </th>
                                                <td>{r.country.clone()}</td>
                                                <td class="num">{r.population.map(format_int)}</td>
                                                <td class="num">{r.value.map(|v| format!("{} {u}", sdg_core::i18n::format_value(v.0)))}</td>
                                                <td class="num">{r.value.map(|v| v.1)}</td>
                                                <td><StatusBadge status=r.status /></td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
