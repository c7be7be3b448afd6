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
