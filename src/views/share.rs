//! "Share an action": the form (the pack's fields), the core's checks shown beside
//! each field in the UI language, the card previewed exactly as it will appear, and
//! the one-action pack file to download. Nothing leaves the browser.

use std::collections::HashSet;

use leptos::prelude::*;

use sdg_core::actions::theme_key;
use sdg_core::i18n::Lang;
use sdg_core::lists::{country_options, Suggestion};
use sdg_core::model::LocalAction;
use sdg_core::model::ACTION_THEMES;
use sdg_core::share::{
    build_action, second_language, second_languages, shared_file, shared_file_name, year_range,
    Draft, FieldProblem, TextPart,
};

use crate::components::search::SearchBox;
use crate::download::download_text;
use crate::state::use_app;
use crate::views::actions::ActionCard;

/// The form's state shared by its parts: the draft, which fields were left, whether a
/// download was tried, and the core's verdict on the draft.
#[derive(Clone, Copy)]
struct Form {
    draft: RwSignal<Draft>,
    touched: RwSignal<HashSet<String>>,
    attempted: RwSignal<bool>,
    checked: Memo<Option<(LocalAction, Vec<FieldProblem>)>>,
}

impl Form {
    fn new() -> Self {
        let app = use_app();
        let draft = RwSignal::new(Draft {
            country: "KOR".into(),
            second: second_language(app.lang()),
            ..Draft::default()
        });
        let checked = Memo::new(move |_| {
            app.data.gazetteer_ready.track();
            app.data.framework_ready.track();
            let d = draft.get();
            app.data.bundle.with_untracked(|b| {
                let fw = b.framework.as_ref()?;
                Some(build_action(&d, fw, &b.gazetteer))
            })
        });
        Form {
            draft,
            touched: RwSignal::new(HashSet::new()),
            attempted: RwSignal::new(false),
            checked,
        }
    }

    /// A field's problems, shown once it was left, and for all after a download try.
    fn problems_of(self, field: &str) -> Vec<FieldProblem> {
        if !self.attempted.get() && !self.touched.with(|t| t.contains(field)) {
            return Vec::new();
        }
        self.checked.with(|c| {
            c.as_ref()
                .map(|(_, p)| p.iter().filter(|p| p.field == field).cloned().collect())
                .unwrap_or_default()
        })
    }

    fn touch(self, field: &str) {
        self.touched.update(|t| {
            t.insert(field.to_string());
        })
    }

    fn invalid(self, field: &str) -> String {
        (!self.problems_of(field).is_empty()).to_string()
    }

    fn problem_count(self) -> usize {
        self.checked
            .with(|c| c.as_ref().map_or(0, |(_, p)| p.len()))
    }
}

/// The label of a field in the interface language.
fn label_of(field: &str) -> &'static str {
    use_app().t(&format!("share.field.{field}"))
}

/// The problems of one field, announced beside it.
#[component]
fn Problems(form: Form, field: &'static str) -> impl IntoView {
    let app = use_app();
    view! {
        <ul class="field-problems" id=format!("{field}-problems") data-testid=format!("problems-{field}")>
            {move || form.problems_of(field).into_iter().map(|p| view! { <li>{p.message(app.lang())}</li> }).collect_view()}
        </ul>
    }
}

/// A one-line text field bound to a draft field through `get` and `set`.
#[component]
fn LineField(
    form: Form,
    field: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
    #[prop(optional)] kind: Option<&'static str>,
) -> impl IntoView {
    let id = sdg_core::share::control_id(field);
    view! {
        <div class="field">
            <label for=id.clone()>{move || label_of(field)}</label>
            <input id=id name=field type=kind.unwrap_or("text") aria-describedby=format!("{field}-problems") aria-invalid=move || form.invalid(field)
                prop:value=move || form.draft.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.draft.update(|d| set(d, v)); }
                on:blur=move |_| form.touch(field) />
            <Problems form=form field=field />
        </div>
    }
}

/// The title or summary in one language: English always, the second language as
/// the partner picked it. Each carries its `lang` so it is spelt and read right.
#[component]
fn TextField(form: Form, part: TextPart, lang: Signal<Lang>) -> impl IntoView {
    let app = use_app();
    let field = move || part.field(lang.get());
    let id = move || sdg_core::share::control_id(&field());
    let label = move || {
        let name = lang.get().native_name();
        app.fill(&part.label_key(lang.get()), &[("language", name)])
    };
    // The language is read before the draft, never inside: the second language is
    // itself read from the draft, which cannot be read while it is being written.
    let value = move || {
        let lang = lang.get();
        form.draft.with(|d| d.text(part, lang).to_string())
    };
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let lang = lang.get_untracked();
        form.draft.update(|d| d.set_text(part, lang, v));
    };
    let control = match part {
        TextPart::Summary => view! {
            <textarea id=id name=field lang=move || lang.get().html_lang() rows="4" aria-describedby=move || format!("{}-problems", field()) aria-invalid=move || form.invalid(&field())
                prop:value=value on:input=on_input on:blur=move |_| form.touch(&field())></textarea>
        }.into_any(),
        TextPart::Title => view! {
            <input id=id name=field type="text" lang=move || lang.get().html_lang() aria-describedby=move || format!("{}-problems", field()) aria-invalid=move || form.invalid(&field())
                prop:value=value on:input=on_input on:blur=move |_| form.touch(&field()) />
        }.into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            // Problems are only ever on the required English fields.
            {move || (lang.get() == Lang::En).then(|| view! { <Problems form=form field=part.required_field() /> })}
        </div>
    }
}

