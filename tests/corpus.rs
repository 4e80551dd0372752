//! Every entry of the real-world corpus in ../shared/corpus loads; counts are MANIFEST.md data.

mod common;

use std::path::{Path, PathBuf};

use common::shared;

use glose::bib::{BibSource, DiagnosticKind, Library, Severity, load};

/// Entry counts per file, copied from shared/corpus/MANIFEST.md.
const MANIFEST: &[(&str, usize)] = &[
    ("biber-tugboat.bib", 3644),
    ("bbt-unabbreviate-1436-3.bib", 7166),
    ("bbt-jabref-groups-97.bib", 911),
    ("bbt-mendeley-export.bib", 512),
    ("bbt-discarded-873.bib", 988),
    ("biber-papers.bib", 2157),
    ("biber-definitions.bib", 0),
    ("biber-examples.bib", 132),
    ("biber-crossrefs.bib", 46),
    ("biber-dateformats.bib", 34),
    ("cryptobib-abbrev0.bib", 0),
    ("cryptobib-conf-list.bib", 1411),
    ("cryptobib-misc.bib", 503),
    ("lesnat-these-fr.bib", 269),
    ("orcid-russian-citations.bib", 7),
    ("pybibtexparser-traps.bib", 1),
    ("pybibtexparser-missing-comma.bib", 4),
];

/// Multi-file libraries from MANIFEST.md, loaded in the given order.
const LIBRARIES: &[(&[&str], usize)] = &[
    (&["biber-definitions.bib", "biber-papers.bib"], 2157),
    (
        &[
            "cryptobib-abbrev0.bib",
            "cryptobib-conf-list.bib",
            "cryptobib-misc.bib",
        ],
        1914,
    ),
];

/// Files MANIFEST.md calls clean.
const CLEAN: &[&str] = &["biber-tugboat.bib"];

fn read(names: &[&str]) -> Option<Vec<(PathBuf, String)>> {
    names
        .iter()
        .map(|name| {
            let path = shared(&format!("corpus/{name}"))?;
            let text = std::fs::read_to_string(&path).ok()?;
            Some((PathBuf::from("library").join(name), text))
        })
        .collect()
}

fn load_all(files: &[(PathBuf, String)]) -> Library {
    let sources: Vec<BibSource<'_>> = files
        .iter()
        .map(|(path, text)| BibSource { path, text })
        .collect();
    load(&sources)
}

fn errors(library: &Library) -> Vec<String> {
    let errors = library
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error);
    errors.map(ToString::to_string).collect()
}

/// Every entry span is a whole `@...}` block and every field's raw text is its value span.
fn assert_spans(library: &Library, files: &[(PathBuf, String)]) {
    for entry in library.entries() {
        let text = &files
            .iter()
            .find(|(p, _)| *p == entry.file)
            .map(|(_, t)| t)
            .expect("file");
        let block = &text[entry.span.clone()];
        assert!(block.starts_with('@'), "{}: {block:.40}", entry.key);
        assert!(block.ends_with(['}', ')']), "{}: {block:.40}", entry.key);
        assert!(block.contains(&entry.key), "{}", entry.key);
        for field in entry.fields.iter().filter(|f| f.inherited_from().is_none()) {
            assert_eq!(
                &text[field.value_span()],
                field.raw(),
                "{} {}",
                entry.key,
                field.name()
            );
        }
    }
}

#[test]
fn every_file_loads_every_entry() {
    for &(name, expected) in MANIFEST {
        let Some(files) = read(&[name]) else { return };
        let library = load_all(&files);
        assert_eq!(
            library.entries().len(),
            expected,
            "{name}: {:?}",
            errors(&library)
        );
        assert_spans(&library, &files);
        let syntax = library
            .diagnostics()
            .iter()
            .filter(|d| d.kind == DiagnosticKind::Syntax);
        assert_eq!(
            syntax.map(ToString::to_string).collect::<Vec<_>>(),
            Vec::<String>::new()
        );
        if CLEAN.contains(&name) {
            assert_eq!(errors(&library), Vec::<String>::new(), "{name}");
        }
    }
}

