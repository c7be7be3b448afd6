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

#[cfg(test)]
mod tests {
    use sdg_core::i18n::{self, Lang};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{mount, settle};

    #[wasm_bindgen_test]
    async fn each_click_adds_a_page_until_every_item_shows() {
        let pages = RwSignal::new(1);
        let m = mount("lang=ko", move || {
            view! { <MoreButton pager=Pager::new(10) total=Signal::stored(25) pages=pages message="actions.more" testid="more" /> }
        })
        .await;
        let said = |n: &str| i18n::fill(Lang::Ko, "actions.more", &[("n", n)]);
        assert_eq!(m.text(), said("10"), "in the state's language");
        m.find::<web_sys::HtmlElement>("button").click();
        settle().await;
        assert_eq!(pages.get_untracked(), 2);
        assert_eq!(m.text(), said("5"), "the last page is a short one");
        m.find::<web_sys::HtmlElement>("button").click();
        settle().await;
        assert_eq!(pages.get_untracked(), 3);
        assert_eq!(m.count("button"), 0, "gone once all 25 show");
        m.finish().await;
    }
}
