//! Reading what the screens show: the first frame's sources, one source, the library.

use super::data::{Arrival, Data, RefItem, Refs, SourceDoc};
use crate::model::SourceId;
use crate::ops::{self, Context, OpsError};
use crate::store::{self, NotesFile, Workspace};

/// Reads what the first frame shows: every source's id, and the text and notes of the first one that
/// reads; the library and the other sources are left to [`library`] and [`load_source`].
pub fn first_frame(cx: &Context) -> Result<(Data, Vec<Arrival>), OpsError> {
    let mut sources: Vec<SourceDoc> = source_ids(&cx.ws)?
        .into_iter()
        .map(SourceDoc::unread)
        .collect();
    let mut unreadable = Vec::new();
    while let Some(unread) = sources.iter().position(|s| !s.loaded) {
        let id = sources[unread].id.clone();
        match load_source(cx, &id) {
            Ok(doc) => {
                sources[unread] = doc;
                break;
            }
            Err(error) => {
                sources.remove(unread);
                unreadable.push(Arrival::Unreadable {
                    id,
                    message: error.to_string(),
                });
            }
        }
    }
    let data = Data {
        workspace: cx.ws.root.file_name().map_or_else(
            || cx.ws.root.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        branch: store::git::Repo::open(&cx.ws.root)
            .ok()
            .and_then(|r| r.branch())
            .unwrap_or_else(|| "(no branch)".into()),
        pending: None,
        sources,
        refs: Refs::default(),
        diagnostics: Vec::new(),
        library_loading: true,
    };
    Ok((data, unreadable))
}

/// The ids of the sources, from the names of their notes files, in order.
pub fn source_ids(ws: &Workspace) -> Result<Vec<String>, OpsError> {
    Ok(ws
        .notes_paths()?
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .collect())
}

/// Reads and parses the library: the entries for the picker and the problems found in the .bib files.
pub fn library(cx: &Context) -> Result<(Refs, Vec<String>), OpsError> {
    let library = ops::read_library(cx)?;
    let refs = library.entries().iter().map(ref_item).collect::<Vec<_>>();
    let diagnostics = library
        .diagnostics()
        .iter()
        .map(ToString::to_string)
        .collect();
    Ok((refs.into(), diagnostics))
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
    doc.file = notes.source.file.clone();
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
        haystack: haystack.as_str().into(),
        fields: entry
            .fields
            .iter()
            .map(|f| (f.name().to_string(), f.value().to_string()))
            .collect(),
        place: format!("{}:{}", entry.file.display(), entry.line),
    }
}
