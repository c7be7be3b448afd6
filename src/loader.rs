//! Fetches the manifest and the packs, feeding each file through the core's checks.
//! The framework and the gazetteer load at start; observation files load when a view
//! asks for their series, boundaries when the map opens. A broken file marks its pack
//! with the problems; everything else keeps working.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;

use sdg_core::bundle::{load_order, Bundle};
use sdg_core::load::load_manifest;
use sdg_core::model::{Manifest, ObservationTable, PackInfo, PackKind, PlaceKind};
use sdg_core::query::{merge_tables, SeriesIndex};
use sdg_core::url_state::{View, ViewState};

/// Where the bundle lives, relative to the page (so any host and sub-path works).
const DATA_ROOT: &str = "data/";

/// Loading state of one pack.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackStatus {
    /// Files loaded and valid.
    pub loaded: usize,
    /// Files being fetched.
    pub loading: usize,
    /// Problems found (each names file, record and field).
    pub problems: Vec<String>,
}

/// A series' tables merged over all packs, with indexes.
pub struct Merged {
    /// City-level values.
    pub cities: Option<(ObservationTable, SeriesIndex)>,
    /// Country-level values (context).
    pub countries: Option<(ObservationTable, SeriesIndex)>,
}

/// The app's data, as signals the views read.
#[derive(Clone, Copy)]
pub struct Data {
    /// Set when the manifest itself cannot be loaded: nothing else can be.
    pub fatal: RwSignal<Option<Vec<String>>>,
    /// The manifest, once loaded.
    pub manifest: RwSignal<Option<Manifest>>,
    /// Packs in manifest order with their state.
    pub packs: RwSignal<Vec<(PackInfo, PackStatus)>>,
    /// Everything loaded so far.
    pub bundle: RwSignal<Bundle>,
    /// Merged tables per series, rebuilt when a file of the series arrives.
    merged: RwSignal<HashMap<String, Arc<Merged>>>,
    /// Flips once the cities have loaded: what reads the gazetteer tracks this instead of
    /// the whole bundle, which changes with every file.
    pub gazetteer_ready: Memo<bool>,
    requested: StoredValue<HashSet<String>>,
}

impl Data {
    /// True once the framework and the countries have loaded (the first view needs
    /// nothing more).
    pub fn core_ready(&self) -> bool {
        self.kinds_ready(&[PackKind::Framework, PackKind::Countries])
    }

    /// True once the cities have loaded too.
    pub fn places_ready(&self) -> bool {
        self.core_ready() && self.kinds_ready(&[PackKind::Places])
    }

    /// Every file of packs of these kinds has loaded or failed.
    fn settled(&self, kinds: &[PackKind]) -> bool {
        self.packs.with_untracked(|p| {
            !p.is_empty()
                && p.iter()
                    .filter(|(i, _)| kinds.contains(&i.kind))
                    .all(|(i, s)| {
                        s.loaded == i.files.len() || (s.loading == 0 && !s.problems.is_empty())
                    })
        })
    }

    fn kinds_ready(&self, kinds: &[PackKind]) -> bool {
        self.packs.with(|p| {
            !p.is_empty()
                && p.iter()
                    .filter(|(i, _)| kinds.contains(&i.kind))
                    .all(|(i, s)| s.loaded == i.files.len())
        })
    }

    /// Loads the cities (needed by every view but the overview).
    pub fn ensure_places(&self) {
        self.ensure(|p, _| p.kind == PackKind::Places);
    }

    /// Cities in the bundle, from the manifest (known before they are fetched).
    pub fn city_count(&self) -> Option<u32> {
        self.manifest.with(|m| {
            m.as_ref()?
                .packs
                .iter()
                .filter(|p| p.kind == PackKind::Places)
                .flat_map(|p| &p.files)
                .map(|f| f.rows)
                .sum()
        })
    }

    /// Files still being fetched.
    pub fn pending(&self) -> usize {
        self.packs.with(|p| p.iter().map(|(_, s)| s.loading).sum())
    }

    /// Loads the city tables of a series, and its country tables too when
    /// `with_countries` (charts and profiles show the country as context).
    pub fn ensure_series(&self, series: &str, with_countries: bool) {
        self.ensure(|_, f| {
            f.series.as_deref() == Some(series)
                && (with_countries || !f.path.ends_with("-countries.json"))
        });
    }

    /// Loads every observation file (the city profile shows all series).
    pub fn ensure_all_series(&self) {
        self.ensure(|p, _| p.kind == PackKind::Observations);
    }

    /// Loads one file by path.
    pub fn ensure_path(&self, path: &str) {
        self.ensure(|_, f| f.path == path);
    }

    fn ensure(&self, want: impl Fn(&PackInfo, &sdg_core::model::PackFile) -> bool) {
        let Some(manifest) = self.manifest.get_untracked() else {
            return;
        };
        for pack in load_order(&manifest) {
            for file in &pack.files {
                if want(pack, file) {
                    self.fetch(pack.clone(), file.path.clone());
                }
            }
        }
    }

