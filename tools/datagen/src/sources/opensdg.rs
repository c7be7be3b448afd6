//! City series from open-sdg national and city platforms: the UK (ONS), Bristol, Los
//! Angeles, Kazakhstan and Kyrgyzstan.

use std::collections::HashMap;

use crate::collect::{Collector, Obs};
use crate::raw::{field, parse_value, parse_year, Raw, Row};

/// Pack of the UK ONS series (OGL v3).
pub const PACK_UK: &str = "uk-ons";
/// Pack of the other open-sdg city series (MIT-licensed repositories).
pub const PACK_LOCAL: &str = "open-sdg-local";

/// One parsed row before it is placed.
struct Item<'a> {
    source_key: &'static str,
    pack: &'static str,
    series: &'static str,
    unit: &'static str,
    iso3: &'a str,
    name: &'a str,
    year: Option<i32>,
    value: Option<f64>,
    source: &'a str,
}

fn add(c: &mut Collector<'_>, item: Item<'_>) {
    let (Some(year), Some(value)) = (item.year, item.value) else {
        c.drop_row(item.source_key, "no single year or no value");
        return;
    };
    let Some(city) = c.resolve(item.source_key, item.iso3, item.name) else {
        return;
    };
    c.city(Obs {
        pack: item.pack,
        series: item.series,
        unit: item.unit,
        place: city.id,
        year,
        value,
        source: item.source.to_string(),
        priority: 0,
    });
}

/// UK cities' PM2.5 and PM10 (ONS 11.6.2).
pub fn uk(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let source = "Office for National Statistics, UK SDG data, indicator 11.6.2 (contains public sector information licensed under the Open Government Licence v3.0)";
    for r in raw.csv("open-sdg-uk-ons/indicator_11-6-2.csv")? {
        c.read("uk-ons");
        let city = field(&r, "City");
        if city.is_empty() || !field(&r, "Urbanisation").is_empty() {
            c.drop_row("uk-ons", "national or urban/rural aggregate");
            continue;
        }
        let series = match field(&r, "Series") {
            "PM2.5" => "pm25",
            "PM10" => "pm10",
            _ => {
                c.drop_row("uk-ons", "unknown pollutant");
                continue;
            }
        };
        add(
            c,
            Item {
                source_key: "uk-ons",
                pack: PACK_UK,
                series,
                unit: "µg/m³",
                iso3: "GBR",
                name: city,
                year: parse_year(field(&r, "Year")),
                value: parse_value(field(&r, "Value")),
                source,
            },
        );
    }
    Ok(())
}

/// Bristol's total PM2.5 and Los Angeles' PM, parkland and waste collection series.
pub fn cities(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let bristol =
        "Bristol City Council, Bristol SDG data, indicator 11.6.2 (sdg-bristol/sdg-data-bristol)";
    for r in raw.csv("open-sdg-bristol/indicator_11-6-2.csv")? {
        c.read("bristol");
        if !field(&r, "Anthropogenic component").is_empty() {
            c.drop_row(
                "bristol",
                "component of the total (only the total is bundled)",
            );
            continue;
        }
        add(
            c,
            local("bristol", "pm25", "µg/m³", "GBR", "Bristol", &r, bristol),
        );
    }
    let la = |ind: &str| {
        format!("City of Los Angeles, open SDG data, indicator {ind} (CityOfLosAngeles/open-sdg-data-starter)")
    };
    let src = la("11.6.2");
    for r in raw.csv("open-sdg-los-angeles/indicator_11-6-2.csv")? {
        c.read("los-angeles");
        let series = match field(&r, "Units") {
            "Fine Particulates PM2.5" => "pm25",
            "Suspended Particulates PM10" => "pm10",
            _ => {
                c.drop_row("los-angeles", "unknown pollutant");
                continue;
            }
        };
        add(
            c,
            local(
                "los-angeles",
                series,
                "µg/m³",
                "USA",
                "Los Angeles",
                &r,
                &src,
            ),
        );
    }
    let src = la("11.7.1");
    for r in raw.csv("open-sdg-los-angeles/indicator_11-7-1.csv")? {
        c.read("los-angeles");
        if field(&r, "Units") != "Parkland as percent of city area (%)" {
            c.drop_row(
                "los-angeles",
                "park acres (the share of city area is bundled)",
            );
            continue;
        }
        add(
            c,
            local(
                "los-angeles",
                "parkland-share",
                "%",
                "USA",
                "Los Angeles",
                &r,
                &src,
            ),
        );
    }
    let src = la("11.6.1");
    for r in raw.csv("open-sdg-los-angeles/indicator_11-6-1.csv")? {
        c.read("los-angeles");
        add(
            c,
            local(
                "los-angeles",
                "waste-collected",
                "%",
                "USA",
                "Los Angeles",
                &r,
                &src,
            ),
        );
    }
    Ok(())
}

