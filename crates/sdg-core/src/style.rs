//! How a status and a trend look: colour, symbol shape and message key. Status is never
//! shown by colour alone: each has its own shape as well.

use crate::assess::{Progress, Status, Trend};
use crate::svg::push_command;

/// Fill colour of a status (SDSN dashboard colours, darkened for contrast).
pub fn status_color(status: Status) -> &'static str {
    match status {
        Status::Green => "#2e7d32",
        Status::Yellow => "#f2b705",
        Status::Orange => "#e8710a",
        Status::Red => "#c62828",
        Status::NoData => "#9e9e9e",
        Status::NotAssessed => "#5c6bc0",
    }
}

/// How far any status symbol reaches from its centre, in radii: the triangle's base
/// corners, at `(±1.1, 0.8)`, are the farthest point of any shape.
pub const SYMBOL_REACH: f64 = 1.4;

/// The corners of a status's polygon, in radii from its centre (y down); `None` for
/// the circle.
fn symbol_corners(status: Status) -> Option<&'static [(f64, f64)]> {
    match status {
        Status::Yellow => Some(&[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)]),
        Status::Orange => Some(&[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)]),
        Status::Red => Some(&[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
        _ => None,
    }
}

/// SVG path of the status symbol centred at `(x, y)` with radius `r`: a circle for
/// green (and the statuses without a colour claim), a diamond for yellow, a triangle
/// for orange, a square for red.
pub fn status_symbol(status: Status, x: f64, y: f64, r: f64) -> String {
    let mut d = String::new();
    push_status_symbol(&mut d, status, x, y, r);
    d
}

/// Appends the path of [`status_symbol`] to `out`: the map writes thousands of
/// symbols into a few paths.
pub fn push_status_symbol(out: &mut String, status: Status, x: f64, y: f64, r: f64) {
    match symbol_corners(status) {
        Some(corners) => {
            for (i, (cx, cy)) in corners.iter().enumerate() {
                let command = if i == 0 { 'M' } else { 'L' };
                push_command(out, command, &[x + cx * r, y + cy * r]);
            }
        }
        None => {
            push_command(out, 'M', &[x - r, y]);
            push_command(out, 'a', &[r, r, 0.0, 1.0, 0.0, 2.0 * r, 0.0]);
            push_command(out, 'a', &[r, r, 0.0, 1.0, 0.0, -2.0 * r, 0.0]);
        }
    }
    out.push('Z');
}

/// Message key of a status label.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Green => "status.green",
        Status::Yellow => "status.yellow",
        Status::Orange => "status.orange",
        Status::Red => "status.red",
        Status::NoData => "status.nodata",
        Status::NotAssessed => "status.na",
    }
}

/// Message key and arrow of a series' judgement over time: the SDSN trend where the
/// series has thresholds, else its progress by Statistics Canada's method (labelled
/// as progress, so the two are never mistaken for each other).
pub fn judgement_label(trend: Trend, progress: Progress) -> (&'static str, &'static str) {
    if trend != Trend::NotAssessed {
        return trend_label(trend);
    }
    match progress {
        Progress::OnTrack => ("progress.on-track", "↑"),
        Progress::AccelerationNeeded => ("progress.acceleration", "↗"),
        Progress::Limited => ("progress.limited", "→"),
        Progress::Deterioration => ("progress.deterioration", "↓"),
        Progress::UnableToAssess => ("progress.unable", "·"),
        Progress::NotAssessed => ("trend.na", "·"),
    }
}

