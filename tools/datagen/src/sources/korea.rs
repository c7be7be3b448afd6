//! Korean sources: the Gyeongin (Seoul, Incheon, Gyeonggi) municipal indicators of
//! Statistics Korea, and Korea's national SDG platform (province open space, national
//! particulate matter).

use crate::collect::{Collector, Obs};
use crate::raw::{field, Raw};

/// Pack of the capital-region municipal indicators.
pub const PACK_CAPITAL: &str = "kostat-capital-region";
/// Pack of the national SDG platform series.
pub const PACK_NATIONAL: &str = "kostat-sdg";

const CAPITAL: &str = "kostat-gyeongin";
const NATIONAL: &str = "kostat-sdg";

/// `(file, our series, unit)` of the municipal files bundled.
const CAPITAL_FILES: [(&str, &str, &str); 6] = [
    ("indicator_7-1-2.csv", "pm25", "µg/m³"),
    ("indicator_11-1-1.csv", "kr-household-waste", "kg/day"),
    ("indicator_11-1-3.csv", "kr-recycling", "%"),
    ("indicator_11-2-5.csv", "kr-traffic-accidents", "accidents"),
    ("indicator_5-2-2.csv", "kr-transit-time", "min"),
    ("indicator_5-2-3.csv", "kr-commute-time", "min"),
];

/// The `시도` labels of the Gyeongin files -> KOSTAT province codes.
const CAPITAL_PROVINCES: [(&str, &str); 3] = [
    ("2.서울특별시", "11"),
    ("3.인천광역시", "23"),
    ("4.경기도", "31"),
];

/// Municipalities renamed since the 2018 boundaries: (province, new name, 2018 name).
const RENAMED: [(&str, &str, &str); 1] = [("23", "미추홀구", "남구")];

/// The province labels of the national platform's 11.7.1 file -> KOSTAT codes.
const NATIONAL_PROVINCES: [(&str, &str); 17] = [
    ("data.Seoul", "11"),
    ("data.Busan", "21"),
    ("data.Daegu", "22"),
    ("data.Incheon", "23"),
    ("data.Gwangju", "24"),
    ("data.Daejeon", "25"),
    ("data.Ulsan", "26"),
    ("data.Sejong", "29"),
    ("data.Gyeonggi", "31"),
    ("data.Gangwon", "32"),
    ("data.Chungbuk", "33"),
    ("data.Chungnam", "34"),
    ("data.Jeonbuk", "35"),
    ("data.Jeonnam", "36"),
    ("data.Gyeongbuk", "37"),
    ("data.Gyeonnam", "38"), // sic in the source
    ("data.Jeju", "39"),
];

/// Municipal and provincial values of the capital region; national rows become
/// country context for Korea.
pub fn capital_region(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    for (file, series, unit) in CAPITAL_FILES {
        let source = format!(
            "Statistics Korea, Gyeongin regional statistics (KOSIS), indicator {}",
            file.trim_start_matches("indicator_")
                .trim_end_matches(".csv")
        );
        for r in raw.csv(&format!("kostat-gyeongin-capital-region/{file}"))? {
            c.read(CAPITAL);
            let Some((year, value)) = c.year_and_value(CAPITAL, &r, "Year", "Value") else {
                continue;
            };
            let sido = field(&r, "시도");
            let sigungu = field(&r, "시군구");
            let obs = |place: String| Obs {
                pack: PACK_CAPITAL,
                series,
                unit,
                place,
                year,
                value,
                source: source.clone(),
                priority: 0,
            };
            if sido == "0.전국" {
                c.country(obs("KOR".into()));
                continue;
            }
            let Some((_, code)) = CAPITAL_PROVINCES.iter().find(|(label, _)| *label == sido) else {
                c.drop_row(CAPITAL, "capital-region aggregate (not a local government)");
                continue;
            };
            let place = if sigungu.is_empty() {
                c.world.kr_provinces.get(*code).cloned()
            } else {
                let name = RENAMED
                    .iter()
                    .find(|(p, new, _)| p == code && *new == sigungu)
                    .map_or(sigungu, |(_, _, old)| old);
                c.world
                    .kr_municipalities
                    .get(&(code.to_string(), name.to_string()))
                    .cloned()
            };
            match place {
                Some(id) => c.city(obs(id)),
                None => {
                    c.drop_row(CAPITAL, "municipality not in the 2018 boundaries");
                    let _ = c.resolve(CAPITAL, "KOR", &format!("{sido} {sigungu}"));
                }
            }
        }
    }
    Ok(())
}

/// Province open space (11.7.1 proxy) and national PM (11.6.2) from Korea's SDG platform.
pub fn national(raw: &Raw, c: &mut Collector<'_>) -> Result<(), String> {
    let source_71 = "Statistics Korea, Korean SDG data platform, indicator 11-7-1 (LH urban planning status statistics)";
    for r in raw.csv("open-sdg-korea-kostat/indicator_11-7-1.csv")? {
        c.read(NATIONAL);
        let Some((year, value)) = c.year_and_value(NATIONAL, &r, "Year", "Value") else {
            continue;
        };
        let label = field(&r, "data.category");
        let obs = |place: String| Obs {
            pack: PACK_NATIONAL,
            series: "kr-open-space-admin",
            unit: "%",
            place,
            year,
            value,
            source: source_71.into(),
            priority: 0,
        };
        if label.is_empty() {
            c.country(obs("KOR".into()));
        } else if let Some(id) = NATIONAL_PROVINCES
            .iter()
            .find(|(l, _)| *l == label)
            .and_then(|(_, code)| c.world.kr_provinces.get(*code).cloned())
        {
            c.city(obs(id));
        } else {
            c.drop_row(NATIONAL, "unknown province label");
        }
    }
    let source_62 =
        "Statistics Korea, Korean SDG data platform, indicator 11-6-2 (urban annual means)";
    for r in raw.csv("open-sdg-korea-kostat/indicator_11-6-2.csv")? {
        c.read(NATIONAL);
        let series = match field(&r, "data.category") {
            "PM10" => "pm10",
            "PM2.5" => "pm25",
            _ => {
                c.drop_row(NATIONAL, "unknown pollutant");
                continue;
            }
        };
        let Some((year, value)) = c.year_and_value(NATIONAL, &r, "Year", "Value") else {
            continue;
        };
        c.country(Obs {
            pack: PACK_NATIONAL,
            series,
            unit: "µg/m³",
            place: "KOR".into(),
            year,
            value,
            source: source_62.into(),
            priority: 0,
        });
    }
    Ok(())
}
