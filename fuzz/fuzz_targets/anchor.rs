//! Any text, quote and stored anchor: find_quote and reanchor never panic and return char ranges.
#![no_main]

use std::ops::Range;

use glose::anchor::{QuoteMatch, Reanchored, find_quote, reanchor};
use glose::model::Anchor;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, range: &Range<usize>) {
    assert!(range.start <= range.end && range.end <= text.len());
    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
}

fuzz_target!(|input: (&str, &str, &str, u16, u16)| {
    let (text, quote, context, start, len) = input;
    match find_quote(text, quote) {
        QuoteMatch::Unique(range) => check(text, &range),
        QuoteMatch::Several(ranges) => ranges.iter().for_each(|r| check(text, r)),
        QuoteMatch::NotFound { nearest } => nearest.iter().for_each(|n| check(text, &n.range)),
    }
    let anchor = Anchor {
        exact: quote.to_string(),
        prefix: context.to_string(),
        suffix: context.chars().rev().collect(),
        start: usize::from(start),
        end: usize::from(start) + usize::from(len),
    };
    match reanchor(&anchor, text) {
        Reanchored::Exact(r) | Reanchored::Moved(r) | Reanchored::Fuzzy { range: r, .. } => {
            check(text, &r);
        }
        Reanchored::Orphaned => {}
    }
});
