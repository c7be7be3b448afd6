//! A bundle being loaded: the manifest's packs read one file at a time, in dependency
//! order (framework, countries and places before observations), each through the
//! checks of [`crate::load`]. The app feeds it fetched text; the data tool's validator
//! feeds it files from disk.

use std::collections::BTreeMap;

use crate::geo::Topology;
use crate::load::{self, Context, Problem};
use crate::model::{Framework, Gazetteer, Manifest, ObservationTable, PackInfo, PackKind};

/// Everything loaded so far.
#[derive(Debug, Default)]
pub struct Bundle {
    /// The framework, once loaded.
    pub framework: Option<Framework>,
    /// Countries and cities (empty until their packs load).
    pub gazetteer: Gazetteer,
    /// Observation tables by file path.
    pub tables: BTreeMap<String, ObservationTable>,
    /// Boundaries by file path.
    pub topologies: BTreeMap<String, Topology>,
    /// Whether the countries and the places loaded; tables are only checked (and kept)
    /// against a gazetteer that did, so one broken file gives one message, not
    /// thousands of "unknown place" lines.
    gazetteer_ready: (bool, bool),
}

/// Loading order of pack kinds: what others are checked against comes first.
pub fn kind_rank(kind: PackKind) -> u8 {
    match kind {
        PackKind::Framework => 0,
        PackKind::Countries => 1,
        PackKind::Places => 2,
        PackKind::Observations => 3,
        PackKind::Boundaries => 4,
    }
}

/// The manifest's packs in loading order (stable within a kind).
pub fn load_order(manifest: &Manifest) -> Vec<&PackInfo> {
    let mut packs: Vec<&PackInfo> = manifest.packs.iter().collect();
    packs.sort_by_key(|p| kind_rank(p.kind));
    packs
}

fn missing(path: &str, what: &str) -> Vec<Problem> {
    vec![Problem {
        file: path.to_string(),
        record: String::new(),
        field: String::new(),
        message: format!("cannot be checked: {what} did not load"),
    }]
}

impl Bundle {
    /// Parses, checks and keeps one file of a pack of `kind`.
    pub fn add(&mut self, kind: PackKind, path: &str, text: &str) -> Result<(), Vec<Problem>> {
        match kind {
            PackKind::Framework => {
                self.framework = Some(load::load_framework(path, text)?);
            }
            PackKind::Countries => {
                self.gazetteer.countries = load::load_countries(path, text)?;
                self.gazetteer_ready.0 = true;
            }
            PackKind::Places => {
                if !self.gazetteer_ready.0 {
                    return Err(missing(path, "the countries pack"));
                }
                let countries = std::mem::take(&mut self.gazetteer.countries);
                match load::load_places(path, text, countries.clone()) {
                    Ok(gz) => {
                        self.gazetteer = gz;
                        self.gazetteer_ready.1 = true;
                    }
                    Err(p) => {
                        self.gazetteer.countries = countries;
                        return Err(p);
                    }
                }
            }
            PackKind::Observations => {
                let Some(framework) = &self.framework else {
                    return Err(missing(path, "the framework pack"));
                };
                if !(self.gazetteer_ready.0 && self.gazetteer_ready.1) {
                    return Err(missing(path, "the countries or places pack"));
                }
                let ctx = Context {
                    framework,
                    gazetteer: &self.gazetteer,
                };
                let table = load::load_observations(path, text, &ctx)?;
                self.tables.insert(path.to_string(), table);
            }
            PackKind::Boundaries => {
                let topo = load::load_topology(path, text)?;
                self.topologies.insert(path.to_string(), topo);
            }
        }
        Ok(())
    }
}

/// What a loaded pack holds, for the data-sources panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackSummary {
    /// Cities (or countries, for country tables) with at least one value or record.
    pub places: usize,
    /// Distinct Goal 11 indicators covered.
    pub indicators: usize,
    /// Observations (rows), or records for non-observation packs.
    pub rows: usize,
    /// First and last year, if the pack has years.
    pub years: Option<(i32, i32)>,
}

