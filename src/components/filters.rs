//! The filter bar: series, year, region, subregion, country, population class and
//! status, with a live count of matching cities; and the panel that holds it, beside
//! the picture on wide screens and in a drawer on phones.

use leptos::prelude::*;

use sdg_core::assess::Status;
use sdg_core::i18n::format_int;
use sdg_core::lists::{chosen_only, country_options, series_options, subregion_options, Options};
use sdg_core::query::{Region, SizeClass};
use sdg_core::scene::Row;
use sdg_core::style::status_key;

use crate::components::search::SearchBox;
use crate::components::status::StatusSymbol;
use crate::selection::series_years;
use crate::state::use_app;

/// Series picker, grouped by indicator.
#[component]
pub fn SeriesSelect() -> impl IntoView {
    let app = use_app();
    let options = Signal::derive(move || {
        let lang = app.lang();
        app.data.framework_ready.track();
        app.data.bundle.with_untracked(|b| {
            b.framework
                .as_ref()
                .map(|fw| series_options(fw, lang, None))
                .unwrap_or_default()
        })
    });
    let selected = Signal::derive(move || app.series.get().map(|s| s.id).unwrap_or_default());
    let list = ListedWhenTouched::new(true);
    view! {
        <label class="field">
            <span>{move || app.t("filter.series")}</span>
            <select
                data-testid="series-select"
                prop:value=selected
                on:focus=move |_| list.touch()
                on:pointerdown=move |_| list.touch()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    let indicator = app.data.bundle.with_untracked(|b| {
                        b.framework.as_ref().and_then(|f| f.series(&id)).map(|s| s.indicator.clone())
                    });
                    let next = app.state.with_untracked(|s| s.with_series(&id, indicator.as_deref()));
                    app.state.set(next);
                }
            >
                {list.options(options, selected)}
            </select>
        </label>
    }
}

/// Year picker: "latest" or one of the series' years (the latest value at or before it).
#[component]
pub fn YearSelect() -> impl IntoView {
    let app = use_app();
    // Newest first, after "latest".
    let years = Signal::derive(move || {
        series_years(&app)
            .into_iter()
            .rev()
            .map(|y| (y.to_string(), y.to_string()))
            .collect()
    });
    let chosen = Signal::derive(move || {
        app.state
            .with(|s| s.year.map(|y| y.to_string()).unwrap_or_default())
    });
    let list = ListedWhenTouched::new(true);
    view! {
        <label class="field">
            <span>{move || app.t("filter.year")}</span>
            <select
                data-testid="year-select"
                prop:value=chosen
                on:focus=move |_| list.touch()
                on:pointerdown=move |_| list.touch()
                on:change=move |ev| {
                    let year = event_target_value(&ev).parse().ok();
                    app.update(|s| s.year = year);
                }
            >
                <option value="">{move || app.t("filter.year.latest")}</option>
                {list.options(years, chosen)}
            </select>
        </label>
    }
}

