//! The map's scene: boundaries as SVG paths, cities placed as status symbols
//! (projected, zoomed, culled and decluttered), how they are coloured and what the
//! legend shows, the Korea preset's province choropleth, and what keys and pointer
//! gestures do.

use std::collections::BTreeMap;

use crate::{FastMap, FastSet};

use crate::assess::{status, Status};
use crate::geo::{svg_path, Topology, Viewport};
use crate::mapview::{
    declutter, preset_bounds, preset_meridian, symbol_radius, unit_position, value_color,
    value_range, Zoom,
};
use crate::model::Series;
use crate::query::{Region, SeriesTables};
use crate::scene::Row;
use crate::style::{push_status_symbol, status_color, SYMBOL_REACH};

/// Width of the map's coordinate space (the SVG viewBox).
pub const WIDTH: f64 = 960.0;
/// Height of the map's coordinate space.
pub const HEIGHT: f64 = 560.0;
/// Symbols this far outside the frame are still drawn (they may be half visible).
const MARGIN: f64 = 20.0;
/// How far an arrow key pans, in map units.
const PAN_STEP: f64 = 40.0;
/// How much a zoom key or button zooms.
const ZOOM_STEP: f64 = 1.5;
/// Pointer movement below this (in map units) is a click, not a drag.
const DRAG_THRESHOLD: f64 = 2.0;

/// The viewport of a preset.
pub fn preset_viewport(region: Region) -> Viewport {
    Viewport::fit_centred(
        preset_bounds(region),
        WIDTH,
        HEIGHT,
        preset_meridian(region),
    )
}

/// `(feature id, SVG path)` of every feature of a boundary object.
pub fn boundary_paths(topology: &Topology, object: &str, view: &Viewport) -> Vec<(String, String)> {
    topology
        .features(object)
        .into_iter()
        .map(|f| (f.id.unwrap_or_default(), svg_path(&f.polygons, view)))
        .collect()
}

/// A city placed on screen (map units, before the zoom transform of boundaries).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The city and its value.
    pub row: Row,
    /// Screen x.
    pub x: f64,
    /// Screen y.
    pub y: f64,
    /// Symbol radius.
    pub r: f64,
}

/// Places the rows: projected and zoomed, culled to the frame, thinned where symbols
/// would overlap (the most populous kept), and ordered large first so that small
/// symbols are drawn on top. `skip` holds ids drawn otherwise (provinces of the
/// choropleth). The order is also the keyboard's stepping order.
pub fn place_symbols(
    rows: &[Row],
    view: &Viewport,
    zoom: Zoom,
    skip: &FastSet<String>,
) -> Vec<Placed> {
    let mut index = Vec::new();
    let mut circles = Vec::new();
    let mut priority = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        // Settlements whose location is unknown are never drawn.
        let Some((lat, lon)) = row.city.location() else {
            continue;
        };
        if skip.contains(&row.city.id) {
            continue;
        }
        let (x, y) = zoom.apply(view.project(lon, lat));
        let inside = x > -MARGIN && x < WIDTH + MARGIN && y > -MARGIN && y < HEIGHT + MARGIN;
        if !inside {
            continue;
        }
        index.push(i);
        circles.push((x, y, symbol_radius(row.city.population)));
        priority.push(row.city.population.unwrap_or(0) as f64);
    }
    let mut out: Vec<Placed> = declutter(&circles, &priority, 0.9)
        .into_iter()
        .map(|k| {
            let (x, y, r) = circles[k];
            Placed {
                row: rows[index[k]].clone(),
                x,
                y,
                r,
            }
        })
        .collect();
    out.sort_by(|a, b| b.r.total_cmp(&a.r));
    out
}

/// The placed symbols of one fill colour, drawn as one SVG path.
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolLayer {
    /// Fill colour.
    pub fill: String,
    /// Path data: each symbol's shape (see [`status_symbol`]), in placing order.
    pub d: String,
    /// How many symbols the path holds.
    pub count: usize,
}

