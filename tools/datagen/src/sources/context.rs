//! Country context from Our World in Data's copies of World Bank WDI and UN World
//! Urbanization Prospects.

use crate::collect::{Collector, Obs};
use crate::raw::{field, Raw};

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

/// One OWID country series: which file and column, and what it becomes.
struct OwidSeries {
    pack: &'static str,
    file: &'static str,
    column: &'static str,
    series: &'static str,
    unit: &'static str,
    source: &'static str,
    /// Years after this are projections and are left out.
    last_year: i32,
}

/// Reads an OWID country table: entities matched to countries (aggregates dropped).
fn owid(raw: &Raw, c: &mut Collector<'_>, s: &OwidSeries) -> Result<(), String> {
    for r in raw.csv(&format!("owid-urbanization-wdi/{}", s.file))? {
        c.read(s.pack);
        let Some(place) = iso3(c, field(&r, "Entity")) else {
            c.drop_row(s.pack, "aggregate or unmatched entity");
            continue;
        };
        let Some((year, value)) = c.year_and_value(s.pack, &r, "Year", s.column) else {
            continue;
        };
        if year > s.last_year {
            c.drop_row(s.pack, "projection (after the estimates' last year)");
            continue;
        }
        c.country(Obs {
            pack: s.pack,
            series: s.series,
            unit: s.unit,
            place,
            year,
            value,
            source: s.source.into(),
            priority: 0,
        });
    }
    Ok(())
}

/// World Bank mean annual PM2.5 exposure (country, 1990–2017); aggregates dropped.
pub fn worldbank(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    owid(
        raw,
        c,
        &OwidSeries {
            pack: PACK_WB,
            file: "pm25-exposure-world-bank.csv",
            column: "pm25_exposure",
            series: "pm25",
            unit: "µg/m³",
            source: "World Bank, World Development Indicators EN.ATM.PM25.MC.M3 (mean annual exposure), 2022-05-26, via Our World in Data",
            last_year: i32::MAX,
        },
    )
}

/// UN WUP 2018 urban population, estimates only (1950–2018; projections left out).
pub fn wup(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    owid(
        raw,
        c,
        &OwidSeries {
            pack: PACK_WUP,
            file: "Urban_and_rural_population_1950-2050__UN_World_Urbanization_Prospects_2018.csv",
            column: "Urban population 1950-2050 (UN World Urbanization Prospects 2018)",
            series: "urban-pop",
            unit: "persons",
            source: "UN DESA, World Urbanization Prospects 2018 (urban population), via Our World in Data",
            last_year: 2018,
        },
    )
}
