//! Any bytes as a .bib file: no panic, every diagnostic on a real line and column.
#![no_main]

use std::path::Path;

use glose::bib::{BibSource, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let library = load(&[BibSource {
        path: Path::new("fuzz.bib"),
        text: &text,
    }]);
    let lines: Vec<&str> = text.split('\n').collect();
    for d in library.diagnostics() {
        assert!(d.line >= 1 && d.line <= lines.len(), "{d}");
        assert!(d.column >= 1 && d.column <= lines[d.line - 1].chars().count() + 1, "{d}");
    }
    for entry in library.entries() {
        assert!(text.get(entry.span.clone()).is_some());
    }
});
