//! The catalogue files: the manifest, the framework, the countries, the places and
//! the boundaries. Each is parsed, then checked for what JSON cannot say (unique ids,
//! known references, ordered thresholds, safe paths).

use std::collections::HashSet;

use crate::geo::Topology;
use crate::model::{
    City, Country, Direction, Framework, Gazetteer, Manifest, PackKind, SCHEMA_VERSION,
};
use crate::FastSet;

use super::files::parse_json;
use super::{too_long, Problem, Report, MAX_NAME_CHARS, MAX_PROBLEMS};

/// Parses and checks the manifest: schema version, unique pack ids, safe file paths.
pub fn load_manifest(file: &str, text: &str) -> Result<Manifest, Vec<Problem>> {
    let manifest: Manifest = parse_json(file, text)?;
    let mut report = Report::new(file);
    if manifest.schema != SCHEMA_VERSION {
        report.add(
            "",
            "schema",
            format!(
                "schema {} is not the supported {SCHEMA_VERSION}",
                manifest.schema
            ),
        );
    }
    let mut ids = FastSet::default();
    for pack in &manifest.packs {
        if !ids.insert(pack.id.as_str()) {
            report.add(&pack.id, "id", "duplicate pack id");
        }
        for key in [&pack.title, &pack.licence, &pack.attribution, &pack.source] {
            if key.trim().is_empty() {
                report.add(
                    &pack.id,
                    "licence",
                    "title, licence, attribution and source are all required",
                );
                break;
            }
        }
        if pack.files.is_empty() {
            report.add(&pack.id, "files", "a pack needs at least one file");
        }
        for f in &pack.files {
            if !is_safe_relative_path(&f.path) {
                report.add(&pack.id, "files", format!("unsafe file path `{}`", f.path));
            }
            if pack.kind == PackKind::Observations && (f.series.is_none() || f.place_kind.is_none())
            {
                report.add(
                    &pack.id,
                    "files",
                    format!(
                        "observation file `{}` must declare its `series` and `place_kind`",
                        f.path
                    ),
                );
            }
        }
    }
    if let Some(v) = manifest.version.as_ref().filter(|v| !v.is_well_formed()) {
        report.add(
            "",
            "version",
            format!(
                "version `{}` is not a date (YYYY-MM-DD) and a 12-digit hex hash",
                v.label()
            ),
        );
    }
    report.finish(manifest)
}

/// A path inside `data/`: relative, no `..`, no scheme, only plain characters.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

/// Parses and checks the framework: unique codes, series pointing at known indicators,
/// thresholds ordered the way the series' direction says.
pub fn load_framework(file: &str, text: &str) -> Result<Framework, Vec<Problem>> {
    let fw: Framework = parse_json(file, text)?;
    let mut report = Report::new(file);
    let targets: HashSet<&str> = fw.targets.iter().map(|t| t.code.as_str()).collect();
    if targets.len() != fw.targets.len() {
        report.add("targets", "code", "duplicate target code");
    }
    let mut indicators = HashSet::new();
    for ind in &fw.indicators {
        if !indicators.insert(ind.code.as_str()) {
            report.add(&ind.code, "code", "duplicate indicator code");
        }
        if !targets.contains(ind.target.as_str()) {
            report.add(
                &ind.code,
                "target",
                format!("unknown target `{}`", ind.target),
            );
        }
        if !ind.code.starts_with(&format!("{}.", ind.target)) {
            report.add(
                &ind.code,
                "target",
                "indicator code does not start with its target's code",
            );
        }
    }
    let mut series_ids = HashSet::new();
    for s in &fw.series {
        if !series_ids.insert(s.id.as_str()) {
            report.add(&s.id, "id", "duplicate series id");
        }
        if !is_safe_relative_path(&s.id) || s.id.contains('/') {
            report.add(
                &s.id,
                "id",
                "series ids may hold only letters, digits, '-', '_' and '.'",
            );
        }
        if !indicators.contains(s.indicator.as_str()) {
            report.add(
                &s.id,
                "indicator",
                format!("unknown indicator `{}`", s.indicator),
            );
        }
        if s.unit.trim().is_empty() {
            report.add(&s.id, "unit", "missing unit");
        }
        if let Some(t) = &s.thresholds {
            let finite = [t.green, t.yellow, t.orange].iter().all(|v| v.is_finite());
            let ordered = match s.direction {
                Direction::LowerIsBetter => t.green <= t.yellow && t.yellow <= t.orange,
                Direction::HigherIsBetter => t.green >= t.yellow && t.yellow >= t.orange,
                Direction::Neutral => false,
            };
            if !finite || !ordered {
                report.add(
                    &s.id,
                    "thresholds",
                    "thresholds must be finite and ordered from green to orange in the series' direction (a neutral series has none)",
                );
            }
            if t.source.trim().is_empty() {
                report.add(&s.id, "thresholds", "thresholds need a source");
            }
        }
    }
    report.finish(fw)
}

