//! bibtex-parser events to owned entries, @string definitions and problems, read from the original text.

use std::ops::Range;

use bibtex_parser::{
    ParseEvent, ParsedEntry, ParsedEntryStatus, ParsedFailedBlock, ParsedString, SourceSpan, Value,
};

use super::field::intern_lowercase;
use super::parse::{Atom, ParsedFile, Problem, RawEntry, RawField, RawString};

/// Stores one event with offsets made absolute; returns the chunk offset where it ended.
pub(crate) fn collect(
    event: ParseEvent<'_>,
    base: usize,
    original: &str,
    out: &mut ParsedFile,
) -> usize {
    match event {
        ParseEvent::Entry(entry) => {
            let complete = entry.status == ParsedEntryStatus::Complete;
            if let Some(raw) = convert_entry(&entry, base, original) {
                if !complete {
                    let diagnostic = entry.diagnostics.first();
                    let at = absolute(diagnostic.and_then(|d| d.source), base);
                    out.problems.push(Problem {
                        offset: at.map_or(raw.span.start, |r| r.start),
                        code: diagnostic
                            .map_or_else(|| "parse-error".into(), |d| d.code.to_string()),
                        key: Some(raw.key.clone()),
                    });
                }
                out.entries.push(RawEntry { complete, ..raw });
            }
            entry.source.map_or(0, |s| s.byte_end)
        }
        ParseEvent::String(string) => {
            let end = string.source.map_or(0, |s| s.byte_end);
            out.strings.extend(convert_string(&string, base));
            end
        }
        ParseEvent::Failed(failed) => {
            let end = failed.source.map_or(0, |s| s.byte_end);
            match absolute(failed.source, base).and_then(|span| fieldless_entry(original, span)) {
                Some(entry) => out.entries.push(entry),
                None => out.problems.extend(convert_failed(&failed, base, original)),
            }
            end
        }
        ParseEvent::Preamble(p) => p.source.map_or(0, |s| s.byte_end),
        ParseEvent::Comment(c) => c.source.map_or(0, |s| s.byte_end),
        ParseEvent::Diagnostic(_) => 0,
    }
}

fn absolute(span: Option<SourceSpan>, base: usize) -> Option<Range<usize>> {
    span.map(|s| base + s.byte_start..base + s.byte_end)
}

fn convert_entry(entry: &ParsedEntry<'_>, base: usize, original: &str) -> Option<RawEntry> {
    let span = absolute(entry.source, base)?;
    let key = absolute(entry.key_source, base)
        .and_then(|r| original.get(r))
        .map_or_else(|| entry.key.to_string(), |k| k.trim().to_string());
    let entry_type = absolute(entry.entry_type_source, base)
        .and_then(|r| original.get(r))
        .map_or_else(|| entry.ty.to_string(), str::to_string)
        .to_lowercase();
    let fields = entry
        .fields
        .iter()
        .filter_map(|field| {
            let span = absolute(field.value_source, base)?;
            let raw = original.get(span.clone())?;
            let name = absolute(field.name_source, base).and_then(|r| original.get(r));
            let literal =
                literal(&field.value.value, raw).map(|r| span.start + r.start..span.start + r.end);
            Some(RawField {
                name: intern_lowercase(name.unwrap_or(&field.name)),
                atoms: if literal.is_some() {
                    Vec::new()
                } else {
                    atoms(&field.value.value, raw)
                },
                literal,
                span,
            })
        })
        .collect();
    Some(RawEntry {
        key,
        entry_type,
        span,
        complete: true,
        fields,
    })
}

fn convert_string(string: &ParsedString<'_>, base: usize) -> Option<RawString> {
    let span = absolute(string.source, base)?;
    let raw = string.value.raw.as_deref().unwrap_or_default();
    Some(RawString {
        name: string.name.to_string(),
        span,
        atoms: atoms(&string.value.value, raw),
    })
}

