//! The start-up's one piece of plain DOM, before the app is mounted: a "Loading the
//! data…" line should the manifest be slow.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use sdg_core::i18n;
use sdg_core::url_state::ViewState;

use crate::state;

/// How long the page may stay blank waiting for the manifest before it says so.
pub(crate) const SLOW_START_MS: u32 = 1_500;

/// A "Loading the data…" line shown if the manifest has not come within a delay, in
/// the URL's language; dropping it cancels the delay or removes the line. Plain DOM:
/// the app is not mounted yet.
pub(crate) struct SlowStartNotice {
    _timer: Timeout,
    shown: Rc<RefCell<Option<web_sys::Element>>>,
}

impl SlowStartNotice {
    pub(crate) fn after(ms: u32) -> Self {
        let shown = Rc::new(RefCell::new(None));
        let slot = Rc::clone(&shown);
        let timer = Timeout::new(ms, move || {
            let lang = ViewState::parse(&state::location_search()).0.lang;
            let Some(document) = leptos::prelude::window().document() else {
                return;
            };
            let (Ok(line), Some(body)) = (document.create_element("p"), document.body()) else {
                return;
            };
            line.set_class_name("loading slow-start");
            let _ = line.set_attribute("role", "status");
            line.set_text_content(Some(i18n::text(lang, "load.loading")));
            if body.append_child(&line).is_ok() {
                *slot.borrow_mut() = Some(line);
            }
        });
        Self {
            _timer: timer,
            shown,
        }
    }
}

impl Drop for SlowStartNotice {
    fn drop(&mut self) {
        if let Some(line) = self.shown.borrow_mut().take() {
            line.remove();
        }
    }
}
