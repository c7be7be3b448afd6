//! "Use your own data": a CSV in the template's shape (or a saved pack) read from the
//! user's disk and checked by the core; each problem listed with its line and column
//! while the good rows load into every view as "your data, not published". Nothing is
//! uploaded. Also the banner every view shows while such data is loaded.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use sdg_core::i18n::format_int;
use sdg_core::load::Context;
use sdg_core::nav::Link;
use sdg_core::url_state::View;
use sdg_core::userdata::{open, pack_file, RowProblem, COLUMNS};

use crate::components::link::AppLink;
use crate::download::download_text;
use crate::state::{use_app, App};

/// The outcome of the last file read.
#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    name: String,
    lines: usize,
    problems: Vec<RowProblem>,
    /// Problems of a saved pack (already in words: they name file, record and field).
    pack_problems: Vec<String>,
}

/// Opens one file's text with the core and lays its pack over the published data.
fn read_file(app: App, name: &str, text: &str) -> Outcome {
    let this_year = js_sys::Date::new_0().get_full_year() as i32;
    let opened = app.data.bundle.with_untracked(|b| {
        let framework = b.framework.as_ref()?;
        let ctx = Context {
            framework,
            gazetteer: &b.gazetteer,
        };
        Some(open(name, text, &ctx, this_year))
    });
    let Some(opened) = opened else {
        return Outcome {
            name: name.to_string(),
            lines: 0,
            problems: Vec::new(),
            pack_problems: Vec::new(),
        };
    };
    app.data.set_user(opened.pack);
    Outcome {
        name: name.to_string(),
        lines: opened.lines,
        problems: opened.problems,
        pack_problems: opened
            .pack_problems
            .iter()
            .map(ToString::to_string)
            .collect(),
    }
}

