//! The gazetteer the sources are matched against: countries (world-countries), places
//! (GeoNames cities1000 from a registry package, with cities15000's newer names,
//! populations and Korean names) and Korea's local governments (KOSTAT boundaries).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sdg_core::geo::{self, Topology};
use sdg_core::model::{AdminLevel, City, Country};

use crate::counties::Counties;
use crate::geonames::{packages_dir, Gazetteer1000};
use crate::raw::{field, parse_value, Raw};
use sdg_core::model::Localized;
use sdg_core::names::{parse, Identity};

/// ESCAP's five subregions (as in ESCAP's Asia and the Pacific SDG Progress Report).
/// Associate members are placed with their neighbours.
const ESCAP_SUBREGIONS: [(&str, &[&str]); 5] = [
    (
        "East and North-East Asia",
        &["CHN", "HKG", "JPN", "KOR", "MAC", "MNG", "PRK"],
    ),
    (
        "North and Central Asia",
        &[
            "ARM", "AZE", "GEO", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB",
        ],
    ),
    (
        "Pacific",
        &[
            "ASM", "AUS", "COK", "FJI", "FSM", "GUM", "KIR", "MHL", "MNP", "NCL", "NIU", "NRU",
            "NZL", "PLW", "PNG", "PYF", "SLB", "TON", "TUV", "VUT", "WSM",
        ],
    ),
    (
        "South-East Asia",
        &[
            "BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "TLS", "VNM",
        ],
    ),
    (
        "South and South-West Asia",
        &[
            "AFG", "BGD", "BTN", "IND", "IRN", "LKA", "MDV", "NPL", "PAK", "TUR",
        ],
    ),
];