/// The whole filter bar.
#[component]
pub fn FilterBar(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    // Memos on the gazetteer's readiness, so that neither a filter change nor another
    // file's arrival rebuilds them.
    let countries = Memo::new(move |_| {
        let lang = app.lang();
        if !app.data.gazetteer_ready.get() {
            return Vec::new();
        }
        app.data
            .bundle
            .with_untracked(|b| country_options(&b.gazetteer, lang))
    });
    let subregions = Memo::new(move |_| {
        if !app.data.gazetteer_ready.get() {
            return Vec::new();
        }
        let lang = app.lang();
        app.data
            .bundle
            .with_untracked(|b| subregion_options(&b.gazetteer, lang))
    });
    let count = move || {
        let n = rows.with(|r| r.len());
        app.fill("filter.count", &[("n", &format_int(n as u64))])
    };
    let status_box = move |st: Status| {
        let checked = move || app.state.with(|s| s.statuses.contains(&st));
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |_| {
                        app.update(|s| {
                            if let Some(i) = s.statuses.iter().position(|x| *x == st) {
                                s.statuses.remove(i);
                            } else {
                                s.statuses.push(st);
                            }
                        })
                    }
                />
                <StatusSymbol status=st size=12 />
                {move || app.t(status_key(st))}
            </label>
        }
    };
    let region_options = Signal::derive(move || {
        [Region::AsiaPacific, Region::Korea]
            .into_iter()
            .map(|r| (r.key().to_string(), app.t(region_key(r)).to_string()))
            .collect()
    });
    view! {
        <section class="filters" aria-label=move || app.t("filter.label")>
            <SearchBox />
            <SeriesSelect />
            <YearSelect />
            <div class="more-filters">
                    <PickOne
                        label="filter.region"
                        testid="region-select"
                        all="region.world"
                        all_value="world"
                        options=region_options
                        value=Signal::derive(move || app.state.with(|s| s.region.key().to_string()))
                        pick=move |v: String| app.update(|s| s.region = Region::from_key(&v).unwrap_or_default())
                    />
                    <PickOne
                        label="filter.subregion"
                        testid="subregion-select"
                        listed_when_touched=true
                        options=Signal::derive(move || subregions.get())
                        value=Signal::derive(move || app.state.with(|s| s.subregion.clone().unwrap_or_default()))
                        pick=move |v: String| app.update(|s| s.subregion = (!v.is_empty()).then_some(v))
                    />
                    <PickOne
                        label="filter.country"
                        testid="country-select"
                        listed_when_touched=true
                        options=Signal::derive(move || countries.get())
                        value=Signal::derive(move || app.state.with(|s| s.countries.first().cloned().unwrap_or_default()))
                        pick=move |v: String| app.update(|s| s.countries = if v.is_empty() { Vec::new() } else { vec![v] })
                    />
                    <PickOne
                        label="filter.size"
                        testid="size-select"
                        options=Signal::derive(move || SizeClass::ALL.into_iter().map(|z| (z.key().to_string(), app.t(size_key(z)).to_string())).collect())
                        value=Signal::derive(move || app.state.with(|s| s.size.map(|z| z.key()).unwrap_or("").to_string()))
                        pick=move |v: String| app.update(|s| s.size = SizeClass::from_key(&v))
                    />
                    <fieldset class="statuses">
                        <legend>{move || app.t("filter.status")}</legend>
                        {Status::ASSESSED
                            .into_iter()
                            .chain([Status::NotAssessed])
                            .map(status_box)
                            .collect_view()}
                    </fieldset>
            </div>
            <p class="count" role="status" data-testid="match-count">{count}</p>
        </section>
    }
}

/// Message key of a region.
pub fn region_key(region: Region) -> &'static str {
    match region {
        Region::World => "region.world",
        Region::AsiaPacific => "region.asia-pacific",
        Region::Korea => "region.korea",
    }
}

/// A labelled select of `(value, label)` options after an "all" option (by default
/// "All", value "").
#[component]
pub fn PickOne(
    label: &'static str,
    testid: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    pick: impl Fn(String) + Send + Sync + 'static,
    /// Message key of the first option.
    #[prop(default = "filter.all")]
    all: &'static str,
    /// Value of the first option.
    #[prop(default = "")]
    all_value: &'static str,
    /// A long list, built when the select is first touched ([`ListedWhenTouched`]).
    #[prop(optional)]
    listed_when_touched: bool,
) -> impl IntoView {
    let app = use_app();
    let list = ListedWhenTouched::new(listed_when_touched);
    view! {
        <label class="field">
            <span>{move || app.t(label)}</span>
            <select
                data-testid=testid
                prop:value=move || value.get()
                on:change=move |ev| pick(event_target_value(&ev))
                on:focus=move |_| list.touch()
                on:pointerdown=move |_| list.touch()
            >
                <option value=all_value>{move || app.t(all)}</option>
                {list.options(options, value)}
            </select>
        </label>
    }
}

