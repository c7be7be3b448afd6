//! The bundle as a Frictionless Data Package (`datapackage.json`, specification v1).
//!
//! Every file of the bundle is a resource with its bytes, SHA-256, licences and sources.
//! The app's observation files are columnar JSON, which no data tool reads as a table,
//! so the package also carries the same figures as CSV tables with a Table Schema each
//! (`tables/`): observations (one row per place, series and year, with its source and
//! any doubt), the sources, the series (with units, direction and thresholds), the
//! places and the countries, joined by foreign keys. The tables are written from the
//! bundle's own files, so they cannot say anything the app does not.

use std::path::Path;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use sdg_core::i18n::Lang;
use sdg_core::model::{
    BundleVersion, Framework, Gazetteer, Manifest, ObservationTable, PackKind, PlaceKind,
};

use crate::version::hex;

/// The package file's name, beside `manifest.json`.
pub const FILE: &str = "datapackage.json";
/// The folder of the CSV tables.
const TABLES: &str = "tables";

/// Licences the packs name, as Open Definition identifiers with their texts' addresses.
/// A pack's free-text licence is matched by the phrase in the first column.
const LICENCES: [(&str, &str, &str); 10] = [
    (
        "CC BY-NC-SA 3.0 IGO",
        "CC-BY-NC-SA-3.0-IGO",
        "https://creativecommons.org/licenses/by-nc-sa/3.0/igo/",
    ),
    (
        "CC BY 3.0 IGO",
        "CC-BY-3.0-IGO",
        "https://creativecommons.org/licenses/by/3.0/igo/",
    ),
    (
        "CC BY 4.0",
        "CC-BY-4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    (
        "ODbL 1.0",
        "ODbL-1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
    (
        "Open Government Licence v3.0",
        "OGL-UK-3.0",
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    ),
    (
        "KOGL Type 1",
        "KOGL-Type-1",
        "https://www.kogl.or.kr/info/licenseType1.do",
    ),
    ("MIT", "MIT", "https://opensource.org/licenses/MIT"),
    ("ISC", "ISC", "https://opensource.org/licenses/ISC"),
    ("Public domain", "other-pd", ""),
    ("UN SDG Global Database terms", "other-at", ""),
];

/// Stamps the bundle's version into its manifest (keeping `recorded`'s day if the
/// content is unchanged), then writes the package: the step after every change to a
/// bundle's pack files.
pub fn finish(dir: &Path, recorded: Option<BundleVersion>) -> Result<(), String> {
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("manifest.json: {e}"))?;
    let mut manifest: Manifest =
        serde_json::from_str(&text).map_err(|e| format!("manifest.json: {e}"))?;
    let hash = crate::version::content_hash(dir, &manifest)?;
    manifest.version = Some(crate::version::decide(
        hash,
        recorded,
        crate::version::today,
    ));
    let text = serde_json::to_string(&manifest).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| format!("manifest.json: {e}"))?;
    write(dir)
}

/// Writes the CSV tables and `datapackage.json` into a bundle folder whose manifest
/// (with its version) is written.
pub fn write(dir: &Path) -> Result<(), String> {
    let (bundle, manifest, problems) = crate::validate::load_dir(dir)?;
    let manifest = manifest.ok_or_else(|| problems.join("\n"))?;
    let version = manifest
        .version
        .clone()
        .ok_or("manifest.json has no version: write it before the package")?;
    let framework = bundle.framework.as_ref().ok_or("no framework")?;
    let gazetteer = &bundle.gazetteer;
    std::fs::create_dir_all(dir.join(TABLES)).map_err(|e| format!("{TABLES}: {e}"))?;
    let mut resources = Vec::new();
    for (name, text, schema, title) in tables(dir, &manifest, framework, gazetteer)? {
        let path = format!("{TABLES}/{name}.csv");
        std::fs::write(dir.join(&path), &text).map_err(|e| format!("{path}: {e}"))?;
        resources.push(json!({
            "profile": "tabular-data-resource",
            "name": name,
            "path": path,
            "title": title,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": text.len(),
            "hash": format!("sha256:{}", sha256(text.as_bytes())),
            "schema": schema,
            // Said, not left to sniffing: RFC 4180 with a header row.
            "dialect": {
                "delimiter": ",",
                "doubleQuote": true,
                "quoteChar": "\"",
                "lineTerminator": "\n",
                "header": true
            },
            "licenses": licences_of(&manifest, None),
        }));
    }
    resources.extend(json_resources(dir, &manifest)?);
    let package = descriptor(&manifest, &version, resources);
    let text = serde_json::to_string_pretty(&package).map_err(|e| e.to_string())? + "\n";
    std::fs::write(dir.join(FILE), text).map_err(|e| format!("{FILE}: {e}"))
}

