//! What changed between two versions of a .bib file, entry by entry: by cite key, comparing bytes.

use std::cell::LazyCell;
use std::path::Path;

use serde::Serialize;

use super::keyed::{blocks, by_key};
use super::{BibSource, Library, load};

/// One reference added, changed or removed; `summary` names it ("Quéméner (2010) Cybercriminalité").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum BibChange {
    Added { key: String, summary: String },
    Changed { key: String, summary: String },
    Removed { key: String, summary: String },
}

impl BibChange {
    pub fn key(&self) -> &str {
        match self {
            BibChange::Added { key, .. }
            | BibChange::Changed { key, .. }
            | BibChange::Removed { key, .. } => key,
        }
    }
}

/// The references that differ between `old` and `new`, in `new`'s order, then the removed ones.
pub fn diff_bib(path: &Path, old: &str, new: &str) -> Vec<BibChange> {
    if old == new {
        return Vec::new();
    }
    let (old_blocks, new_blocks) = (blocks(old), blocks(new));
    let (before, after) = (by_key(old, &old_blocks), by_key(new, &new_blocks));
    let load_once = |text| LazyCell::new(move || load(&[BibSource { path, text }]));
    let (old_library, new_library) = (load_once(old), load_once(new));
    let summary =
        |library: &Library, key: &str| library.get(key).map_or_else(String::new, |e| e.summary());
    let mut changes = Vec::new();
    for block in &new_blocks {
        let key = block.key.as_str();
        if after.get(key) != Some(&&new[block.span.clone()]) {
            continue;
        }
        match before.get(key) {
            None => changes.push(BibChange::Added {
                key: key.to_string(),
                summary: summary(&new_library, key),
            }),
            Some(bytes) if *bytes != &new[block.span.clone()] => {
                changes.push(BibChange::Changed {
                    key: key.to_string(),
                    summary: summary(&new_library, key),
                });
            }
            Some(_) => {}
        }
    }
    for block in &old_blocks {
        let key = block.key.as_str();
        if !after.contains_key(key) && before.get(key) == Some(&&old[block.span.clone()]) {
            changes.push(BibChange::Removed {
                key: key.to_string(),
                summary: summary(&old_library, key),
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_added_changed_and_removed_entries_by_key() {
        let old = "@book{a, author = {Nid, Le}, title = {Internet}, year = 2014}\n@book{b, title = {B}}\n@book{c, title = {C}}\n";
        let new = "@book{a, author = {Nid, Le}, title = {Internet}, year = 2015}\n@book{c, title = {C}}\n@misc{d, title = {D}}\n";
        let changes = diff_bib(Path::new("library/references.bib"), old, new);
        assert_eq!(
            changes,
            [
                BibChange::Changed {
                    key: "a".into(),
                    summary: "Nid (2015) Internet".into()
                },
                BibChange::Added {
                    key: "d".into(),
                    summary: "D".into()
                },
                BibChange::Removed {
                    key: "b".into(),
                    summary: "B".into()
                },
            ]
        );
        assert!(diff_bib(Path::new("x.bib"), old, old).is_empty());
    }
}
