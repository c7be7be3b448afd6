//! Parts of a page that never change once drawn, built as plain DOM nodes rather than
//! Leptos views: under `erase_components` every view element carries a marker comment
//! and holds JS handles while it lives, which long lists of alike items multiply
//! (measured on Seoul's report: its 62 actions were 806 nodes, 310 of them comments).
//! Text is always set as text, never parsed as markup. What to draw is described by the
//! core ([`sdg_core::node::Node`]), where native tests reach it.

use leptos::prelude::*;
use sdg_core::node::Node;

/// The SVG namespace, for [`draw`] into an `<svg>`.
pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Draws `nodes` into `parent` in place of what it held, elements in `namespace` (an
/// HTML element when `None`). In place: a view rebuilt with the same markup keeps its
/// elements, so a parent drawn again may still hold the last drawing.
pub fn draw(parent: &web_sys::Element, namespace: Option<&str>, nodes: &[Node]) {
    let document = document();
    let fragment = document.create_document_fragment();
    for node in nodes {
        if let Some(built) = build(&document, namespace, node) {
            let _ = fragment.append_child(&built);
        }
    }
    parent.set_text_content(None);
    let _ = parent.append_child(&fragment);
}

fn build(
    document: &web_sys::Document,
    namespace: Option<&str>,
    node: &Node,
) -> Option<web_sys::Node> {
    match node {
        Node::Text(text) => Some(document.create_text_node(text).into()),
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            let element = match namespace {
                Some(ns) => document.create_element_ns(Some(ns), tag),
                None => document.create_element(tag),
            }
            .ok()?;
            for (name, value) in attrs {
                let _ = element.set_attribute(name, value);
            }
            for child in children {
                if let Some(built) = build(document, namespace, child) {
                    let _ = element.append_child(&built);
                }
            }
            Some(element.into())
        }
    }
}

/// A list whose items never change once drawn, drawn as plain nodes (each item one
/// `<li>` element of `items`).
#[component]
pub fn PlainList(
    /// The list's class.
    class: &'static str,
    /// The items.
    items: Vec<Node>,
) -> impl IntoView {
    let list = NodeRef::<leptos::html::Ul>::new();
    list.on_load(move |ul| draw(&ul, None, &items));
    view! { <ul class=class node_ref=list></ul> }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{mount, settle};

    /// `n` items, each with words that look like markup.
    fn items(n: usize) -> Vec<Node> {
        (0..n)
            .map(|i| {
                Node::element("li")
                    .child(
                        Node::element("strong")
                            .attr("class", "t")
                            .with_text(format!("<b>{i}</b>")),
                    )
                    .with_text(" tail")
            })
            .collect()
    }

    #[wasm_bindgen_test]
    async fn a_list_drawn_again_holds_only_its_new_items_as_text_without_markers() {
        let n = RwSignal::new(3);
        let m = mount("", move || {
            view! { <div>{move || view! { <PlainList class="things" items=items(n.get()) /> }}</div> }
        })
        .await;
        assert_eq!(m.count("ul.things > li"), 3);
        assert_eq!(m.count("ul.things b"), 0, "the words are text, not markup");
        let first: web_sys::Element = m.find("ul.things > li > strong.t");
        assert_eq!(first.text_content().as_deref(), Some("<b>0</b>"));
        let list: web_sys::Element = m.find("ul.things");
        assert_eq!(
            list.child_nodes().length(),
            3,
            "no marker comment: {}",
            list.inner_html()
        );
        assert_eq!(
            list.text_content().as_deref(),
            Some("<b>0</b> tail<b>1</b> tail<b>2</b> tail")
        );

        n.set(2);
        settle().await;
        assert_eq!(m.count("ul.things"), 1);
        assert_eq!(
            m.count("ul.things > li"),
            2,
            "the last drawing is gone: {}",
            m.root.inner_html()
        );
        m.finish().await;
    }
}
