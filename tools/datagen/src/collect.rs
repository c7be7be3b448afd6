//! Collecting observations from the sources: name matching with the reviewed override
//! table, duplicate and conflict resolution, and the drop report.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sdg_core::model::{City, ObservationTable, PlaceKind};

use crate::gazetteer::World;
use crate::matcher::{match_name, read_aliases, Aliases, How, Outcome, ALIASES};
use sdg_core::model::Localized;
use sdg_core::names::{parse, Identity};

/// A source's name for a place: (source, ISO3 as given, name as given).
pub type NameKey = (String, String, String);

/// What was decided for one source name, after the check that no place absorbs two
/// distinct settlements of one source.
pub type Decisions = BTreeMap<NameKey, Outcome>;

/// One observation before bundling.
#[derive(Debug, Clone)]
pub struct Obs {
    /// Pack it goes to.
    pub pack: &'static str,
    /// Series id.
    pub series: &'static str,
    /// Unit (checked against the series when validating).
    pub unit: &'static str,
    /// City id or ISO3.
    pub place: String,
    /// Year.
    pub year: i32,
    /// Value in `unit`.
    pub value: f64,
    /// Source line shown with the value.
    pub source: String,
    /// Higher wins when two rows give the same place and year (e.g. a newer database
    /// version, or better temporal coverage).
    pub priority: i64,
}

/// A reviewed decision for one source name: a place id, or `-` to leave it out.
#[derive(Debug, Clone)]
struct Override {
    target: String,
}

/// Gathers observations and everything that was dropped.
pub struct Collector<'w> {
    /// The gazetteer matched against.
    pub world: &'w World,
    overrides: HashMap<(String, String, String), Override>,
    used_overrides: BTreeSet<(String, String, String)>,
    /// City observations.
    pub city_obs: Vec<Obs>,
    /// Country observations.
    pub country_obs: Vec<Obs>,
    /// Source -> reason -> count.
    pub dropped: BTreeMap<String, BTreeMap<String, usize>>,
    /// Source -> unmatched "ISO3 name" -> rows.
    pub unmatched: BTreeMap<String, BTreeMap<String, usize>>,
    /// Source -> rows read.
    pub read: BTreeMap<String, usize>,
    /// Ids of cities that got an observation.
    pub used_cities: BTreeSet<String>,
    /// Source -> matches made on part of a name, for review.
    pub partial_matches: BTreeMap<String, BTreeSet<String>>,
    aliases: Aliases,
    /// Settlements kept without a location, by id.
    pub unlocated: BTreeMap<String, City>,
    /// Every name asked about, with its outcome; final once [`Collector::decide`] has
    /// run over a first pass and the decisions are handed to a second collector.
    pub outcomes: Decisions,
    decided: bool,
}

impl<'w> Collector<'w> {
    /// A collector with the override table `overrides.csv` of the tool.
    pub fn new(world: &'w World, overrides_csv: &str) -> Result<Self, String> {
        let mut overrides = HashMap::new();
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(overrides_csv.as_bytes());
        for (i, rec) in reader.records().enumerate() {
            let rec = rec.map_err(|e| format!("overrides.csv row {}: {e}", i + 1))?;
            let get = |n: usize| rec.get(n).unwrap_or("").trim().to_string();
            let mut target = get(3);
            // `name:X` names the place as the gazetteer spells it, in the row's country.
            if let Some(name) = target.strip_prefix("name:") {
                target = world
                    .find(&get(1), name)
                    .map(|c| c.id.clone())
                    .ok_or_else(|| {
                        format!(
                            "overrides.csv row {}: no place `{name}` in {}",
                            i + 1,
                            get(1)
                        )
                    })?;
            }
            let country_only = target
                .strip_prefix("country:")
                .is_some_and(|c| world.countries.contains_key(c));
            if target != "-"
                && target != "?"
                && !country_only
                && !world.places.contains_key(&target)
            {
                return Err(format!(
                    "overrides.csv row {}: unknown place id `{target}`",
                    i + 1
                ));
            }
            overrides.insert((get(0), get(1), get(2)), Override { target });
        }
        Ok(Self {
            world,
            overrides,
            used_overrides: BTreeSet::new(),
            city_obs: Vec::new(),
            country_obs: Vec::new(),
            dropped: BTreeMap::new(),
            unmatched: BTreeMap::new(),
            read: BTreeMap::new(),
            used_cities: BTreeSet::new(),
            partial_matches: BTreeMap::new(),
            aliases: read_aliases(ALIASES)?,
            unlocated: BTreeMap::new(),
            outcomes: Decisions::new(),
            decided: false,
        })
    }

