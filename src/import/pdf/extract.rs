//! Text of a PDF page by page, through pdf-extract, with its panics contained.

use pdf_extract::{Document, PlainTextOutput, output_doc_page};

use super::{Metadata, PdfError, forms, labels};
use crate::bib::contained;

/// A PDF's text with the pages joined by a blank line, and where each page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    pub text: String,
    /// Byte offset in `text` where each page starts, in page order.
    pub starts: Vec<usize>,
    /// Each page's printed label, in page order.
    pub labels: Vec<String>,
    /// Labels of the pages that gave no text (scanned, or unreadable).
    pub missing: Vec<String>,
    pub metadata: Metadata,
}

/// Reads a PDF: refuses encrypted, broken and text-less files; pages without text are listed in `missing`.
pub fn read_pdf(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let loaded = contained(|| Document::load_mem(bytes))
        .ok_or_else(|| broken("its structure could not be parsed"))?;
    let doc = match loaded {
        Ok(doc) => doc,
        Err(_) if has_encrypt_entry(bytes) => return Err(PdfError::Encrypted),
        Err(e) => return Err(broken(&e.to_string())),
    };
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() {
        return Err(PdfError::Encrypted);
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.is_empty() {
        return Err(broken("no pages found"));
    }
    let labels = contained(|| labels::labels(&labels::ranges(&doc), numbers.len()))
        .unwrap_or_else(|| labels::labels(&[], numbers.len()));
    let mut text = String::new();
    let mut starts: Vec<Option<usize>> = Vec::new();
    let mut missing = Vec::new();
    let pages = doc.get_pages();
    for (number, label) in numbers.iter().zip(&labels) {
        let page = pages
            .get(number)
            .filter(|id| forms::page_ends(&doc, **id))
            .and_then(|_| page_text(&doc, *number))
            .unwrap_or_default();
        if page.is_empty() {
            missing.push(label.clone());
            starts.push(None);
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        starts.push(Some(text.len()));
        text.push_str(&page);
    }
    if missing.len() == numbers.len() {
        return Err(PdfError::NoText {
            pages: numbers.len(),
        });
    }
    let starts = fill_empty_pages(&starts, text.len());
    text.push('\n');
    let first_page = text
        .get(..starts.get(1).copied().unwrap_or(text.len()))
        .unwrap_or("");
    let metadata = contained(|| Metadata::read(&doc, first_page)).unwrap_or_default();
    Ok(PdfText {
        text,
        starts,
        labels,
        missing,
        metadata,
    })
}

/// One page's text, lines trimmed at the end and runs of blank lines cut to one; `None` when it panicked or failed.
fn page_text(doc: &Document, number: u32) -> Option<String> {
    let raw = contained(|| {
        let mut raw = String::new();
        let mut output = PlainTextOutput::new(&mut raw);
        output_doc_page(doc, &mut output, number).map(|()| raw)
    })?
    .ok()?;
    let mut lines: Vec<&str> = Vec::new();
    for line in raw.lines().map(str::trim_end) {
        if !(line.is_empty() && lines.last().is_none_or(|l| l.is_empty())) {
            lines.push(line);
        }
    }
    Some(lines.join("\n").trim().to_string())
}

/// A page without text starts where the next page with text starts (so it holds no offset).
fn fill_empty_pages(starts: &[Option<usize>], end: usize) -> Vec<usize> {
    let mut next = end;
    let mut filled: Vec<usize> = starts
        .iter()
        .rev()
        .map(|start| {
            next = start.unwrap_or(next);
            next
        })
        .collect();
    filled.reverse();
    filled
}

/// Whether the trailer names an `/Encrypt` dictionary, read from the raw bytes when lopdf failed.
fn has_encrypt_entry(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

fn broken(detail: &str) -> PdfError {
    PdfError::Broken(detail.to_string())
}
