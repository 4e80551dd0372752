//! How deep a page's elements nest, estimated from its tags before parsing (the HTML parser slows
//! quadratically with depth, so a 1 MB page of `<div>`s would take minutes).

/// Deeper than this, a page is refused: real articles nest a few dozen elements.
pub const MAX_NESTING: usize = 1_000;

/// Elements that never hold others, or that the parser closes by itself when the next one opens.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "!doctype",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed",
];

/// The greatest depth of open tags, counting only elements that can nest; comments and script text
/// skipped, and `<x/>` closed only inside `<svg>` or `<math>` (as the parser does).
pub fn nesting_depth(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    let mut foreign: Option<usize> = None;
    while let Some(found) = lower[at..].find('<') {
        at += found + 1;
        if lower[at..].starts_with("!--") {
            at = lower[at..]
                .find("-->")
                .map_or(bytes.len(), |end| at + end + 3);
            continue;
        }
        let closing = bytes.get(at) == Some(&b'/');
        let start = at + usize::from(closing);
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count();
        if len == 0 || !(bytes[start].is_ascii_alphabetic() || bytes[start] == b'!') {
            continue;
        }
        let name = &lower[start..start + len];
        let end = lower[start..].find('>').map_or(bytes.len(), |e| start + e);
        let self_closing = foreign.is_some() && end > 0 && bytes.get(end - 1) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(usize::from(!FLAT.contains(&name)));
            foreign = foreign.filter(|&level| depth > level);
        } else if RAW.contains(&name) {
            let close = format!("</{name}");
            at = lower[end..].find(&close).map_or(bytes.len(), |e| end + e);
            continue;
        } else if !self_closing && !FLAT.contains(&name) {
            if foreign.is_none() && matches!(name, "svg" | "math") {
                foreign = Some(depth);
            }
            depth += 1;
            deepest = deepest.max(depth);
        }
        at = end;
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_nesting_elements_only() {
        assert_eq!(nesting_depth(""), 0);
        assert_eq!(
            nesting_depth(
                "<!DOCTYPE html><html><body><div><p>a<p>b<br><img src=x/></div></body></html>"
            ),
            3
        );
        assert_eq!(nesting_depth(&"<div/>".repeat(50)), 50);
        let icons = format!(
            "<div><svg>{}</svg>{}</div>",
            "<path d=\"M0\"/>".repeat(50),
            "<span/>".repeat(3)
        );
        assert_eq!(nesting_depth(&icons), 4);
        assert_eq!(nesting_depth(&"<div>".repeat(50)), 50);
        assert_eq!(nesting_depth(&"<div></div>".repeat(5_000)), 1);
        assert_eq!(nesting_depth(&"<li><p>x".repeat(5_000)), 0);
    }

    #[test]
    fn comments_and_script_text_do_not_count() {
        let hidden = format!(
            "<div><!-- {} --><script>var s = \"{}\";</script><style>{}</style></div>",
            "<div>".repeat(100),
            "<span>".repeat(100),
            "<b>".repeat(100)
        );
        assert_eq!(nesting_depth(&hidden), 1);
        assert_eq!(nesting_depth("a < b and c <3 <"), 0);
    }
}
