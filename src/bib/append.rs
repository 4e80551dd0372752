//! `glose bib add`: new entries appended byte for byte after the untouched existing text.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::diagnostic::{self, Diagnostic, DiagnosticKind, Severity};
use super::entry::normalize_doi;
use super::latex;
use super::library::Library;
use super::parse::{self, Atom, RawEntry, RawString};
use super::position::LineIndex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    /// The target text unchanged, then the new @string definitions and entries, one blank line apart.
    pub text: String,
    pub added: Vec<String>,
    pub skipped: Vec<Skipped>,
    /// Broken entries of the incoming file, which are not added.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub key: String,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    DuplicateKey,
    DuplicateDoi { existing_key: String },
}

/// Appends the entries of `incoming_text` that `library` lacks (by key and by DOI) to `target_text`.
pub fn append_entries(
    target_path: &Path,
    target_text: &str,
    library: &Library,
    incoming_path: &Path,
    incoming_text: &str,
) -> Appended {
    let incoming = parse::parse(incoming_text);
    let index = LineIndex::new(incoming_text);
    let mut diagnostics: Vec<Diagnostic> = incoming
        .problems
        .iter()
        .map(|p| {
            let message = diagnostic::syntax_message(&p.code, p.key.as_deref());
            let (severity, kind) = (Severity::Error, DiagnosticKind::Syntax);
            diagnostic::at(
                incoming_path,
                &index,
                p.offset,
                severity,
                kind,
                message,
                p.key.as_deref(),
            )
        })
        .collect();
    let mut macros = library.macros.clone();
    let definitions: HashMap<String, &RawString> = incoming
        .strings
        .iter()
        .map(|s| (s.name.to_lowercase(), s))
        .collect();
    for string in &incoming.strings {
        macros.define(&string.name, &string.atoms);
    }
    let mut keys: HashSet<&str> = library.entries.iter().map(|e| e.key.as_str()).collect();
    let mut dois: HashMap<String, &str> = HashMap::new();
    for entry in &library.entries {
        if let Some(doi) = entry.doi() {
            dois.entry(doi).or_insert(&entry.key);
        }
    }
    let mut added = Vec::new();
    let mut skipped = Vec::new();
    let mut needed = HashSet::new();
    for entry in incoming.entries.iter().filter(|e| e.complete) {
        if keys.contains(entry.key.as_str()) {
            let reason = SkipReason::DuplicateKey;
            skipped.push(Skipped {
                key: entry.key.clone(),
                reason,
            });
            continue;
        }
        let doi = doi_of(entry, incoming_text, &macros);
        if let Some(existing) = doi.as_ref().and_then(|d| dois.get(d)) {
            let reason = SkipReason::DuplicateDoi {
                existing_key: (*existing).to_string(),
            };
            skipped.push(Skipped {
                key: entry.key.clone(),
                reason,
            });
            continue;
        }
        for field in &entry.fields {
            let mut undefined = Vec::new();
            macros.expand(&field.atoms, &mut undefined);
            for name in undefined {
                let message = format!(
                    "field `{}` of entry `{}` uses the @string `{name}`, which neither file defines: define it in {}",
                    field.name,
                    entry.key,
                    target_path.display()
                );
                let (severity, kind) = (Severity::Warning, DiagnosticKind::UndefinedMacro);
                let key = Some(entry.key.as_str());
                diagnostics.push(diagnostic::at(
                    incoming_path,
                    &index,
                    field.span.start,
                    severity,
                    kind,
                    message,
                    key,
                ));
            }
        }
        collect_macros(
            entry.fields.iter().flat_map(|f| &f.atoms),
            library,
            &definitions,
            &mut needed,
        );
        keys.insert(&entry.key);
        if let Some(doi) = doi {
            dois.insert(doi, &entry.key);
        }
        added.push(entry);
    }
    let strings = incoming
        .strings
        .iter()
        .filter(|s| needed.contains(&s.name.to_lowercase()));
    let chunks: Vec<&str> = strings
        .map(|s| &s.span)
        .chain(added.iter().map(|e| &e.span))
        .filter_map(|span| incoming_text.get(span.clone()))
        .collect();
    Appended {
        text: join(target_text, &chunks),
        added: added.iter().map(|e| e.key.clone()).collect(),
        skipped,
        diagnostics,
    }
}

