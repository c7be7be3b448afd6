//! Kiosk mode (`kiosk=1`): wires the core's attract clock to a one-second timer and to
//! touches, applies its steps to the view state, and shows the loop's caption. The
//! settings come from `data/kiosk.json` when there is one, then the URL.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use sdg_core::kiosk::{home, playing_year, Attract, KioskConfig, Step};

use crate::selection::series_years;

use crate::state::use_app;

/// Where a kiosk's own settings may live (in the data folder).
const KIOSK_FILE: &str = "kiosk.json";

/// The kiosk's clock and caption (renders nothing unless `kiosk=1`). `rows` are the
/// cities the view shows, whose ranking the caption says in words.
#[component]
pub fn Kiosk(rows: Memo<Vec<sdg_core::scene::Row>>) -> impl IntoView {
    let app = use_app();
    let start = app.state.get_untracked();
    if !start.kiosk {
        return ().into_any();
    }
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk");
    }
    let config = RwSignal::new(KioskConfig::default().with_url(&start));
    leptos::task::spawn_local(async move {
        if let Ok(text) = crate::loader::fetch_text(KIOSK_FILE).await {
            // A broken kiosk.json keeps the defaults: a kiosk never stops for it.
            if let Ok(c) = KioskConfig::parse("kiosk.json", &text) {
                config.set(c.with_url(&start));
            }
        }
    });
    let caption = RwSignal::new(None::<usize>);
    let clock = Rc::new(RefCell::new(Attract::new(js_sys::Date::now())));
    let apply = move |step: Step| match step {
        Step::Stay => {}
        Step::Home => {
            caption.set(None);
            let kiosk = app.state.get_untracked();
            app.state.set(home(&kiosk));
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        Step::Show(i) => {
            let kiosk = app.state.get_untracked();
            if let Some(next) = config.with_untracked(|c| c.stop_state(i, &home(&kiosk))) {
                caption.set(Some(i));
                app.state.set(next);
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    };
    // Asked once: a kiosk's screen does not change its mind.
    let reduced_motion = window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // The current series' years, recomputed when the series or its tables change, not
    // on every tick.
    let years = Memo::new(move |_| series_years(&app));
    let ticking = Rc::clone(&clock);
    let interval = gloo_timers::callback::Interval::new(1000, move || {
        let now = js_sys::Date::now();
        let step = config.with_untracked(|c| ticking.borrow_mut().tick(now, c));
        apply(step);
        // A playing stop steps through the series' years over its dwell.
        let Some((i, since)) = ticking.borrow().shown_since() else {
            return;
        };
        let (plays, dwell) =
            config.with_untracked(|c| (c.stops.get(i).is_some_and(|s| s.play), c.dwell));
        if plays && !reduced_motion {
            let year = years.with_untracked(|ys| playing_year(ys, now - since, dwell));
            if year.is_some() && year != app.state.with_untracked(|s| s.year) {
                app.state.update(|s| s.year = year);
            }
        }
    });
    let touched = Rc::clone(&clock);
    let touch = move || apply(touched.borrow_mut().touch(js_sys::Date::now()));
    let touch_key = touch.clone();
    let down = window_event_listener(leptos::ev::pointerdown, move |_| touch());
    let key = window_event_listener(leptos::ev::keydown, move |_| touch_key());
    // No context menu on a kiosk (a long press would open one).
    let menu = window_event_listener(leptos::ev::contextmenu, |ev| ev.prevent_default());
    // The kiosk runs as long as the page: the shell never unmounts it.
    interval.forget();
    let _ = (down, key, menu);
    let public_url = Signal::derive(move || config.with(|c| c.public_url.clone()));
    view! {
        <crate::components::take_home::TakeHome public_url=public_url />
        {move || caption.get().and_then(|i| {
            let lang = app.lang();
            let text = config.with(|c| c.stops.get(i).map(|s| s.caption(lang).to_string()))?;
            let said = move || {
                let series = app.series.get()?;
                let view = app.view.get();
                Some(rows.with(|r| sdg_core::words::kiosk_words(view, r, &series, app.lang())).join(" "))
            };
            Some(view! {
                <div class="kiosk-caption" role="status" data-testid="kiosk-caption">
                    <strong>{text}</strong>
                    <span class="kiosk-words" data-testid="kiosk-words">{said}</span>
                    <span>{app.t("kiosk.touch")}</span>
                </div>
            })
        })}
    }
    .into_any()
}
