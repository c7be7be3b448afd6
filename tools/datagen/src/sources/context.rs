//! Country context from Our World in Data's copies of World Bank WDI and UN World
//! Urbanization Prospects.

use crate::collect::{Collector, Obs};
use crate::raw::{field, parse_value, Raw};

/// Pack of the World Bank series.
pub const PACK_WB: &str = "worldbank-wdi";
/// Pack of the UN WUP series.
pub const PACK_WUP: &str = "un-wup";

/// OWID entity names the country list spells otherwise.
const OWID_ALIASES: [(&str, &str); 8] = [
    ("Democratic Republic of Congo", "COD"),
    ("Congo", "COG"),
    ("Cape Verde", "CPV"),
    ("Laos", "LAO"),
    ("Micronesia (country)", "FSM"),
    ("Timor", "TLS"),
    ("Czech Republic", "CZE"),
    ("Swaziland", "SWZ"),
];

fn iso3(c: &Collector<'_>, entity: &str) -> Option<String> {
    OWID_ALIASES
        .iter()
        .find(|(n, _)| *n == entity)
        .map(|(_, i)| i.to_string())
        .or_else(|| c.world.country_by_name(entity))
}

/// World Bank mean annual PM2.5 exposure (country, 1990–2017); aggregates dropped.
pub fn worldbank(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let source = "World Bank, World Development Indicators EN.ATM.PM25.MC.M3 (mean annual exposure), 2022-05-26, via Our World in Data";
    for r in raw.csv("owid-urbanization-wdi/pm25-exposure-world-bank.csv")? {
        c.read(PACK_WB);
        let Some(place) = iso3(c, field(&r, "Entity")) else {
            c.drop_row(PACK_WB, "aggregate or unmatched entity");
            continue;
        };
        let (Ok(year), Some(value)) = (
            field(&r, "Year").parse::<i32>(),
            parse_value(field(&r, "pm25_exposure")),
        ) else {
            c.drop_row(PACK_WB, "no year or value");
            continue;
        };
        c.country(Obs {
            pack: PACK_WB,
            series: "pm25",
            unit: "µg/m³",
            place,
            year,
            value,
            source: source.into(),
            priority: 0,
        });
    }
    Ok(())
}

/// UN WUP 2018 urban population, estimates only (1950–2018; projections left out).
pub fn wup(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let source =
        "UN DESA, World Urbanization Prospects 2018 (urban population), via Our World in Data";
    let column = "Urban population 1950-2050 (UN World Urbanization Prospects 2018)";
    for r in raw.csv("owid-urbanization-wdi/Urban_and_rural_population_1950-2050__UN_World_Urbanization_Prospects_2018.csv")? {
        c.read(PACK_WUP);
        let Some(place) = iso3(c, field(&r, "Entity")) else {
            c.drop_row(PACK_WUP, "aggregate or unmatched entity");
            continue;
        };
        let (Ok(year), Some(value)) = (field(&r, "Year").parse::<i32>(), parse_value(field(&r, column))) else {
            c.drop_row(PACK_WUP, "no year or value");
            continue;
        };
        if year > 2018 {
            c.drop_row(PACK_WUP, "projection (after 2018)");
            continue;
        }
        c.country(Obs {
            pack: PACK_WUP,
            series: "urban-pop",
            unit: "persons",
            place,
            year,
            value,
            source: source.into(),
            priority: 0,
        });
    }
    Ok(())
}