/// The package descriptor around its resources.
fn descriptor(manifest: &Manifest, version: &BundleVersion, resources: Vec<Value>) -> Value {
    let mut sources: Vec<Value> = Vec::new();
    for pack in &manifest.packs {
        let source = json!({ "title": pack.source });
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    json!({
        "profile": "data-package",
        "name": "urban-sdg-explorer-data",
        "title": "Urban SDG Explorer: cities' progress on SDG 11 (data bundle)",
        "description": "The data the Urban SDG Explorer app shows: the Goal 11 framework, \
            places, countries, city and country series, boundaries and cities' own actions, \
            converted from the sources listed (each resource names its own) by the project's \
            data tool, `datagen`. The app reads the JSON files; the CSV tables in `tables/` \
            hold the same figures for any data tool. Licences differ by resource: read each.",
        "version": version.label(),
        "created": format!("{}T00:00:00Z", version.date),
        "keywords": ["SDG 11", "sustainable cities", "Asia-Pacific", "Korea", "air quality", "urban"],
        "licenses": licences_of(manifest, None),
        "sources": sources,
        "resources": resources,
    })
}

/// The Open Definition licences a pack names (or, with `None`, every pack): its free
/// text is kept as the title, so nothing the pack says is lost.
fn licences_of(manifest: &Manifest, pack: Option<&str>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for p in manifest
        .packs
        .iter()
        .filter(|p| pack.is_none_or(|id| id == p.id))
    {
        let mut rest = p.licence.clone();
        for (phrase, name, url) in LICENCES {
            if !rest.contains(phrase) {
                continue;
            }
            // Longer phrases come first, so "CC BY 3.0 IGO" is not also read as a
            // shorter one inside it.
            rest = rest.replace(phrase, "");
            let mut licence = json!({ "name": name, "title": phrase });
            if !url.is_empty() {
                licence["path"] = json!(url);
            }
            if !out.contains(&licence) {
                out.push(licence);
            }
        }
    }
    out
}

/// One resource per JSON file of the bundle, with its pack's licence, attribution and
/// source; files outside the packs (the manifest, the landing map, the kiosk's
/// settings, every official translation) under the project's own description.
fn json_resources(dir: &Path, manifest: &Manifest) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    let mut in_packs = std::collections::BTreeSet::new();
    for pack in &manifest.packs {
        for file in &pack.files {
            in_packs.insert(file.path.clone());
            let mut r = file_resource(dir, &file.path)?;
            r["title"] = json!(format!("{}: {}", pack.title, file.path));
            r["description"] = json!(pack.attribution);
            r["sources"] = json!([{ "title": pack.source }]);
            r["licenses"] = json!(licences_of(manifest, Some(&pack.id)));
            out.push(r);
        }
    }
    for (path, what) in [
        (
            "manifest.json",
            "The list of packs the app may load, with the data's version",
        ),
        (
            "landing.json",
            "The landing page's map, computed from the bundle at build time",
        ),
        (
            "kiosk.json",
            "A kiosk's settings, to be edited on the kiosk's copy",
        ),
        (
            "framework-all-languages.json",
            "Goal 11's targets and indicators in every language of the official framework",
        ),
    ] {
        if in_packs.contains(path) || !dir.join(path).exists() {
            continue;
        }
        let mut r = file_resource(dir, path)?;
        r["title"] = json!(path);
        r["description"] = json!(what);
        out.push(r);
    }
    Ok(out)
}

