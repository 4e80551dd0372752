//! Finding a quote typed by the user in a source's text.

use std::ops::Range;

use super::approx::Matcher;
use super::fold::{Folded, fold};

/// Where a quote occurs in a text; ranges are bytes of the original text, in text order.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteMatch {
    Unique(Range<usize>),
    Several(Vec<Range<usize>>),
    NotFound { nearest: Option<Nearest> },
}

/// The passage closest to a quote that was not found.
#[derive(Debug, Clone, PartialEq)]
pub struct Nearest {
    pub range: Range<usize>,
    /// From 0 (nothing alike) to 1 (identical once folded).
    pub similarity: f32,
}

/// The most edits a suggested passage may differ by: half the quote, at most this many.
const MAX_SUGGESTION_EDITS: usize = 128;

/// Finds `quote` in `text`, tolerant of whitespace, apostrophe and quotation-mark variants.
pub fn find_quote(text: &str, quote: &str) -> QuoteMatch {
    let folded_quote = fold(quote.trim()).text;
    if folded_quote.is_empty() {
        return QuoteMatch::NotFound { nearest: None };
    }
    let folded = fold(text);
    let found = occurrences(&folded, &folded_quote);
    match found.len() {
        0 => QuoteMatch::NotFound {
            nearest: nearest(&folded, &folded_quote),
        },
        1 => QuoteMatch::Unique(found[0].clone()),
        _ => QuoteMatch::Several(found),
    }
}

/// Every occurrence, overlapping ones included, as original byte ranges.
fn occurrences(folded: &Folded, quote: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = folded.text[from..].find(quote) {
        let start = from + at;
        found.push(folded.original(start..start + quote.len()));
        from = start
            + folded.text[start..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
    }
    found
}

fn nearest(folded: &Folded, quote: &str) -> Option<Nearest> {
    let matcher = Matcher::new(quote);
    let m = matcher.chars();
    let k = (m / 2).clamp(1, MAX_SUGGESTION_EDITS);
    let best = matcher
        .find(&folded.text, 0..folded.text.len(), k, 1, 0)
        .into_iter()
        .next()?;
    let length = folded.text[best.range.clone()].chars().count();
    let similarity = 1.0 - best.distance as f32 / m.max(length) as f32;
    Some(Nearest {
        range: folded.original(best.range),
        similarity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Selon le rapport, «\u{a0}62\u{a0}% de la prostitution passe, en France, \
                        par l’Internet\u{a0}». L’Internet change tout\u{202f}: la loi aussi.";

    fn slice(range: &Range<usize>) -> &'static str {
        &TEXT[range.clone()]
    }

    #[test]
    fn plain_typing_matches_typeset_text() {
        let QuoteMatch::Unique(r) = find_quote(
            TEXT,
            "62 % de la prostitution passe, en France, par l'Internet",
        ) else {
            panic!("expected a unique match");
        };
        assert_eq!(
            slice(&r),
            "62\u{a0}% de la prostitution passe, en France, par l’Internet"
        );
    }

    #[test]
    fn straight_quotes_match_guillemets_with_their_spaces() {
        let QuoteMatch::Unique(r) = find_quote(
            TEXT,
            "\"62 % de la prostitution passe, en France, par l'Internet\"",
        ) else {
            panic!("expected a unique match");
        };
        assert!(slice(&r).starts_with("«\u{a0}62") && slice(&r).ends_with("Internet\u{a0}»"));
    }

    #[test]
    fn spaces_before_high_punctuation_are_optional() {
        assert!(matches!(
            find_quote(TEXT, "change tout: la loi"),
            QuoteMatch::Unique(_)
        ));
        assert!(matches!(
            find_quote(TEXT, "change tout : la loi"),
            QuoteMatch::Unique(_)
        ));
    }

    #[test]
    fn several_occurrences_are_listed_in_text_order() {
        let QuoteMatch::Several(all) = find_quote(TEXT, "Internet") else {
            panic!("expected several matches");
        };
        assert_eq!(all.len(), 2);
        assert!(all[0].start < all[1].start);
        assert!(TEXT[..all[0].start].ends_with("par l’"));
        assert!(TEXT[..all[1].start].ends_with("». L’"));
    }

    #[test]
    fn case_differs_so_only_exact_case_counts() {
        let QuoteMatch::Unique(r) = find_quote(TEXT, "L’Internet change") else {
            panic!("expected a unique match");
        };
        assert!(slice(&r).starts_with('L'));
    }

    #[test]
    fn overlapping_occurrences_are_all_listed() {
        assert_eq!(
            find_quote("aaa", "aa"),
            QuoteMatch::Several(vec![0..2, 1..3])
        );
    }

    #[test]
    fn missing_quote_suggests_the_nearest_passage() {
        let QuoteMatch::NotFound { nearest: Some(n) } =
            find_quote(TEXT, "la prostitusion passe en France")
        else {
            panic!("expected a suggestion");
        };
        assert!(
            slice(&n.range).starts_with("la prostitution passe"),
            "{}",
            slice(&n.range)
        );
        assert!(
            n.similarity > 0.85 && n.similarity < 1.0,
            "{}",
            n.similarity
        );
    }

    #[test]
    fn nothing_alike_suggests_nothing() {
        assert_eq!(
            find_quote(TEXT, "zzzzzzzzzzzz"),
            QuoteMatch::NotFound { nearest: None }
        );
    }

    #[test]
    fn blank_quote_is_not_found() {
        assert_eq!(
            find_quote(TEXT, " \u{a0}\t"),
            QuoteMatch::NotFound { nearest: None }
        );
        assert_eq!(find_quote("", "x"), QuoteMatch::NotFound { nearest: None });
    }

    #[test]
    fn cjk_and_accents_are_found_by_bytes_of_the_original() {
        let text = "前文 l’été 日本語の文章 fin";
        let QuoteMatch::Unique(r) = find_quote(text, "l'été 日本語") else {
            panic!("expected a unique match");
        };
        assert_eq!(&text[r], "l’été 日本語");
    }
}