/// Whether a select's list is built yet: a long list is built when the select is first
/// focused or pressed ([`ListedWhenTouched::touch`], from its `focus` and
/// `pointerdown`); until then the select holds its chosen option alone
/// ([`chosen_only`]), which is all a closed select shows. A press builds the list
/// before the browser opens it: the effects run in the microtasks after the event's
/// handlers, before its default action (a browser test checks it). The filter panel's
/// lists were 534 of the map view's 1,091 DOM nodes, built before the map could take
/// a tap, and the text of the series' and years' a fifth of its static frame's style
/// and layout (159 ms at 4x CPU, 128 ms without them, 12 fresh pages each).
#[derive(Clone, Copy)]
struct ListedWhenTouched(RwSignal<bool>);

impl ListedWhenTouched {
    /// `deferred`: listed when touched; else listed from the start.
    fn new(deferred: bool) -> Self {
        Self(RwSignal::new(!deferred))
    }

    /// The select was focused or pressed: list it all, once.
    fn touch(self) {
        if !self.0.get_untracked() {
            self.0.set(true);
        }
    }

    /// The `<option>`s to list now, after the select's first, fixed one.
    fn options(self, options: Signal<Options>, chosen: Signal<String>) -> impl IntoView {
        move || {
            if self.0.get() {
                // `selected` only matters for the first render; `prop:value` keeps the
                // choice in step afterwards.
                let current = chosen.get_untracked();
                option_list(options.get(), &current)
            } else {
                // Followed: the one option must change with the choice.
                let current = chosen.get();
                option_list(chosen_only(options.get(), &current), &current)
            }
        }
    }
}

/// `<option>`s for `(value, label)` pairs, the one equal to `current` selected.
pub fn option_list(options: Vec<(String, String)>, current: &str) -> impl IntoView {
    options
        .into_iter()
        .map(|(value, label)| {
            let selected = value == current;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view()
}

/// Message key of a population class.
pub fn size_key(size: SizeClass) -> &'static str {
    match size {
        SizeClass::Under300k => "size.lt300k",
        SizeClass::From300kTo1m => "size.300k-1m",
        SizeClass::From1mTo5m => "size.1m-5m",
        SizeClass::From5mTo10m => "size.5m-10m",
        SizeClass::Over10m => "size.10m+",
    }
}

/// The filter panel: a side panel on wide screens; on phones a drawer behind a button
/// that shows the count, so the picture keeps the screen. The drawer takes the focus
/// when it opens and gives it back to its button when it closes (Escape closes it).
#[component]
pub fn FilterPanel(rows: Memo<Vec<Row>>) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let toggle_ref = NodeRef::<leptos::html::Button>::new();
    let close_ref = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(b) = toggle_ref.get_untracked() {
            let _ = b.focus();
        }
    };
    let count = move || {
        let n = rows.with(|r| r.len());
        app.fill("filter.count", &[("n", &format_int(n as u64))])
    };
    view! {
        <button
            type="button"
            class="filter-toggle"
            data-testid="filter-toggle"
            aria-controls="filter-panel"
            aria-expanded=move || open.get().to_string()
            node_ref=toggle_ref
            on:click=move |_| {
                open.set(true);
                // Focus the drawer once it is shown.
                request_animation_frame(move || {
                    if let Some(b) = close_ref.get_untracked() {
                        let _ = b.focus();
                    }
                });
            }
        >
            {move || app.t("filter.label")}" · "{count}
        </button>
        <div
            id="filter-panel"
            class="filter-panel"
            class:open=move || open.get()
            role=move || open.get().then_some("dialog")
            aria-modal=move || open.get().then_some("true")
            aria-label=move || app.t("filter.label")
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if !open.get_untracked() {
                    return;
                }
                match ev.key().as_str() {
                    "Escape" => close(),
                    // Tab goes round inside the open drawer, as in any dialog.
                    "Tab" => keep_focus_inside(&ev),
                    _ => {}
                }
            }
        >
            <button type="button" class="filter-close" node_ref=close_ref on:click=move |_| close()>
                {move || app.t("filter.close")}
            </button>
            <FilterBar rows=rows />
        </div>
        <div class="drawer-backdrop" class:open=move || open.get() aria-hidden="true" on:click=move |_| close()></div>
    }
}

