//! Map geometry: TopoJSON decoding, the Equal Earth projection, and SVG path strings.
//!
//! Coordinates are `(lon, lat)` in degrees until projected; projected coordinates are
//! on the unit sphere (Equal Earth spans about ±2.71 × ±1.32).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::svg::{push_tenths, push_tenths_after};

/// A point `(x, y)`: `(lon, lat)` before projection.
pub type Point = (f64, f64);

/// A TopoJSON topology, as read from disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topology {
    /// Always `Topology`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Quantisation transform; absent when arcs hold absolute coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transform: Option<Transform>,
    /// Arcs: delta-encoded when `transform` is present.
    pub arcs: Vec<Vec<[f64; 2]>>,
    /// Named geometry collections.
    pub objects: BTreeMap<String, GeometryCollection>,
}

/// TopoJSON quantisation transform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transform {
    /// Scale per axis.
    pub scale: [f64; 2],
    /// Translation per axis.
    pub translate: [f64; 2],
}

/// A named collection of geometries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeometryCollection {
    /// Always `GeometryCollection`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Members.
    pub geometries: Vec<Geometry>,
}

/// A polygon or multipolygon made of arc references (`~i` = arc `i` reversed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geometry {
    /// `Polygon`, `MultiPolygon`, or anything else (ignored when drawing).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Feature id, e.g. an ISO numeric code or a KOSTAT code.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "id_as_string"
    )]
    pub id: Option<String>,
    /// Free properties (names).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, serde_json::Value>,
    /// Arc references: rings for a Polygon, polygons of rings for a MultiPolygon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arcs: Option<ArcRefs>,
}

/// Arc references of a polygon or a multipolygon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ArcRefs {
    /// Polygon: rings of arc indices.
    Polygon(Vec<Vec<i64>>),
    /// MultiPolygon: polygons of rings of arc indices.
    MultiPolygon(Vec<Vec<Vec<i64>>>),
    /// A LineString's arcs: read, never drawn as an area.
    Line(Vec<i64>),
    /// Anything else a valid TopoJSON may hold there: ignored, never a parse error.
    Other(serde_json::Value),
}

fn id_as_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// A decoded polygon: its rings (outer first) as closed lists of `(lon, lat)`.
pub type Polygon = Vec<Vec<Point>>;

/// A decoded feature: id, properties and polygons in `(lon, lat)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Feature id.
    pub id: Option<String>,
    /// Properties.
    pub properties: BTreeMap<String, serde_json::Value>,
    /// Polygons.
    pub polygons: Vec<Polygon>,
}

impl Feature {
    /// A string property, if present.
    pub fn prop(&self, key: &str) -> Option<&str> {
        self.properties.get(key).and_then(|v| v.as_str())
    }
}

/// Resolves a possibly negative arc reference into `(index, reversed)`.
pub fn arc_index(reference: i64) -> (usize, bool) {
    if reference < 0 {
        ((!reference) as usize, true)
    } else {
        (reference as usize, false)
    }
}

impl Geometry {
    /// Polygons as rings of arc references (a Polygon is one polygon).
    pub fn polygons(&self) -> Vec<&Vec<Vec<i64>>> {
        // The type decides: a MultiLineString's arcs have a Polygon's shape.
        match (self.kind.as_deref(), &self.arcs) {
            (Some("Polygon"), Some(ArcRefs::Polygon(rings))) => vec![rings],
            (Some("MultiPolygon"), Some(ArcRefs::MultiPolygon(polys))) => polys.iter().collect(),
            _ => Vec::new(),
        }
    }
}

impl Topology {
    /// Arcs in absolute `(lon, lat)`, undoing quantisation and delta encoding.
    pub fn decoded_arcs(&self) -> Vec<Vec<Point>> {
        self.arcs
            .iter()
            .map(|arc| match &self.transform {
                Some(t) => {
                    let (mut x, mut y) = (0.0, 0.0);
                    arc.iter()
                        .map(|p| {
                            x += p[0];
                            y += p[1];
                            (
                                x * t.scale[0] + t.translate[0],
                                y * t.scale[1] + t.translate[1],
                            )
                        })
                        .collect()
                }
                None => arc.iter().map(|p| (p[0], p[1])).collect(),
            })
            .collect()
    }

