//! The map in one place. This module places cities as status symbols (projected,
//! zoomed, culled and decluttered), draws boundaries as SVG paths and gives the Korea
//! preset's province choropleth; its children hold the rest:
//!
//! - [`frame`]: presets, the coordinate space, zoom and pan.
//! - [`declutter`]: symbol sizes and which symbols give way.
//! - [`colour`]: status or value colouring and the legend's entries.
//! - [`interaction`]: what keys and pointer gestures do.

pub mod colour;
pub mod declutter;
pub mod frame;
pub mod interaction;

use std::collections::BTreeMap;

use crate::{FastMap, FastSet};

use crate::assess::{status, Status};
use crate::geo::{svg_path, Feature, Topology, Viewport};
use crate::model::Series;
use crate::query::SeriesTables;
use crate::scene::Row;
use crate::style::{push_status_symbol, SYMBOL_REACH};

pub use colour::{legend_statuses, unit_position, value_color, value_range, Colouring};
pub use declutter::{declutter, symbol_radius};
pub use frame::{
    preset_bounds, preset_meridian, preset_viewport, Zoom, HEIGHT, MAX_ZOOM, MIN_ZOOM, WIDTH,
};
pub use interaction::{
    key_action, step_focus, to_map_units, tooltip_position, wheel_zoom, zoom_after, Gesture,
    MapAction,
};

/// Symbols this far outside the frame are still drawn (they may be half visible).
const MARGIN: f64 = 20.0;

/// `(feature id, SVG path)` of every feature of a boundary object.
pub fn boundary_paths(topology: &Topology, object: &str, view: &Viewport) -> Vec<(String, String)> {
    feature_paths(topology.features(object), view)
}

/// `(feature id, SVG path)` of each feature, drawn in `view`.
pub fn feature_paths(features: Vec<Feature>, view: &Viewport) -> Vec<(String, String)> {
    features
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Region;
    use crate::scene::rows::fixture::*;
    use crate::style::status_color;
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
    fn provinces_take_their_own_values_for_the_year() {
        let ids = vec!["kr-11".to_string(), "kr-39".to_string()];
        let v = province_values(&ids, &pm25(), &pm25_tables(), Some(2016));
        assert_eq!(v["kr-11"], (Status::Red, Some(26.0)));
        assert_eq!(v["kr-39"], (Status::NoData, None));
    }
}
