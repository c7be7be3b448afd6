//! `datagen validate DIR`: every pack of a bundle through the app's own checks, in
//! the app's own loading order (the core's [`LoadQueue`]).

use std::path::Path;

use sdg_core::bundle::Bundle;
use sdg_core::load;
use sdg_core::loading::load_every_file;
use sdg_core::model::Manifest;
use sdg_core::scene::landing;

/// Checks a bundle folder; returns every problem found, each naming file, record and
/// field (empty = valid). Only a missing or unreadable manifest is an error.
pub fn validate_dir(dir: &Path) -> Result<Vec<String>, String> {
    load_dir(dir).map(|(_, _, problems)| problems)
}

/// Loads a bundle folder as the app would: the manifest, then every pack in the app's
/// loading order. Returns what loaded and every problem found (a manifest that does
/// not parse loads nothing and gives its own problems).
pub fn load_dir(dir: &Path) -> Result<(Bundle, Option<Manifest>, Vec<String>), String> {
    let manifest_path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let manifest = match load::load_manifest("manifest.json", &text) {
        Ok(m) => m,
        Err(problems) => {
            let problems = problems.iter().map(ToString::to_string).collect();
            return Ok((Bundle::default(), None, problems));
        }
    };
    let (bundle, problems) = load_every_file(&manifest, |path| {
        std::fs::read(dir.join(path)).map_err(|e| format!("{path}: cannot be read: {e}"))
    });
    Ok((bundle, Some(manifest), problems))
}

/// Writes `landing.json`, the landing page's map, from the bundle just written (the
/// app's own loading, then the core's [`landing::build`]).
pub fn write_landing(dir: &Path) -> Result<(), String> {
    let (bundle, manifest, problems) = load_dir(dir)?;
    let manifest = manifest.ok_or_else(|| problems.join("\n"))?;
    let Some(scene) = landing::build(&bundle, &manifest) else {
        return Err("landing.json: the bundle has no headline series with city values".into());
    };
    let text = serde_json::to_string(&scene).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(landing::FILE), text).map_err(|e| format!("{}: {e}", landing::FILE))
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
