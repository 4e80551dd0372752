//! Re-attaching an anchor to a changed text: exact where it was, else exact elsewhere chosen by
//! context and position, else an approximate match with bounded edits, else an orphan.
//!
//! Candidates are scored as Hypothesis does: 50 quote + 20 prefix + 20 suffix + 2 position.
//! An exact occurrence whose context agrees on both sides is taken at once; otherwise exact and
//! approximate candidates whose context agrees (one side for a long quote, both for a short one)
//! compete on score. Without agreeing context, only a long quote may attach, and only as fuzzy.

use std::ops::Range;

use super::approx::{Approx, Matcher};
use super::context::{anchor_at, fit, prefix_similarity, shared_context_chars, suffix_similarity};
use crate::model::{Anchor, AnchorState, Annotation};

/// What became of an anchor in a new text; ranges are byte ranges of that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reanchored {
    /// Word for word, at its old position.
    Exact(Range<usize>),
    /// Word for word, elsewhere.
    Moved(Range<usize>),
    /// Approximately, `distance` character edits away from the old quote: to be confirmed.
    Fuzzy {
        range: Range<usize>,
        distance: usize,
    },
    /// Nowhere to be found with confidence.
    Orphaned,
}

/// The most character edits a fuzzy match may have, whatever the quote's length.
pub const MAX_ERRORS: usize = 64;

/// The edit bound for a quote of `quote_chars` characters: a quarter of it, at most [`MAX_ERRORS`].
///
/// A quote of fewer than four characters allows no edit: one changed letter in "la" is "le", other words.
pub fn max_errors(quote_chars: usize) -> usize {
    (quote_chars / 4).min(MAX_ERRORS)
}

/// Quotes shorter than this (in characters) need context agreeing on both sides.
const DISTINCTIVE_CHARS: usize = 20;
/// Quotes at least this long may attach (as fuzzy) where no context agrees at all.
const LONE_CHARS: usize = 40;
/// The similarity (0 to 1) at which a prefix or suffix is taken to agree.
const AGREEMENT: f32 = 0.6;
/// The similarity at which both sides together make an exact occurrence certain.
const SURE: f32 = 0.8;
/// How many exact occurrences and approximate matches are scored in full.
const MAX_SCORED: usize = 64;
/// The search near the old position spans at least this many bytes each side.
const NEAR_BYTES: usize = 4096;
/// Stored context shorter than this (in characters) is too common to hint where the quote went.
const MIN_HINT_CHARS: usize = 12;
/// How many places where the old context still occurs are searched before the whole text.
const MAX_HINTS: usize = 4;

struct Candidate {
    range: Range<usize>,
    distance: usize,
    /// The context agrees: one side for a long quote, both sides for a short one.
    agrees: bool,
    /// Both sides agree well: an exact occurrence like this is taken without looking further.
    sure: bool,
    score: f32,
}

/// Finds where `anchor` belongs in `text`.
pub fn reanchor(anchor: &Anchor, text: &str) -> Reanchored {
    let quote = anchor.exact.as_str();
    let old = anchor.start..anchor.end;
    if text.get(old.clone()) == Some(quote)
        && text[..old.start].ends_with(&anchor.prefix)
        && text[old.end..].starts_with(&anchor.suffix)
    {
        return Reanchored::Exact(old);
    }
    if quote.is_empty() {
        return Reanchored::Orphaned;
    }
    let chars = quote.chars().count();
    let exact = exact_candidates(anchor, text, chars);
    if let Some(best) = best(exact.iter().filter(|c| c.sure)) {
        return exact_or_moved(anchor, best.range.clone());
    }
    let matcher = Matcher::new(quote);
    let k = max_errors(chars);
    let windows = windows(anchor, text);
    let mut fuzzy = Vec::new();
    for window in windows.iter().cloned() {
        fuzzy.extend(approximate_candidates(anchor, text, &matcher, window, k));
    }
    let agreeing = |cs: &[Candidate]| cs.iter().any(|c| c.agrees);
    let searched_all = windows.len() == 1 && windows[0] == (0..text.len());
    if !(agreeing(&exact) || agreeing(&fuzzy) || searched_all) {
        fuzzy = approximate_candidates(anchor, text, &matcher, 0..text.len(), k);
    }
    if let Some(best) = best(exact.iter().chain(&fuzzy).filter(|c| c.agrees)) {
        return found(anchor, best);
    }
    if chars >= LONE_CHARS {
        let close = exact
            .iter()
            .chain(&fuzzy)
            .filter(|c| c.distance <= chars / 8);
        if let Some(best) = best(close) {
            return fuzzy_at(best);
        }
    }
    Reanchored::Orphaned
}

