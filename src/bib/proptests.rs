//! Hostile input for the .bib loader: any bytes load without a panic, and every diagnostic points inside its file.

use std::path::Path;

use proptest::prelude::*;

use super::{BibSource, Library, load};

const TOKENS: &[&str] = &[
    "@article{",
    "@book(",
    "@string{",
    "@comment{",
    "@preamble{",
    "@misc{",
    "@",
    "{",
    "}",
    "(",
    ")",
    "\"",
    "#",
    ",",
    "=",
    " = ",
    "\n",
    "\r\n",
    " ",
    "\t",
    "key1",
    "key2",
    "title",
    "author",
    "crossref",
    "doi",
    "year",
    " and ",
    "10.1000/x",
    "\\'e",
    "\\\"{o}",
    "\\",
    "\\relax",
    "$",
    "%",
    "~",
    "é",
    "𝔘",
    "\u{202e}",
    "\u{1b}[31m",
    "\u{1b}]52;c;eA==\u{7}",
    "\u{9b}",
    "\0",
    "\u{feff}",
    "{{{{",
    "}}}}",
];

fn one(text: &str) -> Library {
    load(&[BibSource {
        path: Path::new("library/references.bib"),
        text,
    }])
}

/// Lines are 1-based; columns count characters from 1 and may point one past a line's end.
fn diagnostics_point_inside(text: &str, library: &Library) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    for d in library.diagnostics() {
        prop_assert!(d.line >= 1 && d.line <= lines.len(), "{d} in {text:?}");
        let width = lines[d.line - 1].chars().count();
        prop_assert!(d.column >= 1 && d.column <= width + 1, "{d} in {text:?}");
        prop_assert!(!d.message.is_empty());
    }
    for entry in library.entries() {
        prop_assert!(text.get(entry.span.clone()).is_some(), "{entry:?}");
    }
    Ok(())
}

fn bibtex_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| t.concat())
}

proptest! {
    #[test]
    fn any_bytes_load(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        diagnostics_point_inside(&text, &one(&text))?;
    }

    #[test]
    fn bibtex_like_text_loads_with_located_diagnostics(text in bibtex_like()) {
        diagnostics_point_inside(&text, &one(&text))?;
    }

    #[test]
    fn deep_and_unbalanced_braces_load(open in 0usize..400, close in 0usize..400, quote in any::<bool>()) {
        let inner = if quote { "\"" } else { "x" };
        let text = format!("@misc{{k, title = {}{inner}{}}}\n@book{{ok, title={{T}}}}\n", "{".repeat(open), "}".repeat(close));
        diagnostics_point_inside(&text, &one(&text))?;
    }
}
