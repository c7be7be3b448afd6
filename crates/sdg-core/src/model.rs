//! The data model shared by the app and the data tool: the Goal 11 framework, the
//! gazetteer of cities and countries, observation tables, and the pack manifest.
//!
//! Every type here is exactly what is serialised into `data/`; the data tool writes
//! these types and the app reads them, so the two cannot drift apart.

use serde::{Deserialize, Serialize};

pub use crate::filter::Region;
pub use crate::localized::Localized;

/// Version of the bundle layout; bumped when a file's shape changes.
pub const SCHEMA_VERSION: u32 = 1;

/// `data/manifest.json`: the list of packs the app may load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Bundle layout version, see [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Every pack, in the order the app lists them.
    pub packs: Vec<PackInfo>,
    /// City-level coverage per series over all packs, so views can say how much data
    /// exists before they fetch it.
    #[serde(default)]
    pub coverage: Vec<SeriesCoverage>,
    /// What the actions pack holds, so the overview shows it without fetching it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<ActionsSummary>,
    /// The data's version, cited with every view (absent in bundles built before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<BundleVersion>,
}

/// A bundle's version: a hash of its data files' content and the day that content was
/// first built. The data tool keeps the day while the hash is unchanged, so a rebuild
/// of the same data gives the same version (see `datagen`'s `version` module).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleVersion {
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    /// The first 12 hex digits of the SHA-256 over every pack file's path and bytes,
    /// in manifest order.
    pub hash: String,
}

impl BundleVersion {
    /// How the version is cited: `2026-12-06 (3f2a9c01be77)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.date, self.hash)
    }

    /// Whether the version is well formed: an ISO date and a [hash](Self::is_hash).
    pub fn is_well_formed(&self) -> bool {
        let d = self.date.as_bytes();
        let digits = |r: std::ops::Range<usize>| d[r].iter().all(u8::is_ascii_digit);
        let date_ok = d.len() == 10
            && d[4] == b'-'
            && d[7] == b'-'
            && digits(0..4)
            && digits(5..7)
            && digits(8..10)
            && (1..=12).contains(&self.date[5..7].parse::<u8>().unwrap_or(0))
            && (1..=31).contains(&self.date[8..10].parse::<u8>().unwrap_or(0));
        date_ok && Self::is_hash(&self.hash)
    }

    /// Whether `text` is a well-formed content hash (12 lower-case hex digits), as a
    /// pinned version in a URL must be.
    pub fn is_hash(text: &str) -> bool {
        text.len() == 12 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }
}

/// The actions pack in brief, written into the manifest by the data tool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionsSummary {
    /// Actions per Goal 11 target code.
    pub per_target: std::collections::BTreeMap<String, u32>,
    /// The most recent actions (id, label, year and titles).
    pub recent: Vec<ActionBrief>,
}

/// One action in brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionBrief {
    /// Id.
    pub id: String,
    /// Who acted.
    pub label: String,
    /// Year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Title.
    pub title: Localized,
}

/// How many cities have data for a series, over all packs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesCoverage {
    /// Series id.
    pub series: String,
    /// Distinct cities with at least one value.
    pub cities: u32,
    /// Distinct countries of those cities.
    pub countries: u32,
    /// First and last year.
    pub years: (i32, i32),
}

/// What a pack holds and under which terms it may be used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackInfo {
    /// Stable id, e.g. `who-aap`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Licence name as the source states it, e.g. `CC BY 4.0`.
    pub licence: String,
    /// The attribution text the licence asks for.
    pub attribution: String,
    /// Where the data came from (publisher, dataset, version).
    pub source: String,
    /// What the pack contains.
    pub kind: PackKind,
    /// Files of the pack, relative to `data/`.
    pub files: Vec<PackFile>,
}

/// The role a pack plays; decides which loader reads its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PackKind {
    /// Goal 11 targets, indicators and series (`framework.json`).
    Framework,
    /// Countries (`countries.json`, a list of [`Country`]).
    Countries,
    /// Cities and local governments (`cities.json`, a list of [`City`]).
    Places,
    /// Observation tables (city- or country-level, see [`ObservationTable`]).
    Observations,
    /// TopoJSON boundaries.
    Boundaries,
    /// Cities' own Goal 11 actions and the figures they report (`actions.json`, an
    /// [`ActionsPack`]).
    Actions,
}