/// A JSON file as a (non-tabular) data resource: name, path, format, bytes and hash.
fn file_resource(dir: &Path, path: &str) -> Result<Value, String> {
    let bytes = std::fs::read(dir.join(path)).map_err(|e| format!("{path}: {e}"))?;
    Ok(json!({
        "profile": "data-resource",
        "name": resource_name(path),
        "path": path,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "bytes": bytes.len(),
        "hash": format!("sha256:{}", sha256(&bytes)),
    }))
}

/// A resource name from a path: lower case, `/` and other characters as `-`, `.json` dropped.
fn resource_name(path: &str) -> String {
    let stem = path.strip_suffix(".json").unwrap_or(path);
    stem.chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-' | '_' | '.') => c,
            _ => '-',
        })
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A CSV table: its name, text, Table Schema and title.
type Table = (&'static str, String, Value, &'static str);

/// A table whose header row is its schema's field names, in order: each column is
/// declared once, in the schema, and every row gives its cells in that order.
fn table(
    name: &'static str,
    title: &'static str,
    schema: Value,
    rows: Vec<Vec<String>>,
) -> Result<Table, String> {
    let header: Vec<String> = schema["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .filter_map(|f| f["name"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if let Some(row) = rows.iter().find(|r| r.len() != header.len()) {
        return Err(format!(
            "{name}: a row of {} cells for {} columns",
            row.len(),
            header.len()
        ));
    }
    let text = csv_text(std::iter::once(header).chain(rows))?;
    Ok((name, text, schema, title))
}

/// The five CSV tables.
fn tables(
    dir: &Path,
    manifest: &Manifest,
    framework: &Framework,
    gazetteer: &Gazetteer,
) -> Result<Vec<Table>, String> {
    let (observations, sources) = observation_tables(dir, manifest)?;
    Ok(vec![
        observations,
        sources,
        series_table(framework)?,
        places_table(gazetteer)?,
        countries_table(gazetteer)?,
    ])
}

/// A Table Schema field.
fn field(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "type": kind, "description": description })
}

/// Adds `required` to a field.
fn required(mut f: Value) -> Value {
    f["constraints"] = json!({ "required": true });
    f
}

/// Every observation of every pack, and the sources they cite.
fn observation_tables(dir: &Path, manifest: &Manifest) -> Result<(Table, Table), String> {
    let mut obs = Vec::new();
    let mut src = Vec::new();
    let mut next_source = 0u32;
    for pack in manifest
        .packs
        .iter()
        .filter(|p| p.kind == PackKind::Observations)
    {
        for file in &pack.files {
            let text = std::fs::read_to_string(dir.join(&file.path))
                .map_err(|e| format!("{}: {e}", file.path))?;
            let table: ObservationTable =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.path))?;
            let first = next_source;
            for s in &table.sources {
                src.push(vec![
                    next_source.to_string(),
                    pack.id.clone(),
                    file.path.clone(),
                    s.clone(),
                ]);
                next_source += 1;
            }
            let kind = match table.place_kind {
                PlaceKind::City => "city",
                PlaceKind::Country => "country",
            };
            for i in 0..table.places.len() {
                let (place, year) = (&table.places[i], table.years[i]);
                let doubt = table
                    .doubts
                    .iter()
                    .find(|d| d.year == year && &d.place == place)
                    .map(|d| d.reason.clone())
                    .unwrap_or_default();
                obs.push(vec![
                    pack.id.clone(),
                    table.series.clone(),
                    place.clone(),
                    kind.into(),
                    year.to_string(),
                    table.values[i].to_string(),
                    (first + u32::from(table.source[i])).to_string(),
                    doubt,
                ]);
            }
        }
    }
    let obs_schema = json!({
        "fields": [
            required(field("pack", "string", "The pack (source) the figure comes from, as in manifest.json")),
            required(field("series", "string", "The series, see the series table (its unit is the value's)")),
            required(field("place", "string", "A place id of the places table, or a country's ISO3 when place_kind is country")),
            {
                "name": "place_kind", "type": "string",
                "description": "Whether the figure is a city's or a country's (a national figure is never a city's)",
                "constraints": { "required": true, "enum": ["city", "country"] }
            },
            required(field("year", "integer", "The year the figure refers to")),
            required(field("value", "number", "The figure, in the series' unit")),
            required(field("source", "integer", "The source of the figure, an id of the sources table")),
            field("doubt", "string", "Why the figure is doubted, if the data tool's plausibility checks flag it (empty otherwise)"),
        ],
        "foreignKeys": [
            { "fields": "series", "reference": { "resource": "series", "fields": "id" } },
            { "fields": "source", "reference": { "resource": "sources", "fields": "id" } },
        ],
    });
    let src_schema = json!({
        "fields": [
            required(field("id", "integer", "The source's id")),
            required(field("pack", "string", "The pack of the figures citing it")),
            required(field("file", "string", "The bundle file of those figures")),
            required(field("text", "string", "The source, as cited beside each figure in the app")),
        ],
        "primaryKey": "id",
    });
    Ok((
        table(
            "observations",
            "Every figure of every series (cities' and countries')",
            obs_schema,
            obs,
        )?,
        table("sources", "The sources the figures cite", src_schema, src)?,
    ))
}

