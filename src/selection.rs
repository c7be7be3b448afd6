//! The current series' tables and the current selection of cities, derived from the
//! resolved state through the core's filters. Shared by the map, the table, the
//! charts and the indicator page.

use std::sync::Arc;

use leptos::prelude::*;

use sdg_core::model::Series;
use sdg_core::query::SeriesTables;
use sdg_core::scene::rows::{select_rows, shared_cities};
use sdg_core::scene::Row;

use crate::state::App;

/// The current series with its merged tables (reactive; `None` until both are known).
pub fn current_data(app: &App) -> Option<(Series, Arc<SeriesTables>)> {
    let series = app.series.get()?;
    let tables = app.data.tables(&series.id)?;
    Some((series, tables))
}

/// The years with city values for the current series, ascending.
pub fn series_years(app: &App) -> Vec<i32> {
    current_data(app)
        .map(|(_, t)| t.city_years())
        .unwrap_or_default()
}

/// The current selection: every city passing the filters with its value for the
/// current series and year.
pub fn selection(app: App) -> Memo<Vec<Row>> {
    // Made once, when the gazetteer has loaded; rows then share these.
    let shared = Memo::new(move |_| {
        if !app.data.gazetteer_ready.get() {
            return Arc::new(Vec::new());
        }
        app.data
            .bundle
            .with_untracked(|b| Arc::new(shared_cities(&b.gazetteer)))
    });
    Memo::new(move |_| {
        let (filter, year) = app.state.with(|s| (s.filter(), s.year));
        let Some((series, tables)) = current_data(&app) else {
            return Vec::new();
        };
        let shared = shared.get();
        // The gazetteer is tracked through `shared`, not through the bundle, which
        // changes with every file that arrives.
        app.data
            .bundle
            .with_untracked(|b| select_rows(&b.gazetteer, &shared, &filter, &series, &tables, year))
    })
}

/// Every series' merged tables loaded so far, by series id, in framework order
/// (reactive: the profile, the report and the Korea matrix read all series).
pub fn all_series_tables(app: &App) -> Vec<(String, Arc<SeriesTables>)> {
    app.data.framework_ready.track();
    let ids: Vec<String> = app.data.bundle.with_untracked(|b| {
        b.framework
            .as_ref()
            .map(|f| f.series.iter().map(|s| s.id.clone()).collect())
            .unwrap_or_default()
    });
    ids.into_iter()
        .filter_map(|id| {
            let t = app.data.tables(&id)?;
            Some((id, t))
        })
        .collect()
}

/// `(series id, tables)` pairs borrowed from [`all_series_tables`], as the core's
/// scenes take them.
pub fn borrowed(tables: &[(String, Arc<SeriesTables>)]) -> Vec<(&str, &SeriesTables)> {
    tables
        .iter()
        .map(|(id, t)| (id.as_str(), t.as_ref()))
        .collect()
}

/// The city the state names first (reactive on the gazetteer's readiness only).
pub fn current_city(app: &App) -> Option<sdg_core::model::City> {
    let id = app.state.with(|s| s.cities.first().cloned())?;
    app.data.gazetteer_ready.track();
    app.data
        .bundle
        .with_untracked(|b| b.gazetteer.city(&id).cloned())
}
