//! A bundle being loaded: the manifest's packs read one file at a time, in dependency
//! order (framework, countries and places before observations), each through the
//! checks of [`crate::load`]. The app feeds it fetched text; the data tool's validator
//! feeds it files from disk.

use std::collections::BTreeMap;

use crate::geo::Topology;
use crate::load::{self, Context, Problem};
use crate::model::{
    ActionsPack, Framework, Gazetteer, ObservationTable, PackFile, PackKind, PlaceKind,
};

/// Everything loaded so far.
#[derive(Debug, Default)]
pub struct Bundle {
    /// The framework, once loaded.
    pub framework: Option<Framework>,
    /// Countries and cities (empty until their packs load).
    pub gazetteer: Gazetteer,
    /// Observation tables by file path.
    pub tables: BTreeMap<String, ObservationTable>,
    /// Boundaries by file path.
    pub topologies: BTreeMap<String, Topology>,
    /// Local actions and reported figures, once loaded.
    pub actions: Option<ActionsPack>,
    /// Whether the countries and the places loaded; tables are only checked (and kept)
    /// against a gazetteer that did, so one broken file gives one message, not
    /// thousands of "unknown place" lines.
    gazetteer_ready: (bool, bool),
}

/// Loading order of pack kinds: what others are checked against comes first.
pub fn kind_rank(kind: PackKind) -> u8 {
    match kind {
        PackKind::Framework => 0,
        PackKind::Countries => 1,
        PackKind::Places => 2,
        PackKind::Observations => 3,
        PackKind::Boundaries => 4,
        PackKind::Actions => 5,
    }
}

/// The pack kinds a file of `kind` is checked against: they load first, and a file
/// waits until every file of these kinds has loaded or failed.
pub fn depends_on(kind: PackKind) -> &'static [PackKind] {
    match kind {
        PackKind::Places => &[PackKind::Countries],
        PackKind::Observations | PackKind::Actions => {
            &[PackKind::Framework, PackKind::Countries, PackKind::Places]
        }
        PackKind::Framework | PackKind::Countries | PackKind::Boundaries => &[],
    }
}

/// How a build of the app reads a fetched file into the bundle: [`Bundle::add_file`]
/// for every kind, or [`Bundle::add_gazetteer_file`] for a build that reads no more
/// (the landing build, which then carries no parser of the other kinds).
pub type AddFile = fn(&mut Bundle, PackKind, &PackFile, &str) -> Result<(), Vec<Problem>>;

fn missing(path: &str, what: &str) -> Vec<Problem> {
    vec![Problem {
        file: path.to_string(),
        record: String::new(),
        field: String::new(),
        message: format!("cannot be checked: {what} did not load"),
    }]
}

impl Bundle {
    /// Parses, checks and keeps one file of a pack of `kind`, and checks that an
    /// observation table holds what the manifest says of it (series and place kind).
    pub fn add_file(
        &mut self,
        kind: PackKind,
        file: &PackFile,
        text: &str,
    ) -> Result<(), Vec<Problem>> {
        self.add(kind, &file.path, text)?;
        if kind != PackKind::Observations {
            return Ok(());
        }
        let Some(table) = self.tables.get(&file.path) else {
            return Ok(());
        };
        let mut problems = Vec::new();
        let mut differs = |field: &str, declared: String, found: String| {
            problems.push(Problem {
                file: file.path.clone(),
                record: String::new(),
                field: field.into(),
                message: format!("the manifest says `{declared}` but the file holds `{found}`"),
            });
        };
        if file.series.as_deref() != Some(table.series.as_str()) {
            differs(
                "series",
                file.series.clone().unwrap_or_default(),
                table.series.clone(),
            );
        }
        if file.place_kind != Some(table.place_kind) {
            let name = |k: Option<PlaceKind>| match k {
                Some(PlaceKind::City) => "city",
                Some(PlaceKind::Country) => "country",
                None => "",
            };
            differs(
                "place_kind",
                name(file.place_kind).into(),
                name(Some(table.place_kind)).into(),
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            self.tables.remove(&file.path);
            Err(problems)
        }
    }

    /// What a file that refers to series, targets and places is checked against: the
    /// framework and a gazetteer that loaded (else one "cannot be checked" problem).
    fn context(&self, path: &str) -> Result<Context<'_>, Vec<Problem>> {
        let Some(framework) = &self.framework else {
            return Err(missing(path, "the framework pack"));
        };
        if !(self.gazetteer_ready.0 && self.gazetteer_ready.1) {
            return Err(missing(path, "the countries or places pack"));
        }
        Ok(Context {
            framework,
            gazetteer: &self.gazetteer,
        })
    }

