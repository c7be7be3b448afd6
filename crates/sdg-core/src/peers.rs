//! "Cities like yours": for each Goal 11 target where a city faces major or
//! significant challenges (or has no judged figure), the actions other cities took on
//! that target, comparable cities first, each with the reasons it was chosen.
//!
//! The rule, in order: the same country, else the same subregion, comes first; then
//! the number of further likenesses (the same population class; the same status on
//! the same series); then the newest action. A city's own actions are never its
//! peers'. The profile and the report explain the rule beside the list.

use crate::assess::{status, Status};
use crate::filter::SizeClass;
use crate::i18n::{fill, text, Lang};
use crate::lists::subregion_name;
use crate::model::{ActionsPack, City, Framework, Gazetteer, LocalAction, Series, GOAL11_TARGETS};
use crate::profile::ProfileRow;
use crate::query::SeriesTables;
use crate::style::status_key;

/// How many peer actions are listed per target: enough to compare, few enough to read.
pub const PEERS_PER_TARGET: usize = 3;

/// Why an action's city was taken as like the city in question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// In the same country.
    SameCountry,
    /// In the same subregion (another country).
    SameSubregion,
    /// In the same population class.
    SameSize(SizeClass),
    /// The same status on the same series.
    AlsoStatus(Status),
}

impl Reason {
    /// The reason in words, in `lang`; `series` names the series of [`Reason::AlsoStatus`]
    /// and `subregion` the region of [`Reason::SameSubregion`].
    pub fn words(self, lang: Lang, series: &str, subregion: &str) -> String {
        match self {
            Reason::SameCountry => text(lang, "peers.same-country").to_string(),
            Reason::SameSubregion => {
                fill(lang, "peers.same-subregion", &[("subregion", subregion)])
            }
            Reason::SameSize(size) => fill(
                lang,
                "peers.same-size",
                &[("size", text(lang, &format!("size.{}", size.key())))],
            ),
            Reason::AlsoStatus(status) => fill(
                lang,
                "peers.also-status",
                &[
                    ("status", text(lang, status_key(status))),
                    ("series", series),
                ],
            ),
        }
    }
}

/// Why a target is listed for the city.
#[derive(Debug, Clone, PartialEq)]
pub enum Concern {
    /// The city's worst judged series on the target is red or orange.
    Challenged {
        /// That series (boxed: the other variant is empty).
        series: Box<Series>,
        /// Its status (red or orange).
        status: Status,
    },
    /// The city has no judged figure on the target.
    NoJudgedFigure,
}

/// The targets to find peers' actions for, in target order: each target whose worst
/// judged status among `rows` (the city's profile rows) is red or orange, and each
/// target with no judged row. A series' target is the framework's
/// [`Framework::series_target`].
pub fn concerns(framework: &Framework, rows: &[(Series, Status)]) -> Vec<(&'static str, Concern)> {
    GOAL11_TARGETS
        .into_iter()
        .filter_map(|code| {
            let judged: Vec<&(Series, Status)> = rows
                .iter()
                .filter(|(s, st)| {
                    framework.series_target(s) == Some(code)
                        && !matches!(st, Status::NoData | Status::NotAssessed)
                })
                .collect();
            let worst = judged.iter().max_by_key(|(_, st)| severity(*st));
            match worst {
                None => Some((code, Concern::NoJudgedFigure)),
                Some((s, st)) if is_concern(*st) => Some((
                    code,
                    Concern::Challenged {
                        series: Box::new(s.clone()),
                        status: *st,
                    },
                )),
                Some(_) => None,
            }
        })
        .collect()
}

/// Whether a status is a concern that peers' actions are sought for: red or orange.
/// The profile links such rows to [`for_city`]'s sections.
pub fn is_concern(status: Status) -> bool {
    matches!(status, Status::Red | Status::Orange)
}