    /// A collector that places names as `decisions` say (from a first pass's
    /// [`Collector::decide`]).
    pub fn with_decisions(
        world: &'w World,
        overrides_csv: &str,
        decisions: Decisions,
    ) -> Result<Self, String> {
        let mut c = Self::new(world, overrides_csv)?;
        c.outcomes = decisions;
        c.decided = true;
        Ok(c)
    }

    /// The countries a source's country code stands for: WHO and UNSD list Taiwan's,
    /// Hong Kong's and Macao's cities under China, which GeoNames files under their own
    /// codes, so a Chinese name is looked for in all four (and refused when found in
    /// two).
    fn countries(iso3: &str) -> Vec<&str> {
        if iso3 == "CHN" {
            vec!["CHN", "HKG", "MAC", "TWN"]
        } else {
            vec![iso3]
        }
    }

    /// How one name is matched, step by step, with any override that decides it.
    pub fn explain(&self, source: &str, iso3: &str, name: &str) -> String {
        let key = (source.to_string(), iso3.to_string(), name.to_string());
        let mut out = String::new();
        if let Some(o) = self.overrides.get(&key) {
            out.push_str(&format!(
                "override: {source},{iso3},{name} -> {}\n",
                o.target
            ));
        }
        out.push_str(&crate::matcher::explain(
            self.world,
            &self.aliases,
            &Self::countries(iso3),
            name,
        ));
        out.push_str(&format!(
            "decided: {:?}\n",
            self.outcome_of(source, iso3, name)
        ));
        out
    }

    /// [`Collector::outcome_of`] for a source read outside the observation passes
    /// (local actions), recording that the override table was used.
    pub fn place_of(&mut self, source: &str, iso3: &str, name: &str) -> Outcome {
        let key = (source.to_string(), iso3.to_string(), name.to_string());
        if self.overrides.contains_key(&key) {
            self.used_overrides.insert(key);
        }
        self.outcome_of(source, iso3, name)
    }

    /// The outcome for one name: the override table first, then the matcher.
    pub fn outcome_of(&self, source: &str, iso3: &str, name: &str) -> Outcome {
        let key = (source.to_string(), iso3.to_string(), name.to_string());
        if let Some(o) = self.overrides.get(&key) {
            return match o.target.as_str() {
                "-" => Outcome::Unlocated {
                    why: "left out by the override table".into(),
                    parent: None,
                },
                "?" => Outcome::Unlocated {
                    why: "reviewed: the gazetteer's place of that name is another one".into(),
                    parent: None,
                },
                target if target.starts_with("country:") => Outcome::Unlocated {
                    why: format!(
                        "reviewed: lies in {}, where no single place of that name fits",
                        &target["country:".len()..]
                    ),
                    parent: None,
                },
                id => Outcome::Placed {
                    id: id.to_string(),
                    how: How::Override,
                },
            };
        }
        match_name(self.world, &self.aliases, &Self::countries(iso3), name)
    }

