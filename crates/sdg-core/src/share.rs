//! "Share an action": a partner fills the form, the draft is checked by the pack's own
//! rules ([`check_action`]), previewed as the card it will become, and downloaded as a
//! one-action pack file. `datagen` merges such files from a folder into the actions
//! pack ([`merge_shared`]), so sharing a case is sending a file: nothing is uploaded.

use crate::i18n::Lang;
use crate::limits::ACTION_YEARS;
use crate::load::{check_action, ActionProblem};
use crate::model::{ActionsPack, Confidence, Framework, Gazetteer, LocalAction, Localized};

/// Prefix of the ids of shared actions (the collection's own are `LA…`).
pub const SHARED_PREFIX: &str = "SH-";

/// The form's fields as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// Who acted, as they name themselves ("Suwon", "Seoul (Songpa-gu)").
    pub label: String,
    /// The gazetteer place picked for it, if any.
    pub place: Option<String>,
    /// ISO3 of the country.
    pub country: String,
    /// The year, as typed (may be empty).
    pub year: String,
    /// The title as typed: English (required) and the second language's, if any.
    pub title: Localized,
    /// The summary as typed, in the same languages.
    pub summary: Localized,
    /// The form's second language (see [`second_language`]). Texts typed in another
    /// second language before a switch are kept in the draft but not shared.
    pub second: Lang,
    /// Goal 11 targets ticked.
    pub targets: Vec<String>,
    /// Theme.
    pub theme: String,
    /// Source title.
    pub source_title: String,
    /// Source address.
    pub source_url: String,
    /// How sure the facts are.
    pub confidence: Option<Confidence>,
}

/// The two texts of an action that are written per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPart {
    /// The card's title.
    Title,
    /// The card's summary.
    Summary,
}

impl TextPart {
    /// Both, in form order.
    pub const ALL: [TextPart; 2] = [TextPart::Title, TextPart::Summary];

    /// The pack's name of the text (`title`, `summary`).
    pub fn key(self) -> &'static str {
        match self {
            TextPart::Title => "title",
            TextPart::Summary => "summary",
        }
    }

    /// The form field of the text in `lang`: `title_en`, `summary_zh`. The English
    /// ones are the required fields that problems name.
    pub fn field(self, lang: Lang) -> String {
        format!("{}_{}", self.key(), lang.key())
    }

    /// The English field, the one that is required and that problems name.
    pub fn required_field(self) -> &'static str {
        match self {
            TextPart::Title => "title_en",
            TextPart::Summary => "summary_en",
        }
    }

    /// The message key of the field's label: English has its own ("Title in
    /// English"); every second language shares one that names the language.
    pub fn label_key(self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("share.field.{}", self.field(lang)),
            _ => format!("share.field.{}_in", self.key()),
        }
    }
}

/// The form's second language for an interface language: the interface's own when it
/// is not English, otherwise Korean (the hub's home). A partner writes in English for
/// everyone and in their own language for their own people.
pub fn second_language(ui: Lang) -> Lang {
    match ui {
        Lang::En => Lang::Ko,
        other => other,
    }
}

/// The languages a partner may pick as the form's second language.
pub fn second_languages() -> impl Iterator<Item = Lang> {
    Lang::ALL.iter().copied().filter(|l| *l != Lang::En)
}

impl Draft {
    /// The draft text of `part` in `lang`, as typed (empty when none).
    pub fn text(&self, part: TextPart, lang: Lang) -> &str {
        let text = match part {
            TextPart::Title => &self.title,
            TextPart::Summary => &self.summary,
        };
        match lang {
            Lang::En => text.en(),
            _ => text.exact(lang.key()).unwrap_or_default(),
        }
    }

    /// Sets the draft text of `part` in `lang`.
    pub fn set_text(&mut self, part: TextPart, lang: Lang, value: String) {
        let text = match part {
            TextPart::Title => &mut self.title,
            TextPart::Summary => &mut self.summary,
        };
        text.set(lang.key(), value);
    }

    /// What is shared of `part`: English and the second language, trimmed.
    fn shared_text(&self, part: TextPart) -> Localized {
        Localized::new(self.text(part, Lang::En).trim())
            .with(self.second.key(), self.text(part, self.second).trim())
    }
}

/// One problem of a draft, on one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The pack's field name (`title_en`, `year`, …), which is also the form field's.
    pub field: &'static str,
    /// What is wrong.
    pub problem: DraftProblem,
}

