//! The landing page's map, computed once at build time: every Asia-Pacific city's
//! latest value of the headline series as a status, projected into the Asia-Pacific
//! map frame, with the count of cities in each status and the land drawn under them.
//!
//! The first view cannot afford the gazetteer, the series' tables and the world
//! boundaries (several hundred kilobytes) before it responds, so `datagen` writes this
//! scene to `landing.json` (a few dozen kilobytes) with the same core rules the map
//! view uses ([`crate::query::select`], [`crate::assess::status`],
//! [`super::map::preset_viewport`]); the app only draws it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::assess::Status;
use crate::bundle::Bundle;
use crate::geo::{Topology, Viewport};
use crate::model::{Manifest, Series};
use crate::query::{select, Filter, Region, SeriesTables};
use crate::resolve::{DEFAULT_SERIES, WORLD};
use crate::scene::map::{preset_viewport, HEIGHT, WIDTH};

/// The file, relative to `data/`.
pub const FILE: &str = "landing.json";
/// The region the landing map shows: the hub's own cities come first.
pub const REGION: Region = Region::AsiaPacific;
/// The statuses a landing map can count, in drawing order (the worst drawn last, on
/// top, where it catches the eye).
const COUNTED: [Status; 5] = [
    Status::ASSESSED[0],
    Status::ASSESSED[1],
    Status::ASSESSED[2],
    Status::ASSESSED[3],
    Status::NotAssessed,
];

/// The cities of one status on the landing map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusDots {
    /// The status.
    pub status: Status,
    /// How many cities of the region have their latest value in this status.
    pub cities: u32,
    /// Their positions in map units, `x, y, x, y, …`, rounded to whole units; cities
    /// that fall on the same unit are drawn once.
    pub xy: Vec<i16>,
}

/// The landing map's scene.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Landing {
    /// The headline series.
    pub series: String,
    /// The region's key (see [`Region::key`]).
    pub region: String,
    /// The oldest and newest of the latest years counted.
    pub years: (i32, i32),
    /// Cities per status, with their dots.
    pub dots: Vec<StatusDots>,
    /// The countries in the frame, as one SVG path in map units.
    pub land: String,
    /// The packs the values come from, in manifest order.
    pub packs: Vec<String>,
}

impl Landing {
    /// Reads `landing.json`: a clear message naming the file when it cannot be used.
    pub fn parse(file: &str, text: &str) -> Result<Landing, String> {
        let landing: Landing =
            serde_json::from_str(text).map_err(|e| format!("{file}: not a landing map: {e}"))?;
        if landing.dots.iter().any(|d| d.xy.len() % 2 != 0) {
            return Err(format!("{file}: dots: an odd number of coordinates"));
        }
        Ok(landing)
    }

    /// Every city counted.
    pub fn total(&self) -> u32 {
        self.dots.iter().map(|d| d.cities).sum()
    }

    /// Cities in a status (0 when none).
    pub fn count(&self, status: Status) -> u32 {
        self.dots
            .iter()
            .find(|d| d.status == status)
            .map_or(0, |d| d.cities)
    }

    /// The map frame's size in map units (the SVG viewBox).
    pub fn frame() -> (f64, f64) {
        (WIDTH, HEIGHT)
    }
}

/// The headline series: the default series when the framework has it, else the first.
pub fn headline(bundle: &Bundle) -> Option<&Series> {
    let fw = bundle.framework.as_ref()?;
    fw.series(DEFAULT_SERIES).or_else(|| fw.series.first())
}

/// Builds the landing scene from a fully loaded bundle (`None` without a framework,
/// places or headline values).
pub fn build(bundle: &Bundle, manifest: &Manifest) -> Option<Landing> {
    let series = headline(bundle)?;
    let tables = SeriesTables::merge(bundle, manifest, &series.id);
    let (table, index) = tables.city()?;
    let filter = Filter {
        region: REGION,
        ..Filter::default()
    };
    let view = preset_viewport(REGION);
    let selected = select(
        &bundle.gazetteer,
        &filter,
        Some((series, table, index)),
        &tables.local,
        None,
    );
    let mut years: Option<(i32, i32)> = None;
    let mut dots: Vec<StatusDots> = COUNTED
        .iter()
        .map(|&status| StatusDots {
            status,
            cities: 0,
            xy: Vec::new(),
        })
        .collect();
    let mut seen = BTreeSet::new();
    for s in &selected {
        let Some(latest) = s.latest else { continue };
        let Some(slot) = dots.iter_mut().find(|d| d.status == s.status) else {
            continue;
        };
        slot.cities += 1;
        years = Some(years.map_or((latest.year, latest.year), |(a, b)| {
            (a.min(latest.year), b.max(latest.year))
        }));
        // A settlement whose location is unknown is counted but never drawn.
        let Some((lat, lon)) = s.city.location() else {
            continue;
        };
        let (x, y) = view.project(lon, lat);
        let (x, y) = (x.round(), y.round());
        if !(0.0..=WIDTH).contains(&x) || !(0.0..=HEIGHT).contains(&y) {
            continue;
        }
        let (x, y) = (x as i16, y as i16);
        if seen.insert((s.status, x, y)) {
            slot.xy.extend([x, y]);
        }
    }
    dots.retain(|d| d.cities > 0);
    let land = bundle
        .topologies
        .get(WORLD.path)
        .map(|t| land_path(t, WORLD.object, &view))
        .unwrap_or_default();
    // The packs of the values counted, in manifest order: the credit line names
    // exactly these.
    let used: BTreeSet<&str> = selected
        .iter()
        .filter_map(|s| tables.pack_of_city_row(s.latest?.row))
        .collect();
    let packs = manifest
        .packs
        .iter()
        .filter(|p| used.contains(p.id.as_str()))
        .map(|p| p.id.clone())
        .collect();
    Some(Landing {
        series: series.id.clone(),
        region: REGION.key().to_string(),
        years: years?,
        dots,
        land,
        packs,
    })
}

