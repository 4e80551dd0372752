//! The merge drivers git calls: three files in, the merged one written over the current version.

use std::path::Path;

use super::OpsError;
use crate::bib::merge_bib;
use crate::store::{self, merge_notes_text};

/// What a driver left in the current file: the annotation ids or cite keys in conflict.
#[derive(Debug, Clone)]
pub struct FileMerged {
    pub conflicts: Vec<String>,
}

/// `glose merge-notes %O %A %B`: merges notes by annotation id into `ours`.
pub fn merge_notes_file(base: &Path, ours: &Path, theirs: &Path) -> Result<FileMerged, OpsError> {
    let (b, o, t) = (
        read(base)?,
        store::read_text(ours)?,
        store::read_text(theirs)?,
    );
    let merged = merge_notes_text(Some(&b), &o, &t).map_err(|e| {
        OpsError::Invalid(format!(
            "{}: {e}; git keeps the three versions (`git checkout --theirs` or `--ours`)",
            ours.display()
        ))
    })?;
    store::write_atomic(ours, merged.text.as_bytes())?;
    Ok(FileMerged {
        conflicts: merged.conflicted.iter().map(ToString::to_string).collect(),
    })
}

/// `glose merge-bib %O %A %B`: merges a .bib file entry by entry into `ours`.
pub fn merge_bib_file(base: &Path, ours: &Path, theirs: &Path) -> Result<FileMerged, OpsError> {
    let (b, o, t) = (
        read(base)?,
        store::read_text(ours)?,
        store::read_text(theirs)?,
    );
    let merged = merge_bib(&b, &o, &t);
    store::write_atomic(ours, merged.text.as_bytes())?;
    Ok(FileMerged {
        conflicts: merged.conflicts,
    })
}

/// The common ancestor, empty when git has none (the file was added on both sides).
fn read(path: &Path) -> Result<String, OpsError> {
    if path.exists() {
        Ok(store::read_text(path)?)
    } else {
        Ok(String::new())
    }
}
