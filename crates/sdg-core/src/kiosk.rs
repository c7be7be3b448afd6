//! Kiosk mode (`kiosk=1`): a touch screen at a forum, no network, all day unattended.
//! When nobody has touched it for `idle` seconds everything resets to the home view
//! and an attract loop starts over featured views, `dwell` seconds each, with
//! captions; a touch during the loop returns to the home view. The timing is a pure
//! state machine driven by the caller's clock, so it is tested here on a simulated
//! day, and the app only feeds it time and touches.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::load::{parse_json, Problem};
use crate::model::Localized;
use crate::url_state::ViewState;

/// Seconds without a touch before the kiosk resets and starts its loop.
pub const DEFAULT_IDLE: u32 = 90;
/// Seconds each featured view stays in the loop.
pub const DEFAULT_DWELL: u32 = 12;
/// Accepted range for both, in seconds.
use crate::limits::KIOSK_SECONDS;

/// One featured view of the loop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stop {
    /// The view, as a permalink query (`view=city&city=kr-31010`).
    pub query: String,
    /// Caption, in English and the kiosk's other languages.
    pub caption: Localized,
    /// Whether the years play while the stop is shown (a map or chart over time);
    /// never when the screen's user asks for reduced motion.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub play: bool,
}

impl Stop {
    /// The caption in `lang`.
    pub fn caption(&self, lang: Lang) -> &str {
        self.caption.get(lang)
    }
}

/// A kiosk's settings: from `kiosk.json` in the data folder, then the URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskConfig {
    /// Idle seconds before the reset and the loop.
    #[serde(default = "default_idle")]
    pub idle: u32,
    /// Seconds per featured view.
    #[serde(default = "default_dwell")]
    pub dwell: u32,
    /// The loop's views.
    #[serde(default = "default_stops", rename = "loop")]
    pub stops: Vec<Stop>,
    /// The hub's public address (`https://…/`), which the QR codes of the views point
    /// at: a kiosk at a forum often runs from `localhost`, which a phone cannot open.
    /// Without it, the codes carry the page's own address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
}

fn default_idle() -> u32 {
    DEFAULT_IDLE
}

fn default_dwell() -> u32 {
    DEFAULT_DWELL
}

/// The featured views when `kiosk.json` names none: a city profile, the
/// Asia-Pacific map, a ranking and a local action.
pub fn default_stops() -> Vec<Stop> {
    let stop = |query: &str, en: &str, ko: &str, zh: &str| Stop {
        query: query.into(),
        caption: Localized::new(en).with("ko", ko).with("zh", zh),
        play: query.starts_with("view=map"),
    };
    vec![
        stop(
            "view=city&city=kr-31010",
            "Suwon: how the city is doing on Goal 11, and what it did",
            "수원시: 목표 11의 현황과 실천",
            "水原：城市在目标 11 上的现状与行动",
        ),
        stop(
            "view=map&region=asia-pacific&series=pm25",
            "Fine particles (PM2.5) in Asia-Pacific cities",
            "아시아·태평양 도시의 초미세먼지(PM2.5)",
            "亚太城市的细颗粒物（PM2.5）",
        ),
        stop(
            "view=chart&series=transit-access&region=asia-pacific",
            "Who has convenient access to public transport?",
            "대중교통을 편리하게 이용하는 비율",
            "谁能便捷地使用公共交通？",
        ),
        stop(
            "view=actions&action=LA003",
            "A local action: Suwon's month without cars",
            "지역 실천 사례: 수원의 차 없는 한 달",
            "一项地方行动：水原的无车月",
        ),
    ]
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            idle: DEFAULT_IDLE,
            dwell: DEFAULT_DWELL,
            stops: default_stops(),
            public_url: None,
        }
    }
}

