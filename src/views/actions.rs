//! Local actions: cards of what cities did about Goal 11, filtered by the URL's
//! targets, theme, country, city, years and text (the core's [`sdg_core::actions`]),
//! with counts per target and theme, and a permalink per card.

use leptos::prelude::*;

use sdg_core::actions::{
    counts, filter_actions, summary_text, theme_key, ActionFilter, Counts, PAGER,
};
use sdg_core::i18n::format_int;
use sdg_core::limits::ACTION_YEARS;
use sdg_core::model::{Confidence, LocalAction, ACTION_THEMES};
use sdg_core::nav::Link;
use sdg_core::resolve::action_card_files;
use sdg_core::url_state::{View, ViewState};
use sdg_core::words::around_action;

use crate::components::link::AppLink;
use crate::components::more::MoreButton;
use crate::components::source_link::SourceLink;
use crate::state::use_app;

/// The actions view.
#[component]
pub fn ActionsView() -> impl IntoView {
    let app = use_app();
    let loaded = Memo::new(move |_| app.data.bundle.with(|b| b.actions.is_some()));
    let filter = Memo::new(move |_| app.state.with(ActionFilter::of));
    let shown = Memo::new(move |_| {
        if !loaded.get() {
            return Vec::new();
        }
        let f = filter.get();
        let one = app.state.with(|s| s.action.clone());
        app.data.bundle.with_untracked(|b| {
            let Some(pack) = b.actions.as_ref() else {
                return Vec::new();
            };
            match one {
                Some(id) => pack
                    .actions
                    .iter()
                    .filter(|a| a.id == id)
                    .cloned()
                    .collect(),
                None => filter_actions(pack, &f)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>(),
            }
        })
    });
    let tallies = Memo::new(move |_| {
        if !loaded.get() {
            return Counts::default();
        }
        let f = filter.get();
        app.data.bundle.with_untracked(|b| {
            b.actions
                .as_ref()
                .map(|p| counts(p, &f))
                .unwrap_or_default()
        })
    });
    let single = move || app.state.with(|s| s.action.clone());
    // Pages shown: back to one whenever what matches changes.
    let pages = RwSignal::new(1usize);
    Effect::new(move |_| {
        filter.track();
        pages.set(1);
    });
    let total = Memo::new(move |_| shown.with(Vec::len));
    let around = single_action_around(shown);
    let page = Memo::new(move |_| {
        let n = PAGER.shown(total.get(), pages.get());
        shown.with(|s| s[..n].to_vec())
    });
    view! {
        <section class="actions-view" aria-labelledby="actions-title">
            <h1 id="actions-title">{move || app.t("actions.title")}</h1>
            <p class="intro">{move || app.t("actions.intro")}" "
                <AppLink to=Link::View(View::Share)>{move || app.t("actions.share")}</AppLink>
            </p>
            <Show
                when=move || single().is_none()
                fallback=move || view! {
                    <p><AppLink to=Link::View(View::Actions)>{move || app.t("actions.all")}</AppLink></p>
                }
            >
                <ActionFilters tallies=tallies total=total shown=Signal::derive(move || page.with(Vec::len)) />
            </Show>
            {move || (loaded.get() && single().is_some() && shown.with(Vec::is_empty)).then(|| view! {
                <p class="notice" role="alert" data-testid="unknown-action">{app.t("actions.unknown")}" "<code>{single()}</code></p>
            })}
            {move || (loaded.get() && single().is_none() && shown.with(Vec::is_empty)).then(|| view! {
                <p>{app.t("actions.none")}</p>
            })}
            <ol class="action-cards" data-testid="action-cards">
                <For
                    each=move || page.get()
                    key=|a| a.id.clone()
                    children=move |a: LocalAction| view! { <li><ActionCard action=a around=around /></li> }
                />
            </ol>
            <MoreButton pager=PAGER total=total pages=pages message="actions.more" testid="actions-more" />
        </section>
    }
}

