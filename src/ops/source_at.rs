//! A source as a past commit has it: its text and its notes, read from git's objects, never checked out.

use super::reanchor::{Reanchoring, reanchor_notes};
use super::{Context, Loaded, OpsError};
use crate::model::SourceId;
use crate::store::git::Repo;
use crate::store::{self, NotesFile, StoreError};

#[derive(Debug)]
pub struct SourceAt {
    /// The full id of the commit the revision names.
    pub commit: String,
    pub notes: NotesFile,
    pub text: String,
    /// Set when that commit's notes were anchored on another text than that commit's (re-anchored in memory).
    pub reanchoring: Option<Reanchoring>,
}

/// The notes and text of source `id` in the commit `rev` names (an id, a branch, a tag, HEAD~1, ...).
pub fn source_at(cx: &Context, id: &str, rev: &str) -> Result<SourceAt, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    let commit = repo.resolve_commit(rev)?;
    let source_id = SourceId::new(id).map_err(|e| OpsError::Invalid(e.to_string()))?;
    let notes_path = cx.ws.relative(&cx.ws.notes_path(&source_id));
    let Some(bytes) = repo.read_file_at(&commit, &notes_path)? else {
        let loaded = Loaded::read(cx)?;
        loaded.source(id)?;
        return Err(OpsError::SourceNotAtRevision {
            id: id.to_string(),
            rev: rev.to_string(),
            commit: short(&commit),
        });
    };
    let mut notes = String::from_utf8(bytes)
        .map_err(|e| e.to_string())
        .and_then(|text| store::parse_notes(&text).map_err(|e| e.to_string()))
        .map_err(|message| {
            OpsError::Invalid(format!(
                "{} at {} does not parse ({message}): glose cannot show that version",
                notes_path.display(),
                short(&commit)
            ))
        })?;
    let text_path = cx.ws.relative(&cx.ws.source_path(&notes.source.file)?);
    let bytes = repo.read_file_at(&commit, &text_path)?.ok_or_else(|| {
        OpsError::Invalid(format!(
            "commit {} has the notes of `{id}` but not its text {}: glose cannot show that version",
            short(&commit),
            text_path.display()
        ))
    })?;
    let text = store::decode_source(&bytes)
        .map_err(|e| StoreError::UndecodableFile {
            path: text_path,
            detail: e.to_string(),
        })?
        .text;
    let reanchoring = (store::content_hash(&text) != notes.source.hash)
        .then(|| reanchor_notes(&mut notes, &text));
    Ok(SourceAt {
        commit,
        notes,
        text,
        reanchoring,
    })
}

fn short(commit: &str) -> String {
    commit.chars().take(8).collect()
}
