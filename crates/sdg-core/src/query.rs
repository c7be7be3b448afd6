//! Latest values, selections of cities, and a series' tables merged over packs.

use std::collections::BTreeMap;

use crate::assess::{status, Status};
use crate::bundle::Bundle;
pub use crate::filter::{matches_text, Filter, Region, SizeClass};
use crate::fold::fold;
use crate::model::{City, Gazetteer, Manifest, ObservationTable, PlaceKind, Series};
use crate::FastMap;

/// A city's value for a series in a year: the most recent observation at or before the
/// year (or the latest of all when no year is set).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Latest {
    /// Year of the observation.
    pub year: i32,
    /// Value.
    pub value: f64,
    /// Row in the table (for its source).
    pub row: usize,
}

/// Index of one observation table by place: rows sorted by year, for quick lookups.
#[derive(Debug, Clone, Default)]
pub struct SeriesIndex {
    by_place: FastMap<String, Vec<usize>>,
}

impl SeriesIndex {
    /// Builds the index of a table.
    pub fn new(table: &ObservationTable) -> Self {
        let mut by_place: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, p) in table.places.iter().enumerate() {
            by_place.entry(p.clone()).or_default().push(i);
        }
        for rows in by_place.values_mut() {
            rows.sort_by_key(|&i| table.years.get(i).copied().unwrap_or_default());
        }
        Self { by_place }
    }

    /// Places with at least one row.
    pub fn places(&self) -> impl Iterator<Item = &str> {
        self.by_place.keys().map(String::as_str)
    }

    /// The value at or before `year` (any year when `None`).
    pub fn latest(
        &self,
        table: &ObservationTable,
        place: &str,
        year: Option<i32>,
    ) -> Option<Latest> {
        let rows = self.by_place.get(place)?;
        rows.iter()
            .rev()
            .map(|&row| {
                (
                    row,
                    table.years.get(row).copied(),
                    table.values.get(row).copied(),
                )
            })
            .find_map(|(row, y, v)| match (y, v) {
                (Some(y), Some(value)) if year.is_none_or(|limit| y <= limit) => Some(Latest {
                    year: y,
                    value,
                    row,
                }),
                _ => None,
            })
    }

    /// The points a trend may rest on: those of the source line of the place's latest
    /// row, oldest first, less any doubtful value. A change of source or station
    /// network is a break in the series (Bristol's ONS and model rows), so an earlier
    /// source's years never make a trend with a later one's.
    pub fn trend_points(&self, table: &ObservationTable, place: &str) -> Vec<(i32, f64)> {
        let Some(rows) = self.by_place.get(place) else {
            return Vec::new();
        };
        let Some(latest) = rows.last().and_then(|&r| table.source.get(r)) else {
            return Vec::new();
        };
        rows.iter()
            .filter(|&&r| table.source.get(r) == Some(latest))
            .filter_map(|&r| Some((*table.years.get(r)?, *table.values.get(r)?)))
            // A doubtful value is shown, with its warning, but never makes a trend.
            .filter(|&(year, _)| table.doubt(place, year).is_none())
            .collect()
    }

    /// All `(year, value, source index)` points of a place, oldest first.
    pub fn points_with_source(
        &self,
        table: &ObservationTable,
        place: &str,
    ) -> Vec<(i32, f64, u16)> {
        self.by_place
            .get(place)
            .map(|rows| {
                rows.iter()
                    .filter_map(|&r| {
                        Some((
                            *table.years.get(r)?,
                            *table.values.get(r)?,
                            *table.source.get(r)?,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All `(year, value)` points of a place, oldest first.
    pub fn points(&self, table: &ObservationTable, place: &str) -> Vec<(i32, f64)> {
        self.by_place
            .get(place)
            .map(|rows| {
                rows.iter()
                    .filter_map(|&r| Some((*table.years.get(r)?, *table.values.get(r)?)))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Merges the tables of one series from several packs into one. Where two tables give
/// the same place and year, the earlier table wins (the manifest lists national and
/// local statistics before UN and WHO compilations). `None` for no tables.
pub fn merge_tables(tables: &[&ObservationTable]) -> Option<ObservationTable> {
    let first = tables.first()?;
    let mut out =
        ObservationTable::empty(first.series.clone(), first.unit.clone(), first.place_kind);
    // (place, year) -> the table whose row was kept, so its doubts go with it.
    let mut seen: FastMap<(&str, i32), usize> = FastMap::default();
    for (ti, t) in tables.iter().enumerate() {
        let offset = out.sources.len();
        out.sources.extend(t.sources.iter().cloned());
        for o in 0..t.len() {
            let (Some(p), Some(y), Some(v), Some(s)) = (
                t.places.get(o),
                t.years.get(o),
                t.values.get(o),
                t.source.get(o),
            ) else {
                continue;
            };
            if let std::collections::hash_map::Entry::Vacant(e) = seen.entry((p.as_str(), *y)) {
                e.insert(ti);
                out.places.push(p.clone());
                out.years.push(*y);
                out.values.push(*v);
                out.source
                    .push((offset + usize::from(*s)).min(usize::from(u16::MAX)) as u16);
            }
        }
    }
    out.doubts = tables
        .iter()
        .enumerate()
        .flat_map(|(ti, t)| t.doubts.iter().map(move |d| (ti, d)))
        .filter(|(ti, d)| seen.get(&(d.place.as_str(), d.year)) == Some(ti))
        .map(|(_, d)| d.clone())
        .collect();
    Some(out)
}

/// Splits a table by a key of each row's place: one table per key, each with the rows
/// (in their order), the doubts and the source lines of its places, the source lines
/// renumbered. Merging the parts ([`merge_tables`]) gives the table's rows back.
pub fn split_table<K: Ord + Clone>(
    table: &ObservationTable,
    key_of: impl Fn(&str) -> K,
) -> BTreeMap<K, ObservationTable> {
    let empty =
        || ObservationTable::empty(table.series.clone(), table.unit.clone(), table.place_kind);
    let mut parts: BTreeMap<K, (ObservationTable, FastMap<&str, u16>)> = BTreeMap::new();
    let mut keys: FastMap<&str, K> = FastMap::default();
    for row in table.rows() {
        let key = keys
            .entry(row.place)
            .or_insert_with(|| key_of(row.place))
            .clone();
        let (part, lines) = parts
            .entry(key)
            .or_insert_with(|| (empty(), FastMap::default()));
        let line = *lines.entry(row.source).or_insert_with(|| {
            part.sources.push(row.source.to_string());
            (part.sources.len() - 1) as u16
        });
        part.places.push(row.place.to_string());
        part.years.push(row.year);
        part.values.push(row.value);
        part.source.push(line);
    }
    for d in &table.doubts {
        if let Some((part, _)) = keys.get(d.place.as_str()).and_then(|k| parts.get_mut(k)) {
            part.doubts.push(d.clone());
        }
    }
    parts.into_iter().map(|(k, (t, _))| (k, t)).collect()
}

/// A table with its index.
pub type Indexed = (ObservationTable, SeriesIndex);

/// A series' tables merged over every pack, by what their rows name.
#[derive(Debug, Clone, Default)]
pub struct SeriesTables {
    /// City values.
    pub cities: Option<Indexed>,
    /// Country values (context).
    pub countries: Option<Indexed>,
    /// The series as judged for places that set a local target (see
    /// [`crate::assess::local_series`]), by place id.
    pub local: BTreeMap<String, Series>,
    /// The pack of each source line of the merged city table (same order as its
    /// `sources`): which pack, hence which licence, a value comes from.
    pub city_packs: Vec<String>,
    /// The packs of the country table's source lines, likewise.
    pub country_packs: Vec<String>,
}

/// The pack id that stands for a user's own data in [`SeriesTables::city_packs`].
pub const USER_PACK: &str = "user";

impl SeriesTables {
    /// Merges the loaded tables of `series` in manifest order (so that the first pack's
    /// value wins for a place and year; see [`merge_tables`]), split by the place kind
    /// the manifest declares.
    pub fn merge(bundle: &Bundle, manifest: &Manifest, series: &str) -> SeriesTables {
        let of_kind = |kind: PlaceKind| {
            let (packs, tables): (Vec<&str>, Vec<&ObservationTable>) = manifest
                .packs
                .iter()
                .flat_map(|p| p.files.iter().map(move |f| (p.id.as_str(), f)))
                .filter(|(_, f)| f.series.as_deref() == Some(series) && f.place_kind == Some(kind))
                .filter_map(|(pack, f)| Some((pack, bundle.tables.get(&f.path)?)))
                .unzip();
            // merge_tables appends each table's source lines in this order.
            let source_packs = packs
                .iter()
                .zip(&tables)
                .flat_map(|(p, t)| std::iter::repeat_n(p.to_string(), t.sources.len()))
                .collect();
            let merged = merge_tables(&tables).map(|t| {
                let index = SeriesIndex::new(&t);
                (t, index)
            });
            (merged, source_packs)
        };
        let (cities, city_packs) = of_kind(PlaceKind::City);
        let (countries, country_packs) = of_kind(PlaceKind::Country);
        SeriesTables {
            cities,
            countries,
            local: BTreeMap::new(),
            city_packs,
            country_packs,
        }
    }

    /// The pack a city table row comes from ([`USER_PACK`] for the user's own data).
    pub fn pack_of_city_row(&self, row: usize) -> Option<&str> {
        let (table, _) = self.cities.as_ref()?;
        let source = *table.source.get(row)?;
        self.city_packs.get(usize::from(source)).map(String::as_str)
    }

    /// Every pack a value of these tables can come from, first seen first.
    pub fn packs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in self.city_packs.iter().chain(&self.country_packs) {
            if !out.contains(&p.as_str()) {
                out.push(p);
            }
        }
        out
    }

    /// Lays a user's data over the published tables: the user's values come first
    /// (they win for a place and year they give), and each local target judges its
    /// place.
    pub fn with_user(mut self, pack: &crate::userdata::UserPack, series: &Series) -> SeriesTables {
        if let Some(user) = pack.table(&series.id) {
            let published = self.cities.take().map(|(t, _)| t);
            let mut packs = vec![USER_PACK.to_string(); user.sources.len()];
            packs.append(&mut self.city_packs);
            self.city_packs = packs;
            let mut tables = vec![user];
            tables.extend(published.as_ref());
            self.cities = merge_tables(&tables).map(|t| {
                let index = SeriesIndex::new(&t);
                (t, index)
            });
        }
        for t in pack.targets.iter().filter(|t| t.series == series.id) {
            let local = crate::assess::local_series(series, t.value, &t.source);
            self.local.insert(t.place.clone(), local);
        }
        self
    }

    /// The series as judged for `place`: with its local target, if it set one.
    pub fn judged<'a>(&'a self, series: &'a Series, place: &str) -> &'a Series {
        self.local.get(place).unwrap_or(series)
    }

    /// The city table and its index, borrowed.
    pub fn city(&self) -> Option<(&ObservationTable, &SeriesIndex)> {
        self.cities.as_ref().map(|(t, i)| (t, i))
    }

    /// The country table and its index, borrowed.
    pub fn country(&self) -> Option<(&ObservationTable, &SeriesIndex)> {
        self.countries.as_ref().map(|(t, i)| (t, i))
    }

    /// The years with city values, ascending.
    pub fn city_years(&self) -> Vec<i32> {
        let mut years = self
            .cities
            .as_ref()
            .map(|(t, _)| t.years.clone())
            .unwrap_or_default();
        years.sort_unstable();
        years.dedup();
        years
    }
}

/// One row of a selection: a city with its value, status and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected<'a> {
    /// Position of the city in `gazetteer.cities` (lets callers keep per-city caches).
    pub index: usize,
    /// The city.
    pub city: &'a City,
    /// Its value at the chosen year, if any.
    pub latest: Option<Latest>,
    /// Status of that value.
    pub status: Status,
}

/// Applies a filter to the gazetteer for a series and year. When `data` is given only
/// cities that have a value for it are kept unless the status filter asks for "no data".
pub fn select<'a>(
    gazetteer: &'a Gazetteer,
    filter: &Filter,
    data: Option<(&Series, &ObservationTable, &SeriesIndex)>,
    local: &BTreeMap<String, Series>,
    year: Option<i32>,
) -> Vec<Selected<'a>> {
    let query = fold(filter.text.trim());
    // Whether a country passes the region, subregion and country filters is decided
    // once per country: looking the country up for every city (a binary search by code)
    // was most of this function's time.
    let mut country_passes: FastMap<&str, bool> = FastMap::default();
    gazetteer
        .cities
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            *country_passes
                .entry(&c.country)
                .or_insert_with(|| filter.passes_country(gazetteer, &c.country))
                && filter
                    .size
                    .is_none_or(|s| c.population.is_some_and(|p| SizeClass::of(p) == s))
                && matches_text(c, &query)
        })
        .filter_map(|(index, city)| {
            let (latest, st) = match data {
                Some((series, table, index)) => {
                    let latest = index.latest(table, &city.id, year);
                    let judged = local.get(&city.id).unwrap_or(series);
                    (latest, status(judged, latest.map(|l| l.value)))
                }
                None => (None, Status::NoData),
            };
            let keep = if filter.statuses.is_empty() {
                data.is_none() || latest.is_some()
            } else {
                filter.statuses.contains(&st)
            };
            keep.then_some(Selected {
                index,
                city,
                latest,
                status: st,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::slug;
    use crate::model::Localized;
    use crate::model::{AdminLevel, Country, PlaceKind};

    fn city(id: &str, en: &str, ko: Option<&str>, country: &str, pop: Option<u64>) -> City {
        City {
            id: id.into(),
            name: Localized::new(en).with_some("ko", ko.map(str::to_string)),
            country: country.into(),
            lat: Some(0.0),
            lon: Some(0.0),
            population: pop,
            level: AdminLevel::City,
            parent: None,
        }
    }

    fn gazetteer() -> Gazetteer {
        let country = |iso3: &str, sub: &str, ap: bool| Country {
            iso3: iso3.into(),
            numeric: None,
            name: Localized::new(iso3),
            region: "Asia".into(),
            subregion: sub.into(),
            asia_pacific: ap,
        };
        Gazetteer {
            countries: vec![
                country("FRA", "Western Europe", false),
                country("KOR", "East and North-East Asia", true),
                country("VNM", "South-East Asia", true),
            ],
            cities: vec![
                city("a", "Seoul", Some("서울"), "KOR", Some(10_349_312)),
                city("b", "Suwon", Some("수원"), "KOR", Some(1_242_724)),
                city("c", "Paris", None, "FRA", Some(2_138_551)),
                city("d", "Hạ Long", None, "VNM", Some(200_000)),
            ],
        }
    }

    fn table() -> (Series, ObservationTable) {
        let series = crate::fixtures::pm25();
        let table = ObservationTable {
            series: "pm25".into(),
            unit: "µg/m³".into(),
            place_kind: PlaceKind::City,
            sources: vec!["s".into()],
            places: vec!["a".into(), "a".into(), "c".into()],
            years: vec![2019, 2015, 2018],
            values: vec![20.0, 26.0, 9.0],
            source: vec![0, 0, 0],
            doubts: Vec::new(),
        };
        (series, table)
    }

    #[test]
    fn text_search_in_english_and_korean() {
        let gz = gazetteer();
        let f = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        let ids = |t: &str| -> Vec<String> {
            select(&gz, &f(t), None, &BTreeMap::new(), None)
                .into_iter()
                .map(|s| s.city.id.clone())
                .collect()
        };
        assert_eq!(ids("seoul"), vec!["a"]);
        assert_eq!(ids("서울"), vec!["a"]);
        assert_eq!(ids("수"), vec!["b"]);
        assert_eq!(ids("ha long"), vec!["d"]);
        assert_eq!(ids("").len(), 4);
    }

    #[test]
    fn region_country_and_size_filters() {
        let gz = gazetteer();
        let count = |f: Filter| select(&gz, &f, None, &BTreeMap::new(), None).len();
        assert_eq!(
            count(Filter {
                region: Region::AsiaPacific,
                ..Filter::default()
            }),
            3
        );
        assert_eq!(
            count(Filter {
                region: Region::Korea,
                ..Filter::default()
            }),
            2
        );
        assert_eq!(
            count(Filter {
                countries: vec!["FRA".into(), "VNM".into()],
                ..Filter::default()
            }),
            2
        );
        assert_eq!(
            count(Filter {
                size: Some(SizeClass::Over10m),
                ..Filter::default()
            }),
            1
        );
        assert_eq!(
            count(Filter {
                subregion: Some(slug("South-East Asia")),
                ..Filter::default()
            }),
            1
        );
    }

    #[test]
    fn a_trend_rests_on_the_latest_rows_source_only() {
        let (_, mut table) = table();
        // Place "a" has 2015 and 2019; give it an older network's 2010 and 2012 and a
        // 2017 of the latest source.
        table.sources.push("another network".into());
        for (year, value, source) in [(2010, 40.0, 1u16), (2012, 38.0, 1), (2017, 23.0, 0)] {
            table.places.push("a".into());
            table.years.push(year);
            table.values.push(value);
            table.source.push(source);
        }
        let index = SeriesIndex::new(&table);
        assert_eq!(index.points(&table, "a").len(), 5);
        let years: Vec<i32> = index
            .trend_points(&table, "a")
            .iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(
            years,
            vec![2015, 2017, 2019],
            "the other network's years left out"
        );
        table.doubts.push(crate::model::Doubt {
            place: "a".into(),
            year: 2017,
            reason: "PM2.5 above PM10".into(),
        });
        let years: Vec<i32> = index
            .trend_points(&table, "a")
            .iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(years, vec![2015, 2019], "a doubtful value makes no trend");
        // Merging keeps a doubt with the row it is about.
        let other = ObservationTable {
            doubts: vec![crate::model::Doubt {
                place: "a".into(),
                year: 2015,
                reason: "the other table's".into(),
            }],
            ..table.clone()
        };
        let merged = merge_tables(&[&table, &other]).unwrap();
        assert_eq!(merged.doubt("a", 2017), Some("PM2.5 above PM10"));
        assert_eq!(
            merged.doubt("a", 2015),
            None,
            "that row came from the first table"
        );
    }

    #[test]
    fn latest_respects_year_and_status_filter() {
        let gz = gazetteer();
        let (series, table) = table();
        let index = SeriesIndex::new(&table);
        assert_eq!(index.latest(&table, "a", None).map(|l| l.year), Some(2019));
        assert_eq!(
            index.latest(&table, "a", Some(2017)).map(|l| l.value),
            Some(26.0)
        );
        assert_eq!(index.latest(&table, "a", Some(2014)), None);
        assert_eq!(index.points(&table, "a"), vec![(2015, 26.0), (2019, 20.0)]);
        assert_eq!(index.trend_points(&table, "nowhere"), vec![]);

        let data = Some((&series, &table, &index));
        let all = select(&gz, &Filter::default(), data, &BTreeMap::new(), None);
        assert_eq!(all.len(), 2, "only cities with data");
        let red = Filter {
            statuses: vec![Status::Red],
            ..Filter::default()
        };
        let in_2016 = select(&gz, &red, data, &BTreeMap::new(), Some(2016));
        assert_eq!(in_2016.len(), 1);
        assert_eq!(in_2016[0].city.id, "a");
        let nodata = Filter {
            statuses: vec![Status::NoData],
            ..Filter::default()
        };
        assert_eq!(select(&gz, &nodata, data, &BTreeMap::new(), None).len(), 2);
    }

    #[test]
    fn splitting_by_place_keeps_rows_doubts_and_sources_and_merges_back() {
        let (_, mut t) = table();
        t.sources = vec!["s".into(), "unused".into(), "u".into()];
        t.source = vec![0, 2, 2];
        t.doubts.push(crate::model::Doubt {
            place: "c".into(),
            year: 2018,
            reason: "why".into(),
        });
        let parts = split_table(&t, |place| place == "a");
        assert_eq!(parts.len(), 2);
        let (a, rest) = (&parts[&true], &parts[&false]);
        assert!(a.places.iter().all(|p| p == "a") && !rest.places.iter().any(|p| p == "a"));
        assert_eq!(a.len() + rest.len(), t.len());
        // Each part keeps only the source lines its rows use, renumbered.
        assert!(!a.sources.contains(&"unused".to_string()));
        assert!(!rest.sources.contains(&"unused".to_string()));
        let before: Vec<_> = t
            .rows()
            .map(|o| (o.place.to_string(), o.year, o.value, o.source.to_string()))
            .collect();
        let merged = merge_tables(&[a, rest]).unwrap();
        let mut after: Vec<_> = merged
            .rows()
            .map(|o| (o.place.to_string(), o.year, o.value, o.source.to_string()))
            .collect();
        let mut expected = before.clone();
        expected.sort_by(|x, y| x.partial_cmp(y).unwrap());
        after.sort_by(|x, y| x.partial_cmp(y).unwrap());
        assert_eq!(after, expected);
        assert_eq!(rest.doubts.len(), 1, "a doubt goes with its place");
        assert!(a.doubts.is_empty());
        assert_eq!(merged.doubt("c", 2018), Some("why"));
    }

    #[test]
    fn merging_keeps_the_first_table_for_a_repeated_place_and_year() {
        let (_, a) = table();
        let mut b = a.clone();
        b.sources = vec!["other".into()];
        b.values = vec![99.0, 98.0, 97.0];
        b.places[2] = "d".into();
        let m = merge_tables(&[&a, &b]).unwrap();
        assert_eq!(m.len(), 4);
        let d = m.rows().find(|o| o.place == "d").unwrap();
        assert_eq!((d.value, d.source), (97.0, "other"));
        let a19 = m.rows().find(|o| o.place == "a" && o.year == 2019).unwrap();
        assert_eq!((a19.value, a19.source), (20.0, "s"));
        assert!(merge_tables(&[]).is_none());
    }

    #[test]
    fn countries_with_cities_leaves_out_empty_ones() {
        let mut gz = gazetteer();
        gz.cities.retain(|c| c.country != "VNM");
        let iso3: Vec<&str> = gz
            .countries_with_cities()
            .iter()
            .map(|c| c.iso3.as_str())
            .collect();
        assert_eq!(iso3, vec!["FRA", "KOR"]);
    }
}
