//! Drawing a chart laid out by the core (plotters' shapes) as SVG elements: shared by
//! the chart view and the city report.

use leptos::prelude::*;

use sdg_core::chart::marks::{marks, Mark};
use sdg_core::chart::{paint, points_attr, rect_box, text_rotation, Plot, Shape};

/// A plot's shapes as SVG elements, in order (runs of alike circles as one path).
pub fn render_shapes(shapes: &[Shape]) -> impl IntoView {
    marks(shapes)
        .into_iter()
        .map(|mark| match mark {
            Mark::Single(shape) => render_shape(shape),
            Mark::Dots { d, color, fill, .. } => {
                let (fill, stroke) = paint(color, fill);
                view! { <path class="chart-dots" d=d fill=fill stroke=stroke></path> }.into_any()
            }
        })
        .collect_view()
}

/// A recorded shape as an SVG element; text is a text node, never markup.
fn render_shape(shape: &Shape) -> AnyView {
    match shape.clone() {
        Shape::Line { points, color, width } => {
            view! { <polyline points=points_attr(&points) fill="none" stroke=color stroke-width=width></polyline> }.into_any()
        }
        Shape::Rect { from, to, color, fill } => {
            let (x, y, w, h) = rect_box(from, to);
            let (fill, stroke) = paint(&color, fill);
            view! { <rect x=x y=y width=w height=h fill=fill stroke=stroke></rect> }.into_any()
        }
        Shape::Circle { center, radius, color, fill } => {
            let (fill, stroke) = paint(&color, fill);
            view! { <circle cx=center.0 cy=center.1 r=radius fill=fill stroke=stroke></circle> }.into_any()
        }
        Shape::Text { at, text, size, anchor, color, vertical } => {
            view! {
                <text x=at.0 y=at.1 font-size=size text-anchor=anchor fill=color transform=text_rotation(at, vertical) class="chart-text">{text}</text>
            }
            .into_any()
        }
    }
}

/// A laid-out chart as a small, static SVG (no interaction): the report's charts.
#[component]
pub fn StaticPlot(plot: Plot, label: String) -> impl IntoView {
    let (w, h) = (plot.width, plot.height);
    view! {
        <svg class="static-plot" width=w height=h viewBox=format!("0 0 {w} {h}") role="img" aria-label=label>
            {render_shapes(&plot.shapes)}
        </svg>
    }
}
