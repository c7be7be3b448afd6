//! Fetches the manifest and the packs, feeding each file through the core's checks.
//! A pack that fails is marked with its problems; the others keep loading.

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;

use sdg_core::bundle::{load_order, Bundle, PackSummary};
use sdg_core::load::load_manifest;
use sdg_core::model::{PackInfo, PackKind};

/// Where the bundle lives, relative to the page (so any host and sub-path works).
const DATA_ROOT: &str = "data/";

/// Loading state of one pack.
#[derive(Debug, Clone, PartialEq)]
pub enum PackState {
    /// Not started.
    Waiting,
    /// Being fetched and checked.
    Loading,
    /// Loaded and valid.
    Ready(PackSummary),
    /// Loaded with problems (each names file, record and field).
    Failed(Vec<String>),
    /// Loaded only by the view that needs it (boundaries: the map).
    OnDemand,
}

/// The app's data, as signals the views read.
#[derive(Clone, Copy)]
pub struct Data {
    /// Set when the manifest itself cannot be loaded: nothing else can be.
    pub fatal: RwSignal<Option<Vec<String>>>,
    /// Packs in loading order with their state.
    pub packs: RwSignal<Vec<(PackInfo, PackState)>>,
    /// Everything loaded so far.
    pub bundle: RwSignal<Bundle>,
}

impl Data {
    /// Packs still waiting or loading.
    pub fn pending(&self) -> usize {
        self.packs.with(|p| {
            p.iter()
                .filter(|(_, s)| matches!(s, PackState::Waiting | PackState::Loading))
                .count()
        })
    }
}

/// Creates the data signals and starts loading in the background.
pub fn start() -> Data {
    let data = Data {
        fatal: RwSignal::new(None),
        packs: RwSignal::new(Vec::new()),
        bundle: RwSignal::new(Bundle::default()),
    };
    spawn_local(load_all(data));
    data
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let response = Request::get(&format!("{DATA_ROOT}{path}"))
        .send()
        .await
        .map_err(|e| format!("{path}: could not be fetched ({e})"))?;
    if !response.ok() {
        return Err(format!(
            "{path}: the server answered HTTP {}",
            response.status()
        ));
    }
    response
        .text()
        .await
        .map_err(|e| format!("{path}: could not be read ({e})"))
}

async fn load_all(data: Data) {
    let manifest = match fetch_text("manifest.json").await {
        Ok(text) => load_manifest("manifest.json", &text)
            .map_err(|problems| problems.iter().map(ToString::to_string).collect()),
        Err(e) => Err(vec![e]),
    };
    let manifest = match manifest {
        Ok(m) => m,
        Err(problems) => {
            data.fatal.set(Some(problems));
            return;
        }
    };
    let packs: Vec<PackInfo> = load_order(&manifest).into_iter().cloned().collect();
    data.packs.set(
        packs
            .iter()
            .map(|p| {
                let state = if p.kind == PackKind::Boundaries {
                    PackState::OnDemand
                } else {
                    PackState::Waiting
                };
                (p.clone(), state)
            })
            .collect(),
    );
    for (i, pack) in packs.iter().enumerate() {
        if pack.kind == PackKind::Boundaries {
            continue;
        }
        set_state(data, i, PackState::Loading);
        let mut problems: Vec<String> = Vec::new();
        for file in &pack.files {
            match fetch_text(&file.path).await {
                Ok(text) => data.bundle.update(|b| {
                    if let Err(p) = b.add(pack.kind, &file.path, &text) {
                        problems.extend(p.iter().map(ToString::to_string));
                    }
                }),
                Err(e) => problems.push(e),
            }
        }
        let state = if problems.is_empty() {
            PackState::Ready(data.bundle.with_untracked(|b| b.summary(pack)))
        } else {
            PackState::Failed(problems)
        };
        set_state(data, i, state);
    }
}

fn set_state(data: Data, index: usize, state: PackState) {
    data.packs.update(|packs| {
        if let Some(entry) = packs.get_mut(index) {
            entry.1 = state;
        }
    });
}