/// The framework's series: what each measures, in which unit, which way is good and
/// the sourced thresholds that judge it.
fn series_table(framework: &Framework) -> Result<Table, String> {
    let mut rows = Vec::new();
    let bound = |f: Option<f64>| f.map(|v| v.to_string()).unwrap_or_default();
    for s in &framework.series {
        let t = s.thresholds.as_ref();
        let direction = serde_json::to_value(s.direction)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        rows.push(vec![
            s.id.clone(),
            s.indicator.clone(),
            framework.series_target(s).unwrap_or_default().to_string(),
            s.title(Lang::En).to_string(),
            s.unit.clone(),
            direction,
            bound(t.map(|t| t.green)),
            bound(t.map(|t| t.yellow)),
            bound(t.map(|t| t.orange)),
            t.map(|t| t.source.clone()).unwrap_or_default(),
        ]);
    }
    let schema = json!({
        "fields": [
            required(field("id", "string", "The series' id")),
            required(field("indicator", "string", "The official SDG indicator it informs")),
            field("target", "string", "The Goal 11 target of that indicator"),
            required(field("title", "string", "What is measured (English)")),
            required(field("unit", "string", "The unit of its values")),
            {
                "name": "direction", "type": "string",
                "description": "Which way is good",
                "constraints": { "required": true, "enum": ["higher-is-better", "lower-is-better", "neutral"] }
            },
            field("green", "number", "Bound of green (the goal reached), if the series is judged"),
            field("yellow", "number", "Bound of yellow"),
            field("orange", "number", "Bound of orange; beyond it, red"),
            field("thresholds_source", "string", "The cited source of the bounds"),
        ],
        "primaryKey": "id",
    });
    table(
        "series",
        "The series: units, direction and thresholds",
        schema,
        rows,
    )
}

/// The places the figures and actions name.
fn places_table(gazetteer: &Gazetteer) -> Result<Table, String> {
    let mut rows = Vec::new();
    let num = |f: Option<f64>| f.map(|v| v.to_string()).unwrap_or_default();
    for c in &gazetteer.cities {
        let level = serde_json::to_value(c.level)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        rows.push(vec![
            c.id.clone(),
            c.name(Lang::En).to_string(),
            c.country.clone(),
            num(c.lat),
            num(c.lon),
            c.population.map(|p| p.to_string()).unwrap_or_default(),
            level,
            c.parent.clone().unwrap_or_default(),
        ]);
    }
    let schema = json!({
        "fields": [
            required(field("id", "string", "The place's id (gn- ids are GeoNames ids)")),
            required(field("name", "string", "Its name (English or romanised)")),
            required(field("country", "string", "ISO3 of its country, see the countries table")),
            field("lat", "number", "Latitude (WGS 84); empty when the place could not be located with certainty"),
            field("lon", "number", "Longitude (WGS 84); empty when not located"),
            field("population", "integer", "Population as the gazetteer gives it"),
            required(field("level", "string", "Administrative level")),
            field("parent", "string", "The id of the place it lies in, if given"),
        ],
        "primaryKey": "id",
        "foreignKeys": [
            { "fields": "country", "reference": { "resource": "countries", "fields": "iso3" } },
        ],
    });
    table("places", "Cities and local governments", schema, rows)
}

