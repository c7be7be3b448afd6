//! A QR code of a permalink, made here (no network, no image library) and drawn as one
//! SVG path: the kiosk's "take this view home" for a visitor's phone.

use qrcode::{Color, EcLevel, QrCode};

/// The light border around a code, in modules: the standard's quiet zone, without which
/// phones fail to find the code on a busy screen.
pub const QUIET_ZONE: usize = 4;

/// A QR code as SVG: a square of `size` modules (quiet zone included) and the path of
/// its dark modules, one unit per module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, the quiet zone included.
    pub size: usize,
    /// The dark modules, as runs of a row (`M x y h n v 1 h -n z`).
    pub path: String,
}

/// The QR code of `text` (error correction M: a kiosk's screen may glare), or `None`
/// when the text is too long for any QR code.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            ));
        }
    }
    Some(QrSvg {
        size: width + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules a path draws, read back from its runs.
    fn modules(svg: &QrSvg) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for run in svg.path.split('M').filter(|r| !r.is_empty()) {
            let mut parts = run.split([' ', 'h', 'v']);
            let x: usize = parts.next().unwrap().parse().unwrap();
            let y: usize = parts.next().unwrap().parse().unwrap();
            let n: usize = parts.next().unwrap().parse().unwrap();
            out.extend((x..x + n).map(|x| (x, y)));
        }
        out
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules_inside_the_quiet_zone() {
        let text = "https://example.org/?view=city&city=kr-31010&lang=ko";
        let svg = qr_svg(text).expect("a permalink fits");
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
        let w = code.width();
        assert_eq!(svg.size, w + 2 * QUIET_ZONE);
        let dark: Vec<(usize, usize)> = code
            .to_colors()
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Color::Dark)
            .map(|(i, _)| (i % w + QUIET_ZONE, i / w + QUIET_ZONE))
            .collect();
        let mut drawn = modules(&svg);
        drawn.sort_by_key(|&(x, y)| (y, x));
        assert_eq!(drawn, dark);
        // The finder pattern's corner is dark; the quiet zone is not.
        assert!(drawn.contains(&(QUIET_ZONE, QUIET_ZONE)));
        assert!(drawn.iter().all(|&(x, y)| x >= QUIET_ZONE
            && y >= QUIET_ZONE
            && x < svg.size - QUIET_ZONE
            && y < svg.size - QUIET_ZONE));
    }

    #[test]
    fn a_text_too_long_for_any_code_gives_none() {
        assert!(qr_svg(&"x".repeat(5_000)).is_none());
        assert!(qr_svg("").is_some());
    }
}
