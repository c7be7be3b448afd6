//! What keys and pointer gestures do to the map: keyboard focus, zoom and pan keys,
//! the wheel, one-finger drags and two-finger pinches, and pointer positions.

use std::collections::BTreeMap;

use super::frame::{Zoom, HEIGHT, WIDTH};

/// How far an arrow key pans, in map units.
const PAN_STEP: f64 = 40.0;
/// How much a zoom key or button zooms.
const ZOOM_STEP: f64 = 1.5;
/// Pointer movement below this (in map units) is a click, not a drag.
const DRAG_THRESHOLD: f64 = 2.0;

/// The next keyboard focus among the placed cities: one rule for every list a
/// keyboard steps through (see [`crate::lists::step_focus`]).
pub use crate::lists::step_focus;

/// What a key or a zoom button does on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapAction {
    /// Move the map by `(dx, dy)` map units.
    Pan(f64, f64),
    /// Zoom in about the centre.
    ZoomIn,
    /// Zoom out about the centre.
    ZoomOut,
    /// Back to the preset's extent.
    Reset,
    /// Focus the next city.
    Next,
    /// Focus the previous city.
    Previous,
    /// Open the focused city.
    Open,
    /// Clear the focus.
    Clear,
}

/// The action of a key (`KeyboardEvent.key`), if the map handles it.
pub fn key_action(key: &str) -> Option<MapAction> {
    Some(match key {
        "ArrowLeft" => MapAction::Pan(PAN_STEP, 0.0),
        "ArrowRight" => MapAction::Pan(-PAN_STEP, 0.0),
        "ArrowUp" => MapAction::Pan(0.0, PAN_STEP),
        "ArrowDown" => MapAction::Pan(0.0, -PAN_STEP),
        "+" | "=" => MapAction::ZoomIn,
        "-" | "_" => MapAction::ZoomOut,
        "0" => MapAction::Reset,
        "]" | "n" => MapAction::Next,
        "[" | "p" => MapAction::Previous,
        "Enter" => MapAction::Open,
        "Escape" => MapAction::Clear,
        _ => return None,
    })
}

/// The zoom after an action (actions that do not move the map keep it).
pub fn zoom_after(zoom: Zoom, action: MapAction) -> Zoom {
    match action {
        MapAction::Pan(dx, dy) => zoom.pan(dx, dy),
        MapAction::ZoomIn => zoom.zoom_at(ZOOM_STEP, WIDTH / 2.0, HEIGHT / 2.0),
        MapAction::ZoomOut => zoom.zoom_at(1.0 / ZOOM_STEP, WIDTH / 2.0, HEIGHT / 2.0),
        MapAction::Reset => Zoom::default(),
        _ => zoom,
    }
}

/// The zoom of a wheel turn at `(x, y)`: up zooms in.
pub fn wheel_zoom(zoom: Zoom, delta_y: f64, x: f64, y: f64) -> Zoom {
    let factor = if delta_y < 0.0 { 1.25 } else { 0.8 };
    zoom.zoom_at(factor, x, y)
}

/// Pointers on the map: one drags to pan, two pinch to zoom about their midpoint.
/// Positions are in map units (see [`to_map_units`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gesture {
    pointers: BTreeMap<i32, (f64, f64)>,
    dragged: bool,
}

impl Gesture {
    /// A pointer went down.
    pub fn down(&mut self, id: i32, at: (f64, f64)) {
        self.pointers.insert(id, at);
        self.dragged = false;
    }

    /// A pointer moved: the new zoom, or `None` when nothing moves (an unknown pointer,
    /// or a first movement too small to be a drag).
    pub fn moved(&mut self, id: i32, to: (f64, f64), zoom: Zoom) -> Option<Zoom> {
        let from = *self.pointers.get(&id)?;
        let other = self
            .pointers
            .iter()
            .find(|(k, _)| **k != id)
            .map(|(_, v)| *v);
        let next = match other {
            Some(other) => {
                let d0 = (from.0 - other.0).hypot(from.1 - other.1);
                let d1 = (to.0 - other.0).hypot(to.1 - other.1);
                let mid = ((to.0 + other.0) / 2.0, (to.1 + other.1) / 2.0);
                (d0 > 1.0).then(|| zoom.zoom_at(d1 / d0, mid.0, mid.1))
            }
            None => {
                let (dx, dy) = (to.0 - from.0, to.1 - from.1);
                if dx.abs() + dy.abs() > DRAG_THRESHOLD || self.dragged {
                    self.dragged = true;
                    Some(zoom.pan(dx, dy))
                } else {
                    // Too small to count: keep the start point, so slow drags add up.
                    return None;
                }
            }
        };
        self.pointers.insert(id, to);
        next
    }

