//! The map's frame: the presets' bounds and meridians, the coordinate space, and the
//! zoom and pan applied on top of a preset.

use crate::geo::Viewport;
use crate::query::Region;

/// Width of the map's coordinate space (the SVG viewBox).
pub const WIDTH: f64 = 960.0;
/// Height of the map's coordinate space.
pub const HEIGHT: f64 = 560.0;

/// The viewport of a preset.
pub fn preset_viewport(region: Region) -> Viewport {
    Viewport::fit_centred(
        preset_bounds(region),
        WIDTH,
        HEIGHT,
        preset_meridian(region),
    )
}

/// `[west, south, east, north]` in degrees shown by each preset.
pub fn preset_bounds(region: Region) -> [f64; 4] {
    match region {
        Region::World => [-170.0, -58.0, 180.0, 80.0],
        // From Türkiye's west coast to French Polynesia, Invercargill to Moscow: every
        // located Asia-Pacific city with a value (26.4°E to 178.4°E, 46.4°S to 55.8°N)
        // and the Pacific islands east of 180°, with room for their symbols at the
        // edges. The region is taller than the screen,
        // so the slack is put over the Pacific (east), not over Africa and Europe.
        Region::AsiaPacific => [24.0, -50.0, 236.0, 61.0],
        Region::Korea => [124.4, 33.0, 131.0, 38.7],
    }
}

/// Central meridian of each preset: Korea and the Asia-Pacific are drawn centred on
/// themselves (the Pacific is one ocean, not cut at 180°; the map's edge, at 50°W,
/// falls in the Americas, outside the frame); the world keeps Greenwich so that no
/// country is cut by the map's edge.
pub fn preset_meridian(region: Region) -> f64 {
    match region {
        Region::Korea => 127.5,
        Region::AsiaPacific => 130.0,
        Region::World => 0.0,
    }
}

/// Zoom and pan applied on top of a preset's viewport: `screen = p * k + (tx, ty)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Zoom {
    /// Scale factor (1 = the preset).
    pub k: f64,
    /// Horizontal shift in pixels.
    pub tx: f64,
    /// Vertical shift in pixels.
    pub ty: f64,
}

impl Default for Zoom {
    fn default() -> Self {
        Self {
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }
}

/// Zoom limits.
pub const MIN_ZOOM: f64 = 1.0;
/// Zoom limits.
pub const MAX_ZOOM: f64 = 64.0;

impl Zoom {
    /// Zooms by `factor` keeping the screen point `(px, py)` fixed.
    pub fn zoom_at(self, factor: f64, px: f64, py: f64) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let f = k / self.k;
        Self {
            k,
            tx: px - (px - self.tx) * f,
            ty: py - (py - self.ty) * f,
        }
    }

    /// Moves by `(dx, dy)` pixels.
    pub fn pan(self, dx: f64, dy: f64) -> Self {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        Self {
            tx: self.tx + dx,
            ty: self.ty + dy,
            ..self
        }
    }

    /// Screen position of a base-map point.
    pub fn apply(self, (x, y): (f64, f64)) -> (f64, f64) {
        (x * self.k + self.tx, y * self.k + self.ty)
    }

    /// The SVG transform attribute for the base map.
    pub fn transform(self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            self.tx, self.ty, self.k
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asia_pacific_frame_holds_the_region_and_little_else() {
        let v = preset_viewport(Region::AsiaPacific);
        let inside = |(x, y): (f64, f64)| (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y);
        // The region's extreme cities with values, and Pacific islands east of 180°.
        for (name, lon, lat) in [
            ("Çanakkale", 26.41, 40.16),
            ("Invercargill", 168.35, -46.4),
            ("Moscow", 37.6, 55.75),
            ("Suva", 178.44, -18.14),
            ("Apia", -171.76, -13.83),
            ("Papeete", -149.57, -17.53),
        ] {
            assert!(
                inside(v.project(lon, lat)),
                "{name}: {:?}",
                v.project(lon, lat)
            );
        }
        // Africa's Atlantic coast and Iberia are outside (Equal Earth's curve lets a corner
        // of Western Europe in at the top left).
        for (name, lon, lat) in [
            ("Dakar", -17.44, 14.69),
            ("Madrid", -3.7, 40.42),
            ("Lagos", 3.38, 6.52),
        ] {
            assert!(
                !inside(v.project(lon, lat)),
                "{name}: {:?}",
                v.project(lon, lat)
            );
        }
        // Çanakkale, the westernmost city, is within the first eighth of the width.
        assert!(v.project(26.41, 40.16).0 < WIDTH / 8.0);
    }

    #[test]
    fn zoom_keeps_the_pointer_fixed_and_clamps() {
        let z = Zoom::default().zoom_at(2.0, 100.0, 50.0);
        assert_eq!(z.apply((100.0, 50.0)), (100.0, 50.0));
        assert_eq!(z.k, 2.0);
        let out = Zoom::default().zoom_at(0.1, 10.0, 10.0);
        assert_eq!(out.k, MIN_ZOOM);
        let deep = (0..20).fold(Zoom::default(), |z, _| z.zoom_at(2.0, 0.0, 0.0));
        assert_eq!(deep.k, MAX_ZOOM);
        assert_eq!(Zoom::default().zoom_at(f64::NAN, 0.0, 0.0), Zoom::default());
        assert_eq!(
            Zoom::default().pan(5.0, -3.0).apply((0.0, 0.0)),
            (5.0, -3.0)
        );
    }
}
