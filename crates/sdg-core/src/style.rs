//! How a status and a trend look: colour, symbol shape and message key. Status is never
//! shown by colour alone: each has its own shape as well.

use crate::assess::{Status, Trend};

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

/// SVG path of the status symbol centred at `(x, y)` with radius `r`: a circle for
/// green (and the statuses without a colour claim), a diamond for yellow, a triangle
/// for orange, a square for red.
pub fn status_symbol(status: Status, x: f64, y: f64, r: f64) -> String {
    match status {
        Status::Yellow => format!(
            "M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z",
            y - r * 1.2,
            x + r * 1.2,
            y + r * 1.2,
            x - r * 1.2
        ),
        Status::Orange => format!(
            "M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
            y - r * 1.2,
            x + r * 1.1,
            y + r * 0.8,
            x - r * 1.1,
            y + r * 0.8
        ),
        Status::Red => format!(
            "M{:.1} {:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r * 0.9,
            y - r * 0.9,
            r * 1.8,
            r * 1.8,
            -r * 1.8
        ),
        _ => format!(
            "M{:.1} {y:.1}a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
    }
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
    fn each_assessed_status_has_its_own_shape_and_colour() {
        let assessed = [Status::Green, Status::Yellow, Status::Orange, Status::Red];
        let shapes: std::collections::BTreeSet<String> = assessed
            .iter()
            .map(|s| {
                status_symbol(*s, 0.0, 0.0, 5.0)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .collect()
            })
            .collect();
        assert_eq!(shapes.len(), 4, "{shapes:?}");
        let colours: std::collections::BTreeSet<&str> =
            Status::ALL.iter().map(|s| status_color(*s)).collect();
        assert_eq!(colours.len(), Status::ALL.len());
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
