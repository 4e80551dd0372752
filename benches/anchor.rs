//! Re-anchoring and quote search on a generated ~1 MB French-like text.

use std::ops::Range;

use divan::Bencher;
use glose::anchor::{Reanchored, anchor_at, find_quote, reanchor};
use glose::model::Anchor;

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
    "法律",
    "naïve",
    "cœur",
];

struct Scenario {
    text: String,
    edited: String,
    anchors: Vec<Anchor>,
}

/// The first char boundary at or after `at`.
fn boundary(text: &str, at: usize) -> usize {
    (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

fn paragraph(rng: &mut fastrand::Rng) -> String {
    let mut p = String::new();
    for _ in 0..rng.usize(4..9) {
        for w in 0..rng.usize(8..25) {
            if w > 0 {
                p.push(if rng.u8(..20) == 0 { '\u{a0}' } else { ' ' });
            }
            p.push_str(WORDS[rng.usize(..WORDS.len())]);
        }
        p.push_str(". ");
    }
    p.push_str("\n\n");
    p
}

/// A ~1 MB text, 100 anchors spread over it, and an edit: a paragraph inserted at the top,
/// a typo fixed inside 10 quotes, and the passages of 10 others deleted.
fn scenario() -> Scenario {
    let mut rng = fastrand::Rng::with_seed(2016);
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&paragraph(&mut rng));
    }
    let step = text.len() / 100;
    let anchors: Vec<Anchor> = (0..100)
        .map(|i| {
            let at = boundary(&text, i * step + rng.usize(..step / 2));
            let start = text[at..].find(' ').map_or(at, |s| at + s + 1);
            let from = boundary(&text, start + rng.usize(12..120));
            let end = text[from..].find(' ').map_or(text.len(), |e| from + e);
            anchor_at(&text, start..end)
        })
        .collect();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (i, a) in anchors.iter().enumerate() {
        if i % 10 == 3 {
            let mid = a.start + a.exact.len() / 2;
            let mid = (mid..a.end)
                .find(|&m| text.is_char_boundary(m))
                .unwrap_or(a.start);
            let next = text[mid..].chars().next().map_or(0, char::len_utf8);
            edits.push((mid..mid + next, "x".to_owned()));
        } else if i % 10 == 7 {
            let from = (0..a.start.saturating_sub(400))
                .rev()
                .find(|&m| text.is_char_boundary(m))
                .unwrap_or(0);
            let to = (a.end + 400..text.len())
                .find(|&m| text.is_char_boundary(m))
                .unwrap_or(text.len());
            edits.push((from..to, String::new()));
        }
    }
    let mut edited = text.clone();
    for (range, with) in edits.into_iter().rev() {
        edited.replace_range(range, &with);
    }
    edited.insert_str(0, &paragraph(&mut rng));
    Scenario {
        text,
        edited,
        anchors,
    }
}

fn main() {
    let s = scenario();
    let mut tally = [0usize; 4];
    for a in &s.anchors {
        let slot = match reanchor(a, &s.edited) {
            Reanchored::Exact(_) => 0,
            Reanchored::Moved(_) => 1,
            Reanchored::Fuzzy { .. } => 2,
            Reanchored::Orphaned => 3,
        };
        tally[slot] += 1;
    }
    eprintln!(
        "text {} bytes; 100 anchors after the edit: {} exact, {} moved, {} fuzzy, {} orphaned",
        s.text.len(),
        tally[0],
        tally[1],
        tally[2],
        tally[3]
    );
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn reanchor_100_after_edit(bencher: Bencher) {
    let s = scenario();
    bencher.bench(|| {
        s.anchors
            .iter()
            .map(|a| reanchor(a, divan::black_box(&s.edited)))
            .filter(|r| !matches!(r, Reanchored::Orphaned))
            .count()
    });
}

#[divan::bench(sample_count = 10)]
fn reanchor_100_unchanged(bencher: Bencher) {
    let s = scenario();
    bencher.bench(|| {
        s.anchors
            .iter()
            .map(|a| reanchor(a, divan::black_box(&s.text)))
            .filter(|r| matches!(r, Reanchored::Exact(_)))
            .count()
    });
}

#[divan::bench(sample_count = 10)]
fn find_quote_found(bencher: Bencher) {
    let s = scenario();
    let quote = s.anchors[90].exact.replace('\u{a0}', " ").replace('’', "'");
    bencher.bench(|| find_quote(divan::black_box(&s.text), &quote));
}

#[divan::bench(sample_count = 10)]
fn find_quote_not_found_suggests(bencher: Bencher) {
    let s = scenario();
    let quote = format!("{}zz", s.anchors[90].exact.replace('e', "a"));
    bencher.bench(|| find_quote(divan::black_box(&s.text), &quote));
}
