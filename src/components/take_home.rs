//! "Take this view home": on a kiosk, the QR code of the view's permalink, made in the
//! browser by the core (no network), for a visitor to scan with a phone.

use leptos::prelude::*;

use sdg_core::nav::take_home_url;
use sdg_core::qr::qr_svg;

use crate::state::use_app;

/// The page's own address without its query: where a permalink points when the kiosk
/// names no public address.
fn page_base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The QR code of the current view for a phone (`public_url`: the kiosk's public
/// address, if its settings name one).
#[component]
pub fn TakeHome(public_url: Signal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let url = Memo::new(move |_| {
        let base = public_url.get().unwrap_or_else(page_base);
        app.state.with(|s| take_home_url(&base, s))
    });
    let code = Memo::new(move |_| qr_svg(&url.get()));
    move || {
        code.get().map(|q| {
            let size = q.size;
            view! {
                <aside class="take-home" data-testid="take-home" data-url=url.get()>
                    <svg viewBox=format!("0 0 {size} {size}") role="img" aria-label=app.t("kiosk.qr-label") shape-rendering="crispEdges">
                        <rect width=size height=size fill="#fff"></rect>
                        <path d=q.path fill="#000"></path>
                    </svg>
                    <p>{app.t("kiosk.take-home")}</p>
                </aside>
            }
        })
    }
}
