use std::path::Path;

use super::commit::{Committed, Pending};
use super::loaded::read_library;
use super::{Context, OpsError, message};
use crate::bib::{self, Diagnostic, Library, Skipped};
use crate::store;

#[derive(Debug)]
pub struct ReferencesAdded {
    pub added: Vec<String>,
    pub skipped: Vec<Skipped>,
    pub diagnostics: Vec<Diagnostic>,
    pub notice: Option<String>,
    /// `None` when no entry was new.
    pub committed: Option<Committed>,
}

/// Appends the new entries of a .bib file to `library/references.bib`, leaving existing bytes as they are.
pub fn bib_add(cx: &mut Context, file: &Path) -> Result<ReferencesAdded, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let decoded = store::decode_source(&store::read_import(file)?)?;
    let library = read_library(cx)?;
    append_locked(cx, &library, file, &decoded.text, decoded.notice)
}

/// Appends the new entries of `text` (read from `origin`); the caller holds the write lock.
pub(super) fn append_locked(
    cx: &mut Context,
    library: &Library,
    origin: &Path,
    text: &str,
    notice: Option<String>,
) -> Result<ReferencesAdded, OpsError> {
    let target = cx.ws.references_path();
    let target_text = if target.exists() {
        store::read_text(&target)?
    } else {
        String::new()
    };
    let relative = cx.ws.relative(&target);
    let appended = bib::append_entries(&relative, &target_text, library, origin, text);
    let mut outcome = ReferencesAdded {
        added: appended.added,
        skipped: appended.skipped,
        diagnostics: appended.diagnostics,
        notice,
        committed: None,
    };
    if outcome.added.is_empty() {
        return Ok(outcome);
    }
    let pending = Pending::start(cx)?;
    store::write_inside(&cx.ws, &target, appended.text.as_bytes())?;
    let message = message::references_added(&outcome.added);
    outcome.committed = Some(pending.commit(cx, vec![relative], message)?);
    Ok(outcome)
}
