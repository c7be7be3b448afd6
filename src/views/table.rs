//! The table: every selected city, sorted and paged by the core's table scene, with a
//! CSV download of the whole selection.

use leptos::prelude::*;

use sdg_core::export::table_csv;
use sdg_core::i18n::{format_int, format_value};
use sdg_core::nav::Link;
use sdg_core::scene::table::{page_count, page_of, sort_rows, Column, Sort};
use sdg_core::scene::Row;

use crate::components::link::AppLink;
use crate::components::status::StatusBadge;
use crate::download::download_text;
use crate::selection::current_data;
use crate::state::use_app;

/// The table view.
#[component]
pub fn TableView(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let sort = RwSignal::new(Sort::default());
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        rows.track();
        page.set(0);
    });
    let sorted = Memo::new(move |_| {
        let (order, lang) = (sort.get(), app.lang());
        rows.with(|r| sort_rows(r, order, lang))
    });
    let header = move |col: Column, key: &'static str| {
        view! {
            <th scope="col" aria-sort=move || sort.get().aria(col)>
                <button type="button" on:click=move |_| sort.update(|s| *s = s.clicked(col))>
                    {move || app.t(key)}
                </button>
            </th>
        }
    };
    let unit = move || app.series.get().map(|s| s.unit).unwrap_or_default();
    let download = move |_| {
        let Some((series, tables)) = current_data(&app) else {
            return;
        };
        let (filter, year) = app.state.with_untracked(|s| (s.filter(), s.year));
        let Some(manifest) = app.data.manifest.get_untracked() else {
            return;
        };
        let Some(csv) = app.data.bundle.with_untracked(|b| {
            table_csv(&b.gazetteer, &filter, year, &series, &tables, &manifest)
        }) else {
            return;
        };
        download_text(
            &format!("urban-sdg-{}.csv", series.id),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let pages = move || rows.with(|r| page_count(r.len()));
    view! {
        <section class="table-view" aria-labelledby="table-title">
            <h1 id="table-title">{move || app.t("table.title")}</h1>
            <div class="toolbar">
                <button type="button" data-testid="csv-download" on:click=download>{move || app.t("table.csv")}</button>
                <span>{move || app.fill("table.page", &[("page", &(page.get() + 1).to_string()), ("pages", &pages().to_string())])}</span>
                <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || app.t("table.prev")}</button>
                <button type="button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{move || app.t("table.next")}</button>
            </div>
            <div class="table-wrap" tabindex="0">
                <table class="cards sortable" data-testid="city-table">
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
                            // The column names, which a phone shows beside each value.
                            let labels = ["col.country", "col.population", "col.value", "col.year", "col.status"].map(|k| app.t(k));
                            sorted.with(|rows| {
                                page_of(rows, page.get())
                                    .iter()
                                    .map(|r| {
                                        let name = r.city.name(lang).to_string();
                                        view! {
                                        <tr>
                                            <th scope="row">
                                                <AppLink to=Link::City(r.city.id.clone())>{name}</AppLink>
                                            </th>
                                            <td data-label=labels[0]>{r.city.country.clone()}</td>
                                            <td class="num" data-label=labels[1]>{r.city.population.map(format_int)}</td>
                                            <td class="num" data-label=labels[2]>{r.value().map(|v| format!("{} {u}", format_value(v)))}</td>
                                            <td class="num" data-label=labels[3]>{r.latest.map(|l| l.year)}</td>
                                            <td data-label=labels[4]><StatusBadge status=r.status /></td>
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