/// The countries of a boundary object as one SVG path in whole map units: rings are
/// simplified to a unit, and rings wholly outside the frame are left out.
pub fn land_path(topology: &Topology, object: &str, view: &Viewport) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for feature in topology.features(object) {
        for ring in feature.polygons.iter().flatten() {
            let projected: Vec<(f64, f64)> = ring
                .iter()
                .map(|&(lon, lat)| view.project(lon, lat))
                .collect();
            let simplified = crate::geo::simplify(&projected, 0.8);
            let Some(pts) = crate::geo::screen_ring(&simplified, 1.0, view) else {
                continue;
            };
            let (lo_x, hi_x) = min_max(pts.iter().map(|p| p.0));
            let (lo_y, hi_y) = min_max(pts.iter().map(|p| p.1));
            if hi_x < 0 || hi_y < 0 || lo_x > WIDTH as i64 || lo_y > HEIGHT as i64 {
                continue;
            }
            // Relative moves after the first point: shorter text for the same shape.
            let mut last = pts[0];
            let _ = write!(d, "M{} {}", last.0, last.1);
            for &(x, y) in &pts[1..] {
                let _ = write!(d, "l{} {}", x - last.0, y - last.1);
                last = (x, y);
            }
            d.push('z');
        }
    }
    d
}