fn doi_of(entry: &RawEntry, text: &str, macros: &super::macros::Macros) -> Option<String> {
    let field = entry.fields.iter().find(|f| f.name == "doi")?;
    normalize_doi(&latex::verbatim(&field.expanded(
        text,
        macros,
        &mut Vec::new(),
    )))
}

/// Adds the incoming @string names these atoms need that the library lacks, with their own needs.
fn collect_macros<'a>(
    atoms: impl Iterator<Item = &'a Atom>,
    library: &Library,
    definitions: &HashMap<String, &'a RawString>,
    needed: &mut HashSet<String>,
) {
    let mut pending: Vec<&Atom> = atoms.collect();
    while let Some(atom) = pending.pop() {
        let Atom::Macro(name) = atom else { continue };
        let name = name.to_lowercase();
        if library.macros.contains(&name) || needed.contains(&name) {
            continue;
        }
        if let Some(definition) = definitions.get(&name) {
            pending.extend(&definition.atoms);
            needed.insert(name);
        }
    }
}

fn join(target: &str, chunks: &[&str]) -> String {
    let newline = if target.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let blank = format!("{newline}{newline}");
    let mut text =
        String::with_capacity(target.len() + chunks.iter().map(|c| c.len() + 4).sum::<usize>());
    text.push_str(target);
    for chunk in chunks {
        if !text.is_empty() && !text.ends_with(&blank) {
            if !text.ends_with(newline) {
                text.push_str(newline);
            }
            text.push_str(newline);
        }
        text.push_str(chunk);
    }
    if !chunks.is_empty() {
        text.push_str(newline);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::{BibSource, load};
    use proptest::prelude::*;

    const TARGET: &str = "% my refs\n@string{jfr = {J. Fr.}}\n\n@article{old,\n  title   = {Old},\n  journal = jfr,\n  doi     = {10.1/OLD},\n}\n";

    fn add(target: &str, incoming: &str) -> Appended {
        let library = load(&[BibSource {
            path: Path::new("library/references.bib"),
            text: target,
        }]);
        append_entries(
            Path::new("library/references.bib"),
            target,
            &library,
            Path::new("new.bib"),
            incoming,
        )
    }

    #[test]
    fn existing_bytes_are_an_exact_prefix_and_new_bytes_are_copied() {
        let incoming = "@book{new1,\n  title = {N{\\'e}w},   % keep\n}\n\n@misc{new2, note={x}}";
        let out = add(TARGET, incoming);
        assert_eq!(out.added, ["new1", "new2"]);
        assert!(out.text.starts_with(TARGET));
        assert_eq!(
            &out.text[TARGET.len()..],
            "\n@book{new1,\n  title = {N{\\'e}w},   % keep\n}\n\n@misc{new2, note={x}}\n"
        );
    }

    #[test]
    fn duplicates_by_key_and_by_doi_are_skipped() {
        let incoming = "@misc{old, title={Again}}\n@misc{same, doi={https://doi.org/10.1/old}}\n@misc{twice, doi={10.2/t}}\n@misc{twice2, doi={10.2/T}}";
        let out = add(TARGET, incoming);
        assert_eq!(out.added, ["twice"]);
        assert_eq!(
            out.skipped,
            [
                Skipped {
                    key: "old".into(),
                    reason: SkipReason::DuplicateKey
                },
                Skipped {
                    key: "same".into(),
                    reason: SkipReason::DuplicateDoi {
                        existing_key: "old".into()
                    }
                },
                Skipped {
                    key: "twice2".into(),
                    reason: SkipReason::DuplicateDoi {
                        existing_key: "twice".into()
                    }
                },
            ]
        );
        assert!(!out.text.contains("Again"));
    }

    #[test]
    fn a_string_used_by_new_entries_is_appended_once() {
        let incoming = "@string{jfr = {Other}}\n@string{pub = {Presses}}\n@string{city = pub # { Paris}}\n@string{unused = {U}}\n@book{a, publisher = city, journal = jfr}\n@book{b, publisher = pub}\n";
        let out = add(TARGET, incoming);
        let tail = &out.text[TARGET.len()..];
        assert_eq!(tail.matches("@string{pub").count(), 1);
        assert_eq!(tail.matches("@string{city").count(), 1);
        assert!(!tail.contains("unused") && !tail.contains("Other"));
        assert!(tail.find("@string{pub").unwrap_or(usize::MAX) < tail.find("@book{a").unwrap_or(0));
        let again = load(&[BibSource {
            path: Path::new("r.bib"),
            text: &out.text,
        }]);
        assert!(again.diagnostics().is_empty(), "{:?}", again.diagnostics());
        assert_eq!(
            again.get("a").and_then(|e| e.get("publisher")),
            Some("Presses Paris")
        );
    }

    #[test]
    fn broken_incoming_entries_are_reported_not_added() {
        let out = add(
            TARGET,
            "@misc{bad,\n  title = {x}\n  year = 2\n}\n@misc{good, title={G}}\n",
        );
        assert_eq!(out.added, ["good"]);
        assert_eq!(out.diagnostics.len(), 1);
        assert_eq!(out.diagnostics[0].file, Path::new("new.bib"));
        assert_eq!(
            (out.diagnostics[0].line, out.diagnostics[0].severity),
            (3, Severity::Error)
        );
        assert!(!out.text.contains("bad"));
    }

    #[test]
    fn separators_fit_the_target_ending() {
        assert_eq!(join("", &["@a{x}"]), "@a{x}\n");
        assert_eq!(join("@a{y}", &["@a{x}"]), "@a{y}\n\n@a{x}\n");
        assert_eq!(join("@a{y}\n\n", &["@a{x}"]), "@a{y}\n\n@a{x}\n");
        assert_eq!(join("@a{y}\r\n", &["@a{x}"]), "@a{y}\r\n\r\n@a{x}\r\n");
        assert_eq!(join("@a{y}\n", &[]), "@a{y}\n");
    }

    fn balanced(value: &str) -> bool {
        let mut depth = 0i32;
        for c in value.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    fn generated_entry() -> impl Strategy<Value = String> {
        let key = prop_oneof!["[a-c][0-2]", "[a-z][a-z0-9:&+/'?-]{0,12}", "[а-я]{1,6}"];
        let value = "[A-Za-zéü ,.{}'%-]{0,30}".prop_filter("balanced braces", |v| balanced(v));
        let doi = proptest::option::of("10\\.[0-9]{1}/[a-c]{1}");
        (key, value, doi, proptest::bool::ANY).prop_map(|(key, value, doi, percent)| {
            let doi = doi
                .map(|d| format!("  doi = {{{d}}},\n"))
                .unwrap_or_default();
            let comment = if percent {
                "  %abstract = {gone},\n"
            } else {
                ""
            };
            format!("@article{{{key},\n  title = {{{value}}},\n{comment}{doi}  year = 2020\n}}")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn appending_keeps_the_prefix_and_reloads(target in proptest::collection::vec(generated_entry(), 0..5),
                                                  incoming in proptest::collection::vec(generated_entry(), 0..8)) {
            let target = target.join("\n\n");
            let incoming = incoming.join("\n");
            let before = load(&[BibSource { path: Path::new("t.bib"), text: &target }]);
            let out = append_entries(Path::new("t.bib"), &target, &before, Path::new("i.bib"), &incoming);
            prop_assert!(out.text.starts_with(&target));
            prop_assert!(out.diagnostics.is_empty());
            prop_assert_eq!(out.added.len() + out.skipped.len(), incoming.matches("@article").count());
            let after = load(&[BibSource { path: Path::new("t.bib"), text: &out.text }]);
            prop_assert_eq!(after.entries().len(), before.entries().len() + out.added.len());
            for key in &out.added {
                prop_assert!(after.get(key).is_some());
            }
        }
    }
}
