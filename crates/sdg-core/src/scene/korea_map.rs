//! Korea's Goal 11 map, drawn beside the matrix: the 229 local governments and the 17
//! provinces as areas, filled by a series or by the number of Goal 11 actions each
//! government reported.
//!
//! One rule places every reading: a government's own reading fills its own area. A
//! municipality without one is left unfilled, so the province (or metropolitan city)
//! under it shows through, and the tooltip names whose reading that is. A figure is
//! never spread onto an area that has its own.

use std::collections::BTreeMap;

use crate::assess::{status, Status};
use crate::geo::{Topology, Viewport};
use crate::model::{Framework, Gazetteer, Series};
use crate::query::{Region, SeriesTables};
use crate::scene::korea::MatrixRow;
use crate::scene::map::{
    feature_paths, preset_bounds, preset_meridian, unit_position, value_color, value_range,
};
use crate::style::status_color;
use crate::url_state::ViewState;

/// Width of the Korea map's coordinate space (portrait: the peninsula is tall).
pub const KOREA_WIDTH: f64 = 400.0;
/// Height of the Korea map's coordinate space.
pub const KOREA_HEIGHT: f64 = 500.0;

/// Fill of an area without any reading (its own or its province's).
pub const NO_READING: &str = "#d9d9d9";

/// The Korea map's viewport.
pub fn korea_viewport() -> Viewport {
    Viewport::fit_centred(
        preset_bounds(Region::Korea),
        KOREA_WIDTH,
        KOREA_HEIGHT,
        preset_meridian(Region::Korea),
    )
}

/// How far (in the map's units, about a CSS pixel) a boundary may stray from its
/// source line on the Korea map: under a device pixel on a phone-wide map at three
/// device pixels per CSS pixel. The map is never zoomed, so finer detail is never
/// seen. Leaving it out took the municipalities' paths from 31,022 points to 17,790
/// (195,601 bytes of path data to 122,178), which the page lays out, the app writes
/// and the static frame carries; no government loses its area.
pub const KOREA_TOLERANCE: f64 = 0.3;

/// `(id, SVG path)` of each feature of `object` on the Korea map, its boundaries
/// thinned to what the map can show ([`KOREA_TOLERANCE`]).
pub fn korea_paths(topology: &Topology, object: &str) -> Vec<(String, String)> {
    let view = korea_viewport();
    feature_paths(
        topology.features_thinned(object, &view, KOREA_TOLERANCE),
        &view,
    )
}

/// What the map is coloured by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KoreaLayer {
    /// Goal 11 actions reported by each government (the default: the view is about
    /// implementation).
    Actions,
    /// A statistical series, named in the URL's `series`.
    Series(String),
}

/// The layer a state asks for: the series named in the URL when the framework knows
/// it, else the actions.
pub fn korea_layer(state: &ViewState, framework: Option<&Framework>) -> KoreaLayer {
    match (state.series.as_deref(), framework) {
        (Some(id), Some(fw)) if fw.series(id).is_some() => KoreaLayer::Series(id.to_string()),
        _ => KoreaLayer::Actions,
    }
}

/// The series that have a value for at least one Korean place: the map's choices.
pub fn korea_series(gazetteer: &Gazetteer, series: &[(&str, &SeriesTables)]) -> Vec<String> {
    series
        .iter()
        .filter(|(_, tables)| {
            tables.city().is_some_and(|(t, i)| {
                gazetteer
                    .cities
                    .iter()
                    .filter(|c| c.country == "KOR")
                    .any(|c| i.latest(t, &c.id, None).is_some())
            })
        })
        .map(|(id, _)| id.to_string())
        .collect()
}

/// One government's own reading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// Actions reported (at least one).
    Actions(usize),
    /// The latest value of the series, its year and status.
    Value {
        /// The value.
        value: f64,
        /// Its year.
        year: i32,
        /// Its status against the series' thresholds.
        status: Status,
    },
}

/// Every Korean government's own reading on a layer. Actions come from the matrix
/// rows, so the map and the matrix can never disagree.
pub fn readings(
    layer: &KoreaLayer,
    gazetteer: &Gazetteer,
    matrix: &[MatrixRow],
    series: Option<(&Series, &SeriesTables)>,
) -> BTreeMap<String, Reading> {
    match layer {
        KoreaLayer::Actions => matrix
            .iter()
            .filter(|r| r.actions > 0)
            .map(|r| (r.id.clone(), Reading::Actions(r.actions)))
            .collect(),
        KoreaLayer::Series(_) => {
            let Some((s, tables)) = series else {
                return BTreeMap::new();
            };
            let Some((table, index)) = tables.city() else {
                return BTreeMap::new();
            };
            gazetteer
                .cities
                .iter()
                .filter(|c| c.country == "KOR")
                .filter_map(|c| {
                    let l = index.latest(table, &c.id, None)?;
                    let reading = Reading::Value {
                        value: l.value,
                        year: l.year,
                        status: status(tables.judged(s, &c.id), Some(l.value)),
                    };
                    Some((c.id.clone(), reading))
                })
                .collect()
        }
    }
}