impl KioskConfig {
    /// Reads `kiosk.json`: times out of range and stops whose query is not a view
    /// state are problems (the kiosk then runs on the defaults).
    pub fn parse(file: &str, text: &str) -> Result<KioskConfig, Vec<Problem>> {
        let config: KioskConfig = parse_json(file, text)?;
        let mut problems = Vec::new();
        let mut add = |record: String, field: &str, message: String| {
            problems.push(Problem {
                file: file.into(),
                record,
                field: field.into(),
                message,
            })
        };
        for (field, v) in [("idle", config.idle), ("dwell", config.dwell)] {
            if !KIOSK_SECONDS.contains(&v) {
                add(
                    String::new(),
                    field,
                    format!("{v} s is outside {KIOSK_SECONDS:?}"),
                );
            }
        }
        if let Some(url) = config.public_url.as_deref() {
            if !crate::load::is_safe_link(url) {
                add(
                    String::new(),
                    "public_url",
                    format!("`{url}` is not an http or https address"),
                );
            }
        }
        if config.stops.is_empty() {
            add(
                String::new(),
                "loop",
                "the loop needs at least one view".into(),
            );
        }
        for (i, stop) in config.stops.iter().enumerate() {
            if stop.caption.en().trim().is_empty() {
                add(
                    format!("loop {i}"),
                    "caption",
                    "a stop needs an English caption".into(),
                );
            }
            let (_, notices) = ViewState::parse(&stop.query);
            if !notices.is_empty() {
                add(
                    format!("loop {i}"),
                    "query",
                    format!("`{}` is not understood", stop.query),
                );
            }
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// The settings with the URL's `idle` and `dwell` over them.
    pub fn with_url(mut self, state: &ViewState) -> KioskConfig {
        if let Some(idle) = state.kiosk_idle {
            self.idle = idle;
        }
        if let Some(dwell) = state.kiosk_dwell {
            self.dwell = dwell;
        }
        self
    }

    /// The state a stop shows: its query, in the kiosk's language, still a kiosk.
    pub fn stop_state(&self, i: usize, kiosk: &ViewState) -> Option<ViewState> {
        let stop = self.stops.get(i)?;
        let (mut state, _) = ViewState::parse(&stop.query);
        state.lang = kiosk.lang;
        state.theme = kiosk.theme;
        state.kiosk = true;
        state.kiosk_idle = kiosk.kiosk_idle;
        state.kiosk_dwell = kiosk.kiosk_dwell;
        Some(state)
    }
}

/// The kiosk's home: the overview, in the default language, still a kiosk with the
/// same times (everything else the visitor changed is dropped).
pub fn home(kiosk: &ViewState) -> ViewState {
    ViewState {
        kiosk: true,
        kiosk_idle: kiosk.kiosk_idle,
        kiosk_dwell: kiosk.kiosk_dwell,
        ..ViewState::default()
    }
}

/// What the kiosk does now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing.
    Stay,
    /// Reset to the home view (state, language, scroll).
    Home,
    /// Show the loop's stop `i`.
    Show(usize),
}

/// The attract loop's clock. Times are milliseconds from any origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attract {
    last_touch: f64,
    /// The stop shown and since when, while looping.
    looping: Option<(usize, f64)>,
}

impl Attract {
    /// A kiosk that was just touched (or started) at `now`.
    pub fn new(now: f64) -> Attract {
        Attract {
            last_touch: now,
            looping: None,
        }
    }

    /// True while the loop runs.
    pub fn looping(&self) -> Option<usize> {
        self.looping.map(|(i, _)| i)
    }

    /// The stop shown and the time it appeared, while looping.
    pub fn shown_since(&self) -> Option<(usize, f64)> {
        self.looping
    }

    /// A touch at `now`: during the loop it returns home; otherwise it only counts.
    pub fn touch(&mut self, now: f64) -> Step {
        self.last_touch = now;
        match self.looping.take() {
            Some(_) => Step::Home,
            None => Step::Stay,
        }
    }

    /// The clock ticks at `now`.
    pub fn tick(&mut self, now: f64, config: &KioskConfig) -> Step {
        let stops = config.stops.len();
        if stops == 0 {
            return Step::Stay;
        }
        match self.looping {
            None if now - self.last_touch >= f64::from(config.idle) * 1000.0 => {
                self.looping = Some((0, now));
                Step::Show(0)
            }
            Some((i, since)) if now - since >= f64::from(config.dwell) * 1000.0 => {
                let next = (i + 1) % stops;
                self.looping = Some((next, now));
                Step::Show(next)
            }
            _ => Step::Stay,
        }
    }
}