    fn fetch(&self, pack: PackInfo, path: String) {
        let fresh = self
            .requested
            .try_update_value(|r| r.insert(path.clone()))
            .unwrap_or(false);
        if !fresh {
            return;
        }
        let data = *self;
        update_status(data, &pack.id, |s| s.loading += 1);
        let needs: &'static [PackKind] = match pack.kind {
            PackKind::Places => &[PackKind::Countries],
            PackKind::Observations => &[PackKind::Framework, PackKind::Countries, PackKind::Places],
            _ => &[],
        };
        if needs.contains(&PackKind::Places) {
            self.ensure_places();
        }
        spawn_local(async move {
            // Fetch at once, in parallel with what this file is checked against; check it
            // once those have settled (loaded or failed), waiting at most a minute.
            let fetched = fetch_text(&path).await;
            for _ in 0..2400 {
                if data.settled(needs) || data.fatal.with_untracked(Option::is_some) {
                    break;
                }
                gloo_timers::future::TimeoutFuture::new(20).await;
            }
            let result = fetched.and_then(|text| {
                let mut problems = Vec::new();
                data.bundle.update(|b| {
                    if let Err(p) = b.add(pack.kind, &path, &text) {
                        problems.extend(p.iter().map(ToString::to_string));
                    }
                });
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(problems)
                }
            });
            update_status(data, &pack.id, |s| {
                s.loading -= 1;
                match result {
                    Ok(()) => s.loaded += 1,
                    Err(p) => s.problems.extend(p),
                }
            });
            if let Some(series) = pack
                .files
                .iter()
                .find(|f| f.path == path)
                .and_then(|f| f.series.clone())
            {
                data.remerge(&series);
            }
        });
    }

    fn remerge(&self, series: &str) {
        let manifest = self.manifest.get_untracked();
        let merged = self.bundle.with_untracked(|b| {
            let paths: Vec<&str> = manifest
                .iter()
                .flat_map(|m| &m.packs)
                .flat_map(|p| &p.files)
                .filter(|f| f.series.as_deref() == Some(series))
                .map(|f| f.path.as_str())
                .collect();
            let of_kind = |kind: PlaceKind| {
                let tables: Vec<&ObservationTable> = paths
                    .iter()
                    .filter_map(|p| b.tables.get(*p))
                    .filter(|t| t.place_kind == kind)
                    .collect();
                merge_tables(&tables).map(|t| {
                    let index = SeriesIndex::new(&t);
                    (t, index)
                })
            };
            Merged {
                cities: of_kind(PlaceKind::City),
                countries: of_kind(PlaceKind::Country),
            }
        });
        self.merged.update(|m| {
            m.insert(series.to_string(), Arc::new(merged));
        });
    }

    /// The merged tables of a series (reactive; `None` until a file has loaded).
    pub fn series(&self, series: &str) -> Option<Arc<Merged>> {
        self.merged.with(|m| m.get(series).cloned())
    }
}

fn update_status(data: Data, pack_id: &str, f: impl FnOnce(&mut PackStatus)) {
    data.packs.update(|packs| {
        if let Some((_, s)) = packs.iter_mut().find(|(p, _)| p.id == pack_id) {
            f(s);
        }
    });
}

/// Creates the data signals and starts loading the manifest, framework and gazetteer.
pub fn start() -> Data {
    let packs = RwSignal::new(Vec::<(PackInfo, PackStatus)>::new());
    let data = Data {
        fatal: RwSignal::new(None),
        manifest: RwSignal::new(None),
        packs,
        bundle: RwSignal::new(Bundle::default()),
        merged: RwSignal::new(HashMap::new()),
        requested: StoredValue::new(HashSet::new()),
        gazetteer_ready: Memo::new(move |_| {
            packs.with(|p| {
                !p.is_empty()
                    && p.iter()
                        .filter(|(i, _)| matches!(i.kind, PackKind::Countries | PackKind::Places))
                        .all(|(i, s)| s.loaded == i.files.len())
            })
        }),
    };
    spawn_local(load_core(data));
    data
}

async fn fetch_text(path: &str) -> Result<String, Vec<String>> {
    let response = Request::get(&format!("{DATA_ROOT}{path}"))
        .send()
        .await
        .map_err(|e| vec![format!("{path}: could not be fetched ({e})")])?;
    if !response.ok() {
        return Err(vec![format!(
            "{path}: the server answered HTTP {}",
            response.status()
        )]);
    }
    response
        .text()
        .await
        .map_err(|e| vec![format!("{path}: could not be read ({e})")])
}

async fn load_core(data: Data) {
    let manifest = match fetch_text("manifest.json").await {
        Ok(text) => load_manifest("manifest.json", &text)
            .map_err(|problems| problems.iter().map(ToString::to_string).collect()),
        Err(e) => Err(e),
    };
    let manifest = match manifest {
        Ok(m) => m,
        Err(problems) => {
            data.fatal.set(Some(problems));
            return;
        }
    };
    data.packs.set(
        manifest
            .packs
            .iter()
            .map(|p| (p.clone(), PackStatus::default()))
            .collect(),
    );
    data.manifest.set(Some(manifest));
    data.ensure(|p, _| matches!(p.kind, PackKind::Framework | PackKind::Countries));
    prefetch(data);
}

/// Starts fetching what the permalink's view will ask for, in parallel with the
/// framework, instead of after it.
fn prefetch(data: Data) {
    let (state, _) = ViewState::parse(&window().location().search().unwrap_or_default());
    if state.view == View::Overview {
        return;
    }
    data.ensure_places();
    if matches!(
        state.view,
        View::Map | View::Chart | View::Table | View::Indicator
    ) {
        let series = state
            .series
            .as_deref()
            .unwrap_or(crate::selection::DEFAULT_SERIES);
        data.ensure_series(series, state.view == View::Chart);
    }
    if state.view == View::Map {
        data.ensure_path(crate::views::map::WORLD);
        if state.region == Some(sdg_core::query::Region::Korea) {
            data.ensure_path(crate::views::map::KR_PROVINCES);
            data.ensure_path(crate::views::map::KR_MUNICIPALITIES);
        }
    }
}
