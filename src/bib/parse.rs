//! Runs bibtex-parser on the pre-passed text, contained by `catch_unwind`, and keeps owned results.

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};

use bibtex_parser::{
    ParseEvent, ParseFlow, ParsedEntry, ParsedEntryStatus, ParsedFailedBlock, ParsedString, Parser,
    SourceSpan, Value,
};

use super::prepass;

/// One piece of a field value: literal TeX text or the name of an @string macro.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Atom {
    Text(String),
    Macro(String),
}

pub(crate) struct RawField {
    pub name: String,
    pub raw: String,
    pub value_start: usize,
    pub atoms: Vec<Atom>,
}

pub(crate) struct RawEntry {
    pub key: String,
    pub entry_type: String,
    pub span: Range<usize>,
    pub complete: bool,
    pub fields: Vec<RawField>,
}

pub(crate) struct RawString {
    pub name: String,
    pub span: Range<usize>,
    pub atoms: Vec<Atom>,
}

/// A block the parser could not read; `code` is bibtex-parser's diagnostic code.
pub(crate) struct Problem {
    pub offset: usize,
    pub code: String,
    pub key: Option<String>,
}

#[derive(Default)]
pub(crate) struct ParsedFile {
    pub entries: Vec<RawEntry>,
    pub strings: Vec<RawString>,
    pub problems: Vec<Problem>,
}

impl ParsedFile {
    fn append(&mut self, mut other: Self) {
        self.entries.append(&mut other.entries);
        self.strings.append(&mut other.strings);
        self.problems.append(&mut other.problems);
    }
}

/// The code given to a block during which the parser panicked.
pub(crate) const CRASH: &str = "parser-crash";

const CHUNK_BYTES: usize = 1 << 20;

/// Parses a whole file; large files are split at block starts and parsed on several threads.
pub(crate) fn parse(original: &str) -> ParsedFile {
    parse_in_chunks(original, CHUNK_BYTES)
}

fn parse_in_chunks(original: &str, chunk_bytes: usize) -> ParsedFile {
    let shadow = prepass::shadow(original);
    let bounds = chunk_bounds(&shadow, original.len(), chunk_bytes);
    if bounds.len() <= 2 {
        return parse_range(&shadow.text, original, 0..original.len());
    }
    let parts: Vec<ParsedFile> = std::thread::scope(|scope| {
        let handles: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let range = w[0]..w[1];
                let text = &shadow.text;
                scope.spawn(move || parse_range(text, original, range))
            })
            .collect();
        handles
            .into_iter()
            .zip(bounds.windows(2))
            .map(|(h, w)| h.join().unwrap_or_else(|_| crashed(original, w[0])))
            .collect()
    });
    let mut all = ParsedFile::default();
    for part in parts {
        all.append(part);
    }
    all
}

fn crashed(original: &str, offset: usize) -> ParsedFile {
    ParsedFile {
        problems: vec![Problem {
            offset,
            code: CRASH.into(),
            key: key_of_block(original, offset),
        }],
        ..ParsedFile::default()
    }
}

fn chunk_bounds(shadow: &prepass::Shadow, len: usize, chunk_bytes: usize) -> Vec<usize> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunks = (len / chunk_bytes).clamp(1, threads.clamp(2, 8));
    let mut bounds = vec![0];
    for i in 1..chunks {
        let target = len * i / chunks;
        let at = shadow.block_starts.partition_point(|&s| s < target);
        if let Some(&start) = shadow.block_starts.get(at)
            && start > *bounds.last().unwrap_or(&0)
        {
            bounds.push(start);
        }
    }
    bounds.push(len);
    bounds
}

/// Parses `range` of the shadow text; after a parser panic, skips that block and goes on.
fn parse_range(shadow: &str, original: &str, range: Range<usize>) -> ParsedFile {
    let mut out = ParsedFile::default();
    let mut from = range.start;
    while from < range.end {
        let mut reached = from;
        let Some(input) = shadow.get(from..range.end) else {
            break;
        };
        let run = catch_unwind(AssertUnwindSafe(|| {
            Parser::new()
                .tolerant()
                .capture_source()
                .preserve_raw()
                .parse_events(input, |event| {
                    reached = reached.max(from + collect(event, from, original, &mut out));
                    Ok(ParseFlow::Continue)
                })
        }));
        if matches!(run, Ok(Ok(_))) {
            break;
        }
        let start = skip_space(shadow, reached);
        let end = next_block(shadow, start + 1, range.end).unwrap_or(range.end);
        out.problems
            .push(diagnose_crash(shadow, original, start..end));
        from = end;
    }
    out
}

/// Finds what is wrong with a block the parser panicked on, by parsing an ASCII copy of it.
fn diagnose_crash(shadow: &str, original: &str, block: Range<usize>) -> Problem {
    let ascii: String = shadow
        .get(block.clone())
        .unwrap_or_default()
        .chars()
        .flat_map(|c| std::iter::repeat_n(if c.is_ascii() { c } else { '_' }, c.len_utf8()))
        .collect();
    let mut found = ParsedFile::default();
    let run = catch_unwind(AssertUnwindSafe(|| {
        Parser::new()
            .tolerant()
            .capture_source()
            .parse_events(&ascii, |event| {
                collect(event, block.start, original, &mut found);
                Ok(ParseFlow::Continue)
            })
    }));
    match (run, found.problems.into_iter().next()) {
        (Ok(_), Some(problem)) => problem,
        _ => Problem {
            offset: block.start,
            code: CRASH.into(),
            key: key_of_block(original, block.start),
        },
    }
}

