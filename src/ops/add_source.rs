use std::path::{Path, PathBuf};

use super::commit::{Committed, Pending};
use super::import_pdf::{self, PdfImported};
use super::import_web::{add_web_source, is_html_file, web_address};
use super::{Context, Loaded, OpsError, ProposedReference, message};
use crate::model::{Source, SourceFormat, SourceId};
use crate::store::{self, NotesFile};

#[derive(Debug, Clone, Default)]
pub struct AddSourceRequest {
    pub file: PathBuf,
    pub id: Option<String>,
    pub cite: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug)]
pub struct SourceAdded {
    pub source: Source,
    /// Said when the text had to be converted (for example from Windows-1252).
    pub notice: Option<String>,
    /// The reference proposed from a web page's or a PDF's metadata (without `--cite`).
    pub reference: Option<ProposedReference>,
    /// Pages and pages without text, for a PDF.
    pub pdf: Option<PdfImported>,
    pub committed: Committed,
}

/// Imports an article (text, Markdown, PDF, a web page or a URL) into `library/sources/` with an empty notes file.
pub fn add_source(cx: &mut Context, request: AddSourceRequest) -> Result<SourceAdded, OpsError> {
    if web_address(&request.file).is_some() || is_html_file(&request.file) {
        return add_web_source(cx, request);
    }
    let _lock = cx.lock_for_writing()?;
    let format = format_of(&request.file);
    let loaded = Loaded::read(cx)?;
    if let Some(key) = &request.cite {
        loaded.require_key(key)?;
    }
    let id = match &request.id {
        Some(id) => SourceId::new(id).map_err(|e| OpsError::Invalid(e.to_string()))?,
        None => SourceId::slugify(&stem(&request.file)),
    };
    if loaded.source_ids().any(|existing| *existing == id) {
        return Err(OpsError::SourceExists(id.to_string()));
    }
    if format == SourceFormat::Pdf {
        let (source, pdf, reference, committed) = import_pdf::add_pdf(cx, &loaded, request, id)?;
        return Ok(SourceAdded {
            source,
            notice: None,
            reference,
            pdf: Some(pdf),
            committed,
        });
    }
    let decoded = store::decode_source(&store::read_import(&request.file)?)?;
    let title = request
        .title
        .clone()
        .or_else(|| {
            request
                .cite
                .as_deref()
                .and_then(|k| loaded.library().ok()?.get(k)?.title().map(String::from))
        })
        .or_else(|| markdown_heading(&decoded.text, format))
        .unwrap_or_else(|| stem(&request.file));
    let extension = if format == SourceFormat::Markdown {
        "md"
    } else {
        "txt"
    };
    let source = Source {
        file: format!("{id}.{extension}"),
        id,
        title,
        format,
        hash: store::content_hash(&decoded.text),
        cite: request.cite,
    };
    let pending = Pending::start(cx)?;
    let text_path = cx.ws.source_path(&source.file)?;
    if text_path.exists() {
        return Err(OpsError::Invalid(format!(
            "{} already exists: choose another id with --id",
            cx.ws.relative(&text_path).display()
        )));
    }
    store::write_inside(&cx.ws, &text_path, decoded.text.as_bytes())?;
    let notes = NotesFile {
        source: source.clone(),
        annotations: Vec::new(),
    };
    let notes_path = store::save_notes(&cx.ws, &notes)?;
    let message = message::source_added(&source.id, &source.title);
    let committed = pending.commit(cx, vec![cx.ws.relative(&text_path), notes_path], message)?;
    Ok(SourceAdded {
        source,
        notice: decoded.notice,
        reference: None,
        pdf: None,
        committed,
    })
}

fn format_of(file: &Path) -> SourceFormat {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    match extension.as_str() {
        "md" | "markdown" => SourceFormat::Markdown,
        "pdf" => SourceFormat::Pdf,
        _ => SourceFormat::Text,
    }
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "source".into())
}

fn markdown_heading(text: &str, format: SourceFormat) -> Option<String> {
    if format != SourceFormat::Markdown {
        return None;
    }
    text.lines()
        .find_map(|line| line.strip_prefix("# "))
        .map(|heading| heading.trim().to_string())
        .filter(|heading| !heading.is_empty())
}
