//! "Cite this": the citation of the current view, with the data's version and the
//! permalink pinned to it (worded by the core's [`sdg_core::cite`]), and a link to the
//! whole data as a Frictionless Data Package.

use leptos::prelude::*;

use sdg_core::cite::citation;
use sdg_core::model::BundleVersion;

use crate::components::dialog::LazyDialog;
use crate::state::{use_app, App};

/// The bundle's version, once the manifest is in.
pub fn data_version(app: App) -> Option<BundleVersion> {
    app.data
        .manifest
        .with(|m| m.as_ref().and_then(|m| m.version.clone()))
}

/// Today's date in the visitor's clock, `YYYY-MM-DD` (the citation's "accessed").
fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}

/// The "Cite this" button and its dialog (built when opened, like the embed dialog).
#[component]
pub fn CiteThis() -> impl IntoView {
    let app = use_app();
    let dialog = LazyDialog::new();
    let text = move || {
        let href = window().location().href().unwrap_or_default();
        app.state.with(|s| {
            // Every view has a name under `nav.<view>` (checked by a core test).
            let name = app.t(&format!("nav.{}", s.view.key()));
            citation(
                &href,
                s,
                name,
                data_version(app).as_ref(),
                &today(),
                app.lang(),
            )
            .text
        })
    };
    view! {
        <button type="button" class="cite-button" data-testid="cite-button" on:click=move |_| dialog.open()>{move || app.t("cite.button")}</button>
        <dialog node_ref=dialog.node class="cite-dialog" aria-labelledby="cite-title" data-testid="cite-dialog"
            on:close=move |_| dialog.shown.set(false)>
          <Show when=move || dialog.shown.get()>
            <h2 id="cite-title">{move || app.t("cite.title")}</h2>
            <p>{move || app.t("cite.intro")}</p>
            <label for="cite-text">{move || app.t("cite.label")}</label>
            <textarea id="cite-text" data-testid="cite-text" readonly rows="4" prop:value=text></textarea>
            <p><a href="data/datapackage.json" data-testid="cite-package">{move || app.t("cite.package")}</a></p>
            <button type="button" on:click=move |_| dialog.close()>{move || app.t("cite.close")}</button>
          </Show>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use sdg_core::url_state::View;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{mount, settle, until};

    #[wasm_bindgen_test]
    async fn the_dialog_is_built_on_opening_follows_the_state_and_is_dropped_on_closing() {
        let m = mount("view=map&lang=ko", || view! { <CiteThis /> }).await;
        let app = m.app;
        let dialog: web_sys::HtmlDialogElement = m.find("dialog");
        assert_eq!(m.count("dialog textarea"), 0, "nothing built while closed");
        m.find::<web_sys::HtmlElement>("[data-testid=cite-button]")
            .click();
        until("the dialog to open", || dialog.open()).await;
        let text: web_sys::HtmlTextAreaElement = m.find("[data-testid=cite-text]");
        let href = window().location().href().unwrap_or_default();
        let expected = app.state.with_untracked(|s| {
            let version = app
                .data
                .manifest
                .with_untracked(|m| m.as_ref().and_then(|m| m.version.clone()));
            citation(
                &href,
                s,
                sdg_core::i18n::text(s.lang, "nav.map"),
                version.as_ref(),
                &today(),
                s.lang,
            )
            .text
        });
        assert_eq!(
            text.value(),
            expected,
            "the core's citation of this state, in Korean"
        );
        app.go(&sdg_core::nav::Link::View(View::Chart));
        settle().await;
        assert!(
            text.value()
                .contains(sdg_core::i18n::text(sdg_core::i18n::Lang::Ko, "nav.chart")),
            "{}",
            text.value()
        );
        m.find::<web_sys::HtmlElement>("dialog button").click();
        until("the dialog's content to go", || {
            m.count("dialog textarea") == 0
        })
        .await;
        assert!(!dialog.open());
        m.finish().await;
    }
}