/// Who acted: the place in the explorer, the name as the city writes it, the
/// country and the year.
#[component]
fn WhoFields(form: Form) -> impl IntoView {
    let app = use_app();
    let draft = form.draft;
    let countries = Memo::new(move |_| {
        app.data.gazetteer_ready.track();
        let lang = app.lang();
        app.data
            .bundle
            .with_untracked(|b| country_options(&b.gazetteer, lang))
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
        form.touch("places");
    });
    let (first_year, last_year) = year_range();
    view! {
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
                <Problems form=form field="places" />
            </div>
            <LineField form=form field="label" get=|d| d.label.clone() set=|d, v| d.label = v />
            <div class="field">
                <label for="share-country">{move || label_of("country")}</label>
                <select id="share-country" name="country" aria-describedby="country-problems" aria-invalid=move || form.invalid("country")
                    prop:value=move || draft.with(|d| d.country.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.country = v); form.touch("country"); }>
                    {move || countries.get().into_iter().map(|(iso3, name)| {
                        let selected = draft.with_untracked(|d| d.country == iso3);
                        view! { <option value=iso3 selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <Problems form=form field="country" />
            </div>
            <div class="field">
                <label for="share-year">{move || label_of("year")}</label>
                <input id="share-year" name="year" type="number" inputmode="numeric" min=first_year max=last_year aria-describedby="year-problems" aria-invalid=move || form.invalid("year")
                    prop:value=move || draft.with(|d| d.year.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.year = v); }
                    on:blur=move |_| form.touch("year") />
                <Problems form=form field="year" />
            </div>
        </fieldset>
    }
}

/// What was done: the texts in English and a second language, the targets served
/// and the theme.
#[component]
fn WhatFields(form: Form) -> impl IntoView {
    let app = use_app();
    let draft = form.draft;
    let second = Signal::derive(move || draft.with(|d| d.second));
    let english = Signal::derive(|| Lang::En);
    view! {
        <fieldset>
            <legend>{move || app.t("share.what")}</legend>
            <div class="field">
                <label for="share-second">{move || label_of("second")}</label>
                <select id="share-second" name="second"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(l) = Lang::from_key(&v) { draft.update(|d| d.second = l); }
                    }>
                    {second_languages().map(|l| view! {
                        <option value=l.key() lang=l.html_lang() selected=move || second.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </div>
            {TextPart::ALL.into_iter().map(|part| view! {
                <TextField form=form part=part lang=english />
                <TextField form=form part=part lang=second />
            }).collect_view()}
            <TargetChoices form=form />
            <div class="field">
                <label for="share-theme">{move || label_of("theme")}</label>
                <select id="share-theme" name="theme" aria-describedby="theme-problems" aria-invalid=move || form.invalid("theme")
                    on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.theme = v); form.touch("theme"); }>
                    <option value="">{move || app.t("share.choose")}</option>
                    {ACTION_THEMES.iter().map(|t| view! { <option value=*t>{move || app.t(&theme_key(t))}</option> }).collect_view()}
                </select>
                <Problems form=form field="theme" />
            </div>
        </fieldset>
    }
}

/// The Goal 11 targets the action serves, as tick boxes.
#[component]
fn TargetChoices(form: Form) -> impl IntoView {
    let app = use_app();
    let draft = form.draft;
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
    view! {
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
                                form.touch("targets");
                            } />
                        <strong class="code">{code.clone()}</strong>" "{title}
                    </label>
                }
            }).collect_view()}
            <Problems form=form field="targets" />
        </fieldset>
    }
}

