//! The rules every local action obeys, shared by the loader, the data tool and the
//! "Share an action" form.

use crate::model::{ActionsPack, Gazetteer};

use crate::FastSet;

use super::files::parse_json;
use super::values::Context;
use super::{Problem, Report, MAX_PROBLEMS};

/// Whether a link may be rendered: an absolute `http` or `https` URL with a host and
/// no spaces or control characters. Anything else (`javascript:`, `data:`, relative
/// paths) is never put into an `href`.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
    }) && !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// Years an action or figure may carry.
use crate::limits::ACTION_YEARS;

/// What can be wrong with one action: the pack's rules, shared by the loader, the
/// data tool and the "Share an action" form, which shows them in the UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionProblem {
    /// Another action has the same id.
    DuplicateId,
    /// No English title.
    MissingTitle,
    /// No Goal 11 target.
    NoTarget,
    /// A target the framework does not know.
    UnknownTarget(String),
    /// A theme outside [`crate::model::ACTION_THEMES`].
    UnknownTheme(String),
    /// A year outside [`ACTION_YEARS`].
    ImplausibleYear(i32),
    /// A country the gazetteer does not know.
    UnknownCountry(String),
    /// A place the gazetteer does not know.
    UnknownPlace(String),
    /// No source title.
    MissingSource,
    /// A source address that is not an http or https link.
    UnsafeLink(String),
}

impl ActionProblem {
    /// The problem in words, in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::fill;
        let short = |v: &str| v.chars().take(80).collect::<String>();
        match self {
            Self::DuplicateId => fill(lang, "problem.duplicate-id", &[]),
            Self::MissingTitle => fill(lang, "problem.title", &[]),
            Self::NoTarget => fill(lang, "problem.no-target", &[]),
            Self::UnknownTarget(t) => fill(lang, "problem.target", &[("v", &short(t))]),
            Self::UnknownTheme(t) => fill(lang, "problem.theme", &[("v", &short(t))]),
            Self::ImplausibleYear(y) => fill(lang, "problem.year", &[("v", &y.to_string())]),
            Self::UnknownCountry(c) => fill(lang, "problem.country", &[("v", &short(c))]),
            Self::UnknownPlace(p) => fill(lang, "problem.place", &[("v", &short(p))]),
            Self::MissingSource => fill(lang, "problem.source", &[]),
            Self::UnsafeLink(u) => fill(lang, "problem.link", &[("v", &short(u))]),
        }
    }
}

/// The pack's rules for one action, as `(field, problem)` pairs (duplicate ids are
/// the pack's concern). `known_target` says whether a target code exists.
pub fn check_action(
    a: &crate::model::LocalAction,
    known_target: &dyn Fn(&str) -> bool,
    gazetteer: &Gazetteer,
) -> Vec<(&'static str, ActionProblem)> {
    let mut out = Vec::new();
    if a.title.en().trim().is_empty() {
        out.push(("title_en", ActionProblem::MissingTitle));
    }
    if a.targets.is_empty() {
        out.push(("targets", ActionProblem::NoTarget));
    }
    for t in a.targets.iter().filter(|t| !known_target(t)) {
        out.push(("targets", ActionProblem::UnknownTarget(t.clone())));
    }
    if !crate::model::ACTION_THEMES.contains(&a.theme.as_str()) {
        out.push(("theme", ActionProblem::UnknownTheme(a.theme.clone())));
    }
    if let Some(y) = a.year.filter(|y| !ACTION_YEARS.contains(y)) {
        out.push(("year", ActionProblem::ImplausibleYear(y)));
    }
    if gazetteer.country(&a.country).is_none() {
        out.push(("country", ActionProblem::UnknownCountry(a.country.clone())));
    }
    for p in a.places.iter().filter(|p| gazetteer.city(p).is_none()) {
        out.push(("places", ActionProblem::UnknownPlace(p.clone())));
    }
    out.extend(check_source(&a.source_title, &a.source_url));
    out
}

/// Every entry needs a source title and a safe link.
fn check_source(title: &str, url: &str) -> Vec<(&'static str, ActionProblem)> {
    let mut out = Vec::new();
    if title.trim().is_empty() {
        out.push(("source_title", ActionProblem::MissingSource));
    }
    if !is_safe_link(url) {
        out.push(("source_url", ActionProblem::UnsafeLink(url.to_string())));
    }
    out
}

/// Parses and checks the actions pack against the framework's targets and the
/// gazetteer: unique ids, known targets, themes and places, plausible years, a source
/// title and a safe (http or https) link for every entry.
pub fn load_actions(
    file: &str,
    text: &str,
    ctx: &Context<'_>,
) -> Result<ActionsPack, Vec<Problem>> {
    let pack: ActionsPack = parse_json(file, text)?;
    let mut report = Report::new(file);
    let known_target = |t: &str| ctx.framework.targets.iter().any(|x| x.code == t);
    let en = crate::i18n::Lang::En;
    let mut ids = FastSet::default();
    for a in &pack.actions {
        if report.problems.len() >= MAX_PROBLEMS {
            report.add("", "", "too many problems; the rest are not listed");
            break;
        }
        let r = a.id.as_str();
        if !ids.insert(r) {
            report.add(r, "id", ActionProblem::DuplicateId.message(en));
        }
        for (field, problem) in check_action(a, &known_target, ctx.gazetteer) {
            report.add(r, field, problem.message(en));
        }
    }
    for (i, f) in pack.figures.iter().enumerate() {
        let r = format!("figure {i} ({})", f.label);
        if !f.value.is_finite() {
            report.add(&r, "value", "not a number");
        }
        if let Some(t) = f.target.as_deref().filter(|t| !known_target(t)) {
            report.add(
                &r,
                "target",
                ActionProblem::UnknownTarget(t.into()).message(en),
            );
        }
        for p in f.places.iter().filter(|p| ctx.gazetteer.city(p).is_none()) {
            report.add(
                &r,
                "places",
                ActionProblem::UnknownPlace(p.clone()).message(en),
            );
        }
        for (field, problem) in check_source(&f.source_title, &f.source_url) {
            report.add(&r, field, problem.message(en));
        }
    }
    report.finish(pack)
}
