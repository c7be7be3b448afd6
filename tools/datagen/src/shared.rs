//! Merging shared actions: every `*.json` file of a folder (files the "Share an action"
//! form downloads, sent in by partners) is checked by the app's own rules against the
//! bundle's framework and places, then added to the bundle's actions pack; the
//! manifest's file size, row count and summary follow. Run by `make data` on
//! `contrib/actions/` and by `datagen merge-actions`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use sdg_core::load::{self, Context};
use sdg_core::model::{ActionsPack, Manifest, PackKind};
use sdg_core::share::merge_shared;

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn problems(list: Vec<load::Problem>) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Merges every shared file of `from` into the bundle in `data`. Returns a report
/// section; an invalid file stops the merge with every problem it has, naming it.
pub fn merge_dir(data: &Path, from: &Path) -> Result<String, String> {
    let mut report = String::from("\n## Shared actions\n\n");
    let mut files: Vec<_> = match fs::read_dir(from) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(_) => {
            let _ = writeln!(report, "No folder `{}`: none merged.", from.display());
            return Ok(report);
        }
    };
    files.sort();
    let framework = load::load_framework("framework.json", &read(&data.join("framework.json"))?)
        .map_err(problems)?;
    let countries = load::load_countries("countries.json", &read(&data.join("countries.json"))?)
        .map_err(problems)?;
    let gazetteer = load::load_places("cities.json", &read(&data.join("cities.json"))?, countries)
        .map_err(problems)?;
    let ctx = Context {
        framework: &framework,
        gazetteer: &gazetteer,
    };
    let mut pack: ActionsPack =
        load::load_actions("actions.json", &read(&data.join("actions.json"))?, &ctx)
            .map_err(problems)?;
    let mut added = 0;
    for path in &files {
        let name = path.display().to_string();
        let shared = load::load_actions(&name, &read(path)?, &ctx).map_err(problems)?;
        let ids: Vec<String> = shared.actions.iter().map(|a| a.id.clone()).collect();
        let n = merge_shared(&mut pack, shared).map_err(|e| format!("{name}: {e}"))?;
        added += n;
        let _ = writeln!(
            report,
            "- `{}`: {} ({})",
            path.file_name().unwrap_or_default().to_string_lossy(),
            ids.join(", "),
            if n == 0 {
                "already in the pack"
            } else {
                "added"
            }
        );
    }
    let text = serde_json::to_string(&pack).map_err(|e| e.to_string())?;
    fs::write(data.join("actions.json"), &text).map_err(|e| e.to_string())?;
    let manifest_path = data.join("manifest.json");
    let mut manifest: Manifest =
        load::load_manifest("manifest.json", &read(&manifest_path)?).map_err(problems)?;
    for p in manifest
        .packs
        .iter_mut()
        .filter(|p| p.kind == PackKind::Actions)
    {
        for f in p.files.iter_mut().filter(|f| f.path == "actions.json") {
            f.bytes = text.len() as u64;
            f.rows = Some(pack.actions.len() as u32);
        }
    }
    manifest.actions = Some(sdg_core::actions::summary(&pack, 3));
    let manifest_text = serde_json::to_string(&manifest).map_err(|e| e.to_string())?;
    fs::write(&manifest_path, manifest_text).map_err(|e| e.to_string())?;
    let _ = writeln!(
        report,
        "\n{} file(s) read from `{}`, {added} action(s) added; the pack holds {}.",
        files.len(),
        from.display(),
        pack.actions.len()
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sdg_core::model::Confidence;
    use sdg_core::model::Localized;
    use sdg_core::share::{build_action, shared_file, Draft};

    /// A copy of the committed bundle's files that the merge reads and writes.
    fn bundle_copy(name: &str) -> std::path::PathBuf {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let tmp =
            std::env::temp_dir().join(format!("datagen-shared-{name}-{}", std::process::id()));
        fs::create_dir_all(tmp.join("in")).unwrap();
        for f in [
            "framework.json",
            "countries.json",
            "cities.json",
            "actions.json",
            "manifest.json",
        ] {
            fs::copy(data.join(f), tmp.join(f)).unwrap();
        }
        tmp
    }

    fn suwon_draft() -> Draft {
        Draft {
            label: "Suwon".into(),
            place: Some("kr-31010".into()),
            country: "KOR".into(),
            year: "2024".into(),
            title: Localized::new("Shared test action"),
            summary: Localized::new("A test of the merge."),
            targets: vec!["11.6".into()],
            theme: "transport".into(),
            source_title: "Test".into(),
            source_url: "https://example.org/".into(),
            confidence: Some(Confidence::Medium),
            ..Draft::default()
        }
    }

    #[test]
    fn a_shared_file_merges_once_and_the_manifest_follows() {
        let dir = bundle_copy("ok");
        let text = read(&dir.join("framework.json")).unwrap();
        let framework = load::load_framework("f", &text).unwrap();
        let countries =
            load::load_countries("c", &read(&dir.join("countries.json")).unwrap()).unwrap();
        let gazetteer =
            load::load_places("p", &read(&dir.join("cities.json")).unwrap(), countries).unwrap();
        let (action, problems) = build_action(&suwon_draft(), &framework, &gazetteer);
        assert!(problems.is_empty(), "{problems:?}");
        fs::write(dir.join("in/action.json"), shared_file(&action)).unwrap();
        let before = read(&dir.join("actions.json")).unwrap();
        let report = merge_dir(&dir, &dir.join("in")).unwrap();
        assert!(report.contains("1 action(s) added"), "{report}");
        let manifest: Manifest =
            serde_json::from_str(&read(&dir.join("manifest.json")).unwrap()).unwrap();
        let pack: ActionsPack =
            serde_json::from_str(&read(&dir.join("actions.json")).unwrap()).unwrap();
        assert!(pack.actions.contains(&action));
        let file = manifest
            .packs
            .iter()
            .flat_map(|p| &p.files)
            .find(|f| f.path == "actions.json")
            .unwrap();
        assert_eq!(file.rows, Some(pack.actions.len() as u32));
        assert_eq!(
            file.bytes,
            read(&dir.join("actions.json")).unwrap().len() as u64
        );
        assert_ne!(before.len() as u64, file.bytes);
        let again = merge_dir(&dir, &dir.join("in")).unwrap();
        assert!(again.contains("0 action(s) added"), "idempotent: {again}");
        // The copy holds no observations or boundaries; nothing else may be wrong.
        let problems = crate::validate::validate_dir(&dir).unwrap();
        assert!(
            problems.iter().all(|p| p.contains("cannot be read")),
            "{problems:?}"
        );
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_bad_shared_file_is_refused_with_its_name_record_and_field() {
        let dir = bundle_copy("bad");
        let mut draft = sdg_core::model::LocalAction {
            id: "SH-00000000".into(),
            label: "Suwon".into(),
            places: vec!["kr-31010".into()],
            country: "KOR".into(),
            year: Some(2024),
            title: Localized::new("x"),
            summary: Localized::new("x"),
            targets: vec!["11.6".into()],
            theme: "transport".into(),
            source_title: "Test".into(),
            source_url: "javascript:alert(1)".into(),
            confidence: Confidence::Medium,
        };
        fs::write(dir.join("in/bad.json"), shared_file(&draft)).unwrap();
        let err = merge_dir(&dir, &dir.join("in")).unwrap_err();
        assert!(
            err.contains("bad.json: SH-00000000: field `source_url`"),
            "{err}"
        );
        draft.source_url = "https://example.org".into();
        draft.id = "LA001".into();
        fs::write(dir.join("in/bad.json"), shared_file(&draft)).unwrap();
        let err = merge_dir(&dir, &dir.join("in")).unwrap_err();
        assert!(err.contains("not a shared action's id"), "{err}");
        fs::write(dir.join("in/bad.json"), "{\"actions\": [").unwrap();
        let err = merge_dir(&dir, &dir.join("in")).unwrap_err();
        assert!(err.contains("bad.json"), "{err}");
        fs::remove_dir_all(&dir).ok();
    }
}