/// What can be wrong with a draft: the pack's rules, plus what only a form can get
/// wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    /// A rule every action of the pack obeys.
    Pack(ActionProblem),
    /// A required field left empty.
    Required,
    /// The year is not a whole number.
    NotAYear(String),
    /// The picked place is in another country than the one chosen.
    PlaceElsewhere,
}

impl FieldProblem {
    /// The problem in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::fill;
        match &self.problem {
            DraftProblem::Pack(p) => p.message(lang),
            DraftProblem::Required => fill(lang, "problem.required", &[]),
            DraftProblem::NotAYear(v) => fill(lang, "problem.not-a-year", &[("v", v)]),
            DraftProblem::PlaceElsewhere => fill(lang, "problem.place-elsewhere", &[]),
        }
    }
}

/// A stable id from what the action says: the same draft always gets the same id,
/// so a file sent twice merges once.
pub fn action_id(a: &LocalAction) -> String {
    // FNV-1a over the identifying fields: tiny, stable across builds and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let year = a.year.map(|y| y.to_string()).unwrap_or_default();
    for part in [a.country.as_str(), &a.label, &year, a.title.en()] {
        for b in part.bytes().chain([0x1f]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{SHARED_PREFIX}{:08X}", (hash >> 32) as u32)
}

/// The action a draft describes (always, so the preview can show it) and every
/// problem found, in form order.
pub fn build_action(
    draft: &Draft,
    framework: &Framework,
    gazetteer: &Gazetteer,
) -> (LocalAction, Vec<FieldProblem>) {
    let trimmed = |s: &str| s.trim().to_string();
    let mut problems = Vec::new();
    let mut problem = |field: &'static str, problem: DraftProblem| {
        problems.push(FieldProblem { field, problem });
    };
    let year_text = draft.year.trim();
    let year = if year_text.is_empty() {
        None
    } else {
        match year_text.parse::<i32>() {
            Ok(y) => Some(y),
            Err(_) => {
                problem("year", DraftProblem::NotAYear(year_text.to_string()));
                None
            }
        }
    };
    let places: Vec<String> = draft.place.iter().cloned().collect();
    if let Some(city) = draft.place.as_deref().and_then(|p| gazetteer.city(p)) {
        if city.country != draft.country {
            problem("places", DraftProblem::PlaceElsewhere);
        }
    }
    let mut action = LocalAction {
        id: String::new(),
        label: trimmed(&draft.label),
        places,
        country: draft.country.trim().to_string(),
        year,
        title: draft.shared_text(TextPart::Title),
        summary: draft.shared_text(TextPart::Summary),
        targets: draft.targets.clone(),
        theme: draft.theme.clone(),
        source_title: trimmed(&draft.source_title),
        source_url: trimmed(&draft.source_url),
        confidence: draft.confidence.unwrap_or(Confidence::Medium),
    };
    action.id = action_id(&action);
    for (field, value) in [
        ("label", action.label.as_str()),
        (TextPart::Summary.required_field(), action.summary.en()),
    ] {
        if value.is_empty() {
            problem(field, DraftProblem::Required);
        }
    }
    if draft.confidence.is_none() {
        problem("confidence", DraftProblem::Required);
    }
    let known_target = |t: &str| framework.targets.iter().any(|x| x.code == t);
    for (field, p) in check_action(&action, &known_target, gazetteer) {
        problem(field, DraftProblem::Pack(p));
    }
    problems.sort_by_key(|p| FIELD_ORDER.iter().position(|f| *f == p.field));
    (action, problems)
}

#[cfg(test)]
mod control_tests {
    use super::*;

    #[test]
    fn every_field_has_a_control_and_groups_point_at_their_first() {
        assert_eq!(control_id("title_en"), "share-title_en");
        assert_eq!(control_id("targets"), target_control_id("11.1"));
        assert_eq!(control_id("confidence"), "share-confidence-high");
        let ids: std::collections::BTreeSet<String> =
            FIELD_ORDER.iter().map(|f| control_id(f)).collect();
        assert_eq!(ids.len(), FIELD_ORDER.len(), "one control per field");
    }
}

/// The form's fields in order (problems are listed in this order).
pub const FIELD_ORDER: [&str; 11] = [
    "label",
    "country",
    "places",
    "year",
    "title_en",
    "summary_en",
    "targets",
    "theme",
    "source_title",
    "source_url",
    "confidence",
];

/// The confidence choices of the form, with their keys.
pub const CONFIDENCE_CHOICES: [(Confidence, &str); 2] =
    [(Confidence::High, "high"), (Confidence::Medium, "medium")];

/// The DOM id of a target's tick box.
pub fn target_control_id(code: &str) -> String {
    format!("share-target-{code}")
}

/// The DOM id of a confidence choice.
pub fn confidence_control_id(key: &str) -> String {
    format!("share-confidence-{key}")
}

/// The DOM id of a field's control (a group's first control): what a problem's link
/// focuses. The form builds its controls' ids with the same functions.
pub fn control_id(field: &str) -> String {
    match field {
        "targets" => target_control_id(crate::model::GOAL11_TARGETS[0]),
        "confidence" => confidence_control_id(CONFIDENCE_CHOICES[0].1),
        _ => format!("share-{field}"),
    }
}

/// The file a partner sends: an actions pack holding the one action, pretty-printed
/// so that a reviewer can read it.
pub fn shared_file(action: &LocalAction) -> String {
    let pack = ActionsPack {
        actions: vec![action.clone()],
        figures: Vec::new(),
    };
    serde_json::to_string_pretty(&pack).unwrap_or_default() + "\n"
}

/// Its file name.
pub fn shared_file_name(action: &LocalAction) -> String {
    format!("action-{}.json", action.id)
}

/// Why a shared file could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeProblem {
    /// An id the pack already holds with other content.
    Conflict(String),
    /// Not a shared action's id (`SH-…`): shared files cannot replace the collection's.
    NotShared(String),
}