/// Classes of the actions layer: inclusive lower bounds, darkest for the most.
pub const ACTION_CLASSES: [usize; 4] = [1, 2, 4, 10];

/// How areas are filled.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaColouring {
    /// Actions by class.
    Actions,
    /// By status against sourced thresholds.
    Status,
    /// By value on a continuous scale.
    Value {
        /// Lowest value.
        lo: f64,
        /// Highest value.
        hi: f64,
    },
}

impl AreaColouring {
    /// The colouring of a layer's readings.
    pub fn of(series: Option<&Series>, readings: &BTreeMap<String, Reading>) -> AreaColouring {
        let Some(series) = series else {
            return AreaColouring::Actions;
        };
        if series.thresholds.is_some() {
            return AreaColouring::Status;
        }
        let values = readings.values().filter_map(|r| match r {
            Reading::Value { value, .. } => Some(*value),
            Reading::Actions(_) => None,
        });
        match value_range(values) {
            Some((lo, hi)) => AreaColouring::Value { lo, hi },
            None => AreaColouring::Status,
        }
    }

    /// Fill of a reading.
    pub fn fill(&self, reading: &Reading) -> String {
        match (self, reading) {
            (_, Reading::Actions(n)) => action_class_color(action_class(*n)),
            (AreaColouring::Value { lo, hi }, Reading::Value { value, .. }) => {
                value_color(unit_position(*value, *lo, *hi))
            }
            (_, Reading::Value { status, .. }) => status_color(*status).to_string(),
        }
    }
}

/// The class of an action count (index into [`ACTION_CLASSES`]).
pub fn action_class(count: usize) -> usize {
    ACTION_CLASSES
        .iter()
        .rposition(|lo| count >= *lo)
        .unwrap_or(0)
}

/// Colour of an action class: more actions, darker.
pub fn action_class_color(class: usize) -> String {
    let last = (ACTION_CLASSES.len() - 1) as f64;
    value_color(0.9 - 0.8 * class.min(ACTION_CLASSES.len() - 1) as f64 / last)
}

/// The legend's labels of the action classes: "1", "2–3", "4–9", "10+".
pub fn action_class_labels() -> Vec<String> {
    ACTION_CLASSES
        .iter()
        .enumerate()
        .map(|(i, lo)| match ACTION_CLASSES.get(i + 1) {
            Some(next) if next - 1 == *lo => lo.to_string(),
            Some(next) => format!("{lo}–{}", next - 1),
            None => format!("{lo}+"),
        })
        .collect()
}

/// An area to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Place id (the gazetteer's).
    pub id: String,
    /// SVG path.
    pub d: String,
    /// Fill; `None` leaves the area open so the province under it shows through.
    pub fill: Option<String>,
}

/// The provinces' areas (filled with their own reading or the no-reading grey) and the
/// municipalities' areas (filled only with their own reading).
pub fn areas(
    provinces: &[(String, String)],
    municipalities: &[(String, String)],
    readings: &BTreeMap<String, Reading>,
    colouring: &AreaColouring,
) -> (Vec<Area>, Vec<Area>) {
    let area = |(id, d): &(String, String), empty: Option<&str>| Area {
        id: id.clone(),
        d: d.clone(),
        fill: readings
            .get(id)
            .map(|r| colouring.fill(r))
            .or(empty.map(str::to_string)),
    };
    (
        provinces
            .iter()
            .map(|p| area(p, Some(NO_READING)))
            .collect(),
        municipalities.iter().map(|m| area(m, None)).collect(),
    )
}