/// How bad a judged status is (higher is worse).
fn severity(status: Status) -> u8 {
    match status {
        Status::Red => 4,
        Status::Orange => 3,
        Status::Yellow => 2,
        Status::Green => 1,
        Status::NoData | Status::NotAssessed => 0,
    }
}

/// One action of a comparable city, with why it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerAction {
    /// The action.
    pub action: LocalAction,
    /// The reasons, nearest first (country or subregion, size, status).
    pub reasons: Vec<Reason>,
}

/// The actions of cities like `city` on `target`, at most [`PEERS_PER_TARGET`].
/// `status_of(place)` is a place's status on the concern's series, where known.
pub fn peer_actions(
    city: &City,
    gazetteer: &Gazetteer,
    pack: &ActionsPack,
    target: &str,
    concern: &Concern,
    status_of: &dyn Fn(&str) -> Option<Status>,
) -> Vec<PeerAction> {
    let subregion_of = |country: &str| gazetteer.country(country).map(|c| c.subregion.as_str());
    let home_subregion = subregion_of(&city.country);
    let home_size = city.population.map(SizeClass::of);
    let own = |a: &LocalAction| {
        a.places.iter().any(|p| {
            *p == city.id || gazetteer.city(p).and_then(|c| c.parent.as_deref()) == Some(&city.id)
        })
    };
    let mut found: Vec<(u8, usize, PeerAction)> = pack
        .actions
        .iter()
        .filter(|a| a.targets.iter().any(|t| t == target) && !own(a))
        .map(|a| {
            let mut reasons = Vec::new();
            let near = if a.country == city.country {
                reasons.push(Reason::SameCountry);
                2
            } else if home_subregion.is_some() && subregion_of(&a.country) == home_subregion {
                reasons.push(Reason::SameSubregion);
                1
            } else {
                0
            };
            // The action's most alike place decides the place-based reasons.
            let best = a
                .places
                .iter()
                .filter_map(|p| gazetteer.city(p))
                .map(|peer| likenesses(peer, home_size, concern, status_of))
                .max_by_key(Vec::len)
                .unwrap_or_default();
            let alike = best.len();
            reasons.extend(best);
            (
                near,
                alike,
                PeerAction {
                    action: a.clone(),
                    reasons,
                },
            )
        })
        .filter(|(near, alike, _)| near + *alike as u8 > 0)
        .collect();
    found.sort_by(|(n1, a1, p1), (n2, a2, p2)| {
        n2.cmp(n1)
            .then(a2.cmp(a1))
            .then(p2.action.year.cmp(&p1.action.year))
            .then(p1.action.id.cmp(&p2.action.id))
    });
    found
        .into_iter()
        .take(PEERS_PER_TARGET)
        .map(|(_, _, p)| p)
        .collect()
}

/// What a peer place shares with the city: its population class, its status on the
/// concern's series.
fn likenesses(
    peer: &City,
    home_size: Option<SizeClass>,
    concern: &Concern,
    status_of: &dyn Fn(&str) -> Option<Status>,
) -> Vec<Reason> {
    let mut out = Vec::new();
    if let (Some(home), Some(size)) = (home_size, peer.population.map(SizeClass::of)) {
        if home == size {
            out.push(Reason::SameSize(size));
        }
    }
    if let Concern::Challenged { status, .. } = concern {
        if status_of(&peer.id) == Some(*status) {
            out.push(Reason::AlsoStatus(*status));
        }
    }
    out
}

/// One target of concern with the peers' actions on it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetPeers {
    /// The target's code.
    pub target: &'static str,
    /// Why it is listed.
    pub concern: Concern,
    /// Comparable cities' actions on it (possibly none).
    pub actions: Vec<PeerAction>,
}

