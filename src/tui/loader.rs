//! Reading what the screens show: the whole workspace when the TUI opens, one source after a change.

use super::data::{Data, RefItem, SourceDoc};
use crate::model::SourceId;
use crate::ops::{self, Context, Loaded, OpsError};
use crate::store::{self, NotesFile};

/// Reads every source, its current text and notes, and the library.
pub fn load(cx: &Context) -> Result<Data, OpsError> {
    let mut loaded = Loaded::read(cx)?;
    let mut sources = Vec::with_capacity(loaded.notes.len());
    for notes in &mut loaded.notes {
        sources.push(source_doc(cx, notes)?);
    }
    let library = loaded.library()?;
    let refs = library.entries().iter().map(ref_item).collect();
    let diagnostics = library
        .diagnostics()
        .iter()
        .map(ToString::to_string)
        .collect();
    let repo = store::git::Repo::open(&cx.ws.root).ok();
    Ok(Data {
        workspace: cx.ws.root.file_name().map_or_else(
            || cx.ws.root.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        branch: repo
            .as_ref()
            .and_then(|r| r.branch())
            .unwrap_or_else(|| "(no branch)".into()),
        pending: pending(cx),
        sources,
        refs,
        diagnostics,
    })
}

/// Reads one source's notes and current text again.
pub fn load_source(cx: &Context, id: &str) -> Result<SourceDoc, OpsError> {
    let source = SourceId::new(id).map_err(|e| OpsError::Invalid(e.to_string()))?;
    let mut notes = store::load_notes(&cx.ws, &source)?.ok_or_else(|| OpsError::UnknownSource {
        id: id.to_string(),
        suggestions: Vec::new(),
    })?;
    source_doc(cx, &mut notes)
}

/// glose's files changed since the last commit (0 when git cannot tell).
pub fn pending(cx: &Context) -> usize {
    ops::pending_changes(cx).map_or(0, |p| p.len())
}

fn source_doc(cx: &Context, notes: &mut NotesFile) -> Result<SourceDoc, OpsError> {
    let stored: Vec<(String, String)> = notes
        .annotations
        .iter()
        .map(|a| (a.id.to_string(), a.anchor.exact.clone()))
        .collect();
    let (text, _) = ops::current_text(cx, notes)?;
    let mut doc = SourceDoc::new(
        notes.source.id.to_string(),
        notes.source.title.clone(),
        text,
        notes.annotations.clone(),
    );
    doc.old_quotes = stored
        .into_iter()
        .filter(|(id, quote)| {
            doc.annotations
                .iter()
                .any(|a| a.id.0 == *id && a.anchor.exact != *quote)
        })
        .collect();
    doc.pages = ops::page_map(&cx.ws, &notes.source);
    Ok(doc)
}

fn ref_item(entry: &crate::bib::Entry) -> RefItem {
    let venue = [
        "journaltitle",
        "journal",
        "publisher",
        "institution",
        "howpublished",
    ]
    .iter()
    .find_map(|f| entry.get(f))
    .unwrap_or_default();
    let haystack = format!(
        "{} {} {} {} {venue}",
        entry.key,
        entry.authors().join(" "),
        entry.title().unwrap_or_default(),
        entry.year().unwrap_or_default()
    );
    RefItem {
        key: entry.key.clone(),
        summary: entry.summary(),
        haystack,
        fields: entry
            .fields
            .iter()
            .map(|f| (f.name().to_string(), f.value().to_string()))
            .collect(),
        place: format!("{}:{}", entry.file.display(), entry.line),
    }
}