/// One action as a card.
#[component]
pub fn ActionCard(
    action: LocalAction,
    /// Sentences on the place's figures around the action's year, where they are
    /// known (the city profile and a single action's page have them).
    #[prop(optional)]
    around: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let app = use_app();
    let a = StoredValue::new(action);
    let heading = move || {
        let lang = app.lang();
        a.with_value(|a| {
            // A page in another language showing an English title marks it as English.
            let (t, shown) = a.title.shown(lang);
            (t.to_string(), (shown != lang).then_some("en"))
        })
    };
    let id = a.with_value(|a| a.id.clone());
    let places = a.with_value(|a| a.places.clone());
    let place_links = move || {
        let lang = app.lang();
        app.data.gazetteer_ready.track();
        places
            .iter()
            .filter_map(|p| {
                let name = app
                    .data
                    .bundle
                    .with_untracked(|b| b.gazetteer.city(p).map(|c| c.name(lang).to_string()))?;
                Some(view! { <AppLink to=Link::City(p.clone())>{name}</AppLink>" " })
            })
            .collect_view()
    };
    view! {
        <article class="action-card" id=id.clone() data-testid="action-card" data-id=id.clone()>
            <h2 lang=move || heading().1>{move || heading().0}</h2>
            <p class="meta">
                <span class="label">{a.with_value(|a| a.label.clone())}</span>
                " · "
                <span class="year">{move || a.with_value(|a| a.year.map(|y| y.to_string())).unwrap_or_else(|| app.t("actions.year-unknown").to_string())}</span>
                " · "
                <span class="places">{place_links}</span>
            </p>
            <ul class="chips" aria-label=move || app.t("actions.targets")>
                {a.with_value(|a| a.targets.clone()).into_iter().map(|t| view! {
                    <li><AppLink to=Link::ActionsOn(t.clone())>{t.clone()}</AppLink></li>
                }).collect_view()}
                {a.with_value(|a| ACTION_THEMES.contains(&a.theme.as_str())).then(|| view! {
                    <li class="theme">{move || app.t(&a.with_value(|a| theme_key(&a.theme)))}</li>
                })}
            </ul>
            {move || {
                let (text, english) = a.with_value(|a| {
                    let (t, english) = summary_text(a, app.lang());
                    (t.to_string(), english)
                });
                view! {
                    <p class="summary" lang=english.then_some("en")>
                        {text}
                        {english.then(|| view! { " "<span class="lang-tag">{app.t("actions.english")}</span> })}
                    </p>
                }
            }}
            {move || around.map(|w| w.get()).filter(|w| !w.is_empty()).map(|around| view! {
                <div class="around" data-testid="action-around">
                    <p class="around-title">{app.t("actions.around")}</p>
                    {around.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                    <p class="help">{app.t("words.not-proof")}</p>
                </div>
            })}
            <p class="source">
                {move || app.t("actions.source")}" "
                {a.with_value(|a| view! { <SourceLink title=a.source_title.clone() url=a.source_url.clone() /> })}
            </p>
            <p class="confidence">
                {move || app.t(match a.with_value(|a| a.confidence) {
                    Confidence::High => "actions.confidence.high",
                    Confidence::Medium => "actions.confidence.medium",
                })}
                " · "
                <AppLink to=Link::Action(id.clone())>{move || app.t("actions.permalink")}</AppLink>
            </p>
        </article>
    }
}

/// The filters of the actions view: targets (as chips with counts), theme, years,
/// text and the city, with how many actions match.
#[component]
fn ActionFilters(tallies: Memo<Counts>, total: Memo<usize>, shown: Signal<usize>) -> impl IntoView {
    let app = use_app();
    let city_filter = move || {
        let id = app.state.with(|s| s.cities.first().cloned())?;
        let lang = app.lang();
        app.data.gazetteer_ready.track();
        app.data.bundle.with_untracked(|b| {
            b.gazetteer
                .city(&id)
                .map(|c| (id.clone(), c.name(lang).to_string()))
        })
    };
    let toggle_target = move |t: &'static str| {
        app.update(|s| {
            s.action = None;
            if let Some(i) = s.targets.iter().position(|x| x == t) {
                s.targets.remove(i);
            } else {
                s.targets.push(t.to_string());
            }
        })
    };
    view! {
        <section class="filters action-filters" aria-label=move || app.t("filter.label")>
            <fieldset class="target-chips">
                <legend>{move || app.t("actions.targets")}</legend>
                {sdg_core::model::GOAL11_TARGETS.into_iter().map(|t| {
                    let checked = move || app.state.with(|s| s.targets.iter().any(|x| x == t));
                    let n = move || tallies.with(|c| c.targets.get(t).copied().unwrap_or(0));
                    view! {
                        <label class="check chip" data-target=t>
                            <input type="checkbox" prop:checked=checked on:change=move |_| toggle_target(t) />
                            {t}" "<span class="count">"("{n}")"</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <label class="field">
                <span>{move || app.t("actions.theme")}</span>
                <select
                    data-testid="theme-select"
                    prop:value=move || app.state.with(|s| s.action_theme.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        app.update(|s| {
                            s.action = None;
                            s.action_theme = (!v.is_empty()).then_some(v);
                        });
                    }
                >
                    <option value="">{move || app.t("filter.all")}</option>
                    {ACTION_THEMES.into_iter().map(|t| view! {
                        <option value=t>{move || format!("{} ({})", app.t(&theme_key(t)), tallies.with(|c| c.themes.get(t).copied().unwrap_or(0)))}</option>
                    }).collect_view()}
                </select>
            </label>
            <YearInput key="actions.from" get=|s| s.from set=|s, y| s.from = y />
            <YearInput key="actions.to" get=|s| s.to set=|s, y| s.to = y />
            <label class="field">
                <span>{move || app.t("actions.search")}</span>
                <input
                    type="search"
                    data-testid="actions-search"
                    prop:value=move || app.state.with(|s| s.query.clone())
                    on:change=move |ev| {
                        let q = event_target_value(&ev);
                        app.update(|s| {
                            s.action = None;
                            s.query = q.chars().take(100).collect();
                        });
                    }
                />
            </label>
            {move || city_filter().map(|(id, name)| view! {
                <p class="city-filter">
                    {app.t("actions.of")}" "<strong>{name.clone()}</strong>" "
                    <button type="button" on:click=move |_| app.update(|s| s.cities.clear())>{app.t("actions.clear")}</button>
                    " "
                    // The map's actions layer leads here: from a city's own actions to
                    // what cities like it did where it is challenged.
                    <span data-testid="actions-peers-link">
                        <AppLink to=Link::Peers(id)>{app.fill("peers.link-city", &[("city", &name)])}" →"</AppLink>
                    </span>
                </p>
            })}
            <p class="count" role="status" data-testid="actions-count" data-total=move || total.get() data-shown=move || shown.get()>
                {move || {
                    let (n, shown) = (total.get(), shown.get());
                    if n > shown {
                        app.fill("actions.showing", &[("shown", &format_int(shown as u64)), ("n", &format_int(n as u64))])
                    } else {
                        app.fill("actions.count", &[("n", &format_int(n as u64))])
                    }
                }}
            </p>
        </section>
    }
}

/// A year bound of the actions' filter, kept in the URL state by `get` and `set`.
#[component]
fn YearInput(
    key: &'static str,
    get: fn(&ViewState) -> Option<i32>,
    set: fn(&mut ViewState, Option<i32>),
) -> impl IntoView {
    let app = use_app();
    view! {
        <label class="field">
            <span>{move || app.t(key)}</span>
            <input
                type="number"
                inputmode="numeric"
                min=ACTION_YEARS.start().to_string()
                max=ACTION_YEARS.end().to_string()
                prop:value=move || app.state.with(|s| get(s).map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| {
                    let y = event_target_value(&ev).trim().parse().ok();
                    app.update(|s| {
                        s.action = None;
                        set(s, y);
                    });
                }
            />
        </label>
    }
}

/// A single action's page: the tables of its targets' series are asked for (the core
/// says which files), and the card then says its place's figures around its year.
/// Empty for a list of actions.
fn single_action_around(shown: Memo<Vec<LocalAction>>) -> Signal<Vec<String>> {
    let app = use_app();
    let single = Memo::new(move |_| {
        app.state
            .with(|s| s.action.is_some())
            .then(|| shown.with(|s| s.first().cloned()))
            .flatten()
    });
    Effect::new(move |_| {
        let Some(action) = single.get() else {
            return;
        };
        app.data.framework_ready.track();
        let files = app.data.manifest.with(|m| {
            app.data.bundle.with_untracked(|b| {
                m.as_ref()
                    .zip(b.framework.as_ref())
                    .map(|(m, f)| action_card_files(&action, f, m))
                    .unwrap_or_default()
            })
        });
        app.data.request(&files);
    });
    Signal::derive(move || {
        let Some(action) = single.get() else {
            return Vec::new();
        };
        app.data.gazetteer_ready.track();
        let lang = app.lang();
        app.data.bundle.with(|b| {
            let (Some(fw), Some(city)) = (
                b.framework.as_ref(),
                action.places.iter().find_map(|p| b.gazetteer.city(p)),
            ) else {
                return Vec::new();
            };
            around_action(&action, city, fw, |id| app.data.tables(id), lang)
        })
    })
}
