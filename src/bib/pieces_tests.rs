//! Parsing in pieces on several threads gives exactly the library that parsing in one piece gives.

use std::path::Path;

use proptest::prelude::*;

use super::library::{BibSource, Library, load_in_pieces};

const WHOLE: usize = usize::MAX;

fn same_library(text: &str, piece_bytes: usize) -> Result<(), TestCaseError> {
    let files = [
        BibSource {
            path: Path::new("library/strings.bib"),
            text: "@string{jfr = {J. Fr.}}\n",
        },
        BibSource {
            path: Path::new("library/references.bib"),
            text,
        },
    ];
    let whole: Library = load_in_pieces(&files, WHOLE);
    let pieces: Library = load_in_pieces(&files, piece_bytes);
    prop_assert_eq!(whole.entries(), pieces.entries());
    prop_assert_eq!(whole.diagnostics(), pieces.diagnostics());
    Ok(())
}

/// A block: valid entries of several shapes, @strings, comments, and broken entries.
fn block() -> impl Strategy<Value = String> {
    let key = "[a-zA-Z][a-zA-Z0-9:_/+'-]{0,8}";
    let text = "[a-zA-Z é{}\\\\'~%-]{0,20}";
    (0usize..9, key, text, 0u32..3000).prop_map(|(shape, key, text, n)| {
        let text = balanced(&text);
        match shape {
            0 => format!("@article{{{key},\n  title = {{{text}}},\n  year = {n},\n}}\n\n"),
            1 => format!("@book({key}, author = \"{text}\" # jfr, note = jun)\n"),
            2 => format!("@string{{s{n} = {{{text}}}}}\n"),
            3 => format!("% {text}\n@comment{{{text}}}\n"),
            4 => format!("@misc{{{key},\n  %abstract = {{{text}}},\n  année = {{{text}}},\n  crossref = {{k{n}}}\n}}\n"),
            5 => format!("@article{{{key}, title = {{{text}}} year = {{{n}}}}}\n"),
            6 => format!("@inproceedings{{k{n}, doi = {{10.1/{n}}}, title = x{n}}}\n"),
            7 => format!("@misc{{{key}}}\n"),
            _ => format!("@article{{{key}, title = {{{text}}},\n"),
        }
    })
}

/// Drops unmatched closing braces and closes open ones, so a value stays inside its entry.
fn balanced(text: &str) -> String {
    let mut depth = 0usize;
    let mut out: String = text
        .chars()
        .filter(|&c| match c {
            '{' => {
                depth += 1;
                true
            }
            '}' if depth == 0 => false,
            '}' => {
                depth -= 1;
                true
            }
            _ => true,
        })
        .collect();
    out.push_str(&"}".repeat(depth));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pieces_give_the_same_library(blocks in prop::collection::vec(block(), 0..60), piece in 1usize..400) {
        same_library(&blocks.concat(), piece)?;
    }
}

#[test]
fn corpus_files_give_the_same_library_in_pieces() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(listing) = std::fs::read_dir(&dir) else {
        skip_missing(&dir);
        return;
    };
    let mut checked = 0;
    for path in listing.filter_map(Result::ok).map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "bib") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for piece in [64, 8 << 10] {
            if let Err(e) = same_library(&text, piece) {
                panic!("{} in pieces of {piece} bytes: {e}", path.display());
            }
        }
        checked += 1;
    }
    assert!(checked > 0);
}

/// Shared test data that is missing: a failure under `CI`, a notice otherwise.
pub(crate) fn skip_missing(dir: &Path) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing",
        dir.display()
    );
    eprintln!("skipped: {} is missing", dir.display());
}
