//! The visible loading state: a progress bar while packs load, and the fatal error
//! when the manifest itself cannot be read.

use leptos::prelude::*;

use crate::loader::{Data, PackState};

/// Progress of pack loading, announced politely to screen readers.
#[component]
pub fn LoadProgress(data: Data) -> impl IntoView {
    let total = move || {
        data.packs
            .with(|p| p.iter().filter(|(_, s)| *s != PackState::OnDemand).count())
    };
    let done = move || total() - data.pending();
    view! {
        <section class="load-state" aria-live="polite">
            {move || match data.fatal.get() {
                Some(problems) => view! {
                    <div class="error" role="alert">
                        <h2>"The data could not be loaded"</h2>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
                None if total() == 0 => view! {
                    <p class="loading" data-testid="loading">"Loading the data manifest…"</p>
                }
                .into_any(),
                None if data.pending() > 0 => view! {
                    <div class="loading" data-testid="loading">
                        <label for="load-progress">
                            {move || format!("Loading data packs: {} of {}", done(), total())}
                        </label>
                        <progress id="load-progress" max=total value=done></progress>
                    </div>
                }
                .into_any(),
                None => view! {
                    <p class="loaded" data-testid="loaded">
                        {move || format!("All {} data packs loaded.", total())}
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}