/// One file of a pack, with enough facts to show coverage before it is fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackFile {
    /// Path relative to `data/`.
    pub path: String,
    /// Size in bytes, so the app can show progress and the bench can sum bytes.
    pub bytes: u64,
    /// For observation tables: the series the file holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// For observation tables: number of observations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u32>,
    /// For observation tables: number of distinct places.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<u32>,
    /// For observation tables: first and last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<(i32, i32)>,
    /// For observation tables: whether the rows name cities or countries, so the app
    /// picks the files a view needs from the manifest alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_kind: Option<PlaceKind>,
    /// For a city table split by region (the data tool splits the big ones): the
    /// narrowest region ([`Region::narrowest`]) of every place in the file. The parts of
    /// one series in one pack hold disjoint places, so a view of Korea fetches the
    /// Korean part alone; a file without it may hold places anywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

impl PackFile {
    /// A file with only its path and size known.
    pub fn new(path: impl Into<String>, bytes: u64) -> Self {
        Self {
            path: path.into(),
            bytes,
            series: None,
            rows: None,
            places: None,
            years: None,
            place_kind: None,
            region: None,
        }
    }
}

/// The themes an action may have.
pub const ACTION_THEMES: [&str; 10] = [
    "housing",
    "transport",
    "planning",
    "heritage",
    "resilience",
    "air",
    "waste",
    "green-space",
    "governance",
    "data",
];

/// How sure the pack's editors are of an action's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// City, year, action and facts were all in the source text.
    High,
    /// The year is inferred or absent, the Goal 11 link is indirect, or the source is
    /// a copy of the original document.
    Medium,
}

/// What a city did about Goal 11, in the pack editors' own words, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalAction {
    /// Stable id, e.g. `LA003`.
    pub id: String,
    /// Who acted, as the source names it: a city, a district ("Seoul (Songpa-gu)") or
    /// a group ("Siheung; Ansan; Hwaseong (Sihwa area)").
    pub label: String,
    /// The gazetteer places it belongs to (a district's city; each city of a group).
    /// Empty when none could be placed with certainty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// ISO3 of the country.
    pub country: String,
    /// The year it started (or was awarded or published), when the source gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Title: English, and the editors' rendering in other languages where there is one.
    pub title: Localized,
    /// Summary: English, and other languages only where a person wrote one (a
    /// partner's shared action); never machine-translated.
    pub summary: Localized,
    /// Goal 11 targets it serves, e.g. `11.6`.
    pub targets: Vec<String>,
    /// One of [`ACTION_THEMES`].
    pub theme: String,
    /// Title of the source.
    pub source_title: String,
    /// Address of the source (http or https only).
    pub source_url: String,
    /// How sure the facts are.
    pub confidence: Confidence,
}

/// A figure a city reports about itself: shown as "reported by the city", never mixed
/// with the statistical series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedFigure {
    /// The city as the source names it.
    pub label: String,
    /// The gazetteer places it belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// ISO3 of the country.
    pub country: String,
    /// What is measured, in words.
    pub indicator: String,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// The period it refers to, as the source gives it ("2023-09", "c. 2015", "n.d.").
    pub period: String,
    /// The Goal 11 target it informs, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Title of the source.
    pub source_title: String,
    /// Address of the source (http or https only).
    pub source_url: String,
}

/// `actions.json`: local actions and reported figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionsPack {
    /// Actions, sorted by id.
    pub actions: Vec<LocalAction>,
    /// Reported figures.
    pub figures: Vec<ReportedFigure>,
}

/// `framework.json`: Goal 11 with its targets, indicators and the data series we carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    /// Goal title, in every language of the official framework.
    pub goal: Localized,
    /// The 10 targets.
    pub targets: Vec<Target>,
    /// The official indicators (plus deleted ones flagged in `note`).
    pub indicators: Vec<Indicator>,
    /// Data series; each belongs to one indicator.
    pub series: Vec<Series>,
}

/// A Goal 11 target such as `11.6`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Official code, e.g. `11.6`.
    pub code: String,
    /// Official text, in every language of the framework (Korean: Statistics Korea).
    pub title: Localized,
}

