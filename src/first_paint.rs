//! Taking over from the first paint made at build time (see
//! [`sdg_core::first_paint`] and `scripts/paint.mjs`).
//!
//! The app's code runs only once the start-up script has settled whether a static
//! frame shows (`init-*.js` waits for it). When one does (the page is marked
//! `data-paint="shown"`), the app is built away from the page, in an element not in
//! the document, while the frame stays on screen; once the view is drawn (or has
//! failed), [`take_over`] puts the app's nodes where the frame is and removes it, in
//! one task, so that no frame of the browser shows both or neither. Otherwise the
//! app mounts into the body as usual, and the page is marked so that a frame that
//! arrives late is not shown over it.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

/// The page's attribute the start-up script and the app share.
const STATE: &str = "data-paint";
/// The static frame's element.
const FRAME_ID: &str = "paint";
/// The event the start-up script listens to, to hand on what was done to the frame
/// (a click, a text typed, the focus) before it goes.
const TAKEOVER: &str = "urbansdg:takeover";

thread_local! {
    /// Where the app is being built while the frame shows.
    static HOST: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

/// The element to mount the app into: a detached one when a static frame shows,
/// else `None` (the body).
pub fn host() -> Option<web_sys::HtmlElement> {
    let document = leptos::prelude::document();
    let root = document.document_element()?;
    if root.get_attribute(STATE).as_deref() != Some("shown") {
        // No frame now, and none later (a frame still `pending`, too slow to wait
        // for, is then not shown): the app is the page.
        let _ = root.set_attribute(STATE, "app");
        return None;
    }
    let host: web_sys::HtmlElement = document.create_element("div").ok()?.unchecked_into();
    HOST.with(|h| *h.borrow_mut() = Some(host.clone()));
    Some(host)
}

/// The page's attribute set once the view is drawn: what the build's painter
/// (`scripts/paint.mjs`) waits for before it takes a frame.
const DRAWN: &str = "data-drawn";

/// The view is drawn (or has failed): marks the page so, and replaces the static
/// frame with the app, once (when a frame showed).
pub fn take_over() {
    let document = leptos::prelude::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute(DRAWN, "");
    }
    let Some(host) = HOST.with(|h| h.borrow_mut().take()) else {
        return;
    };
    let (Some(root), Some(body)) = (document.document_element(), document.body()) else {
        return;
    };
    let frame = document.get_element_by_id(FRAME_ID);
    let before: Option<web_sys::Node> = frame.clone().map(Into::into);
    while let Some(node) = host.first_child() {
        let _ = body.insert_before(&node, before.as_ref());
    }
    let _ = root.set_attribute(STATE, "done");
    if let Ok(event) = web_sys::CustomEvent::new(TAKEOVER) {
        let _ = document.dispatch_event(&event);
    }
    if let Some(frame) = frame {
        frame.remove();
    }
}