    /// A pointer went up, left or was cancelled.
    pub fn up(&mut self, id: i32) {
        self.pointers.remove(&id);
    }

    /// Whether the last pointer down became a drag (then its click opens nothing).
    pub fn dragged(&self) -> bool {
        self.dragged
    }
}

/// A client position over an element's box, in map units.
pub fn to_map_units(client: (f64, f64), rect: (f64, f64, f64, f64)) -> (f64, f64) {
    let (left, top, width, height) = rect;
    (
        (client.0 - left) * WIDTH / width.max(1.0),
        (client.1 - top) * HEIGHT / height.max(1.0),
    )
}

/// Where the tooltip of a symbol at `(x, y)` goes, in percent of the frame.
pub fn tooltip_position(x: f64, y: f64) -> (f64, f64) {
    (x / WIDTH * 100.0, y / HEIGHT * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyboard_steps_wrap_and_keys_map_to_actions() {
        assert_eq!(step_focus(None, 1, 3), Some(0));
        assert_eq!(step_focus(None, -1, 3), Some(2));
        assert_eq!(step_focus(Some(2), 1, 3), Some(0));
        assert_eq!(step_focus(Some(0), -1, 3), Some(2));
        assert_eq!(step_focus(Some(0), 1, 0), None);
        assert_eq!(key_action("]"), Some(MapAction::Next));
        assert_eq!(key_action("Enter"), Some(MapAction::Open));
        assert_eq!(key_action("x"), None);
        let z = zoom_after(Zoom::default(), MapAction::ZoomIn);
        assert_eq!(z.k, ZOOM_STEP);
        assert_eq!(
            z.apply((WIDTH / 2.0, HEIGHT / 2.0)),
            (WIDTH / 2.0, HEIGHT / 2.0)
        );
        assert_eq!(zoom_after(z, MapAction::Reset), Zoom::default());
        assert_eq!(zoom_after(z, MapAction::Next), z);
        let left = zoom_after(Zoom::default(), key_action("ArrowLeft").unwrap());
        assert_eq!(
            left.apply((0.0, 0.0)),
            (PAN_STEP, 0.0),
            "the map moves right: you look left"
        );
        assert!(wheel_zoom(Zoom::default(), -1.0, 0.0, 0.0).k > 1.0);
    }

    #[test]
    fn one_pointer_drags_after_a_threshold_and_two_pinch() {
        let mut g = Gesture::default();
        let z = Zoom::default();
        g.down(1, (100.0, 100.0));
        assert_eq!(
            g.moved(1, (101.0, 100.0), z),
            None,
            "a tremor is not a drag"
        );
        assert!(!g.dragged());
        let panned = g.moved(1, (110.0, 104.0), z).unwrap();
        assert_eq!(
            panned.apply((0.0, 0.0)),
            (10.0, 4.0),
            "measured from the start point"
        );
        assert!(g.dragged());
        assert_eq!(g.moved(7, (0.0, 0.0), z), None, "unknown pointer");
        g.down(2, (210.0, 104.0));
        // The second finger moves away: twice the distance zooms in twice.
        let pinched = g.moved(2, (310.0, 104.0), z).unwrap();
        assert!((pinched.k - 2.0).abs() < 1e-9, "{pinched:?}");
        g.up(1);
        g.up(2);
        assert!(g.pointers.is_empty());
        g.down(3, (0.0, 0.0));
        assert!(!g.dragged(), "a new press starts as a click");
    }

    #[test]
    fn client_positions_scale_to_map_units() {
        assert_eq!(
            to_map_units((110.0, 60.0), (10.0, 20.0, 480.0, 280.0)),
            (200.0, 80.0)
        );
        assert_eq!(
            to_map_units((5.0, 5.0), (0.0, 0.0, 0.0, 0.0)),
            (5.0 * WIDTH, 5.0 * HEIGHT)
        );
        assert_eq!(tooltip_position(WIDTH / 2.0, HEIGHT), (50.0, 100.0));
    }
}
