//! Approximate occurrences of a quote: where they end (forward search) and where they start
//! (the reversed quote measured against the text read backwards from that end).

use std::cell::Cell;
use std::ops::Range;

use super::myers::Pattern;

/// An approximate occurrence: its byte range and its edit distance to the quote, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Approx {
    pub(crate) range: Range<usize>,
    pub(crate) distance: usize,
}

/// How many equally good ends of one run are tried as the end of the occurrence.
const MAX_TIES: usize = 8;

struct Run {
    distance: usize,
    ends: Vec<usize>,
}

/// A quote prepared for approximate search.
pub(crate) struct Matcher {
    forward: Pattern,
    backward: Pattern,
}

impl Matcher {
    pub(crate) fn new(quote: &str) -> Matcher {
        Matcher {
            forward: Pattern::new(quote.chars()),
            backward: Pattern::new(quote.chars().rev()),
        }
    }

    pub(crate) fn chars(&self) -> usize {
        self.forward.len()
    }

    /// The best occurrences within `k` edits in `text[window]` (a range on char boundaries):
    /// one per run of adjacent match ends, at most `limit`, fewest edits first, then nearest `hint`.
    pub(crate) fn find(
        &self,
        text: &str,
        window: Range<usize>,
        k: usize,
        limit: usize,
        hint: usize,
    ) -> Vec<Approx> {
        let mut runs = self.runs(text, window.clone(), k);
        runs.sort_by_key(|run| (run.distance, run.ends[0].abs_diff(hint)));
        runs.truncate(limit);
        let mut found: Vec<Approx> = runs
            .into_iter()
            .filter_map(|run| {
                run.ends
                    .into_iter()
                    .filter_map(|end| self.start_of(text, window.start, end, run.distance))
                    .min_by_key(|a| {
                        (
                            a.distance,
                            text[a.range.clone()].chars().count().abs_diff(self.chars()),
                        )
                    })
            })
            .collect();
        found.sort_by_key(|a| (a.distance, a.range.start.abs_diff(hint)));
        found
    }

    /// Runs of adjacent positions where a match ends, each with its fewest edits and where those end.
    fn runs(&self, text: &str, window: Range<usize>, k: usize) -> Vec<Run> {
        let step = Cell::new(0usize);
        let steps = text[window.clone()].char_indices().map(|(i, c)| {
            step.set(step.get() + 1);
            (window.start + i + c.len_utf8(), c)
        });
        let mut runs: Vec<Run> = Vec::new();
        let mut last_step = 0usize;
        self.forward.search(steps, k, |end, d| {
            let now = step.get();
            let adjacent = last_step + 1 == now;
            match runs.last_mut() {
                Some(run) if adjacent && d < run.distance => {
                    *run = Run {
                        distance: d,
                        ends: vec![end],
                    }
                }
                Some(run) if adjacent && d == run.distance => {
                    if run.ends.len() < MAX_TIES {
                        run.ends.push(end);
                    }
                }
                Some(_) if adjacent => {}
                _ => runs.push(Run {
                    distance: d,
                    ends: vec![end],
                }),
            }
            last_step = now;
        });
        runs
    }

    /// Where the occurrence ending at `end` with `d` edits starts (no earlier than `floor`),
    /// preferring the start that makes it closest in length to the quote.
    fn start_of(&self, text: &str, floor: usize, end: usize, d: usize) -> Option<Approx> {
        let m = self.chars();
        let read = Cell::new(0usize);
        let steps = text[floor..end]
            .char_indices()
            .rev()
            .take(m + d)
            .map(|(i, c)| {
                read.set(read.get() + 1);
                (floor + i, c)
            });
        let mut best: Option<(usize, usize, usize)> = None;
        self.backward.prefixes(steps, d, |start, dist| {
            let key = (dist, read.get().abs_diff(m), start);
            if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                best = Some(key);
            }
        });
        best.map(|(distance, _, start)| Approx {
            range: start..end,
            distance,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(quote: &str, text: &str, k: usize) -> Vec<(String, usize)> {
        Matcher::new(quote)
            .find(text, 0..text.len(), k, 10, 0)
            .into_iter()
            .map(|a| (text[a.range].to_owned(), a.distance))
            .collect()
    }

    #[test]
    fn typo_is_found_with_its_distance() {
        assert_eq!(
            find("prostitution", "la prostituion passe", 2),
            vec![("prostituion".to_owned(), 1)]
        );
    }

    #[test]
    fn one_match_per_run_of_ends() {
        let found = find("chat noir", "un chat noir et un chat nior", 2);
        assert_eq!(
            found,
            vec![("chat noir".to_owned(), 0), ("chat nior".to_owned(), 2)]
        );
    }

    #[test]
    fn multibyte_ranges_land_on_char_boundaries() {
        let text = "«\u{a0}l’été日本\u{a0}» fin";
        for a in Matcher::new("l'ete日本").find(text, 0..text.len(), 3, 10, 0) {
            assert!(text.is_char_boundary(a.range.start) && text.is_char_boundary(a.range.end));
            assert_eq!(
                strsim::levenshtein(&text[a.range.clone()], "l'ete日本"),
                a.distance
            );
        }
    }

    #[test]
    fn search_can_be_limited_to_a_window() {
        let text = "chat ... chat ... chat";
        let found = Matcher::new("chat").find(text, 9..text.len(), 0, 10, 9);
        assert_eq!(
            found.iter().map(|a| a.range.clone()).collect::<Vec<_>>(),
            vec![9..13, 18..22]
        );
    }
}
