//! Hostile input for anchoring: any text and quote, any stored anchor, no panic, ranges on char boundaries.

use std::ops::Range;

use proptest::prelude::*;

use super::{QuoteMatch, Reanchored, anchor_at, find_quote, reanchor};
use crate::model::Anchor;

/// Characters that change length when folded or lower-cased, combine, or control the terminal.
const ODD: &str =
    "aAeé e\u{301}İıßẞﬁﬀ’'‘«»\"“” \u{a0}\u{202f}\t\n\r\u{200d}\u{202e}\u{1b}\u{9b}\0😀🇫🇷-.";

fn odd_text(max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = ODD.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..max).prop_map(|c| c.into_iter().collect())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![odd_text(200), any::<String>()]
}

fn on_boundaries(text: &str, range: &Range<usize>) -> Result<(), TestCaseError> {
    prop_assert!(
        range.start <= range.end && range.end <= text.len(),
        "{range:?} in {}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{range:?} in {text:?}"
    );
    Ok(())
}

proptest! {
    #[test]
    fn find_quote_ranges_are_char_ranges(text in text(), quote in odd_text(12)) {
        match find_quote(&text, &quote) {
            QuoteMatch::Unique(range) => on_boundaries(&text, &range)?,
            QuoteMatch::Several(ranges) => {
                prop_assert!(ranges.len() > 1);
                for range in &ranges {
                    on_boundaries(&text, range)?;
                }
            }
            QuoteMatch::NotFound { nearest } => {
                if let Some(n) = nearest {
                    on_boundaries(&text, &n.range)?;
                    prop_assert!((0.0..=1.0).contains(&n.similarity));
                }
            }
        }
    }

    #[test]
    fn quotes_cut_from_the_text_are_found(text in text(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
        let range = x.min(y)..x.max(y);
        let anchor = anchor_at(&text, range.clone());
        prop_assert_eq!(&anchor.exact, &text[range.clone()]);
        on_boundaries(&text, &(anchor.start..anchor.end))?;
        if !text[range].trim().is_empty() {
            let found = !matches!(find_quote(&text, &anchor.exact), QuoteMatch::NotFound { .. });
            prop_assert!(found, "{:?} not found in {text:?}", anchor.exact);
        }
    }

    #[test]
    fn any_stored_anchor_reanchors_without_panic(
        text in text(),
        exact in odd_text(30),
        prefix in odd_text(20),
        suffix in odd_text(20),
        start in 0usize..400,
        len in 0usize..60,
    ) {
        let anchor = Anchor { exact, prefix, suffix, start, end: start.saturating_add(len) };
        match reanchor(&anchor, &text) {
            Reanchored::Exact(range) | Reanchored::Moved(range) => {
                on_boundaries(&text, &range)?;
                prop_assert!(!text[range].is_empty() || anchor.exact.is_empty());
            }
            Reanchored::Fuzzy { range, .. } => on_boundaries(&text, &range)?,
            Reanchored::Orphaned => {}
        }
    }
}
