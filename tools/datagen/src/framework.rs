//! The Goal 11 framework pack: official targets and indicators (UN texts via
//! open-sdg/sdg-translations, Korean titles from Statistics Korea) and the series the
//! bundle carries, with their units, direction and sourced thresholds.

use std::collections::HashMap;

use serde::Deserialize;

use sdg_core::model::{Direction, Framework, Indicator, Series, Target, Thresholds};

use crate::raw::{field, Raw};

#[derive(Deserialize)]
struct RawFramework {
    goal: RawGoal,
    targets: Vec<RawTarget>,
    indicators: Vec<RawIndicator>,
}

#[derive(Deserialize)]
struct RawGoal {
    title: String,
}

#[derive(Deserialize)]
struct RawTarget {
    target: String,
    title: String,
}

#[derive(Deserialize)]
struct RawIndicator {
    indicator: String,
    target: String,
    title: String,
    tier_2022q1: Option<String>,
    note: Option<String>,
}

/// WHO global air quality guidelines (2021), annual means: the interim targets give the
/// status bands (green up to IT-4, yellow up to IT-3, orange up to IT-2, red above).
const WHO_AQG: &str = "WHO global air quality guidelines (2021), annual-mean interim targets: green ≤ IT-4, yellow ≤ IT-3, orange ≤ IT-2, red above. The guideline level itself is lower (PM2.5 5 µg/m³, PM10 15 µg/m³).";

/// The series the bundle carries, in display order.
pub fn series() -> Vec<Series> {
    let s =
        |id: &str, indicator: &str, en: &str, ko: &str, unit: &str, direction: Direction| Series {
            id: id.into(),
            indicator: indicator.into(),
            title_en: en.into(),
            title_ko: ko.into(),
            unit: unit.into(),
            direction,
            thresholds: None,
            proxy_note: None,
        };
    let proxy = |mut series: Series, note: &str| {
        series.proxy_note = Some(note.into());
        series
    };
    let kr_proxy = "A regional indicator of Statistics Korea's Gyeongin office, not the UN indicator; attached to the closest Goal 11 indicator by our judgment.";
    use Direction::*;
    vec![
        s("slum", "11.1.1", "Urban population living in slums", "빈민가 거주 도시 인구 비율", "%", LowerIsBetter),
        s("transit-access", "11.2.1", "Population with convenient access to public transport", "대중교통 편리 접근 인구 비율", "%", HigherIsBetter),
        proxy(s("kr-transit-time", "11.2.1", "Public transport accessibility (travel time to facilities)", "대중교통 접근성 (시설까지 이동 시간)", "min", LowerIsBetter), kr_proxy),
        proxy(s("kr-commute-time", "11.2.1", "Average commuting time", "평균 통근 시간", "min", LowerIsBetter), kr_proxy),
        proxy(s("kr-traffic-accidents", "11.2.1", "Road traffic accidents", "교통사고 발생 건수", "accidents", LowerIsBetter), kr_proxy),
        s("land-use-ratio", "11.3.1", "Ratio of land consumption rate to population growth rate", "인구증가율 대비 토지소모율 비", "ratio", Neutral),
        proxy(s("urban-pop", "11.3.1", "Urban population (context)", "도시 인구 (참고)", "persons", Neutral), "Context for 11.3.1 (urban population growth), from UN World Urbanization Prospects 2018; not the indicator itself."),
        s("disaster-deaths", "11.5.1", "Deaths due to disasters", "재난 사망자 수", "persons", LowerIsBetter),
        s("disaster-deaths-rate", "11.5.1", "Deaths and missing persons due to disasters per 100,000 population", "인구 10만 명당 재난 사망·실종자 수", "per 100,000", LowerIsBetter),
        s("waste-collected", "11.6.1", "Municipal solid waste collected", "도시 고형 폐기물 수거율", "%", HigherIsBetter),
        proxy(s("kr-household-waste", "11.6.1", "Household waste per resident", "1인당 생활폐기물 발생량", "kg/day", LowerIsBetter), kr_proxy),
        proxy(s("kr-recycling", "11.6.1", "Household waste recycling rate", "생활폐기물 재활용률", "%", HigherIsBetter), kr_proxy),
        Series {
            thresholds: Some(Thresholds { green: 10.0, yellow: 15.0, orange: 25.0, source: WHO_AQG.into() }),
            ..s("pm25", "11.6.2", "Annual mean PM2.5", "초미세먼지(PM2.5) 연평균 농도", "µg/m³", LowerIsBetter)
        },
        Series {
            thresholds: Some(Thresholds { green: 20.0, yellow: 30.0, orange: 50.0, source: WHO_AQG.into() }),
            ..s("pm10", "11.6.2", "Annual mean PM10", "미세먼지(PM10) 연평균 농도", "µg/m³", LowerIsBetter)
        },
        s("open-space", "11.7.1", "Share of the built-up area that is open space for public use", "시가지 중 공공 개방 공간 비율", "%", HigherIsBetter),
        proxy(s("kr-open-space-admin", "11.7.1", "Public open space (parks, plazas, green areas) in the administrative area", "행정구역 면적 중 공공 개방 공간 비율", "%", HigherIsBetter), "Korea's national proxy for 11.7.1 (LH urban planning statistics), measured over the whole administrative area rather than the built-up area."),
        proxy(s("parkland-share", "11.7.1", "Parkland as a share of city area", "도시 면적 중 공원 비율", "%", HigherIsBetter), "Los Angeles' local series for 11.7.1, measured over the city area rather than the built-up area."),
        s("drr-local", "11.b.2", "Local governments with disaster risk reduction strategies", "재난위험경감 전략을 갖춘 지방정부 비율", "%", HigherIsBetter),
    ]
}

/// Builds the framework pack from the raw framework and Korean titles.
pub fn build(raw: &Raw) -> Result<Framework, String> {
    let fw: RawFramework = raw.json("sdg-framework-goal11/goal11_framework.json")?;
    let mut target_ko: HashMap<String, String> = HashMap::new();
    let mut indicator_ko: HashMap<String, String> = HashMap::new();
    for r in raw.csv("kostat-goal11-korean-titles/goal11_titles_ko.csv")? {
        let code = field(&r, "indicator").to_string();
        target_ko.insert(
            field(&r, "target_id").into(),
            field(&r, "target_name_ko").into(),
        );
        // The source repeats 1.2.1's title for 11.3.1 (see PROVENANCE.md); Statistics
        // Korea's national name for the same ratio is correct, so use that one.
        let title = if code == "11.3.1" {
            field(&r, "national_indicator_name_ko")
        } else {
            field(&r, "global_indicator_name_ko")
        };
        if !title.is_empty() {
            indicator_ko.insert(code, title.into());
        }
    }
    Ok(Framework {
        goal_en: fw.goal.title,
        goal_ko: "포용적이고 안전하며 회복력 있고 지속가능한 도시와 주거지 조성".into(),
        targets: fw
            .targets
            .into_iter()
            .map(|t| Target {
                title_ko: target_ko.get(&t.target).cloned(),
                code: t.target,
                title_en: t.title,
            })
            .collect(),
        indicators: fw
            .indicators
            .into_iter()
            .map(|i| Indicator {
                title_ko: indicator_ko.get(&i.indicator).cloned(),
                code: i.indicator,
                target: i.target,
                title_en: i.title,
                tier: i.tier_2022q1,
                note: i.note,
            })
            .collect(),
        series: series(),
    })
}