/// "Cities like yours" for a city: every target of concern (see [`concerns`]) with
/// its peers' actions. `rows` are the city's profile rows; `tables_of` gives a series'
/// loaded tables, from which peers' statuses are read.
pub fn for_city<T: std::ops::Deref<Target = SeriesTables>>(
    framework: &Framework,
    city: &City,
    gazetteer: &Gazetteer,
    rows: &[(Series, ProfileRow)],
    pack: &ActionsPack,
    tables_of: impl Fn(&str) -> Option<T>,
) -> Vec<TargetPeers> {
    let judged: Vec<(Series, Status)> = rows.iter().map(|(s, r)| (s.clone(), r.status)).collect();
    concerns(framework, &judged)
        .into_iter()
        .map(|(target, concern)| {
            let status_of = |place: &str| -> Option<Status> {
                let Concern::Challenged { series, .. } = &concern else {
                    return None;
                };
                let tables = tables_of(&series.id)?;
                let (t, i) = tables.city()?;
                let latest = i.latest(t, place, None)?;
                Some(status(tables.judged(series, place), Some(latest.value)))
            };
            let actions = peer_actions(city, gazetteer, pack, target, &concern, &status_of);
            TargetPeers {
                target,
                concern,
                actions,
            }
        })
        .collect()
}