/// Message key and arrow of a trend.
pub fn trend_label(trend: Trend) -> (&'static str, &'static str) {
    match trend {
        Trend::OnTrack => ("trend.on-track", "↑"),
        Trend::ModeratelyImproving => ("trend.moderate", "↗"),
        Trend::Stagnating => ("trend.stagnating", "→"),
        Trend::Decreasing => ("trend.decreasing", "↓"),
        Trend::NoTrendData => ("trend.no-trend", "·"),
        Trend::NotAssessed => ("trend.na", "·"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{text, Lang};

    #[test]
    fn a_judgement_is_the_trend_where_there_is_one_else_the_progress_so_labelled() {
        assert_eq!(
            judgement_label(Trend::OnTrack, Progress::NotAssessed).0,
            "trend.on-track"
        );
        let (key, arrow) = judgement_label(Trend::NotAssessed, Progress::Deterioration);
        assert_eq!((key, arrow), ("progress.deterioration", "↓"));
        for p in [
            Progress::OnTrack,
            Progress::AccelerationNeeded,
            Progress::Limited,
            Progress::Deterioration,
            Progress::UnableToAssess,
        ] {
            let key = judgement_label(Trend::NotAssessed, p).0;
            assert_eq!(key, p.key(), "one key per status");
            for lang in [Lang::En, Lang::Ko] {
                assert_ne!(text(lang, key), key, "{key} has a {lang:?} text");
            }
        }
    }

    #[test]
    fn each_assessed_status_has_its_own_shape_and_colour() {
        let assessed = [Status::Green, Status::Yellow, Status::Orange, Status::Red];
        let shapes: std::collections::BTreeSet<String> = assessed
            .iter()
            .map(|s| format!("{:?}", symbol_corners(*s)))
            .collect();
        assert_eq!(shapes.len(), 4, "{shapes:?}");
        assert!(
            status_symbol(Status::Green, 0.0, 0.0, 5.0).contains('a'),
            "a circle"
        );
        let colours: std::collections::BTreeSet<&str> =
            Status::ALL.iter().map(|s| status_color(*s)).collect();
        assert_eq!(colours.len(), Status::ALL.len());
    }

    #[test]
    fn no_symbol_reaches_beyond_its_reach() {
        let farthest = Status::ALL
            .iter()
            .filter_map(|s| symbol_corners(*s))
            .flatten()
            .map(|(x, y)| x.hypot(*y))
            .fold(1.0, f64::max);
        assert!(farthest <= SYMBOL_REACH, "{farthest}");
        assert!(
            farthest > SYMBOL_REACH - 0.1,
            "the reach is tight: {farthest}"
        );
    }

    #[test]
    fn a_symbol_is_written_in_tenths() {
        assert_eq!(
            status_symbol(Status::Red, 10.0, 10.0, 5.0),
            "M5.5 5.5L14.5 5.5L14.5 14.5L5.5 14.5Z"
        );
        assert_eq!(
            status_symbol(Status::Green, 10.0, 10.0, 2.5),
            "M7.5 10a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0Z"
        );
    }

    #[test]
    fn every_status_and_trend_has_words_in_both_languages() {
        for s in Status::ALL {
            assert_ne!(text(Lang::Ko, status_key(s)), "[missing text]", "{s:?}");
        }
        for t in [
            Trend::OnTrack,
            Trend::ModeratelyImproving,
            Trend::Stagnating,
            Trend::Decreasing,
            Trend::NoTrendData,
            Trend::NotAssessed,
        ] {
            assert_ne!(text(Lang::En, trend_label(t).0), "[missing text]", "{t:?}");
        }
    }
}

#[cfg(test)]
mod colour_vision_tests {
    //! The status colours stay apart for the common colour-vision deficiencies, so the
    //! colour still helps where the symbols' shapes carry the meaning anyway.
    use super::*;

    /// Machado, Oliveira and Fernandes (2009), severity 1.0, on linear sRGB.
    const DEFICIENCIES: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    fn linear(hex: &str) -> [f64; 3] {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        [c(1), c(3), c(5)]
    }

    /// CIELAB (D65) of a linear sRGB colour.
    fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    fn simulate(m: &[[f64; 3]; 3], c: [f64; 3]) -> [f64; 3] {
        let row = |i: usize| (m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2]).clamp(0.0, 1.0);
        [row(0), row(1), row(2)]
    }

    /// CIE76 colour difference.
    fn delta(a: [f64; 3], b: [f64; 3]) -> f64 {
        a.iter()
            .zip(b)
            .map(|(p, q)| (p - q).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// Smallest difference accepted between two status colours (CIE76 ΔE): well past
    /// "noticeable" (about 2.3), into "different colours at a glance".
    const MIN_DELTA: f64 = 12.0;

    #[test]
    fn status_colours_stay_apart_under_each_deficiency() {
        let statuses = [
            Status::Green,
            Status::Yellow,
            Status::Orange,
            Status::Red,
            Status::NoData,
        ];
        for (name, m) in DEFICIENCIES {
            for (i, a) in statuses.iter().enumerate() {
                for b in &statuses[i + 1..] {
                    let d = delta(
                        lab(simulate(&m, linear(status_color(*a)))),
                        lab(simulate(&m, linear(status_color(*b)))),
                    );
                    assert!(
                        d >= MIN_DELTA,
                        "{name}: {a:?} and {b:?} differ by only ΔE {d:.1}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_simulation_is_sane() {
        // Red and green, far apart for normal vision, come close for deuteranopia.
        let (red, green) = (linear("#ff0000"), linear("#00ff00"));
        let normal = delta(lab(red), lab(green));
        let deutan = delta(
            lab(simulate(&DEFICIENCIES[1].1, red)),
            lab(simulate(&DEFICIENCIES[1].1, green)),
        );
        assert!(normal > 150.0 && deutan < normal / 2.0, "{normal} {deutan}");
    }
}