/// Where the facts come from and how sure they are.
#[component]
fn SourceFields(form: Form) -> impl IntoView {
    let app = use_app();
    view! {
        <fieldset>
            <legend>{move || app.t("share.source")}</legend>
            <LineField form=form field="source_title" get=|d| d.source_title.clone() set=|d, v| d.source_title = v />
            <LineField form=form field="source_url" kind="url" get=|d| d.source_url.clone() set=|d, v| d.source_url = v />
            <fieldset class="confidence" aria-describedby="confidence-problems">
                <legend>{move || label_of("confidence")}</legend>
                {sdg_core::share::CONFIDENCE_CHOICES.into_iter().map(|(c, key)| {
                    let id = sdg_core::share::confidence_control_id(key);
                    let label_for = id.clone();
                    view! {
                        <label class="check" for=label_for>
                            <input id=id type="radio" name="confidence" value=key
                                on:change=move |_| { form.draft.update(|d| d.confidence = Some(c)); form.touch("confidence"); } />
                            {move || app.t(&format!("actions.confidence.{key}"))}
                        </label>
                    }
                }).collect_view()}
                <Problems form=form field="confidence" />
            </fieldset>
        </fieldset>
    }
}

/// The share view.
#[component]
pub fn ShareView() -> impl IntoView {
    let app = use_app();
    let form = Form::new();
    let download = move || {
        form.attempted.set(true);
        let Some((action, problems)) = form.checked.get_untracked() else {
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
    view! {
        <section class="share-view" aria-labelledby="share-title">
            <h1 id="share-title">{move || app.t("share.title")}</h1>
            <p class="intro">{move || app.t("share.intro")}</p>
            <div class="share-layout">
                <form class="share-form" data-testid="share-form" novalidate on:submit=move |ev| { ev.prevent_default(); download(); }>
                    <WhoFields form=form />
                    <WhatFields form=form />
                    <SourceFields form=form />
                    <div class="toolbar">
                        <button type="submit" data-testid="share-download">{move || app.t("share.download")}</button>
                        <span role="status" aria-live="polite" data-testid="share-status">
                            {move || match (form.attempted.get(), form.problem_count()) {
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
                    {move || form.checked.get().map(|(mut action, _)| {
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

#[cfg(test)]
mod tests {
    use sdg_core::share::control_id;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{fire, mount, settle, type_into, until, Mounted};

    /// The share view, once the framework and the places it checks against are in.
    async fn share_form() -> Mounted {
        let m = mount("view=share", || view! { <ShareView /> }).await;
        let app = m.app;
        until("the framework and the places", || {
            untrack(|| app.data.places_ready())
        })
        .await;
        settle().await;
        m
    }

    #[wasm_bindgen_test]
    async fn a_download_try_shows_every_problem_and_focuses_the_first() {
        let m = share_form().await;
        let app = m.app;
        let status: web_sys::HtmlElement = m.find("[data-testid=share-status]");
        assert_eq!(
            status.text_content().as_deref(),
            Some(""),
            "nothing said before a try"
        );
        assert_eq!(
            m.count(".field-problems li"),
            0,
            "no problem shown before a field is left"
        );

        let title: web_sys::HtmlInputElement = m.find(&format!("#{}", control_id("title_en")));
        title.focus().expect("focusable");
        fire(&title, "blur");
        settle().await;
        let title_problems: web_sys::HtmlElement = m.find("[data-testid=problems-title_en]");
        assert!(
            title_problems.child_element_count() > 0,
            "a left empty title is a problem"
        );
        assert_eq!(title.get_attribute("aria-invalid").as_deref(), Some("true"));

        m.find::<web_sys::HtmlElement>("[data-testid=share-download]")
            .click();
        settle().await;
        let (_, problems) = app.data.bundle.with_untracked(|b| {
            let draft = Draft {
                country: "KOR".into(),
                second: second_language(Lang::En),
                ..Draft::default()
            };
            build_action(
                &draft,
                b.framework.as_ref().expect("a framework"),
                &b.gazetteer,
            )
        });
        assert!(!problems.is_empty());
        let said = untrack(|| app.fill("share.problems", &[("n", &problems.len().to_string())]));
        assert_eq!(
            status.text_content().unwrap_or_default(),
            said,
            "the core's count of problems"
        );
        assert_eq!(
            m.count(".field-problems li"),
            problems.len() as u32,
            "each beside its field"
        );
        let focused = document().active_element().expect("a focus");
        assert_eq!(
            focused.id(),
            control_id(problems[0].field),
            "the first problem's field has the focus"
        );
        m.finish().await;
    }

    #[wasm_bindgen_test]
    async fn the_preview_shows_what_is_typed_as_text() {
        let m = share_form().await;
        let title: web_sys::HtmlInputElement = m.find(&format!("#{}", control_id("title_en")));
        let hostile = "<img src=x onerror=alert(1)>Bus lanes";
        type_into(&title, hostile);
        settle().await;
        let preview: web_sys::HtmlElement = m.find("[data-testid=share-preview]");
        assert!(
            preview.text_content().unwrap_or_default().contains(hostile),
            "{}",
            preview.inner_html()
        );
        assert_eq!(
            preview
                .query_selector_all("img")
                .map(|l| l.length())
                .unwrap_or(1),
            0,
            "never markup"
        );
        m.finish().await;
    }
}
