//! UN SDG Global Database extract (63 countries): city series for 11.2.1, 11.3.1, 11.6.1
//! and 11.7.1, and country series as context.

use crate::collect::{Collector, Obs};
use crate::raw::{field, Raw};

/// Pack of the city series.
pub const PACK_CITY: &str = "unsd-cities";
/// Pack of the country series.
pub const PACK_COUNTRY: &str = "unsd-countries";

const DIR: &str = "unsd-sdg-goal11-63-countries";
const SOURCE: &str = "unsd";

/// `(file, series code, our series, unit)` of the city files.
const CITY_FILES: [(&str, &str, &str, &str); 4] = [
    ("indicator_11-2-1.csv", "SP_TRN_PUBL", "transit-access", "%"),
    (
        "indicator_11-3-1.csv",
        "EN_LND_CNSPOP",
        "land-use-ratio",
        "ratio",
    ),
    (
        "indicator_11-6-1.csv",
        "EN_REF_WASCOL",
        "waste-collected",
        "%",
    ),
    ("indicator_11-7-1.csv", "EN_URB_OPENSP", "open-space", "%"),
];

/// `(file, series code, location kept, our series, unit)` of the country files.
const COUNTRY_FILES: [(&str, &str, &str, &str, &str); 5] = [
    ("indicator_11-1-1.csv", "EN_LND_SLUM", "URBAN", "slum", "%"),
    (
        "indicator_11-6-2.csv",
        "EN_ATM_PM25",
        "URBAN",
        "pm25",
        "µg/m³",
    ),
    (
        "indicator_11-5-1-VC_DSR_MORT.csv",
        "VC_DSR_MORT",
        "",
        "disaster-deaths",
        "persons",
    ),
    (
        "indicator_11-5-1-VC_DSR_MTMP.csv",
        "VC_DSR_MTMP",
        "",
        "disaster-deaths-rate",
        "per 100,000",
    ),
    (
        "indicator_11-b-2-SG_DSR_SILS.csv",
        "SG_DSR_SILS",
        "",
        "drr-local",
        "%",
    ),
];

/// Country names of the UN database that the country list spells otherwise.
const COUNTRY_ALIASES: [(&str, &str); 4] = [
    ("Netherlands (Kingdom of the)", "NLD"),
    ("Viet Nam", "VNM"),
    ("Republic of Korea", "KOR"),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        "GBR",
    ),
];

/// ISO3 of a UN area name.
fn country_iso3(c: &Collector<'_>, name: &str) -> Option<String> {
    COUNTRY_ALIASES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, iso3)| iso3.to_string())
        .or_else(|| c.world.country_by_name(name))
}

/// Names to try for a UNSD city code, most specific first. The code is the ISO2 code
/// and the name in capitals (`KR_SEOUL` -> "SEOUL"); Colombian codes put a department
/// code first (`CO_MAG_FUNDACION` -> "FUNDACION"). Chinese and Canadian codes may end
/// with a province (`CN_ANQING_ANHUI`, `CA_CALGARY_ALTA`), so for them the name
/// without its last word is tried next. No other part of a code is ever tried on its
/// own: "PORTO MONIZ" is not Porto.
pub fn code_names(code: &str) -> Vec<String> {
    let mut tokens: Vec<&str> = code.split('_').skip(1).collect();
    if tokens.len() >= 2 && tokens[0].len() == 3 && code.starts_with("CO_") {
        tokens.remove(0);
    }
    let mut out = vec![tokens.join(" ")];
    if tokens.len() >= 2 && code.starts_with("CN_") {
        // The province stays as a qualifier: a namesake in another province is not
        // this place ("XUCHENG (JIANGSU)" is not Xucheng in Guangdong).
        let (province, name) = tokens.split_last().expect("two tokens or more");
        out.push(format!("{} ({province})", name.join(" ")));
    } else if tokens.len() >= 2 && code.starts_with("CA_") {
        // Canadian provinces are abbreviated ("ALTA"), which GeoNames' numeric
        // codes cannot be checked against.
        out.push(tokens[..tokens.len() - 1].join(" "));
    }
    out
}

