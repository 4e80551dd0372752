//! Exported BibTeX (original bytes and normalized) loads again with the same entries and values,
//! for every file of the real-world corpus in ../shared/corpus.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use glose::bib::{BibSource, Entry, Library, Severity, load};
use glose::export::{self, Input, Scope};

/// Every corpus file with entries, plus the multi-file libraries of MANIFEST.md.
const LIBRARIES: &[&[&str]] = &[
    &["biber-tugboat.bib"],
    &["bbt-unabbreviate-1436-3.bib"],
    &["bbt-jabref-groups-97.bib"],
    &["bbt-mendeley-export.bib"],
    &["bbt-discarded-873.bib"],
    &["biber-definitions.bib", "biber-papers.bib"],
    &["biber-examples.bib"],
    &["biber-crossrefs.bib"],
    &["biber-dateformats.bib"],
    &[
        "cryptobib-abbrev0.bib",
        "cryptobib-conf-list.bib",
        "cryptobib-misc.bib",
    ],
    &["lesnat-these-fr.bib"],
    &["orcid-russian-citations.bib"],
    &["pybibtexparser-traps.bib"],
    &["pybibtexparser-missing-comma.bib"],
];

fn corpus_dir() -> Option<PathBuf> {
    common::shared("corpus")
}

/// Each entry the library uses (first of its key): its type and display values.
fn values(library: &Library) -> BTreeMap<String, (String, BTreeMap<String, String>)> {
    library
        .entries()
        .iter()
        .filter(|e| library.get(&e.key).is_some_and(|f| std::ptr::eq(f, *e)))
        .map(|e| {
            let fields = e
                .fields
                .iter()
                .map(|f| (f.name().to_string(), f.value().to_string()))
                .collect();
            (e.key.clone(), (e.entry_type.clone(), fields))
        })
        .collect()
}

/// Equal, or differing only by a `$` that normalization escaped because it had no closing pair.
fn same(before: &str, after: Option<&String>) -> bool {
    after.is_some_and(|after| after == before || after.replace('$', "") == before.replace('$', ""))
}

fn errors(library: &Library) -> usize {
    library
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

fn round_trip(names: &[&str], normalize: bool) -> Result<usize, String> {
    let Some(dir) = corpus_dir() else {
        return Ok(0);
    };
    let texts: Vec<(PathBuf, String)> = names
        .iter()
        .map(|n| {
            (
                PathBuf::from(n),
                std::fs::read_to_string(dir.join(n)).unwrap_or_default(),
            )
        })
        .collect();
    let files: Vec<BibSource<'_>> = texts
        .iter()
        .map(|(path, text)| BibSource { path, text })
        .collect();
    let library = load(&files);
    let input = Input {
        library: &library,
        files: &files,
        notes: &[],
    };
    let (entries, _) = export::select(&input, Scope::All, &[]).map_err(|e| e.to_string())?;
    let broken: Vec<&Entry> = entries.to_vec();
    let exported = export::bibtex(&input, &broken, normalize);
    let again = load(&[BibSource {
        path: Path::new("exported.bib"),
        text: &exported.text,
    }]);
    if errors(&again) > errors(&library) {
        let first = again
            .diagnostics()
            .iter()
            .find(|d| d.severity == Severity::Error);
        return Err(format!("{names:?}: new errors, first {first:?}"));
    }
    let (before, after) = (values(&library), values(&again));
    let missing: Vec<&String> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    if !missing.is_empty() {
        return Err(format!(
            "{names:?}: {} entries lost, first {:?}",
            missing.len(),
            missing[0]
        ));
    }
    let mut differences = Vec::new();
    for (key, (entry_type, fields)) in &before {
        let (type_after, fields_after) = &after[key];
        let changed = fields
            .iter()
            .any(|(name, value)| !same(value, fields_after.get(name)));
        if entry_type != type_after || fields.len() != fields_after.len() || changed {
            let changed: Vec<_> = fields
                .iter()
                .filter(|(name, value)| !same(value, fields_after.get(*name)))
                .map(|(name, value)| (name.clone(), value.clone(), fields_after.get(name).cloned()))
                .collect();
            differences.push(format!("{key}: {changed:?}"));
        }
    }
    if differences.is_empty() {
        Ok(before.len())
    } else {
        Err(format!(
            "{names:?}: {} of {} entries differ, first: {}",
            differences.len(),
            before.len(),
            differences[..differences.len().min(3)].join(" | ")
        ))
    }
}

#[test]
fn original_bytes_round_trip_on_the_corpus() {
    let failures: Vec<String> = LIBRARIES
        .iter()
        .filter_map(|names| round_trip(names, false).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn normalized_round_trip_on_the_corpus() {
    let failures: Vec<String> = LIBRARIES
        .iter()
        .filter_map(|names| round_trip(names, true).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