/// The year a playing stop shows `elapsed_ms` after it appeared: the series' years
/// spread evenly over the dwell, the last one held to the end. `None` without years.
pub fn playing_year(years: &[i32], elapsed_ms: f64, dwell: u32) -> Option<i32> {
    let n = years.len();
    if n == 0 {
        return None;
    }
    let dwell_ms = f64::from(dwell.max(1)) * 1000.0;
    // The last year gets a full share of the dwell too, so it is seen.
    let i = ((elapsed_ms.max(0.0) / dwell_ms) * n as f64) as usize;
    years.get(i.min(n - 1)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_years_play_across_the_dwell_and_hold_the_last() {
        let years = [2010, 2012, 2015, 2020];
        let at = |s: f64| playing_year(&years, s * 1000.0, 12);
        assert_eq!(at(0.0), Some(2010));
        assert_eq!(at(2.9), Some(2010));
        assert_eq!(at(3.0), Some(2012));
        assert_eq!(at(6.5), Some(2015));
        assert_eq!(at(9.0), Some(2020));
        assert_eq!(at(30.0), Some(2020), "held after the dwell");
        assert_eq!(playing_year(&[], 1000.0, 12), None);
        let config = KioskConfig::default();
        let plays: Vec<bool> = config.stops.iter().map(|s| s.play).collect();
        assert_eq!(
            plays,
            vec![false, true, false, false],
            "the map stop plays the years"
        );
    }

    #[test]
    fn idle_starts_the_loop_which_cycles_and_a_touch_returns_home() {
        let config = KioskConfig::default();
        let mut a = Attract::new(0.0);
        assert_eq!(a.tick(89_000.0, &config), Step::Stay);
        assert_eq!(a.tick(90_000.0, &config), Step::Show(0));
        assert_eq!(a.tick(95_000.0, &config), Step::Stay);
        assert_eq!(a.tick(102_000.0, &config), Step::Show(1));
        assert_eq!(a.tick(114_000.0, &config), Step::Show(2));
        assert_eq!(a.tick(126_000.0, &config), Step::Show(3));
        assert_eq!(a.tick(138_000.0, &config), Step::Show(0), "it wraps");
        assert_eq!(a.touch(140_000.0), Step::Home);
        assert_eq!(a.looping(), None);
        assert_eq!(
            a.touch(141_000.0),
            Step::Stay,
            "a touch outside the loop only counts"
        );
        assert_eq!(a.tick(230_000.0, &config), Step::Stay);
        assert_eq!(a.tick(231_000.0, &config), Step::Show(0));
    }

    #[test]
    fn a_simulated_day_shows_each_stop_in_turn_with_one_tick_a_second() {
        let config = KioskConfig::default();
        let mut a = Attract::new(0.0);
        let mut shown = vec![0usize; config.stops.len()];
        for s in 0..86_400u32 {
            if let Step::Show(i) = a.tick(f64::from(s) * 1000.0, &config) {
                shown[i] += 1;
            }
        }
        let total: usize = shown.iter().sum();
        assert_eq!(total, (86_400 - 90) / 12 + 1);
        assert!(
            shown.iter().all(|n| n.abs_diff(total / 4) <= 1),
            "{shown:?}"
        );
    }

    #[test]
    fn kiosk_json_is_checked_and_the_url_wins() {
        let ok = r#"{"idle": 60, "dwell": 8, "loop": [{"query": "view=korea", "caption": {"en": "Korea", "ko": "한국"}}]}"#;
        let config = KioskConfig::parse("kiosk.json", ok).unwrap();
        assert_eq!((config.idle, config.dwell, config.stops.len()), (60, 8, 1));
        let defaults = KioskConfig::parse("kiosk.json", "{}").unwrap();
        assert_eq!(defaults, KioskConfig::default());
        let public = r#"{"public_url": "https://sdg.example.org/hub/"}"#;
        let config = KioskConfig::parse("kiosk.json", public).unwrap();
        assert_eq!(
            config.public_url.as_deref(),
            Some("https://sdg.example.org/hub/")
        );
        let bad = r#"{"idle": 1, "public_url": "javascript:alert(1)", "loop": [{"query": "view=nowhere", "caption": {"en": "", "ko": ""}}]}"#;
        let problems = KioskConfig::parse("kiosk.json", bad).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, vec!["idle", "public_url", "caption", "query"]);
        let (url, _) = ViewState::parse("kiosk=1&idle=30&dwell=5&lang=ko");
        let config = KioskConfig::default().with_url(&url);
        assert_eq!((config.idle, config.dwell), (30, 5));
        let stop = config.stop_state(0, &url).unwrap();
        assert!(stop.kiosk);
        assert_eq!(stop.lang, Lang::Ko);
        assert_eq!(stop.cities, vec!["kr-31010".to_string()]);
        let h = home(&ViewState::parse("kiosk=1&idle=30&view=map&lang=ko&country=KOR").0);
        assert_eq!(h.to_query(), "kiosk=1&idle=30");
    }
}