fn min_max(values: impl Iterator<Item = i64>) -> (i64, i64) {
    values.fold((i64::MAX, i64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// One status's dots as SVG path data: its symbol (shape and colour, so status never
/// rests on colour alone) at every position, `r` map units in size.
pub fn dots_path(dots: &StatusDots, r: f64) -> String {
    let mut d = String::new();
    for p in dots.xy.chunks_exact(2) {
        crate::style::push_status_symbol(&mut d, dots.status, f64::from(p[0]), f64::from(p[1]), r);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::rows::fixture::{gazetteer, pm25, tables};

    /// The rows' fixture, with a city outside the region (Paris) that has a value.
    fn bundle() -> (Bundle, Manifest) {
        let mut gz = gazetteer();
        let mut france = gz.countries[0].clone();
        france.iso3 = "FRA".into();
        france.asia_pacific = false;
        gz.countries.push(france);
        let mut paris = gz.cities[0].clone();
        paris.id = "fr-1".into();
        paris.country = "FRA".into();
        paris.lon = Some(2.35);
        paris.lat = Some(48.85);
        gz.cities.insert(0, paris);
        let mut bundle = Bundle::default();
        bundle.gazetteer = gz;
        bundle.framework = Some(crate::fixtures::framework(&["11.6.2"], vec![pm25()]));
        let rows = [
            ("fr-1", 2019, 14.0),
            ("kr-11", 2015, 26.0),
            ("kr-11", 2019, 20.0),
            ("kr-21", 2019, 9.0),
            ("kr-22", 2019, 30.0),
            ("jp-1", 2019, 12.0),
        ];
        let (table, _) = tables("pm25", &rows, &[]).cities.unwrap();
        bundle.tables.insert("obs/who/pm25.json".into(), table);
        let manifest = Manifest {
            schema: crate::model::SCHEMA_VERSION,
            coverage: vec![],
            version: None,
            actions: None,
            packs: vec![crate::fixtures::pack(
                "who",
                crate::model::PackKind::Observations,
                vec![crate::fixtures::table_file(
                    "obs/who/pm25.json",
                    "pm25",
                    crate::model::PlaceKind::City,
                )],
            )],
        };
        (bundle, manifest)
    }

    #[test]
    fn counts_follow_the_statuses_of_the_map_and_only_the_region() {
        let (bundle, manifest) = bundle();
        let landing = build(&bundle, &manifest).expect("a landing map");
        let series = headline(&bundle).unwrap();
        let tables = SeriesTables::merge(&bundle, &manifest, "pm25");
        let (table, index) = tables.city().unwrap();
        // The same selection the map view makes for the Asia-Pacific preset.
        let filter = Filter {
            region: Region::AsiaPacific,
            ..Filter::default()
        };
        let expected = select(
            &bundle.gazetteer,
            &filter,
            Some((series, table, index)),
            &tables.local,
            None,
        );
        assert!(!expected.is_empty(), "the fixture has Asia-Pacific values");
        assert_eq!(landing.total() as usize, expected.len());
        for st in COUNTED {
            let n = expected.iter().filter(|s| s.status == st).count();
            assert_eq!(landing.count(st) as usize, n, "{st:?}");
        }
        let world = select(
            &bundle.gazetteer,
            &Filter::default(),
            Some((series, table, index)),
            &tables.local,
            None,
        );
        assert!(
            world.len() > expected.len(),
            "cities outside the region are left out"
        );
        assert_eq!(landing.packs, vec!["who".to_string()]);
        assert_eq!(landing.region, "asia-pacific");
    }

    #[test]
    fn each_value_knows_its_pack_through_merges_and_user_data() {
        let (mut bundle, mut manifest) = bundle();
        // A local pack listed first wins Seoul's 2019 value.
        let (local, _) = tables("pm25", &[("kr-11", 2019, 19.0)], &[])
            .cities
            .unwrap();
        bundle.tables.insert("obs/local/pm25.json".into(), local);
        manifest.packs.insert(
            0,
            crate::fixtures::pack(
                "local",
                crate::model::PackKind::Observations,
                vec![crate::fixtures::table_file(
                    "obs/local/pm25.json",
                    "pm25",
                    crate::model::PlaceKind::City,
                )],
            ),
        );
        let series = pm25();
        let merged = SeriesTables::merge(&bundle, &manifest, "pm25");
        let pack_of = |t: &SeriesTables, place: &str| {
            let (table, index) = t.city().unwrap();
            let row = index.latest(table, place, None).unwrap().row;
            t.pack_of_city_row(row).map(str::to_string)
        };
        assert_eq!(pack_of(&merged, "kr-11").as_deref(), Some("local"));
        assert_eq!(pack_of(&merged, "jp-1").as_deref(), Some("who"));
        assert_eq!(merged.packs(), vec!["local", "who"]);
        let fw = bundle.framework.clone().unwrap();
        let csv = "city,series,year,value,unit,source,local_target\r\nkr-31010,pm25,2021,19,µg/m³,Suwon air report,\r\n";
        let import = crate::userdata::import_csv(csv, "mine.csv", &fw, &bundle.gazetteer, 2025);
        assert_eq!(import.problems, vec![]);
        let mine = merged.with_user(&import.pack, &series);
        assert_eq!(
            pack_of(&mine, "kr-31010").as_deref(),
            Some(crate::query::USER_PACK)
        );
        assert_eq!(pack_of(&mine, "kr-11").as_deref(), Some("local"));
        assert_eq!(pack_of(&mine, "jp-1").as_deref(), Some("who"));
    }

    #[test]
    fn dots_are_inside_the_frame_and_round_trip_through_json() {
        let (bundle, manifest) = bundle();
        let landing = build(&bundle, &manifest).unwrap();
        for d in &landing.dots {
            for p in d.xy.chunks_exact(2) {
                assert!((0..=WIDTH as i16).contains(&p[0]) && (0..=HEIGHT as i16).contains(&p[1]));
            }
            assert!(d.xy.len() / 2 <= d.cities as usize);
        }
        let text = serde_json::to_string(&landing).unwrap();
        assert_eq!(Landing::parse(FILE, &text).unwrap(), landing);
    }

    #[test]
    fn a_broken_file_is_named() {
        let e = Landing::parse(FILE, "{\"series\":1}").unwrap_err();
        assert!(e.starts_with("landing.json: "), "{e}");
        let odd = r#"{"series":"pm25","region":"asia-pacific","years":[2010,2020],"dots":[{"status":"red","cities":1,"xy":[1]}],"land":"","packs":[]}"#;
        assert!(Landing::parse(FILE, odd).unwrap_err().contains("odd"));
    }

    #[test]
    fn dots_path_draws_one_symbol_per_position() {
        let dots = StatusDots {
            status: Status::Red,
            cities: 3,
            xy: vec![10, 20, 30, 40],
        };
        let d = dots_path(&dots, 3.0);
        assert_eq!(d.matches('M').count(), 2, "{d}");
    }

    #[test]
    fn land_outside_the_frame_is_left_out() {
        // Two squares: one over Korea, one over Antarctica, below the frame.
        let topo = r#"{"type":"Topology","arcs":[[[120,30],[130,30],[130,40],[120,40],[120,30]],[[120,-85],[130,-85],[130,-75],[120,-75],[120,-85]]],
            "objects":{"countries":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","id":"A","arcs":[[0]]},{"type":"Polygon","id":"B","arcs":[[1]]}]}}}"#;
        let t: Topology = serde_json::from_str(topo).unwrap();
        let d = land_path(&t, "countries", &preset_viewport(REGION));
        assert_eq!(d.matches('M').count(), 1, "{d}");
        assert!(d.ends_with('z'));
    }
}
