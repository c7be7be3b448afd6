//! `datagen validate DIR`: every pack of a bundle through the app's own checks, in
//! the app's own loading order (the core's [`LoadQueue`]).

use std::path::Path;

use sdg_core::bundle::Bundle;
use sdg_core::load;
use sdg_core::loading::LoadQueue;

/// Checks a bundle folder; returns every problem found, each naming file, record and
/// field (empty = valid). Only a missing or unreadable manifest is an error.
pub fn validate_dir(dir: &Path) -> Result<Vec<String>, String> {
    let manifest_path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let manifest = match load::load_manifest("manifest.json", &text) {
        Ok(m) => m,
        Err(problems) => return Ok(problems.iter().map(ToString::to_string).collect()),
    };
    let mut queue = LoadQueue::new(&manifest);
    let every = manifest
        .packs
        .iter()
        .flat_map(|p| &p.files)
        .map(|f| f.path.as_str());
    for path in queue.want(every) {
        let read = std::fs::read_to_string(dir.join(&path))
            .map_err(|e| format!("{path}: cannot be read: {e}"));
        queue.fetched(&path, read);
    }
    queue.drain(&mut Bundle::default());
    Ok(queue
        .packs()
        .iter()
        .flat_map(|(_, status)| status.problems.iter().cloned())
        .collect())
}

/// Checks a saved "your data" pack against a bundle's framework and places, with the
/// rules the app applies when it reopens one (`datagen validate DIR --user FILE`).
pub fn validate_user(dir: &Path, file: &Path) -> Result<Vec<String>, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let list = |problems: Vec<load::Problem>| problems.iter().map(ToString::to_string).collect();
    let framework =
        match load::load_framework("framework.json", &read(&dir.join("framework.json"))?) {
            Ok(f) => f,
            Err(p) => return Ok(list(p)),
        };
    let countries =
        match load::load_countries("countries.json", &read(&dir.join("countries.json"))?) {
            Ok(c) => c,
            Err(p) => return Ok(list(p)),
        };
    let gazetteer =
        match load::load_places("cities.json", &read(&dir.join("cities.json"))?, countries) {
            Ok(g) => g,
            Err(p) => return Ok(list(p)),
        };
    let ctx = load::Context {
        framework: &framework,
        gazetteer: &gazetteer,
    };
    let name = file.display().to_string();
    Ok(
        match sdg_core::userdata::load_user_pack(&name, &read(file)?, &ctx) {
            Ok(_) => Vec::new(),
            Err(p) => list(p),
        },
    )
}
