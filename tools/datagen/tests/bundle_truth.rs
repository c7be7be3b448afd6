//! The committed bundle puts figures on the places they belong to: the cases a careful
//! reader found wrong, checked in `data/` itself (so a rebuild that moves a value
//! fails here, not in a reader's eyes).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

fn data(rel: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(rel);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// `(place, year) -> value` of a table; of all its parts when the data tool split it by
/// region (`obs/who-aap/pm25.json` is then `pm25-korea.json` and the rest).
fn table(rel: &str) -> BTreeMap<(String, i64), f64> {
    let whole = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(rel);
    if whole.exists() {
        return rows(rel);
    }
    let stem = rel.trim_end_matches(".json");
    let parts: Vec<String> = ["korea", "rest-of-asia-pacific", "rest-of-world"]
        .iter()
        .map(|part| format!("{stem}-{part}.json"))
        .collect();
    assert!(
        parts.iter().all(|p| Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data")
            .join(p)
            .exists()),
        "{rel}: neither the table nor its three parts"
    );
    parts.iter().flat_map(|p| rows(p)).collect()
}

/// `(place, year) -> value` of one file.
fn rows(rel: &str) -> BTreeMap<(String, i64), f64> {
    let t = data(rel);
    let places = t["places"].as_array().unwrap();
    let years = t["years"].as_array().unwrap();
    let values = t["values"].as_array().unwrap();
    places
        .iter()
        .zip(years)
        .zip(values)
        .map(|((p, y), v)| {
            (
                (p.as_str().unwrap().to_string(), y.as_i64().unwrap()),
                v.as_f64().unwrap(),
            )
        })
        .collect()
}

fn places_of(rel: &str) -> Vec<String> {
    let mut out: Vec<String> = table(rel).keys().map(|(p, _)| p.clone()).collect();
    out.dedup();
    out
}

#[test]
fn big_cities_carry_their_values() {
    let who: Vec<String> = [
        places_of("obs/who-aap/pm25.json"),
        places_of("obs/who-aap/pm10.json"),
    ]
    .concat();
    for (id, name) in [("gn-2028462", "Ulaanbaatar"), ("gn-311046", "Izmir")] {
        assert!(who.contains(&id.to_string()), "{name} has WHO values");
    }
    let unsd: Vec<String> = [
        places_of("obs/unsd-cities/transit-access.json"),
        places_of("obs/unsd-cities/open-space.json"),
        places_of("obs/unsd-cities/land-use-ratio.json"),
        places_of("obs/unsd-cities/waste-collected.json"),
    ]
    .concat();
    for (id, name) in [
        ("gn-2761369", "Vienna"),
        ("gn-3169070", "Rome"),
        ("gn-3067696", "Prague"),
        ("gn-1512569", "Tashkent"),
        ("gn-1528675", "Bishkek"),
        ("gn-1566083", "Ho Chi Minh City"),
        ("gn-1819729", "Hong Kong"),
    ] {
        assert!(
            unsd.contains(&id.to_string()),
            "{name} has UN-Habitat city values"
        );
    }
}

#[test]
fn a_district_never_lends_its_value_to_the_city() {
    let pm25 = table("obs/who-aap/pm25.json");
    // Jiujiang 2018: the city's own 41.0, not the Wuhu district Jiujiang Qu's 50.27.
    assert_eq!(pm25.get(&("gn-1805179".into(), 2018)), Some(&41.0));
    assert!(
        pm25.keys().any(|(p, _)| p == "cn-wuhu-jiujiangqu"),
        "the district keeps its own place"
    );
    let cities = data("cities.json");
    let find = |id: &str| {
        cities
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("{id} is bundled"))
            .clone()
    };
    let near = |a: &Value, b: &Value, km: f64| {
        let (dlat, dlon) = (
            a["lat"].as_f64().unwrap() - b["lat"].as_f64().unwrap(),
            a["lon"].as_f64().unwrap() - b["lon"].as_f64().unwrap(),
        );
        // Degrees to km, near enough at these latitudes for a 50 km test.
        (dlat * 111.0).hypot(dlon * 111.0 * b["lat"].as_f64().unwrap().to_radians().cos()) <= km
    };
    // Jiujiang Qu is Wuhu's district (鸠江区), not Jiujiang city, 250 km away.
    let wuhu = find("gn-1791236");
    assert!(near(&find("cn-wuhu-jiujiangqu"), &wuhu, 30.0));
    // Districts with a parent city lie in it, not on a namesake far away.
    let hegang = find("gn-2036986");
    assert!(
        near(&find("cn-hegang-xiangyangqu"), &hegang, 30.0),
        "Xiangyang District, Hegang"
    );
    // A district name two prefectures share, with nothing to tell them apart, stays
    // without a location.
    assert!(find("un-chn-chaoyang-district").get("lat").is_none());
}

#[test]
fn implausible_series_are_left_out_and_the_report_says_why() {
    let cities = data("cities.json");
    let kaz: Vec<&str> = cities
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["country"] == "KAZ")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for file in [
        "obs/open-sdg-local/pm25.json",
        "obs/open-sdg-local/pm10.json",
    ] {
        assert!(
            !places_of(file).iter().any(|p| kaz.contains(&p.as_str())),
            "{file} has no Kazakh rows"
        );
    }
    let report = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/BUILD_REPORT.md"),
    )
    .unwrap();
    assert!(report.contains("Kazakhstan") && report.contains("**left out**"));
    assert!(
        report.contains("Places that took two or more distinct names of one source (by rule: reviewed aliases and overrides name one place by review): 0"),
        "zero multi-name merges"
    );
}

#[test]
fn a_split_table_puts_each_city_in_the_part_of_its_region_and_in_no_other() {
    let cities = data("cities.json");
    let country_of: BTreeMap<&str, &str> = cities
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["country"].as_str().unwrap()))
        .collect();
    let countries = data("countries.json");
    let escap: Vec<&str> = countries
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["asia_pacific"] == true)
        .map(|c| c["iso3"].as_str().unwrap())
        .collect();
    for series in ["pm25", "pm10"] {
        let mut seen = std::collections::BTreeSet::new();
        for (part, wants) in [
            (
                "korea",
                (|iso3: &str, _: bool| iso3 == "KOR") as fn(&str, bool) -> bool,
            ),
            ("rest-of-asia-pacific", |iso3, ap| ap && iso3 != "KOR"),
            ("rest-of-world", |_, ap| !ap),
        ] {
            let rel = format!("obs/who-aap/{series}-{part}.json");
            let places = places_of(&rel);
            assert!(!places.is_empty(), "{rel} holds cities");
            for p in places {
                let iso3 = country_of.get(p.as_str()).copied().unwrap_or_default();
                assert!(wants(iso3, escap.contains(&iso3)), "{rel}: {p} ({iso3})");
                assert!(seen.insert(p.clone()), "{p} is in two parts of {series}");
            }
        }
        // Seoul's figures are in the part a view of Korea fetches.
        assert!(seen.contains("kr-11"), "{series}: Seoul");
        assert!(
            places_of(&format!("obs/who-aap/{series}-korea.json")).contains(&"kr-11".to_string())
        );
    }
}
