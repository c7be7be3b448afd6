//! The loading queue: which files of the manifest are wanted, fetched, loaded or
//! broken, and the order in which fetched files go into the [`Bundle`].
//!
//! Files are fetched in parallel as soon as they are wanted; a fetched file waits in
//! the queue until what it is checked against (its [`depends_on`] kinds) has loaded or
//! failed, then goes through the bundle's checks. Wanting a file wants its
//! dependencies too. The app feeds it fetch results; the data tool's validator feeds
//! it files from disk: both load in exactly this order.

use std::collections::BTreeMap;

use crate::bundle::{depends_on, kind_rank, AddFile, Bundle};
use crate::load::Problem;
use crate::model::{Manifest, PackFile, PackKind};

/// Where one file stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FileState {
    /// In the manifest, not asked for.
    Idle,
    /// Asked for; the fetch is under way.
    Fetching,
    /// Fetched, waiting for its dependencies to settle.
    Fetched(String),
    /// Checked and kept in the bundle.
    Loaded,
    /// Could not be fetched, or failed its checks.
    Failed,
}

#[derive(Debug, Clone)]
struct Entry {
    pack: usize,
    kind: PackKind,
    file: PackFile,
    state: FileState,
}

/// Loading state of one pack, for the data-sources panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackStatus {
    /// Files loaded and valid.
    pub loaded: usize,
    /// Files asked for and not yet settled.
    pub loading: usize,
    /// Problems found (each names file, record and field).
    pub problems: Vec<String>,
}

/// The queue of a manifest's files.
#[derive(Debug, Clone, Default)]
pub struct LoadQueue {
    /// Files in loading order: by kind rank, then manifest order.
    entries: Vec<Entry>,
    by_path: BTreeMap<String, usize>,
    /// Per pack (manifest order): its id and status.
    packs: Vec<(String, PackStatus)>,
}