/// Re-anchors `annotation` in `text`: a found anchor is rebuilt from the text (quote, context,
/// position); an orphan keeps its old anchor. A fuzzy state stays until the user confirms it.
pub fn reanchor_annotation(annotation: &mut Annotation, text: &str) -> Reanchored {
    let outcome = reanchor(&annotation.anchor, text);
    match &outcome {
        Reanchored::Exact(range) | Reanchored::Moved(range) => {
            annotation.anchor = anchor_at(text, range.clone());
            if annotation.state == AnchorState::Orphaned {
                annotation.state = AnchorState::Exact;
            }
        }
        Reanchored::Fuzzy { range, .. } => {
            annotation.anchor = anchor_at(text, range.clone());
            annotation.state = AnchorState::Fuzzy;
        }
        Reanchored::Orphaned => annotation.state = AnchorState::Orphaned,
    }
    outcome
}

fn exact_or_moved(anchor: &Anchor, range: Range<usize>) -> Reanchored {
    if range == (anchor.start..anchor.end) {
        Reanchored::Exact(range)
    } else {
        Reanchored::Moved(range)
    }
}

fn found(anchor: &Anchor, candidate: &Candidate) -> Reanchored {
    if candidate.distance == 0 {
        exact_or_moved(anchor, candidate.range.clone())
    } else {
        fuzzy_at(candidate)
    }
}

fn fuzzy_at(candidate: &Candidate) -> Reanchored {
    Reanchored::Fuzzy {
        range: candidate.range.clone(),
        distance: candidate.distance,
    }
}

/// The highest score; on a tie, the first (nearest the old position, as candidates are ordered).
fn best<'c>(candidates: impl Iterator<Item = &'c Candidate>) -> Option<&'c Candidate> {
    candidates.fold(None, |best: Option<&Candidate>, c| match best {
        Some(b) if b.score >= c.score => Some(b),
        _ => Some(c),
    })
}

fn score(
    anchor: &Anchor,
    text: &str,
    range: Range<usize>,
    distance: usize,
    chars: usize,
) -> Candidate {
    let prefix = prefix_similarity(&anchor.prefix, text, range.start);
    let suffix = suffix_similarity(&anchor.suffix, text, range.end);
    let quote = 1.0 - distance as f32 / chars.max(1) as f32;
    let position = 1.0 - range.start.abs_diff(anchor.start) as f32 / text.len().max(1) as f32;
    Candidate {
        range,
        distance,
        agrees: if chars >= DISTINCTIVE_CHARS {
            prefix.max(suffix) >= AGREEMENT
        } else {
            prefix.min(suffix) >= AGREEMENT
        },
        sure: prefix.min(suffix) >= SURE,
        score: (50.0 * quote + 20.0 * prefix + 20.0 * suffix + 2.0 * position) / 92.0,
    }
}

/// Every occurrence of the quote word for word; past [`MAX_SCORED`], those sharing most context.
fn exact_candidates(anchor: &Anchor, text: &str, chars: usize) -> Vec<Candidate> {
    let quote = anchor.exact.as_str();
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(quote) {
        let start = from + at;
        ranges.push(start..start + quote.len());
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    ranges.sort_by_key(|r| r.start.abs_diff(anchor.start));
    if ranges.len() > MAX_SCORED {
        ranges.sort_by_key(|r| std::cmp::Reverse(shared_context_chars(anchor, text, r)));
        ranges.truncate(MAX_SCORED);
    }
    ranges
        .into_iter()
        .map(|r| score(anchor, text, r, 0, chars))
        .collect()
}

fn approximate_candidates(
    anchor: &Anchor,
    text: &str,
    matcher: &Matcher,
    window: Range<usize>,
    k: usize,
) -> Vec<Candidate> {
    let mut found = matcher.find(text, window, k, MAX_SCORED, anchor.start);
    found.sort_by_key(|a| a.range.start.abs_diff(anchor.start));
    found
        .into_iter()
        .map(|Approx { range, distance }| score(anchor, text, range, distance, matcher.chars()))
        .collect()
}

/// The parts of `text` searched first: around the old position, and around the places where
/// the old prefix or suffix still occurs word for word (a few, nearest first), merged.
fn windows(anchor: &Anchor, text: &str) -> Vec<Range<usize>> {
    let reach = NEAR_BYTES.max(8 * anchor.exact.len());
    let mut hints = vec![anchor.start];
    let mut context_hints: Vec<usize> = Vec::new();
    if anchor.prefix.chars().count() >= MIN_HINT_CHARS {
        context_hints.extend(
            text.match_indices(&anchor.prefix)
                .map(|(at, p)| at + p.len()),
        );
    }
    if anchor.suffix.chars().count() >= MIN_HINT_CHARS {
        context_hints.extend(
            text.match_indices(&anchor.suffix)
                .map(|(at, _)| at.saturating_sub(anchor.exact.len())),
        );
    }
    context_hints.sort_by_key(|h| h.abs_diff(anchor.start));
    hints.extend(context_hints.into_iter().take(MAX_HINTS));
    let mut ranges: Vec<Range<usize>> = hints
        .into_iter()
        .map(|h| {
            fit(
                text,
                h.saturating_sub(reach)..h.saturating_add(reach + anchor.exact.len()),
            )
        })
        .collect();
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}