    /// Features of one object, decoded. Unknown object: empty list. Broken arc
    /// references are skipped (the validator reports them).
    pub fn features(&self, object: &str) -> Vec<Feature> {
        self.features_of_arcs(object, &self.decoded_arcs())
    }

    /// Features of one object for a drawing that is never zoomed: each arc thinned in
    /// `view`'s units, leaving out points that stray less than `tolerance` from the
    /// line kept ([`thin_arc`]). Arcs are thinned before rings are stitched, so the
    /// border two areas share stays one line: no gaps, no slivers.
    pub fn features_thinned(&self, object: &str, view: &Viewport, tolerance: f64) -> Vec<Feature> {
        let arcs: Vec<Vec<Point>> = self
            .decoded_arcs()
            .iter()
            .map(|arc| thin_arc(arc, view, tolerance))
            .collect();
        self.features_of_arcs(object, &arcs)
    }

    fn features_of_arcs(&self, object: &str, arcs: &[Vec<Point>]) -> Vec<Feature> {
        let Some(collection) = self.objects.get(object) else {
            return Vec::new();
        };
        collection
            .geometries
            .iter()
            .map(|g| Feature {
                id: g.id.clone(),
                properties: g.properties.clone(),
                polygons: g
                    .polygons()
                    .into_iter()
                    .map(|rings| {
                        rings
                            .iter()
                            .filter_map(|ring| stitch_ring(arcs, ring))
                            .collect()
                    })
                    .collect(),
            })
            .collect()
    }

