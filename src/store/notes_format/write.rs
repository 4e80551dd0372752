//! The deterministic writer: same notes, same bytes.

use std::fmt::Write;

use super::{NotesFile, position_order};
use crate::model::{AnchorState, Annotation, Citation, Conflict};

const HEADER: &str = "\
# glose notes on one source. glose rewrites this file in a fixed order:
# [source], then one [[annotation]] block per annotation, in text order.
";

/// Renders a notes file; annotations are written in position order whatever their order in memory.
pub fn notes_to_string(notes: &NotesFile) -> String {
    let mut out = String::from(HEADER);
    let source = &notes.source;
    out.push_str("\n[source]\n");
    line_basic(&mut out, "id", source.id.as_str());
    line_basic(&mut out, "title", &source.title);
    line_basic(&mut out, "file", &source.file);
    line_basic(&mut out, "format", source.format.as_str());
    line_basic(&mut out, "hash", &source.hash);
    if let Some(cite) = &source.cite {
        line_basic(&mut out, "cite", cite);
    }
    let mut annotations: Vec<&Annotation> = notes.annotations.iter().collect();
    annotations.sort_by(|a, b| position_order(a, b));
    for annotation in annotations {
        out.push('\n');
        write_annotation(&mut out, annotation);
    }
    out
}

/// One `[[annotation]]` block, its conflicts included.
pub(super) fn write_annotation(out: &mut String, a: &Annotation) {
    out.push_str("[[annotation]]\n");
    line_basic(out, "id", &a.id.0);
    write_version(out, a, "annotation");
    for conflict in &a.conflicts {
        out.push_str("[[annotation.conflict]]\n");
        match conflict {
            Conflict::Deleted => line(out, "deleted", "true"),
            Conflict::Changed(version) => write_version(out, version, "annotation.conflict"),
        }
    }
}

/// Every field but the id; `table` names where the citations go.
fn write_version(out: &mut String, a: &Annotation, table: &str) {
    line_basic(out, "kind", a.kind.as_str());
    if let Some(status) = a.status {
        line_basic(out, "status", status.as_str());
    }
    if let Some(reply_to) = &a.reply_to {
        line_basic(out, "reply_to", &reply_to.0);
    }
    if a.state != AnchorState::Exact {
        line_basic(out, "state", a.state.as_str());
    }
    line_basic(out, "author", &a.author);
    line_basic(out, "created", &a.created);
    line_basic(out, "updated", &a.updated);
    if !a.tags.is_empty() {
        out.push_str("tags = [");
        for (i, tag) in a.tags.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_basic(out, tag);
        }
        out.push_str("]\n");
    }
    line(out, "start", &a.anchor.start.to_string());
    line(out, "end", &a.anchor.end.to_string());
    line_basic(out, "quote", &a.anchor.exact);
    line_basic(out, "prefix", &a.anchor.prefix);
    line_basic(out, "suffix", &a.anchor.suffix);
    if !a.body.is_empty() {
        line(out, "body", &body(&a.body));
    }
    for citation in &a.citations {
        write_citation(out, citation, table);
    }
}

fn write_citation(out: &mut String, c: &Citation, table: &str) {
    out.push_str("[[");
    out.push_str(table);
    out.push_str(".citation]]\n");
    line_basic(out, "key", &c.key);
    if let Some(locator) = &c.locator {
        line_basic(out, "locator", &locator.text);
    }
    line_basic(out, "relation", c.relation.as_str());
}

fn line(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    out.push_str(value);
    out.push('\n');
}

/// A one-line body stays on its line; a multi-line one is written as its lines, raw when TOML allows it.
fn body(text: &str) -> String {
    if !text.contains('\n') {
        basic(text)
    } else if literal_is_safe(text) {
        format!("'''\n{text}'''")
    } else {
        multi_line_basic(text)
    }
}

/// A multi-line literal string cannot hold `'''`, end with a quote, or hold control characters but tab and LF.
fn literal_is_safe(text: &str) -> bool {
    !text.contains("'''")
        && !text.ends_with('\'')
        && text
            .chars()
            .all(|c| matches!(c, '\n' | '\t') || !c.is_control())
}

fn multi_line_basic(text: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            c => escape(&mut out, c),
        }
    }
    out.push_str("\"\"\"");
    out
}

fn line_basic(out: &mut String, key: &str, text: &str) {
    out.push_str(key);
    out.push_str(" = ");
    push_basic(out, text);
    out.push('\n');
}

fn basic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_basic(&mut out, text);
    out
}

/// A TOML basic string: quotes, backslashes and every control character escaped, the rest kept.
fn push_basic(out: &mut String, text: &str) {
    out.push('"');
    if plain(text) {
        out.push_str(text);
    } else {
        for c in text.chars() {
            escape(out, c);
        }
    }
    out.push('"');
}

/// Whether `text` needs no escape: no quote, backslash or control character (C0, DEL, C1).
fn plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'"' | b'\\' | 0x7f | 0..0x20 => false,
        0xc2 => !matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        _ => true,
    })
}

fn escape(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        c if c.is_control() => {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        }
        c => out.push(c),
    }
}
