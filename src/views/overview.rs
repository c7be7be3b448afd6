//! What has been loaded, at a glance: cities, countries, indicators, years.

use leptos::prelude::*;

use sdg_core::i18n::format_int;

use crate::loader::Data;

/// The headline counts of the loaded data.
#[component]
pub fn Overview(data: Data) -> impl IntoView {
    let coverage = Memo::new(move |_| data.bundle.with(|b| b.coverage()));
    let goal = move || {
        data.bundle
            .with(|b| b.framework.as_ref().map(|f| f.goal_en.clone()))
    };
    let count = |n: usize| format_int(n as u64);
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h1 id="overview-title">"Goal 11: sustainable cities and communities"</h1>
            <p class="goal-text">{goal}</p>
            <dl class="stats">
                <div>
                    <dt>"Cities and local governments"</dt>
                    <dd data-testid="city-count">{move || count(coverage.get().cities)}</dd>
                </div>
                <div>
                    <dt>"with Goal 11 data"</dt>
                    <dd data-testid="cities-with-data">{move || count(coverage.get().cities_with_data)}</dd>
                </div>
                <div>
                    <dt>"Countries"</dt>
                    <dd>{move || count(coverage.get().countries_with_data)}</dd>
                </div>
                <div>
                    <dt>"Indicators with city data"</dt>
                    <dd>{move || count(coverage.get().indicators_with_data)}</dd>
                </div>
                <div>
                    <dt>"City observations"</dt>
                    <dd data-testid="observation-count">{move || count(coverage.get().observations)}</dd>
                </div>
                <div>
                    <dt>"Years"</dt>
                    <dd>
                        {move || match coverage.get().years {
                            Some((a, b)) => format!("{a}–{b}"),
                            None => "–".to_string(),
                        }}
                    </dd>
                </div>
            </dl>
        </section>
    }
}
