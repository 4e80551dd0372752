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
        let doi = doi_of(entry, &macros);
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
                    field.value_start,
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

fn doi_of(entry: &RawEntry, macros: &super::macros::Macros) -> Option<String> {
    let field = entry.fields.iter().find(|f| f.name == "doi")?;
    normalize_doi(&latex::verbatim(
        &macros.expand(&field.atoms, &mut Vec::new()),
    ))
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
