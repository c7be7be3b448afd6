//! Partner embeds: the "Embed" dialog (the core's snippet for the current state with
//! the chosen options), the small bar an embedded view shows, and the height report
//! sent to the partner page. The app listens to no message: nothing a partner page
//! posts can change it beyond what the URL allows.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use sdg_core::url_state::{EmbedHeight, Lang, Theme, ViewState, EMBED_HEIGHTS};

use crate::components::dialog::LazyDialog;
use crate::components::nav::{LangSelect, ThemeSelect};
use crate::state::use_app;

/// The key of the height message (`{"urban-sdg-explorer-height": px}`), as `embed.js`
/// expects it.
const HEIGHT_KEY: &str = "urban-sdg-explorer-height";

/// The app's address without its query, ending in `/` or a file name.
fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    sdg_core::nav::page_base(&href).to_string()
}

/// An embedded view's own chrome: a link to the full explorer (new tab).
#[component]
pub fn EmbedBar() -> impl IntoView {
    let app = use_app();
    let full = move || {
        format!(
            "{}{}",
            page_address(),
            app.state.with(ViewState::without_embed).href()
        )
    };
    view! {
        <p class="embed-bar">
            <a href=full target="_blank" rel="noopener noreferrer" data-testid="embed-open">
                {move || app.t("embed.open")}
            </a>
        </p>
    }
}

/// While embedded with an automatic height, posts the page's height to the parent
/// whenever it changes.
pub fn report_height() {
    let Some(root) = document().document_element() else {
        return;
    };
    let post = move || {
        let Ok(Some(parent)) = window().parent() else {
            return;
        };
        let Some(root) = document().document_element() else {
            return;
        };
        let height = f64::from(root.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &HEIGHT_KEY.into(), &height.into());
        // The height is no secret: any embedding origin may read it.
        let _ = parent.post_message(&message, "*");
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
        // Lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// The "Embed" button and its dialog.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let app = use_app();
    let dialog = LazyDialog::new();
    // The options, starting from the current state's language and theme. (Every style
    // the app sets goes through the CSSOM, `style:` in the views, never a `style`
    // attribute, so a `style-src 'self'` policy holds too.)
    let hide_controls = RwSignal::new(false);
    let fixed = RwSignal::new(None::<u32>);
    let lang = RwSignal::new(None::<Lang>);
    let theme = RwSignal::new(None::<Theme>);
    let pin = RwSignal::new(false);
    let version = move || crate::components::cite::data_version(app);
    let code = move || {
        let mut s: ViewState = app.state.get();
        // Pinned, the embed says so when the site's data changes (core `cite`).
        s = sdg_core::cite::pinned(&s, version().filter(|_| pin.get()).as_ref());
        s.hide_controls = hide_controls.get();
        s.height = fixed.get().map_or(EmbedHeight::Auto, EmbedHeight::Px);
        if let Some(l) = lang.get() {
            s.lang = l;
        }
        if let Some(t) = theme.get() {
            s.theme = t;
        }
        // Every view has a name under `nav.<view>` (checked by a core test).
        let title = format!(
            "Urban SDG Explorer: {}",
            app.t(&format!("nav.{}", s.view.key()))
        );
        s.embed_code(&page_address(), &title)
    };
    let snippet = move || {
        let c = code();
        if c.script.is_empty() {
            c.iframe
        } else {
            format!("{}\n{}", c.iframe, c.script)
        }
    };
    // Built when it opens (the snippet follows the state only while it is open).
    let open = move |_| {
        lang.set(Some(app.lang()));
        theme.set(Some(app.state.with_untracked(|s| s.theme)));
        dialog.open();
    };
    let (min, max) = (*EMBED_HEIGHTS.start(), *EMBED_HEIGHTS.end());
    view! {
        <button type="button" class="embed-button" data-testid="embed-button" on:click=open>{move || app.t("embed.button")}</button>
        <dialog node_ref=dialog.node class="embed-dialog" aria-labelledby="embed-title" data-testid="embed-dialog"
            on:close=move |_| dialog.shown.set(false)>
          <Show when=move || dialog.shown.get()>
            <h2 id="embed-title">{move || app.t("embed.title")}</h2>
            <p>{move || app.t("embed.intro")}</p>
            <fieldset>
                <legend>{move || app.t("embed.options")}</legend>
                <label class="check"><input type="checkbox" data-testid="embed-controls" prop:checked=move || !hide_controls.get()
                    on:change=move |ev| hide_controls.set(!event_target_checked(&ev)) />" "{move || app.t("embed.controls")}</label>
                <label class="check"><input type="checkbox" data-testid="embed-auto" prop:checked=move || fixed.get().is_none()
                    on:change=move |ev| fixed.set((!event_target_checked(&ev)).then_some(640)) />" "{move || app.t("embed.auto")}</label>
                <Show when=move || fixed.get().is_some()>
                    <label>{move || app.t("embed.height")}" "
                        <input type="number" min=min max=max step="10" prop:value=move || fixed.get().unwrap_or(640).to_string()
                            on:input=move |ev| {
                                if let Ok(px) = event_target_value(&ev).parse::<u32>() {
                                    fixed.set(Some(px.clamp(min, max)));
                                }
                            } />
                    </label>
                </Show>
                {move || version().map(|v| view! {
                    <label class="check"><input type="checkbox" data-testid="embed-pin" prop:checked=move || pin.get()
                        on:change=move |ev| pin.set(event_target_checked(&ev)) />" "{app.fill("embed.pin", &[("version", &v.label())])}</label>
                })}
                <label>{move || app.t("prefs.language")}" "
                    <LangSelect value=Signal::derive(move || lang.get().unwrap_or_default()) pick=Callback::new(move |l| lang.set(Some(l))) />
                </label>
                <label>{move || app.t("prefs.theme")}" "
                    <ThemeSelect value=Signal::derive(move || theme.get().unwrap_or_default()) pick=Callback::new(move |t| theme.set(Some(t))) />
                </label>
            </fieldset>
            <label for="embed-snippet">{move || app.t("embed.snippet")}</label>
            <textarea id="embed-snippet" data-testid="embed-snippet" readonly rows="5" prop:value=snippet></textarea>
            <label for="embed-link">{move || app.t("embed.link")}</label>
            <input id="embed-link" data-testid="embed-link" type="text" readonly prop:value=move || code().link />
            <p class="help">{move || app.t("embed.help")}</p>
            <button type="button" on:click=move |_| dialog.close()>{move || app.t("embed.close")}</button>
          </Show>
        </dialog>
    }
}
