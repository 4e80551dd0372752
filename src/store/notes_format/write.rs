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
    line(&mut out, "id", &basic(source.id.as_str()));
    line(&mut out, "title", &basic(&source.title));
    line(&mut out, "file", &basic(&source.file));
    line(&mut out, "format", &basic(source.format.as_str()));
    line(&mut out, "hash", &basic(&source.hash));
    if let Some(cite) = &source.cite {
        line(&mut out, "cite", &basic(cite));
    }
    let mut annotations: Vec<&Annotation> = notes.annotations.iter().collect();
    annotations.sort_by(|a, b| position_order(a, b));
    for annotation in annotations {
        out.push('\n');
        write_annotation(&mut out, annotation);
    }
    out
}

fn write_annotation(out: &mut String, a: &Annotation) {
    out.push_str("[[annotation]]\n");
    line(out, "id", &basic(&a.id.0));
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
    line(out, "kind", &basic(a.kind.as_str()));
    if let Some(status) = a.status {
        line(out, "status", &basic(status.as_str()));
    }
    if let Some(reply_to) = &a.reply_to {
        line(out, "reply_to", &basic(&reply_to.0));
    }
    if a.state != AnchorState::Exact {
        line(out, "state", &basic(a.state.as_str()));
    }
    line(out, "author", &basic(&a.author));
    line(out, "created", &basic(&a.created));
    line(out, "updated", &basic(&a.updated));
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| basic(t)).collect();
        line(out, "tags", &format!("[{}]", tags.join(", ")));
    }
    line(out, "start", &a.anchor.start.to_string());
    line(out, "end", &a.anchor.end.to_string());
    line(out, "quote", &basic(&a.anchor.exact));
    line(out, "prefix", &basic(&a.anchor.prefix));
    line(out, "suffix", &basic(&a.anchor.suffix));
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
    line(out, "key", &basic(&c.key));
    if let Some(locator) = &c.locator {
        line(out, "locator", &basic(&locator.text));
    }
    line(out, "relation", &basic(c.relation.as_str()));
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

/// A TOML basic string: quotes, backslashes and every control character escaped, the rest kept.
fn basic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        escape(&mut out, c);
    }
    out.push('"');
    out
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