/// Coordinates to 4 decimals (about 11 m): ample for a city symbol, and short.
fn round_coord(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// A place candidates are matched against.
#[derive(Debug, Clone)]
pub struct Place {
    /// The record as it would be bundled.
    pub city: City,
    /// GeoNames' first-level division code (a US state's postal code, a Chinese
    /// province number); empty for Korean records.
    pub admin1: String,
    /// GeoNames' country code (ISO2), which its division codes begin with; empty
    /// for Korean records.
    pub iso2: String,
    /// GeoNames' feature code (`PPLA2`: seat of a second-level division); empty where
    /// unknown (Korean records, places only in cities15000).
    pub feature: String,
    /// GeoNames' second-level division (`CN.29.5325`); empty where unknown.
    pub admin2: String,
}

impl Place {
    /// A Korean local government (KOSTAT's, outside GeoNames' divisions).
    fn korean(city: City) -> Self {
        Place {
            city,
            iso2: String::new(),
            admin1: String::new(),
            feature: String::new(),
            admin2: String::new(),
        }
    }

    /// Whether the place is the seat of any division's government (down to GeoNames'
    /// fourth level: a county, a township), by its feature code or as in
    /// [`Place::is_major_seat`].
    pub fn is_seat(&self, world: &World) -> bool {
        self.is_major_seat(world) || matches!(self.feature.as_str(), "PPLA3" | "PPLA4")
    }

    /// Whether the place is the seat of a country's, a first- or a second-level
    /// division's government (not of a county or a township): by its feature code, or
    /// by being the place its own second-level division is named after (GeoNames
    /// files Baoding, seat of "Baoding Shi", as a plain `PPL`), unless GeoNames says
    /// it seats only a county or a township (the county seat Wuhu in Wuhu Shi).
    pub fn is_major_seat(&self, world: &World) -> bool {
        matches!(self.feature.as_str(), "PPLC" | "PPLA" | "PPLA2")
            || !matches!(self.feature.as_str(), "PPLA3" | "PPLA4")
                && world
                    .prefecture_stem(&self.admin2)
                    .is_some_and(|stem| stem == parse(self.city.name.en()).stem)
    }
}

/// Countries, places, and name indexes per country.
pub struct World {
    /// Countries by ISO3.
    pub countries: BTreeMap<String, Country>,
    /// ISO2 -> ISO3.
    pub iso2: HashMap<String, String>,
    /// Every English or official country name (folded) -> ISO3.
    pub country_names: HashMap<String, String>,
    /// Places by id.
    pub places: BTreeMap<String, Place>,
    /// (ISO3, identity of a name) -> place ids.
    index: HashMap<(String, Identity), Vec<String>>,
    /// Korean first-level units: KOSTAT 2-digit code -> id.
    pub kr_provinces: BTreeMap<String, String>,
    /// Korean municipalities: (province code, Korean name) -> id.
    pub kr_municipalities: HashMap<(String, String), String>,
    /// Korean municipalities whose KOSTAT English name belonged to another one, mended
    /// (for the report): "code Korean: was -> now".
    pub kr_name_fixes: Vec<String>,
    /// GeoNames' first-level division names (`CN.04` -> "Jiangsu").
    pub admin1_names: HashMap<String, String>,
    /// GeoNames' second-level division names (`CN.29.5325` -> "Honghe Hanizu Yizu
    /// Zizhizhou").
    pub admin2_names: HashMap<String, String>,
    /// Chinese prefectures by the folded stem of their name ("honghe") -> codes.
    prefectures: HashMap<String, Vec<String>>,
    /// Second-level division code -> ids of the places in it.
    in_admin2: HashMap<String, Vec<String>>,
    /// Mainland China's county-level divisions, for names GeoNames lacks (see
    /// [`crate::counties`]). Each is also in `places` under its `cn-` id, but not in
    /// the name index: only [`crate::counties::Counties::find`] places a name there.
    pub counties: Counties,
}

/// Korean boundaries as read, for the boundary pack.
pub struct KoreaShapes {
    /// Provinces and metropolitan cities.
    pub provinces: Topology,
    /// Municipalities (split cities still in their gu).
    pub municipalities: Topology,
}

impl World {
    /// Reads countries, GeoNames places and Korea's local governments.
    pub fn load(raw: &Raw) -> Result<(World, KoreaShapes), String> {
        let mut countries = BTreeMap::new();
        let mut iso2 = HashMap::new();
        let mut country_names = HashMap::new();
        for r in raw.csv("world-countries-mledoze/countries_subset.csv")? {
            let iso3 = field(&r, "cca3").to_string();
            let escap = field(&r, "escap_regional_or_associate") == "True";
            let subregion = if escap {
                ESCAP_SUBREGIONS
                    .iter()
                    .find(|(_, members)| members.contains(&iso3.as_str()))
                    .map(|(name, _)| name.to_string())
                    .ok_or_else(|| format!("ESCAP member {iso3} has no subregion"))?
            } else {
                field(&r, "subregion").to_string()
            };
            for name in [field(&r, "name_common"), field(&r, "name_official")] {
                country_names.insert(sdg_core::fold::fold(name), iso3.clone());
            }
            iso2.insert(field(&r, "cca2").to_string(), iso3.clone());
            let ko = field(&r, "name_ko");
            countries.insert(
                iso3.clone(),
                Country {
                    iso3,
                    numeric: Some(field(&r, "ccn3").to_string()).filter(|s| !s.is_empty()),
                    // Korean, Chinese and Japanese names, as the raw list gives them.
                    name: Localized::new(field(&r, "name_common"))
                        .with("ko", ko)
                        .with("zh", field(&r, "name_zh"))
                        .with("ja", field(&r, "name_ja")),
                    region: field(&r, "region").to_string(),
                    subregion,
                    asia_pacific: escap,
                },
            );
        }
        // GeoNames' own country names as extra aliases (e.g. "Vietnam").
        for r in raw.csv("geonames-cities15000/countries.csv")? {
            let iso3 = field(&r, "iso3");
            if countries.contains_key(iso3) {
                country_names
                    .entry(sdg_core::fold::fold(field(&r, "name")))
                    .or_insert_with(|| iso3.to_string());
            }
        }

        let mut world = World {
            countries,
            iso2,
            country_names,
            places: BTreeMap::new(),
            index: HashMap::new(),
            kr_provinces: BTreeMap::new(),
            kr_municipalities: HashMap::new(),
            kr_name_fixes: Vec::new(),
            admin1_names: HashMap::new(),
            admin2_names: HashMap::new(),
            prefectures: HashMap::new(),
            in_admin2: HashMap::new(),
            counties: Counties::default(),
        };
        let shapes = world.add_korea(raw)?;
        world.add_geonames(raw)?;
        world.add_counties()?;
        Ok((world, shapes))
    }

    /// Adds a place, found under each of `names`.
    fn add_place(&mut self, place: Place, names: &[&str]) {
        let id = &place.city.id;
        for name in names.iter().filter(|n| !n.is_empty()) {
            let entry = self
                .index
                .entry((place.city.country.clone(), parse(name).identity()))
                .or_default();
            if !entry.contains(id) {
                entry.push(id.clone());
            }
        }
        if !place.admin2.is_empty() {
            self.in_admin2
                .entry(place.admin2.clone())
                .or_default()
                .push(id.clone());
        }
        self.places.insert(id.clone(), place);
    }

    /// China's county-level divisions, as places outside the name index.
    fn add_counties(&mut self) -> Result<(), String> {
        self.counties = Counties::load(&packages_dir())?;
        for d in &self.counties.divisions {
            let city = City {
                id: d.id(),
                name: Localized::new(self.counties.name_en(d)).with("zh", d.name_zh.clone()),
                country: "CHN".into(),
                lat: Some(round_coord(d.lat)),
                lon: Some(round_coord(d.lon)),
                population: None,
                level: AdminLevel::City,
                parent: None,
            };
            // Two divisions with one id read alike, so `find` refuses both: which one
            // the map keeps does not matter.
            self.places.insert(
                city.id.clone(),
                Place {
                    city,
                    iso2: "CN".into(),
                    admin1: String::new(),
                    feature: "ADM3".into(),
                    admin2: String::new(),
                },
            );
        }
        Ok(())
    }

    /// The name of a place's first-level division (a Chinese province), where known.
    pub fn admin1_name(&self, place: &Place) -> Option<&str> {
        self.admin1_names
            .get(&format!("{}.{}", place.iso2, place.admin1))
            .map(String::as_str)
    }

    /// The folded stem of a Chinese prefecture's name: "Honghe Hanizu Yizu Zizhizhou"
    /// -> "honghe", "Baoding Shi" -> "baoding"; `None` for other divisions.
    pub fn prefecture_stem(&self, admin2: &str) -> Option<String> {
        if !admin2.starts_with("CN.") {
            return None;
        }
        prefecture_stem(self.admin2_names.get(admin2)?)
    }

    /// The Chinese prefectures whose name has this folded stem.
    pub fn prefectures(&self, stem: &str) -> &[String] {
        self.prefectures.get(stem).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The seat of a second-level division: the one place in it that is a `PPLA2`
    /// (or a province's or the country's capital, which seats its prefecture too), or
    /// else the one place in it named after the division, or else (where GeoNames
    /// gives its places no second-level division) the one place of the province
    /// named after it. `None` when not exactly one.
    pub fn seat_of<'w>(&'w self, admin2: &str) -> Option<&'w Place> {
        let members: Vec<&Place> = self
            .in_admin2
            .get(admin2)
            .into_iter()
            .flatten()
            .filter_map(|id| self.places.get(id))
            .collect();
        let by_feature: Vec<&Place> = members
            .iter()
            .copied()
            .filter(|p| matches!(p.feature.as_str(), "PPLC" | "PPLA" | "PPLA2"))
            .collect();
        if let [one] = by_feature.as_slice() {
            return Some(one);
        }
        let stem = self.prefecture_stem(admin2)?;
        let named = |places: Vec<&'w Place>| -> Option<&'w Place> {
            let found: Vec<&Place> = places
                .into_iter()
                .filter(|p| parse(p.city.name.en()).identity() == parse(&stem).identity())
                .collect();
            match found.as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        };
        if let Some(seat) = named(members) {
            return Some(seat);
        }
        let province = admin2.split('.').nth(1)?;
        let in_province: Vec<&Place> = self
            .candidates(&["CHN"], &parse(&stem).identity())
            .into_iter()
            .filter(|p| p.admin1 == province)
            .collect();
        let in_province: Vec<&Place> = in_province
            .into_iter()
            .filter(|p| p.admin2.is_empty() || p.admin2 == admin2)
            .collect();
        let major: Vec<&Place> = in_province
            .iter()
            .copied()
            .filter(|p| p.is_major_seat(self))
            .collect();
        match major.as_slice() {
            [one] => Some(one),
            _ => named(in_province),
        }
    }

    /// Places of these countries whose name has this identity.
    pub fn candidates(&self, countries: &[&str], identity: &Identity) -> Vec<&Place> {
        let mut out: Vec<&Place> = countries
            .iter()
            .filter_map(|c| self.index.get(&(c.to_string(), identity.clone())))
            .flatten()
            .filter_map(|id| self.places.get(id))
            .collect();
        out.sort_by(|a, b| a.city.id.cmp(&b.city.id));
        out.dedup_by(|a, b| a.city.id == b.city.id);
        out
    }

    /// GeoNames places outside Korea: every place of cities1000, with cities15000's
    /// newer name, population and Korean name where it has the place too. A place
    /// is indexed under both its names when the two dumps spell it differently
    /// (Bijapur, now Vijayapura).
    fn add_geonames(&mut self, raw: &Raw) -> Result<(), String> {
        let mut g = Gazetteer1000::load(&packages_dir())?;
        self.admin1_names = std::mem::take(&mut g.admin1_names);
        self.admin2_names = std::mem::take(&mut g.admin2_names);
        for (code, name) in &self.admin2_names {
            if let Some(stem) = code
                .starts_with("CN.")
                .then(|| prefecture_stem(name))
                .flatten()
            {
                self.prefectures.entry(stem).or_default().push(code.clone());
            }
        }
        for codes in self.prefectures.values_mut() {
            codes.sort();
        }
        let older: HashMap<u64, &crate::geonames::Place1000> =
            g.places.iter().map(|p| (p.id, p)).collect();
        let mut seen = std::collections::HashSet::new();
        for r in raw.csv("geonames-cities15000/cities15000.csv")? {
            let iso3 = field(&r, "iso3").to_string();
            // Korea's local governments come from KOSTAT, with their official names;
            // GeoNames only lends them its population figure (si and metropolitan
            // cities; gu names repeat across cities, so they are not matched).
            if iso3 == "KOR" {
                self.lend_korean_population(field(&r, "name"), field(&r, "population"));
                continue;
            }
            if !self.countries.contains_key(&iso3) {
                continue;
            }
            let (Some(lat), Some(lon)) = (
                parse_value(field(&r, "latitude")),
                parse_value(field(&r, "longitude")),
            ) else {
                continue;
            };
            let Ok(geonameid) = field(&r, "geonameid").parse::<u64>() else {
                continue;
            };
            seen.insert(geonameid);
            let old = older.get(&geonameid);
            let ko = field(&r, "name_ko_hangul");
            let city = City {
                id: format!("gn-{geonameid}"),
                name: Localized::new(field(&r, "name")).with("ko", ko),
                country: iso3,
                lat: Some(round_coord(lat)),
                lon: Some(round_coord(lon)),
                population: field(&r, "population").parse().ok().filter(|p| *p > 0),
                level: AdminLevel::City,
                parent: None,
            };
            let name = city.name.en().to_string();
            let old_name = old.map(|p| p.name.as_str()).unwrap_or_default();
            let feature = old.map(|p| p.feature.as_str()).unwrap_or_default();
            let iso2 = field(&r, "country_code");
            let admin1 = field(&r, "admin1_code");
            let admin2 = g
                .admin2_near(iso2, admin1, &name, lat, lon)
                .or_else(|| old.and_then(|p| g.admin2_near(iso2, admin1, &p.name, p.lat, p.lon)))
                .unwrap_or_default();
            let place = Place {
                city,
                iso2: iso2.to_string(),
                admin1: admin1.to_string(),
                feature: feature.to_string(),
                admin2,
            };
            self.add_place(place, &[&name, old_name]);
        }
        for p in &g.places {
            let Some(iso3) = self.iso2.get(&p.iso2).cloned() else {
                continue;
            };
            if iso3 == "KOR" || seen.contains(&p.id) || !self.countries.contains_key(&iso3) {
                continue;
            }
            let city = City {
                id: format!("gn-{}", p.id),
                name: Localized::new(p.name.clone()),
                country: iso3,
                lat: Some(round_coord(p.lat)),
                lon: Some(round_coord(p.lon)),
                population: p.population,
                level: AdminLevel::City,
                parent: None,
            };
            let admin2 = g
                .admin2_near(&p.iso2, &p.admin1, &p.name, p.lat, p.lon)
                .unwrap_or_default();
            let place = Place {
                city,
                iso2: p.iso2.clone(),
                admin1: p.admin1.clone(),
                feature: p.feature.clone(),
                admin2,
            };
            self.add_place(place, &[&p.name]);
        }
        Ok(())
    }

    fn lend_korean_population(&mut self, name: &str, population: &str) {
        let Ok(population) = population.parse::<u64>() else {
            return;
        };
        if population == 0 || name.ends_with("gu") || name.ends_with("-dong") {
            return;
        }
        let Some(id) = self.find("KOR", name).map(|c| c.id.clone()) else {
            // Not one Korean local government by that name: lend nothing.
            return;
        };
        if let Some(place) = self.places.get_mut(&id) {
            if place.city.level != AdminLevel::Province && place.city.population.is_none() {
                place.city.population = Some(population);
            }
        }
    }

    /// Korea's 17 first-level units and its municipalities, from KOSTAT's 2018
    /// boundaries. Cities split into gu (Suwon's four, ...) become one record.
    fn add_korea(&mut self, raw: &Raw) -> Result<KoreaShapes, String> {
        let provinces: Topology =
            raw.json("kostat-korea-boundaries-2018/skorea-provinces-2018-topo-simple.json")?;
        let municipalities: Topology =
            raw.json("kostat-korea-boundaries-2018/skorea-municipalities-2018-topo-simple.json")?;
        for f in provinces.features("skorea_provinces_2018_geo") {
            let code = f.prop("code").unwrap_or_default().to_string();
            let ko = f.prop("name").unwrap_or_default().to_string();
            let en = korean_english_name(f.prop("name_eng").unwrap_or_default(), &ko);
            let (lon, lat) = geo::label_point(&f.polygons)
                .ok_or_else(|| format!("province {code} has no area"))?;
            let level = if ko.ends_with('시') {
                AdminLevel::City
            } else {
                AdminLevel::Province
            };
            let id = format!("kr-{code}");
            self.kr_provinces.insert(code.clone(), id.clone());
            let city = City {
                id,
                name: Localized::new(en.clone()).with_some("ko", Some(ko.clone())),
                country: "KOR".into(),
                lat: Some(round_coord(lat)),
                lon: Some(round_coord(lon)),
                population: None,
                level,
                parent: None,
            };
            let names = [en.as_str(), f.prop("name_eng").unwrap_or_default()];
            self.add_place(Place::korean(city), &names);
        }
        // A city split into gu whose KOSTAT English name is only its first gu's
        // ("Nam-gu" for Pohang, "Uichanggu" for Changwon) takes GeoNames' English name
        // of the city, found by its Korean name.
        let mut english_of_korean: HashMap<String, String> = HashMap::new();
        for r in raw.csv("geonames-cities15000/cities15000.csv")? {
            let ko = field(&r, "name_ko_hangul");
            if field(&r, "iso3") == "KOR" && !ko.is_empty() {
                english_of_korean
                    .entry(ko.trim_end_matches('시').to_string())
                    .or_insert_with(|| field(&r, "name").to_string());
            }
        }
        let mut groups = korean_municipalities(&municipalities);
        for group in groups.iter_mut() {
            if group.members.len() > 1 && !group.name_en.ends_with("-si") {
                if let Some(en) = english_of_korean.get(group.name_ko.trim_end_matches('시')) {
                    group.name_en = format!("{en}-si");
                }
            }
        }
        self.kr_name_fixes = mend_borrowed_english_names(&mut groups, &english_of_korean);
        for group in groups {
            let province = &group.code[..2];
            let parent = self.kr_provinces.get(province).cloned();
            let id = format!("kr-{}", group.code);
            self.kr_municipalities
                .insert((province.to_string(), group.name_ko.clone()), id.clone());
            let city = City {
                id,
                name: Localized::new(group.name_en.clone()).with("ko", group.name_ko.clone()),
                country: "KOR".into(),
                lat: Some(round_coord(group.lat)),
                lon: Some(round_coord(group.lon)),
                population: None,
                level: AdminLevel::Municipality,
                parent,
            };
            self.add_place(Place::korean(city), &[&group.name_en]);
        }
        Ok(KoreaShapes {
            provinces,
            municipalities,
        })
    }

    /// The one place a plain name stands for in a country, or `None` when there is no
    /// such place or more than one (homonyms are never guessed between).
    pub fn find(&self, iso3: &str, name: &str) -> Option<&City> {
        match self.candidates(&[iso3], &parse(name).identity()).as_slice() {
            [one] => Some(&one.city),
            _ => None,
        }
    }

    /// ISO3 of a country name as a source spells it.
    pub fn country_by_name(&self, name: &str) -> Option<String> {
        self.country_names.get(&sdg_core::fold::fold(name)).cloned()
    }
}

