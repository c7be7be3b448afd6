//! A search combobox over English and Korean city names: tolerant of case and
//! accents, suggesting as you type; Enter opens the city, or hands it to `on_pick`
//! (the share form picks a place with it).

use leptos::prelude::*;
use sdg_core::lists::step_focus;

use sdg_core::lists::{suggestions as suggest, Suggestion};
use sdg_core::nav::Link;
use sdg_core::resolve::search_files;

use crate::state::use_app;

/// Most suggestions shown.
const MAX_SUGGESTIONS: usize = 8;

/// The search box. `id` names its input (unique on the page); `on_pick` receives the
/// chosen city instead of opening it; `label_key` is its label's message key.
#[component]
pub fn SearchBox(
    #[prop(default = "city-search")] id: &'static str,
    #[prop(optional)] on_pick: Option<Callback<Suggestion>>,
    #[prop(default = "search.label")] label_key: &'static str,
) -> impl IntoView {
    let app = use_app();
    let initial = match on_pick {
        Some(_) => String::new(),
        None => app.state.get_untracked().query,
    };
    let text = RwSignal::new(initial);
    let list_id = format!("{}-suggestions", id.trim_end_matches("-search"));
    let option_id = move |i: usize| format!("{id}-option-{i}");
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let suggestions = Memo::new(move |_| {
        let text = text.get();
        let lang = app.lang();
        app.data
            .bundle
            .with(|b| suggest(&b.gazetteer, &text, lang, MAX_SUGGESTIONS))
    });
    let choose = move |i: usize| {
        if let Some(s) = suggestions.with_untracked(|s| s.get(i).cloned()) {
            open.set(false);
            match on_pick {
                Some(pick) => {
                    text.set(s.label.clone());
                    pick.run(s);
                }
                None => app.go(&Link::City(s.id)),
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = suggestions.with_untracked(|s| s.len());
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = step_focus(Some(*a), 1, n).unwrap_or(0));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = step_focus(Some(*a), -1, n).unwrap_or(0));
            }
            "Enter" => {
                ev.prevent_default();
                if n > 0 {
                    choose(active.get_untracked());
                } else if on_pick.is_none() {
                    app.update(|s| s.query = text.get_untracked());
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    view! {
        <div class="search">
            <label for=id>{move || app.t(label_key)}</label>
            <input
                id=id
                type="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || (open.get() && !suggestions.with(|s| s.is_empty())).to_string()
                aria-activedescendant=move || {
                    (open.get() && !suggestions.with(|s| s.is_empty())).then(|| option_id(active.get()))
                }
                placeholder=move || app.t("search.placeholder")
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_key
                on:focus=move |_| {
                    // The landing page has no city names yet: fetch them when the
                    // search is about to be used, not before.
                    if !app.data.gazetteer_ready.get_untracked() {
                        let files = app.data.manifest.with_untracked(|m| m.as_ref().map(search_files));
                        app.data.request(&files.unwrap_or_default());
                    }
                }
                on:blur=move |_| {
                    // Let a click on a suggestion land first.
                    set_timeout(move || open.set(false), std::time::Duration::from_millis(150));
                }
            />
            <p class="search-status" aria-live="polite">
                {move || (open.get() && !text.with(String::is_empty) && !app.data.gazetteer_ready.get())
                    .then(|| app.t("search.loading"))}
            </p>
            <ul id=list_id role="listbox" class="suggestions" hidden=move || !open.get() || suggestions.with(|s| s.is_empty())>
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, Suggestion { label, country, .. })| {
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    aria-selected=move || (active.get() == i).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(i);
                                    }
                                >
                                    <span>{label}</span>
                                    <small>{country}</small>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use sdg_core::i18n::Lang;
    use sdg_core::url_state::View;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{mount, press, settle, type_into, until};

    /// The suggestions' labels as shown.
    fn shown(m: &crate::test_mount::Mounted) -> Vec<String> {
        let list = m
            .root
            .query_selector_all("[role=option] span")
            .expect("a list");
        (0..list.length())
            .filter_map(|i| list.item(i)?.text_content())
            .collect()
    }

    #[wasm_bindgen_test]
    async fn typing_suggests_the_arrows_move_and_enter_opens_the_city() {
        let m = mount("", || view! { <SearchBox /> }).await;
        let app = m.app;
        assert!(
            !untrack(|| app.data.gazetteer_ready.get()),
            "no city names before the search is used"
        );
        let input: web_sys::HtmlInputElement = m.find("input");
        input.focus().expect("focusable");
        until("the city names, fetched on focus", || {
            untrack(|| app.data.gazetteer_ready.get())
        })
        .await;
        type_into(&input, "suwon");
        settle().await;
        let labels = shown(&m);
        assert!(
            !labels.is_empty() && labels.len() <= MAX_SUGGESTIONS,
            "{labels:?}"
        );
        let expected = app
            .data
            .bundle
            .with_untracked(|b| suggest(&b.gazetteer, "suwon", Lang::En, MAX_SUGGESTIONS));
        assert_eq!(
            labels,
            expected.iter().map(|s| s.label.clone()).collect::<Vec<_>>(),
            "the core's suggestions, in its order"
        );
        assert_eq!(
            input.get_attribute("aria-expanded").as_deref(),
            Some("true")
        );
        assert_eq!(
            input.get_attribute("aria-activedescendant").as_deref(),
            Some("city-search-option-0")
        );
        if labels.len() > 1 {
            press("ArrowDown");
            settle().await;
            assert_eq!(
                input.get_attribute("aria-activedescendant").as_deref(),
                Some("city-search-option-1")
            );
            press("ArrowUp");
            settle().await;
        }
        press("Enter");
        settle().await;
        assert_eq!(app.view.get_untracked(), View::City);
        assert_eq!(
            app.state.with_untracked(|s| s.cities.clone()),
            vec![expected[0].id.clone()]
        );
        assert_eq!(
            input.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        m.finish().await;
    }

    #[wasm_bindgen_test]
    async fn a_form_s_search_hands_the_pick_over_instead_of_opening_it() {
        let picked = RwSignal::new(None::<Suggestion>);
        let pick = Callback::new(move |s: Suggestion| picked.set(Some(s)));
        let m = mount(
            "view=share",
            move || view! { <SearchBox id="place-search" on_pick=pick /> },
        )
        .await;
        let app = m.app;
        let input: web_sys::HtmlInputElement = m.find("input#place-search");
        input.focus().expect("focusable");
        until("the city names", || {
            untrack(|| app.data.gazetteer_ready.get())
        })
        .await;
        type_into(&input, "seoul");
        settle().await;
        let option: web_sys::HtmlElement = m.find("#place-search-option-0");
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        let down = web_sys::MouseEvent::new_with_mouse_event_init_dict("mousedown", &init)
            .expect("a mouse event");
        option.dispatch_event(&down).expect("sent");
        settle().await;
        let got = picked.get_untracked().expect("the form got the place");
        assert_eq!(input.value(), got.label, "the box shows the pick");
        assert_eq!(app.view.get_untracked(), View::Share, "the form stays");
        assert!(app.state.with_untracked(|s| s.cities.is_empty()));
        m.finish().await;
    }
}
