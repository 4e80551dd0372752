//! Word wrapping by display width: grapheme clusters, wide CJK characters, tabs and no-break spaces.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub const TAB_STOP: usize = 4;

/// The columns a grapheme takes when it starts at column `col`.
pub fn width_at(grapheme: &str, col: usize) -> usize {
    match grapheme {
        "\t" => TAB_STOP - col % TAB_STOP,
        g if g.chars().any(acts_on_terminal) => 1,
        g => g.width(),
    }
}

/// What the terminal is sent for a grapheme: never a control character or an escape sequence.
pub fn shown(grapheme: &str, col: usize) -> Cow<'static, str> {
    match grapheme {
        "\t" => Cow::Owned(" ".repeat(width_at(grapheme, col))),
        "\u{a0}" | "\u{202f}" => Cow::Borrowed(" "),
        g if g.chars().any(acts_on_terminal) => Cow::Borrowed("\u{fffd}"),
        g => Cow::Owned(g.to_string()),
    }
}

/// Replaces control characters in one-line text (titles, bodies, .bib fields) before it is drawn.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if acts_on_terminal(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Control characters and bidi overrides: a terminal would act on them, or reorder the text around them.
fn acts_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// The visual rows of one line (no newline in it) at `width` columns, as byte ranges of the line.
pub fn rows(line: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut row_start = 0;
    let mut col = 0;
    let mut last_break: Option<usize> = None;
    for (at, g) in line.grapheme_indices(true) {
        let w = width_at(g, col);
        if col + w > width && col > 0 {
            if g == " " && breakable(line, at) {
                rows.push(row_start..at + 1);
                row_start = at + 1;
                col = 0;
                last_break = None;
                continue;
            }
            let cut = last_break.filter(|b| *b > row_start).unwrap_or(at);
            rows.push(row_start..cut);
            row_start = cut;
            col = columns(&line[cut..at]);
            last_break = None;
        }
        col += width_at(g, col);
        if g == " " && breakable(line, at) {
            last_break = Some(at + 1);
        }
    }
    rows.push(row_start..line.len());
    rows
}

/// Whether the space at `at` may end a row: French typography keeps « with its word and the word
/// with its closing », `!`, `?`, `:` or `;`, even when the source used plain spaces.
fn breakable(line: &str, at: usize) -> bool {
    !line[..at].ends_with('«') && !line[at + 1..].starts_with(['»', '!', '?', ':', ';'])
}

/// The width of a piece of a row that starts at column 0.
pub fn columns(piece: &str) -> usize {
    piece
        .graphemes(true)
        .fold(0, |col, g| col + width_at(g, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        rows(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn french_quotes_and_punctuation_stay_with_their_words() {
        let text = "le terme de « cyberprostitution » ou « d’excorting » est-il clair ?";
        for width in 22..text.chars().count() {
            for row in lines(text, width) {
                let row = row.trim_end();
                assert!(!row.ends_with('«'), "{row:?} at width {width}");
                assert!(!row.starts_with(['»', '?']), "{row:?} at width {width}");
            }
        }
    }

    #[test]
    fn wraps_at_spaces_and_keeps_no_break_spaces_together() {
        assert_eq!(
            lines("le Mouvement du Nid «\u{a0}abolitionniste\u{a0}»", 18),
            vec!["le Mouvement du ", "Nid ", "«\u{a0}abolitionniste\u{a0}»"]
        );
        assert_eq!(lines("abolitionniste", 5), vec!["aboli", "tionn", "iste"]);
        assert_eq!(lines("", 10), vec![""]);
    }

    #[test]
    fn counts_wide_characters_and_combining_accents_by_width() {
        assert_eq!(lines("漢字漢字漢字", 5), vec!["漢字", "漢字", "漢字"]);
        let decomposed = "e\u{301}te\u{301} e\u{301}te\u{301}";
        assert_eq!(
            lines(decomposed, 5),
            vec!["e\u{301}te\u{301} ", "e\u{301}te\u{301}"]
        );
        assert_eq!(columns("e\u{301}t漢"), 4);
    }

    #[test]
    fn tabs_expand_to_stops_and_controls_are_never_sent_raw() {
        assert_eq!(columns("a\tb"), 5);
        assert_eq!(shown("\u{1b}", 0), "\u{fffd}");
        assert_eq!(clean("a\u{1b}[31mb"), "a\u{fffd}[31mb");
        assert_eq!(clean("a\u{202e}b\u{9b}"), "a\u{fffd}b\u{fffd}");
        assert_eq!(columns("a\u{2066}b"), 3);
    }
}
