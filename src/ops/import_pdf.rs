//! `glose add report.pdf`: the PDF, its text, its page map and a proposed reference, in one commit.

use std::path::{Path, PathBuf};

use super::commit::{Committed, Pending};
use super::{AddSourceRequest, Context, Loaded, OpsError, message};
use crate::bib::{self, Library, SkipReason};
use crate::import::pdf::{self, PageMap, PdfText};
use crate::model::{Source, SourceFormat, SourceId};
use crate::store::{self, NotesFile};

/// What a PDF import found beyond the source itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfImported {
    pub pages: usize,
    /// Labels of the pages that had no text (scanned?).
    pub missing: Vec<String>,
    pub reference: ProposedReference,
}

/// What became of the reference read from the PDF's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposedReference {
    /// `--cite` named the reference; nothing was proposed.
    Given,
    /// Appended to `library/references.bib` under this key.
    Added(String),
    /// Not added: the library already has this DOI under `existing_key`, which the source now cites.
    DuplicateDoi { existing_key: String },
    /// Not added: the key is taken.
    DuplicateKey(String),
    /// The PDF says nothing about itself (no title, author or DOI).
    Nothing,
}

/// The PDF part of `add_source`, called with the workspace locked and the id checked.
pub(super) fn add_pdf(
    cx: &mut Context,
    loaded: &Loaded,
    request: AddSourceRequest,
    id: SourceId,
) -> Result<(Source, PdfImported, Committed), OpsError> {
    let bytes = store::read_import(&request.file)?;
    let read = pdf::read_pdf(&bytes)
        .map_err(|e| OpsError::Invalid(format!("{}: {e}", request.file.display())))?;
    let library = loaded.library()?;
    let title = request
        .title
        .clone()
        .or_else(|| {
            let key = request.cite.as_deref()?;
            library.get(key)?.title().map(String::from)
        })
        .or_else(|| read.metadata.title.clone())
        .unwrap_or_else(|| stem(&request.file));
    let files = Files::new(cx, &id)?;
    let (reference, cite, bib_text) = match &request.cite {
        Some(key) => (ProposedReference::Given, Some(key.clone()), None),
        None => propose(cx, library, &read)?,
    };
    let source = Source {
        file: format!("{id}.txt"),
        id,
        title,
        format: SourceFormat::Pdf,
        hash: store::content_hash(&read.text),
        cite,
    };
    let pages = PageMap {
        text: source.hash.clone(),
        pages: read
            .starts
            .iter()
            .zip(&read.labels)
            .map(|(start, label)| pdf::Page {
                start: *start,
                label: label.clone(),
            })
            .collect(),
    };
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
        reference,
    };
    Ok((source, imported, committed))
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

/// The entry read from the metadata, appended to the references text unless the library has it.
fn propose(
    cx: &Context,
    library: &Library,
    read: &PdfText,
) -> Result<(ProposedReference, Option<String>, Option<String>), OpsError> {
    let taken = |key: &str| {
        library
            .entries()
            .iter()
            .any(|e| e.key.eq_ignore_ascii_case(key))
    };
    let key = pdf::generate_key(&read.metadata, taken);
    let Some(entry) = pdf::bibtex_entry(&read.metadata, &key) else {
        return Ok((ProposedReference::Nothing, None, None));
    };
    let target = cx.ws.references_path();
    let current = if target.exists() {
        store::read_text(&target)?
    } else {
        String::new()
    };
    let relative = cx.ws.relative(&target);
    let appended = bib::append_entries(
        &relative,
        &current,
        library,
        Path::new("PDF metadata"),
        &entry,
    );
    if appended.added.contains(&key) {
        return Ok((
            ProposedReference::Added(key.clone()),
            Some(key),
            Some(appended.text),
        ));
    }
    let outcome = match appended.skipped.into_iter().next().map(|s| s.reason) {
        Some(SkipReason::DuplicateDoi { existing_key }) => {
            let cite = Some(existing_key.clone());
            return Ok((ProposedReference::DuplicateDoi { existing_key }, cite, None));
        }
        _ => ProposedReference::DuplicateKey(key),
    };
    Ok((outcome, None, None))
}

/// Writes every file then the notes; on any failure removes the new files and restores the .bib.
fn write_all(
    cx: &Context,
    writes: &[(PathBuf, Vec<u8>)],
    notes: &NotesFile,
) -> Result<Vec<PathBuf>, OpsError> {
    let references = cx.ws.references_path();
    let old_references = std::fs::read(&references).ok();
    let mut written = Vec::new();
    let result = (|| {
        for (path, bytes) in writes {
            store::write_inside(&cx.ws, path, bytes)?;
            written.push(path.clone());
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
            for path in written {
                match (&old_references, path == references) {
                    (Some(old), true) => {
                        let _ = store::write_atomic(&path, old);
                    }
                    _ => {
                        let _ = std::fs::remove_file(&path);
                    }
                }
            }
            Err(error)
        }
    }
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "source".into())
}