    /// Structural problems as `(record, message)`: arc references out of range, rings
    /// of fewer than three points, non-finite numbers. (An open ring is closed when
    /// drawn, as topojson-client does: not a problem.)
    pub fn check(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.kind != "Topology" {
            out.push((
                String::new(),
                format!("type is `{}`, not `Topology`", self.kind),
            ));
        }
        if let Some(t) = &self.transform {
            if !t.scale.iter().chain(&t.translate).all(|v| v.is_finite()) || t.scale.contains(&0.0)
            {
                out.push((
                    "transform".into(),
                    "transform must be finite with a non-zero scale".into(),
                ));
            }
        }
        for (i, arc) in self.arcs.iter().enumerate() {
            if arc.len() < 2 {
                out.push((
                    format!("arc {i}"),
                    "an arc needs at least two points".into(),
                ));
            }
            if !arc.iter().flatten().all(|v| v.is_finite()) {
                out.push((format!("arc {i}"), "non-finite coordinate".into()));
            }
        }
        let arcs = self.decoded_arcs();
        for (name, coll) in &self.objects {
            for (gi, g) in coll.geometries.iter().enumerate() {
                let record = format!("{name}[{gi}] {}", g.id.as_deref().unwrap_or(""));
                for rings in g.polygons() {
                    for ring in rings {
                        if ring.iter().any(|&r| arc_index(r).0 >= arcs.len()) {
                            out.push((record.clone(), "arc reference out of range".into()));
                        } else if stitch_ring(&arcs, ring).is_none() {
                            out.push((record.clone(), "ring has fewer than three points".into()));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Joins a ring's arcs into one closed list of points (an open ring is closed); `None`
/// if an arc is missing or fewer than three points remain.
pub fn stitch_ring(arcs: &[Vec<Point>], ring: &[i64]) -> Option<Vec<Point>> {
    let mut points: Vec<Point> = Vec::new();
    for &r in ring {
        let (i, reversed) = arc_index(r);
        let arc = arcs.get(i)?;
        let mut pts: Vec<Point> = arc.clone();
        if reversed {
            pts.reverse();
        }
        // Consecutive arcs share their joining point; keep it once.
        if !points.is_empty() {
            pts.remove(0);
        }
        points.extend(pts);
    }
    let (first, last) = (*points.first()?, *points.last()?);
    let close = (first.0 - last.0).abs() < 1e-6 && (first.1 - last.1).abs() < 1e-6;
    // An open ring is closed, as topojson-client does: a three-point ring is a
    // triangle, not nothing.
    if !close {
        points.push(first);
    }
    (points.len() >= 4).then_some(points)
}

/// An arc (`(lon, lat)` points) with the points left out that stray less than
/// `tolerance` (in `view`'s units) from the line through those kept: Douglas and
/// Peucker's rule, in projected space. Both ends are always kept (they join other
/// arcs); a closed arc keeps two corners besides, so a small island stays an area
/// rather than a line.
pub fn thin_arc(arc: &[Point], view: &Viewport, tolerance: f64) -> Vec<Point> {
    if arc.len() < 3 {
        return arc.to_vec();
    }
    let screen: Vec<Point> = arc
        .iter()
        .map(|&(lon, lat)| view.project(lon, lat))
        .collect();
    let mut keep = vec![false; arc.len()];
    let last = arc.len() - 1;
    keep[0] = true;
    keep[last] = true;
    let farthest = |a: usize, b: usize| {
        (a + 1..b)
            .map(|i| (i, off_segment(screen[i], screen[a], screen[b])))
            .max_by(|x, y| x.1.total_cmp(&y.1))
    };
    let mut spans = Vec::new();
    if distance(screen[0], screen[last]) < 1e-9 && arc.len() >= 4 {
        // Closed: split at the point farthest from the start, and keep the point
        // farthest from that chord too, whatever the tolerance: a ring needs three
        // corners to be an area.
        let from_start = |i: usize| distance(screen[0], screen[i]);
        let far = (1..last)
            .max_by(|&a, &b| from_start(a).total_cmp(&from_start(b)))
            .unwrap_or(1);
        keep[far] = true;
        let third = [farthest(0, far), farthest(far, last)]
            .into_iter()
            .flatten()
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, _)) = third {
            keep[i] = true;
        }
        let corners: Vec<usize> = (0..=last).filter(|&i| keep[i]).collect();
        spans.extend(corners.windows(2).map(|w| (w[0], w[1])));
    } else {
        spans.push((0, last));
    }
    while let Some((a, b)) = spans.pop() {
        if let Some((i, d)) = farthest(a, b) {
            if d > tolerance {
                keep[i] = true;
                spans.push((a, i));
                spans.push((i, b));
            }
        }
    }
    arc.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn distance(a: Point, b: Point) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// Distance from `p` to the segment `a`-`b`.
fn off_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    if length2 < 1e-18 {
        return distance(p, a);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0);
    distance(p, (a.0 + t * dx, a.1 + t * dy))
}

/// First and last point of an arc, in quantised integer coordinates.
pub type ArcEnds = ((i64, i64), (i64, i64));

/// Merges several polygons given as rings of arc references into the outline of their
/// union: an arc walked once each way by the members is an inner border and cancels
/// out; the arcs left are chained end to start into rings. Used to draw a city split into districts (Suwon's
/// four gu) as one local government. `ends` gives each arc's first and last point in
/// quantised integer coordinates.
pub fn merge_rings(rings: &[Vec<i64>], ends: &[ArcEnds]) -> Vec<Vec<i64>> {
    // Net use of each arc: a border between two members is walked once each way and
    // cancels out; whatever is left is the outline (robust to an arc walked twice).
    let mut net: HashMap<usize, i64> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for &r in rings.iter().flatten() {
        let (i, reversed) = arc_index(r);
        if !net.contains_key(&i) {
            order.push(i);
        }
        *net.entry(i).or_default() += if reversed { -1 } else { 1 };
    }
    let mut outer: Vec<i64> = Vec::new();
    for i in order.into_iter().rev() {
        let n = net[&i];
        let r = if n < 0 { !(i as i64) } else { i as i64 };
        outer.extend(std::iter::repeat_n(r, n.unsigned_abs() as usize));
    }
    let oriented_ends = |r: i64| {
        let (i, rev) = arc_index(r);
        let (a, b) = ends[i];
        if rev {
            (b, a)
        } else {
            (a, b)
        }
    };
    let mut out = Vec::new();
    while let Some(first) = outer.pop() {
        let (start, mut end) = oriented_ends(first);
        let mut ring = vec![first];
        while end != start {
            let Some(pos) = outer.iter().position(|&r| oriented_ends(r).0 == end) else {
                break;
            };
            let next = outer.swap_remove(pos);
            end = oriented_ends(next).1;
            ring.push(next);
        }
        // A chain that cannot close (a broken input) is left out rather than drawn open.
        if end == start {
            out.push(ring);
        }
    }
    out
}

/// Equal Earth projection (Šavrič, Patterson & Jenny 2018) of `(lon, lat)` degrees onto
/// the unit sphere; y grows northwards.
pub fn equal_earth(lon: f64, lat: f64) -> Point {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let lambda = lon.to_radians();
    let l = (m * lat.to_radians().sin()).asin();
    let l2 = l * l;
    let l6 = l2 * l2 * l2;
    let x = lambda * l.cos() / (m * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)));
    let y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
    (x, y)
}

/// A linear screen mapping of projected points: `screen = (x * k + dx, -y * k + dy)`,
/// with the projection's central meridian at `lambda0` (so that a regional view such as
/// Korea is not sheared by its distance from Greenwich).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Central meridian in degrees.
    pub lambda0: f64,
    /// Scale in pixels per projected unit.
    pub k: f64,
    /// Horizontal offset in pixels.
    pub dx: f64,
    /// Vertical offset in pixels.
    pub dy: f64,
}

impl Viewport {
    /// The viewport that fits the projected bounds of `(lon, lat)` box
    /// `[west, south, east, north]` into a `width × height` screen.
    pub fn fit(bounds: [f64; 4], width: f64, height: f64) -> Self {
        Self::fit_centred(bounds, width, height, 0.0)
    }

    /// [`Viewport::fit`] with the central meridian at `lambda0`.
    pub fn fit_centred(bounds: [f64; 4], width: f64, height: f64, lambda0: f64) -> Self {
        let [w, s, e, n] = bounds;
        let corners = [
            (w, s),
            (w, n),
            (e, s),
            (e, n),
            ((w + e) / 2.0, n),
            ((w + e) / 2.0, s),
        ];
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (lon, lat) in corners {
            let (x, y) = equal_earth(rotate(lon, lambda0), lat);
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
        }
        let k = (width / (x1 - x0)).min(height / (y1 - y0));
        Self {
            lambda0,
            k,
            dx: width / 2.0 - k * (x0 + x1) / 2.0,
            dy: height / 2.0 + k * (y0 + y1) / 2.0,
        }
    }

    /// Width on screen of the whole world along the equator: a step between two
    /// points of one ring wider than half of it can only be a ring that crosses the
    /// antimeridian (see [`wraps`]).
    pub fn world_width(&self) -> f64 {
        2.0 * equal_earth(180.0, 0.0).0 * self.k
    }

    /// Screen position of `(lon, lat)`.
    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let (x, y) = equal_earth(rotate(lon, self.lambda0), lat);
        (x * self.k + self.dx, -y * self.k + self.dy)
    }
}

/// Longitude relative to a central meridian, wrapped into `[-180, 180]`.
fn rotate(lon: f64, lambda0: f64) -> f64 {
    let l = lon - lambda0;
    if l > 180.0 {
        l - 360.0
    } else if l < -180.0 {
        l + 360.0
    } else {
        l
    }
}

/// SVG path data for polygons, with coordinates rounded to 0.1 px to keep the DOM
/// small. Rings with fewer than three distinct screen points are skipped, and so are
/// rings that cross the antimeridian (Fiji's, in Natural Earth), which would be drawn
/// as a band across the whole map.
pub fn svg_path(polygons: &[Polygon], view: &Viewport) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        let projected: Vec<Point> = ring
            .iter()
            .map(|&(lon, lat)| view.project(lon, lat))
            .collect();
        let Some(pts) = screen_ring(&projected, 10.0, view) else {
            continue;
        };
        // The first point, then each step from the last (`l`, repeated implicitly):
        // exact, as the points are whole tenths.
        let (mut x0, mut y0) = pts[0];
        d.push('M');
        push_tenths(&mut d, x0);
        d.push(' ');
        push_tenths(&mut d, y0);
        d.push('l');
        for (i, &(x, y)) in pts.iter().enumerate().skip(1) {
            if i == 1 {
                push_tenths(&mut d, x - x0);
            } else {
                push_tenths_after(&mut d, x - x0);
            }
            push_tenths_after(&mut d, y - y0);
            (x0, y0) = (x, y);
        }
        d.push('Z');
    }
    d
}

