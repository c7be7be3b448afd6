//! The current selection as rows: every city passing the filters with its value for
//! the current series and year. Rows share one [`Arc`] per city, so rebuilding
//! thousands of them on a filter change copies pointers, not names.

use std::sync::Arc;

use crate::assess::Status;
use crate::model::{City, Gazetteer, Series};
use crate::query::{select, Filter, Latest, SeriesTables};

/// One selected city with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The city.
    pub city: Arc<City>,
    /// The latest observation at or before the year.
    pub latest: Option<Latest>,
    /// Status of that value.
    pub status: Status,
}

impl Row {
    /// The value, if any.
    pub fn value(&self) -> Option<f64> {
        self.latest.map(|l| l.value)
    }
}

/// The gazetteer's cities, shared: made once when the gazetteer loads.
pub fn shared_cities(gazetteer: &Gazetteer) -> Vec<Arc<City>> {
    gazetteer.cities.iter().cloned().map(Arc::new).collect()
}

/// The selection: cities passing `filter`, with their value for `series` in `year`.
/// Without the series' city tables there is no selection (rather than every city
/// without a value).
pub fn select_rows(
    gazetteer: &Gazetteer,
    shared: &[Arc<City>],
    filter: &Filter,
    series: &Series,
    tables: &SeriesTables,
    year: Option<i32>,
) -> Vec<Row> {
    let Some((table, index)) = tables.city() else {
        return Vec::new();
    };
    if shared.len() != gazetteer.cities.len() {
        return Vec::new();
    }
    select(
        gazetteer,
        filter,
        Some((series, table, index)),
        &tables.local,
        year,
    )
    .into_iter()
    .filter_map(|s| {
        Some(Row {
            city: Arc::clone(shared.get(s.index)?),
            latest: s.latest,
            status: s.status,
        })
    })
    .collect()
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small world for the scene tests.
    use super::*;
    use crate::model::Localized;
    use crate::model::{AdminLevel, Country, ObservationTable, PlaceKind};
    use crate::query::SeriesIndex;

    pub use crate::fixtures::{open_space, pm25};

    fn city(
        id: &str,
        en: &str,
        ko: Option<&str>,
        iso3: &str,
        pop: u64,
        lon: f64,
        lat: f64,
    ) -> City {
        City {
            id: id.into(),
            name: Localized::new(en).with_some("ko", ko.map(str::to_string)),
            country: iso3.into(),
            lat: Some(lat),
            lon: Some(lon),
            population: Some(pop),
            level: AdminLevel::City,
            parent: None,
        }
    }

    /// Korea and Japan, five cities (sorted by id).
    pub fn gazetteer() -> Gazetteer {
        let country = |iso3: &str, en: &str| Country {
            iso3: iso3.into(),
            numeric: None,
            name: Localized::new(en),
            region: "Asia".into(),
            subregion: "East and North-East Asia".into(),
            asia_pacific: true,
        };
        Gazetteer {
            countries: vec![country("JPN", "Japan"), country("KOR", "South Korea")],
            cities: vec![
                city("jp-1", "Tokyo", None, "JPN", 9_000_000, 139.7, 35.7),
                city(
                    "kr-11",
                    "Seoul",
                    Some("서울특별시"),
                    "KOR",
                    10_000_000,
                    127.0,
                    37.55,
                ),
                city(
                    "kr-21",
                    "Busan",
                    Some("부산광역시"),
                    "KOR",
                    3_400_000,
                    129.0,
                    35.2,
                ),
                city(
                    "kr-22",
                    "Daegu",
                    Some("대구광역시"),
                    "KOR",
                    2_400_000,
                    128.6,
                    35.9,
                ),
                city(
                    "kr-31010",
                    "Suwon-si",
                    Some("수원시"),
                    "KOR",
                    1_200_000,
                    127.0,
                    37.26,
                ),
            ],
        }
    }

    /// City values: (place, year, value).
    pub fn tables(
        series: &str,
        rows: &[(&str, i32, f64)],
        countries: &[(&str, i32, f64)],
    ) -> SeriesTables {
        let table = |kind: PlaceKind, rows: &[(&str, i32, f64)]| {
            let t = ObservationTable {
                series: series.into(),
                unit: "u".into(),
                place_kind: kind,
                sources: vec!["Source A; detail".into()],
                places: rows.iter().map(|r| r.0.to_string()).collect(),
                years: rows.iter().map(|r| r.1).collect(),
                values: rows.iter().map(|r| r.2).collect(),
                source: vec![0; rows.len()],
                doubts: Vec::new(),
            };
            let i = SeriesIndex::new(&t);
            (t, i)
        };
        SeriesTables {
            cities: Some(table(PlaceKind::City, rows)),
            countries: (!countries.is_empty()).then(|| table(PlaceKind::Country, countries)),
            local: Default::default(),
            city_packs: vec!["fixture".into()],
            country_packs: vec!["fixture".into(); usize::from(!countries.is_empty())],
        }
    }

    /// PM2.5 values: Seoul improving, Busan, Daegu and Tokyo with one year, Suwon none.
    pub fn pm25_tables() -> SeriesTables {
        tables(
            "pm25",
            &[
                ("kr-11", 2015, 26.0),
                ("kr-11", 2019, 20.0),
                ("kr-21", 2019, 9.0),
                ("kr-22", 2019, 30.0),
                ("jp-1", 2019, 12.0),
            ],
            &[("KOR", 2015, 28.0), ("KOR", 2019, 24.0)],
        )
    }

    /// The selection of every city with a PM2.5 value.
    pub fn rows() -> Vec<Row> {
        let gz = gazetteer();
        let shared = shared_cities(&gz);
        select_rows(
            &gz,
            &shared,
            &Filter::default(),
            &pm25(),
            &pm25_tables(),
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;

    #[test]
    fn rows_share_the_gazetteer_cities_and_carry_values() {
        let gz = gazetteer();
        let shared = shared_cities(&gz);
        let rows = select_rows(
            &gz,
            &shared,
            &Filter::default(),
            &pm25(),
            &pm25_tables(),
            None,
        );
        let ids: Vec<&str> = rows.iter().map(|r| r.city.id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["jp-1", "kr-11", "kr-21", "kr-22"],
            "Suwon has no value"
        );
        assert!(Arc::ptr_eq(&rows[1].city, &shared[1]));
        assert_eq!(rows[1].value(), Some(20.0));
        assert_eq!(rows[2].status, Status::Green);
        let in_2016 = select_rows(
            &gz,
            &shared,
            &Filter::default(),
            &pm25(),
            &pm25_tables(),
            Some(2016),
        );
        assert_eq!(in_2016.len(), 1);
        assert_eq!(in_2016[0].value(), Some(26.0));
    }

    #[test]
    fn no_tables_or_a_stale_city_list_is_no_selection() {
        let gz = gazetteer();
        let shared = shared_cities(&gz);
        let none = SeriesTables::default();
        assert!(select_rows(&gz, &shared, &Filter::default(), &pm25(), &none, None).is_empty());
        assert!(select_rows(
            &gz,
            &shared[..2],
            &Filter::default(),
            &pm25(),
            &pm25_tables(),
            None
        )
        .is_empty());
    }

    #[test]
    fn a_users_data_lays_over_the_published_and_its_target_judges_its_city() {
        use crate::userdata::{import_csv, UserPack};
        let gz = gazetteer();
        let shared = shared_cities(&gz);
        let fw = crate::fixtures::framework(&["11.6.2"], vec![pm25()]);
        let csv = "city,series,year,value,unit,source,local_target\n\
                   kr-31010,pm25,2021,14,,Suwon air report,15\n\
                   kr-11,pm25,2019,18,,Seoul air report,\n";
        let import = import_csv(csv, "mine.csv", &fw, &gz, 2025);
        assert!(import.problems.is_empty(), "{:?}", import.problems);
        let pack: UserPack = import.pack;
        let tables = pm25_tables().with_user(&pack, &pm25());
        let rows = select_rows(&gz, &shared, &Filter::default(), &pm25(), &tables, None);
        let row = |id: &str| rows.iter().find(|r| r.city.id == id).unwrap();
        // Suwon had no value: now it has the user's, judged by its own target of 15.
        assert_eq!(row("kr-31010").value(), Some(14.0));
        assert_eq!(
            row("kr-31010").status,
            Status::Green,
            "14 meets the local 15"
        );
        assert_eq!(
            crate::assess::status(&pm25(), Some(14.0)),
            Status::Yellow,
            "not the default 10"
        );
        // Seoul's 2019 value is the user's (it wins the place and year), marked.
        assert_eq!(row("kr-11").value(), Some(18.0));
        let (t, i) = tables.city().unwrap();
        let latest = i.latest(t, "kr-11", None).unwrap();
        let source = &t.sources[usize::from(t.source[latest.row])];
        assert!(source.starts_with("Your data, not published"), "{source}");
        // Other cities keep the published values.
        assert_eq!(row("kr-22").value(), Some(30.0));
    }
}
