//! "Share an action": the form (the pack's fields), the core's checks shown beside
//! each field in the UI language, the card previewed exactly as it will appear, and
//! the one-action pack file to download. Nothing leaves the browser.

use std::collections::HashSet;

use leptos::prelude::*;

use sdg_core::actions::theme_key;
use sdg_core::lists::{country_options, Suggestion};
use sdg_core::model::ACTION_THEMES;
use sdg_core::share::{
    build_action, shared_file, shared_file_name, year_range, Draft, FieldProblem,
};

use crate::components::search::SearchBox;
use crate::download::download_text;
use crate::state::use_app;
use crate::views::actions::ActionCard;

/// A text field of the form: which draft field it edits and how.
#[derive(Clone, Copy)]
struct TextField {
    name: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
    multiline: bool,
    lang: Option<&'static str>,
}

const TEXT_FIELDS: [TextField; 6] = [
    TextField {
        name: "title_en",
        get: |d| d.title_en.clone(),
        set: |d, v| d.title_en = v,
        multiline: false,
        lang: Some("en"),
    },
    TextField {
        name: "title_ko",
        get: |d| d.title_ko.clone(),
        set: |d, v| d.title_ko = v,
        multiline: false,
        lang: Some("ko"),
    },
    TextField {
        name: "summary_en",
        get: |d| d.summary_en.clone(),
        set: |d, v| d.summary_en = v,
        multiline: true,
        lang: Some("en"),
    },
    TextField {
        name: "summary_ko",
        get: |d| d.summary_ko.clone(),
        set: |d, v| d.summary_ko = v,
        multiline: true,
        lang: Some("ko"),
    },
    TextField {
        name: "source_title",
        get: |d| d.source_title.clone(),
        set: |d, v| d.source_title = v,
        multiline: false,
        lang: None,
    },
    TextField {
        name: "source_url",
        get: |d| d.source_url.clone(),
        set: |d, v| d.source_url = v,
        multiline: false,
        lang: None,
    },
];

