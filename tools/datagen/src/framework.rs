//! The Goal 11 framework pack: official targets and indicators (UN texts via
//! open-sdg/sdg-translations, Korean titles from Statistics Korea) and the series the
//! bundle carries, with their units, direction and sourced thresholds.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use sdg_core::model::{Direction, Framework, Indicator, Series, Target, Thresholds};

use crate::raw::{field, Raw};
use sdg_core::model::Localized;

#[derive(Deserialize)]
struct RawFramework {
    goal: RawGoal,
    targets: Vec<RawTarget>,
    indicators: Vec<RawIndicator>,
}

#[derive(Deserialize)]
struct RawGoal {
    title: String,
    #[serde(default)]
    translations: RawGoalTranslations,
}

#[derive(Deserialize, Default)]
struct RawGoalTranslations {
    #[serde(default)]
    title: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct RawTarget {
    target: String,
    title: String,
    #[serde(default)]
    translations: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct RawIndicator {
    indicator: String,
    target: String,
    title: String,
    tier_2022q1: Option<String>,
    note: Option<String>,
    #[serde(default)]
    translations: BTreeMap<String, String>,
}

/// The framework's language tags as the bundle's keys: the interface's `zh` is
/// Simplified Chinese, which the source tags `zh-Hans`; the others keep theirs.
fn language_key(tag: &str) -> &str {
    match tag {
        "zh-Hans" => "zh",
        other => other,
    }
}

/// An official English text with every translation of the framework, and a Korean
/// one (Statistics Korea's, which the framework lacks) where given.
fn official(en: String, translations: &BTreeMap<String, String>, ko: Option<&String>) -> Localized {
    let mut text = Localized::new(en);
    for (tag, t) in translations {
        text.set(language_key(tag), t.trim());
    }
    text.with_some("ko", ko.cloned())
}

/// WHO global air quality guidelines (2021), annual means: the interim targets give the
/// status bands (green up to IT-4, yellow up to IT-3, orange up to IT-2, red above).
/// The framework as the app loads it: its texts in the interface's languages only
/// ([`sdg_core::i18n::Lang::ALL`]), so the first view does not carry fifteen
/// translations it cannot show. The full set is bundled beside it
/// (`framework-all-languages.json`); a language added to the interface is taken from
/// there by the next `make data`.
pub fn for_interface(fw: &Framework) -> Framework {
    let spoken = |key: &str| sdg_core::i18n::Lang::from_key(key).is_some();
    let mut out = fw.clone();
    out.goal.retain(spoken);
    for t in &mut out.targets {
        t.title.retain(spoken);
    }
    for i in &mut out.indicators {
        i.title.retain(spoken);
    }
    for s in &mut out.series {
        s.title.retain(spoken);
    }
    out
}

const WHO_AQG: &str = "WHO global air quality guidelines (2021), annual-mean interim targets: green ≤ IT-4, yellow ≤ IT-3, orange ≤ IT-2, red above. The guideline level itself is lower (PM2.5 5 µg/m³, PM10 15 µg/m³).";

/// The series the bundle carries, in display order.
pub fn series() -> Vec<Series> {
    let s =
        |id: &str, indicator: &str, en: &str, ko: &str, unit: &str, direction: Direction| Series {
            id: id.into(),
            indicator: indicator.into(),
            title: Localized::new(en).with("ko", ko),
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
    let mut all = vec![
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
    ];
    // Chinese titles: the project's own wording, as the Korean ones (series are ours;
    // the official indicator texts come from the framework's translations).
    for series in &mut all {
        if let Some((_, zh)) = SERIES_ZH.iter().find(|(id, _)| *id == series.id) {
            series.title.set("zh", *zh);
        }
    }
    all
}

/// Chinese (Simplified) titles of the series.
const SERIES_ZH: [(&str, &str); 18] = [
    ("slum", "居住在贫民窟的城市人口比例"),
    ("transit-access", "可便捷使用公共交通的人口比例"),
    ("kr-transit-time", "公共交通可达性（到设施的出行时间）"),
    ("kr-commute-time", "平均通勤时间"),
    ("kr-traffic-accidents", "道路交通事故数"),
    ("land-use-ratio", "土地消耗率与人口增长率之比"),
    ("urban-pop", "城市人口（背景）"),
    ("disaster-deaths", "灾害死亡人数"),
    ("disaster-deaths-rate", "每 10 万人中因灾害死亡和失踪的人数"),
    ("waste-collected", "城市固体废物收集率"),
    ("kr-household-waste", "人均生活垃圾产生量"),
    ("kr-recycling", "生活垃圾回收率"),
    ("pm25", "PM2.5 年均浓度"),
    ("pm10", "PM10 年均浓度"),
    ("open-space", "建成区中供公众使用的开放空间比例"),
    (
        "kr-open-space-admin",
        "行政区域内的公共开放空间（公园、广场、绿地）比例",
    ),
    ("parkland-share", "公园占城市面积的比例"),
    ("drr-local", "制定了减少灾害风险战略的地方政府比例"),
];

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
        goal: official(fw.goal.title, &fw.goal.translations.title, None).with(
            "ko",
            "포용적이고 안전하며 회복력 있고 지속가능한 도시와 주거지 조성",
        ),
        targets: fw
            .targets
            .into_iter()
            .map(|t| Target {
                title: official(t.title, &t.translations, target_ko.get(&t.target)),
                code: t.target,
            })
            .collect(),
        indicators: fw
            .indicators
            .into_iter()
            .map(|i| Indicator {
                title: official(i.title, &i.translations, indicator_ko.get(&i.indicator)),
                code: i.indicator,
                target: i.target,
                tier: i.tier_2022q1,
                note: i.note,
            })
            .collect(),
        series: series(),
    })
}