impl LoadQueue {
    /// A queue over every file of the manifest, none wanted yet.
    pub fn new(manifest: &Manifest) -> Self {
        let mut entries: Vec<Entry> = manifest
            .packs
            .iter()
            .enumerate()
            .flat_map(|(pack, info)| {
                info.files.iter().map(move |file| Entry {
                    pack,
                    kind: info.kind,
                    file: file.clone(),
                    state: FileState::Idle,
                })
            })
            .collect();
        // Stable: manifest order within a kind.
        entries.sort_by_key(|e| kind_rank(e.kind));
        let by_path = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.file.path.clone(), i))
            .collect();
        Self {
            entries,
            by_path,
            packs: manifest
                .packs
                .iter()
                .map(|p| (p.id.clone(), PackStatus::default()))
                .collect(),
        }
    }

    /// Wants these files (and what they depend on). Returns the paths to fetch now:
    /// those not asked for before, in loading order. Paths the manifest does not list
    /// are ignored.
    pub fn want<'a>(&mut self, paths: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut kinds = Vec::new();
        let mut marked = vec![false; self.entries.len()];
        for path in paths {
            if let Some(&i) = self.by_path.get(path) {
                marked[i] = true;
                kinds.extend_from_slice(depends_on(self.entries[i].kind));
            }
        }
        for (i, e) in self.entries.iter().enumerate() {
            if kinds.contains(&e.kind) {
                marked[i] = true;
            }
        }
        let mut out = Vec::new();
        for (i, wanted) in marked.into_iter().enumerate() {
            let entry = &mut self.entries[i];
            if wanted && entry.state == FileState::Idle {
                entry.state = FileState::Fetching;
                self.packs[entry.pack].1.loading += 1;
                out.push(entry.file.path.clone());
            }
        }
        out
    }

    /// A fetch finished: the file's text, or why it could not be fetched.
    pub fn fetched(&mut self, path: &str, result: Result<String, String>) {
        let Some(&i) = self.by_path.get(path) else {
            return;
        };
        if self.entries[i].state != FileState::Fetching {
            return;
        }
        match result {
            Ok(text) => self.entries[i].state = FileState::Fetched(text),
            Err(why) => self.settle(i, Err(vec![why])),
        }
    }

    fn settle(&mut self, i: usize, result: Result<(), Vec<String>>) {
        let entry = &mut self.entries[i];
        let status = &mut self.packs[entry.pack].1;
        status.loading = status.loading.saturating_sub(1);
        match result {
            Ok(()) => {
                entry.state = FileState::Loaded;
                status.loaded += 1;
            }
            Err(problems) => {
                entry.state = FileState::Failed;
                status.problems.extend(problems);
            }
        }
    }

    /// Whether every file of these kinds that is wanted has loaded or failed, and
    /// every file of them is wanted.
    fn settled(&self, kinds: &[PackKind]) -> bool {
        self.entries
            .iter()
            .filter(|e| kinds.contains(&e.kind))
            .all(|e| matches!(e.state, FileState::Loaded | FileState::Failed))
    }

    /// Checks every fetched file whose dependencies have settled, in loading order,
    /// into `bundle`. Returns the files settled by this call (loaded or failed), in
    /// that order.
    pub fn drain(&mut self, bundle: &mut Bundle) -> Vec<PackFile> {
        self.drain_with(bundle, Bundle::add_file)
    }

    /// [`LoadQueue::drain`], reading each file with `add` (see [`AddFile`]).
    pub fn drain_with(&mut self, bundle: &mut Bundle, add: AddFile) -> Vec<PackFile> {
        let mut done = Vec::new();
        loop {
            let next = (0..self.entries.len()).find(|&i| {
                matches!(self.entries[i].state, FileState::Fetched(_))
                    && self.settled(depends_on(self.entries[i].kind))
            });
            let Some(i) = next else {
                return done;
            };
            let FileState::Fetched(text) =
                std::mem::replace(&mut self.entries[i].state, FileState::Fetching)
            else {
                unreachable!("chosen because it was fetched");
            };
            let entry = &self.entries[i];
            let result = add(bundle, entry.kind, &entry.file, &text)
                .map_err(|p| p.iter().map(Problem::to_string).collect());
            done.push(entry.file.clone());
            self.settle(i, result);
        }
    }

    /// Every file of packs of these kinds has loaded (none failed or missing), and
    /// the manifest lists at least one file of each kind (so an empty queue, before
    /// the manifest arrives, has loaded nothing).
    pub fn loaded(&self, kinds: &[PackKind]) -> bool {
        let mut of_kind = self.entries.iter().filter(|e| kinds.contains(&e.kind));
        kinds
            .iter()
            .all(|k| self.entries.iter().any(|e| e.kind == *k))
            && of_kind.all(|e| e.state == FileState::Loaded)
    }

    /// The problems of packs of these kinds that failed to load: when the framework
    /// or the countries fail, nothing can be shown, and the app says why instead of
    /// waiting for them.
    pub fn failures(&self, kinds: &[PackKind]) -> Vec<String> {
        let mut packs: Vec<usize> = self
            .entries
            .iter()
            .filter(|e| kinds.contains(&e.kind) && e.state == FileState::Failed)
            .map(|e| e.pack)
            .collect();
        packs.dedup();
        packs
            .into_iter()
            .flat_map(|p| self.packs[p].1.problems.iter().cloned())
            .collect()
    }

    /// Whether every file of `series` that was asked for has loaded or failed. The
    /// app merges a series' tables once its files are all in, not once per file: a
    /// merge of a large table took as long as reading it.
    pub fn series_settled(&self, series: &str) -> bool {
        self.entries
            .iter()
            .filter(|e| e.file.series.as_deref() == Some(series))
            .all(|e| !matches!(e.state, FileState::Fetching | FileState::Fetched(_)))
    }

    /// Files asked for and not settled yet.
    pub fn pending(&self) -> usize {
        self.packs.iter().map(|(_, s)| s.loading).sum()
    }

    /// Each pack's id and status, in manifest order.
    pub fn packs(&self) -> &[(String, PackStatus)] {
        &self.packs
    }

    /// The status of one pack.
    pub fn status(&self, pack_id: &str) -> Option<&PackStatus> {
        self.packs
            .iter()
            .find(|(id, _)| id == pack_id)
            .map(|(_, s)| s)
    }
}

