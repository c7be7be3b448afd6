//! Small, hand-made inputs shared by the core's unit tests (test builds only).

use crate::model::{
    AdminLevel, City, Country, Direction, Framework, Gazetteer, Indicator, Localized, PackFile,
    PackInfo, PackKind, PlaceKind, Series, Target, Thresholds,
};

/// A one-series framework file.
pub const FRAMEWORK: &str = r#"{"goal":{"en":"g","ko":"g"},"targets":[{"code":"11.6","title":{"en":"t"}}],
    "indicators":[{"code":"11.6.2","target":"11.6","title":{"en":"i"}}],
    "series":[{"id":"pm25","indicator":"11.6.2","title":{"en":"PM2.5","ko":"초미세먼지"},"unit":"µg/m³","direction":"lower-is-better"}]}"#;
/// A one-country countries file.
pub const COUNTRIES: &str = r#"[{"iso3":"KOR","name":{"en":"South Korea"},"region":"Asia","subregion":"East and North-East Asia","asia_pacific":true}]"#;
/// A one-city places file.
pub const CITIES: &str = r#"[{"id":"kr-11","name":{"en":"Seoul","ko":"서울특별시"},"country":"KOR","lat":37.55,"lon":126.99,"level":"city"}]"#;

/// PM2.5 with the WHO-like cut-points 10 / 15 / 25 µg/m³.
pub fn pm25() -> Series {
    Series {
        id: "pm25".into(),
        indicator: "11.6.2".into(),
        title: Localized::new("PM2.5").with("ko", "초미세먼지"),
        unit: "µg/m³".into(),
        direction: Direction::LowerIsBetter,
        thresholds: Some(Thresholds {
            green: 10.0,
            yellow: 15.0,
            orange: 25.0,
            source: "WHO".into(),
        }),
        proxy_note: None,
    }
}

/// A higher-is-better series without thresholds.
pub fn open_space() -> Series {
    Series {
        id: "open-space".into(),
        indicator: "11.7.1".into(),
        title: Localized::new("Open space").with("ko", "공공 공간"),
        unit: "%".into(),
        direction: Direction::HigherIsBetter,
        thresholds: None,
        proxy_note: None,
    }
}

/// A framework with these indicators (each under the target its code names) and series.
pub fn framework(indicators: &[&str], series: Vec<Series>) -> Framework {
    let mut targets: Vec<Target> = Vec::new();
    let mut inds = Vec::new();
    for code in indicators {
        let target = code[..4].to_string();
        if !targets.iter().any(|t| t.code == target) {
            targets.push(Target {
                code: target.clone(),
                title: Localized::new(format!("target {target}")),
            });
        }
        inds.push(Indicator {
            code: code.to_string(),
            target,
            title: Localized::new(*code),
            tier: None,
            note: None,
        });
    }
    Framework {
        goal: Localized::new("g").with("ko", "g"),
        targets,
        indicators: inds,
        series,
    }
}

/// A pack entry of the manifest.
pub fn pack(id: &str, kind: PackKind, files: Vec<PackFile>) -> PackInfo {
    PackInfo {
        id: id.into(),
        title: id.into(),
        licence: "l".into(),
        attribution: "a".into(),
        source: "s".into(),
        kind,
        files,
    }
}

/// An observation file entry declaring its series and place kind.
pub fn table_file(path: &str, series: &str, kind: PlaceKind) -> PackFile {
    let mut f = PackFile::new(path, 1);
    f.series = Some(series.into());
    f.place_kind = Some(kind);
    f
}

/// A Korean place: `(id, English name, Korean name, level, parent)`.
pub type KoreanPlace<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    AdminLevel,
    Option<&'a str>,
);

/// A gazetteer of Korea alone with these places (give them sorted by id).
pub fn korea(places: &[KoreanPlace<'_>]) -> Gazetteer {
    Gazetteer {
        countries: vec![Country {
            iso3: "KOR".into(),
            numeric: None,
            name: Localized::new("South Korea"),
            region: "Asia".into(),
            subregion: "East and North-East Asia".into(),
            asia_pacific: true,
        }],
        cities: places
            .iter()
            .map(|(id, en, ko, level, parent)| City {
                id: id.to_string(),
                name: Localized::new(*en).with_some("ko", ko.map(str::to_string)),
                country: "KOR".into(),
                lat: Some(37.0),
                lon: Some(127.0),
                population: None,
                level: *level,
                parent: parent.map(str::to_string),
            })
            .collect(),
    }
}

/// A small deterministic generator (xorshift64) for the tests that check a fast path
/// against brute force on many random cases.
pub struct Xorshift(pub u64);

impl Xorshift {
    fn step(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A whole number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.step() % n
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.step() >> 11) as f64 / (1u64 << 53) as f64
    }
}