    /// The decisions of this (first) pass, with the rule that one place never takes
    /// two distinct settlements of one source: where names of different identity
    /// ("Porto" and "Porto Moniz") landed on one place, only the name whose identity
    /// is the place's own (or one placed by a reviewed override) keeps it; the others
    /// become unlocated.
    pub fn decide(&self) -> Decisions {
        let mut by_place: BTreeMap<(&str, &str), BTreeSet<Identity>> = BTreeMap::new();
        for ((source, _, name), outcome) in &self.outcomes {
            if let Outcome::Placed { id, .. } = outcome {
                by_place
                    .entry((source.as_str(), id.as_str()))
                    .or_default()
                    .insert(parse(name).identity());
            }
        }
        let mut out = self.outcomes.clone();
        for ((source, iso3, name), outcome) in out.iter_mut() {
            let Outcome::Placed { id, how } = outcome else {
                continue;
            };
            let names = &by_place[&(source.as_str(), id.as_str())];
            if names.len() < 2 || *how == How::Override {
                continue;
            }
            let own: Vec<Identity> = self
                .world
                .places
                .get(id.as_str())
                .map(|p| vec![parse(p.city.name.en()).identity()])
                .unwrap_or_default();
            if !own.contains(&parse(name).identity()) && *how != How::Alias {
                let others: Vec<String> = names
                    .iter()
                    .filter(|i| **i != parse(name).identity())
                    .map(|i| i.stem.clone())
                    .collect();
                *outcome = Outcome::Unlocated {
                    why: format!(
                        "{iso3} {name}: {id} is already another name of this source ({}); distinct settlements are never merged",
                        others.join(", ")
                    ),
                    parent: None,
                };
            }
        }
        out
    }

    /// A row's year (a whole number) and value, or `None` with the row dropped as "no
    /// year or value": the one reader of the sources' year and value columns.
    pub fn year_and_value(
        &mut self,
        source: &str,
        row: &crate::raw::Row,
        year: &str,
        value: &str,
    ) -> Option<(i32, f64)> {
        let parsed = crate::raw::field(row, year)
            .trim()
            .parse::<i32>()
            .ok()
            .zip(crate::raw::parse_value(crate::raw::field(row, value)));
        if parsed.is_none() {
            self.drop_row(source, "no year or value");
        }
        parsed
    }

    /// Counts a row read from a source.
    pub fn read(&mut self, source: &str) {
        *self.read.entry(source.to_string()).or_default() += 1;
    }

    /// Counts a dropped row with its reason.
    pub fn drop_row(&mut self, source: &str, reason: &str) {
        *self
            .dropped
            .entry(source.to_string())
            .or_default()
            .entry(reason.to_string())
            .or_default() += 1;
    }

    /// The place a source's name stands for: as decided (see [`Collector::decide`]),
    /// or, in a first pass, by the override table and the matcher. Names not placed
    /// are recorded for the report.
    pub fn resolve(&mut self, source: &str, iso3: &str, name: &str) -> Option<City> {
        if parse(name).stem.is_empty() {
            self.drop_row(source, "no place name");
            return None;
        }
        let key = (source.to_string(), iso3.to_string(), name.to_string());
        if self.overrides.contains_key(&key) {
            self.used_overrides.insert(key.clone());
        }
        let outcome = match self.outcomes.get(&key) {
            Some(o) => o.clone(),
            None => {
                let o = self.outcome_of(source, iso3, name);
                if !self.decided {
                    self.outcomes.insert(key, o.clone());
                }
                o
            }
        };
        match outcome {
            Outcome::Placed { id, .. } => self.world.places.get(&id).map(|p| p.city.clone()),
            Outcome::Unlocated { why, .. } if why.starts_with("left out") => {
                self.drop_row(source, "left out by the override table");
                None
            }
            Outcome::Refused { .. } | Outcome::Unlocated { .. } => {
                let parent = match &outcome {
                    Outcome::Unlocated { parent, .. } => parent.clone(),
                    _ => None,
                };
                *self
                    .unmatched
                    .entry(source.to_string())
                    .or_default()
                    .entry(format!("{iso3} {name}"))
                    .or_default() += 1;
                Some(self.unlocated_place(iso3, name, parent))
            }
        }
    }