/// A projected ring in whole units of `1 / scale` pixels, repeated points dropped:
/// `None` for a ring with fewer than three distinct points, or one that crosses the
/// antimeridian (see [`wraps`]). The one rule for every drawn ring.
pub fn screen_ring(projected: &[Point], scale: f64, view: &Viewport) -> Option<Vec<(i64, i64)>> {
    let mut pts: Vec<(i64, i64)> = projected
        .iter()
        .map(|&(x, y)| ((x * scale).round() as i64, (y * scale).round() as i64))
        .collect();
    pts.dedup();
    let limit = (view.world_width() * scale / 2.0) as i64;
    (pts.len() >= 4 && !wraps(&pts, limit)).then_some(pts)
}

/// Whether a projected ring jumps across the map somewhere (one step wider than
/// `limit`): the mark of a ring cut by the antimeridian of a rotated projection.
pub fn wraps(points: &[(i64, i64)], limit: i64) -> bool {
    points.windows(2).any(|w| (w[1].0 - w[0].0).abs() > limit)
}

/// Area-weighted centroid of the largest polygon's outer ring, in `(lon, lat)`;
/// good enough to place a label or a symbol for a province.
pub fn label_point(polygons: &[Polygon]) -> Option<Point> {
    polygons
        .iter()
        .filter_map(|p| p.first())
        .filter_map(|ring| {
            let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
            for w in ring.windows(2) {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                let cross = x0 * y1 - x1 * y0;
                a += cross;
                cx += (x0 + x1) * cross;
                cy += (y0 + y1) * cross;
            }
            (a.abs() > 1e-12).then(|| (a.abs(), (cx / (3.0 * a), cy / (3.0 * a))))
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, c)| c)
}

