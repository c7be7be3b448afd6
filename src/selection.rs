//! The current series and the current selection of cities, derived from the view state
//! through the core's filters. Shared by the map, the table and the charts.

use std::sync::Arc;

use leptos::prelude::*;

use sdg_core::assess::Status;
use sdg_core::model::Series;
use sdg_core::query::{select, Filter};

use crate::loader::Merged;
use crate::state::App;

/// The series shown when a permalink names none.
pub const DEFAULT_SERIES: &str = "pm25";

/// The current series (reactive, through the app's memo).
pub fn current_series(app: &App) -> Option<Series> {
    app.series.get()
}

/// The series the state asks for: `series`, else the first series of `ind`, else PM2.5
/// (else the framework's first series, for a bundle without PM2.5).
/// Unknown values fall back to PM2.5; [`series_notice`] says so.
pub fn resolve_series(
    state: RwSignal<sdg_core::url_state::ViewState>,
    data: crate::loader::Data,
) -> Option<Series> {
    let (series, indicator) = state.with(|s| (s.series.clone(), s.indicator.clone()));
    data.bundle.with(|b| {
        let fw = b.framework.as_ref()?;
        series
            .as_deref()
            .and_then(|id| fw.series(id))
            .or_else(|| {
                indicator
                    .as_deref()
                    .and_then(|code| fw.series_of(code).next())
            })
            .or_else(|| fw.series(DEFAULT_SERIES))
            .or_else(|| fw.series.first())
            .cloned()
    })
}

/// A polite message when the permalink's `ind` or `series` is unknown.
pub fn series_notice(app: &App) -> Option<String> {
    let (series, indicator) = app.state.with(|s| (s.series.clone(), s.indicator.clone()));
    app.data.bundle.with(|b| {
        let fw = b.framework.as_ref()?;
        if let Some(s) = series.filter(|s| fw.series(s).is_none()) {
            return Some(format!("series={s}"));
        }
        if let Some(i) = indicator.filter(|i| fw.indicator(i).is_none()) {
            return Some(format!("ind={i}"));
        }
        None
    })
}

/// What the views show of a city; shared (one allocation per city for the session),
/// so that a selection of thousands of rows is cheap to rebuild on every filter change.
#[derive(Debug, Clone, PartialEq)]
pub struct CityInfo {
    /// City id.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Korean name.
    pub name_ko: Option<String>,
    /// ISO3.
    pub country: String,
    /// Population.
    pub population: Option<u64>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// One selected city: its shared info, and its value and status for the current
/// series and year. Dereferences to [`CityInfo`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The city.
    pub info: Arc<CityInfo>,
    /// Value, year and table row of the latest observation at or before the year.
    pub value: Option<(f64, i32, usize)>,
    /// Status of the value.
    pub status: Status,
}

impl std::ops::Deref for Row {
    type Target = CityInfo;

    fn deref(&self) -> &CityInfo {
        &self.info
    }
}

impl CityInfo {
    /// The name in the UI language (Korean falls back to English).
    pub fn name(&self, lang: sdg_core::url_state::Lang) -> &str {
        match (lang, &self.name_ko) {
            (sdg_core::url_state::Lang::Ko, Some(ko)) => ko,
            _ => &self.name_en,
        }
    }
}

/// The filter the state describes.
pub fn filter_of(app: &App) -> Filter {
    app.state.with(|s| Filter {
        region: s.region,
        subregion: s.subregion.clone(),
        countries: s.countries.clone(),
        size: s.size,
        statuses: s.statuses.clone(),
        text: s.query.clone(),
    })
}

/// The merged tables of the current series (reactive), fetching its city tables if
/// needed (views that show the country as context also fetch its country tables).
pub fn current_data(app: &App) -> Option<(Series, Arc<Merged>)> {
    let series = current_series(app)?;
    let with_countries = app.view.get() == sdg_core::url_state::View::Chart;
    app.data.ensure_series(&series.id, with_countries);
    let merged = app.data.series(&series.id)?;
    Some((series, merged))
}

/// The current selection: every city passing the filters with its value for the
/// current series and year.
pub fn selection(app: App) -> Memo<Vec<Row>> {
    // Built once, when the gazetteer has loaded; rows then share these.
    let infos = Memo::new(move |_| {
        if !app.data.gazetteer_ready.get() {
            return Arc::new(Vec::new());
        }
        app.data.bundle.with_untracked(|b| {
            Arc::new(
                b.gazetteer
                    .cities
                    .iter()
                    .map(|c| {
                        Arc::new(CityInfo {
                            id: c.id.clone(),
                            name_en: c.name_en.clone(),
                            name_ko: c.name_ko.clone(),
                            country: c.country.clone(),
                            population: c.population,
                            lat: c.lat,
                            lon: c.lon,
                        })
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    Memo::new(move |_| {
        let filter = filter_of(&app);
        let year = app.state.with(|s| s.year);
        let data = current_data(&app);
        // Until the cities and the series have loaded there is no selection to show
        // (rather than every city without a value).
        let Some(table) = data
            .as_ref()
            .and_then(|(s, m)| m.cities.as_ref().map(|(t, i)| (s, t, i)))
        else {
            return Vec::new();
        };
        let infos = infos.get();
        if infos.is_empty() {
            return Vec::new();
        }
        // The gazetteer is tracked through `infos`, not through the bundle, which
        // changes with every file that arrives.
        app.data.bundle.with_untracked(|b| {
            select(&b.gazetteer, &filter, Some(table), year)
                .into_iter()
                .filter_map(|s| {
                    Some(Row {
                        info: Arc::clone(infos.get(s.index)?),
                        value: s.latest.map(|l| (l.value, l.year, l.row)),
                        status: s.status,
                    })
                })
                .collect()
        })
    })
}

/// The years with city values for the current series, ascending.
pub fn series_years(app: &App) -> Vec<i32> {
    let Some((_, merged)) = current_data(app) else {
        return Vec::new();
    };
    let mut years = merged
        .cities
        .as_ref()
        .map(|(t, _)| t.years.clone())
        .unwrap_or_default();
    years.sort_unstable();
    years.dedup();
    years
}
