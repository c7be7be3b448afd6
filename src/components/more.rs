//! "Show N more": the button under a long list that adds its next page (the page
//! sizes are the core's, [`sdg_core::lists::Pager`]). Gone once all are shown.

use leptos::prelude::*;

use sdg_core::i18n::format_int;
use sdg_core::lists::Pager;

use crate::state::use_app;

/// The next page's button of a list of `total` items shown `pages` pages at a time.
#[component]
pub fn MoreButton(
    /// The list's page size.
    pager: Pager,
    /// How many items the list has.
    #[prop(into)]
    total: Signal<usize>,
    /// How many pages are shown; the button adds one.
    pages: RwSignal<usize>,
    /// The message key, with `{n}` for how many the next page adds.
    message: &'static str,
    /// The button's test id.
    testid: &'static str,
) -> impl IntoView {
    let app = use_app();
    move || {
        let more = pager.next(total.get(), pages.get());
        (more > 0).then(|| {
            view! {
                <button type="button" class="more" data-testid=testid on:click=move |_| pages.update(|p| *p += 1)>
                    {app.fill(message, &[("n", &format_int(more as u64))])}
                </button>
            }
        })
    }
}
