//! `datagen synthetic`: a large, clearly labelled SYNTHETIC bundle for benchmarks
//! (never shipped, never shown as real): N cities × S series × Y years, with the real
//! framework's indicators and the real country list so that every view works on it.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use sdg_core::model::{
    AdminLevel, City, Direction, Framework, Manifest, ObservationTable, PackFile, PackInfo,
    PackKind, PlaceKind, Series, SeriesCoverage, Thresholds, SCHEMA_VERSION,
};

use crate::collect::round_sig;
use sdg_core::model::Localized;

/// Deterministic xorshift generator: the same bundle every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

const LABEL: &str = "SYNTHETIC benchmark data: invented values, not real";

fn write<T: serde::Serialize>(out: &Path, rel: &str, value: &T) -> Result<PackFile, String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(PackFile::new(rel, text.len() as u64))
}

fn pack(id: &str, kind: PackKind, files: Vec<PackFile>) -> PackInfo {
    PackInfo {
        id: id.into(),
        title: format!("{LABEL} ({id})"),
        licence: "none (synthetic)".into(),
        attribution: LABEL.into(),
        source: "datagen synthetic".into(),
        kind,
        files,
    }
}

/// Synthetic series `k` (labelled as not real), alternating higher- and
/// lower-is-better with thresholds, over the real framework's indicators.
fn synthetic_series(k: usize, indicators: &[String]) -> Series {
    Series {
        id: format!("syn-{k:02}"),
        indicator: indicators[k % indicators.len()].clone(),
        title: Localized::new(format!("Synthetic series {k:02} (not real)"))
            .with("ko", format!("합성 계열 {k:02} (실제 아님)")),
        unit: "%".into(),
        direction: if k.is_multiple_of(2) {
            Direction::HigherIsBetter
        } else {
            Direction::LowerIsBetter
        },
        thresholds: Some(if k.is_multiple_of(2) {
            Thresholds {
                green: 80.0,
                yellow: 60.0,
                orange: 40.0,
                source: LABEL.into(),
            }
        } else {
            Thresholds {
                green: 20.0,
                yellow: 40.0,
                orange: 60.0,
                source: LABEL.into(),
            }
        }),
        proxy_note: Some(LABEL.into()),
    }
}

/// Writes a synthetic bundle into `out`, reusing the real framework, countries and
/// boundaries from `real` (a built `data/`).
pub fn build(
    real: &Path,
    out: &Path,
    cities: usize,
    series: usize,
    years: usize,
) -> Result<String, String> {
    let read = |rel: &str| fs::read_to_string(real.join(rel)).map_err(|e| format!("{rel}: {e}"));
    let mut framework: Framework =
        serde_json::from_str(&read("framework.json")?).map_err(|e| e.to_string())?;
    let countries: Vec<sdg_core::model::Country> =
        serde_json::from_str(&read("countries.json")?).map_err(|e| e.to_string())?;
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| e.to_string())?;
    }
    let mut rng = Rng(0x5eed_2030);
    let indicators: Vec<String> = framework
        .indicators
        .iter()
        .map(|i| i.code.clone())
        .collect();
    framework.series = (0..series)
        .map(|k| synthetic_series(k, &indicators))
        .collect();
    let places: Vec<City> = (0..cities)
        .map(|i| {
            let country =
                &countries[(rng.next() * countries.len() as f64) as usize % countries.len()];
            City {
                id: format!("syn-{i:05}"),
                name: Localized::new(format!("Synthetic city {i:05}"))
                    .with_some("ko", Some(format!("합성 도시 {i:05}"))),
                country: country.iso3.clone(),
                lat: Some(((rng.next() * 130.0 - 55.0) * 1e4).round() / 1e4),
                lon: Some(((rng.next() * 360.0 - 180.0) * 1e4).round() / 1e4),
                population: Some((10f64.powf(4.0 + rng.next() * 3.5)) as u64),
                level: AdminLevel::City,
                parent: None,
            }
        })
        .collect();
    let mut files: BTreeMap<&str, Vec<PackFile>> = BTreeMap::new();
    files
        .entry("framework")
        .or_default()
        .push(write(out, "framework.json", &framework)?);
    files
        .entry("countries")
        .or_default()
        .push(write(out, "countries.json", &countries)?);
    files
        .entry("places")
        .or_default()
        .push(write(out, "cities.json", &places)?);
    let mut coverage = Vec::new();
    for s in &framework.series {
        let mut table = ObservationTable {
            series: s.id.clone(),
            unit: s.unit.clone(),
            place_kind: PlaceKind::City,
            sources: vec![LABEL.into()],
            places: Vec::with_capacity(cities * years),
            years: Vec::with_capacity(cities * years),
            values: Vec::with_capacity(cities * years),
            source: Vec::with_capacity(cities * years),
            doubts: Vec::new(),
        };
        for c in &places {
            let base = rng.next() * 100.0;
            let slope = rng.next() * 4.0 - 2.0;
            for y in 0..years {
                table.places.push(c.id.clone());
                table.years.push(2004 + y as i32);
                table
                    .values
                    .push(round_sig((base + slope * y as f64).clamp(0.0, 100.0)));
                table.source.push(0);
            }
        }
        let mut f = write(out, &format!("obs/synthetic/{}.json", s.id), &table)?;
        f.series = Some(s.id.clone());
        f.place_kind = Some(PlaceKind::City);
        f.rows = Some(table.len() as u32);
        f.places = Some(cities as u32);
        f.years = Some((2004, 2004 + years as i32 - 1));
        files.entry("observations").or_default().push(f);
        coverage.push(SeriesCoverage {
            series: s.id.clone(),
            cities: cities as u32,
            countries: countries.len() as u32,
            years: (2004, 2004 + years as i32 - 1),
        });
    }
    for geo in [
        "geo/world-110m.json",
        "geo/world-50m.json",
        "geo/kr-provinces.json",
        "geo/kr-municipalities.json",
    ] {
        let text = read(geo)?;
        let path = out.join(geo);
        fs::create_dir_all(path.parent().expect("geo/ has a parent")).map_err(|e| e.to_string())?;
        fs::write(&path, &text).map_err(|e| e.to_string())?;
        files
            .entry("boundaries")
            .or_default()
            .push(PackFile::new(geo, text.len() as u64));
    }
    let mut take = |k: &str| files.remove(k).unwrap_or_default();
    let manifest = Manifest {
        version: None,
        schema: SCHEMA_VERSION,
        packs: vec![
            pack("framework", PackKind::Framework, take("framework")),
            pack("countries", PackKind::Countries, take("countries")),
            pack("places", PackKind::Places, take("places")),
            pack("synthetic", PackKind::Observations, take("observations")),
            pack("boundaries", PackKind::Boundaries, take("boundaries")),
        ],
        coverage,
        actions: None,
    };
    write(out, "manifest.json", &manifest)?;
    crate::validate::write_landing(out)?;
    Ok(format!(
        "{}: {cities} synthetic cities × {series} series × {years} years = {} observations ({LABEL})",
        out.display(),
        cities * series * years
    ))
}