/// Stores one event with offsets made absolute; returns the chunk offset where it ended.
fn collect(event: ParseEvent<'_>, base: usize, original: &str, out: &mut ParsedFile) -> usize {
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
            let value = absolute(field.value_source, base)?;
            let raw = original.get(value.clone())?.to_string();
            let name = absolute(field.name_source, base).and_then(|r| original.get(r));
            Some(RawField {
                name: name.unwrap_or(&field.name).to_lowercase(),
                atoms: atoms(&field.value.value, &raw),
                raw,
                value_start: value.start,
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

fn skip_space(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The next `@` that starts a line, in `from..end`.
fn next_block(text: &str, from: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..end).find(|&i| {
        bytes[i] == b'@'
            && bytes[..i]
                .iter()
                .rev()
                .take_while(|&&b| b != b'\n')
                .all(|&b| b == b' ' || b == b'\t')
    })
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
    fn real_keys_come_from_the_original_text() {
        let text = "@article{O'Hara_1999+/?&, title = {T}}\n@book{назаренко2007, year = 2007}";
        let parsed = parse(text);
        let keys: Vec<_> = parsed.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["O'Hara_1999+/?&", "назаренко2007"]);
        assert!(parsed.problems.is_empty());
        assert_eq!(
            parsed.entries[1].fields[0].atoms,
            [Atom::Text("2007".into())]
        );
    }

    #[test]
    fn spans_slice_the_original() {
        let text = "% c\n@Article{k,\n  %note = {x},\n  title = \"A\" # m,\n}\n";
        let parsed = parse(text);
        let entry = &parsed.entries[0];
        assert_eq!(
            &text[entry.span.clone()],
            "@Article{k,\n  %note = {x},\n  title = \"A\" # m,\n}"
        );
        assert_eq!(entry.entry_type, "article");
        assert_eq!(entry.fields.len(), 1);
        assert_eq!(entry.fields[0].raw, "\"A\" # m");
        assert_eq!(&text[entry.fields[0].value_start..][..3], "\"A\"");
        assert_eq!(
            entry.fields[0].atoms,
            [Atom::Text("A".into()), Atom::Macro("m".into())]
        );
    }

    #[test]
    fn strings_and_free_text_comments() {
        let text = "@Comment Len Schubert\n@string{jfr = \"J. Fr.\"}\n@misc{a, journal = jfr}";
        let parsed = parse(text);
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.strings[0].name, "jfr");
        assert_eq!(parsed.strings[0].atoms, [Atom::Text("J. Fr.".into())]);
        assert_eq!(parsed.entries.len(), 1);
    }

    #[test]
    fn a_broken_block_is_a_problem_and_the_next_entry_loads() {
        let text = "@article{bad, title = {x} year = {2}}\n@book{good, title = {y}}\n";
        let parsed = parse(text);
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.entries.iter().any(|e| e.key == "good" && e.complete));
        assert!(parsed.problems[0].offset > 0);
    }

    #[test]
    fn entries_without_fields_load() {
        let parsed = parse("@misc{other}\n@book( b+c )\n");
        let keys: Vec<_> = parsed
            .entries
            .iter()
            .map(|e| (e.key.as_str(), e.entry_type.as_str()))
            .collect();
        assert_eq!(keys, [("other", "misc"), ("b+c", "book")]);
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.entries[0].span, 0..12);
    }

    #[test]
    fn blocks_that_make_the_parser_panic_are_diagnosed_and_skipped() {
        let broken = [
            "@article{k, title = {x}, é = }",
            "@article{k, title = {x} # {é} # }",
            "@article{k,\n title = {x},\n année = {2}}",
            "@article{k, title = Été}",
        ];
        for text in broken {
            let parsed = parse(&format!("{text}\n@book{{g, title={{é}}}}\n"));
            assert!(parsed.entries.iter().any(|e| e.key == "g"), "{text}");
            assert!(parsed.problems.iter().all(|p| p.code != CRASH), "{text}");
        }
        let parsed = parse("@article{k,\n année = {2}}");
        assert_eq!(parsed.entries[0].fields[0].name, "année");
    }

    #[test]
    fn a_parser_panic_is_a_problem_and_the_next_entries_load() {
        let parsed = parse("@a{a}\n@éarticle{k, title = {x}}\n@book{g, title={é}}\n@book{h}");
        let keys: Vec<_> = parsed.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["a", "g", "h"]);
        let codes: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| (p.code.as_str(), p.offset))
            .collect();
        assert_eq!(codes, [(CRASH, 6)]);
    }

    #[test]
    fn key_of_block_reads_the_header() {
        assert_eq!(key_of_block("@article{a/b, x", 0).as_deref(), Some("a/b"));
        assert_eq!(key_of_block("@article{title = {x}", 0), None);
    }

    #[test]
    fn large_inputs_split_into_chunks_in_order() {
        let mut text = String::new();
        for i in 0..3_000 {
            text.push_str(&format!("@misc{{k{i}, note = {{{}}}}}\n", "x".repeat(100)));
        }
        let parsed = parse_in_chunks(&text, 1000);
        assert_eq!(parsed.entries.len(), 3_000);
        assert!(
            parsed
                .entries
                .iter()
                .enumerate()
                .all(|(i, e)| e.key == format!("k{i}"))
        );
        assert!(
            parsed
                .entries
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.start)
        );
    }
}
