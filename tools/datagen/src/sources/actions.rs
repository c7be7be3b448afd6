//! Cities' own Goal 11 actions and the figures they report (`local-actions/`): each
//! entry keeps the label its source gives ("Seoul (Songpa-gu)", "Siheung; Ansan;
//! Hwaseong (Sihwa area)") and links to the gazetteer places it belongs to, placed by
//! the same matcher and override table as every other source.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use sdg_core::model::{ActionsPack, Confidence, LocalAction, ReportedFigure, ACTION_THEMES};

use crate::collect::Collector;
use crate::matcher::Outcome;
use crate::raw::{field, parse_value, Raw};
use sdg_core::model::Localized;
use sdg_core::names::{parse, Kind};

/// Pack of the actions.
pub const PACK: &str = "local-actions";
/// Source key in the override table.
const SOURCE: &str = "local-actions";

/// The places a label belongs to: each `;`-separated part, by its name before any
/// bracket, or else by the bracket ("Penang Island (George Town)"); a bracket that
/// names a district or county (\"Seoul (Songpa-gu)\") is the place, within the city
/// before it. Parts that cannot be placed with certainty link nowhere (the label
/// still shows).
pub fn places_of(c: &mut Collector<'_>, iso3: &str, label: &str) -> (Vec<String>, Vec<String>) {
    let mut places = Vec::new();
    let mut unplaced = Vec::new();
    for part in label.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (base, bracket) = match part.split_once('(') {
            Some((b, q)) => (b.trim(), Some(q.trim_end_matches(')').trim())),
            None => (part, None),
        };
        // "Seoul (Songpa-gu)": the district acted, so the action is the district's,
        // placed within its city; a district that cannot be placed links nowhere
        // (never to its city, which did not act).
        if let Some(district) = bracket.filter(|q| parse(q).kind != Kind::City) {
            match c.place_of(SOURCE, iso3, &format!("{district}, {base}")) {
                Outcome::Placed { id, .. } if !places.contains(&id) => places.push(id),
                Outcome::Placed { .. } => {}
                _ => unplaced.push(part.to_string()),
            }
            continue;
        }
        let mut tries = vec![base];
        tries.extend(bracket.filter(|q| !q.contains([',', ' ']) || q.split(' ').count() <= 2));
        let found = tries
            .iter()
            .find_map(|name| match c.place_of(SOURCE, iso3, name) {
                Outcome::Placed { id, .. } => Some(id),
                _ => None,
            });
        match found {
            Some(id) if !places.contains(&id) => places.push(id),
            Some(_) => {}
            None => unplaced.push(part.to_string()),
        }
    }
    (places, unplaced)
}

/// Reads the actions and figures; returns the pack and a report section.
pub fn read(raw: &Raw, c: &mut Collector<'_>) -> Result<(ActionsPack, String), String> {
    let mut pack = ActionsPack::default();
    let mut unplaced: BTreeSet<String> = BTreeSet::new();
    for r in raw.csv("local-actions/local_actions.csv")? {
        let iso3 = field(&r, "country_iso3");
        let label = field(&r, "city");
        let (places, missing) = places_of(c, iso3, label);
        unplaced.extend(missing.into_iter().map(|m| format!("{iso3} {m}")));
        let theme = field(&r, "theme");
        if !ACTION_THEMES.contains(&theme) {
            return Err(format!(
                "local_actions.csv {}: unknown theme `{theme}`",
                field(&r, "id")
            ));
        }
        let ko = field(&r, "title_ko");
        pack.actions.push(LocalAction {
            id: field(&r, "id").to_string(),
            label: label.to_string(),
            places,
            country: iso3.to_string(),
            year: field(&r, "year").parse().ok(),
            title: Localized::new(field(&r, "title")).with("ko", ko),
            summary: Localized::new(field(&r, "summary")),
            targets: field(&r, "targets")
                .split(';')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
            theme: theme.to_string(),
            source_title: field(&r, "source_title").to_string(),
            source_url: field(&r, "source_url").to_string(),
            confidence: match field(&r, "confidence") {
                "high" => Confidence::High,
                _ => Confidence::Medium,
            },
        });
    }
    pack.actions.sort_by(|a, b| a.id.cmp(&b.id));
    for r in raw.csv("local-actions/local_indicator_values.csv")? {
        let iso3 = field(&r, "country_iso3");
        let label = field(&r, "city");
        let Some(value) = parse_value(field(&r, "value")) else {
            return Err(format!("local_indicator_values.csv: {label}: no value"));
        };
        let (places, missing) = places_of(c, iso3, label);
        unplaced.extend(missing.into_iter().map(|m| format!("{iso3} {m}")));
        let target = field(&r, "target");
        pack.figures.push(ReportedFigure {
            label: label.to_string(),
            places,
            country: iso3.to_string(),
            indicator: field(&r, "indicator").to_string(),
            value,
            unit: field(&r, "unit").to_string(),
            period: field(&r, "period").to_string(),
            target: (!target.is_empty()).then(|| target.to_string()),
            source_title: field(&r, "source_title").to_string(),
            source_url: field(&r, "source_url").to_string(),
        });
    }
    let linked = pack.actions.iter().filter(|a| !a.places.is_empty()).count();
    let mut report = String::from("\n## Local actions\n\n");
    let _ = writeln!(
        report,
        "{} actions ({} linked to at least one place) and {} reported figures. Labels keep their words; a label that names a district within its city (\"Seoul (Songpa-gu)\") links to the district, one that names a group links to each of its cities. Parts of labels not placed with certainty link nowhere:\n",
        pack.actions.len(),
        linked,
        pack.figures.len()
    );
    for u in &unplaced {
        let _ = writeln!(report, "- {u}");
    }
    Ok((pack, report))
}