/// Wraps Tab and Shift+Tab around the focusable elements of the element handling the
/// event (the open drawer).
fn keep_focus_inside(ev: &leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some(panel) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(list) = panel.query_selector_all("button, select, input, a[href]") else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = document().active_element();
    let at = |e: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
    };
    if ev.shift_key() && at(first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && at(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

#[cfg(test)]
mod tests {
    use sdg_core::scene::rows::{select_rows, shared_cities};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::selection::{current_data, selection};
    use crate::test_mount::{choose, mount, press, settle, until, Mounted};

    /// The filter panel beside the map, with the app's selection.
    async fn panel_on_the_map() -> Mounted {
        mount("view=map", || {
            let rows = selection(use_app());
            view! { <FilterPanel rows=rows /> }
        })
        .await
    }

    /// How many cities the core selects for the app's current state.
    fn core_count(app: crate::state::App) -> usize {
        untrack(|| {
            let (series, tables) = current_data(&app).expect("the series has loaded");
            let (filter, year) = app.state.with(|s| (s.filter(), s.year));
            app.data.bundle.with(|b| {
                select_rows(
                    &b.gazetteer,
                    &shared_cities(&b.gazetteer),
                    &filter,
                    &series,
                    &tables,
                    year,
                )
                .len()
            })
        })
    }

    #[wasm_bindgen_test]
    async fn a_filter_reaches_the_state_the_url_and_the_count() {
        let m = panel_on_the_map().await;
        let app = m.app;
        let shown = move |n| count_words(app, n);
        until("the cities and the series", || {
            untrack(|| app.data.places_ready() && current_data(&app).is_some())
        })
        .await;
        settle().await;
        let world = core_count(app);
        assert!(world > 100, "the world has cities: {world}");
        let count: web_sys::HtmlElement = m.find("[data-testid=match-count]");
        assert_eq!(count.text_content().unwrap_or_default(), shown(world));

        choose(&m.find("[data-testid=region-select]"), "korea");
        settle().await;
        assert_eq!(app.state.with_untracked(|s| s.region), Region::Korea);
        let search = window().location().search().unwrap_or_default();
        assert!(search.contains("region=korea"), "{search}");
        let korea = core_count(app);
        assert!(korea > 0 && korea < world, "{korea} of {world}");
        assert_eq!(count.text_content().unwrap_or_default(), shown(korea));

        let first_status: web_sys::HtmlInputElement = m.find(".statuses input");
        first_status.click();
        settle().await;
        assert_eq!(
            app.state.with_untracked(|s| s.statuses.len()),
            1,
            "one status ticked"
        );
        assert!(first_status.checked());
        assert_eq!(
            count.text_content().unwrap_or_default(),
            shown(core_count(app))
        );
        m.finish().await;
    }

    /// The count's words for `n` cities.
    fn count_words(app: crate::state::App, n: usize) -> String {
        untrack(|| app.fill("filter.count", &[("n", &format_int(n as u64))]))
    }

    #[wasm_bindgen_test]
    async fn the_drawer_opens_takes_the_focus_and_gives_it_back_on_escape() {
        let m = panel_on_the_map().await;
        let toggle: web_sys::HtmlElement = m.find("[data-testid=filter-toggle]");
        let panel: web_sys::HtmlElement = m.find("#filter-panel");
        assert_eq!(
            toggle.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        toggle.click();
        settle().await;
        assert_eq!(
            toggle.get_attribute("aria-expanded").as_deref(),
            Some("true")
        );
        assert_eq!(panel.get_attribute("role").as_deref(), Some("dialog"));
        until("the drawer's focus", || {
            document()
                .active_element()
                .is_some_and(|e| e.class_name() == "filter-close")
        })
        .await;
        press("Escape");
        settle().await;
        assert_eq!(
            toggle.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        assert_eq!(panel.get_attribute("role"), None);
        let focused = document().active_element().expect("focus");
        assert!(
            focused == *toggle.unchecked_ref::<web_sys::Element>(),
            "the focus is back on the toggle"
        );
        m.finish().await;
    }
}