impl std::fmt::Display for MergeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Conflict(id) => write!(
                f,
                "`{id}` is already in the pack with other content; change the shared file's id"
            ),
            Self::NotShared(id) => write!(
                f,
                "`{id}` is not a shared action's id (they start with {SHARED_PREFIX})"
            ),
        }
    }
}

/// Adds a shared file's actions (already checked by the loader) to the pack. An
/// action already there unchanged is skipped, so merging is idempotent. Returns how
/// many were added.
pub fn merge_shared(pack: &mut ActionsPack, shared: ActionsPack) -> Result<usize, MergeProblem> {
    let mut added = 0;
    for a in shared.actions {
        if !a.id.starts_with(SHARED_PREFIX) {
            return Err(MergeProblem::NotShared(a.id));
        }
        match pack.actions.iter().find(|x| x.id == a.id) {
            Some(existing) if *existing == a => {}
            Some(_) => return Err(MergeProblem::Conflict(a.id)),
            None => {
                pack.actions.push(a);
                added += 1;
            }
        }
    }
    pack.figures.extend(shared.figures);
    Ok(added)
}

/// The years the form's year field accepts.
pub fn year_range() -> (i32, i32) {
    (*ACTION_YEARS.start(), *ACTION_YEARS.end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{load_actions, Context};

    fn world() -> (Framework, Gazetteer) {
        let fw = crate::fixtures::framework(&["11.6.2"], vec![crate::fixtures::pm25()]);
        let g = crate::scene::rows::fixture::gazetteer();
        (fw, g)
    }

    fn draft() -> Draft {
        Draft {
            label: "Suwon".into(),
            place: Some("kr-31010".into()),
            country: "KOR".into(),
            year: "2021".into(),
            title: Localized::new("Car-free day").with("ko", "차 없는 날"),
            summary: Localized::new("Streets closed to cars one day a month.")
                .with("ko", "한 달에 하루 차 없는 거리."),
            second: Lang::Ko,
            targets: vec!["11.6".into()],
            theme: "transport".into(),
            source_title: "Suwon city".into(),
            source_url: "https://www.suwon.go.kr/".into(),
            confidence: Some(Confidence::High),
        }
    }

    #[test]
    fn a_good_draft_becomes_an_action_the_loader_accepts() {
        let (fw, g) = world();
        let (action, problems) = build_action(&draft(), &fw, &g);
        assert_eq!(problems, vec![], "{problems:?}");
        assert!(
            action.id.starts_with("SH-") && action.id.len() == 11,
            "{}",
            action.id
        );
        assert_eq!(
            action.summary.exact("ko"),
            Some("한 달에 하루 차 없는 거리.")
        );
        let file = shared_file(&action);
        let ctx = Context {
            framework: &fw,
            gazetteer: &g,
        };
        let loaded = load_actions("action.json", &file, &ctx).expect("the pack's rules pass");
        assert_eq!(loaded.actions, vec![action.clone()]);
        assert_eq!(
            shared_file_name(&action),
            format!("action-{}.json", action.id)
        );
        // The id depends on what the action says, not on when it was made.
        assert_eq!(build_action(&draft(), &fw, &g).0.id, action.id);
        let mut other = draft();
        other.set_text(TextPart::Title, Lang::En, "Car-free week".into());
        assert_ne!(build_action(&other, &fw, &g).0.id, action.id);
    }

    #[test]
    fn every_bad_field_is_named_in_form_order() {
        let (fw, g) = world();
        let bad = Draft {
            label: " ".into(),
            place: Some("jp-1".into()),
            year: "20x1".into(),
            title: Localized::default(),
            targets: vec!["11.9".into()],
            theme: "magic".into(),
            source_title: String::new(),
            source_url: "javascript:alert(1)".into(),
            confidence: None,
            ..draft()
        };
        let (_, problems) = build_action(&bad, &fw, &g);
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![
                "label",
                "places",
                "year",
                "title_en",
                "targets",
                "theme",
                "source_title",
                "source_url",
                "confidence"
            ]
        );
        assert_eq!(
            problems[1].problem,
            DraftProblem::PlaceElsewhere,
            "Tokyo is not in Korea"
        );
        let year = problems.iter().find(|p| p.field == "year").unwrap();
        assert_eq!(year.message(Lang::En), "“20x1” is not a whole year");
        assert!(problems[4].message(Lang::Ko).contains("11.9"));
        let mut late = draft();
        late.year = "2300".into();
        let (_, problems) = build_action(&late, &fw, &g);
        assert_eq!(
            problems[0].problem,
            DraftProblem::Pack(ActionProblem::ImplausibleYear(2300))
        );
        let mut none = draft();
        none.targets.clear();
        let (_, problems) = build_action(&none, &fw, &g);
        assert_eq!(
            problems[0].problem,
            DraftProblem::Pack(ActionProblem::NoTarget)
        );
    }

    #[test]
    fn every_field_has_a_label_in_every_language() {
        let text_labels = TextPart::ALL
            .into_iter()
            .flat_map(|p| Lang::ALL.iter().map(move |l| p.label_key(*l)));
        let keys: Vec<String> = FIELD_ORDER
            .iter()
            .map(|f| format!("share.field.{f}"))
            .chain(text_labels)
            .collect();
        for key in keys {
            for lang in Lang::ALL {
                assert_ne!(crate::i18n::text(*lang, &key), "[missing text]", "{key}");
            }
        }
    }

    #[test]
    fn the_second_language_follows_the_interface_and_only_it_is_shared() {
        assert_eq!(second_language(Lang::En), Lang::Ko);
        assert_eq!(second_language(Lang::Zh), Lang::Zh);
        assert!(second_languages().all(|l| l != Lang::En));
        assert_eq!(TextPart::Summary.field(Lang::Zh), "summary_zh");
        for part in TextPart::ALL {
            assert_eq!(part.required_field(), part.field(Lang::En));
        }
        let (fw, g) = world();
        let mut d = draft();
        d.set_text(TextPart::Title, Lang::Zh, " 无车日 ".into());
        let (a, _) = build_action(&d, &fw, &g);
        assert_eq!(a.title.exact("ko"), Some("차 없는 날"));
        assert_eq!(
            a.title.exact("zh"),
            None,
            "Chinese is not the second language"
        );
        d.second = Lang::Zh;
        let (a, _) = build_action(&d, &fw, &g);
        assert_eq!(a.title.exact("zh"), Some("无车日"), "trimmed");
        assert_eq!(a.title.exact("ko"), None);
        assert_eq!(
            d.text(TextPart::Title, Lang::Ko),
            "차 없는 날",
            "kept in the draft"
        );
    }

    #[test]
    fn merging_adds_once_and_refuses_conflicts_and_collection_ids() {
        let (fw, g) = world();
        let (action, _) = build_action(&draft(), &fw, &g);
        let one = || ActionsPack {
            actions: vec![action.clone()],
            figures: Vec::new(),
        };
        let mut pack = crate::actions::tests::pack();
        let before = pack.actions.len();
        assert_eq!(merge_shared(&mut pack, one()), Ok(1));
        assert_eq!(merge_shared(&mut pack, one()), Ok(0), "idempotent");
        assert_eq!(pack.actions.len(), before + 1);
        let mut changed = one();
        changed.actions[0].summary.set("en", "Something else.");
        assert_eq!(
            merge_shared(&mut pack, changed),
            Err(MergeProblem::Conflict(action.id.clone()))
        );
        let mut collection = one();
        collection.actions[0].id = "LA001".into();
        let err = merge_shared(&mut pack, collection).unwrap_err();
        assert!(err.to_string().contains("SH-"), "{err}");
    }
}
