//! Fetches the manifest, then exactly the files it is asked for, feeding each one
//! through the core's [`LoadQueue`] (which checks files in dependency order) into the
//! [`Bundle`]. The loader knows files, not views: what a view needs is decided by the
//! core's `resolve` and requested by the app shell.

use std::collections::{BTreeSet, HashMap};
use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use sdg_core::bundle::{AddFile, Bundle};
use sdg_core::i18n::{self, Lang};
use sdg_core::load::load_manifest;
use sdg_core::loading::{LoadQueue, PackStatus};
use sdg_core::model::{Manifest, PackInfo, PackKind};
use sdg_core::query::SeriesTables;
use sdg_core::userdata::UserPack;

/// How many requests are sent in one task. Sending a view's every file at once (the
/// Korea view's are about thirty) took about 50 ms of the start's longest task at 1x
/// CPU, traced: most of it the browser's own work for each request.
const SENT_PER_TASK: usize = 4;

/// Where the bundle lives, relative to the page (so any host and sub-path works).
const DATA_ROOT: &str = "data/";

/// The app's data, as signals the views read.
#[derive(Clone, Copy)]
pub struct Data {
    /// Set when the manifest itself cannot be loaded: nothing else can be.
    pub fatal: RwSignal<Option<Vec<String>>>,
    /// The manifest, once loaded.
    pub manifest: RwSignal<Option<Manifest>>,
    /// Which files are wanted, loading, loaded or broken.
    queue: RwSignal<LoadQueue>,
    /// Everything loaded so far.
    pub bundle: RwSignal<Bundle>,
    /// Each series' tables merged over all packs, rebuilt when one of its files loads.
    tables: RwSignal<HashMap<String, Arc<SeriesTables>>>,
    /// The user's own data ("your data, not published"), laid over every series'
    /// tables while it is loaded.
    pub user: RwSignal<Option<Arc<UserPack>>>,
    /// How this build reads a fetched file into the bundle.
    reads: AddFile,
    /// What arrived files changed that the views have not been told of yet.
    untold: StoredValue<Untold>,
    /// Flips once the framework has loaded.
    pub framework_ready: Memo<bool>,
    /// Flips once the countries and the cities have loaded: what reads the gazetteer
    /// tracks this instead of the whole bundle, which changes with every file.
    pub gazetteer_ready: Memo<bool>,
}

impl Data {
    /// True once what a view is built on has loaded: the framework, and the countries
    /// when the view needs the gazetteer (see `View::needs_places`; its places may
    /// follow). The landing page needs the framework alone.
    pub fn core_ready(&self, needs_places: bool) -> bool {
        let kinds: &[PackKind] = if needs_places {
            &[PackKind::Framework, PackKind::Countries]
        } else {
            &[PackKind::Framework]
        };
        self.queue.with(|q| q.loaded(kinds))
    }

    /// Why a view cannot be shown: the problems of the framework pack that failed, and
    /// of the countries and places too when the view needs them (empty while they
    /// load or once they have).
    pub fn blocking_failures(&self, needs_places: bool) -> Vec<String> {
        let kinds: &[PackKind] = if needs_places {
            &[PackKind::Framework, PackKind::Countries, PackKind::Places]
        } else {
            &[PackKind::Framework]
        };
        self.queue.with(|q| q.failures(kinds))
    }

    /// True once the cities have loaded too.
    pub fn places_ready(&self) -> bool {
        self.core_ready(true) && self.gazetteer_ready.get()
    }

    /// Files asked for and not settled yet, and one more while the views have not been
    /// told of files that have (read from the queue, which is changed as each file is
    /// read, before the views hear of it: see [`Data::tell`]).
    pub fn pending(&self) -> usize {
        let untold = self.untold.try_with_value(|u| u.scheduled) == Some(true);
        self.queue.with(LoadQueue::pending) + usize::from(untold)
    }