/// Words that end a Chinese prefecture's name in GeoNames to say what kind of
/// division it is.
const PREFECTURE_WORDS: [&str; 8] = [
    "Shi",
    "Zizhizhou",
    "Diqu",
    "Prefecture",
    "Meng",
    "Region",
    "City",
    "Municipality",
];

/// The folded stem of a prefecture's name: its kind word and the names of the
/// peoples of an autonomous prefecture ("Hanizu Yizu", "Tibetan Autonomous") dropped.
/// A name without a kind word (a county, a forest district) is not a prefecture's.
fn prefecture_stem(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let last = words.pop()?;
    if !PREFECTURE_WORDS.contains(&last) {
        return None;
    }
    while words.len() > 1 {
        let w = words[words.len() - 1];
        if w.ends_with("zu") || w == "Menggu" || w == "Autonomous" || w == "Tibetan" {
            words.pop();
        } else {
            break;
        }
    }
    let stem = sdg_core::fold::fold(&words.join(" "));
    (!stem.is_empty()).then_some(stem)
}

/// Checks each Korean municipality's English name against its Korean one: where two
/// municipalities with different Korean names share an English name (KOSTAT's 2018
/// file calls 철원군 "Gongju-si", the name of 공주시), the one whose Korean name
/// GeoNames romanises otherwise takes GeoNames' English name and its own kind's
/// suffix. Returns what was mended.
fn mend_borrowed_english_names(
    groups: &mut [MunicipalityGroup],
    english_of_korean: &HashMap<String, String>,
) -> Vec<String> {
    let mut by_english: HashMap<String, BTreeSet<String>> = HashMap::new();
    for g in groups.iter() {
        by_english
            .entry(g.name_en.to_string())
            .or_default()
            .insert(g.name_ko.clone());
    }
    let mut fixes = Vec::new();
    for g in groups.iter_mut() {
        if by_english.get(&g.name_en).is_none_or(|ko| ko.len() < 2) {
            continue;
        }
        let (stem, suffix) = match g.name_ko.chars().last() {
            Some('시') => (g.name_ko.trim_end_matches('시'), "si"),
            Some('군') => (g.name_ko.trim_end_matches('군'), "gun"),
            Some('구') => (g.name_ko.trim_end_matches('구'), "gu"),
            _ => continue,
        };
        let Some(en) = english_of_korean.get(stem) else {
            continue;
        };
        let own_stem = parse(&g.name_en).stem;
        if parse(en).stem != own_stem {
            let mended = format!("{en}-{suffix}");
            fixes.push(format!(
                "{} {}: {} -> {mended}",
                g.code, g.name_ko, g.name_en
            ));
            g.name_en = mended;
        }
    }
    fixes
}