    /// Parses, checks and keeps one file of a pack of `kind`.
    pub fn add(&mut self, kind: PackKind, path: &str, text: &str) -> Result<(), Vec<Problem>> {
        match kind {
            PackKind::Framework | PackKind::Countries | PackKind::Places => {
                self.add_gazetteer(kind, path, text)?;
            }
            PackKind::Observations => {
                let table = load::load_observations(path, text, &self.context(path)?)?;
                self.tables.insert(path.to_string(), table);
            }
            PackKind::Boundaries => {
                let topo = load::load_topology(path, text)?;
                self.topologies.insert(path.to_string(), topo);
            }
            PackKind::Actions => {
                let actions = load::load_actions(path, text, &self.context(path)?)?;
                self.actions = Some(actions);
            }
        }
        Ok(())
    }

    /// Like [`Bundle::add_file`] for the framework, countries and places packs; a file
    /// of another kind is refused with a problem saying so. A build that reads only
    /// these (see [`AddFile`]) does not carry the other kinds' parsers.
    pub fn add_gazetteer_file(
        &mut self,
        kind: PackKind,
        file: &PackFile,
        text: &str,
    ) -> Result<(), Vec<Problem>> {
        self.add_gazetteer(kind, &file.path, text)
    }

    fn add_gazetteer(
        &mut self,
        kind: PackKind,
        path: &str,
        text: &str,
    ) -> Result<(), Vec<Problem>> {
        match kind {
            PackKind::Framework => {
                self.framework = Some(load::load_framework(path, text)?);
            }
            PackKind::Countries => {
                self.gazetteer.countries = load::load_countries(path, text)?;
                self.gazetteer_ready.0 = true;
            }
            PackKind::Places => {
                if !self.gazetteer_ready.0 {
                    return Err(missing(path, "the countries pack"));
                }
                let countries = std::mem::take(&mut self.gazetteer.countries);
                match load::load_places(path, text, countries.clone()) {
                    Ok(gz) => {
                        self.gazetteer = gz;
                        self.gazetteer_ready.1 = true;
                    }
                    Err(p) => {
                        self.gazetteer.countries = countries;
                        return Err(p);
                    }
                }
            }
            PackKind::Observations | PackKind::Boundaries | PackKind::Actions => {
                return Err(vec![Problem {
                    file: path.to_string(),
                    record: String::new(),
                    field: String::new(),
                    message: "this build of the app reads only the framework and places".into(),
                }]);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SCHEMA_VERSION;

    use crate::fixtures::{CITIES, COUNTRIES, FRAMEWORK};

    fn loaded() -> Bundle {
        let mut b = Bundle::default();
        b.add(PackKind::Framework, "framework.json", FRAMEWORK)
            .unwrap();
        b.add(PackKind::Countries, "countries.json", COUNTRIES)
            .unwrap();
        b.add(PackKind::Places, "cities.json", CITIES).unwrap();
        b
    }

    const OBS: &str = r#"{"series":"pm25","unit":"µg/m³","place_kind":"city","sources":["WHO"],
            "places":["kr-11","kr-11"],"years":[2015,2019],"values":[26.0,20.0],"source":[0,0]}"#;

    #[test]
    fn the_gazetteer_reader_reads_the_first_kinds_alike_and_refuses_the_others() {
        let file = |path: &str| PackFile::new(path, 1);
        let mut b = Bundle::default();
        for (kind, path, text) in [
            (PackKind::Framework, "framework.json", FRAMEWORK),
            (PackKind::Countries, "countries.json", COUNTRIES),
            (PackKind::Places, "cities.json", CITIES),
        ] {
            b.add_gazetteer_file(kind, &file(path), text).unwrap();
        }
        assert_eq!(b.gazetteer.cities, loaded().gazetteer.cities);
        assert!(b.framework.is_some());
        let refused = b
            .add_gazetteer_file(PackKind::Observations, &file("obs/who/pm25.json"), OBS)
            .unwrap_err();
        assert_eq!(refused[0].file, "obs/who/pm25.json");
        assert!(refused[0].message.contains("reads only"), "{}", refused[0]);
        assert!(b.tables.is_empty());
    }

    #[test]
    fn loads_in_order() {
        let mut b = loaded();
        b.add(PackKind::Observations, "obs/who/pm25.json", OBS)
            .unwrap();
        assert_eq!(b.tables["obs/who/pm25.json"].len(), 2);
        assert_eq!(b.gazetteer.cities.len(), 1);
    }

    #[test]
    fn actions_are_checked_for_targets_years_sources_and_safe_links() {
        let mut b = loaded();
        let good = r#"{"actions":[{"id":"LA001","label":"Seoul","places":["kr-11"],"country":"KOR","year":2004,
            "title":{"en":"Bus reform"},"summary":{"en":"s"},"targets":["11.6"],"theme":"transport",
            "source_title":"Seoul Solution","source_url":"https://seoulsolution.kr/x","confidence":"high"}],"figures":[]}"#;
        b.add(PackKind::Actions, "actions.json", good).unwrap();
        assert_eq!(b.actions.as_ref().unwrap().actions.len(), 1);
        let bad = good
            .replace("\"11.6\"", "\"11.9\"")
            .replace("2004", "3004")
            .replace("https://seoulsolution.kr/x", "javascript:alert(1)")
            .replace("\"Seoul Solution\"", "\" \"")
            .replace("transport", "rockets");
        let p = b.add(PackKind::Actions, "actions.json", &bad).unwrap_err();
        let text: Vec<String> = p.iter().map(ToString::to_string).collect();
        for want in [
            "actions.json: LA001: field `targets`: unknown target `11.9`",
            "actions.json: LA001: field `year`: 3004 is not a plausible year",
            "actions.json: LA001: field `source_url`: `javascript:alert(1)` is not an http or https link",
            "actions.json: LA001: field `source_title`: every entry needs its source",
            "actions.json: LA001: field `theme`: unknown theme `rockets`",
        ] {
            assert!(text.iter().any(|t| t == want), "{want} in {text:?}");
        }
    }

    #[test]
    fn only_http_links_are_safe() {
        use crate::load::is_safe_link;
        assert!(is_safe_link("https://www.iges.or.jp/en/vlr/suwon"));
        assert!(is_safe_link("http://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:x",
            "data:text/html,x",
            "//evil.org",
            "https://",
            "https://a b",
            "ftp://x",
            "/relative",
        ] {
            assert!(!is_safe_link(bad), "{bad}");
        }
    }

    #[test]
    fn a_table_must_hold_what_the_manifest_declares() {
        let mut b = loaded();
        let mut file = PackFile::new("obs/who/pm25.json", 1);
        file.series = Some("pm25".into());
        file.place_kind = Some(PlaceKind::Country);
        let p = b.add_file(PackKind::Observations, &file, OBS).unwrap_err();
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].to_string().contains(
                "field `place_kind`: the manifest says `country` but the file holds `city`"
            ),
            "{p:?}"
        );
        assert!(b.tables.is_empty(), "a mislabelled table is not kept");
        file.place_kind = Some(PlaceKind::City);
        b.add_file(PackKind::Observations, &file, OBS).unwrap();
        assert!(b.tables.contains_key("obs/who/pm25.json"));
    }

    #[test]
    fn broken_tables_name_file_record_and_field() {
        let mut b = loaded();
        let obs = r#"{"series":"pm25","unit":"mg/m³","place_kind":"city","sources":["WHO"],
            "places":["kr-11","atlantis","kr-11"],"years":[2015,2015,2015],"values":[-1.0,3.0,4.0],"source":[0,0,7]}"#;
        let problems = b
            .add(PackKind::Observations, "obs/x.json", obs)
            .unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("field `unit`")), "{text:?}");
        assert!(
            text.iter()
                .any(|t| t.contains("row 1 (atlantis 2015): field `places`: unknown place")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("row 2 (kr-11 2015): field `years`: duplicate of row 0")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("field `source`: source index 7")),
            "{text:?}"
        );
        assert!(b.tables.is_empty(), "a broken table is not kept");
    }

    #[test]
    fn malformed_json_and_missing_dependencies_are_problems_not_panics() {
        let mut b = Bundle::default();
        let p = b
            .add(PackKind::Observations, "obs/x.json", "{}")
            .unwrap_err();
        assert!(p[0].message.contains("framework"), "{p:?}");
        let p = b
            .add(PackKind::Framework, "framework.json", "{not json")
            .unwrap_err();
        assert!(p[0].record.starts_with("line 1"), "{p:?}");
        let p = b.add(PackKind::Places, "cities.json", CITIES).unwrap_err();
        assert!(p[0].message.contains("countries"), "{p:?}");
        let manifest = format!(
            r#"{{"schema":{SCHEMA_VERSION},"packs":[{{"id":"a","title":"t","licence":"l","attribution":"a","source":"s","kind":"places","files":[{{"path":"../etc/passwd","bytes":1}}]}}]}}"#
        );
        let p = crate::load::load_manifest("manifest.json", &manifest).unwrap_err();
        assert!(p[0].message.contains("unsafe file path"), "{p:?}");
    }
}
