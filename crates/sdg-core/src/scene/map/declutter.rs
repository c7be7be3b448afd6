//! Symbol sizes and decluttering, so that thousands of cities stay legible.

/// Symbol radius in pixels for a population: area grows with population, from 2.5 px
/// (or 3 px when unknown) up to 14 px.
pub fn symbol_radius(population: Option<u64>) -> f64 {
    match population {
        Some(p) => (2.5 + (p as f64 / 1e6).sqrt() * 2.6).min(14.0),
        None => 3.0,
    }
}

/// Greedy decluttering: walks the points in priority order (highest first) and keeps a
/// point only if it does not overlap one already kept (centres closer than the sum of
/// radii times `overlap`). Returns kept indices in priority order. Points with
/// non-finite coordinates are skipped.
///
/// Kept points are filed in a dense grid over the points' bounds, with cells as wide as
/// the largest possible clash distance, so a point is checked only against the kept
/// points of its own and the eight neighbouring cells. The grid is a flat array of
/// list heads with the lists threaded through the points (no allocation per cell, no
/// hashing: this runs on every filter change, over every city in the frame).
pub fn declutter(points: &[(f64, f64, f64)], priority: &[f64], overlap: f64) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    // Highest priority first, ties to the lower index: sorting plain integer pairs (the
    // priority's bits in `total_cmp` order, inverted) is several times faster than
    // comparing through the slices.
    let mut keyed: Vec<(u64, usize)> = (0..points.len())
        .filter(|&i| points[i].0.is_finite() && points[i].1.is_finite())
        .map(|i| {
            (
                !total_order_bits(priority.get(i).copied().unwrap_or(0.0)),
                i,
            )
        })
        .collect();
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    if order.is_empty() {
        return order;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &i in &order {
        let (x, y, _) = points[i];
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let max_r = points.iter().map(|p| p.2).fold(1.0_f64, f64::max);
    // At most about four cells per point: wider cells only cost more comparisons,
    // never a missed clash.
    let span = (x1 - x0).max(y1 - y0);
    let cell = (2.0 * max_r * overlap)
        .max(span / (2.0 * (order.len() as f64).sqrt() + 1.0))
        .max(1.0);
    let columns = ((x1 - x0) / cell) as usize + 1;
    let rows = ((y1 - y0) / cell) as usize + 1;
    let cell_of = |x: f64, y: f64| (((x - x0) / cell) as usize, ((y - y0) / cell) as usize);
    let mut head = vec![NONE; columns * rows];
    let mut next = vec![NONE; points.len()];
    let mut kept = Vec::new();
    for i in order {
        let (cx, cy) = cell_of(points[i].0, points[i].1);
        let mut clash = false;
        'cells: for gy in cy.saturating_sub(1)..=(cy + 1).min(rows - 1) {
            for gx in cx.saturating_sub(1)..=(cx + 1).min(columns - 1) {
                let mut j = head[gy * columns + gx];
                while j != NONE {
                    if overlaps(points[i], points[j], overlap) {
                        clash = true;
                        break 'cells;
                    }
                    j = next[j];
                }
            }
        }
        if !clash {
            let at = cy * columns + cx;
            next[i] = head[at];
            head[at] = i;
            kept.push(i);
        }
    }
    kept
}

/// The bits of `v` as an integer that orders like [`f64::total_cmp`].
fn total_order_bits(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// Whether two circles overlap by `overlap`: their centres are closer than the sum of
/// their radii times `overlap` (squared distances: `hypot` was a quarter of the time
/// of placing the map's symbols).
fn overlaps(a: (f64, f64, f64), b: (f64, f64, f64), overlap: f64) -> bool {
    let (dx, dy, reach) = (a.0 - b.0, a.1 - b.1, (a.2 + b.2) * overlap);
    dx * dx + dy * dy < reach * reach
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declutter_keeps_the_most_important_of_overlapping_points() {
        let pts = [
            (0.0, 0.0, 5.0),
            (3.0, 0.0, 5.0),
            (50.0, 0.0, 5.0),
            (f64::NAN, 0.0, 1.0),
        ];
        let kept = declutter(&pts, &[1.0, 9.0, 1.0, 5.0], 1.0);
        assert_eq!(kept, vec![1, 2]);
        // Far apart: everything stays.
        let spread: Vec<(f64, f64, f64)> = (0..100).map(|i| (i as f64 * 20.0, 0.0, 3.0)).collect();
        assert_eq!(declutter(&spread, &[], 1.0).len(), 100);
    }

    /// The greedy rule itself, checked against every kept point.
    fn declutter_by_brute_force(
        points: &[(f64, f64, f64)],
        priority: &[f64],
        overlap: f64,
    ) -> Vec<usize> {
        let mut order: Vec<usize> = (0..points.len())
            .filter(|&i| points[i].0.is_finite() && points[i].1.is_finite())
            .collect();
        order.sort_by(|&a, &b| priority[b].total_cmp(&priority[a]).then(a.cmp(&b)));
        let mut kept: Vec<usize> = Vec::new();
        for i in order {
            let (x, y, r) = points[i];
            let clash = kept.iter().any(|&j| {
                let (x2, y2, r2) = points[j];
                (x - x2).hypot(y - y2) < (r + r2) * overlap
            });
            if !clash {
                kept.push(i);
            }
        }
        kept
    }

    #[test]
    fn priority_bits_order_like_total_cmp() {
        let values = [
            f64::NEG_INFINITY,
            -1e9,
            -1.5,
            -0.0,
            0.0,
            1e-300,
            2.0,
            3e6,
            f64::INFINITY,
            f64::NAN,
        ];
        for a in values {
            for b in values {
                assert_eq!(
                    total_order_bits(a).cmp(&total_order_bits(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn the_grid_keeps_what_checking_every_pair_keeps() {
        // A small deterministic generator: clusters, spread points, big and tiny
        // radii, a far outlier and a non-finite point.
        let mut random = crate::fixtures::Xorshift(0x9e37_79b9_7f4a_7c15);
        let mut next = move || random.unit();
        for case in 0..40 {
            let n = 50 + case * 37;
            let spread = if case % 3 == 0 { 50.0 } else { 1000.0 };
            let mut points: Vec<(f64, f64, f64)> = (0..n)
                .map(|_| (next() * spread, next() * spread * 0.6, 0.5 + next() * 14.0))
                .collect();
            points.push((1e6, -1e6, 3.0));
            points.push((f64::NAN, 1.0, 3.0));
            let priority: Vec<f64> = points.iter().map(|_| (next() * 10.0).floor()).collect();
            for overlap in [0.5, 0.9, 1.0] {
                assert_eq!(
                    declutter(&points, &priority, overlap),
                    declutter_by_brute_force(&points, &priority, overlap),
                    "case {case}, overlap {overlap}"
                );
            }
        }
        assert!(declutter(&[], &[], 1.0).is_empty());
        assert!(declutter(&[(f64::NAN, 0.0, 1.0)], &[1.0], 1.0).is_empty());
    }

    #[test]
    fn symbols_grow_with_population_and_are_capped() {
        assert_eq!(symbol_radius(None), 3.0);
        assert!(symbol_radius(Some(1_000_000)) > symbol_radius(Some(100_000)));
        assert_eq!(symbol_radius(Some(40_000_000)), 14.0);
    }
}