#[test]
fn multi_file_libraries_share_macros() {
    for &(names, expected) in LIBRARIES {
        let Some(files) = read(names) else { return };
        let library = load_all(&files);
        assert_eq!(library.entries().len(), expected, "{names:?}");
        assert_eq!(errors(&library), Vec::<String>::new(), "{names:?}");
        assert_spans(&library, &files);
    }
    let Some(files) = read(LIBRARIES[1].0) else {
        return;
    };
    let library = load_all(&files);
    let undefined = library
        .diagnostics()
        .iter()
        .filter(|d| d.kind == DiagnosticKind::UndefinedMacro);
    assert_eq!(undefined.count(), 0);
}

#[test]
fn hard_files_keep_real_keys_and_fields() {
    let Some(files) = read(&["orcid-russian-citations.bib", "lesnat-these-fr.bib"]) else {
        return;
    };
    let library = load_all(&files);
    assert!(library.get("назаренко2007долгоносикообразные").is_some());
    let lesnat = library
        .entries()
        .iter()
        .filter(|e| e.file.ends_with("lesnat-these-fr.bib"));
    let author_lines = files[1]
        .1
        .lines()
        .filter(|l| l.trim_start().starts_with("author ="))
        .count();
    assert_eq!(
        lesnat.filter(|e| e.get("author").is_some()).count(),
        author_lines
    );
    assert!(
        library
            .entries()
            .iter()
            .all(|e| e.get("abstract").is_none_or(|a| !a.contains('%')))
    );
}

#[test]
fn crossref_cycle_is_an_error_and_the_entries_still_load() {
    let Some(files) = read(&["biber-crossrefs.bib"]) else {
        return;
    };
    let library = load_all(&files);
    let cycles: Vec<_> = library
        .diagnostics()
        .iter()
        .filter(|d| d.kind == DiagnosticKind::CrossrefCycle)
        .collect();
    assert!(cycles.len() >= 3, "{cycles:?}");
    for key in ["circ1", "circ2", "circ3"] {
        assert!(library.get(key).is_some());
        assert!(cycles.iter().any(|d| d.key.as_deref() == Some(key)));
    }
}

#[test]
fn duplicate_key_in_biblatex_examples_is_reported() {
    let Some(files) = read(&["biber-examples.bib"]) else {
        return;
    };
    let library = load_all(&files);
    let duplicates: Vec<_> = library
        .diagnostics()
        .iter()
        .filter(|d| d.kind == DiagnosticKind::DuplicateKey)
        .collect();
    assert!(
        duplicates.iter().any(|d| d.key.as_deref() == Some("tmn4")),
        "{duplicates:?}"
    );
    assert!(library.get("baez/article").is_some());
}

#[test]
fn example_library_displays_unicode_and_expands_strings() {
    let Some(path) = shared("example/library/references.bib") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("readable example");
    let library = load(&[BibSource {
        path: Path::new("library/references.bib"),
        text: &text,
    }]);
    assert_eq!(library.entries().len(), 9);
    assert_eq!(library.diagnostics(), []);
    let title = library
        .get("loi2016-444")
        .and_then(|e| e.title())
        .unwrap_or_default();
    assert!(
        title.starts_with("Loi nº 2016-444 du 13 avril 2016"),
        "{title}"
    );
    let budapest = library.get("budapest2001").map(|e| e.authors());
    assert_eq!(budapest, Some(vec!["Conseil de l'Europe".to_string()]));
    let summary = library.get("quemener-charpenel2010").map(|e| e.summary());
    assert_eq!(
        summary.as_deref(),
        Some("Quéméner & Charpenel (2010) Cybercriminalité : droit pénal appliqué")
    );
}