    /// Every pack with its loading state, in manifest order.
    pub fn packs(&self) -> Vec<(PackInfo, PackStatus)> {
        let manifest = self.manifest.get().unwrap_or_else(Manifest::empty);
        self.queue.with(|q| {
            manifest
                .packs
                .into_iter()
                .map(|p| {
                    let status = q.status(&p.id).cloned().unwrap_or_default();
                    (p, status)
                })
                .collect()
        })
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

    /// The merged tables of a series (reactive; `None` until one of its files loads).
    pub fn tables(&self, series: &str) -> Option<Arc<SeriesTables>> {
        self.tables.with(|m| m.get(series).cloned())
    }

    /// Fetches each of these files not asked for before (and what they are checked
    /// against): the first [`SENT_PER_TASK`] at once, the others as many in each task
    /// after (in the manifest's order, which puts what the others need first).
    pub fn request(&self, files: &[String]) {
        let fresh = self
            .queue
            .try_update(|q| q.want(files.iter().map(String::as_str)))
            .unwrap_or_default();
        let mut batches = fresh.chunks(SENT_PER_TASK).map(<[String]>::to_vec);
        if let Some(first) = batches.next() {
            self.send(first);
        }
        for batch in batches {
            let data = *self;
            crate::later::in_a_task_of_its_own(move || data.send(batch));
        }
    }

    /// Sends the requests for these files; each is read when it is in.
    fn send(&self, paths: Vec<String>) {
        for path in paths {
            let data = *self;
            let text = fetch_text(&path);
            spawn_local(async move {
                let result = text.await;
                // Read in a task of its own: files that come in together (a fast
                // network, a kiosk's own server) resolve in one task, and were read
                // in it one after another.
                crate::later::in_a_task_of_its_own(move || data.arrived(&path, result));
            });
        }
    }

    /// A fetch finished: hand it to the queue and load whatever is now ready; the
    /// views hear of it in a task of its own ([`Data::tell`]).
    fn arrived(&self, path: &str, result: Result<String, String>) {
        let mut done = Vec::new();
        let taken = self.queue.try_update_untracked(|q| {
            q.fetched(path, result);
            self.bundle
                .try_update_untracked(|b| done = q.drain_with(b, self.reads));
        });
        if taken.is_none() {
            // The app that asked is gone (unmounted while this file was on its way,
            // as the mount tests do): nothing is waiting for it.
            return;
        }
        let settled: Vec<String> = self.queue.with_untracked(|q| {
            done.iter()
                .filter_map(|f| f.series.clone())
                .filter(|s| q.series_settled(s))
                .collect()
        });
        let first = self.untold.try_update_value(|u| {
            u.bundle |= !done.is_empty();
            u.series.extend(settled);
            !std::mem::replace(&mut u.scheduled, true)
        });
        if first == Some(true) {
            let data = *self;
            crate::later::in_a_task_of_its_own(move || data.tell());
        }
    }

    /// Tells the views of the files read since they were last told, and rebuilds the
    /// merged tables of the series that gained a file, once none of its files is still
    /// on its way. In a task after the reading, not in it: reading a large file and
    /// redrawing the views for it made one long task, and the files that arrive
    /// meanwhile are told of at once (Lighthouse's blocking time on the Korea view, 6
    /// alternating pairs: median about 740 ms before, 615 after; the map's time did
    /// not change). Not later than that: holding the news until the last file is in
    /// made the map interactive later (see this file's history).
    fn tell(&self) {
        // The news is taken, but the telling stays on its way until the views are told
        // ([`Data::pending`] counts it): till then what they show is not what came in.
        let Some((bundle, series)) = self
            .untold
            .try_update_value(|u| (std::mem::take(&mut u.bundle), std::mem::take(&mut u.series)))
        else {
            return;
        };
        let merged = !series.is_empty();
        if merged {
            let tables = self.merge(series);
            self.tables.update_untracked(|m| m.extend(tables));
        }
        // The views are told in a task after the merging, when there was any: the two
        // together made one long task on the Korea view, which merges every series.
        let data = *self;
        let notify = move || {
            // What came in meanwhile is told by a telling of its own, after this one.
            let more = data.untold.try_update_value(|u| {
                u.scheduled = u.bundle || !u.series.is_empty();
                u.scheduled
            });
            data.queue.notify();
            if bundle {
                data.bundle.notify();
            }
            if merged {
                data.tables.notify();
            }
            if more == Some(true) {
                crate::later::in_a_task_of_its_own(move || data.tell());
            }
        };
        if merged {
            crate::later::in_a_task_of_its_own(notify);
        } else {
            notify();
        }
    }

    /// The merged tables of these series (published, then the user's data over them).
    fn merge(&self, series: BTreeSet<String>) -> Vec<(String, Arc<SeriesTables>)> {
        let manifest = self
            .manifest
            .get_untracked()
            .unwrap_or_else(Manifest::empty);
        let user = self.user.get_untracked();
        self.bundle.with_untracked(|b| {
            series
                .into_iter()
                .map(|s| {
                    let mut t = SeriesTables::merge(b, &manifest, &s);
                    let definition = b.framework.as_ref().and_then(|f| f.series(&s));
                    if let (Some(pack), Some(definition)) = (user.as_deref(), definition) {
                        t = t.with_user(pack, definition);
                    }
                    (s, Arc::new(t))
                })
                .collect()
        })
    }

    /// Loads (or with `None` removes) the user's data: every series it touches, and
    /// every series it touched before, is merged again.
    pub fn set_user(&self, pack: Option<UserPack>) {
        let mut series: BTreeSet<String> = self
            .user
            .get_untracked()
            .map(|p| p.tables.iter().map(|t| t.series.clone()).collect())
            .unwrap_or_default();
        if let Some(p) = &pack {
            series.extend(p.tables.iter().map(|t| t.series.clone()));
            series.extend(p.targets.iter().map(|t| t.series.clone()));
        }
        self.user.set(pack.map(Arc::new));
        let tables = self.merge(series);
        self.tables.update(|m| m.extend(tables));
    }
}

/// What the views have not been told of yet (see [`Data::tell`]).
#[derive(Default)]
struct Untold {
    /// A telling is on its way: scheduled, or the views not yet told.
    scheduled: bool,
    /// Files were read into the bundle.
    bundle: bool,
    /// Series whose every file has settled since, to merge again.
    series: BTreeSet<String>,
}

/// Creates the data signals from the manifest (or why it could not be loaded); fetched
/// files are read with `reads`.
pub fn start(reads: AddFile, manifest: Result<Manifest, Vec<String>>) -> Data {
    let (queue, fatal, manifest) = match manifest {
        Ok(m) => (LoadQueue::new(&m), None, Some(m)),
        Err(problems) => (LoadQueue::default(), Some(problems), None),
    };
    let queue = RwSignal::new(queue);
    Data {
        fatal: RwSignal::new(fatal),
        manifest: RwSignal::new(manifest),
        queue,
        bundle: RwSignal::new(Bundle::default()),
        tables: RwSignal::new(HashMap::new()),
        untold: StoredValue::new(Untold::default()),
        user: RwSignal::new(None),
        reads,
        framework_ready: Memo::new(move |_| queue.with(|q| q.loaded(&[PackKind::Framework]))),
        gazetteer_ready: Memo::new(move |_| {
            queue.with(|q| q.loaded(&[PackKind::Countries, PackKind::Places]))
        }),
    }
}

/// Fetches `data/<path>` as text. The request is sent now, not when the future is first
/// polled: a future handed to `spawn_local` runs only once the current task is done,
/// and the app asks for its first files just before building the page, so that they
/// download while it does (traced at 4x CPU: the map's files went out 100-150 ms
/// later, after the first render, when they were sent from a spawned future).
pub fn fetch_text(path: &str) -> impl Future<Output = Result<String, String>> {
    fetch_site_file(format!("{DATA_ROOT}{path}"), path.to_string())
}

/// Fetches the message file of `lang` and installs it (see `sdg_core::i18n`), unless
/// the build already has it. The request is sent now, the answer awaited later.
pub fn fetch_messages(lang: Lang) -> impl Future<Output = Result<(), String>> {
    let fetched = (!i18n::has_messages(lang))
        .then(|| fetch_site_file(lang.message_path(), lang.message_path()));
    async move {
        match fetched {
            Some(file) => i18n::install(lang, file.await?),
            None => Ok(()),
        }
    }
}

/// Fetches the site's file at `url` (relative to the page) as text; `path` names it
/// in messages. The request is sent now, the answer awaited later.
fn fetch_site_file(url: String, path: String) -> impl Future<Output = Result<String, String>> {
    let sent = window().fetch_with_str(&url);
    async move {
        let failed = |what: &str, e: JsValue| format!("{path}: {what} ({})", js_error(&e));
        let response: web_sys::Response = JsFuture::from(sent)
            .await
            .and_then(JsCast::dyn_into)
            .map_err(|e| failed("could not be fetched", e))?;
        if !response.ok() {
            return Err(format!(
                "{path}: the server answered HTTP {}",
                response.status()
            ));
        }
        let body = response
            .array_buffer()
            .map_err(|e| failed("could not be read", e))?;
        let buffer = JsFuture::from(body)
            .await
            .map_err(|e| failed("could not be read", e))?;
        sdg_core::load::decode_file(&path, js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// A thrown JS value in words: an `Error`'s message, else its string form.
fn js_error(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Fetches and checks the manifest. The page preloads it (index.html), so this is
/// quick; the app is built once it is here (see `crate::start`).
pub async fn fetch_manifest() -> Result<Manifest, Vec<String>> {
    match fetch_text("manifest.json").await {
        Ok(text) => load_manifest("manifest.json", &text)
            .map_err(|problems| problems.iter().map(ToString::to_string).collect()),
        Err(e) => Err(vec![e]),
    }
}