fn convert_failed(failed: &ParsedFailedBlock<'_>, base: usize, original: &str) -> Option<Problem> {
    let span = absolute(failed.source, base)?;
    if is_free_text_comment(&failed.raw) {
        return None;
    }
    let diagnostic = failed.diagnostics.first();
    let offset = absolute(diagnostic.and_then(|d| d.source), base).map_or(span.start, |r| r.start);
    let code = diagnostic.map_or_else(|| "parse-error".to_string(), |d| d.code.to_string());
    Some(Problem {
        offset,
        code,
        key: key_of_block(original, span.start),
    })
}

/// `@misc{key}`: valid BibTeX that bibtex-parser rejects for its missing comma.
fn fieldless_entry(original: &str, span: Range<usize>) -> Option<RawEntry> {
    let text = original.get(span.clone())?;
    let body = text.trim_end();
    let rest = body.strip_prefix('@')?;
    let open = rest.find(['{', '('])?;
    let entry_type = rest[..open].trim();
    let inner = rest[open + 1..].strip_suffix(['}', ')'])?.trim();
    let valid = |c: char| !c.is_whitespace() && !",{}()=\"#%".contains(c);
    if entry_type.is_empty() || inner.is_empty() || !inner.chars().all(valid) {
        return None;
    }
    Some(RawEntry {
        key: inner.to_string(),
        entry_type: entry_type.to_lowercase(),
        span: span.start..span.start + body.len(),
        complete: true,
        fields: Vec::new(),
    })
}

/// `@Comment Len Schubert`: text after `@comment` without braces, which BibTeX ignores.
fn is_free_text_comment(raw: &str) -> bool {
    let raw = raw.trim_start();
    raw.get(..8)
        .is_some_and(|head| head.eq_ignore_ascii_case("@comment"))
}

/// Where in `raw` the value's whole TeX text is written, when it is one literal or number.
fn literal(value: &Value<'_>, raw: &str) -> Option<Range<usize>> {
    match value {
        Value::Number(_) => {
            let start = raw.len() - raw.trim_start().len();
            Some(start..start + raw.trim().len())
        }
        Value::Literal(text) => {
            let inner = raw
                .strip_prefix('{')
                .and_then(|r| r.strip_suffix('}'))
                .or_else(|| raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')))?;
            (inner == text.as_ref()).then_some(1..raw.len() - 1)
        }
        _ => None,
    }
}

fn atoms(value: &Value<'_>, raw: &str) -> Vec<Atom> {
    let mut out = Vec::new();
    match value {
        Value::Number(_) => out.push(Atom::Text(raw.trim().to_string())),
        other => push_atoms(other, &mut out),
    }
    out
}

fn push_atoms(value: &Value<'_>, out: &mut Vec<Atom>) {
    match value {
        Value::Literal(text) => out.push(Atom::Text(text.to_string())),
        Value::Number(n) => out.push(Atom::Text(n.to_string())),
        Value::Variable(name) => out.push(Atom::Macro(name.to_string())),
        Value::Concat(parts) => parts.iter().for_each(|part| push_atoms(part, out)),
    }
}

/// The citation key written after `@type{` at `offset`, when there is one.
pub(crate) fn key_of_block(original: &str, offset: usize) -> Option<String> {
    let rest = original.get(offset..)?;
    let open = rest.find(['{', '('])?;
    if !rest[..open]
        .trim_end()
        .chars()
        .skip(1)
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return None;
    }
    let after = &rest[open + 1..];
    let end = after.find([',', '\n', '}', ')'])?;
    let key = after[..end].trim();
    (!key.is_empty() && !key.contains(['=', ' '])).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_of_block_reads_the_header() {
        assert_eq!(key_of_block("@article{a/b, x", 0).as_deref(), Some("a/b"));
        assert_eq!(key_of_block("@article{title = {x}", 0), None);
    }

    #[test]
    fn free_text_comments_are_recognised() {
        assert!(is_free_text_comment("  @Comment Len Schubert"));
        assert!(!is_free_text_comment("@article{k,"));
    }
}
