//! A chart's shapes as SVG elements: the one description that the page's charts
//! (built as DOM nodes, text set as text) and the downloaded SVG document (written out,
//! escaped) are both made from.

use super::marks::Mark;
use super::{paint, points_attr, rect_box, text_rotation, Shape};
use crate::node::Node;

/// `fill` (and `stroke` for an outline) from [`paint`].
fn painted(e: Node, color: &str, fill: bool) -> Node {
    match paint(color, fill) {
        (f, Some(stroke)) => e.attr("fill", f).attr("stroke", stroke),
        (f, None) => e.attr("fill", f),
    }
}

/// The element that draws one recorded shape.
pub fn shape_element(shape: &Shape) -> Node {
    match shape {
        Shape::Line {
            points,
            color,
            width,
        } => Node::element("polyline")
            .attr("fill", "none")
            .attr("stroke", color)
            .attr("stroke-width", width)
            .attr("points", points_attr(points)),
        Shape::Rect {
            from,
            to,
            color,
            fill,
        } => {
            let (x, y, w, h) = rect_box(*from, *to);
            let rect = Node::element("rect")
                .attr("x", x)
                .attr("y", y)
                .attr("width", w)
                .attr("height", h);
            painted(rect, color, *fill)
        }
        Shape::Circle {
            center,
            radius,
            color,
            fill,
        } => {
            let circle = Node::element("circle")
                .attr("cx", center.0)
                .attr("cy", center.1)
                .attr("r", radius);
            painted(circle, color, *fill)
        }
        Shape::Text {
            at,
            text,
            size,
            anchor,
            color,
            vertical,
        } => {
            let mut e = Node::element("text")
                .attr("x", at.0)
                .attr("y", at.1)
                .attr("font-size", size)
                .attr("text-anchor", anchor)
                .attr("fill", color);
            if let Some(turn) = text_rotation(*at, *vertical) {
                e = e.attr("transform", turn);
            }
            e.with_text(text.as_str())
        }
    }
}

/// The element that draws one of the page's marks (a run of alike circles is one
/// path).
pub fn mark_element(mark: &Mark<'_>) -> Node {
    match mark {
        Mark::Single(shape) => shape_element(shape),
        Mark::Dots { d, color, fill, .. } => {
            let path = Node::element("path")
                .attr("class", "chart-dots")
                .attr("d", d);
            painted(path, color, *fill)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_in_the_document_and_kept_as_words_in_the_element() {
        let shape = Shape::Text {
            at: (5, 9),
            text: "<b>&\"x\"".into(),
            size: 12.0,
            anchor: "end",
            color: "#444444".into(),
            vertical: true,
        };
        let e = shape_element(&shape);
        assert_eq!(e.text_content(), "<b>&\"x\"", "the DOM gets the words");
        let mut out = String::new();
        e.write_xml(&mut out);
        assert_eq!(
            out,
            "<text x=\"5\" y=\"9\" font-size=\"12\" text-anchor=\"end\" fill=\"#444444\" transform=\"rotate(-90 5 9)\">&lt;b&gt;&amp;&quot;x&quot;</text>"
        );
    }

    #[test]
    fn outlines_have_a_stroke_and_filled_shapes_none() {
        let ring = Shape::Circle {
            center: (1, 2),
            radius: 3,
            color: "#ff0000".into(),
            fill: false,
        };
        let dot = Shape::Circle {
            center: (1, 2),
            radius: 3,
            color: "#ff0000".into(),
            fill: true,
        };
        let mut out = String::new();
        shape_element(&ring).write_xml(&mut out);
        shape_element(&dot).write_xml(&mut out);
        assert_eq!(
            out,
            "<circle cx=\"1\" cy=\"2\" r=\"3\" fill=\"none\" stroke=\"#ff0000\"/><circle cx=\"1\" cy=\"2\" r=\"3\" fill=\"#ff0000\"/>"
        );
    }
}
