//! Approximate matching over Unicode characters: Myers' bit-parallel algorithm in 64-bit blocks,
//! with Ukkonen's cut-off so a search with k errors costs O(n·⌈k/64⌉) rather than O(n·m).
//!
//! Written here rather than taken from a crate because the crates that offer it (`bio`,
//! `triple_accel`, `hakmem`, ...) count edits in bytes, not characters, or bring a whole
//! bioinformatics stack; glose needs character edits and byte offsets on char boundaries.

use std::collections::HashMap;

const W: usize = 64;

/// A pattern prepared for searching: for each of its characters, the bit masks of where it occurs.
pub(crate) struct Pattern {
    len: usize,
    blocks: usize,
    ascii: [u32; 128],
    other: HashMap<char, u32>,
    /// `peq[symbol * blocks + block]`; symbol 0 stands for every character not in the pattern.
    peq: Vec<u64>,
}

/// One position in a text being searched: the offset that follows the character, and the character.
pub(crate) type Step = (usize, char);

impl Pattern {
    pub(crate) fn new(chars: impl IntoIterator<Item = char>) -> Pattern {
        let chars: Vec<char> = chars.into_iter().collect();
        let blocks = chars.len().div_ceil(W).max(1);
        let mut pattern = Pattern {
            len: chars.len(),
            blocks,
            ascii: [0; 128],
            other: HashMap::new(),
            peq: vec![0; blocks],
        };
        for (i, &c) in chars.iter().enumerate() {
            let symbol = match pattern.symbol(c) {
                0 => pattern.add_symbol(c),
                s => s,
            };
            pattern.peq[symbol * blocks + i / W] |= 1 << (i % W);
        }
        pattern
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn add_symbol(&mut self, c: char) -> usize {
        let symbol = self.peq.len() / self.blocks;
        let id = u32::try_from(symbol).unwrap_or(u32::MAX);
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => self.ascii[i] = id,
            _ => {
                self.other.insert(c, id);
            }
        }
        self.peq.resize(self.peq.len() + self.blocks, 0);
        symbol
    }

    fn symbol(&self, c: char) -> usize {
        let id = match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => self.ascii[i],
            _ => self.other.get(&c).copied().unwrap_or(0),
        };
        id as usize
    }

    /// Calls `on_end(offset, distance)` for every text position where some substring ending there
    /// is within `k` edits of the whole pattern (the smallest such distance).
    pub(crate) fn search(
        &self,
        text: impl Iterator<Item = Step>,
        k: usize,
        on_end: impl FnMut(usize, usize),
    ) {
        if self.len > 0 {
            Run::new(self, k, false).feed(text, on_end);
        }
    }

    /// Calls `on_end(offset, distance)` for every prefix of the text within `k` edits of the
    /// whole pattern (the text's start is fixed, its end is free).
    pub(crate) fn prefixes(
        &self,
        text: impl Iterator<Item = Step>,
        k: usize,
        on_end: impl FnMut(usize, usize),
    ) {
        if self.len == 0 {
            return;
        }
        Run::new(self, k, true).feed(text, on_end);
    }
}

struct Run<'p> {
    pattern: &'p Pattern,
    k: usize,
    anchored: bool,
    pv: Vec<u64>,
    mv: Vec<u64>,
    score: Vec<usize>,
    last: usize,
}

