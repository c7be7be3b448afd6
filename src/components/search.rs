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
