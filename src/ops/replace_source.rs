//! A new version of a source's text (a consolidated law, a corrected article): the text replaced,
//! every annotation re-anchored on it, both files committed together with the report.

use std::path::{Path, PathBuf};

use super::commit::{Committed, Pending};
use super::reanchor::{Reanchoring, reanchor_notes};
use super::{Context, Loaded, OpsError};
use crate::model::SourceId;
use crate::store::{self, StoreError};

#[derive(Debug, Clone)]
pub struct ReplaceRequest {
    pub source: String,
    /// The new version, plain text or Markdown.
    pub file: PathBuf,
}

#[derive(Debug)]
pub struct SourceReplaced {
    pub source: SourceId,
    /// Said when the text had to be converted (for example from Windows-1252).
    pub notice: Option<String>,
    /// `None` when the new text is the text already there: nothing written, nothing committed.
    pub replaced: Option<Replacement>,
}

#[derive(Debug)]
pub struct Replacement {
    pub report: Reanchoring,
    pub committed: Committed,
}

/// Replaces a source's text by a new version, re-anchors its annotations and commits both files in one commit.
pub fn replace_source(cx: &Context, request: &ReplaceRequest) -> Result<SourceReplaced, OpsError> {
    let _lock = cx.lock_for_writing()?;
    refuse_unconvertible(&request.file)?;
    let loaded = Loaded::read(cx)?;
    let mut notes = loaded.source(&request.source)?.clone();
    let decoded = store::decode_source(&store::read_import(&request.file)?)?;
    let text_path = cx.ws.source_path(&notes.source.file)?;
    let old_text = match store::read_source(&cx.ws, &notes.source) {
        Ok(text) => Some(text),
        Err(StoreError::SourceMissing { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let new_hash = store::content_hash(&decoded.text);
    if old_text.as_deref() == Some(decoded.text.as_str()) && notes.source.hash == new_hash {
        return Ok(SourceReplaced {
            source: notes.source.id,
            notice: decoded.notice,
            replaced: None,
        });
    }
    let old_bytes = match old_text {
        Some(_) => Some(store::read_bytes(&text_path)?),
        None => None,
    };
    let pending = Pending::start(cx)?;
    let report = reanchor_notes(&mut notes, &decoded.text);
    store::write_inside(&cx.ws, &text_path, decoded.text.as_bytes())?;
    let notes_path = match store::save_notes(&cx.ws, &notes) {
        Ok(path) => path,
        Err(error) => {
            if let Some(bytes) = &old_bytes {
                store::write_inside(&cx.ws, &text_path, bytes)?;
            }
            return Err(error.into());
        }
    };
    let message = message(&notes.source.id, &report);
    let paths = vec![cx.ws.relative(&text_path), notes_path];
    let committed = pending.commit(cx, paths, message)?;
    Ok(SourceReplaced {
        source: notes.source.id,
        notice: decoded.notice,
        replaced: Some(Replacement { report, committed }),
    })
}

/// The commit message: what happened, then the annotations to look at, by id and quote.
fn message(source: &SourceId, report: &Reanchoring) -> String {
    let mut message = format!(
        "{source}: new version of the text; annotations: {}",
        report.summary()
    );
    let lines: Vec<String> = report
        .fuzzy
        .iter()
        .map(|d| ("fuzzy", d))
        .chain(report.orphaned.iter().map(|d| ("orphaned", d)))
        .map(|(state, d)| format!("{state} {}: « {} »", d.id, one_line(&d.quote)))
        .collect();
    if !lines.is_empty() {
        message.push_str("\n\n");
        message.push_str(&lines.join("\n"));
    }
    message
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn refuse_unconvertible(file: &Path) -> Result<(), OpsError> {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    if matches!(extension.as_str(), "html" | "htm" | "pdf") {
        return Err(OpsError::Invalid(format!(
            "{}: a new version of a source is read as plain text or Markdown, not {}; save its text as .txt or .md and replace with that",
            file.display(),
            extension.to_uppercase()
        )));
    }
    Ok(())
}

#[cfg(test)]
#[path = "replace_source_tests.rs"]
mod tests;
