//! The harness of the component mount tests (`make mount`): one component mounted
//! alone in headless Chromium, with the app's own state ([`install`]) and loader over
//! the bundled `data/` (which `wasm-bindgen-test-runner` serves from the repo).
//!
//! These tests check the wiring the native tests cannot reach: that an event reaches
//! the state, that the state reaches the DOM and the URL, in the order the views rely
//! on. What the wiring computes is the core's, tested natively.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use sdg_core::bundle::Bundle;

use crate::loader;
use crate::state::{install, App};

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// A mounted component, unmounted (and its listeners removed) when dropped.
pub struct Mounted {
    /// The element the component was mounted into.
    pub root: web_sys::HtmlElement,
    /// The app state it was given.
    pub app: App,
    /// Keeps it mounted.
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts the view `component` builds, under the app state of the page address
/// `?{query}` and the bundled data's manifest (files load as the state asks for them).
pub async fn mount<V: IntoView + 'static>(
    query: &str,
    component: impl FnOnce() -> V + 'static,
) -> Mounted {
    let address = if query.is_empty() {
        "?".to_string()
    } else {
        format!("?{query}")
    };
    window()
        .history()
        .expect("a history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
        .expect("the test page's address can change");
    watch_console();
    steady_fetch();
    let manifest = loader::fetch_manifest().await;
    assert!(manifest.is_ok(), "data/manifest.json loads: {manifest:?}");
    let root: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let slot: Rc<Cell<Option<App>>> = Rc::default();
    let put = Rc::clone(&slot);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let data = loader::start(Bundle::add_file, manifest);
        put.set(Some(install(data, |_| true)));
        component()
    });
    let app = slot.take().expect("the mount ran its view");
    settle().await;
    Mounted {
        root,
        app,
        _handle: Box::new(handle),
    }
}

/// What the page wrote to `console.error` since the last mount (a Leptos warning
/// about a disposed signal, a failed fetch, a caught panic's message).
const ERRORS: &str = "__mountConsoleErrors";

/// Starts recording `console.error` afresh (installing the recorder once).
fn watch_console() {
    let install = js_sys::Function::new_no_args(&format!(
        "if (!window.{ERRORS}) {{ const write = console.error.bind(console); \
         console.error = (...a) => {{ window.{ERRORS}.push(a.map(String).join(' ')); write(...a); }}; }} \
         window.{ERRORS} = [];"
    ));
    install
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("the recorder installs");
}

/// Makes the page's `fetch` retry a request that stalls (10 s, up to 4 tries).
/// `wasm-bindgen-test-runner`'s own server, which serves `data/` here, now and then
/// never answers one of the twenty-odd requests a view sends at once (seen: two
/// observation files still loading after 15 s, in about one run of four), which no
/// server the app is meant for does. The app's requests are otherwise unchanged.
fn steady_fetch() {
    let install = js_sys::Function::new_no_args(
        "if (window.__mountFetch) return; const send = window.fetch.bind(window); \
         window.__mountFetch = send; \
         window.fetch = async (input, init) => { \
           for (let attempt = 1; ; attempt++) { \
             const stop = new AbortController(); const timer = setTimeout(() => stop.abort(), 10000); \
             try { \
               const r = await send(input, { ...init, signal: stop.signal }); \
               const body = await r.arrayBuffer(); \
               return new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers }); \
             } catch (e) { if (attempt >= 4) throw e; } \
             finally { clearTimeout(timer); } \
           } \
         };",
    );
    install
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("the fetch wrapper installs");
}

/// The `console.error` messages since the last mount.
fn console_errors() -> Vec<String> {
    js_sys::Reflect::get(&window(), &ERRORS.into())
        .ok()
        .map(|a| {
            js_sys::Array::from(&a)
                .iter()
                .filter_map(|v| v.as_string())
                // The message, not the stack under it.
                .map(|m| m.lines().take(3).collect::<Vec<_>>().join(" / "))
                .collect()
        })
        .unwrap_or_default()
}

/// Lets the effects scheduled so far run (they run after the task that changed their
/// signals).
pub async fn settle() {
    for _ in 0..3 {
        gloo_timers::future::sleep(Duration::from_millis(0)).await;
    }
}

/// Waits (up to 60 s) until `ready` holds, e.g. a file has loaded; panics with `what`.
/// The test build's core is unoptimised: reading the bundle takes a few seconds, more
/// on a busy machine (measured: over 10 s while a release build ran beside it).
pub async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..3000 {
        if ready() {
            return;
        }
        gloo_timers::future::sleep(Duration::from_millis(20)).await;
    }
    panic!("waited 60 s for {what}");
}

impl Mounted {
    /// Ends a test: lets what it started settle, and fails on anything the page wrote
    /// to `console.error` meanwhile (as the browser tests fail on a console error).
    pub async fn finish(self) {
        settle().await;
        let errors = console_errors();
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }

    /// The one element `selector` finds in the component; panics when none does.
    pub fn find<T: JsCast>(&self, selector: &str) -> T {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no {selector} in {}", self.root.inner_html()))
            .unchecked_into()
    }

    /// How many elements `selector` finds in the component.
    pub fn count(&self, selector: &str) -> u32 {
        self.root
            .query_selector_all(selector)
            .map(|l| l.length())
            .unwrap_or(0)
    }

    /// The component's visible text.
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
}

/// Picks `value` in a select as a person would: the value, then a bubbling `change`.
pub fn choose(select: &web_sys::HtmlSelectElement, value: &str) {
    select.set_value(value);
    assert_eq!(select.value(), value, "the select offers {value}");
    fire(select, "change");
}

/// Types `value` into a box: the value, then a bubbling `input`.
pub fn type_into(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    fire(input, "input");
}

/// Dispatches a bubbling event of `kind` at `target`.
pub fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
}

/// Presses `key` where the focus is (a bubbling `keydown`, as a keyboard sends it).
pub fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a key event");
    let target = document()
        .active_element()
        .expect("something has the focus");
    target.dispatch_event(&event).expect("dispatched");
}