/// Whose reading an area shows: its own, else its parent's (the province or
/// metropolitan city it belongs to). `None` when neither has one.
pub fn reading_of<'a>(
    id: &str,
    gazetteer: &Gazetteer,
    readings: &'a BTreeMap<String, Reading>,
) -> Option<(String, &'a Reading)> {
    if let Some(r) = readings.get(id) {
        return Some((id.to_string(), r));
    }
    let parent = gazetteer.city(id)?.parent.as_deref()?;
    readings.get(parent).map(|r| (parent.to_string(), r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AdminLevel;
    use crate::scene::korea::Cell;
    use crate::scene::rows::fixture::tables;

    fn korea() -> Gazetteer {
        use AdminLevel::{City, Municipality, Province};
        crate::fixtures::korea(&[
            ("kr-11", "kr-11", None, City, None),
            ("kr-11010", "kr-11010", None, Municipality, Some("kr-11")),
            ("kr-31", "kr-31", None, Province, None),
            ("kr-31010", "kr-31010", None, Municipality, Some("kr-31")),
            ("kr-31090", "kr-31090", None, Municipality, Some("kr-31")),
        ])
    }

    fn row(id: &str, actions: usize) -> MatrixRow {
        MatrixRow {
            id: id.into(),
            name: id.into(),
            cells: vec![Cell::default(); 10],
            actions,
        }
    }

    fn paths(ids: &[&str]) -> Vec<(String, String)> {
        ids.iter()
            .map(|i| (i.to_string(), format!("M{i}")))
            .collect()
    }

    #[test]
    fn actions_fill_own_areas_and_show_through_to_the_province_only_where_none() {
        let matrix = vec![row("kr-11", 39), row("kr-31010", 7), row("kr-31090", 0)];
        let r = readings(&KoreaLayer::Actions, &korea(), &matrix, None);
        assert_eq!(r.len(), 2, "a row without actions has no reading: {r:?}");
        let colouring = AreaColouring::of(None, &r);
        let (provinces, municipalities) = areas(
            &paths(&["kr-11", "kr-31"]),
            &paths(&["kr-11010", "kr-31010", "kr-31090"]),
            &r,
            &colouring,
        );
        assert_eq!(provinces[0].fill, Some(action_class_color(3)), "Seoul, 39");
        assert_eq!(provinces[1].fill.as_deref(), Some(NO_READING), "Gyeonggi");
        assert_eq!(municipalities[0].fill, None, "Jongno shows Seoul through");
        assert_eq!(
            municipalities[1].fill,
            Some(action_class_color(2)),
            "Suwon, 7"
        );
        assert_eq!(municipalities[2].fill, None);
        let g = korea();
        assert_eq!(
            reading_of("kr-11010", &g, &r),
            Some(("kr-11".to_string(), &Reading::Actions(39)))
        );
        assert_eq!(reading_of("kr-31090", &g, &r), None);
        assert_eq!(reading_of("kr-99999", &g, &r), None, "unknown id");
    }

    #[test]
    fn series_readings_are_latest_values_with_status() {
        let pm = tables(
            "pm25",
            &[
                ("kr-31010", 2018, 30.0),
                ("kr-31010", 2020, 12.0),
                ("jp-13", 2020, 9.0),
            ],
            &[],
        );
        let series = crate::fixtures::pm25();
        let layer = KoreaLayer::Series("pm25".into());
        let r = readings(&layer, &korea(), &[], Some((&series, &pm)));
        assert_eq!(r.len(), 1, "only Korean places: {r:?}");
        let Some(Reading::Value { value, year, .. }) = r.get("kr-31010") else {
            panic!("no Suwon reading: {r:?}");
        };
        assert_eq!((*value, *year), (12.0, 2020));
        assert_eq!(AreaColouring::of(Some(&series), &r), AreaColouring::Status);
        assert_eq!(korea_series(&korea(), &[("pm25", &pm)]), vec!["pm25"]);
        let elsewhere = tables("pm25", &[("jp-13", 2020, 9.0)], &[]);
        assert!(korea_series(&korea(), &[("pm25", &elsewhere)]).is_empty());
    }

    #[test]
    fn action_classes_and_labels_agree() {
        assert_eq!(action_class_labels(), vec!["1", "2–3", "4–9", "10+"]);
        let classes: Vec<usize> = [1, 2, 3, 4, 9, 10, 400].map(action_class).to_vec();
        assert_eq!(classes, vec![0, 1, 1, 2, 2, 3, 3]);
        assert_ne!(action_class_color(0), action_class_color(3));
    }

    #[test]
    fn the_layer_is_the_known_series_of_the_url_else_actions() {
        let fw = crate::fixtures::framework(&["11.6.2"], vec![crate::fixtures::pm25()]);
        let state = |series: Option<&str>| ViewState {
            series: series.map(Into::into),
            ..ViewState::default()
        };
        assert_eq!(korea_layer(&state(None), Some(&fw)), KoreaLayer::Actions);
        assert_eq!(
            korea_layer(&state(Some("pm25")), Some(&fw)),
            KoreaLayer::Series("pm25".into())
        );
        assert_eq!(
            korea_layer(&state(Some("nope")), Some(&fw)),
            KoreaLayer::Actions
        );
        assert_eq!(korea_layer(&state(Some("pm25")), None), KoreaLayer::Actions);
    }

    #[test]
    fn the_korea_map_thins_every_boundary_and_loses_no_area() {
        let text = include_str!("../../../../data/geo/kr-municipalities.json");
        let topo = crate::load::load_topology("geo/kr-municipalities.json", text).unwrap();
        let object = crate::resolve::KR_MUNICIPALITIES.object;
        let view = korea_viewport();
        let full = crate::scene::map::boundary_paths(&topo, object, &view);
        let thin = korea_paths(&topo, object);
        assert_eq!(full.len(), thin.len());
        let bytes = |paths: &[(String, String)]| paths.iter().map(|(_, d)| d.len()).sum::<usize>();
        for ((id, d), (thin_id, thin_d)) in full.iter().zip(&thin) {
            assert_eq!(id, thin_id);
            assert!(
                !thin_d.is_empty() && thin_d.matches('M').count() >= 1,
                "{id} lost its area"
            );
            assert!(thin_d.len() <= d.len(), "{id}");
        }
        assert!(
            bytes(&thin) * 10 < bytes(&full) * 7,
            "thinned {} bytes of path, from {}",
            bytes(&thin),
            bytes(&full)
        );
    }
}
