//! WHO Ambient Air Quality Database 2022 (v9): city PM2.5 and PM10 (11.6.2), and the
//! WHO GHO modelled country series (urban areas).

use crate::collect::{Collector, Obs};
use crate::raw::{field, parse_value, Raw};

/// Pack of the WHO city measurements.
pub const PACK_CITY: &str = "who-aap";
/// Pack of the WHO modelled country series.
pub const PACK_COUNTRY: &str = "who-gho";

const SOURCE: &str = "who-aap";

/// City measurements. Duplicate (city, year) rows are resolved by the newer database
/// version, then the better temporal coverage.
pub fn city(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    for r in raw.csv("who-ambient-air-quality-2022/who_aap_2022_v9_city.csv")? {
        c.read(SOURCE);
        let iso3 = field(&r, "ISO3");
        let name = field(&r, "City or Locality");
        let Ok(year) = field(&r, "Measurement Year").parse::<i32>() else {
            c.drop_row(SOURCE, "no measurement year");
            continue;
        };
        let pm25 = parse_value(field(&r, "PM2.5 (μg/m3)"));
        let pm10 = parse_value(field(&r, "PM10 (μg/m3)"));
        if pm25.is_none() && pm10.is_none() {
            c.drop_row(SOURCE, "no PM2.5 or PM10 value (NO2 only)");
            continue;
        }
        let Some(city) = c.resolve(SOURCE, iso3, name) else {
            continue;
        };
        let version: i64 = field(&r, "Version of the database").parse().unwrap_or(0);
        let reference = field(&r, "Reference");
        let source = if reference.is_empty() || reference == "NA" {
            "WHO Ambient Air Quality Database, 2022 update (v9)".to_string()
        } else {
            format!(
                "WHO Ambient Air Quality Database, 2022 update (v9); original source: {reference}"
            )
        };
        for (series, value, coverage) in [
            ("pm25", pm25, "PM25 temporal coverage (%)"),
            ("pm10", pm10, "PM10 temporal coverage (%)"),
        ] {
            let Some(value) = value else { continue };
            let coverage = parse_value(field(&r, coverage)).unwrap_or(0.0);
            c.city(Obs {
                pack: PACK_CITY,
                series,
                unit: "µg/m³",
                place: city.id.clone(),
                year,
                value,
                source: source.clone(),
                priority: version * 1000 + coverage.round() as i64,
            });
        }
    }
    Ok(())
}

/// WHO GHO SDGPM25 country series, urban areas (2010–2016).
pub fn country(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let source = "WHO Global Health Observatory, indicator SDGPM25 (modelled, urban areas), export of 2021-05-07";
    for r in raw.csv("who-gho-sdgpm25-country/who_gho_sdgpm25_country_2010_2016.csv")? {
        c.read("who-gho");
        if field(&r, "residence_area") != "Urban" {
            c.drop_row(
                "who-gho",
                "total or rural area (only urban areas are bundled)",
            );
            continue;
        }
        let iso3 = field(&r, "iso3");
        let Some((year, value)) = c.year_and_value("who-gho", &r, "year", "pm25_mean_ugm3") else {
            continue;
        };
        if !c.world.countries.contains_key(iso3) {
            c.drop_row("who-gho", "country not in the gazetteer");
            continue;
        }
        c.country(Obs {
            pack: PACK_COUNTRY,
            series: "pm25",
            unit: "µg/m³",
            place: iso3.to_string(),
            year,
            value,
            source: source.to_string(),
            priority: 0,
        });
    }
    Ok(())
}
