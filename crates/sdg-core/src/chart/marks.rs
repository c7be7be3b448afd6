//! What the page draws for a laid-out chart: its shapes in order, with each run of
//! circles of one paint drawn as one path.
//!
//! A scatter of every city is some 1,800 circles. As elements, each one costs the
//! browser an element to create and style, and the app a handle per element and per
//! attribute while the view lives: opening the chart view held about 30,000 JS
//! handles at once, which grew wasm-bindgen's handle table (it never shrinks) by half a
//! megabyte of the page's heap. The pointer never needed them: it finds its point in
//! the plot ([`super::nearest`]). The downloadable SVG ([`super::to_svg`]) keeps one
//! element per circle, as any editor expects.

use super::Shape;
use crate::svg::push_command;

/// One thing drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark<'a> {
    /// A shape drawn as its own element.
    Single(&'a Shape),
    /// Consecutive circles of one colour, fill and radius, as one path.
    Dots {
        /// Path data: each circle as two half-circle arcs.
        d: String,
        /// `#rrggbb`.
        color: &'a str,
        /// Filled or outlined.
        fill: bool,
        /// Radius of each circle.
        radius: u32,
        /// How many circles.
        count: usize,
    },
}

/// The shapes in drawing order, each run of circles with the same colour, fill and
/// radius merged into one [`Mark::Dots`]. Only neighbours merge, so whatever was drawn
/// over something still is.
pub fn marks(shapes: &[Shape]) -> Vec<Mark<'_>> {
    let mut out: Vec<Mark<'_>> = Vec::new();
    for shape in shapes {
        let Shape::Circle {
            center,
            radius,
            color,
            fill,
        } = shape
        else {
            out.push(Mark::Single(shape));
            continue;
        };
        let extends = matches!(
            out.last(),
            Some(Mark::Dots { color: c, fill: f, radius: r, .. }) if r == radius && *c == color.as_str() && f == fill
        );
        if !extends {
            out.push(Mark::Dots {
                d: String::new(),
                color,
                fill: *fill,
                radius: *radius,
                count: 0,
            });
        }
        if let Some(Mark::Dots { d, count, .. }) = out.last_mut() {
            push_circle(d, *center, *radius);
            *count += 1;
        }
    }
    out
}

/// A circle as path data: from its left end, two half-circle arcs.
fn push_circle(d: &mut String, (x, y): (i32, i32), r: u32) {
    let (x, y, r) = (f64::from(x), f64::from(y), f64::from(r));
    push_command(d, 'M', &[x - r, y]);
    push_command(d, 'a', &[r, r, 0.0, 1.0, 0.0, 2.0 * r, 0.0]);
    push_command(d, 'a', &[r, r, 0.0, 1.0, 0.0, -2.0 * r, 0.0]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn circle(x: i32, color: &str, radius: u32, fill: bool) -> Shape {
        Shape::Circle {
            center: (x, 10),
            radius,
            color: color.into(),
            fill,
        }
    }

    fn line() -> Shape {
        Shape::Line {
            points: vec![(0, 0), (5, 5)],
            color: "#000000".into(),
            width: 1,
        }
    }

    #[test]
    fn a_run_of_alike_circles_is_one_path_and_order_is_kept() {
        let shapes = vec![
            line(),
            circle(1, "#0072b2", 4, true),
            circle(2, "#0072b2", 4, true),
            circle(3, "#d55e00", 4, true),
            circle(4, "#d55e00", 3, true),
            circle(5, "#d55e00", 3, false),
            line(),
            circle(6, "#0072b2", 4, true),
        ];
        let drawn = marks(&shapes);
        let summary: Vec<String> = drawn
            .iter()
            .map(|m| match m {
                Mark::Single(Shape::Line { .. }) => "line".to_string(),
                Mark::Single(_) => "other".to_string(),
                Mark::Dots {
                    color, fill, count, ..
                } => format!("{count} {color} {fill}"),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "line",
                "2 #0072b2 true",
                "1 #d55e00 true",
                "1 #d55e00 true",
                "1 #d55e00 false",
                "line",
                "1 #0072b2 true"
            ]
        );
        let Mark::Dots { d, .. } = &drawn[1] else {
            panic!("dots expected: {drawn:?}")
        };
        assert_eq!(
            d,
            "M-3 10a4 4 0 1 0 8 0a4 4 0 1 0 -8 0M-2 10a4 4 0 1 0 8 0a4 4 0 1 0 -8 0"
        );
    }

    #[test]
    fn every_shape_is_drawn_once_whatever_the_mix() {
        let mut random = crate::fixtures::Xorshift(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: u64| random.below(n);
        for _ in 0..300 {
            let shapes: Vec<Shape> = (0..next(30))
                .map(|i| match next(4) {
                    0 => line(),
                    k => circle(
                        i as i32,
                        ["#111111", "#222222"][k as usize % 2],
                        2 + k as u32 % 2,
                        k != 3,
                    ),
                })
                .collect();
            let drawn = marks(&shapes);
            let circles = shapes
                .iter()
                .filter(|s| matches!(s, Shape::Circle { .. }))
                .count();
            let dots: usize = drawn
                .iter()
                .map(|m| match m {
                    Mark::Dots { d, count, .. } => {
                        assert_eq!(d.matches('M').count(), *count, "one subpath per circle");
                        *count
                    }
                    Mark::Single(_) => 0,
                })
                .sum();
            assert_eq!(dots, circles);
            let singles: Vec<&Shape> = drawn
                .iter()
                .filter_map(|m| match m {
                    Mark::Single(s) => Some(*s),
                    Mark::Dots { .. } => None,
                })
                .collect();
            let others: Vec<&Shape> = shapes
                .iter()
                .filter(|s| !matches!(s, Shape::Circle { .. }))
                .collect();
            assert_eq!(singles, others);
            // Neighbouring dot marks always differ (else they would have merged).
            for w in drawn.windows(2) {
                if let [Mark::Dots {
                    color: a,
                    fill: fa,
                    radius: ra,
                    ..
                }, Mark::Dots {
                    color: b,
                    fill: fb,
                    radius: rb,
                    ..
                }] = w
                {
                    assert!(a != b || fa != fb || ra != rb, "{w:?}");
                }
            }
        }
    }
}
