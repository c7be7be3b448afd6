//! The app's shared state: the data, the view state (mirrored in the URL) and the
//! translation of UI strings. Views get it with [`use_app`].

use leptos::prelude::*;

use sdg_core::i18n;
use sdg_core::url_state::{Lang, UrlNotice, View, ViewState};

use crate::loader::Data;

/// Everything a view needs; cheap to copy.
#[derive(Clone, Copy)]
pub struct App {
    /// The loaded data.
    pub data: Data,
    /// The view state; every change is written to the URL.
    pub state: RwSignal<ViewState>,
    /// Permalink parameters that could not be understood.
    pub notices: RwSignal<Vec<UrlNotice>>,
    /// The current view, as a memo: views that depend only on it are not re-run by a
    /// filter change.
    pub view: Memo<View>,
    /// The current series (see [`crate::selection::resolve_series`]), as a memo.
    pub series: Memo<Option<sdg_core::model::Series>>,
}

impl App {
    /// The UI string for `key` in the current language (reactive).
    pub fn t(&self, key: &str) -> &'static str {
        i18n::text(self.lang(), key)
    }

    /// The current language (reactive).
    pub fn lang(&self) -> Lang {
        self.state.with(|s| s.lang)
    }

    /// Changes the view state; a change of view (or of the city shown) adds a history
    /// entry, anything else replaces the current one.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        self.state.update(f);
    }

    /// Opens a view, keeping filters.
    pub fn go(&self, view: View) {
        self.update(|s| s.view = view);
    }

    /// Opens a city profile.
    pub fn open_city(&self, id: &str) {
        let id = id.to_string();
        self.update(|s| {
            s.view = View::City;
            s.cities = vec![id];
        });
    }

    /// A link's href for a state derived from the current one (for real links that also
    /// work with a middle click or "copy link").
    pub fn href(&self, f: impl FnOnce(&mut ViewState)) -> String {
        let mut s = self.state.get();
        f(&mut s);
        let q = s.to_query();
        if q.is_empty() {
            "?".into()
        } else {
            format!("?{q}")
        }
    }
}

/// The app context.
pub fn use_app() -> App {
    expect_context::<App>()
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Creates the state from the URL, and keeps the two in step both ways.
pub fn install(data: Data) -> App {
    let (initial, notices) = ViewState::parse(&location_search());
    let state = RwSignal::new(initial.clone());
    let app = App {
        data,
        state,
        notices: RwSignal::new(notices),
        view: Memo::new(move |_| state.with(|s| s.view)),
        series: Memo::new(move |_| crate::selection::resolve_series(state, data)),
    };
    provide_context(app);

    // State -> URL. A new view (or another city) pushes; filters replace.
    let last = StoredValue::new(initial);
    let from_popstate = StoredValue::new(false);
    Effect::new(move |_| {
        let state = app.state.get();
        let previous = last.get_value();
        if state == previous {
            return;
        }
        last.set_value(state.clone());
        if from_popstate.get_value() {
            from_popstate.set_value(false);
            return;
        }
        let q = state.to_query();
        let url = if q.is_empty() {
            window().location().pathname().unwrap_or_default()
        } else {
            format!("?{q}")
        };
        if let Ok(history) = window().history() {
            let push = state.view != previous.view
                || (state.view == View::City && state.cities != previous.cities)
                || (state.view == View::Indicator && state.indicator != previous.indicator);
            let _ = if push {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    });

    // URL -> state, for Back and Forward.
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (state, notices) = ViewState::parse(&location_search());
        from_popstate.set_value(true);
        app.notices.set(notices);
        app.state.set(state);
    });
    on_cleanup(move || handle.remove());

    // <html lang> and the theme follow the state.
    Effect::new(move |_| {
        let (lang, theme) = app.state.with(|s| (s.lang, s.theme));
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.key());
            let _ = root.set_attribute("data-theme", theme.key());
        }
    });
    app
}

/// Starts a browser download of `text` (CSV, SVG) under `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) {
    js::download_text(text, mime, filename);
}

/// Renders an SVG document to a PNG (2× for sharpness) and downloads it.
pub fn download_png(filename: &str, svg: &str, width: u32, height: u32) {
    js::png_from_svg(svg, width, height, filename);
}

/// Small browser helpers that are shorter in JavaScript than through web-sys.
mod js {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(inline_js = r#"
export function download_text(text, mime, filename) {
  download_blob(new Blob([text], { type: mime }), filename);
}
export function png_from_svg(svg, width, height, filename) {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => download_blob(blob, filename), 'image/png');
  };
  img.src = url;
}
function download_blob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
"#)]
    extern "C" {
        pub fn download_text(text: &str, mime: &str, filename: &str);
        pub fn png_from_svg(svg: &str, width: u32, height: u32, filename: &str);
    }
}
