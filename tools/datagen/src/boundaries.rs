//! Boundary packs: world countries (Natural Earth 110m and 50m) and Korea's provinces and
//! municipalities (KOSTAT 2018), simplified and re-quantised for the web, with cities
//! split into gu merged into one local government.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use sdg_core::geo::{
    self, arc_index, ArcRefs, Geometry, GeometryCollection, Point, Topology, Transform,
};

use crate::gazetteer::{korean_municipalities, KoreaShapes, World};
use crate::raw::Raw;

/// A simplified, quantised copy of a topology's arcs.
struct Arcs {
    /// Absolute integer coordinates per arc.
    ints: Vec<Vec<(i64, i64)>>,
    transform: Transform,
}

impl Arcs {
    /// Simplifies every arc (Douglas–Peucker, `tolerance` in degrees) and snaps it to a
    /// grid of `step` degrees. Closed arcs that would collapse keep their points.
    fn new(topo: &Topology, tolerance: f64, step: f64) -> Self {
        let decoded = topo.decoded_arcs();
        let (mut x0, mut y0) = (f64::MAX, f64::MAX);
        for p in decoded.iter().flatten() {
            x0 = x0.min(p.0);
            y0 = y0.min(p.1);
        }
        let snap = |p: &Point| {
            (
                ((p.0 - x0) / step).round() as i64,
                ((p.1 - y0) / step).round() as i64,
            )
        };
        let ints = decoded
            .iter()
            .map(|arc| {
                let closed = arc.len() > 2 && arc.first() == arc.last();
                let mut simplified = geo::simplify(arc, tolerance);
                if closed && simplified.len() < 4 {
                    simplified = arc.clone();
                }
                let mut pts: Vec<(i64, i64)> = simplified.iter().map(snap).collect();
                pts.dedup();
                if pts.len() < 2 {
                    pts.push(pts[0]);
                }
                pts
            })
            .collect();
        Arcs {
            ints,
            transform: Transform {
                scale: [step, step],
                translate: [x0, y0],
            },
        }
    }

    fn ends(&self) -> Vec<geo::ArcEnds> {
        self.ints
            .iter()
            .map(|a| (a[0], *a.last().expect("arcs keep two points")))
            .collect()
    }

    /// Whether a ring still encloses an area after snapping (four points or more).
    fn ring_ok(&self, ring: &[i64]) -> bool {
        let points: usize = ring
            .iter()
            .filter_map(|&r| self.ints.get(arc_index(r).0))
            .map(|a| a.len() - 1)
            .sum();
        points >= 3
    }

    /// Drops rings that collapsed to a line or a point (tiny islands at this grid);
    /// a polygon whose outer ring collapsed goes with it.
    fn drop_collapsed(&self, g: &mut Geometry) {
        let keep_poly = |poly: &mut Vec<Vec<i64>>| {
            if poly.first().is_none_or(|outer| !self.ring_ok(outer)) {
                return false;
            }
            poly.retain(|ring| self.ring_ok(ring));
            true
        };
        let keep = match &mut g.arcs {
            Some(ArcRefs::Polygon(rings)) => keep_poly(rings),
            Some(ArcRefs::MultiPolygon(polys)) => {
                polys.retain_mut(keep_poly);
                !polys.is_empty()
            }
            // Lines and anything else are no boundaries to draw.
            _ => false,
        };
        if !keep {
            g.arcs = None;
        }
    }

    /// The topology with these arcs (delta-encoded) and the given geometries.
    fn topology(&self, object: &str, mut geometries: Vec<Geometry>) -> Topology {
        for g in &mut geometries {
            self.drop_collapsed(g);
        }
        geometries.retain(|g| g.arcs.is_some());
        let arcs = self
            .ints
            .iter()
            .map(|a| {
                let mut prev = (0, 0);
                a.iter()
                    .map(|&(x, y)| {
                        let d = [(x - prev.0) as f64, (y - prev.1) as f64];
                        prev = (x, y);
                        d
                    })
                    .collect()
            })
            .collect();
        let mut objects = BTreeMap::new();
        objects.insert(
            object.to_string(),
            GeometryCollection {
                kind: "GeometryCollection".into(),
                geometries,
            },
        );
        let mut topo = Topology {
            kind: "Topology".into(),
            transform: Some(self.transform.clone()),
            arcs,
            objects,
        };
        prune_unused_arcs(&mut topo);
        topo
    }
}

