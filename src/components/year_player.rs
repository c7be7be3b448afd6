//! A year slider with play, over the current series' years (the map and the charts).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::selection::series_years;
use crate::state::use_app;

/// A year slider with play, over the current series' years.
#[component]
pub fn YearPlayer() -> impl IntoView {
    let app = use_app();
    let years = Memo::new(move |_| series_years(&app));
    let playing = RwSignal::new(false);
    let index = move || {
        let y = app.state.with(|s| s.year);
        years.with(|ys| match y {
            Some(y) => ys
                .iter()
                .position(|v| *v >= y)
                .unwrap_or(ys.len().saturating_sub(1)),
            None => ys.len().saturating_sub(1),
        })
    };
    let handle: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
    // The `try_` forms: a timer tick or a cleanup may come after the player's
    // signals are disposed, and must then do nothing rather than panic.
    let stop = move || {
        playing.try_set(false);
        if let Some(h) = handle.try_get_value().flatten() {
            h.clear();
        }
        handle.try_set_value(None);
    };
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        playing.set(true);
        if let Some(first) = years.with_untracked(|y| y.first().copied()) {
            // This may replace the view holding this player (and dispose its signals)
            // before the timer below exists: the timer then finds itself orphaned.
            app.update(|s| s.year = Some(first));
        }
        let own: Rc<Cell<Option<IntervalHandle>>> = Rc::default();
        let own_in_tick = Rc::clone(&own);
        let h = set_interval_with_handle(
            move || {
                let Some(next) = years.try_with_untracked(|ys| {
                    let cur = app.state.with_untracked(|s| s.year);
                    ys.iter().copied().find(|y| Some(*y) > cur)
                }) else {
                    // Found by the soak: a timer that outlived its player (the view
                    // was replaced while it played) stops itself.
                    if let Some(h) = own_in_tick.take() {
                        h.clear();
                    }
                    return;
                };
                match next {
                    Some(y) => app.update(|s| s.year = Some(y)),
                    None => stop(),
                }
            },
            std::time::Duration::from_millis(900),
        );
        if let Ok(h) = h {
            own.set(Some(h));
            if handle.try_set_value(Some(h)).is_some() {
                // The player is already gone: no timer for it.
                h.clear();
            }
        }
    };
    on_cleanup(move || {
        if let Some(h) = handle.try_get_value().flatten() {
            h.clear();
        }
    });
    view! {
        <Show when=move || years.with(|y| y.len() > 1)>
            <div class="year-player">
                <button type="button" on:click=play aria-pressed=move || playing.get().to_string()>
                    {move || if playing.get() { app.t("year.pause") } else { app.t("year.play") }}
                </button>
                <label>
                    <span>{move || app.t("filter.year")}" "{move || app.state.with(|s| s.year).map(|y| y.to_string()).unwrap_or_else(|| app.t("filter.year.latest").to_string())}</span>
                    <input
                        type="range"
                        min="0"
                        max=move || years.with(|y| y.len().saturating_sub(1)).to_string()
                        prop:value=move || index().to_string()
                        on:input=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            let y = years.with_untracked(|ys| ys.get(i).copied());
                            app.update(|s| s.year = y);
                        }
                    />
                </label>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{mount, settle, type_into, until};

    #[wasm_bindgen_test]
    async fn the_slider_and_play_set_the_year_the_url_carries() {
        let m = mount("view=map", || view! { <YearPlayer /> }).await;
        let app = m.app;
        until("the series' years", || {
            untrack(|| series_years(&app).len() > 1)
        })
        .await;
        settle().await;
        let years = untrack(|| series_years(&app));
        let slider: web_sys::HtmlInputElement = m.find("input[type=range]");
        assert_eq!(slider.max(), (years.len() - 1).to_string());
        assert_eq!(
            slider.value(),
            slider.max(),
            "no year in the URL: the latest"
        );

        type_into(&slider, "0");
        settle().await;
        assert_eq!(app.state.with_untracked(|s| s.year), Some(years[0]));
        let search = window().location().search().unwrap_or_default();
        assert!(search.contains(&format!("year={}", years[0])), "{search}");
        assert!(m.text().contains(&years[0].to_string()), "{}", m.text());

        app.state.update(|s| s.year = Some(years[1]));
        settle().await;
        assert_eq!(slider.value(), "1", "the slider follows the state");

        let play: web_sys::HtmlElement = m.find("button");
        play.click();
        settle().await;
        assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("true"));
        assert_eq!(
            app.state.with_untracked(|s| s.year),
            Some(years[0]),
            "play starts at the first year"
        );
        until("the next year, 0.9 s later", || {
            app.state.with_untracked(|s| s.year) == Some(years[1])
        })
        .await;
        play.click();
        settle().await;
        assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("false"));
        gloo_timers::future::sleep(std::time::Duration::from_millis(1200)).await;
        assert_eq!(
            app.state.with_untracked(|s| s.year),
            Some(years[1]),
            "paused: the year stays"
        );
        m.finish().await;
    }
}
