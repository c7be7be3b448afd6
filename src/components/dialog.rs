//! A modal dialog whose content is built when it opens, not with the page: closed, it
//! costs neither the start-up (its elements built) nor work on every change of the
//! state its content follows. The embed and "Cite this" dialogs use it.

use leptos::html::Dialog;
use leptos::prelude::*;

/// A lazily built modal dialog: bind `node` to the `<dialog>`, show its content while
/// `shown`, and call `open` and `close`.
#[derive(Clone, Copy)]
pub struct LazyDialog {
    /// The `<dialog>` element.
    pub node: NodeRef<Dialog>,
    /// Whether its content is built (true from `open` to the dialog's `close` event).
    pub shown: RwSignal<bool>,
}

impl LazyDialog {
    /// A closed dialog.
    pub fn new() -> Self {
        Self {
            node: NodeRef::new(),
            shown: RwSignal::new(false),
        }
    }

    /// Builds the content, then shows the dialog modally once the content is in, so
    /// that its first control takes the focus.
    pub fn open(self) {
        self.shown.set(true);
        let node = self.node;
        request_animation_frame(move || {
            if let Some(d) = node.get_untracked() {
                let _ = d.show_modal();
            }
        });
    }

    /// Closes the dialog (its `close` event should set `shown` back to false).
    pub fn close(self) {
        if let Some(d) = self.node.get_untracked() {
            d.close();
        }
    }
}

impl Default for LazyDialog {
    fn default() -> Self {
        Self::new()
    }
}
