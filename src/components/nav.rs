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
                <select
                    on:change=move |ev| {
                        let lang = if event_target_value(&ev) == "ko" { Lang::Ko } else { Lang::En };
                        app.update(|s| s.lang = lang);
                    }
                    prop:value=move || app.lang().key()
                >
                    <option value="en">"English"</option>
                    <option value="ko">"한국어"</option>
                </select>
            </label>
            <label>
                <span class="visually-hidden">{move || app.t("prefs.theme")}</span>
                <select
                    on:change=move |ev| {
                        let theme = match event_target_value(&ev).as_str() {
                            "light" => Theme::Light,
                            "dark" => Theme::Dark,
                            _ => Theme::Auto,
                        };
                        app.update(|s| s.theme = theme);
                    }
                    prop:value=move || app.state.with(|s| s.theme.key())
                >
                    <option value="auto">{move || app.t("prefs.theme.auto")}</option>
                    <option value="light">{move || app.t("prefs.theme.light")}</option>
                    <option value="dark">{move || app.t("prefs.theme.dark")}</option>
                </select>
            </label>
        </div>
    }
}