    /// The place of a settlement that could not be placed with certainty: its own
    /// record, without a location, named as the source names it. Names of one
    /// identity ("Puyang", "Puyang Shi") share it; districts of the same name in
    /// different cities do not.
    fn unlocated_place(&mut self, iso3: &str, name: &str, parent: Option<String>) -> City {
        let parsed = parse(name);
        let identity = parsed.identity();
        let mut slug = identity.stem.clone();
        match identity.kind {
            sdg_core::names::Kind::City => {}
            sdg_core::names::Kind::District => slug.push_str("-district"),
            sdg_core::names::Kind::County => slug.push_str("-county"),
        }
        for extra in [
            Some(identity.qualifier.clone()),
            parsed.parent.as_deref().map(sdg_core::fold::fold),
        ]
        .into_iter()
        .flatten()
        .filter(|e| !e.is_empty())
        {
            slug.push('-');
            slug.push_str(&extra);
        }
        let slug: String = slug
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let iso3 = self.country_of_unplaced(iso3, &parsed);
        let iso3 = iso3.as_str();
        let id = format!("un-{}-{slug}", iso3.to_ascii_lowercase());
        self.unlocated
            .entry(id.clone())
            .or_insert_with(|| City {
                id,
                name: Localized::new(display_name(name)),
                country: iso3.to_string(),
                lat: None,
                lon: None,
                population: None,
                level: sdg_core::model::AdminLevel::City,
                parent,
            })
            .clone()
    }

    /// The country of a settlement that is not placed: where the source files it,
    /// except that a name WHO or UN-Habitat files under China whose only namesakes
    /// lie in Taiwan, Hong Kong or Macao (and none in mainland China) is there
    /// ("Taoyuan": two Taoyuans in Taiwan, so not placed, but Taiwan's); and a
    /// reviewed `country:` decision of the override table says it outright.
    fn country_of_unplaced(&self, iso3: &str, parsed: &sdg_core::names::Parsed) -> String {
        let reviewed = self
            .overrides
            .iter()
            .filter(|((_, c, _), _)| c == iso3)
            .filter(|((_, _, n), _)| parse(n).identity() == parsed.identity())
            .find_map(|(_, o)| o.target.strip_prefix("country:"));
        if let Some(country) = reviewed {
            return country.to_string();
        }
        if iso3 != "CHN" {
            return iso3.to_string();
        }
        let identity = parsed.identity();
        let has = |c: &str| !self.world.candidates(&[c], &identity).is_empty();
        let elsewhere: Vec<&str> = ["TWN", "HKG", "MAC"]
            .into_iter()
            .filter(|c| has(c))
            .collect();
        match elsewhere.as_slice() {
            [one] if !has("CHN") => one.to_string(),
            _ => iso3.to_string(),
        }
    }

    /// Whether the override table names this source name.
    pub fn has_override(&self, source: &str, iso3: &str, name: &str) -> bool {
        self.overrides
            .contains_key(&(source.to_string(), iso3.to_string(), name.to_string()))
    }

    /// Records a match made on part of a name, so the report lists it for review.
    pub fn partial_match(&mut self, source: &str, what: String) {
        self.partial_matches
            .entry(source.to_string())
            .or_default()
            .insert(what);
    }

    /// Adds a city observation.
    pub fn city(&mut self, obs: Obs) {
        self.used_cities.insert(obs.place.clone());
        self.city_obs.push(obs);
    }

    /// Adds a country observation.
    pub fn country(&mut self, obs: Obs) {
        self.country_obs.push(obs);
    }

    /// Overrides that no source row used (a sign the table is stale).
    pub fn unused_overrides(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .overrides
            .keys()
            .filter(|k| !self.used_overrides.contains(*k))
            .map(|(s, c, n)| format!("{s} {c} {n}"))
            .collect();
        out.sort();
        out
    }
}