/// The share view.
#[component]
pub fn ShareView() -> impl IntoView {
    let app = use_app();
    let draft = RwSignal::new(Draft {
        country: "KOR".into(),
        ..Draft::default()
    });
    // Problems show for a field once it was left, and for all after a download try.
    let touched = RwSignal::new(HashSet::<&'static str>::new());
    let attempted = RwSignal::new(false);
    let checked = Memo::new(move |_| {
        app.data.gazetteer_ready.track();
        app.data.framework_ready.track();
        let d = draft.get();
        app.data.bundle.with_untracked(|b| {
            let fw = b.framework.as_ref()?;
            Some(build_action(&d, fw, &b.gazetteer))
        })
    });
    let problems_of = move |field: &'static str| -> Vec<FieldProblem> {
        if !attempted.get() && !touched.with(|t| t.contains(field)) {
            return Vec::new();
        }
        checked.with(|c| {
            c.as_ref()
                .map(|(_, p)| p.iter().filter(|p| p.field == field).cloned().collect())
                .unwrap_or_default()
        })
    };
    let touch = move |field: &'static str| {
        touched.update(|t| {
            t.insert(field);
        })
    };
    let problem_list = move |field: &'static str| {
        let id = format!("{field}-problems");
        view! {
            <ul class="field-problems" id=id data-testid=format!("problems-{field}")>
                {move || problems_of(field).into_iter().map(|p| view! { <li>{p.message(app.lang())}</li> }).collect_view()}
            </ul>
        }
    };
    let invalid = move |field: &'static str| (!problems_of(field).is_empty()).to_string();
    let label_of = move |field: &'static str| app.t(&format!("share.field.{field}"));

    let text_field = move |f: TextField| {
        let id = sdg_core::share::control_id(f.name);
        let described = format!("{}-problems", f.name);
        let value = move || draft.with(|d| (f.get)(d));
        let on_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            draft.update(|d| (f.set)(d, v));
        };
        let control = if f.multiline {
            view! {
                <textarea id=id.clone() name=f.name lang=f.lang rows="4" aria-describedby=described.clone() aria-invalid=move || invalid(f.name)
                    prop:value=value on:input=on_input on:blur=move |_| touch(f.name)></textarea>
            }
            .into_any()
        } else {
            let kind = if f.name == "source_url" {
                "url"
            } else {
                "text"
            };
            view! {
                <input id=id.clone() name=f.name type=kind lang=f.lang aria-describedby=described.clone() aria-invalid=move || invalid(f.name)
                    prop:value=value on:input=on_input on:blur=move |_| touch(f.name) />
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=id>{move || label_of(f.name)}</label>
                {control}
                {problem_list(f.name)}
            </div>
        }
    };

    let countries = Memo::new(move |_| {
        app.data.gazetteer_ready.track();
        let lang = app.lang();
        app.data
            .bundle
            .with_untracked(|b| country_options(&b.gazetteer, lang))
    });
    let targets = Memo::new(move |_| {
        app.data.framework_ready.track();
        let lang = app.lang();
        app.data.bundle.with_untracked(|b| {
            b.framework
                .as_ref()
                .map(|f| {
                    f.targets
                        .iter()
                        .map(|t| (t.code.clone(), t.title(lang).to_string()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let picked_name = move || {
        let id = draft.with(|d| d.place.clone())?;
        app.data.gazetteer_ready.track();
        let lang = app.lang();
        app.data
            .bundle
            .with_untracked(|b| b.gazetteer.city(&id).map(|c| c.name(lang).to_string()))
    };
    let on_pick = Callback::new(move |s: Suggestion| {
        let country = app
            .data
            .bundle
            .with_untracked(|b| b.gazetteer.city(&s.id).map(|c| c.country.clone()));
        draft.update(|d| {
            d.place = Some(s.id.clone());
            if let Some(c) = country {
                d.country = c;
            }
            if d.label.trim().is_empty() {
                d.label = s.name.clone();
            }
        });
        touch("places");
    });
    let problem_count = move || checked.with(|c| c.as_ref().map_or(0, |(_, p)| p.len()));
    let download = move |_| {
        attempted.set(true);
        let Some((action, problems)) = checked.get_untracked() else {
            return;
        };
        if let Some(first) = problems.first() {
            focus(&input_id(first.field));
            return;
        }
        download_text(
            &shared_file_name(&action),
            "application/json",
            &shared_file(&action),
        );
    };
    let (first_year, last_year) = year_range();

    view! {
        <section class="share-view" aria-labelledby="share-title">
            <h1 id="share-title">{move || app.t("share.title")}</h1>
            <p class="intro">{move || app.t("share.intro")}</p>
            <div class="share-layout">
                <form class="share-form" data-testid="share-form" novalidate on:submit=move |ev| { ev.prevent_default(); download(()); }>
                    <fieldset>
                        <legend>{move || app.t("share.who")}</legend>
                        <div class="field">
                            <SearchBox id="share-places" label_key="share.field.places" on_pick=on_pick />
                            <p class="help" data-testid="share-picked">
                                {move || match picked_name() {
                                    Some(name) => app.fill("share.picked", &[("name", &name)]),
                                    None => app.t("share.no-place").to_string(),
                                }}
                            </p>
                            {problem_list("places")}
                        </div>
                        <div class="field">
                            <label for="share-label">{move || label_of("label")}</label>
                            <input id="share-label" name="label" type="text" aria-describedby="label-problems" aria-invalid=move || invalid("label")
                                prop:value=move || draft.with(|d| d.label.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.label = v); }
                                on:blur=move |_| touch("label") />
                            {problem_list("label")}
                        </div>
                        <div class="field">
                            <label for="share-country">{move || label_of("country")}</label>
                            <select id="share-country" name="country" aria-describedby="country-problems" aria-invalid=move || invalid("country")
                                prop:value=move || draft.with(|d| d.country.clone())
                                on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.country = v); touch("country"); }>
                                {move || countries.get().into_iter().map(|(iso3, name)| {
                                    let selected = draft.with_untracked(|d| d.country == iso3);
                                    view! { <option value=iso3 selected=selected>{name}</option> }
                                }).collect_view()}
                            </select>
                            {problem_list("country")}
                        </div>
                        <div class="field">
                            <label for="share-year">{move || label_of("year")}</label>
                            <input id="share-year" name="year" type="number" inputmode="numeric" min=first_year max=last_year aria-describedby="year-problems" aria-invalid=move || invalid("year")
                                prop:value=move || draft.with(|d| d.year.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.year = v); }
                                on:blur=move |_| touch("year") />
                            {problem_list("year")}
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{move || app.t("share.what")}</legend>
                        {TEXT_FIELDS[..4].iter().map(|f| text_field(*f)).collect_view()}
                        <fieldset class="targets" aria-describedby="targets-problems">
                            <legend>{move || label_of("targets")}</legend>
                            {move || targets.get().into_iter().map(|(code, title)| {
                                let id = sdg_core::share::target_control_id(&code);
                                let label_for = id.clone();
                                let c = code.clone();
                                let checked_now = draft.with_untracked(|d| d.targets.contains(&code));
                                view! {
                                    <label class="check" for=label_for>
                                        <input id=id type="checkbox" value=code.clone() prop:checked=checked_now
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let code = c.clone();
                                                draft.update(|d| {
                                                    d.targets.retain(|t| *t != code);
                                                    if on { d.targets.push(code); d.targets.sort(); }
                                                });
                                                touch("targets");
                                            } />
                                        <strong>{code.clone()}</strong>" "{title}
                                    </label>
                                }
                            }).collect_view()}
                            {problem_list("targets")}
                        </fieldset>
                        <div class="field">
                            <label for="share-theme">{move || label_of("theme")}</label>
                            <select id="share-theme" name="theme" aria-describedby="theme-problems" aria-invalid=move || invalid("theme")
                                on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.theme = v); touch("theme"); }>
                                <option value="">{move || app.t("share.choose")}</option>
                                {ACTION_THEMES.iter().map(|t| view! { <option value=*t>{move || app.t(&theme_key(t))}</option> }).collect_view()}
                            </select>
                            {problem_list("theme")}
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{move || app.t("share.source")}</legend>
                        {TEXT_FIELDS[4..].iter().map(|f| text_field(*f)).collect_view()}
                        <fieldset class="confidence" aria-describedby="confidence-problems">
                            <legend>{move || label_of("confidence")}</legend>
                            {sdg_core::share::CONFIDENCE_CHOICES.into_iter().map(|(c, key)| {
                                let id = sdg_core::share::confidence_control_id(key);
                                let label_for = id.clone();
                                view! {
                                    <label class="check" for=label_for>
                                        <input id=id type="radio" name="confidence" value=key
                                            on:change=move |_| { draft.update(|d| d.confidence = Some(c)); touch("confidence"); } />
                                        {move || app.t(&format!("actions.confidence.{key}"))}
                                    </label>
                                }
                            }).collect_view()}
                            {problem_list("confidence")}
                        </fieldset>
                    </fieldset>
                    <div class="toolbar">
                        <button type="submit" data-testid="share-download">{move || app.t("share.download")}</button>
                        <span role="status" aria-live="polite" data-testid="share-status">
                            {move || match (attempted.get(), problem_count()) {
                                (true, n) if n > 0 => app.fill("share.problems", &[("n", &n.to_string())]),
                                (true, _) => app.t("share.ready").to_string(),
                                _ => String::new(),
                            }}
                        </span>
                    </div>
                    <p class="help">{move || app.t("share.how")}</p>
                </form>
                <div class="share-preview" data-testid="share-preview">
                    <h2>{move || app.t("share.preview")}</h2>
                    {move || checked.get().map(|(mut action, _)| {
                        // A card always has a title: until there is one, the field's name holds its place.
                        if action.title.en().is_empty() {
                            action.title.set("en", format!("[{}]", label_of("title_en")));
                        }
                        view! { <ActionCard action=action /> }
                    })}
                </div>
            </div>
        </section>
    }
}

/// The form control of a field (a group's first control).
fn input_id(field: &str) -> String {
    sdg_core::share::control_id(field)
}

/// Moves keyboard focus to the element with `id` (the first field with a problem).
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