/// The "your data" view.
#[component]
pub fn MyDataView() -> impl IntoView {
    let app = use_app();
    let outcome = RwSignal::new(None::<Outcome>);
    let reading = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        reading.set(true);
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            reading.set(false);
            match text {
                Some(text) => outcome.set(Some(read_file(app, &name, &text))),
                None => outcome.set(Some(Outcome {
                    name: name.clone(),
                    lines: 0,
                    problems: Vec::new(),
                    pack_problems: vec![format!("{name}: cannot be read as text")],
                })),
            }
        });
        // The same file may be chosen again after an edit.
        input.set_value("");
    };
    let user = move || app.data.user.get();
    let save = move |_| {
        if let Some(p) = app.data.user.get_untracked() {
            download_text("your-data.json", "application/json", &pack_file(&p));
        }
    };
    let places = move || {
        let lang = app.lang();
        let pack = user()?;
        app.data.gazetteer_ready.track();
        let links = app.data.bundle.with_untracked(|b| {
            pack.places()
                .into_iter()
                .take(40)
                .map(|id| {
                    let name = b
                        .gazetteer
                        .city(id)
                        .map(|c| c.name(lang).to_string())
                        .unwrap_or_else(|| id.to_string());
                    view! { <li><AppLink to=Link::City(id.to_string())>{name}</AppLink></li> }
                })
                .collect_view()
        });
        Some(links)
    };
    let series_links = move || {
        let lang = app.lang();
        let pack = user()?;
        app.data.framework_ready.track();
        let links = app.data.bundle.with_untracked(|b| {
            pack.tables
                .iter()
                .filter_map(|t| {
                    let s = b.framework.as_ref()?.series(&t.series)?;
                    let to = Link::Indicator {
                        series: s.id.clone(),
                        indicator: s.indicator.clone(),
                    };
                    let title = s.title(lang).to_string();
                    Some(view! { <li><AppLink to=to>{title}</AppLink>" ("{t.len()}")"</li> })
                })
                .collect_view()
        });
        Some(links)
    };

    view! {
        <section class="mydata-view" aria-labelledby="mydata-title">
            <h1 id="mydata-title">{move || app.t("mydata.title")}</h1>
            <p class="intro">{move || app.t("mydata.intro")}</p>
            <TemplateHelp />
            <div class="field">
                <label for="mydata-file">{move || app.t("mydata.choose")}</label>
                <input id="mydata-file" data-testid="mydata-file" type="file" accept=".csv,.json,text/csv,application/json" on:change=on_file />
            </div>
            <p role="status" aria-live="polite" data-testid="mydata-status">
                {move || if reading.get() {
                    app.t("mydata.reading").to_string()
                } else {
                    match (outcome.get(), user()) {
                        (Some(o), Some(p)) => app.fill("mydata.loaded", &[
                            ("rows", &format_int(p.rows() as u64)),
                            ("places", &format_int(p.places().len() as u64)),
                            ("series", &p.tables.len().to_string()),
                            ("file", &o.name),
                            ("problems", &(o.problems.len() + o.pack_problems.len()).to_string()),
                        ]),
                        (Some(o), None) => app.fill("mydata.nothing", &[("file", &o.name)]),
                        _ => String::new(),
                    }
                }}
            </p>
            {move || outcome.get().filter(|o| !o.problems.is_empty()).map(|o| {
                let lang = app.lang();
                view! {
                    <div class="table-wrap">
                        <table class="problems-table" data-testid="mydata-problems">
                            <caption>{app.fill("mydata.problems", &[("n", &o.problems.len().to_string()), ("lines", &o.lines.to_string())])}</caption>
                            <thead><tr>
                                <th scope="col">{app.t("mydata.line")}</th>
                                <th scope="col">{app.t("mydata.column")}</th>
                                <th scope="col">{app.t("mydata.problem")}</th>
                            </tr></thead>
                            <tbody>
                                {o.problems.iter().take(500).map(|p| view! {
                                    <tr><td class="num">{p.line}</td><td><code>{p.column}</code></td><td>{p.message(lang)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
            {move || outcome.get().filter(|o| !o.pack_problems.is_empty()).map(|o| view! {
                <ul class="problems" data-testid="mydata-pack-problems">
                    {o.pack_problems.into_iter().take(100).map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            })}
            <Show when=move || user().is_some()>
                <h2>{move || app.t("mydata.where")}</h2>
                <ul class="link-list" data-testid="mydata-series">{series_links}</ul>
                <ul class="link-list" data-testid="mydata-places">{places}</ul>
                <div class="toolbar">
                    <button type="button" data-testid="mydata-save" on:click=save>{move || app.t("mydata.save")}</button>
                    <button type="button" data-testid="mydata-remove" on:click=move |_| { app.data.set_user(None); outcome.set(None); }>{move || app.t("mydata.remove")}</button>
                </div>
            </Show>
        </section>
    }
}

/// Shown on every view while the user's data is loaded.
#[component]
pub fn UserDataBanner() -> impl IntoView {
    let app = use_app();
    move || {
        app.data.user.get().map(|p| {
            let text = app.fill(
                "mydata.banner",
                &[("file", &p.name), ("rows", &format_int(p.rows() as u64))],
            );
            view! {
                <p class="notice user-banner" data-testid="user-banner">
                    <strong>{app.t("mydata.badge")}</strong>" "{text}" "
                    <AppLink to=Link::View(View::MyData)>{app.t("mydata.manage")}</AppLink>
                </p>
            }
        })
    }
}

/// The template's columns, what each holds, and the template and example to download.
#[component]
fn TemplateHelp() -> impl IntoView {
    let app = use_app();
    view! {
    <div class="table-wrap">
        <table class="template">
            <caption>{move || app.t("mydata.template")}</caption>
            <thead><tr><th scope="col">{move || app.t("mydata.column")}</th><th scope="col">{move || app.t("mydata.meaning")}</th></tr></thead>
            <tbody>
                {COLUMNS.iter().map(|c| view! {
                    <tr><th scope="row"><code>{*c}</code></th><td>{move || app.t(&format!("mydata.col.{c}"))}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    </div>
    <p>
        <a href="your-data-template.csv" download="your-data-template.csv">{move || app.t("mydata.get-template")}</a>
        " · "
        <a href="your-data-example.csv" download="your-data-example.csv">{move || app.t("mydata.get-example")}</a>
    </p>
    }
}