/// A source name for display: names given in capitals (UNSD codes) in title case.
fn display_name(name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            // "(HUNAN)" -> "(Hunan)": the first letter of a word is upper case.
            let mut first = true;
            w.chars()
                .flat_map(|c| {
                    let upper = first && c.is_alphabetic();
                    if c.is_alphabetic() {
                        first = false;
                    }
                    let out: Vec<char> = if upper {
                        c.to_uppercase().collect()
                    } else {
                        c.to_lowercase().collect()
                    };
                    out
                })
                .collect::<String>()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Result of resolving duplicates for one table.
pub struct Resolved {
    /// The table.
    pub table: ObservationTable,
    /// Rows dropped as duplicates of the same place and year.
    pub duplicates: usize,
    /// Of those, rows whose value differed from the kept one by more than 1 %.
    pub conflicts: usize,
    /// Places whose rows came from several station networks (source lines): which
    /// network was kept and which years of the others were dropped, for the report.
    pub networks: Vec<String>,
}

/// One station network per settlement: a series must not alternate between networks
/// year by year (a traffic station one year, a rural one the next). The network with
/// the most years is kept; another network's years are added only before or after
/// the kept network's span, never between its years. Returns the rows kept and, when
/// any were dropped, a line for the report.
fn one_network<'a>(place: &str, rows: Vec<&'a Obs>) -> (Vec<&'a Obs>, Option<String>) {
    let mut years_by: BTreeMap<&str, BTreeSet<i32>> = BTreeMap::new();
    for o in &rows {
        years_by
            .entry(o.source.as_str())
            .or_default()
            .insert(o.year);
    }
    if years_by.len() < 2 {
        return (rows, None);
    }
    // Most years, then the latest year, then the source line (for a stable choice).
    let (primary, years) = years_by
        .iter()
        .max_by(|a, b| {
            (a.1.len(), a.1.last())
                .cmp(&(b.1.len(), b.1.last()))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(k, v)| (*k, v.clone()))
        .expect("two networks or more");
    let (first, last) = (*years.first().unwrap_or(&0), *years.last().unwrap_or(&0));
    let mut dropped: Vec<i32> = Vec::new();
    let kept: Vec<&Obs> = rows
        .into_iter()
        .filter(|o| {
            let keep = o.source == primary || o.year < first || o.year > last;
            if !keep {
                dropped.push(o.year);
            }
            keep
        })
        .collect();
    let line = (!dropped.is_empty()).then(|| {
        dropped.sort_unstable();
        dropped.dedup();
        let years: Vec<String> = dropped.iter().map(i32::to_string).collect();
        format!(
            "{place}: kept `{primary}` ({} years); other networks' rows dropped for {}",
            years_by[primary].len(),
            years.join(", ")
        )
    });
    (kept, line)
}

/// Builds one column-wise table from observations of one pack and series, resolving
/// repeated (place, year) keys: the highest priority wins; at equal priority the
/// first row in source order wins. Rows are sorted by place then year.
pub fn build_table(series: &str, unit: &str, kind: PlaceKind, obs: &[&Obs]) -> Resolved {
    let mut by_place: BTreeMap<&str, Vec<&Obs>> = BTreeMap::new();
    for o in obs {
        by_place.entry(o.place.as_str()).or_default().push(o);
    }
    let mut networks = Vec::new();
    let mut screened: Vec<&Obs> = Vec::new();
    for (place, rows) in by_place {
        let (kept, line) = one_network(place, rows);
        networks.extend(line);
        screened.extend(kept);
    }
    let mut best: BTreeMap<(&str, i32), &Obs> = BTreeMap::new();
    let mut duplicates = 0;
    let mut conflicts = 0;
    for o in &screened {
        match best.get(&(o.place.as_str(), o.year)) {
            None => {
                best.insert((o.place.as_str(), o.year), o);
            }
            Some(kept) => {
                duplicates += 1;
                let scale = kept.value.abs().max(o.value.abs()).max(1e-9);
                if (kept.value - o.value).abs() / scale > 0.01 {
                    conflicts += 1;
                }
                if o.priority > kept.priority {
                    best.insert((o.place.as_str(), o.year), o);
                }
            }
        }
    }
    let mut sources: Vec<String> = best.values().map(|o| o.source.clone()).collect();
    sources.sort();
    sources.dedup();
    let index: HashMap<&str, u16> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u16))
        .collect();
    let mut table = ObservationTable {
        series: series.to_string(),
        unit: unit.to_string(),
        place_kind: kind,
        sources: sources.clone(),
        places: Vec::new(),
        years: Vec::new(),
        values: Vec::new(),
        source: Vec::new(),
        doubts: Vec::new(),
    };
    for ((place, year), o) in best {
        table.places.push(place.to_string());
        table.years.push(year);
        table.values.push(round_sig(o.value));
        table.source.push(index[o.source.as_str()]);
    }
    Resolved {
        table,
        duplicates,
        conflicts,
        networks,
    }
}