/// Drops arcs no geometry uses (left behind by merged inner borders) and renumbers.
fn prune_unused_arcs(topo: &mut Topology) {
    let mut used = vec![false; topo.arcs.len()];
    for coll in topo.objects.values() {
        for g in &coll.geometries {
            for r in g.polygons().into_iter().flatten().flatten() {
                used[arc_index(*r).0] = true;
            }
        }
    }
    let mut new_index = vec![0i64; used.len()];
    let mut next = 0;
    for (i, u) in used.iter().enumerate() {
        if *u {
            new_index[i] = next;
            next += 1;
        }
    }
    let remap = |r: &mut i64| {
        let (i, rev) = arc_index(*r);
        *r = if rev { !new_index[i] } else { new_index[i] };
    };
    for coll in topo.objects.values_mut() {
        for g in &mut coll.geometries {
            match &mut g.arcs {
                Some(ArcRefs::Polygon(rings)) => rings.iter_mut().flatten().for_each(remap),
                Some(ArcRefs::MultiPolygon(polys)) => {
                    polys.iter_mut().flatten().flatten().for_each(remap)
                }
                Some(ArcRefs::Line(arcs)) => arcs.iter_mut().for_each(remap),
                Some(ArcRefs::Other(_)) | None => {}
            }
        }
    }
    let arcs = std::mem::take(&mut topo.arcs);
    topo.arcs = arcs
        .into_iter()
        .zip(used)
        .filter_map(|(a, u)| u.then_some(a))
        .collect();
}

fn props(pairs: &[(&str, &str)]) -> BTreeMap<String, Value> {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
        .collect()
}

/// World countries: ids become ISO3 where the numeric code is known.
pub fn world(
    raw: &Raw,
    world: &World,
    file: &str,
    tolerance: f64,
    step: f64,
) -> Result<Topology, String> {
    let topo: Topology = raw.json(&format!("natural-earth-world-atlas/{file}"))?;
    let by_numeric: HashMap<String, &str> = world
        .countries
        .values()
        .filter_map(|c| {
            Some((
                c.numeric.clone()?.trim_start_matches('0').to_string(),
                c.iso3.as_str(),
            ))
        })
        .collect();
    let arcs = Arcs::new(&topo, tolerance, step);
    let geometries = topo
        .objects
        .get("countries")
        .ok_or("no `countries` object")?
        .geometries
        .iter()
        .filter(|g| g.arcs.is_some())
        .map(|g| {
            let numeric =
                g.id.as_deref()
                    .unwrap_or("")
                    .trim_start_matches('0')
                    .to_string();
            let name = g
                .properties
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("");
            Geometry {
                kind: g.kind.clone(),
                id: by_numeric.get(&numeric).map(|s| s.to_string()),
                properties: props(&[("name", name)]),
                arcs: g.arcs.clone(),
            }
        })
        .collect();
    Ok(arcs.topology("countries", geometries))
}

/// Korea's 17 provinces and metropolitan cities.
pub fn korea_provinces(shapes: &KoreaShapes, tolerance: f64, step: f64) -> Topology {
    let topo = &shapes.provinces;
    let arcs = Arcs::new(topo, tolerance, step);
    let geometries = topo
        .objects
        .values()
        .flat_map(|c| &c.geometries)
        .map(|g| {
            let code = g
                .properties
                .get("code")
                .and_then(Value::as_str)
                .unwrap_or("");
            Geometry {
                kind: g.kind.clone(),
                id: Some(format!("kr-{code}")),
                properties: BTreeMap::new(),
                arcs: g.arcs.clone(),
            }
        })
        .collect();
    arcs.topology("provinces", geometries)
}

/// Korea's municipalities, split cities merged (Suwon's four gu -> `kr-31010`).
pub fn korea_municipalities(shapes: &KoreaShapes, tolerance: f64, step: f64) -> Topology {
    let topo = &shapes.municipalities;
    let arcs = Arcs::new(topo, tolerance, step);
    let ends = arcs.ends();
    let by_code: HashMap<&str, &Geometry> = topo
        .objects
        .values()
        .flat_map(|c| &c.geometries)
        .filter_map(|g| Some((g.properties.get("code")?.as_str()?, g)))
        .collect();
    let geometries = korean_municipalities(topo)
        .into_iter()
        .map(|group| {
            let members: Vec<&Geometry> = group
                .members
                .iter()
                .filter_map(|m| by_code.get(m.as_str()).copied())
                .collect();
            let arcs_refs = if members.len() == 1 {
                members[0].arcs.clone()
            } else {
                let rings: Vec<Vec<i64>> = members
                    .iter()
                    .flat_map(|g| g.polygons())
                    .flat_map(|p| p.iter().cloned())
                    .collect();
                let merged = geo::merge_rings(&rings, &ends);
                Some(ArcRefs::MultiPolygon(
                    merged.into_iter().map(|r| vec![r]).collect(),
                ))
            };
            Geometry {
                kind: Some(if members.len() == 1 {
                    members[0].kind.clone().unwrap_or_default()
                } else {
                    "MultiPolygon".into()
                }),
                id: Some(format!("kr-{}", group.code)),
                properties: BTreeMap::new(),
                arcs: arcs_refs,
            }
        })
        .collect();
    arcs.topology("municipalities", geometries)
}