/// A Korean municipality after merging split cities.
pub struct MunicipalityGroup {
    /// 5-digit code; split cities get their 4-digit prefix + `0`.
    pub code: String,
    /// Korean name (the city's, for a merged one).
    pub name_ko: String,
    /// English name.
    pub name_en: String,
    /// Member feature codes.
    pub members: Vec<String>,
    /// Label point.
    pub lat: f64,
    /// Label point.
    pub lon: f64,
}

/// Groups KOSTAT municipality features: a city split into gu (its name is `<city>시<gu>구`
/// and its codes share the first four digits) becomes one group.
pub fn korean_municipalities(topo: &Topology) -> Vec<MunicipalityGroup> {
    let mut groups: BTreeMap<String, MunicipalityGroup> = BTreeMap::new();
    let mut polys: BTreeMap<String, Vec<geo::Polygon>> = BTreeMap::new();
    for f in topo.features("skorea_municipalities_2018_geo") {
        let code = f.prop("code").unwrap_or_default().to_string();
        let name = f.prop("name").unwrap_or_default().to_string();
        let eng = f.prop("name_eng").unwrap_or_default().to_string();
        let split = split_city_name(&name);
        let (key, name_ko, name_en) = match split {
            Some(city) if code.len() == 5 => (
                format!("{}0", &code[..4]),
                city.to_string(),
                split_city_english(&eng),
            ),
            _ => (code.clone(), name.clone(), korean_english_name(&eng, &name)),
        };
        let g = groups
            .entry(key.clone())
            .or_insert_with(|| MunicipalityGroup {
                code: key.clone(),
                name_ko,
                name_en,
                members: Vec::new(),
                lat: 0.0,
                lon: 0.0,
            });
        g.members.push(code);
        polys.entry(key).or_default().extend(f.polygons.clone());
    }
    groups
        .into_values()
        .map(|mut g| {
            if let Some((lon, lat)) = polys.get(&g.code).and_then(|p| geo::label_point(p)) {
                g.lon = lon;
                g.lat = lat;
            }
            g
        })
        .collect()
}