fn local<'a>(
    source_key: &'static str,
    series: &'static str,
    unit: &'static str,
    iso3: &'a str,
    name: &'a str,
    r: &Row,
    source: &'a str,
) -> Item<'a> {
    Item {
        source_key,
        pack: PACK_LOCAL,
        series,
        unit,
        iso3,
        name,
        year: parse_year(field(r, "Year")),
        value: parse_value(field(r, "Value")),
        source,
    }
}

/// Kazakhstan's settlements: PM10 and PM2.5 in mg/m³, converted to µg/m³ (× 1000).
pub fn kazakhstan(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let labels: HashMap<String, String> = raw
        .csv("open-sdg-kazakhstan/codelists_goal11.csv")?
        .into_iter()
        .filter(|r| field(r, "codelist") == "REF_AREA" && field(r, "lang") == "en")
        .map(|r| {
            (
                field(&r, "code").to_string(),
                field(&r, "label").to_string(),
            )
        })
        .collect();
    let source = "Bureau of National Statistics of Kazakhstan, national SDG platform, indicator 11.6.2 (converted from mg/m³)";
    for r in raw.csv("open-sdg-kazakhstan/indicator_11-6-2.csv")? {
        c.read("kazakhstan");
        let series = match field(&r, "SERIES") {
            "_L_KZ_110602_1A" => "pm10",
            "_L_KZ_110602_1B" => "pm25",
            _ => {
                c.drop_row("kazakhstan", "unknown series");
                continue;
            }
        };
        if field(&r, "UNIT_MEASURE") != "MG_CUB_METER" {
            c.drop_row("kazakhstan", "unexpected unit");
            continue;
        }
        let code = field(&r, "REF_AREA");
        let name = labels.get(code).map_or(code, String::as_str);
        add(
            c,
            Item {
                source_key: "kazakhstan",
                pack: PACK_LOCAL,
                series,
                unit: "µg/m³",
                iso3: "KAZ",
                name,
                year: parse_year(field(&r, "Year")),
                value: parse_value(field(&r, "Value")).map(|mg| mg * 1000.0),
                source,
            },
        );
    }
    Ok(())
}

/// Kyrgyzstan's disaster deaths in the cities of Bishkek and Osh; the national total
/// becomes country context; oblasts and sex breakdowns are left out.
pub fn kyrgyzstan(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let source = "National Statistical Committee of the Kyrgyz Republic, national SDG platform, indicator 11.5.1";
    for r in raw.csv("open-sdg-kyrgyzstan/11-5-1.csv")? {
        c.read("kyrgyzstan");
        if !field(&r, "Пол").is_empty() {
            c.drop_row("kyrgyzstan", "breakdown by sex (the total is bundled)");
            continue;
        }
        let name = match field(&r, "Территория") {
            "г.Бишкек" => "Bishkek",
            "г.Ош" => "Osh",
            "Кыргызская Республика" => {
                if let (Some(year), Some(value)) = (
                    parse_year(field(&r, "Year")),
                    parse_value(field(&r, "Value")),
                ) {
                    c.country(Obs {
                        pack: PACK_LOCAL,
                        series: "disaster-deaths",
                        unit: "persons",
                        place: "KGZ".into(),
                        year,
                        value,
                        source: source.into(),
                        priority: 0,
                    });
                }
                continue;
            }
            _ => {
                c.drop_row("kyrgyzstan", "oblast (not a city)");
                continue;
            }
        };
        add(
            c,
            local(
                "kyrgyzstan",
                "disaster-deaths",
                "persons",
                "KGZ",
                name,
                &r,
                source,
            ),
        );
    }
    Ok(())
}
