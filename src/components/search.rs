//! A search combobox over English and Korean city names: tolerant of case and
//! accents, suggesting as you type; Enter opens the city.

use leptos::prelude::*;

use sdg_core::lists::{suggestions as suggest, Suggestion};
use sdg_core::nav::Link;

use crate::state::use_app;

/// Most suggestions shown.
const MAX_SUGGESTIONS: usize = 8;

/// The search box.
#[component]
pub fn SearchBox() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(app.state.get_untracked().query);
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
            app.go(&Link::City(s.id));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = suggestions.with_untracked(|s| s.len());
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = (*a + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + n - 1) % n);
            }
            "Enter" => {
                ev.prevent_default();
                if n > 0 {
                    choose(active.get_untracked());
                } else {
                    app.update(|s| s.query = text.get_untracked());
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    view! {
        <div class="search">
            <label for="city-search">{move || app.t("search.label")}</label>
            <input
                id="city-search"
                type="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls="city-suggestions"
                aria-expanded=move || (open.get() && !suggestions.with(|s| s.is_empty())).to_string()
                aria-activedescendant=move || {
                    (open.get() && !suggestions.with(|s| s.is_empty())).then(|| format!("suggestion-{}", active.get()))
                }
                placeholder=move || app.t("search.placeholder")
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_key
                on:blur=move |_| {
                    // Let a click on a suggestion land first.
                    set_timeout(move || open.set(false), std::time::Duration::from_millis(150));
                }
            />
            <ul id="city-suggestions" role="listbox" class="suggestions" hidden=move || !open.get() || suggestions.with(|s| s.is_empty())>
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, Suggestion { label, country, .. })| {
                            view! {
                                <li
                                    id=format!("suggestion-{i}")
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