/// Rounds to 6 significant digits: more than any source measures, and it keeps the
/// JSON short and free of float noise (0.0648 × 1000 = 64.80000000000001).
pub fn round_sig(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 6 - (v.abs().log10().floor() as i32) - 1;
    let factor = 10f64.powi(digits.clamp(-10, 12));
    (v * factor).round() / factor
}

/// The reviewed override table shipped with the tool.
pub const OVERRIDES: &str = include_str!("../overrides.csv");

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(place: &str, year: i32, value: f64, priority: i64) -> Obs {
        Obs {
            pack: "p",
            series: "pm25",
            unit: "µg/m³",
            place: place.into(),
            year,
            value,
            source: format!("s{priority}"),
            priority,
        }
    }

    #[test]
    fn duplicates_keep_the_highest_priority_and_count_conflicts() {
        // One network (one source line), several database versions of a year.
        let one = |place: &str, year: i32, value: f64, priority: i64| Obs {
            source: "s".into(),
            ..obs(place, year, value, priority)
        };
        let rows = [
            one("a", 2015, 10.0, 1),
            one("a", 2015, 20.0, 2),
            one("a", 2015, 20.1, 0),
            one("b", 2014, 5.0, 0),
        ];
        let refs: Vec<&Obs> = rows.iter().collect();
        let r = build_table("pm25", "µg/m³", PlaceKind::City, &refs);
        assert_eq!(r.table.places, vec!["a", "b"]);
        assert_eq!(r.table.values, vec![20.0, 5.0]);
        assert_eq!(r.duplicates, 2);
        // 10 vs 20 conflicts; 20 vs 20.1 (0.5 %) is within rounding.
        assert_eq!(r.conflicts, 1);
    }

    #[test]
    fn a_series_keeps_one_station_network_and_extends_it_only_outside_its_span() {
        let net = |source: &str, year: i32, value: f64| Obs {
            source: source.into(),
            ..obs("neuchatel", year, value, 0)
        };
        let rows = [
            net("traffic", 2011, 30.0),
            net("rural", 2012, 10.0),
            net("traffic", 2013, 31.0),
            net("traffic", 2015, 29.0),
            net("rural", 2016, 11.0),
            net("rural", 2019, 9.0),
            net("rural", 2009, 12.0),
            net("rural", 2018, 10.5),
            net("traffic", 2020, 28.0),
        ];
        let refs: Vec<&Obs> = rows.iter().collect();
        let r = build_table("pm25", "µg/m³", PlaceKind::City, &refs);
        // Rural has the most years (2009-2019): traffic's years inside that span go;
        // its 2020, after the span, extends the series.
        assert_eq!(r.table.years, vec![2009, 2012, 2016, 2018, 2019, 2020]);
        assert_eq!(r.table.values, vec![12.0, 10.0, 11.0, 10.5, 9.0, 28.0]);
        assert_eq!(r.networks.len(), 1);
        assert!(
            r.networks[0].contains(
                "kept `rural` (5 years); other networks' rows dropped for 2011, 2013, 2015"
            ),
            "{:?}",
            r.networks
        );
    }

    #[test]
    fn rounding_removes_float_noise() {
        assert_eq!(round_sig(0.0648 * 1000.0), 64.8);
        assert_eq!(round_sig(1234567.0), 1234570.0);
        assert_eq!(round_sig(0.000123456789), 0.000123457);
    }
}