/// The placed symbols as one path per fill colour, in the order each colour first
/// appears. Thousands of elements, one per city, cost the browser more to create,
/// style and hit-test than the cities' whole drawing in a few paths; the pointer finds
/// its city with [`symbol_at`] instead. Symbols are decluttered, so drawing one colour
/// after another hides nothing.
pub fn symbol_layers(placed: &[Placed], fill: impl Fn(&Placed) -> String) -> Vec<SymbolLayer> {
    let mut layers: Vec<SymbolLayer> = Vec::new();
    let mut of_fill: FastMap<String, usize> = FastMap::default();
    for p in placed {
        let colour = fill(p);
        let at = *of_fill.entry(colour).or_insert_with_key(|colour| {
            layers.push(SymbolLayer {
                fill: colour.clone(),
                d: String::new(),
                count: 0,
            });
            layers.len() - 1
        });
        let layer = &mut layers[at];
        push_status_symbol(&mut layer.d, p.row.status, p.x, p.y, p.r);
        layer.count += 1;
    }
    layers
}

/// The symbol at a point in map units: among the symbols whose centre is within
/// reach of it ([`SYMBOL_REACH`] radii, plus `slack`), the nearest. Its index is also the keyboard's focus index (the order of
/// [`place_symbols`]).
pub fn symbol_at(placed: &[Placed], x: f64, y: f64, slack: f64) -> Option<usize> {
    placed
        .iter()
        .enumerate()
        .map(|(i, p)| (i, (p.x - x).hypot(p.y - y), SYMBOL_REACH * p.r + slack))
        .filter(|(_, distance, reach)| distance <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _, _)| i)
}

/// A city of the actions layer: placed, and sized by its number of actions.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionSymbol {
    /// Place id.
    pub id: String,
    /// Its name (in the UI language).
    pub name: String,
    /// Actions reported.
    pub count: usize,
    /// Screen x.
    pub x: f64,
    /// Screen y.
    pub y: f64,
    /// Radius: grows with the square root of the count (area with the count).
    pub r: f64,
}

/// Radius of an actions-layer symbol for `count` actions.
pub fn action_radius(count: usize) -> f64 {
    (3.0 + (count as f64).sqrt() * 2.5).min(18.0)
}

/// Every located place with at least one action, placed and culled to the frame,
/// large first (so small ones are drawn on top).
pub fn place_actions(
    pack: &crate::model::ActionsPack,
    gazetteer: &crate::model::Gazetteer,
    view: &Viewport,
    zoom: Zoom,
    lang: crate::i18n::Lang,
) -> Vec<ActionSymbol> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &pack.actions {
        for p in &a.places {
            *counts.entry(p.as_str()).or_default() += 1;
        }
    }
    let mut out: Vec<ActionSymbol> = counts
        .into_iter()
        .filter_map(|(id, count)| {
            let city = gazetteer.city(id)?;
            let (lat, lon) = city.location()?;
            let (x, y) = zoom.apply(view.project(lon, lat));
            let inside = x > -MARGIN && x < WIDTH + MARGIN && y > -MARGIN && y < HEIGHT + MARGIN;
            inside.then(|| ActionSymbol {
                id: id.to_string(),
                name: city.name(lang).to_string(),
                count,
                x,
                y,
                r: action_radius(count),
            })
        })
        .collect();
    out.sort_by(|a, b| b.r.total_cmp(&a.r).then_with(|| a.id.cmp(&b.id)));
    out
}

/// How symbols and provinces are coloured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Colouring {
    /// By status, for series with sourced thresholds (or when there are no values).
    ByStatus,
    /// By value on a continuous scale from `lo` to `hi`, for series without thresholds.
    ByValue {
        /// Lowest value shown.
        lo: f64,
        /// Highest value shown.
        hi: f64,
    },
}

impl Colouring {
    /// The colouring of a series over the rows shown.
    pub fn of(series: &Series, rows: &[Row]) -> Colouring {
        if series.thresholds.is_some() {
            return Colouring::ByStatus;
        }
        match value_range(rows.iter().filter_map(Row::value)) {
            Some((lo, hi)) => Colouring::ByValue { lo, hi },
            None => Colouring::ByStatus,
        }
    }

