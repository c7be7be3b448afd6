//! A chart's shapes as SVG elements: the one description that the page's charts
//! (built as DOM nodes, text set as text) and the downloaded SVG document (written out,
//! escaped) are both made from.

use std::fmt::Write as _;

use super::marks::Mark;
use super::{escape_xml, paint, points_attr, rect_box, text_rotation, Shape};

/// One SVG element: its tag, its attributes in writing order, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SvgElement {
    /// `polyline`, `rect`, `circle`, `text` or `path`.
    pub tag: &'static str,
    /// Attribute names and values, unescaped.
    pub attrs: Vec<(&'static str, String)>,
    /// A text element's words, unescaped (never markup).
    pub text: Option<String>,
}

impl SvgElement {
    fn new(tag: &'static str) -> Self {
        Self {
            tag,
            attrs: Vec::new(),
            text: None,
        }
    }

    fn attr(mut self, name: &'static str, value: impl ToString) -> Self {
        self.attrs.push((name, value.to_string()));
        self
    }

    /// `fill` (and `stroke` for an outline) from [`paint`].
    fn painted(self, color: &str, fill: bool) -> Self {
        match paint(color, fill) {
            (f, Some(stroke)) => self.attr("fill", f).attr("stroke", stroke),
            (f, None) => self.attr("fill", f),
        }
    }

    /// Appends the element as XML, every value and text escaped.
    pub fn write(&self, out: &mut String) {
        let _ = write!(out, "<{}", self.tag);
        for (name, value) in &self.attrs {
            let _ = write!(out, " {name}=\"{}\"", escape_xml(value));
        }
        match &self.text {
            Some(text) => {
                let _ = write!(out, ">{}</{}>", escape_xml(text), self.tag);
            }
            None => out.push_str("/>"),
        }
    }
}

/// The element that draws one recorded shape.
pub fn shape_element(shape: &Shape) -> SvgElement {
    match shape {
        Shape::Line {
            points,
            color,
            width,
        } => SvgElement::new("polyline")
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
            SvgElement::new("rect")
                .attr("x", x)
                .attr("y", y)
                .attr("width", w)
                .attr("height", h)
                .painted(color, *fill)
        }
        Shape::Circle {
            center,
            radius,
            color,
            fill,
        } => SvgElement::new("circle")
            .attr("cx", center.0)
            .attr("cy", center.1)
            .attr("r", radius)
            .painted(color, *fill),
        Shape::Text {
            at,
            text,
            size,
            anchor,
            color,
            vertical,
        } => {
            let mut e = SvgElement::new("text")
                .attr("x", at.0)
                .attr("y", at.1)
                .attr("font-size", size)
                .attr("text-anchor", anchor)
                .attr("fill", color);
            if let Some(turn) = text_rotation(*at, *vertical) {
                e = e.attr("transform", turn);
            }
            e.text = Some(text.clone());
            e
        }
    }
}

/// The element that draws one of the page's marks (a run of alike circles is one
/// path).
pub fn mark_element(mark: &Mark<'_>) -> SvgElement {
    match mark {
        Mark::Single(shape) => shape_element(shape),
        Mark::Dots { d, color, fill, .. } => SvgElement::new("path")
            .attr("class", "chart-dots")
            .attr("d", d)
            .painted(color, *fill),
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
        assert_eq!(
            e.text.as_deref(),
            Some("<b>&\"x\""),
            "the DOM gets the words"
        );
        let mut out = String::new();
        e.write(&mut out);
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
        shape_element(&ring).write(&mut out);
        shape_element(&dot).write(&mut out);
        assert_eq!(
            out,
            "<circle cx=\"1\" cy=\"2\" r=\"3\" fill=\"none\" stroke=\"#ff0000\"/><circle cx=\"1\" cy=\"2\" r=\"3\" fill=\"#ff0000\"/>"
        );
    }
}
