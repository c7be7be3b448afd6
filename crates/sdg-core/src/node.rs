//! Parts of a page that never change once drawn, described as plain data: an element
//! (tag, attributes in order, children) or text.
//!
//! One description serves two writers: the app builds it as DOM nodes (text set as
//! text), and [`Node::write_xml`] writes it out escaped (a downloaded chart). Keeping
//! the description here lets a native test check what a report line or a chart shape
//! holds without a browser.

use std::fmt::Write as _;

/// An element or a text node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element: its tag, its attributes (unescaped, in writing order), its children.
    Element {
        /// The tag, e.g. `li` or `circle`.
        tag: &'static str,
        /// Attribute names and values, unescaped.
        attrs: Vec<(&'static str, String)>,
        /// Child nodes, in order.
        children: Vec<Node>,
    },
    /// Words, unescaped (never markup).
    Text(String),
}

impl Node {
    /// An element with no attributes and no children.
    pub fn element(tag: &'static str) -> Self {
        Node::Element {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// A text node.
    pub fn text(words: impl Into<String>) -> Self {
        Node::Text(words.into())
    }

    /// The element with one more attribute; text is returned as it is.
    pub fn attr(mut self, name: &'static str, value: impl ToString) -> Self {
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((name, value.to_string()));
        }
        self
    }

    /// The element with one more child; text is returned as it is.
    pub fn child(mut self, node: Node) -> Self {
        if let Node::Element { children, .. } = &mut self {
            children.push(node);
        }
        self
    }

    /// The element with one more text child.
    pub fn with_text(self, words: impl Into<String>) -> Self {
        self.child(Node::text(words))
    }

    /// The tag of an element; `None` for text.
    pub fn tag(&self) -> Option<&'static str> {
        match self {
            Node::Element { tag, .. } => Some(tag),
            Node::Text(_) => None,
        }
    }

    /// The value of an element's attribute `name`.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    /// An element's children; none for text.
    pub fn children(&self) -> &[Node] {
        match self {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }

    /// All the words of the node and its descendants, in order (as the DOM's
    /// `textContent`).
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Node::Text(words) => out.push_str(words),
            Node::Element { children, .. } => {
                for c in children {
                    c.push_text(out);
                }
            }
        }
    }

    /// Appends the node as XML, every value and text escaped; an element without
    /// children is self-closed.
    pub fn write_xml(&self, out: &mut String) {
        match self {
            Node::Text(words) => out.push_str(&escape_xml(words)),
            Node::Element {
                tag,
                attrs,
                children,
            } => {
                let _ = write!(out, "<{tag}");
                for (name, value) in attrs {
                    let _ = write!(out, " {name}=\"{}\"", escape_xml(value));
                }
                if children.is_empty() {
                    out.push_str("/>");
                    return;
                }
                out.push('>');
                for c in children {
                    c.write_xml(out);
                }
                let _ = write!(out, "</{tag}>");
            }
        }
    }
}

/// Escapes text for XML; control characters that XML 1.0 cannot hold are dropped.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Node {
        Node::element("li")
            .attr("class", "a\"b")
            .child(Node::element("strong").with_text("<b>&x</b>"))
            .with_text(" tail")
            .child(Node::element("br"))
    }

    #[test]
    fn writes_escaped_xml_with_empty_elements_self_closed() {
        let mut out = String::new();
        sample().write_xml(&mut out);
        assert_eq!(
            out,
            "<li class=\"a&quot;b\"><strong>&lt;b&gt;&amp;x&lt;/b&gt;</strong> tail<br/></li>"
        );
    }

    #[test]
    fn text_content_reads_the_words_in_order_unescaped() {
        assert_eq!(sample().text_content(), "<b>&x</b> tail");
        assert_eq!(sample().get_attr("class"), Some("a\"b"));
        assert_eq!(sample().get_attr("id"), None);
        assert_eq!(sample().children().len(), 3);
        assert_eq!(sample().tag(), Some("li"));
    }

    #[test]
    fn text_takes_no_attributes_or_children() {
        let t = Node::text("x").attr("class", "y").child(Node::element("b"));
        assert_eq!(t, Node::text("x"));
        assert!(t.children().is_empty());
        assert_eq!(t.tag(), None);
    }

    #[test]
    fn control_characters_are_dropped_but_newlines_and_tabs_kept() {
        assert_eq!(escape_xml("a\u{1}b\nc\td'"), "ab\nc\td&apos;");
    }
}