impl Bundle {
    /// Counts for one pack from what has been loaded of it.
    pub fn summary(&self, pack: &PackInfo) -> PackSummary {
        match pack.kind {
            PackKind::Framework => PackSummary {
                indicators: self.framework.as_ref().map_or(0, |f| f.indicators.len()),
                rows: self.framework.as_ref().map_or(0, |f| f.series.len()),
                ..PackSummary::default()
            },
            PackKind::Countries => PackSummary {
                places: self.gazetteer.countries.len(),
                rows: self.gazetteer.countries.len(),
                ..PackSummary::default()
            },
            PackKind::Places => PackSummary {
                places: self.gazetteer.cities.len(),
                rows: self.gazetteer.cities.len(),
                ..PackSummary::default()
            },
            PackKind::Observations => {
                let tables: Vec<&ObservationTable> = pack
                    .files
                    .iter()
                    .filter_map(|f| self.tables.get(&f.path))
                    .collect();
                let mut places = std::collections::BTreeSet::new();
                let mut indicators = std::collections::BTreeSet::new();
                let mut years: Option<(i32, i32)> = None;
                let mut rows = 0;
                for t in &tables {
                    rows += t.len();
                    places.extend(t.places.iter().map(|p| (t.place_kind, p.as_str())));
                    if let Some(s) = self.framework.as_ref().and_then(|f| f.series(&t.series)) {
                        indicators.insert(s.indicator.as_str());
                    }
                    for &y in &t.years {
                        years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
                    }
                }
                PackSummary {
                    places: places.len(),
                    indicators: indicators.len(),
                    rows,
                    years,
                }
            }
            PackKind::Boundaries => PackSummary {
                rows: pack
                    .files
                    .iter()
                    .filter_map(|f| self.topologies.get(&f.path))
                    .flat_map(|t| t.objects.values())
                    .map(|o| o.geometries.len())
                    .sum(),
                ..PackSummary::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PackFile, SCHEMA_VERSION};

    const FRAMEWORK: &str = r#"{"goal_en":"g","goal_ko":"g","targets":[{"code":"11.6","title_en":"t"}],
        "indicators":[{"code":"11.6.2","target":"11.6","title_en":"i"}],
        "series":[{"id":"pm25","indicator":"11.6.2","title_en":"PM2.5","title_ko":"초미세먼지","unit":"µg/m³","direction":"lower-is-better"}]}"#;
    const COUNTRIES: &str = r#"[{"iso3":"KOR","name_en":"South Korea","region":"Asia","subregion":"East and North-East Asia","asia_pacific":true}]"#;
    const CITIES: &str = r#"[{"id":"kr-11","name_en":"Seoul","name_ko":"서울특별시","country":"KOR","lat":37.55,"lon":126.99,"level":"city"}]"#;

    fn pack(kind: PackKind, path: &str) -> PackInfo {
        PackInfo {
            id: path.into(),
            title: "t".into(),
            licence: "l".into(),
            attribution: "a".into(),
            source: "s".into(),
            kind,
            files: vec![PackFile {
                path: path.into(),
                bytes: 0,
                series: None,
                rows: None,
                places: None,
                years: None,
            }],
        }
    }

    fn loaded() -> Bundle {
        let mut b = Bundle::default();
        b.add(PackKind::Framework, "framework.json", FRAMEWORK)
            .unwrap();
        b.add(PackKind::Countries, "countries.json", COUNTRIES)
            .unwrap();
        b.add(PackKind::Places, "cities.json", CITIES).unwrap();
        b
    }

    #[test]
    fn loads_in_order_and_summarises() {
        let mut b = loaded();
        let obs = r#"{"series":"pm25","unit":"µg/m³","place_kind":"city","sources":["WHO"],
            "places":["kr-11","kr-11"],"years":[2015,2019],"values":[26.0,20.0],"source":[0,0]}"#;
        b.add(PackKind::Observations, "obs/who/pm25.json", obs)
            .unwrap();
        let s = b.summary(&pack(PackKind::Observations, "obs/who/pm25.json"));
        assert_eq!(
            s,
            PackSummary {
                places: 1,
                indicators: 1,
                rows: 2,
                years: Some((2015, 2019))
            }
        );
        assert_eq!(b.summary(&pack(PackKind::Places, "cities.json")).places, 1);
    }

