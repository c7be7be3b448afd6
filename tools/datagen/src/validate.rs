//! `datagen validate DIR`: every pack of a bundle through the app's own checks.

use std::path::Path;

use sdg_core::bundle::{load_order, Bundle};
use sdg_core::load::{self, Problem};

/// Checks a bundle folder; returns every problem found (empty = valid). Only a missing
/// or unreadable manifest is an error.
pub fn validate_dir(dir: &Path) -> Result<Vec<Problem>, String> {
    let manifest_path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let manifest = match load::load_manifest("manifest.json", &text) {
        Ok(m) => m,
        Err(problems) => return Ok(problems),
    };
    let mut bundle = Bundle::default();
    let mut problems = Vec::new();
    for pack in load_order(&manifest) {
        for file in &pack.files {
            let text = match std::fs::read_to_string(dir.join(&file.path)) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(Problem {
                        file: file.path.clone(),
                        record: String::new(),
                        field: String::new(),
                        message: format!("cannot be read: {e}"),
                    });
                    continue;
                }
            };
            if let Err(p) = bundle.add(pack.kind, &file.path, &text) {
                problems.extend(p);
            }
        }
    }
    Ok(problems)
}
