//! An internal link: a real `<a href>` made from the current state by the core (so a
//! middle click or "copy link" works and keeps language, theme and filters), followed
//! in place on a plain click.

use leptos::prelude::*;

use sdg_core::nav::Link;

use crate::state::use_app;

/// A link to another place of the app.
#[component]
pub fn AppLink(
    /// Where it goes.
    to: Link,
    /// `aria-current` of navigation tabs.
    #[prop(optional, into)]
    current: Option<Signal<bool>>,
    /// Its accessible name, when the visible words need the context around them (it
    /// must begin with those words, so a voice user can say what they see).
    #[prop(optional, into)]
    label: Option<String>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let href = {
        let to = to.clone();
        move || app.href(&to)
    };
    view! {
        <a
            href=href
            aria-current=move || current.and_then(|c| c.get().then_some("page"))
            aria-label=label
            on:click=move |ev| {
                // Let modified clicks open a new tab as usual.
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                    return;
                }
                ev.prevent_default();
                app.go(&to);
            }
        >
            {children()}
        </a>
    }
}