    #[test]
    fn broken_tables_name_file_record_and_field() {
        let mut b = loaded();
        let obs = r#"{"series":"pm25","unit":"mg/m³","place_kind":"city","sources":["WHO"],
            "places":["kr-11","atlantis","kr-11"],"years":[2015,2015,2015],"values":[-1.0,3.0,4.0],"source":[0,0,7]}"#;
        let problems = b
            .add(PackKind::Observations, "obs/x.json", obs)
            .unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("field `unit`")), "{text:?}");
        assert!(
            text.iter()
                .any(|t| t.contains("row 1 (atlantis 2015): field `places`: unknown place")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("row 2 (kr-11 2015): field `years`: duplicate of row 0")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("field `source`: source index 7")),
            "{text:?}"
        );
        assert!(b.tables.is_empty(), "a broken table is not kept");
    }

    #[test]
    fn malformed_json_and_missing_dependencies_are_problems_not_panics() {
        let mut b = Bundle::default();
        let p = b
            .add(PackKind::Observations, "obs/x.json", "{}")
            .unwrap_err();
        assert!(p[0].message.contains("framework"), "{p:?}");
        let p = b
            .add(PackKind::Framework, "framework.json", "{not json")
            .unwrap_err();
        assert!(p[0].record.starts_with("line 1"), "{p:?}");
        let p = b.add(PackKind::Places, "cities.json", CITIES).unwrap_err();
        assert!(p[0].message.contains("countries"), "{p:?}");
        let manifest = format!(
            r#"{{"schema":{SCHEMA_VERSION},"packs":[{{"id":"a","title":"t","licence":"l","attribution":"a","source":"s","kind":"places","files":[{{"path":"../etc/passwd","bytes":1}}]}}]}}"#
        );
        let p = crate::load::load_manifest("manifest.json", &manifest).unwrap_err();
        assert!(p[0].message.contains("unsafe file path"), "{p:?}");
    }
}

/// Coverage of everything loaded, for the overview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Cities and local governments in the gazetteer.
    pub cities: usize,
    /// Of those, cities with at least one observation.
    pub cities_with_data: usize,
    /// Countries of the cities with data.
    pub countries_with_data: usize,
    /// Indicators with city-level data.
    pub indicators_with_data: usize,
    /// City observations.
    pub observations: usize,
    /// First and last year of city observations.
    pub years: Option<(i32, i32)>,
}

impl Bundle {
    /// Coverage of the loaded city-level tables.
    pub fn coverage(&self) -> Coverage {
        use crate::model::PlaceKind;
        let mut cities = std::collections::BTreeSet::new();
        let mut indicators = std::collections::BTreeSet::new();
        let mut years: Option<(i32, i32)> = None;
        let mut observations = 0;
        for t in self
            .tables
            .values()
            .filter(|t| t.place_kind == PlaceKind::City)
        {
            observations += t.len();
            cities.extend(t.places.iter().map(String::as_str));
            if let Some(s) = self.framework.as_ref().and_then(|f| f.series(&t.series)) {
                indicators.insert(s.indicator.as_str());
            }
            for &y in &t.years {
                years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
            }
        }
        let countries: std::collections::BTreeSet<&str> = cities
            .iter()
            .filter_map(|id| self.gazetteer.city(id).map(|c| c.country.as_str()))
            .collect();
        Coverage {
            cities: self.gazetteer.cities.len(),
            cities_with_data: cities.len(),
            countries_with_data: countries.len(),
            indicators_with_data: indicators.len(),
            observations,
            years,
        }
    }
}
