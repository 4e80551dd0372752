//! Property tests: random French-like texts, random anchors, random edits near and far.

use std::ops::Range;

use proptest::prelude::*;

use super::*;
use crate::model::Anchor;

const WORDS: &[&str] = &[
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "à",
    "en",
    "pour",
    "par",
    "sur",
    "dans",
    "loi",
    "article",
    "rapport",
    "marché",
    "prostitution",
    "Internet",
    "l’État",
    "d’abord",
    "été",
    "réseau",
    "plateforme",
    "annonces",
    "contrôle",
    "réel",
    "juge",
    "décision",
    "code",
    "pénal",
    "français",
    "«\u{a0}victimes\u{a0}»",
    "62\u{a0}%",
    "n°\u{a0}12",
    "avril",
    "2016",
    "système",
    "lutte",
    "renforcer",
    "mineurs",
    "proxénétisme",
    "trafic",
    "données",
    "numérique",
    "cyberjustice",
    "tribunal",
    "cour",
    "appel",
    "cassation",
    "chambre",
    "criminelle",
    "日本語",
    "法律",
    "文章",
    "über",
    "naïve",
    "cœur",
];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", "\u{a0}", "\u{202f}", ", ", ". ", ".\n\n", " ; ", " : ",
];

fn text_strategy() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 30..220)
}

/// The text, and the byte range of each of its words.
fn build(words: &[(usize, usize)]) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for &(w, s) in words {
        let start = text.len();
        text.push_str(WORDS[w]);
        spans.push(start..text.len());
        text.push_str(SEPARATORS[s]);
    }
    (text, spans)
}

fn phrase(words: &[(usize, usize)]) -> String {
    let (text, _) = build(words);
    text
}

/// One edit: replace `range` of the text by `with`.
#[derive(Debug, Clone)]
struct Edit {
    range: Range<usize>,
    with: String,
}

impl Edit {
    fn apply(&self, text: &str) -> String {
        format!(
            "{}{}{}",
            &text[..self.range.start],
            self.with,
            &text[self.range.end..]
        )
    }

    /// Where a position of the old text lands in the new one (inside the edit: its start or end).
    fn map(&self, at: usize, is_end: bool) -> usize {
        if at < self.range.start || (at == self.range.start && !is_end) {
            at
        } else if at >= self.range.end {
            at - self.range.len() + self.with.len()
        } else if is_end {
            self.range.start + self.with.len()
        } else {
            self.range.start
        }
    }
}

/// A random edit at byte `at` (moved onto a char boundary): insertion, deletion or typo.
fn edit_at(text: &str, at: usize, kind: usize, size: usize, insert: &str) -> Edit {
    let at = super::context::fit(text, at..at).start;
    let end = super::context::fit(text, at..at + size).end;
    let one = super::context::fit(text, at..at + 1).end;
    match kind % 3 {
        0 => Edit {
            range: at..at,
            with: insert.to_owned(),
        },
        1 => Edit {
            range: at..end,
            with: String::new(),
        },
        _ => {
            let typo = if text[at..one].starts_with('e') {
                "é"
            } else {
                "e"
            };
            Edit {
                range: at..one,
                with: typo.to_owned(),
            }
        }
    }
}

fn range_of(outcome: &Reanchored) -> Option<Range<usize>> {
    match outcome {
        Reanchored::Exact(r) | Reanchored::Moved(r) | Reanchored::Fuzzy { range: r, .. } => {
            Some(r.clone())
        }
        Reanchored::Orphaned => None,
    }
}

/// No other occurrence of the quote in `text` has context like the anchor's on either side:
/// otherwise the text itself does not say which one the anchor meant.
fn identifiable(anchor: &Anchor, text: &str) -> bool {
    text.match_indices(anchor.exact.as_str()).all(|(at, q)| {
        at == anchor.start
            || (super::context::prefix_similarity(&anchor.prefix, text, at) < 0.6
                && super::context::suffix_similarity(&anchor.suffix, text, at + q.len()) < 0.6)
    })
}

