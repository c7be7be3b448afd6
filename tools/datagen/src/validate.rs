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
