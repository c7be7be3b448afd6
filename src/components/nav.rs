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

#[cfg(test)]
mod tests {
    use sdg_core::i18n;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{choose, mount, settle};

    /// The page's query string, without its `?`.
    fn address() -> String {
        window().location().search().unwrap_or_default()
    }

    #[wasm_bindgen_test]
    async fn the_language_select_reaches_the_state_the_url_the_page_and_the_words() {
        let m = mount("view=map", || view! { <Preferences /> }).await;
        let select: web_sys::HtmlSelectElement = m.find("select");
        assert_eq!(
            select.value(),
            "en",
            "the select shows the state's language"
        );
        choose(&select, "ko");
        settle().await;
        assert_eq!(m.app.state.with_untracked(|s| s.lang), Lang::Ko);
        assert!(
            address().contains("lang=ko"),
            "the URL carries it: {}",
            address()
        );
        assert!(
            address().contains("view=map"),
            "and keeps the rest: {}",
            address()
        );
        let root = document().document_element().expect("<html>");
        assert_eq!(root.get_attribute("lang").as_deref(), Some("ko"));
        assert!(
            m.text().contains(i18n::text(Lang::Ko, "prefs.language")),
            "the labels follow: {}",
            m.text()
        );
        // Back to English from the URL side (a Back button), the select follows.
        m.app.state.update(|s| s.lang = Lang::En);
        settle().await;
        assert_eq!(select.value(), "en");
        assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
        m.finish().await;
    }

    #[wasm_bindgen_test]
    async fn a_tab_follows_in_place_keeps_the_language_and_marks_itself_current() {
        let m = mount("lang=zh", || view! { <Nav /> }).await;
        let map_tab: web_sys::HtmlAnchorElement = m.find("a[href*='view=map']");
        assert!(map_tab.href().contains("lang=zh"), "{}", map_tab.href());
        assert_eq!(
            map_tab.text_content().as_deref(),
            Some(i18n::text(Lang::Zh, "nav.map"))
        );
        assert_eq!(map_tab.get_attribute("aria-current"), None);
        map_tab.click();
        settle().await;
        assert_eq!(m.app.view.get_untracked(), View::Map, "followed in place");
        assert!(address().contains("view=map"), "{}", address());
        assert_eq!(
            map_tab.get_attribute("aria-current").as_deref(),
            Some("page")
        );
        assert_eq!(m.count("[aria-current=page]"), 1, "one current tab");
        m.finish().await;
    }
}