/// An official Goal 11 indicator such as `11.6.2`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Official code, e.g. `11.6.2`.
    pub code: String,
    /// Code of the target it belongs to.
    pub target: String,
    /// Official title, in every language of the framework (Korean: Statistics Korea,
    /// where known and correct).
    pub title: Localized,
    /// UN tier as of the source's list, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Editorial note, e.g. that the indicator was deleted in the 2020 review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Which way is good for a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// More is better (e.g. access to public transport).
    HigherIsBetter,
    /// Less is better (e.g. PM2.5).
    LowerIsBetter,
    /// Neither: no status or trend is computed (e.g. a ratio whose ideal is 1).
    Neutral,
}

/// Cut-points between the four status colours, in the series' unit.
///
/// For a lower-is-better series a value `<= green` is green, `<= yellow` yellow,
/// `<= orange` orange and anything above red; for higher-is-better the comparisons
/// flip (`>= green` is green, and so on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Bound of green (the goal is reached).
    pub green: f64,
    /// Bound of yellow.
    pub yellow: f64,
    /// Bound of orange; beyond it is red.
    pub orange: f64,
    /// Where the cut-points come from.
    pub source: String,
}

/// A data series carried for an indicator, e.g. PM2.5 under 11.6.2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Short id used in URLs and file names, e.g. `pm25`.
    pub id: String,
    /// The indicator it measures (or is the closest proxy for).
    pub indicator: String,
    /// Title.
    pub title: Localized,
    /// Unit symbol, e.g. `µg/m³`, `%`.
    pub unit: String,
    /// Which way is good.
    pub direction: Direction,
    /// Status cut-points, where a sourced set exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<Thresholds>,
    /// Set when the series is a local or national proxy rather than the official
    /// indicator; says why it was attached to that indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_note: Option<String>,
}

/// Countries and cities, as loaded from the `countries` and `places` packs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Gazetteer {
    /// Countries, sorted by ISO3.
    pub countries: Vec<Country>,
    /// Cities, sorted by id.
    pub cities: Vec<City>,
}

/// A country or territory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// ISO 3166-1 numeric code, as used by the world boundaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeric: Option<String>,
    /// Common name: English, Korean, Chinese, Japanese.
    pub name: Localized,
    /// World region (Asia, Europe, ...).
    pub region: String,
    /// ESCAP subregion for ESCAP members, else the UN geoscheme subregion.
    pub subregion: String,
    /// True for the 58 ESCAP regional and associate members.
    pub asia_pacific: bool,
}

/// Administrative level of a city record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdminLevel {
    /// A city or settlement (including Korea's metropolitan cities).
    City,
    /// A municipality below a province (Korea's si, gun and gu).
    Municipality,
    /// A province (Korea's do).
    Province,
}

/// A city or other local government.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct City {
    /// Stable id: `gn-<geonameid>` for GeoNames places, `kr-<KOSTAT code>` for
    /// Korean local governments, `cn-<prefecture>-<division>` for Chinese county-level
    /// divisions, `un-<iso3>-<name>` for settlements without a location.
    pub id: String,
    /// Name: English, and local forms where reviewed ones are known (Korean from
    /// KOSTAT, Chinese from the official division list).
    pub name: Localized,
    /// ISO3 of the country.
    pub country: String,
    /// Latitude, WGS84 degrees; absent for a settlement whose location is unknown
    /// (a source names it, but it could not be placed with certainty: it is listed,
    /// searched and charted, never drawn on the map).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude, WGS84 degrees; absent with `lat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Population as GeoNames gives it, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Administrative level.
    pub level: AdminLevel,
    /// Id of the parent record (a municipality's province), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Whether an observation table is about cities or countries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    /// Rows name city ids.
    City,
    /// Rows name country ISO3 codes.
    Country,
}

/// Goal 11's target codes, in order: the one list every view, the URL parser and the
/// matrix use.
pub const GOAL11_TARGETS: [&str; 10] = [
    "11.1", "11.2", "11.3", "11.4", "11.5", "11.6", "11.7", "11.a", "11.b", "11.c",
];

/// Whether a code is one of Goal 11's targets (`11.1` to `11.7`, `11.a` to `11.c`).
pub fn is_goal11_target(code: &str) -> bool {
    GOAL11_TARGETS.contains(&code)
}

