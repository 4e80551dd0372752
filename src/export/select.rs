//! Which entries an export covers: those cited in the chosen sources, or the whole library.

use std::collections::HashSet;

use super::{ExportError, Input};
use crate::bib::Entry;
use crate::store::NotesFile;

/// `Cited`: the references cited by annotations of the chosen sources, plus those sources' own references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Cited,
    All,
}

/// The selected entries in library order (one per key), and warnings for keys the library lacks.
pub fn select<'a>(
    input: &Input<'a>,
    scope: Scope,
    sources: &[String],
) -> Result<(Vec<&'a Entry>, Vec<String>), ExportError> {
    let notes = notes_in_scope(input.notes, sources)?;
    let mut warnings = Vec::new();
    let library = input.library;
    let first_of_key = |e: &&Entry| library.get(&e.key).is_some_and(|f| std::ptr::eq(f, *e));
    if scope == Scope::All {
        let entries: Vec<&Entry> = library.entries().iter().filter(first_of_key).collect();
        let skipped = library.entries().len() - entries.len();
        if skipped > 0 {
            warnings.push(format!(
                "{skipped} entries skipped because an earlier entry has the same key: rename them to export them"
            ));
        }
        return Ok((entries, warnings));
    }
    let mut wanted: HashSet<&str> = HashSet::new();
    for file in &notes {
        wanted.extend(file.source.cite.as_deref());
        for annotation in &file.annotations {
            wanted.extend(annotation.citations.iter().map(|c| c.key.as_str()));
        }
    }
    let mut missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|k| library.get(k).is_none())
        .collect();
    missing.sort_unstable();
    for key in missing {
        warnings.push(format!(
            "`{key}` is cited but no .bib file of the library defines it: add it with `glose bib add`"
        ));
    }
    let entries = library
        .entries()
        .iter()
        .filter(|e| wanted.contains(e.key.as_str()))
        .filter(first_of_key)
        .collect();
    Ok((entries, warnings))
}

/// The notes files of the named sources (all when none is named), in workspace order.
pub(crate) fn notes_in_scope<'a>(
    notes: &'a [NotesFile],
    sources: &[String],
) -> Result<Vec<&'a NotesFile>, ExportError> {
    for id in sources {
        if !notes.iter().any(|n| n.source.id.as_str() == id) {
            let known = notes.iter().map(|n| n.source.id.as_str());
            return Err(ExportError::unknown_source(id, known));
        }
    }
    Ok(notes
        .iter()
        .filter(|n| sources.is_empty() || sources.iter().any(|s| s == n.source.id.as_str()))
        .collect())
}
