//! The text around a quote: building anchors, and measuring how well old context fits a new place.

use std::ops::Range;

use crate::model::Anchor;

/// How many characters of text before and after a quote an anchor keeps.
pub const CONTEXT_CHARS: usize = 32;

/// Extra characters read beyond the stored context, so text inserted next to a quote costs
/// only its own length.
const SLACK_CHARS: usize = 16;

/// The anchor for `range` of `text`, with up to [`CONTEXT_CHARS`] characters of context each side.
///
/// A range off the char boundaries or the text is narrowed to fit rather than refused.
pub fn anchor_at(text: &str, range: Range<usize>) -> Anchor {
    let range = fit(text, range);
    Anchor {
        exact: text[range.clone()].to_owned(),
        prefix: before(text, range.start, CONTEXT_CHARS).to_owned(),
        suffix: after(text, range.end, CONTEXT_CHARS).to_owned(),
        start: range.start,
        end: range.end,
    }
}

/// `range` clamped to `text` and moved onto char boundaries (start down, end up).
pub(crate) fn fit(text: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start..end
}

/// Up to `chars` characters of `text` ending at byte `at`.
pub(crate) fn before(text: &str, at: usize, chars: usize) -> &str {
    let head = &text[..at];
    if chars == 0 {
        return "";
    }
    let from = head
        .char_indices()
        .rev()
        .nth(chars - 1)
        .map_or(0, |(i, _)| i);
    &head[from..]
}

/// Up to `chars` characters of `text` starting at byte `at`.
pub(crate) fn after(text: &str, at: usize, chars: usize) -> &str {
    let tail = &text[at..];
    let to = tail
        .char_indices()
        .nth(chars)
        .map_or(tail.len(), |(i, _)| i);
    &tail[..to]
}

/// Stands for the start or end of the text when a stored context was cut short by it.
const EDGE: char = '\u{0}';

/// How well the stored `prefix` fits the text just before `start`, from 0 to 1.
pub(crate) fn prefix_similarity(prefix: &str, text: &str, start: usize) -> f32 {
    let want_chars = prefix.chars().count();
    let mut want: Vec<char> = prefix.chars().rev().collect();
    let have_text = before(text, start, want_chars + SLACK_CHARS);
    let mut have: Vec<char> = have_text.chars().rev().collect();
    if want_chars < CONTEXT_CHARS {
        want.push(EDGE);
    }
    if have_text.len() == start {
        have.push(EDGE);
    }
    similarity(&want, &have)
}

/// How well the stored `suffix` fits the text just after `end`, from 0 to 1.
pub(crate) fn suffix_similarity(suffix: &str, text: &str, end: usize) -> f32 {
    let want_chars = suffix.chars().count();
    let mut want: Vec<char> = suffix.chars().collect();
    let have_text = after(text, end, want_chars + SLACK_CHARS);
    let mut have: Vec<char> = have_text.chars().collect();
    if want_chars < CONTEXT_CHARS {
        want.push(EDGE);
    }
    if end + have_text.len() == text.len() {
        have.push(EDGE);
    }
    similarity(&want, &have)
}

/// 1 minus the edit distance between `want` and the best prefix of `have`, over `want`'s length.
fn similarity(want: &[char], have: &[char]) -> f32 {
    let mut row: Vec<usize> = (0..=have.len()).collect();
    for (i, &w) in want.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &h) in have.iter().enumerate() {
            let next = (diagonal + usize::from(w != h))
                .min(row[j + 1] + 1)
                .min(row[j] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    let distance = row.iter().copied().min().unwrap_or(want.len());
    1.0 - distance as f32 / want.len().max(1) as f32
}

/// Cheap stand-in for the two similarities, used to rank many candidates before scoring a few.
pub(crate) fn shared_context_chars(anchor: &Anchor, text: &str, range: &Range<usize>) -> usize {
    let left = anchor
        .prefix
        .chars()
        .rev()
        .zip(text[..range.start].chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let right = anchor
        .suffix
        .chars()
        .zip(text[range.end..].chars())
        .take_while(|(a, b)| a == b)
        .count();
    left + right
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_keeps_up_to_32_chars_each_side() {
        let text = format!("{}«\u{a0}quote\u{a0}»{}", "é".repeat(40), "日本".repeat(20));
        let start = text.find("quote").unwrap_or_default();
        let anchor = anchor_at(&text, start..start + 5);
        assert_eq!(anchor.exact, "quote");
        assert_eq!(anchor.prefix.chars().count(), CONTEXT_CHARS);
        assert!(anchor.prefix.ends_with("«\u{a0}"));
        assert_eq!(anchor.suffix.chars().count(), CONTEXT_CHARS);
        assert!(anchor.suffix.starts_with("\u{a0}»日本"));
        assert_eq!((anchor.start, anchor.end), (start, start + 5));
    }

    #[test]
    fn anchor_near_the_edges_keeps_what_there_is() {
        let anchor = anchor_at("ab cd", 0..2);
        assert_eq!(
            (anchor.prefix.as_str(), anchor.suffix.as_str()),
            ("", " cd")
        );
    }

    #[test]
    fn ranges_off_char_boundaries_are_widened_and_clamped() {
        let anchor = anchor_at("été", 1..3);
        assert_eq!(anchor.exact, "ét");
        assert_eq!(anchor_at("abc", 2..99).exact, "c");
        let (start, end) = (5, 1);
        assert_eq!(anchor_at("abc", start..end).exact, "");
    }

    #[test]
    fn text_inserted_next_to_the_quote_costs_only_its_length() {
        let prefix = "au début du texte il y a un mot ";
        assert_eq!(prefix.chars().count(), CONTEXT_CHARS);
        let text = format!("Avant. {prefix}XXXX|quote");
        let at = text.find('|').unwrap_or_default() + 1;
        let sim = prefix_similarity(prefix, &text, at);
        assert!((sim - (1.0 - 5.0 / 32.0)).abs() < 1e-6, "{sim}");
    }

    #[test]
    fn unrelated_context_scores_low() {
        let sim = suffix_similarity(
            " de la prostitution passe par l'Internet",
            "quote, selon le rapport annuel du ministère publié hier",
            5,
        );
        assert!(sim < 0.5, "{sim}");
    }

    #[test]
    fn empty_context_means_the_edge_of_the_text() {
        assert_eq!(prefix_similarity("", "abc", 0), 1.0);
        assert_eq!(prefix_similarity("", "abc", 1), 0.0);
        assert_eq!(suffix_similarity("", "abc", 3), 1.0);
    }

    #[test]
    fn context_cut_by_the_edge_must_find_the_edge_again() {
        assert_eq!(suffix_similarity(".", "quote.", 5), 1.0);
        assert_eq!(suffix_similarity(".", "quote. Et la suite", 5), 0.5);
    }
}