/// The countries and territories, with their UN ESCAP subregions.
fn countries_table(gazetteer: &Gazetteer) -> Result<Table, String> {
    let mut rows = Vec::new();
    for c in &gazetteer.countries {
        rows.push(vec![
            c.iso3.clone(),
            c.numeric.clone().unwrap_or_default(),
            c.name(Lang::En).to_string(),
            c.region.clone(),
            c.subregion.clone(),
            c.asia_pacific.to_string(),
        ]);
    }
    let schema = json!({
        "fields": [
            required(field("iso3", "string", "ISO 3166-1 alpha-3 code")),
            field("numeric", "string", "ISO 3166-1 numeric code"),
            required(field("name", "string", "English name")),
            required(field("region", "string", "Continent-level region")),
            field("subregion", "string", "Subregion (UN ESCAP's in Asia and the Pacific); empty for Antarctica"),
            required(field("asia_pacific", "boolean", "Whether it is an ESCAP member or associate in Asia and the Pacific")),
        ],
        "primaryKey": "iso3",
    });
    table("countries", "Countries and territories", schema, rows)
}

/// The rows as CSV text; `csv` quotes what needs quoting. Plain RFC 4180 with LF line
/// ends and no byte-order mark, as the package's dialect says: these tables are for
/// data tools, to which a BOM is a stray character in the first column's name. The
/// app's own CSV downloads (`sdg_core::export`) are for spreadsheets, so they differ
/// on purpose: a BOM (Excel reads UTF-8 only with it) and CRLF.
fn csv_text(rows: impl IntoIterator<Item = Vec<String>>) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(&row).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Checks a bundle's `datapackage.json` against the bundle: it parses, carries the
/// manifest's version, lists every data file of the bundle, and each resource's bytes,
/// hash and (for a table) header match its file. Returns every problem (empty = valid).
pub fn check(dir: &Path) -> Vec<String> {
    let text = match std::fs::read_to_string(dir.join(FILE)) {
        Ok(t) => t,
        Err(e) => return vec![format!("{FILE}: cannot be read: {e} (run `make data`)")],
    };
    let package: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return vec![format!("{FILE}: not JSON: {e}")],
    };
    let mut problems = Vec::new();
    let manifest_version = crate::version::recorded(dir).map(|v| v.label());
    if package["version"].as_str().map(String::from) != manifest_version {
        problems.push(format!(
            "{FILE}: version {} is not the manifest's {}",
            package["version"],
            manifest_version.unwrap_or_else(|| "(none)".into())
        ));
    }
    let resources = package["resources"].as_array().cloned().unwrap_or_default();
    let mut listed = std::collections::BTreeSet::new();
    for r in &resources {
        let Some(path) = r["path"].as_str() else {
            problems.push(format!("{FILE}: resource {} has no path", r["name"]));
            continue;
        };
        listed.insert(path.to_string());
        problems.extend(check_resource(dir, path, r));
    }
    for file in bundle_files(dir) {
        if !listed.contains(&file) {
            problems.push(format!(
                "{FILE}: `{file}` is in the bundle but not in the package"
            ));
        }
    }
    problems
}

/// One resource against its file.
fn check_resource(dir: &Path, path: &str, r: &Value) -> Vec<String> {
    if !sdg_core::load::is_safe_relative_path(path) {
        return vec![format!("{FILE}: unsafe path `{path}`")];
    }
    let bytes = match std::fs::read(dir.join(path)) {
        Ok(b) => b,
        Err(e) => return vec![format!("{FILE}: `{path}` cannot be read: {e}")],
    };
    let mut problems = Vec::new();
    if r["bytes"].as_u64() != Some(bytes.len() as u64) {
        problems.push(format!(
            "{FILE}: `{path}` has {} bytes, the package says {}",
            bytes.len(),
            r["bytes"]
        ));
    }
    if r["hash"].as_str() != Some(&format!("sha256:{}", sha256(&bytes))) {
        problems.push(format!("{FILE}: `{path}` does not match its hash"));
    }
    if let Some(fields) = r["schema"]["fields"].as_array() {
        let names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
        let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
        if String::from_utf8_lossy(header).trim_end() != names.join(",") {
            problems.push(format!(
                "{FILE}: `{path}`'s header is not its schema's fields ({})",
                names.join(",")
            ));
        }
    }
    problems
}