/// Douglas–Peucker simplification of a polyline, keeping both end points so that arcs
/// shared by neighbours stay joined.
pub fn simplify(points: &[Point], tolerance: f64) -> Vec<Point> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (mut best, mut best_d) = (0, 0.0);
        for i in a + 1..b {
            let d = segment_distance(points[i], points[a], points[b]);
            if d > best_d {
                best = i;
                best_d = d;
            }
        }
        if best_d > tolerance {
            keep[best] = true;
            stack.push((a, best));
            stack.push((best, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn segment_distance(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (qx, qy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - qx).powi(2) + (p.1 - qy).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn equal_earth_known_points() {
        // Values of d3-geo's geoEqualEarthRaw (unit sphere).
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        let (x, y) = equal_earth(180.0, 0.0);
        assert!(close(x, 2.706_629) && close(y, 0.0), "{x} {y}");
        let (x, y) = equal_earth(0.0, 90.0);
        assert!(close(x, 0.0) && close(y, 1.317_363), "{x} {y}");
        // Symmetric in both axes.
        let (x1, y1) = equal_earth(126.98, 37.57);
        let (x2, y2) = equal_earth(-126.98, -37.57);
        assert!(close(x1, -x2) && close(y1, -y2));
        // Seoul lies east and north of the origin, below the pole.
        assert!(x1 > 1.5 && y1 > 0.5 && y1 < 1.0, "{x1} {y1}");
    }

    #[test]
    fn decodes_quantised_arcs_and_stitches_rings() {
        let text = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
            "arcs":[[[0,0],[1,0],[0,1]],[[1,1],[-1,0],[0,-1]]],
            "objects":{"a":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","id":410,"arcs":[[0,1]],"properties":{"name":"x"}}]}}}"#;
        let topo: Topology = serde_json::from_str(text).unwrap();
        assert!(topo.check().is_empty(), "{:?}", topo.check());
        let f = &topo.features("a")[0];
        assert_eq!(f.id.as_deref(), Some("410"));
        assert_eq!(f.prop("name"), Some("x"));
        assert_eq!(
            f.polygons[0][0],
            vec![
                (10.0, 20.0),
                (11.0, 20.0),
                (11.0, 21.0),
                (10.0, 21.0),
                (10.0, 20.0)
            ]
        );
    }

    #[test]
    fn check_reports_bad_references_and_degenerate_rings_not_open_ones() {
        let text = r#"{"type":"Topology","arcs":[[[0,0],[1,0],[1,1]],[[0,0],[1,0]]],
            "objects":{"a":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0]]},{"type":"Polygon","arcs":[[5]]},
              {"type":"Polygon","arcs":[[1]]}]}}}"#;
        let topo: Topology = serde_json::from_str(text).unwrap();
        let problems = topo.check();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].1.contains("out of range"));
        assert!(problems[1].1.contains("fewer than three points"));
    }

    #[test]
    fn merging_two_squares_drops_the_shared_edge() {
        // Two unit squares side by side: a(0,0) b(1,0) c(2,0) d(2,1) e(1,1) f(0,1).
        // Arc 0: e-f-a-b, arc 1: b-e (the shared edge), arc 2: b-c-d-e.
        let (b, e) = ((1, 0), (1, 1));
        let ends = [(e, b), (b, e), (b, e)];
        let left = vec![0, 1];
        let right = vec![2, !1];
        let merged = merge_rings(&[left, right], &ends);
        assert_eq!(merged.len(), 1);
        let mut ring = merged[0].clone();
        ring.sort();
        assert_eq!(ring, vec![0, 2]);
    }

    #[test]
    fn a_ring_that_jumps_across_the_map_wraps() {
        assert!(wraps(&[(10, 5), (950, 6), (940, 20)], 480));
        assert!(!wraps(&[(10, 5), (300, 6), (600, 20)], 480));
        // A ring over the antimeridian (as Fiji's is) is left out; its neighbour stays.
        let view = Viewport::fit([-180.0, -60.0, 180.0, 80.0], 960.0, 500.0);
        let fiji = vec![vec![vec![
            (179.0, -16.0),
            (-179.5, -16.5),
            (-179.8, -17.0),
            (179.2, -17.2),
            (179.0, -16.0),
        ]]];
        let tonga = vec![vec![vec![
            (-175.0, -21.0),
            (-174.5, -21.0),
            (-174.5, -21.5),
            (-175.0, -21.5),
            (-175.0, -21.0),
        ]]];
        assert_eq!(svg_path(&fiji, &view), "");
        assert!(svg_path(&tonga, &view).starts_with('M'));
    }

    #[test]
    fn svg_path_is_compact_and_closed() {
        let view = Viewport {
            lambda0: 0.0,
            k: 100.0,
            dx: 0.0,
            dy: 0.0,
        };
        let square = vec![vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ]];
        let d = svg_path(&[square], &view);
        assert_eq!(d.matches('M').count(), 1, "{d}");
        assert!(d.starts_with("M0 0l"), "{d}");
        assert!(d.ends_with('Z'));
        // Four steps, each one side long, back to the start.
        let steps: Vec<f64> = d["M0 0l".len()..d.len() - 1]
            .replace('-', " -")
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(steps.len(), 8, "{d}");
        assert_eq!(steps.iter().step_by(2).sum::<f64>(), 0.0, "{d}");
        assert_eq!(steps.iter().skip(1).step_by(2).sum::<f64>(), 0.0, "{d}");
    }

    #[test]
    fn a_central_meridian_moves_the_region_to_the_middle() {
        let v = Viewport::fit_centred([124.0, 33.0, 131.0, 39.0], 800.0, 600.0, 127.5);
        let (x, _) = v.project(127.5, 36.0);
        assert!((x - 400.0).abs() < 1.0, "{x}");
        // Wrapping keeps longitudes within one turn of the central meridian.
        assert_eq!(rotate(-10.0, 170.0), -180.0);
        assert_eq!(rotate(170.0, -170.0), -20.0);
        assert_eq!(rotate(130.0, 127.5), 2.5);
    }

    #[test]
    fn fit_centres_the_box() {
        let v = Viewport::fit([120.0, 30.0, 135.0, 40.0], 800.0, 600.0);
        let (x, y) = v.project(127.5, 35.0);
        assert!(
            (x - 400.0).abs() < 20.0 && (y - 300.0).abs() < 20.0,
            "{x} {y}"
        );
    }

    #[test]
    fn simplify_keeps_ends_and_drops_collinear_points() {
        let line = vec![(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (3.0, 5.0)];
        assert_eq!(
            simplify(&line, 0.01),
            vec![(0.0, 0.0), (2.0, 0.0), (3.0, 5.0)]
        );
    }

    #[test]
    fn label_point_of_square_is_its_centre() {
        let sq = vec![vec![
            (0.0, 0.0),
            (2.0, 0.0),
            (2.0, 2.0),
            (0.0, 2.0),
            (0.0, 0.0),
        ]];
        let (x, y) = label_point(&[sq]).unwrap();
        assert!(close(x, 1.0) && close(y, 1.0));
    }

    #[test]
    fn other_geometry_kinds_are_read_and_ignored_and_open_rings_are_closed() {
        // A valid TopoJSON with a LineString, a MultiLineString and a Point beside a
        // Polygon whose ring is one open three-point arc.
        let text = r#"{"type":"Topology","arcs":[[[0,0],[10,0],[0,10]],[[0,0],[5,5]]],
          "objects":{"x":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","id":"tri","arcs":[[0]]},
            {"type":"LineString","id":"line","arcs":[1]},
            {"type":"MultiLineString","id":"lines","arcs":[[1],[0]]},
            {"type":"Point","id":"p","coordinates":[1,1]}]}}}"#;
        let topology: Topology = serde_json::from_str(text).expect("a LineString parses");
        let features = topology.features("x");
        assert_eq!(features.len(), 4);
        let tri = &features[0];
        assert_eq!(tri.polygons.len(), 1, "the triangle is kept");
        assert_eq!(
            tri.polygons[0][0],
            vec![(0.0, 0.0), (10.0, 0.0), (0.0, 10.0), (0.0, 0.0)]
        );
        assert!(
            features[1..].iter().all(|f| f.polygons.is_empty()),
            "lines and points are no areas"
        );
    }

    /// A viewport over a small box of the globe, about 100 units per degree, centred
    /// on it (meridians upright).
    fn small_view() -> Viewport {
        Viewport::fit_centred([126.0, 33.0, 130.0, 38.0], 400.0, 500.0, 128.0)
    }

    #[test]
    fn a_thinned_arc_keeps_its_ends_and_only_the_bends_that_show() {
        let view = small_view();
        // Two straight runs meeting at a bend well over the tolerance, with wobbles
        // far under it.
        let arc: Vec<Point> = (0..=20)
            .map(|i| {
                let lon = 127.0 + 0.01 * f64::from(i);
                let wobble = if i % 2 == 0 { 0.0 } else { 0.000_1 };
                let tent = 0.005 * f64::from(i.min(20 - i));
                (lon, 35.0 + wobble + tent)
            })
            .collect();
        let thin = thin_arc(&arc, &view, 0.3);
        assert_eq!(thin, vec![arc[0], arc[10], arc[20]]);
        // Nothing to leave out of two points; a tolerance of zero keeps every bend.
        assert_eq!(thin_arc(&arc[..2], &view, 0.3), arc[..2].to_vec());
        assert_eq!(thin_arc(&arc, &view, 0.0).len(), 21);
    }

    #[test]
    fn a_thinned_closed_arc_stays_a_shape() {
        let view = small_view();
        let island: Vec<Point> = vec![
            (127.0, 35.0),
            (127.001, 35.0),
            (127.001, 35.001),
            (127.0, 35.001),
            (127.0, 35.0),
        ];
        let thin = thin_arc(&island, &view, 5.0);
        assert_eq!(thin.len(), 4, "start, two corners, end: {thin:?}");
        assert_eq!(
            thin[2],
            (127.001, 35.001),
            "the corner farthest from the start"
        );
        assert!(stitch_ring(&[thin], &[0]).is_some(), "still a ring");
    }

    proptest::proptest! {
        /// Every point left out lies within the tolerance of the line kept, and the
        /// ends are kept: Douglas and Peucker's guarantee, in the viewport's units.
        #[test]
        fn every_point_left_out_is_within_the_tolerance(
            steps in proptest::collection::vec((-0.02f64..0.02, -0.02f64..0.02), 2..60),
            tolerance in 0.0f64..3.0,
        ) {
            let view = small_view();
            let mut arc = vec![(128.0, 35.5)];
            for (dx, dy) in steps {
                let (x, y) = *arc.last().unwrap();
                arc.push((x + dx, y + dy));
            }
            let thin = thin_arc(&arc, &view, tolerance);
            proptest::prop_assert_eq!(thin.first(), arc.first());
            proptest::prop_assert_eq!(thin.last(), arc.last());
            let screen = |p: &Point| view.project(p.0, p.1);
            let kept: Vec<Point> = thin.iter().map(screen).collect();
            for p in &arc {
                let near = kept
                    .windows(2)
                    .map(|w| off_segment(screen(p), w[0], w[1]))
                    .fold(f64::INFINITY, f64::min);
                proptest::prop_assert!(near <= tolerance + 1e-9, "{p:?} is {near} away");
            }
        }
    }
}