/// One observation file: a series for many places, stored column-wise (compact and
/// quick to parse). Row `i` is `(places[i], years[i], values[i], sources[source[i]])`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObservationTable {
    /// Series id (see [`Series::id`]).
    pub series: String,
    /// Unit of every value; must equal the series' unit.
    pub unit: String,
    /// What the place column names.
    pub place_kind: PlaceKind,
    /// Source lines; rows point into this list.
    pub sources: Vec<String>,
    /// City ids or ISO3 codes.
    pub places: Vec<String>,
    /// Observation years.
    pub years: Vec<i32>,
    /// Values in `unit`.
    pub values: Vec<f64>,
    /// Index into `sources` per row.
    pub source: Vec<u16>,
    /// Values the data tool found doubtful, with why (absent in files without any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<Doubt>,
}

/// A value shown with a warning: it is kept (the source gives it), but something in
/// the data contradicts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doubt {
    /// City id or ISO3 of the row.
    pub place: String,
    /// Year of the row.
    pub year: i32,
    /// Why, in words ("PM2.5 73 above PM10 37 the same year").
    pub reason: String,
}

/// One observation, borrowed from a table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation<'a> {
    /// City id or ISO3.
    pub place: &'a str,
    /// Year.
    pub year: i32,
    /// Value in the table's unit.
    pub value: f64,
    /// Source line.
    pub source: &'a str,
}

impl ObservationTable {
    /// A table of `series` in `unit` with no rows.
    pub fn empty(series: String, unit: String, place_kind: PlaceKind) -> Self {
        ObservationTable {
            series,
            unit,
            place_kind,
            sources: Vec::new(),
            places: Vec::new(),
            years: Vec::new(),
            values: Vec::new(),
            source: Vec::new(),
            doubts: Vec::new(),
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Row `i`, or `None` when the index or the row's source index is out of range.
    pub fn row(&self, i: usize) -> Option<Observation<'_>> {
        Some(Observation {
            place: self.places.get(i)?,
            year: *self.years.get(i)?,
            value: *self.values.get(i)?,
            source: self.sources.get(usize::from(*self.source.get(i)?))?,
        })
    }

    /// Why the value of `place` in `year` is doubtful, if it is.
    pub fn doubt(&self, place: &str, year: i32) -> Option<&str> {
        self.doubts
            .iter()
            .find(|d| d.year == year && d.place == place)
            .map(|d| d.reason.as_str())
    }

    /// Every row in order (rows with broken indices are skipped; validation reports them).
    pub fn rows(&self) -> impl Iterator<Item = Observation<'_>> {
        (0..self.len()).filter_map(|i| self.row(i))
    }
}

impl Manifest {
    /// A manifest of this schema with no packs: what a view reads before the real one
    /// arrives, or when it cannot be loaded.
    pub fn empty() -> Self {
        Manifest {
            schema: SCHEMA_VERSION,
            packs: Vec::new(),
            coverage: Vec::new(),
            actions: None,
            version: None,
        }
    }
}

impl Framework {
    /// The series with this id.
    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id)
    }

    /// The indicator with this code.
    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    /// Series carried for an indicator, in framework order.
    pub fn series_of<'a>(&'a self, indicator: &'a str) -> impl Iterator<Item = &'a Series> + 'a {
        self.series.iter().filter(move |s| s.indicator == indicator)
    }

    /// The code of the Goal 11 target a series informs (through its indicator), if
    /// the framework knows the indicator: the one rule every view uses to put a series
    /// under a target.
    pub fn series_target(&self, series: &Series) -> Option<&str> {
        self.indicator(&series.indicator).map(|i| i.target.as_str())
    }

    /// The series that inform any of these targets (e.g. an action's), in framework
    /// order.
    pub fn series_on<'a>(&'a self, targets: &'a [String]) -> impl Iterator<Item = &'a Series> + 'a {
        self.series.iter().filter(move |s| {
            self.series_target(s)
                .is_some_and(|t| targets.iter().any(|x| x == t))
        })
    }
}

impl Gazetteer {
    /// The city with this id (cities are sorted by id).
    pub fn city(&self, id: &str) -> Option<&City> {
        self.cities
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.cities[i])
    }

    /// Countries with at least one city, in ISO3 order.
    pub fn countries_with_cities(&self) -> Vec<&Country> {
        let present: crate::FastSet<&str> =
            self.cities.iter().map(|c| c.country.as_str()).collect();
        self.countries
            .iter()
            .filter(|c| present.contains(c.iso3.as_str()))
            .collect()
    }

    /// The country with this ISO3 code (countries are sorted by ISO3).
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.iso3.as_str().cmp(iso3))
            .ok()
            .map(|i| &self.countries[i])
    }
}

