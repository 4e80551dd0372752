//! `glose add report.pdf`: the PDF, its text, its page map and a proposed reference, in one commit.

use std::path::{Path, PathBuf};

use super::commit::{Committed, Pending};
use super::propose_reference::propose;
use super::{AddSourceRequest, Context, Loaded, OpsError, ProposedReference, message};
use crate::import::pdf::{self, PageMap, PdfText, WebOrigin};
use crate::model::{Source, SourceFormat, SourceId};
use crate::store::{self, NotesFile};

/// What a PDF import found beyond the source itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfImported {
    pub pages: usize,
    /// Labels of the pages that had no text (scanned?).
    pub missing: Vec<String>,
}

/// A PDF's bytes, the name its errors give, and where it was downloaded from, if it was.
pub(super) struct PdfInput {
    pub bytes: Vec<u8>,
    pub name: String,
    /// The title when neither the request nor the PDF gives one.
    pub stem: String,
    /// The address after redirects, and the day it was read (`YYYY-MM-DD`).
    pub web: Option<(String, String)>,
}

/// Result of a PDF import: the source, what the import found, the proposed reference, the commit.
pub(super) type PdfAdded = (Source, PdfImported, Option<ProposedReference>, Committed);

/// The PDF part of `add_source`, called with the workspace locked and the id checked.
pub(super) fn add_pdf(
    cx: &mut Context,
    loaded: &Loaded,
    request: AddSourceRequest,
    id: SourceId,
) -> Result<PdfAdded, OpsError> {
    let input = PdfInput {
        bytes: store::read_import(&request.file)?,
        name: request.file.display().to_string(),
        stem: stem(&request.file),
        web: None,
    };
    add_pdf_bytes(cx, loaded, request, id, input)
}

/// Imports the PDF in `input` as source `id`, with the workspace locked and the id checked.
pub(super) fn add_pdf_bytes(
    cx: &mut Context,
    loaded: &Loaded,
    request: AddSourceRequest,
    id: SourceId,
    input: PdfInput,
) -> Result<PdfAdded, OpsError> {
    let PdfInput {
        bytes,
        name,
        stem,
        web,
    } = input;
    let read = read_pdf(&bytes, &name)?;
    let library = loaded.library()?;
    let title = request
        .title
        .clone()
        .or_else(|| {
            let key = request.cite.as_deref()?;
            library.get(key)?.title().map(String::from)
        })
        .or_else(|| read.metadata.title.clone())
        .unwrap_or(stem);
    let files = Files::new(cx, &id)?;
    let origin = web.as_ref().map(|(url, today)| WebOrigin { url, today });
    let proposed = match (&request.cite, pdf::proposed_entry(&read.metadata, origin)) {
        (None, Some(entry)) => {
            let from = web.as_ref().map_or("PDF metadata", |(url, _)| url.as_str());
            Some(propose(cx, library, &entry, from)?)
        }
        _ => None,
    };
    let cite = match &proposed {
        Some((reference, _)) => Some(reference.key.clone()),
        None => request.cite,
    };
    let (reference, bib_text) = proposed.unzip();
    let bib_text = bib_text.flatten();
    let source = Source {
        file: format!("{id}.txt"),
        id,
        title,
        format: SourceFormat::Pdf,
        hash: store::content_hash(&read.text),
        cite,
    };
    let pages = page_map(&read, &source.hash);
    let pending = Pending::start(cx)?;
    let mut writes = vec![
        (files.pdf, bytes),
        (files.pages, pages.to_toml().into_bytes()),
        (files.text, read.text.clone().into_bytes()),
    ];
    if let Some(text) = bib_text {
        writes.push((cx.ws.references_path(), text.into_bytes()));
    }
    let notes = NotesFile {
        source: source.clone(),
        annotations: Vec::new(),
    };
    let paths = write_all(cx, &writes, &notes)?;
    let message = message::source_added(&source.id, &source.title);
    let committed = pending.commit(cx, paths, message)?;
    let imported = PdfImported {
        pages: read.labels.len(),
        missing: read.missing,
    };
    Ok((source, imported, reference, committed))
}

/// The three files of a PDF source, refused when any already exists.
struct Files {
    pdf: PathBuf,
    pages: PathBuf,
    text: PathBuf,
}

impl Files {
    fn new(cx: &Context, id: &SourceId) -> Result<Files, OpsError> {
        let files = Files {
            pdf: cx.ws.source_path(&format!("{id}.pdf"))?,
            pages: cx.ws.source_path(&pdf::pages_file_of(id.as_str()))?,
            text: cx.ws.source_path(&format!("{id}.txt"))?,
        };
        for path in [&files.pdf, &files.pages, &files.text] {
            if path.exists() {
                return Err(OpsError::Invalid(format!(
                    "{} already exists: choose another id with --id",
                    cx.ws.relative(path).display()
                )));
            }
        }
        Ok(files)
    }
}

/// Writes every file then the notes; on any failure puts each file back as it was (or removes it).
pub(super) fn write_all(
    cx: &Context,
    writes: &[(PathBuf, Vec<u8>)],
    notes: &NotesFile,
) -> Result<Vec<PathBuf>, OpsError> {
    let before: Vec<Option<Vec<u8>>> = writes.iter().map(|(p, _)| std::fs::read(p).ok()).collect();
    let mut written = 0;
    let result = (|| {
        for (path, bytes) in writes {
            store::write_inside(&cx.ws, path, bytes)?;
            written += 1;
        }
        Ok::<_, OpsError>(store::save_notes(&cx.ws, notes)?)
    })();
    match result {
        Ok(notes_path) => {
            let mut paths: Vec<PathBuf> = writes.iter().map(|(p, _)| cx.ws.relative(p)).collect();
            paths.push(notes_path);
            Ok(paths)
        }
        Err(error) => {
            for ((path, _), old) in writes.iter().zip(&before).take(written) {
                match old {
                    Some(old) => {
                        let _ = store::write_atomic(path, old);
                    }
                    None => {
                        let _ = std::fs::remove_file(path);
                    }
                }
            }
            Err(error)
        }
    }
}

/// Reads a PDF, its errors prefixed with `name` (the file or the address).
pub(super) fn read_pdf(bytes: &[u8], name: &str) -> Result<PdfText, OpsError> {
    pdf::read_pdf(bytes).map_err(|e| OpsError::Invalid(format!("{name}: {e}")))
}

/// Where each page of `read` starts, for the text whose hash is `hash`.
pub(super) fn page_map(read: &PdfText, hash: &str) -> PageMap {
    PageMap {
        text: hash.to_string(),
        pages: read
            .starts
            .iter()
            .zip(&read.labels)
            .map(|(start, label)| pdf::Page {
                start: *start,
                label: label.clone(),
            })
            .collect(),
    }
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "source".into())
}
