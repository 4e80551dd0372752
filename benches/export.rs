//! Export cost on the 3,644-entry TUGboat file: APA bibliography (cold and cached) and BibTeX.

use std::path::{Path, PathBuf};

use divan::{Bencher, black_box};
use glose::bib::{BibSource, Entry, load};
use glose::export::{self, Formatter, Input, Style};

fn main() {
    divan::main();
}

fn tugboat() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/biber-tugboat.bib");
    let text = std::fs::read_to_string(&path).ok();
    if text.is_none() {
        eprintln!("skipped: {} is missing", path.display());
    }
    text
}

fn formatter() -> Formatter {
    let style = Style::archived("apa").unwrap_or_else(|e| panic!("{e}"));
    Formatter::new(style, "en-US").unwrap_or_else(|e| panic!("{e}"))
}

#[divan::bench(sample_count = 5)]
fn apa_bibliography_cold(bencher: Bencher) {
    let Some(text) = tugboat() else { return };
    let path = PathBuf::from("library/references.bib");
    let library = load(&[BibSource {
        path: &path,
        text: &text,
    }]);
    let entries: Vec<&Entry> = library.entries().iter().collect();
    bencher.bench(|| formatter().bibliography(black_box(&entries)).items.len());
}

#[divan::bench(sample_count = 5)]
fn apa_bibliography_cached(bencher: Bencher) {
    let Some(text) = tugboat() else { return };
    let path = PathBuf::from("library/references.bib");
    let library = load(&[BibSource {
        path: &path,
        text: &text,
    }]);
    let entries: Vec<&Entry> = library.entries().iter().collect();
    let mut formatter = formatter();
    formatter.bibliography(&entries);
    bencher.bench_local(|| formatter.bibliography(black_box(&entries)).items.len());
}

#[divan::bench(sample_count = 10)]
fn bibtex_all(bencher: Bencher) {
    let Some(text) = tugboat() else { return };
    let path = PathBuf::from("library/references.bib");
    let files = [BibSource {
        path: &path,
        text: &text,
    }];
    let library = load(&files);
    let input = Input {
        library: &library,
        files: &files,
        notes: &[],
    };
    let entries: Vec<&Entry> = library.entries().iter().collect();
    bencher.bench(|| {
        export::bibtex(&input, black_box(&entries), false)
            .text
            .len()
    });
}