/// Parses and checks the countries file: sorted unique ISO3 codes, names present.
pub fn load_countries(file: &str, text: &str) -> Result<Vec<Country>, Vec<Problem>> {
    let countries: Vec<Country> = parse_json(file, text)?;
    let mut report = Report::new(file);
    for w in countries.windows(2) {
        if w[0].iso3 >= w[1].iso3 {
            report.add(
                &w[1].iso3,
                "iso3",
                "countries must be sorted by ISO3 with no duplicates",
            );
        }
    }
    for c in &countries {
        if c.iso3.len() != 3 || !c.iso3.chars().all(|ch| ch.is_ascii_uppercase()) {
            report.add(&c.iso3, "iso3", "not an ISO 3166-1 alpha-3 code");
        }
        if c.name.en().trim().is_empty() {
            report.add(&c.iso3, "name", "missing English name");
        }
    }
    report.finish(countries)
}

/// Parses and checks the cities file against the countries: sorted unique ids, known
/// countries and parents, coordinates on the globe, names present.
pub fn load_places(
    file: &str,
    text: &str,
    countries: Vec<Country>,
) -> Result<Gazetteer, Vec<Problem>> {
    let cities: Vec<City> = parse_json(file, text)?;
    let gz = Gazetteer { countries, cities };
    let mut report = Report::new(file);
    for w in gz.cities.windows(2) {
        if w[0].id >= w[1].id {
            report.add(
                &w[1].id,
                "id",
                "cities must be sorted by id with no duplicates",
            );
        }
    }
    for c in &gz.cities {
        if report.problems.len() >= MAX_PROBLEMS {
            report.add("", "", "too many problems; the rest are not listed");
            break;
        }
        if gz.country(&c.country).is_none() {
            report.add(&c.id, "country", format!("unknown country `{}`", c.country));
        }
        match (c.lat, c.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                    report.add(&c.id, "lat", "coordinates are off the globe");
                }
            }
            (None, None) => {}
            _ => report.add(&c.id, "lat", "a location needs both latitude and longitude"),
        }
        if c.name.en().trim().is_empty() {
            report.add(&c.id, "name", "missing English name");
        }
        for (_, name) in c.name.forms() {
            if let Some(problem) = too_long(name, MAX_NAME_CHARS) {
                report.add(&c.id, "name", problem);
            }
        }
        if let Some(p) = &c.parent {
            if gz.city(p).is_none() {
                report.add(&c.id, "parent", format!("unknown parent `{p}`"));
            }
        }
    }
    report.finish(gz)
}

/// Parses and checks a TopoJSON file: arcs in range, rings closed, numbers finite.
pub fn load_topology(file: &str, text: &str) -> Result<Topology, Vec<Problem>> {
    let topo: Topology = parse_json(file, text)?;
    let problems: Vec<Problem> = topo
        .check()
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|(record, message)| Problem {
            file: file.to_string(),
            record,
            field: "arcs".into(),
            message,
        })
        .collect();
    if problems.is_empty() {
        Ok(topo)
    } else {
        Err(problems)
    }
}