/// Names and titles in the UI language, English where the bundle has no form in it.
/// Every view shows names through these, so the choice is made in one place
/// ([`Localized::get`]).
mod names {
    use super::{City, Country, Framework, Indicator, Series, Target};
    use crate::i18n::Lang;

    impl City {
        /// Where the city is, if known.
        pub fn location(&self) -> Option<(f64, f64)> {
            self.lat.zip(self.lon)
        }

        /// The city's name in `lang`.
        pub fn name(&self, lang: Lang) -> &str {
            self.name.get(lang)
        }

        /// The city's name in a second language, shown beside the main name and
        /// marked with that language (see [`crate::model::Localized::alternate`]).
        pub fn other_name(&self, lang: Lang) -> Option<(&str, Lang)> {
            self.name.alternate(lang)
        }
    }

    impl Country {
        /// The country's name in `lang`.
        pub fn name(&self, lang: Lang) -> &str {
            self.name.get(lang)
        }
    }

    impl Series {
        /// The series' title in `lang`.
        pub fn title(&self, lang: Lang) -> &str {
            self.title.get(lang)
        }
    }

    impl Indicator {
        /// The indicator's title in `lang`.
        pub fn title(&self, lang: Lang) -> &str {
            self.title.get(lang)
        }
    }

    impl Target {
        /// The target's text in `lang`.
        pub fn title(&self, lang: Lang) -> &str {
            self.title.get(lang)
        }
    }

    impl Framework {
        /// Goal 11's title in `lang`.
        pub fn goal(&self, lang: Lang) -> &str {
            self.goal.get(lang)
        }

        /// The target an indicator belongs to.
        pub fn target_of(&self, indicator: &Indicator) -> Option<&Target> {
            self.targets.iter().find(|t| t.code == indicator.target)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_a_date_and_a_twelve_digit_hash() {
        let v = |date: &str, hash: &str| BundleVersion {
            date: date.into(),
            hash: hash.into(),
        };
        assert!(v("2026-12-06", "3f2a9c01be77").is_well_formed());
        assert_eq!(
            v("2026-12-06", "3f2a9c01be77").label(),
            "2026-12-06 (3f2a9c01be77)"
        );
        for (date, hash) in [
            ("2026-13-06", "3f2a9c01be77"),
            ("2026-12-00", "3f2a9c01be77"),
            ("26-12-06", "3f2a9c01be77"),
            ("2026/12/06", "3f2a9c01be77"),
            ("2026-12-06", "3F2A9C01BE77"),
            ("2026-12-06", "3f2a9c01be7"),
            ("2026-12-06", "<script>1234"),
            ("２０２６-12-06", "3f2a9c01be77"),
        ] {
            assert!(!v(date, hash).is_well_formed(), "{date} {hash}");
        }
    }

    #[test]
    fn a_series_target_is_its_indicators() {
        let mut unknown = crate::fixtures::open_space();
        unknown.indicator = "11.9.9".into();
        let f = crate::fixtures::framework(
            &["11.6.2", "11.7.1"],
            vec![
                crate::fixtures::pm25(),
                crate::fixtures::open_space(),
                unknown,
            ],
        );
        let ids = |targets: &[&str]| -> Vec<String> {
            let targets: Vec<String> = targets.iter().map(|t| t.to_string()).collect();
            f.series_on(&targets).map(|s| s.id.clone()).collect()
        };
        assert_eq!(f.series_target(&f.series[0]), Some("11.6"));
        assert_eq!(f.series_target(&f.series[1]), Some("11.7"));
        // A series whose indicator the framework lacks belongs to no target.
        assert_eq!(f.series_target(&f.series[2]), None);
        assert_eq!(ids(&["11.6"]), ["pm25"]);
        assert_eq!(ids(&["11.7", "11.6"]), ["pm25", "open-space"]);
        assert!(ids(&["11.1"]).is_empty());
        assert!(ids(&[]).is_empty());
    }

    #[test]
    fn goal11_targets_are_the_ten_codes() {
        assert!(GOAL11_TARGETS.iter().all(|t| is_goal11_target(t)));
        for not in ["11.8", "11.d", "11", "11.", "1.1", "11.1 ", "11.A"] {
            assert!(!is_goal11_target(not), "{not}");
        }
    }
}