/// The reasons of a peer action in words, joined ("same subregion (Eastern Asia),
/// 1 to 5 million people, also major challenges on PM2.5").
pub fn reasons_text(
    peer: &PeerAction,
    concern: &Concern,
    city: &City,
    gazetteer: &Gazetteer,
    lang: Lang,
) -> String {
    let series = match concern {
        Concern::Challenged { series, .. } => series.title(lang),
        Concern::NoJudgedFigure => "",
    };
    let subregion = gazetteer
        .country(&city.country)
        .map(|c| subregion_name(&c.subregion, lang))
        .unwrap_or_default();
    peer.reasons
        .iter()
        .map(|r| r.words(lang, series, subregion))
        .reduce(|a, b| fill(lang, "peers.join", &[("a", &a), ("b", &b)]))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::tests::{action, pack};

    fn world() -> (Gazetteer, ActionsPack) {
        (crate::scene::rows::fixture::gazetteer(), pack())
    }

    fn pm25_red() -> Concern {
        Concern::Challenged {
            series: Box::new(crate::fixtures::pm25()),
            status: Status::Red,
        }
    }

    #[test]
    fn targets_of_concern_are_the_red_orange_and_unjudged_ones() {
        let s = crate::fixtures::pm25();
        let f = crate::fixtures::framework(&["11.6.2"], vec![s.clone()]);
        let red = concerns(&f, &[(s.clone(), Status::Red)]);
        assert_eq!(red.len(), 10, "nine without a figure and 11.6");
        assert_eq!(red[5], ("11.6", pm25_red()));
        assert!(red
            .iter()
            .filter(|(c, _)| *c != "11.6")
            .all(|(_, c)| *c == Concern::NoJudgedFigure));
        assert!(is_concern(Status::Red) && is_concern(Status::Orange));
        assert!(!is_concern(Status::Yellow) && !is_concern(Status::NotAssessed));
        let green = concerns(&f, &[(s.clone(), Status::Green)]);
        assert_eq!(green.len(), 9, "a green target is not a concern");
        let mixed = concerns(
            &f,
            &[(s.clone(), Status::Green), (s.clone(), Status::Orange)],
        );
        assert!(
            matches!(
                mixed[5].1,
                Concern::Challenged {
                    status: Status::Orange,
                    ..
                }
            ),
            "the worst decides"
        );
        let unjudged = concerns(&f, &[(s, Status::NotAssessed)]);
        assert_eq!(
            unjudged[5].1,
            Concern::NoJudgedFigure,
            "a value without thresholds judges nothing"
        );
    }

    #[test]
    fn peers_are_near_first_then_most_alike_and_never_the_city_itself() {
        let (g, mut p) = world();
        // Suwon (kr-31010) asks about 11.6. Seoul's action (Korea, same status) and
        // Tokyo's (another country) are on the target; so is Suwon's own.
        p.actions = vec![
            action("LA1", "Tokyo", &["jp-13"], Some(2022), &["11.6"], "waste"),
            action(
                "LA2",
                "Seoul",
                &["kr-11"],
                Some(2015),
                &["11.6"],
                "transport",
            ),
            action(
                "LA3",
                "Suwon",
                &["kr-31010"],
                Some(2020),
                &["11.6"],
                "transport",
            ),
            action(
                "LA4",
                "Seoul",
                &["kr-11"],
                Some(2020),
                &["11.2"],
                "transport",
            ),
        ];
        p.actions[0].country = "JPN".into();
        let suwon = g.city("kr-31010").unwrap();
        let red_in_seoul = |place: &str| (place == "kr-11").then_some(Status::Red);
        let found = peer_actions(suwon, &g, &p, "11.6", &pm25_red(), &red_in_seoul);
        let ids: Vec<&str> = found.iter().map(|f| f.action.id.as_str()).collect();
        assert_eq!(ids[0], "LA2", "same country first: {ids:?}");
        assert!(!ids.contains(&"LA3"), "not its own action");
        assert!(!ids.contains(&"LA4"), "not another target");
        assert!(found[0].reasons.contains(&Reason::SameCountry));
        assert!(found[0].reasons.contains(&Reason::AlsoStatus(Status::Red)));
        let words = reasons_text(&found[0], &pm25_red(), suwon, &g, Lang::En);
        assert!(
            words.contains("same country") && words.contains("Major challenges"),
            "{words}"
        );
        for lang in Lang::ALL {
            let w = reasons_text(&found[0], &pm25_red(), suwon, &g, *lang);
            assert!(!w.contains('{') && !w.contains("[missing"), "{lang:?}: {w}");
        }
    }

    #[test]
    fn a_city_with_nothing_alike_gets_no_peers_and_lists_are_capped() {
        let (g, mut p) = world();
        let suwon = g.city("kr-31010").unwrap().clone();
        p.actions = (0..10)
            .map(|i| {
                action(
                    &format!("LA{i}"),
                    "Seoul",
                    &["kr-11"],
                    Some(2010 + i),
                    &["11.6"],
                    "waste",
                )
            })
            .collect();
        let none = |_: &str| None;
        let found = peer_actions(&suwon, &g, &p, "11.6", &Concern::NoJudgedFigure, &none);
        assert_eq!(found.len(), PEERS_PER_TARGET);
        assert_eq!(
            found[0].action.year,
            Some(2019),
            "newest first among equals"
        );
        let mut far = suwon.clone();
        far.country = "ZZZ".into();
        far.population = None;
        assert!(peer_actions(&far, &g, &p, "11.6", &Concern::NoJudgedFigure, &none).is_empty());
    }

    #[test]
    fn a_city_gets_its_targets_of_concern_with_peers_judged_on_the_same_series() {
        use crate::scene::rows::fixture::pm25_tables;
        let (g, mut p) = world();
        let fw = crate::fixtures::framework(&["11.6.2"], vec![crate::fixtures::pm25()]);
        let tables = pm25_tables();
        let seoul = g.city("kr-11").unwrap();
        let rows = crate::profile::city_rows(&fw.series, seoul, &g, |id| {
            (id == "pm25").then_some(&tables)
        });
        p.actions = vec![action(
            "LA9",
            "Busan",
            &["kr-21"],
            Some(2021),
            &["11.6"],
            "transport",
        )];
        let found = for_city(&fw, seoul, &g, &rows, &p, |id| {
            (id == "pm25").then_some(&tables)
        });
        let t116 = found
            .iter()
            .find(|t| t.target == "11.6")
            .expect("Seoul's PM2.5 is not green");
        assert!(
            matches!(t116.concern, Concern::Challenged { .. }),
            "{:?}",
            t116.concern
        );
        assert_eq!(t116.actions.len(), 1);
        assert_eq!(t116.actions[0].reasons[0], Reason::SameCountry);
        assert!(found
            .iter()
            .any(|t| t.target == "11.1" && t.concern == Concern::NoJudgedFigure));
    }
}