/// `수원시장안구` -> `수원시`; names without a city part -> `None`.
fn split_city_name(name: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let last = chars.last()?.1;
    if last != '구' {
        return None;
    }
    // The city part ends at the first 시 that is followed by more syllables.
    chars
        .iter()
        .position(|&(_, c)| c == '시')
        .filter(|&i| i >= 1 && i + 1 < chars.len() - 1)
        .map(|i| &name[..chars[i + 1].0])
}

/// `Suwonsijangangu` -> `Suwon-si`: the romanised city part ends at the first `si`.
fn split_city_english(eng: &str) -> String {
    match eng.find("si") {
        Some(i) if i >= 2 => format!("{}-si", &eng[..i]),
        _ => eng.to_string(),
    }
}

/// KOSTAT's English names, mended where the romanisation is run together.
fn korean_english_name(eng: &str, ko: &str) -> String {
    if ko == "세종특별자치시" {
        return "Sejong".to_string();
    }
    // "Hwaseongsi" -> "Hwaseong-si", as the other municipalities are written.
    for (hangul, suffix) in [('시', "si"), ('군', "gun"), ('구', "gu")] {
        if ko.ends_with(hangul) && !eng.contains('-') {
            if let Some(stem) = eng.strip_suffix(suffix).filter(|s| s.len() >= 2) {
                return format!("{stem}-{suffix}");
            }
        }
    }
    eng.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_cities() {
        assert_eq!(split_city_name("수원시장안구"), Some("수원시"));
        assert_eq!(split_city_name("종로구"), None);
        assert_eq!(split_city_name("의정부시"), None);
        assert_eq!(split_city_english("Suwonsijangangu"), "Suwon-si");
        assert_eq!(split_city_english("Ansansisangnokgu"), "Ansan-si");
        assert_eq!(korean_english_name("Hwaseongsi", "화성시"), "Hwaseong-si");
        assert_eq!(korean_english_name("Jongno-gu", "종로구"), "Jongno-gu");
        assert_eq!(korean_english_name("Seoul", "서울특별시"), "Seoul");
    }

    #[test]
    fn a_borrowed_english_name_is_mended_from_the_korean_one() {
        let group = |code: &str, ko: &str, en: &str| MunicipalityGroup {
            code: code.into(),
            name_ko: ko.into(),
            name_en: en.into(),
            members: vec![code.into()],
            lat: 0.0,
            lon: 0.0,
        };
        let mut groups = vec![
            group("32360", "철원군", "Gongju-si"),
            group("34020", "공주시", "Gongju-si"),
            group("24", "광주광역시", "Gwangju"),
            group("31250", "광주시", "Gwangju"),
        ];
        let english: HashMap<String, String> = [
            ("철원", "Cheorwon"),
            ("공주", "Gongju"),
            ("광주", "Gwangju"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let fixes = mend_borrowed_english_names(&mut groups, &english);
        assert_eq!(groups[0].name_en, "Cheorwon-gun");
        assert_eq!(groups[1].name_en, "Gongju-si");
        // Two real Gwangjus (the metropolitan city and the Gyeonggi city) stay.
        assert_eq!(
            (groups[2].name_en.as_str(), groups[3].name_en.as_str()),
            ("Gwangju", "Gwangju")
        );
        assert_eq!(fixes, vec!["32360 철원군: Gongju-si -> Cheorwon-gun"]);
    }

    #[test]
    fn prefecture_names_give_their_stem() {
        let stem = |n: &str| prefecture_stem(n);
        assert_eq!(
            stem("Honghe Hanizu Yizu Zizhizhou").as_deref(),
            Some("honghe")
        );
        assert_eq!(stem("Gannan Zangzu Zizhizhou").as_deref(), Some("gannan"));
        assert_eq!(stem("Baoding Shi").as_deref(), Some("baoding"));
        assert_eq!(
            stem("Golog Tibetan Autonomous Prefecture").as_deref(),
            Some("golog")
        );
        assert_eq!(stem("Hulunbuir Region").as_deref(), Some("hulunbuir"));
        assert_eq!(stem("Xilin Gol Meng").as_deref(), Some("xilingol"));
        assert_eq!(stem("Shennongjia"), None, "no kind word: not a prefecture");
        assert_eq!(stem("Zizhizhou"), None);
    }
}