impl<'p> Run<'p> {
    fn new(pattern: &'p Pattern, k: usize, anchored: bool) -> Run<'p> {
        let bmax = pattern.blocks - 1;
        let last = if anchored || k == 0 {
            if anchored { bmax } else { 0 }
        } else {
            ((k - 1) / W).min(bmax)
        };
        Run {
            pattern,
            k,
            anchored,
            pv: vec![!0; pattern.blocks],
            mv: vec![0; pattern.blocks],
            score: (0..pattern.blocks)
                .map(|b| ((b + 1) * W).min(pattern.len))
                .collect(),
            last,
        }
    }

    fn block_rows(&self, b: usize) -> usize {
        if b + 1 == self.pattern.blocks {
            self.pattern.len - b * W
        } else {
            W
        }
    }

    /// Advances block `b` by one text column; `hin` is the horizontal delta entering at its top.
    fn advance(&mut self, b: usize, symbol: usize, hin: i8) -> i8 {
        let pv = self.pv[b];
        let mv = self.mv[b];
        let mut eq = self.pattern.peq[symbol * self.pattern.blocks + b];
        let hin_neg = u64::from(hin < 0);
        let xv = eq | mv;
        eq |= hin_neg;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        let top = 1u64 << (self.block_rows(b).max(1) - 1);
        let hout = if ph & top != 0 {
            1
        } else if mh & top != 0 {
            -1
        } else {
            0
        };
        ph = (ph << 1) | u64::from(hin > 0);
        mh = (mh << 1) | hin_neg;
        self.pv[b] = mh | !(xv | ph);
        self.mv[b] = ph & xv;
        hout
    }

    fn add(score: usize, delta: i8) -> usize {
        match delta {
            1 => score + 1,
            -1 => score.saturating_sub(1),
            _ => score,
        }
    }

    fn feed(mut self, text: impl Iterator<Item = Step>, mut on_end: impl FnMut(usize, usize)) {
        let bmax = self.pattern.blocks - 1;
        let top_delta = i8::from(self.anchored);
        for (offset, c) in text {
            let symbol = self.pattern.symbol(c);
            let mut carry = top_delta;
            for b in 0..=self.last {
                carry = self.advance(b, symbol, carry);
                self.score[b] = Self::add(self.score[b], carry);
            }
            if !self.anchored {
                self.adjust_cutoff(symbol, carry);
            }
            if self.last == bmax && self.score[bmax] <= self.k {
                on_end(offset, self.score[bmax]);
            }
        }
    }

    /// Ukkonen's cut-off: keep active only the blocks that may still hold a cell within k.
    fn adjust_cutoff(&mut self, symbol: usize, carry: i8) {
        let y = self.last;
        let before = if carry > 0 {
            self.score[y] - 1
        } else {
            self.score[y] + usize::from(carry < 0)
        };
        let next_matches_first_row = y < self.pattern.blocks - 1
            && self.pattern.peq[symbol * self.pattern.blocks + y + 1] & 1 != 0;
        if y < self.pattern.blocks - 1 && before <= self.k && (next_matches_first_row || carry < 0)
        {
            let y = y + 1;
            self.last = y;
            self.pv[y] = !0;
            self.mv[y] = 0;
            let start = before + self.block_rows(y);
            let delta = self.advance(y, symbol, carry);
            self.score[y] = Self::add(start, delta);
        } else {
            while self.last > 0 && self.score[self.last] >= self.k + W {
                self.last -= 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn steps(text: &str) -> impl Iterator<Item = Step> + '_ {
        text.char_indices().map(|(i, c)| (i + c.len_utf8(), c))
    }

    fn ends(pattern: &str, text: &str, k: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        Pattern::new(pattern.chars()).search(steps(text), k, |e, d| found.push((e, d)));
        found
    }

    /// Plain dynamic programming, the reference the bit-parallel search must agree with.
    fn brute_ends(pattern: &str, text: &str, k: usize) -> Vec<(usize, usize)> {
        let p: Vec<char> = pattern.chars().collect();
        if p.is_empty() {
            return Vec::new();
        }
        let mut col: Vec<usize> = (0..=p.len()).collect();
        let mut found = Vec::new();
        for (offset, c) in steps(text) {
            let mut next = vec![0; p.len() + 1];
            for i in 1..=p.len() {
                let sub = col[i - 1] + usize::from(p[i - 1] != c);
                next[i] = sub.min(col[i] + 1).min(next[i - 1] + 1);
            }
            col = next;
            if col[p.len()] <= k {
                found.push((offset, col[p.len()]));
            }
        }
        found
    }

    #[test]
    fn finds_a_word_with_one_typo() {
        assert_eq!(ends("annd", "four score and seven", 1), vec![(14, 1)]);
    }

    #[test]
    fn exact_search_reports_zero_distance() {
        assert_eq!(ends("été", "un été chaud", 0), vec![(8, 0)]);
    }

    #[test]
    fn empty_pattern_finds_nothing() {
        assert!(ends("", "abc", 3).is_empty());
    }

    #[test]
    fn long_patterns_span_several_blocks() {
        let quote: String = "la loi du 13 avril 2016 « visant à renforcer la lutte » ".repeat(4);
        let mut text = String::from("début ");
        text.push_str(
            &quote
                .replacen("avril", "avrill", 2)
                .replacen("lutte", "lute", 1),
        );
        text.push_str(" fin");
        assert_eq!(ends(&quote, &text, 8), brute_ends(&quote, &text, 8));
        assert!(ends(&quote, &text, 8).iter().any(|&(_, d)| d == 3));
    }

    #[test]
    fn prefixes_measure_from_a_fixed_start() {
        let mut found = Vec::new();
        Pattern::new("chat".chars()).prefixes(steps("chats noirs"), 2, |e, d| found.push((e, d)));
        assert_eq!(found, vec![(2, 2), (3, 1), (4, 0), (5, 1), (6, 2)]);
    }

    proptest! {
        #[test]
        fn agrees_with_dynamic_programming(
            pattern in "[abé ]{1,150}",
            text in "[abcé ]{0,300}",
            k in 0usize..80,
        ) {
            prop_assert_eq!(ends(&pattern, &text, k), brute_ends(&pattern, &text, k));
        }
    }
}
