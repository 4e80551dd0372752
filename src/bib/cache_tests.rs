//! A library read back from its cache is the library a fresh load gives, and only for the same files.

use std::path::{Path, PathBuf};

use super::cache::{FORMAT, encode};
use super::library::{BibSource, Library, load};
use super::pieces_tests::skip_missing;
use super::{DiagnosticKind, decode_cache, encode_cache};

const STAMP: &str = "test build";

/// Everything a caller can observe, field values included (`Field`'s equality skips them).
fn assert_same(fresh: &Library, cached: &Library) {
    assert_eq!(fresh.entries(), cached.entries());
    for (a, b) in fresh.entries().iter().zip(cached.entries()) {
        let values = |e: &super::Entry| -> Vec<(String, String)> {
            e.fields
                .iter()
                .map(|f| (f.value().to_string(), f.expanded().to_string()))
                .collect()
        };
        assert_eq!(values(a), values(b), "entry {}", a.key);
    }
    assert_eq!(fresh.diagnostics(), cached.diagnostics());
    let macros = |l: &Library| {
        let mut pairs: Vec<(String, String)> = l
            .macros
            .pairs()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        pairs.sort();
        pairs
    };
    assert_eq!(macros(fresh), macros(cached));
    assert_eq!(fresh.first_by_key, cached.first_by_key);
}

fn round_trip(files: &[BibSource<'_>]) -> Library {
    let fresh = load(files);
    let bytes = encode_cache(&fresh, files, STAMP).expect("encodes");
    let cached = decode_cache(&bytes, files, STAMP).expect("decodes");
    assert_same(&fresh, &cached);
    fresh
}

fn texts_in(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|l| l.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "bib"));
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

fn sources(texts: &[(PathBuf, String)]) -> Vec<BibSource<'_>> {
    texts
        .iter()
        .map(|(path, text)| BibSource { path, text })
        .collect()
}

#[test]
fn the_demo_library_comes_back_equal() {
    let texts = texts_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("library"));
    assert!(!texts.is_empty());
    let library = round_trip(&sources(&texts));
    assert!(library.entries().len() > 5);
}

#[test]
fn the_corpus_comes_back_equal_file_by_file_and_all_together() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let texts = texts_in(&dir);
    if texts.is_empty() {
        skip_missing(&dir);
        return;
    }
    let mut kinds: Vec<DiagnosticKind> = Vec::new();
    for one in texts.chunks(1) {
        kinds.extend(
            round_trip(&sources(one))
                .diagnostics()
                .iter()
                .map(|d| d.kind),
        );
    }
    let all = round_trip(&sources(&texts));
    let fields = || all.entries().iter().flat_map(|e| &e.fields);
    assert!(fields().any(|f| f.inherited_from().is_some()));
    assert!(fields().any(|f| f.value() != f.expanded()));
    assert!(fields().any(|f| f.expanded() != f.raw()));
    kinds.extend(all.diagnostics().iter().map(|d| d.kind));
    kinds.sort_by_key(|k| format!("{k:?}"));
    kinds.dedup();
    assert!(kinds.len() >= 3, "{kinds:?}");
}

const DEFS: &str = "@string{jfr = {Journal fran{\\c{c}}ais}}\n";
const REFS: &str = "@article{a, title = {Caf{\\'e}}, journal = jfr, crossref = {p}}\n@proceedings{p, title = {P}, year = 2020}\n@misc{a, note = nowhere}\n";

fn two_files<'a>(defs: &'a str, refs: &'a str) -> [BibSource<'a>; 2] {
    [
        BibSource {
            path: Path::new("library/defs.bib"),
            text: defs,
        },
        BibSource {
            path: Path::new("library/references.bib"),
            text: refs,
        },
    ]
}

#[test]
fn macros_inheritance_and_diagnostics_come_back() {
    let files = two_files(DEFS, REFS);
    let library = round_trip(&files);
    let a = library.get("a").expect("a");
    assert_eq!(a.get("journal"), Some("Journal français"));
    assert_eq!(a.field("year").and_then(|f| f.inherited_from()), Some("p"));
    assert_eq!(library.diagnostics().len(), 2);
}

#[test]
fn a_changed_byte_another_file_list_or_another_build_misses() {
    let files = two_files(DEFS, REFS);
    let bytes = encode_cache(&load(&files), &files, STAMP).expect("encodes");
    let edited = REFS.replace("Caf", "Cof");
    assert_eq!(edited.len(), REFS.len());
    assert!(decode_cache(&bytes, &two_files(DEFS, &edited), STAMP).is_none());
    assert!(decode_cache(&bytes, &files[1..], STAMP).is_none());
    let renamed = [
        files[0],
        BibSource {
            path: Path::new("library/other.bib"),
            text: REFS,
        },
    ];
    assert!(decode_cache(&bytes, &renamed, STAMP).is_none());
    assert!(decode_cache(&bytes, &files, "another build").is_none());
    let older = encode(&load(&files), &files, STAMP, FORMAT + 1).expect("encodes");
    assert!(decode_cache(&older, &files, STAMP).is_none());
    assert!(decode_cache(&bytes, &files, STAMP).is_some());
}

#[test]
fn corrupt_or_truncated_bytes_are_ignored() {
    let files = two_files(DEFS, REFS);
    let bytes = encode_cache(&load(&files), &files, STAMP).expect("encodes");
    for cut in 0..bytes.len() {
        assert!(
            decode_cache(&bytes[..cut], &files, STAMP).is_none(),
            "cut at {cut}"
        );
    }
    for at in 0..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x20;
        assert!(decode_cache(&flipped, &files, STAMP).is_none(), "byte {at}");
    }
    assert!(decode_cache(b"", &files, STAMP).is_none());
}

#[test]
fn spans_outside_the_text_are_never_trusted() {
    let long = format!("{REFS}@misc{{z, title = {{Z}}}}\n");
    let library = load(&two_files(DEFS, &long));
    let short = two_files(DEFS, REFS);
    let bytes = encode_cache(&library, &short, STAMP).expect("encodes");
    assert!(decode_cache(&bytes, &short, STAMP).is_none());
}

#[test]
fn many_chunks_come_back_in_order() {
    let text: String = (0..10_000)
        .map(|i| {
            format!(
                "@misc{{k{i}, title = {{Caf{{\\'e}} {i}}}, note = n{}}}\n",
                i % 3
            )
        })
        .collect();
    let library = round_trip(&[BibSource {
        path: Path::new("library/references.bib"),
        text: &text,
    }]);
    assert_eq!(library.entries().len(), 10_000);
    assert_eq!(library.entries()[9_999].get("title"), Some("Café 9999"));
}
