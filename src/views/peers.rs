//! "Cities like this one": for each target where the city faces major or significant
//! challenges (or has no judged figure), comparable cities' actions on it with the
//! reasons they were chosen. The rule is the core's ([`sdg_core::peers`]); this view
//! renders it on the profile and in the report.

use leptos::prelude::*;

use sdg_core::model::{City, Series};
use sdg_core::nav::{Link, PEERS_ANCHOR};
use sdg_core::peers::{for_city, reasons_text, Concern, TargetPeers};
use sdg_core::profile::ProfileRow;
use sdg_core::style::status_key;

use crate::components::link::AppLink;
use crate::state::use_app;

/// The DOM id of a target's section, which a profile row's link opens.
pub fn section_id(target: &str) -> String {
    format!("peers-{target}")
}

/// Opens a target's section, scrolls to it and moves the keyboard focus there: one
/// click from a red row to what comparable cities did.
pub fn open_section(target: &str) {
    use wasm_bindgen::JsCast;
    let Some(section) = document().get_element_by_id(&section_id(target)) else {
        return;
    };
    let _ = section.set_attribute("open", "");
    section.scroll_into_view();
    if let Some(summary) = section
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
}

/// The section of a profile or report.
#[component]
pub fn CitiesLikeThis(
    city: Signal<Option<City>>,
    rows: Memo<Vec<(Series, ProfileRow)>>,
) -> impl IntoView {
    let app = use_app();
    let found = Memo::new(move |_| {
        let city = city.get()?;
        app.data.framework_ready.track();
        rows.with(|rows| {
            app.data.bundle.with(|b| {
                let pack = b.actions.as_ref()?;
                let framework = b.framework.as_ref()?;
                Some(for_city(framework, &city, &b.gazetteer, rows, pack, |id| {
                    app.data.tables(id)
                }))
            })
        })
    });
    // A link to this section (the map's actions layer, the Korea matrix): once the
    // page's files are in, so that nothing above it moves any more, the section is
    // scrolled to and its heading takes the focus.
    Effect::new(move |_| {
        let landed = app.anchor.get() == Some(PEERS_ANCHOR)
            && found.with(Option::is_some)
            && app.data.pending() == 0;
        if landed {
            app.anchor.set(None);
            request_animation_frame(|| {
                if let Some(heading) = document()
                    .get_element_by_id("peers-title")
                    .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
                {
                    heading.scroll_into_view();
                    let _ = heading.focus();
                }
            });
        }
    });
    move || {
        let city = city.get()?;
        let targets = found.get()?;
        Some(view! {
            <section class="peers" id=PEERS_ANCHOR aria-labelledby="peers-title" data-testid="peers">
                <h2 id="peers-title" tabindex="-1">{app.t("peers.title")}</h2>
                <p class="help">{app.t("peers.rule")}</p>
                {targets.into_iter().map(|t| view! { <TargetSection city=city.clone() peers=t /> }).collect_view()}
            </section>
        })
    }
}

/// One target: why it is listed, and the peers' actions on it.
#[component]
fn TargetSection(city: City, peers: TargetPeers) -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let challenged = matches!(peers.concern, Concern::Challenged { .. });
    let concern = match &peers.concern {
        Concern::Challenged { series, status } => app.fill(
            "peers.challenged",
            &[
                ("status", app.t(status_key(*status))),
                ("series", series.title(lang)),
            ],
        ),
        Concern::NoJudgedFigure => app.t("peers.no-figure").to_string(),
    };
    let title = app.data.bundle.with_untracked(|b| {
        b.framework
            .as_ref()
            .and_then(|f| f.targets.iter().find(|t| t.code == peers.target))
            .map(|t| t.title(lang).to_string())
            .unwrap_or_default()
    });
    let n = peers.actions.len();
    let target = peers.target;
    // A closed section's actions are built when it is first opened: a profile lists
    // up to ten targets, and the DOM need not hold what nobody has asked to see.
    let items = move || {
        peers
            .actions
            .iter()
            .map(|p| {
                let why = app
                    .data
                    .bundle
                    .with_untracked(|b| reasons_text(p, &peers.concern, &city, &b.gazetteer, lang));
                let (heading, shown) = p.action.title.shown(lang);
                let (heading, fallback) = (
                    heading.to_string(),
                    (shown != lang).then(|| shown.html_lang()),
                );
                let year = p.action.year.map(|y| format!(", {y}")).unwrap_or_default();
                view! {
                    <li class="peer-action" data-id=p.action.id.clone()>
                        <AppLink to=Link::Action(p.action.id.clone())>
                            <span lang=fallback>{heading}</span>
                        </AppLink>
                        " — "{p.action.label.clone()}{year}
                        <p class="why">{app.t("peers.why")}" "{why}</p>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let opened = RwSignal::new(challenged);
    view! {
        <details class="peer-target" id=section_id(target) data-target=target open=challenged
            on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                if open {
                    opened.set(true);
                }
            }>
            <summary>
                <strong class="code">{target}</strong>" "{title}
                <span class="concern" class:challenged=challenged>" — "{concern}" ("{n}")"</span>
            </summary>
            {move || opened.get().then(|| {
                if n == 0 {
                    view! { <p>{app.t("peers.none")}</p> }.into_any()
                } else {
                    view! { <ul class="peer-actions">{items()}</ul> }.into_any()
                }
            })}
        </details>
    }
}
