//! Runs bibtex-parser on the pre-passed text, in parallel chunks, each run inside `catch_unwind`.

use std::borrow::Cow;
use std::ops::Range;

use bibtex_parser::{ParseFlow, Parser};

use super::contained::contained;
use super::convert::{collect, key_of_block};
use super::macros::Macros;
use super::prepass;

/// One piece of a field value: literal TeX text or the name of an @string macro.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Atom {
    Text(String),
    Macro(String),
}

pub(crate) struct RawField {
    pub name: Cow<'static, str>,
    /// Bytes of the value as written, `{...}` or `"..." # macro`.
    pub span: Range<usize>,
    /// Bytes of the whole TeX text when the value is one literal; `atoms` is then empty.
    pub literal: Option<Range<usize>>,
    pub atoms: Vec<Atom>,
}

impl RawField {
    /// The TeX text with macros expanded; undefined macros are added to `undefined`.
    pub fn expanded<'t>(
        &'t self,
        original: &'t str,
        macros: &Macros,
        undefined: &mut Vec<String>,
    ) -> Cow<'t, str> {
        match &self.literal {
            Some(range) => Cow::Borrowed(original.get(range.clone()).unwrap_or_default()),
            None => Cow::Owned(macros.expand(&self.atoms, undefined)),
        }
    }
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

/// Size of the pieces parsed one at a time: the parser's line table of a piece stays in cache.
pub(crate) const PIECE_BYTES: usize = 256 << 10;

/// Parses a whole file; large files are split at block starts and parsed on several threads.
pub(crate) fn parse(original: &str) -> ParsedFile {
    parse_in_pieces(original, PIECE_BYTES)
}

/// Like `parse`, with pieces of about `piece_bytes`: any size gives the same result.
pub(crate) fn parse_in_pieces(original: &str, piece_bytes: usize) -> ParsedFile {
    let shadow = prepass::shadow(original);
    let bounds = piece_bounds(&shadow.block_starts, original.len(), piece_bytes);
    let parse_group = |group: &[usize]| {
        let mut all = ParsedFile::default();
        for w in group.windows(2) {
            all.append(parse_range(&shadow.text, original, w[0]..w[1]));
        }
        all
    };
    let groups = groups(&bounds);
    if groups.len() == 1 {
        return parse_group(&bounds);
    }
    let parts: Vec<ParsedFile> = std::thread::scope(|scope| {
        let handles: Vec<_> = groups
            .iter()
            .map(|g| scope.spawn(|| parse_group(g)))
            .collect();
        handles
            .into_iter()
            .zip(&groups)
            .map(|(h, g)| h.join().unwrap_or_else(|_| crashed(original, g[0])))
            .collect()
    });
    let mut all = ParsedFile::default();
    for part in parts {
        all.append(part);
    }
    all
}

/// Splits piece bounds into one run of consecutive pieces per thread; runs share their ends.
fn groups(bounds: &[usize]) -> Vec<&[usize]> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let pieces = bounds.len().saturating_sub(1).max(1);
    let count = pieces.min(threads.clamp(2, 8));
    (0..count)
        .map(|i| &bounds[pieces * i / count..=pieces * (i + 1) / count])
        .collect()
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

/// Offsets `0 = b0 < b1 < ... < len` where each inner bound is a block start, about `piece_bytes` apart.
fn piece_bounds(block_starts: &[usize], len: usize, piece_bytes: usize) -> Vec<usize> {
    let mut bounds = vec![0];
    let mut target = piece_bytes;
    while target < len {
        let at = block_starts.partition_point(|&s| s < target);
        let Some(&start) = block_starts.get(at) else {
            break;
        };
        if start > *bounds.last().unwrap_or(&0) && start < len {
            bounds.push(start);
        }
        target = start.max(target) + piece_bytes;
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
        let run = contained(|| {
            Parser::new()
                .tolerant()
                .capture_source()
                .preserve_raw()
                .parse_events(input, |event| {
                    reached = reached.max(from + collect(event, from, original, &mut out));
                    Ok(ParseFlow::Continue)
                })
        });
        if matches!(run, Some(Ok(_))) {
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
    let run = contained(|| {
        Parser::new()
            .tolerant()
            .capture_source()
            .parse_events(&ascii, |event| {
                collect(event, block.start, original, &mut found);
                Ok(ParseFlow::Continue)
            })
    });
    match (run, found.problems.into_iter().next()) {
        (Some(_), Some(problem)) => problem,
        _ => Problem {
            offset: block.start,
            code: CRASH.into(),
            key: key_of_block(original, block.start),
        },
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
        let year = &parsed.entries[1].fields[0];
        assert_eq!(year.literal.clone().map(|r| &text[r]), Some("2007"));
        assert!(year.atoms.is_empty());
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
        assert_eq!(&text[entry.fields[0].span.clone()], "\"A\" # m");
        assert_eq!(entry.fields[0].literal, None);
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
    fn pieces_start_at_blocks_and_groups_cover_them_once() {
        let bounds = piece_bounds(&[0, 10, 25, 40, 90], 100, 20);
        assert_eq!(bounds, [0, 25, 90, 100]);
        assert_eq!(piece_bounds(&[0], 5, 20), [0, 5]);
        assert_eq!(piece_bounds(&[], 0, 20), [0, 0]);
        for n in 1..12 {
            let bounds: Vec<usize> = (0..=n).collect();
            let groups = groups(&bounds);
            assert_eq!(groups.first().map(|g| g[0]), Some(0));
            assert_eq!(groups.last().and_then(|g| g.last()), Some(&n));
            assert!(groups.windows(2).all(|w| w[0].last() == w[1].first()));
            assert!(groups.iter().all(|g| g.len() >= 2));
        }
    }

    #[test]
    fn large_inputs_split_into_chunks_in_order() {
        let mut text = String::new();
        for i in 0..3_000 {
            text.push_str(&format!("@misc{{k{i}, note = {{{}}}}}\n", "x".repeat(100)));
        }
        let parsed = parse_in_pieces(&text, 1000);
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