/// City series.
pub fn city(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    for (file, code, series, unit) in CITY_FILES {
        for r in raw.csv(&format!("{DIR}/{file}"))? {
            c.read(SOURCE);
            if field(&r, "SeriesCode") != code {
                c.drop_row(SOURCE, "another series in the file");
                continue;
            }
            let Some((year, value)) = c.year_and_value(SOURCE, &r, "Year", "Value") else {
                continue;
            };
            let city_code = field(&r, "Cities");
            let iso3 = city_code
                .split('_')
                .next()
                .and_then(|iso2| c.world.iso2.get(iso2).cloned())
                .or_else(|| country_iso3(c, field(&r, "GeoAreaName")))
                .unwrap_or_default();
            let Some(city) = resolve_code(c, &iso3, city_code) else {
                continue;
            };
            c.city(Obs {
                pack: PACK_CITY,
                series,
                unit,
                place: city,
                year,
                value,
                source: format!(
                    "UN SDG Global Database (UNSD), series {code}; custodian UN-Habitat"
                ),
                priority: 0,
            });
        }
    }
    Ok(())
}

/// Resolves a city code: the override table on the code itself, then each name the
/// code may stand for (see [`code_names`]), in order; the code is reported once if no
/// name is placed.
fn resolve_code(c: &mut Collector<'_>, iso3: &str, code: &str) -> Option<String> {
    if c.has_override(SOURCE, iso3, code) {
        return c.resolve(SOURCE, iso3, code).map(|city| city.id);
    }
    let names = code_names(code);
    let (last, earlier) = names.split_last()?;
    for name in earlier {
        if let crate::matcher::Outcome::Placed { .. } = c.outcome_of(SOURCE, iso3, name) {
            return c.resolve(SOURCE, iso3, name).map(|city| city.id);
        }
    }
    if names.len() > 1 {
        if let crate::matcher::Outcome::Placed { id, .. } = c.outcome_of(SOURCE, iso3, last) {
            c.partial_match(
                SOURCE,
                format!(
                    "{code} -> {id} ({})",
                    if code.starts_with("CN_") {
                        "the place lies in the code's province"
                    } else {
                        "province dropped from the code"
                    }
                ),
            );
        }
    }
    c.resolve(SOURCE, iso3, last).map(|city| city.id)
}

/// Country series.
pub fn country(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    for (file, code, location, series, unit) in COUNTRY_FILES {
        for r in raw.csv(&format!("{DIR}/{file}"))? {
            c.read(SOURCE);
            if field(&r, "SeriesCode") != code
                || (!location.is_empty() && field(&r, "Location") != location)
            {
                c.drop_row(
                    SOURCE,
                    "another series or area type (country series keep urban areas)",
                );
                continue;
            }
            let Some((year, value)) = c.year_and_value(SOURCE, &r, "Year", "Value") else {
                continue;
            };
            let Some(iso3) = country_iso3(c, field(&r, "GeoAreaName")) else {
                c.drop_row(SOURCE, "country name not matched");
                continue;
            };
            let custodian = match series {
                "pm25" => "WHO",
                "slum" => "UN-Habitat",
                _ => "UNDRR",
            };
            c.country(Obs {
                pack: PACK_COUNTRY,
                series,
                unit,
                place: iso3,
                year,
                value,
                source: format!(
                    "UN SDG Global Database (UNSD), series {code}; custodian {custodian}"
                ),
                priority: 0,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_codes_become_names() {
        assert_eq!(code_names("KR_SEOUL"), vec!["SEOUL"]);
        assert_eq!(
            code_names("CN_ANQING_ANHUI"),
            vec!["ANQING ANHUI", "ANQING (ANHUI)"]
        );
        assert_eq!(
            code_names("CA_CALGARY_ALTA"),
            vec!["CALGARY ALTA", "CALGARY"]
        );
        assert_eq!(code_names("CO_MAG_FUNDACION"), vec!["FUNDACION"]);
        assert_eq!(code_names("AU_ALICE_SPRINGS"), vec!["ALICE SPRINGS"]);
        assert_eq!(code_names("PT_PORTO_MONIZ"), vec!["PORTO MONIZ"]);
    }
}