/// Checks the promises that hold whatever the edit was.
fn check_promises(anchor: &Anchor, text: &str, outcome: &Reanchored) -> Result<(), TestCaseError> {
    if let Some(r) = range_of(outcome) {
        prop_assert!(
            text.get(r.clone()).is_some(),
            "range {r:?} off char boundaries"
        );
    }
    match outcome {
        Reanchored::Exact(r) | Reanchored::Moved(r) => {
            prop_assert_eq!(&text[r.clone()], anchor.exact.as_str());
        }
        Reanchored::Fuzzy { range, distance } => {
            let found = &text[range.clone()];
            prop_assert_eq!(strsim::levenshtein(found, &anchor.exact), *distance);
            prop_assert!(*distance <= max_errors(anchor.exact.chars().count()));
        }
        Reanchored::Orphaned => {}
    }
    if let Reanchored::Exact(r) = outcome {
        prop_assert_eq!(r.clone(), anchor.start..anchor.end);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn unchanged_text_stays_exact(words in text_strategy(), first in any::<prop::sample::Index>(), len in 1usize..8) {
        let (text, spans) = build(&words);
        let i = first.index(spans.len());
        let j = (i + len).min(spans.len()) - 1;
        let anchor = anchor_at(&text, spans[i].start..spans[j].end);
        prop_assert_eq!(reanchor(&anchor, &text), Reanchored::Exact(anchor.start..anchor.end));
    }

    #[test]
    fn edit_far_away_keeps_the_same_words(
        words in text_strategy(),
        first in any::<prop::sample::Index>(),
        len in 1usize..8,
        place in any::<prop::sample::Index>(),
        kind in 0usize..3,
        size in 1usize..40,
        insert in prop::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 1..12),
    ) {
        let (text, spans) = build(&words);
        let i = first.index(spans.len());
        let j = (i + len).min(spans.len()) - 1;
        let anchor = anchor_at(&text, spans[i].start..spans[j].end);
        let margin = 8 * (CONTEXT_CHARS + 16);
        let before = anchor.start.saturating_sub(margin);
        let after = text.len().saturating_sub(anchor.end + margin);
        prop_assume!(before + after > 0);
        let pick = place.index(before + after);
        let at = if pick < before { pick } else { anchor.end + margin + (pick - before) };
        let mut edit = edit_at(&text, at, kind, size, &phrase(&insert));
        if edit.range.start < anchor.start {
            let limit = super::context::fit(&text, anchor.start - margin / 2..anchor.start).start;
            edit.range.end = edit.range.end.min(limit).max(edit.range.start);
        }
        let edited = edit.apply(&text);
        let outcome = reanchor(&anchor, &edited);
        check_promises(&anchor, &edited, &outcome)?;
        let expected = edit.map(anchor.start, false)..edit.map(anchor.end, true);
        prop_assert!(
            matches!(&outcome, Reanchored::Exact(r) | Reanchored::Moved(r) if *r == expected),
            "expected {:?} at {:?}, got {:?}", anchor.exact, expected, outcome
        );
    }

    #[test]
    fn edit_near_or_inside_keeps_the_promises(
        words in text_strategy(),
        first in any::<prop::sample::Index>(),
        len in 1usize..8,
        offset in -80isize..80,
        kind in 0usize..3,
        size in 1usize..30,
        insert in prop::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 1..6),
    ) {
        let (text, spans) = build(&words);
        let i = first.index(spans.len());
        let j = (i + len).min(spans.len()) - 1;
        let anchor = anchor_at(&text, spans[i].start..spans[j].end);
        prop_assume!(identifiable(&anchor, &text));
        let at = anchor.start.saturating_add_signed(offset).min(text.len());
        let edit = edit_at(&text, at, kind, size, &phrase(&insert));
        let edited = edit.apply(&text);
        let outcome = reanchor(&anchor, &edited);
        check_promises(&anchor, &edited, &outcome)?;
        if let Some(r) = range_of(&outcome) {
            let image = edit.map(anchor.start, false)..edit.map(anchor.end, true);
            prop_assert!(
                r.start <= image.end && image.start <= r.end,
                "{:?} attached to {:?} at {:?}, far from {:?}", anchor.exact, &edited[r.clone()], r, image
            );
        }
    }

    #[test]
    fn deleting_the_quote_and_its_context_never_attaches_a_short_quote_elsewhere(
        words in text_strategy(),
        first in any::<prop::sample::Index>(),
        len in 1usize..8,
    ) {
        let (text, spans) = build(&words);
        let i = first.index(spans.len());
        let j = (i + len).min(spans.len()) - 1;
        let anchor = anchor_at(&text, spans[i].start..spans[j].end);
        prop_assume!(identifiable(&anchor, &text));
        let wide = super::context::fit(&text, anchor.start.saturating_sub(200)..anchor.end + 200);
        let edited = Edit { range: wide, with: String::new() }.apply(&text);
        let outcome = reanchor(&anchor, &edited);
        check_promises(&anchor, &edited, &outcome)?;
        match outcome {
            Reanchored::Orphaned => {}
            Reanchored::Fuzzy { .. } => prop_assert!(anchor.exact.chars().count() >= 40, "{outcome:?}"),
            _ => prop_assert!(false, "{:?} silently attached: {:?}", anchor.exact, outcome),
        }
    }

    #[test]
    fn several_edits_never_break_the_promises(
        words in text_strategy(),
        first in any::<prop::sample::Index>(),
        len in 1usize..8,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..3, 1usize..40), 1..6),
    ) {
        let (text, spans) = build(&words);
        let i = first.index(spans.len());
        let j = (i + len).min(spans.len()) - 1;
        let anchor = anchor_at(&text, spans[i].start..spans[j].end);
        let mut edited = text;
        for (place, kind, size) in edits {
            let at = place.index(edited.len() + 1);
            edited = edit_at(&edited, at, kind, size, "texte ajouté ").apply(&edited);
        }
        let outcome = reanchor(&anchor, &edited);
        check_promises(&anchor, &edited, &outcome)?;
    }

    #[test]
    fn find_quote_ranges_hold_the_quote(words in text_strategy(), first in any::<prop::sample::Index>(), len in 1usize..6) {
        let (text, spans) = build(&words);
        let i = first.index(spans.len());
        let j = (i + len).min(spans.len()) - 1;
        let quote = &text[spans[i].start..spans[j].end];
        let ranges = match find_quote(&text, quote) {
            QuoteMatch::Unique(r) => vec![r],
            QuoteMatch::Several(rs) => rs,
            QuoteMatch::NotFound { .. } => Vec::new(),
        };
        prop_assert!(ranges.contains(&(spans[i].start..spans[j].end)), "{quote:?} not found at its place");
        prop_assert!(ranges.windows(2).all(|w| w[0].start < w[1].start));
    }
}