    /// Fill colour of a symbol or province.
    pub fn fill(&self, status: Status, value: Option<f64>) -> String {
        match (self, value) {
            (Colouring::ByValue { lo, hi }, Some(v)) => value_color(unit_position(v, *lo, *hi)),
            _ => status_color(status).to_string(),
        }
    }
}

/// The statuses the legend lists for a series.
pub fn legend_statuses(series: &Series) -> Vec<Status> {
    if series.thresholds.is_some() {
        Status::ASSESSED
            .into_iter()
            .chain([Status::NoData])
            .collect()
    } else {
        vec![Status::NotAssessed, Status::NoData]
    }
}

/// Status and value of each province of the choropleth (provinces are places of
/// the city tables, such as Korea's 17 do).
pub fn province_values(
    province_ids: &[String],
    series: &Series,
    tables: &SeriesTables,
    year: Option<i32>,
) -> BTreeMap<String, (Status, Option<f64>)> {
    province_ids
        .iter()
        .map(|id| {
            let value = tables
                .city()
                .and_then(|(t, i)| i.latest(t, id, year))
                .map(|l| l.value);
            (
                id.clone(),
                (status(tables.judged(series, id), value), value),
            )
        })
        .collect()
}

/// The next keyboard focus among `n` placed cities, stepping by `delta` and wrapping.
pub fn step_focus(current: Option<usize>, delta: isize, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let n = n as isize;
    Some(match current {
        Some(i) => (i as isize + delta).rem_euclid(n) as usize,
        None if delta > 0 => 0,
        None => (n - 1) as usize,
    })
}

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
    use crate::scene::rows::fixture::*;
    use crate::style::status_symbol;

    #[test]
    fn symbols_are_placed_in_the_frame_large_first_without_skipped_ids() {
        let rows = rows();
        let korea = preset_viewport(Region::Korea);
        let placed = place_symbols(&rows, &korea, Zoom::default(), &FastSet::default());
        let ids: Vec<&str> = placed.iter().map(|p| p.row.city.id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["kr-11", "kr-21", "kr-22"],
            "Tokyo is off the Korea frame"
        );
        assert!(placed.windows(2).all(|w| w[0].r >= w[1].r));
        for p in &placed {
            assert!(
                (0.0..=WIDTH).contains(&p.x) && (0.0..=HEIGHT).contains(&p.y),
                "{p:?}"
            );
        }
        let skip: FastSet<String> = ["kr-11".to_string()].into_iter().collect();
        let without = place_symbols(&rows, &korea, Zoom::default(), &skip);
        assert_eq!(without.len(), 2);
        // The world view puts Seoul and Suwon's neighbours close: the larger is kept.
        let world = place_symbols(
            &rows,
            &preset_viewport(Region::World),
            Zoom::default(),
            &FastSet::default(),
        );
        assert!(world.len() < rows.len(), "decluttered: {}", world.len());
        assert!(world.iter().any(|p| p.row.city.id == "kr-11"));
    }

    /// A placed symbol of the fixture's first row, at (x, y) with radius r.
    fn at(status: Status, x: f64, y: f64, r: f64) -> Placed {
        let mut row = rows()[0].clone();
        row.status = status;
        Placed { row, x, y, r }
    }

    #[test]
    fn symbols_are_drawn_as_one_path_per_fill_in_placing_order() {
        let placed = vec![
            at(Status::Red, 10.0, 10.0, 4.0),
            at(Status::Green, 50.0, 10.0, 3.0),
            at(Status::Red, 90.0, 10.0, 2.0),
        ];
        let layers = symbol_layers(&placed, |p| status_color(p.row.status).to_string());
        assert_eq!(layers.len(), 2);
        assert_eq!(layers[0].fill, status_color(Status::Red));
        assert_eq!(layers[0].count, 2);
        assert_eq!(
            layers[0].d,
            format!(
                "{}{}",
                status_symbol(Status::Red, 10.0, 10.0, 4.0),
                status_symbol(Status::Red, 90.0, 10.0, 2.0)
            )
        );
        assert_eq!(layers[1].fill, status_color(Status::Green));
        assert_eq!(layers[1].d, status_symbol(Status::Green, 50.0, 10.0, 3.0));
        assert!(symbol_layers(&[], |_| String::new()).is_empty());
    }

    #[test]
    fn the_pointer_finds_the_nearest_symbol_within_reach() {
        let placed = vec![
            at(Status::Red, 10.0, 10.0, 4.0),
            at(Status::Green, 16.0, 10.0, 3.0),
            at(Status::Red, 90.0, 10.0, 2.0),
        ];
        assert_eq!(symbol_at(&placed, 10.0, 10.0, 0.0), Some(0));
        // Within both reaches: the nearer centre wins, whatever the drawing order.
        assert_eq!(symbol_at(&placed, 14.0, 10.0, 0.0), Some(1));
        assert_eq!(
            symbol_at(&placed, 92.7, 10.0, 0.0),
            Some(2),
            "within the reach"
        );
        assert_eq!(symbol_at(&placed, 93.0, 10.0, 0.0), None, "out of reach");
        assert_eq!(symbol_at(&placed, 93.0, 10.0, 0.5), Some(2), "with slack");
        assert_eq!(symbol_at(&[], 0.0, 0.0, 10.0), None);
    }

    #[test]
    fn the_actions_layer_sizes_cities_by_their_actions() {
        let gz = gazetteer();
        let mut pack = crate::actions::tests::pack();
        for a in &mut pack.actions {
            // The fixture's Korean ids that this gazetteer has.
            a.places.retain(|p| gz.city(p).is_some());
        }
        let placed = place_actions(
            &pack,
            &gz,
            &preset_viewport(Region::Korea),
            Zoom::default(),
            crate::i18n::Lang::En,
        );
        let got: Vec<(&str, usize)> = placed.iter().map(|s| (s.id.as_str(), s.count)).collect();
        assert_eq!(got, vec![("kr-11", 2), ("kr-31010", 1)]);
        assert!(placed[0].r > placed[1].r);
        assert_eq!(action_radius(10_000), 18.0);
    }

    #[test]
    fn settlements_without_a_location_are_never_drawn() {
        let mut rows = rows();
        let mut seoul = (*rows[1].city).clone();
        seoul.lat = None;
        seoul.lon = None;
        rows[1].city = std::sync::Arc::new(seoul);
        let placed = place_symbols(
            &rows,
            &preset_viewport(Region::Korea),
            Zoom::default(),
            &FastSet::default(),
        );
        assert!(placed.iter().all(|p| p.row.city.id != "kr-11"));
        assert_eq!(placed.len(), 2);
    }

    #[test]
    fn zooming_in_moves_cities_apart_and_some_out_of_the_frame() {
        let rows = rows();
        let view = preset_viewport(Region::Korea);
        let z = Zoom::default().zoom_at(8.0, WIDTH / 2.0, HEIGHT / 2.0);
        let placed = place_symbols(&rows, &view, z, &FastSet::default());
        assert!(placed.len() < 3, "{}", placed.len());
    }

    #[test]
    fn series_without_thresholds_are_coloured_by_value() {
        let rows = rows();
        assert_eq!(Colouring::of(&pm25(), &rows), Colouring::ByStatus);
        let c = Colouring::of(&open_space(), &rows);
        assert_eq!(c, Colouring::ByValue { lo: 9.0, hi: 30.0 });
        assert_eq!(c.fill(Status::NotAssessed, Some(9.0)), value_color(0.0));
        assert_eq!(c.fill(Status::NotAssessed, Some(30.0)), value_color(1.0));
        assert_eq!(c.fill(Status::NoData, None), status_color(Status::NoData));
        assert_eq!(Colouring::of(&open_space(), &[]), Colouring::ByStatus);
        assert_eq!(legend_statuses(&pm25()).len(), 5);
        assert_eq!(
            legend_statuses(&open_space()),
            vec![Status::NotAssessed, Status::NoData]
        );
    }

    #[test]
    fn provinces_take_their_own_values_for_the_year() {
        let ids = vec!["kr-11".to_string(), "kr-39".to_string()];
        let v = province_values(&ids, &pm25(), &pm25_tables(), Some(2016));
        assert_eq!(v["kr-11"], (Status::Red, Some(26.0)));
        assert_eq!(v["kr-39"], (Status::NoData, None));
    }

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
