//! Cursor motions over a source's text: characters, rows, words, sentences, paragraphs.

use unicode_segmentation::UnicodeSegmentation;

use crate::tui::data::SourceDoc;
use crate::tui::layout::rows;
use crate::tui::sentence;

pub fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .grapheme_indices(true)
        .nth(1)
        .map_or(text.len(), |(i, _)| at + i)
}

pub fn prev_char(text: &str, at: usize) -> usize {
    text[..at]
        .grapheme_indices(true)
        .next_back()
        .map_or(0, |(i, _)| i)
}

fn is_word(piece: &str) -> bool {
    piece.chars().any(char::is_alphanumeric)
}

/// Words from the start of `at`'s line on (a line break is always a word boundary, so this is exact).
fn words_from_line(text: &str, at: usize) -> impl Iterator<Item = (usize, &str)> {
    let base = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[base..]
        .split_word_bound_indices()
        .map(move |(i, w)| (base + i, w))
}

pub fn next_word(text: &str, at: usize) -> usize {
    words_from_line(text, at)
        .find(|(i, w)| *i > at && is_word(w))
        .map_or(text.len(), |(i, _)| i)
}

pub fn prev_word(text: &str, at: usize) -> usize {
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[..end]
        .split_word_bound_indices()
        .rev()
        .find(|(i, w)| *i < at && is_word(w))
        .map_or(0, |(i, _)| i)
}

/// The end of the word at or after `at` (exclusive), so a selection covers whole words.
pub fn word_end(text: &str, at: usize) -> usize {
    words_from_line(text, at)
        .find(|(i, w)| i + w.len() > at && is_word(w))
        .map_or(text.len(), |(i, w)| i + w.len())
}

pub fn next_sentence(text: &str, at: usize) -> usize {
    sentence::next_start(text, at).map_or(text.len(), |r| r.start)
}

pub fn prev_sentence(text: &str, at: usize) -> usize {
    sentence::prev_start(text, at).map_or(0, |r| r.start)
}

/// The start of the next non-blank line.
pub fn next_paragraph(doc: &SourceDoc, at: usize) -> usize {
    let line = doc.line_of(at);
    (line + 1..doc.line_count())
        .map(|l| doc.line_bounds(l))
        .find(|(s, e)| !doc.text[*s..*e].trim().is_empty())
        .map_or(doc.text.len(), |(s, _)| s)
}

pub fn prev_paragraph(doc: &SourceDoc, at: usize) -> usize {
    let line = doc.line_of(at);
    (0..=line)
        .rev()
        .map(|l| doc.line_bounds(l))
        .find(|(s, e)| *s < at && !doc.text[*s..*e].trim().is_empty())
        .map_or(0, |(s, _)| s)
}

/// The offset one row down (`down`) or up, at the display column `goal`.
pub fn vertical(doc: &SourceDoc, width: usize, at: usize, goal: usize, down: bool) -> usize {
    let row = rows::row_at(doc, width, at);
    let target = if down {
        rows::next_row(doc, width, &row)
    } else {
        rows::prev_row(doc, width, &row)
    };
    match target {
        Some(target) => rows::offset_at(doc, &target, goal),
        None if down => doc.text.len(),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_punctuation_and_spaces() {
        let text = "Selon, l’association « le Mouvement »";
        let second = next_word(text, 0);
        assert!(text[second..].starts_with('l'), "{}", &text[second..]);
        assert_eq!(prev_word(text, second), 0);
        assert_eq!(word_end(text, 0), "Selon".len());
        assert_eq!(next_char("é漢", 0), "é".len());
        let lines = "un deux\ntrois.\n\nquatre";
        assert_eq!(next_word(lines, 4), lines.find("trois").unwrap());
        assert_eq!(
            prev_word(lines, lines.find("quatre").unwrap()),
            lines.find("trois").unwrap()
        );
        assert_eq!(word_end(lines, 6), lines.find("\n").unwrap());
        assert_eq!(prev_char("é漢", "é漢".len()), "é".len());
    }
}