/// Loads every file of a manifest in the app's own order and checks, reading each
/// with `read` (from a folder, natively): the validator and the native tests load a
/// bundle exactly as the app does. Returns what loaded and every problem.
pub fn load_every_file(
    manifest: &Manifest,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
) -> (Bundle, Vec<String>) {
    let mut queue = LoadQueue::new(manifest);
    let every = manifest
        .packs
        .iter()
        .flat_map(|p| &p.files)
        .map(|f| f.path.as_str());
    for path in queue.want(every) {
        let text = read(&path).and_then(|bytes| crate::load::decode_file(&path, bytes));
        queue.fetched(&path, text);
    }
    let mut bundle = Bundle::default();
    queue.drain(&mut bundle);
    let problems = queue
        .packs()
        .iter()
        .flat_map(|(_, status)| status.problems.iter().cloned())
        .collect();
    (bundle, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PlaceKind, SCHEMA_VERSION};

    use crate::fixtures::{CITIES, COUNTRIES, FRAMEWORK};
    const OBS: &str = r#"{"series":"pm25","unit":"µg/m³","place_kind":"city","sources":["WHO"],
        "places":["kr-11"],"years":[2019],"values":[20.0],"source":[0]}"#;

    fn manifest() -> Manifest {
        let pack =
            |id: &str, kind: PackKind, file: PackFile| crate::fixtures::pack(id, kind, vec![file]);
        let obs = crate::fixtures::table_file("obs/pm25.json", "pm25", PlaceKind::City);
        Manifest {
            schema: SCHEMA_VERSION,
            coverage: vec![],
            version: None,
            actions: None,
            // Observations listed first: the queue still loads them last.
            packs: vec![
                pack("who", PackKind::Observations, obs),
                pack(
                    "framework",
                    PackKind::Framework,
                    PackFile::new("framework.json", 1),
                ),
                pack(
                    "countries",
                    PackKind::Countries,
                    PackFile::new("countries.json", 1),
                ),
                pack("places", PackKind::Places, PackFile::new("cities.json", 1)),
            ],
        }
    }

    fn text(path: &str) -> String {
        match path {
            "framework.json" => FRAMEWORK,
            "countries.json" => COUNTRIES,
            "cities.json" => CITIES,
            _ => OBS,
        }
        .to_string()
    }

    #[test]
    fn a_failed_framework_is_a_failure_to_report_not_a_wait() {
        let mut q = LoadQueue::new(&manifest());
        let fetch = q.want(["framework.json", "countries.json"]);
        for path in &fetch {
            let body = if path == "framework.json" {
                // A file cut off in its first string.
                "\"goal_en".to_string()
            } else {
                text(path)
            };
            q.fetched(path, Ok(body));
        }
        q.drain(&mut Bundle::default());
        assert!(!q.loaded(&[PackKind::Framework, PackKind::Countries]));
        let failures = q.failures(&[PackKind::Framework, PackKind::Countries]);
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].starts_with("framework.json: "), "{failures:?}");
        assert_eq!(q.pending(), 0);
    }

    #[test]
    fn nothing_is_loaded_before_the_manifest() {
        let q = LoadQueue::default();
        assert!(!q.loaded(&[PackKind::Framework]));
        assert_eq!(q.pending(), 0);
        let q = LoadQueue::new(&manifest());
        assert!(!q.loaded(&[PackKind::Framework]));
        assert!(
            !q.loaded(&[PackKind::Boundaries]),
            "no such pack: never loaded"
        );
    }

    #[test]
    fn wanting_a_table_wants_what_it_is_checked_against() {
        let mut q = LoadQueue::new(&manifest());
        let fetch = q.want(["obs/pm25.json"]);
        assert_eq!(
            fetch,
            vec![
                "framework.json",
                "countries.json",
                "cities.json",
                "obs/pm25.json"
            ]
        );
        assert!(
            q.want(["obs/pm25.json", "nowhere.json"]).is_empty(),
            "asked once"
        );
        assert_eq!(q.pending(), 4);
    }

    #[test]
    fn files_arriving_in_any_order_load_in_dependency_order() {
        let mut q = LoadQueue::new(&manifest());
        let mut bundle = Bundle::default();
        let paths = q.want(["obs/pm25.json"]);
        // The table arrives first and waits; so do the places, for the countries.
        for p in ["obs/pm25.json", "cities.json", "framework.json"] {
            q.fetched(p, Ok(text(p)));
        }
        let first: Vec<String> = q.drain(&mut bundle).into_iter().map(|f| f.path).collect();
        assert_eq!(first, vec!["framework.json"]);
        assert!(bundle.tables.is_empty());
        q.fetched("countries.json", Ok(text("countries.json")));
        let rest: Vec<String> = q.drain(&mut bundle).into_iter().map(|f| f.path).collect();
        assert_eq!(rest, vec!["countries.json", "cities.json", "obs/pm25.json"]);
        assert_eq!(bundle.tables.len(), 1);
        assert_eq!(q.pending(), 0);
        assert!(q.loaded(&[PackKind::Framework, PackKind::Countries, PackKind::Places]));
        assert_eq!(q.status("who").map(|s| s.loaded), Some(1));
        assert_eq!(paths.len(), 4);
    }

    #[test]
    fn a_series_is_settled_once_each_of_its_wanted_files_has_loaded_or_failed() {
        let mut m = manifest();
        let uk = crate::fixtures::table_file("obs/uk/pm25.json", "pm25", PlaceKind::City);
        let ko = crate::fixtures::table_file("obs/kr/pm10.json", "pm10", PlaceKind::City);
        m.packs.push(crate::fixtures::pack(
            "uk",
            PackKind::Observations,
            vec![uk],
        ));
        m.packs.push(crate::fixtures::pack(
            "kr",
            PackKind::Observations,
            vec![ko],
        ));
        let mut q = LoadQueue::new(&m);
        let mut bundle = Bundle::default();
        assert!(
            q.series_settled("pm25"),
            "nothing asked for: nothing to wait for"
        );
        q.want(["obs/pm25.json", "obs/uk/pm25.json"]);
        for p in [
            "framework.json",
            "countries.json",
            "cities.json",
            "obs/pm25.json",
        ] {
            q.fetched(p, Ok(text(p)));
        }
        q.drain(&mut bundle);
        assert!(!q.series_settled("pm25"), "obs/uk/pm25.json is on its way");
        assert!(q.series_settled("pm10"), "never asked for");
        q.fetched("obs/uk/pm25.json", Err("obs/uk/pm25.json: HTTP 404".into()));
        assert!(q.series_settled("pm25"), "a failure settles it too");
    }

    #[test]
    fn a_failed_dependency_fails_its_dependants_with_one_clear_message_each() {
        let mut q = LoadQueue::new(&manifest());
        let mut bundle = Bundle::default();
        q.want(["obs/pm25.json"]);
        q.fetched(
            "countries.json",
            Err("countries.json: the server answered HTTP 404".into()),
        );
        for p in ["framework.json", "cities.json", "obs/pm25.json"] {
            q.fetched(p, Ok(text(p)));
        }
        q.drain(&mut bundle);
        assert_eq!(q.pending(), 0, "nothing waits forever");
        let problems = |id: &str| q.status(id).unwrap().problems.clone();
        assert_eq!(
            problems("countries"),
            vec!["countries.json: the server answered HTTP 404"]
        );
        assert_eq!(problems("places").len(), 1);
        assert!(problems("places")[0].contains("the countries pack did not load"));
        assert_eq!(problems("who").len(), 1);
        assert!(
            problems("who")[0].contains("did not load"),
            "{:?}",
            problems("who")
        );
        assert!(!q.loaded(&[PackKind::Places]));
        assert!(q.loaded(&[PackKind::Framework]));
    }

    #[test]
    fn a_manifest_must_declare_what_each_table_holds() {
        let mut m = manifest();
        m.packs[0].files[0].place_kind = None;
        let text = serde_json::to_string(&m).unwrap();
        let p = crate::load::load_manifest("manifest.json", &text).unwrap_err();
        assert!(
            p[0].to_string()
                .contains("must declare its `series` and `place_kind`"),
            "{p:?}"
        );
    }

    #[test]
    fn a_manifest_version_must_be_well_formed() {
        let mut m = manifest();
        m.version = Some(crate::model::BundleVersion {
            date: "2026-12-06".into(),
            hash: "0123456789ab".into(),
        });
        let text = serde_json::to_string(&m).unwrap();
        assert!(crate::load::load_manifest("manifest.json", &text).is_ok());
        m.version.as_mut().unwrap().hash = "javascript:x".into();
        let text = serde_json::to_string(&m).unwrap();
        let p = crate::load::load_manifest("manifest.json", &text).unwrap_err();
        assert!(p[0].to_string().contains("12-digit hex hash"), "{p:?}");
    }
}
