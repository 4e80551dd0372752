//! Cleaned article HTML to Markdown-like text: `# Heading`, `- item`, `> quote`, blank lines between blocks.

use dom_query::{Document, NodeRef};

/// The text of an HTML fragment, and how many letters or digits it has outside links and headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub prose_chars: usize,
}

/// A class `glose-h<N>` on a heading gives its level in the page before extraction.
pub const LEVEL_CLASS: &str = "glose-h";

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "button", "form", "input", "select",
    "textarea", "iframe", "object", "canvas", "nav", "head", "title", "meta", "link", "img",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "li",
    "hr",
    "body",
    "html",
    "center",
    "caption",
];

pub fn render(html: &str) -> Rendered {
    let document = Document::from(html);
    let mut out = Out::default();
    walk(&document.root(), &mut out);
    out.flush();
    let text = shift_headings(out.blocks).join("\n\n");
    Rendered {
        text,
        prose_chars: out.prose_chars,
    }
}

#[derive(Default)]
struct Out {
    blocks: Vec<String>,
    line: String,
    in_link: usize,
    in_heading: usize,
    prose_chars: usize,
}

impl Out {
    fn push_text(&mut self, text: &str) {
        if self.in_link == 0 && self.in_heading == 0 {
            self.prose_chars += text.chars().filter(|c| c.is_alphanumeric()).count();
        }
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                if !self.line.ends_with([' ', '\n']) && !self.line.is_empty() {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    fn flush(&mut self) {
        let lines: Vec<&str> = self
            .line
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            self.blocks.push(lines.join("\n"));
        }
        self.line.clear();
    }

    fn block(&mut self, block: String) {
        self.flush();
        if !block.trim().is_empty() {
            self.blocks.push(block);
        }
    }

    /// Renders `node`'s content as separate blocks, keeping the link and heading counters.
    fn nested(&mut self, node: &NodeRef) -> Vec<String> {
        let mut inner = Out {
            in_link: self.in_link,
            in_heading: self.in_heading,
            ..Out::default()
        };
        walk(node, &mut inner);
        inner.flush();
        self.prose_chars += inner.prose_chars;
        inner.blocks
    }
}

fn walk(node: &NodeRef, out: &mut Out) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.push_text(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child.node_name().map(|n| n.to_string()).unwrap_or_default();
        match name.as_str() {
            n if SKIPPED.contains(&n) => {}
            "br" => out.line.push('\n'),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                out.in_heading += 1;
                let text = out.nested(&child).join(" ");
                out.in_heading -= 1;
                let level = heading_level(&child, &name);
                out.block(format!("{} {}", "#".repeat(level), text.replace('\n', " ")));
            }
            "ul" | "ol" => {
                let list = list(&child, name == "ol", out);
                out.block(list);
            }
            "blockquote" => {
                let inner = out.nested(&child).join("\n\n");
                out.block(prefix_lines(&inner, "> ", ">"));
            }
            "pre" => out.block(child.text().trim_end().to_string()),
            "table" => {
                let table = table(&child, out);
                out.block(table);
            }
            "a" => {
                out.in_link += 1;
                walk(&child, out);
                out.in_link -= 1;
            }
            n if BLOCKS.contains(&n) => {
                out.flush();
                walk(&child, out);
                out.flush();
            }
            _ => walk(&child, out),
        }
    }
}

fn heading_level(node: &NodeRef, name: &str) -> usize {
    let from_class = node.class().and_then(|classes| {
        classes
            .split_whitespace()
            .find_map(|c| c.strip_prefix(LEVEL_CLASS)?.parse::<usize>().ok())
    });
    from_class.unwrap_or_else(|| usize::from(name.as_bytes()[1] - b'0'))
}

fn list(node: &NodeRef, ordered: bool, out: &mut Out) -> String {
    let start: usize = node
        .attr("start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1);
    let mut items = Vec::new();
    for item in node.element_children() {
        if item.node_name().as_deref() != Some("li") {
            continue;
        }
        let text = out.nested(&item).join("\n");
        if text.is_empty() {
            continue;
        }
        let marker = if ordered {
            format!("{}. ", start + items.len())
        } else {
            "- ".to_string()
        };
        let indent = " ".repeat(marker.chars().count());
        items.push(format!("{marker}{}", indent_rest(&text, &indent)));
    }
    items.join("\n")
}

fn table(node: &NodeRef, out: &mut Out) -> String {
    let mut rows = Vec::new();
    for row in node.descendants_it() {
        if row.node_name().as_deref() != Some("tr") {
            continue;
        }
        let cells: Vec<String> = row
            .element_children()
            .iter()
            .filter(|c| matches!(c.node_name().as_deref(), Some("td" | "th")))
            .map(|cell| out.nested(cell).join(" ").replace('\n', " "))
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(cells.join(" | "));
        }
    }
    rows.join("\n")
}

fn indent_rest(text: &str, indent: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 || line.is_empty() {
                line.to_string()
            } else {
                format!("{indent}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn prefix_lines(text: &str, prefix: &str, empty: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                empty.to_string()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Lifts every heading so the highest level used becomes `#`.
fn shift_headings(blocks: Vec<String>) -> Vec<String> {
    let level = |b: &str| {
        let hashes = b.chars().take_while(|&c| c == '#').count();
        (hashes > 0 && b[hashes..].starts_with(' ')).then_some(hashes)
    };
    let Some(top) = blocks.iter().filter_map(|b| level(b)).min() else {
        return blocks;
    };
    blocks
        .into_iter()
        .map(|b| match level(&b) {
            Some(_) => b[top - 1..].to_string(),
            None => b,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_markdown_like_lines() {
        let out = render(
            "<div><h2>Titre</h2><p>Un  <em>premier</em>\n paragraphe.</p>\
             <ul><li>un</li><li>deux<ul><li>sous</li></ul></li></ul>\
             <ol start=\"3\"><li>trois</li></ol>\
             <blockquote><p>Cité.</p><p>Encore.</p></blockquote><h2 class=\"x glose-h3\">Suite</h2><p>Fin<br>ligne</p></div>",
        );
        assert_eq!(
            out.text,
            "# Titre\n\nUn premier paragraphe.\n\n- un\n- deux\n  - sous\n\n3. trois\n\n> Cité.\n>\n> Encore.\n\n## Suite\n\nFin\nligne"
        );
    }

    #[test]
    fn links_keep_their_words_but_do_not_count_as_prose() {
        let out = render("<ul><li><a href=\"/\">Accueil du site</a></li></ul><h1>Titre</h1>");
        assert_eq!(out.text, "- Accueil du site\n\n# Titre");
        assert_eq!(out.prose_chars, 0);
        let out = render("<p>Voir <a href=\"/x\">ici</a> maintenant.</p>");
        assert_eq!(out.text, "Voir ici maintenant.");
        assert_eq!(out.prose_chars, "Voirmaintenant".len());
    }

    #[test]
    fn scripts_forms_and_images_are_dropped_and_tables_kept_as_rows() {
        let out = render(
            "<p>Texte<script>var x = 1;</script></p><form><button>Envoyer</button></form>\
             <table><tr><th>Art.</th><th>Peine</th></tr><tr><td>225-5</td><td>7 ans</td></tr></table>",
        );
        assert_eq!(out.text, "Texte\n\nArt. | Peine\n225-5 | 7 ans");
    }

    #[test]
    fn no_break_spaces_of_french_typography_are_kept() {
        let out = render("<p>«\u{a0}citation\u{a0}» : oui\u{202f}!</p>");
        assert_eq!(out.text, "«\u{a0}citation\u{a0}» : oui\u{202f}!");
    }
}
