//! The view tabs, the language and theme switches.

use leptos::prelude::*;

use sdg_core::i18n::Lang;
use sdg_core::nav::Link;
use sdg_core::url_state::{Theme, View};

use crate::components::link::AppLink;
use crate::state::use_app;

/// Main navigation between views.
#[component]
pub fn Nav() -> impl IntoView {
    let app = use_app();
    let tab = move |view: View, key: &'static str| {
        let current = Signal::derive(move || app.view.get() == view);
        view! {
            <li>
                <AppLink to=Link::View(view) current=current>
                    {move || app.t(key)}
                </AppLink>
            </li>
        }
    };
    view! {
        <nav class="main-nav" aria-label=move || app.t("nav.label")>
            <ul>
                {tab(View::Overview, "nav.overview")}
                {tab(View::Map, "nav.map")}
                {tab(View::Chart, "nav.chart")}
                {tab(View::Table, "nav.table")}
                {tab(View::Indicator, "nav.indicator")}
                {tab(View::Actions, "nav.actions")}
                {tab(View::Korea, "nav.korea")}
                {tab(View::MyData, "nav.mydata")}
            </ul>
        </nav>
    }
}

/// Language and theme switches.
#[component]
pub fn Preferences() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="prefs">
            <label>
                <span class="visually-hidden">{move || app.t("prefs.language")}</span>
                <LangSelect value=Signal::derive(move || app.lang()) pick=Callback::new(move |lang| app.update(|s| s.lang = lang)) />
            </label>
            <label>
                <span class="visually-hidden">{move || app.t("prefs.theme")}</span>
                <ThemeSelect value=Signal::derive(move || app.state.with(|s| s.theme)) pick=Callback::new(move |theme| app.update(|s| s.theme = theme)) />
            </label>
        </div>
    }
}

/// A language select (the header's, the embed dialog's).
#[component]
pub fn LangSelect(value: Signal<Lang>, pick: Callback<Lang>) -> impl IntoView {
    view! {
        <select
            on:change=move |ev| pick.run(Lang::from_key(&event_target_value(&ev)).unwrap_or_default())
            prop:value=move || value.get().key()
        >
            {Lang::ALL.iter().map(|l| view! { <option value=l.key() lang=l.html_lang()>{l.native_name()}</option> }).collect_view()}
        </select>
    }
}

/// A colour theme select (the header's, the embed dialog's).
#[component]
pub fn ThemeSelect(value: Signal<Theme>, pick: Callback<Theme>) -> impl IntoView {
    let app = use_app();
    view! {
        <select
            on:change=move |ev| pick.run(Theme::from_key(&event_target_value(&ev)).unwrap_or_default())
            prop:value=move || value.get().key()
        >
            {Theme::ALL.into_iter().map(|t| view! { <option value=t.key()>{move || app.t(t.label_key())}</option> }).collect_view()}
        </select>
    }
}
