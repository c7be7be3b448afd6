//! The shell: header, the loading state, the summary and the data sources.

use leptos::prelude::*;

use crate::components::progress::LoadProgress;
use crate::loader;
use crate::views::{overview::Overview, sources::Sources};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let data = loader::start();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <p class="goal-badge" aria-hidden="true">"11"</p>
            <div>
                <p class="site-title">"Urban SDG Explorer"</p>
                <p class="tagline">"How cities progress on Sustainable Development Goal 11"</p>
            </div>
        </header>
        <main id="main" tabindex="-1">
            <LoadProgress data=data />
            <Overview data=data />
            <Sources data=data />
        </main>
        <footer class="site-footer">
            <p>
                "Open source (MIT licence). Every figure shown comes from a listed source; "
                "see the data sources above for licences and attribution."
            </p>
        </footer>
    }
}
