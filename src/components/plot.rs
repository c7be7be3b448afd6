//! Drawing a chart laid out by the core as SVG: shared by the chart view and the city
//! report.
//!
//! The shapes are built as plain DOM nodes ([`crate::components::plain`]) from the
//! core's element descriptions ([`sdg_core::chart::elements`], as [`sdg_core::node::Node`]), not as Leptos views:
//! they never change once drawn (a new layout draws them again). Measured on Seoul's
//! report: 20 charts, about 1,300 of the view's 3,500 nodes as views, nearly half of
//! them marker comments.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use sdg_core::chart::elements::mark_element;
use sdg_core::chart::marks::marks;
use sdg_core::chart::{Plot, Shape};

use crate::components::plain::{draw, SVG_NS};

/// A plot's shapes, in order (runs of alike circles as one path), drawn into a `<g>`.
pub fn render_shapes(shapes: &[Shape]) -> impl IntoView {
    let group = NodeRef::<leptos::svg::G>::new();
    let nodes: Vec<_> = marks(shapes).iter().map(mark_element).collect();
    group.on_load(move |g| draw(g.unchecked_ref(), Some(SVG_NS), &nodes));
    view! { <g class="shapes" node_ref=group></g> }
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

#[cfg(test)]
mod tests {
    use sdg_core::chart::elements::shape_element;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{mount, settle};

    /// A plot of `n` labelled ticks, one with words that look like markup.
    fn ticks(n: i32) -> Plot {
        let shapes = (0..n)
            .flat_map(|i| {
                [
                    Shape::Line {
                        points: vec![(i, 0), (i, 5)],
                        color: "#000000".into(),
                        width: 1,
                    },
                    Shape::Text {
                        at: (i, 9),
                        text: format!("<b>{i}</b>"),
                        size: 12.0,
                        anchor: "middle",
                        color: "#444444".into(),
                        vertical: false,
                    },
                ]
            })
            .collect();
        Plot {
            shapes,
            points: Vec::new(),
            marks: Vec::new(),
            width: 100,
            height: 20,
        }
    }

    #[wasm_bindgen_test]
    async fn a_plot_drawn_again_holds_only_its_new_shapes_as_text() {
        let plot = RwSignal::new(ticks(3));
        let m = mount("", move || {
            view! { <div>{move || view! { <StaticPlot plot=plot.get() label="ticks".to_string() /> }}</div> }
        })
        .await;
        assert_eq!(m.count("svg g.shapes > *"), 6);
        assert_eq!(m.count("svg b"), 0, "the words are text, not markup");
        let first: web_sys::Element = m.find("svg g.shapes > text");
        assert_eq!(first.text_content().as_deref(), Some("<b>0</b>"));
        let sdg_core::node::Node::Element { attrs, .. } = shape_element(&ticks(1).shapes[1]) else {
            panic!("a text shape is an element");
        };
        for (name, value) in &attrs {
            assert_eq!(first.get_attribute(name).as_ref(), Some(value), "{name}");
        }

        plot.set(ticks(2));
        settle().await;
        assert_eq!(m.count("svg"), 1);
        assert_eq!(
            m.count("svg g.shapes > *"),
            4,
            "the last drawing is gone: {}",
            m.root.inner_html()
        );
        m.finish().await;
    }
}