/// The bundle's data files: every file but the package itself and the build report.
fn bundle_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel != FILE && !rel.ends_with(".md") {
                    out.push(rel);
                }
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_follow_the_specification_pattern() {
        assert_eq!(resource_name("obs/who-aap/pm25.json"), "obs-who-aap-pm25");
        assert_eq!(resource_name("geo/World 50m.JSON"), "geo-world-50m.json");
        let ok = |n: &str| {
            n.chars()
                .all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_' | '.' | '/'))
        };
        assert!(ok(&resource_name("Ünïcode/파일.json")));
    }

    #[test]
    fn a_pack_licence_becomes_open_definition_ids_keeping_its_words() {
        let mut m = sdg_core::model::Manifest {
            schema: 1,
            packs: Vec::new(),
            coverage: Vec::new(),
            actions: None,
            version: None,
        };
        let pack = |id: &str, licence: &str| sdg_core::model::PackInfo {
            id: id.into(),
            title: id.into(),
            licence: licence.into(),
            attribution: "a".into(),
            source: "s".into(),
            kind: PackKind::Observations,
            files: Vec::new(),
        };
        m.packs.push(pack(
            "who",
            "© WHO, non-commercial use (CC BY-NC-SA 3.0 IGO)",
        ));
        m.packs.push(pack("wup", "CC BY 3.0 IGO"));
        m.packs.push(pack("unknown", "ask the author"));
        let names = |l: Vec<Value>| -> Vec<String> {
            l.iter()
                .map(|x| x["name"].as_str().unwrap().to_string())
                .collect()
        };
        // The longer phrase is not also read as a shorter one inside it.
        assert_eq!(names(licences_of(&m, Some("who"))), ["CC-BY-NC-SA-3.0-IGO"]);
        assert_eq!(names(licences_of(&m, Some("wup"))), ["CC-BY-3.0-IGO"]);
        assert!(licences_of(&m, Some("unknown")).is_empty());
        assert_eq!(licences_of(&m, None).len(), 2);
    }

    #[test]
    fn the_check_finds_a_changed_file_a_missing_one_and_a_stale_version() {
        let dir = std::env::temp_dir().join(format!("datagen-package-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("tables")).unwrap();
        let manifest =
            r#"{"schema":1,"packs":[],"version":{"date":"2026-12-06","hash":"0123456789ab"}}"#;
        std::fs::write(dir.join("manifest.json"), manifest).unwrap();
        std::fs::write(dir.join("tables/t.csv"), "a,b\n1,2\n").unwrap();
        let mut package = json!({
            "version": "2026-12-06 (0123456789ab)",
            "resources": [
                file_resource(&dir, "manifest.json").unwrap(),
                {
                    "name": "t", "path": "tables/t.csv", "bytes": 8,
                    "hash": format!("sha256:{}", sha256(b"a,b\n1,2\n")),
                    "schema": { "fields": [{ "name": "a" }, { "name": "b" }] }
                }
            ]
        });
        std::fs::write(dir.join(FILE), package.to_string()).unwrap();
        assert!(check(&dir).is_empty(), "{:?}", check(&dir));
        std::fs::write(dir.join("tables/t.csv"), "a,c\n1,2\n").unwrap();
        let problems = check(&dir).join("\n");
        assert!(problems.contains("does not match its hash"), "{problems}");
        assert!(
            problems.contains("header is not its schema's fields"),
            "{problems}"
        );
        std::fs::write(dir.join("extra.json"), "{}").unwrap();
        package["version"] = json!("2026-01-01 (0123456789ab)");
        std::fs::write(dir.join(FILE), package.to_string()).unwrap();
        let problems = check(&dir).join("\n");
        assert!(
            problems.contains("`extra.json` is in the bundle but not in the package"),
            "{problems}"
        );
        assert!(
            problems.contains("is not the manifest's 2026-12-06 (0123456789ab)"),
            "{problems}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
