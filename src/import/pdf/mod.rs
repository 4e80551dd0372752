//! Importing a PDF: its text page by page, printed page labels, and a proposed reference.

mod entry;
mod extract;
mod forms;
mod labels;
mod metadata;
mod pages;

pub use entry::{WebOrigin, proposed_entry};
pub use extract::{PdfText, read_pdf};
pub use labels::{LabelRange, Style, labels};
pub use metadata::{Metadata, find_doi, split_authors};
pub use pages::{Page, PageMap, pages_file_of};

/// Why a PDF could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error(
        "encrypted PDF: remove the password first, e.g. with qpdf --decrypt in.pdf out.pdf, then add the decrypted file"
    )]
    Encrypted,
    #[error(
        "not a readable PDF ({0}): it may be truncated or damaged; download it again or re-save it from a PDF viewer"
    )]
    Broken(String),
    #[error(
        "the PDF has no text on any of its {pages} pages (scanned?): run OCR on it first (for example ocrmypdf in.pdf out.pdf), then add the result"
    )]
    NoText { pages: usize },
}

#[cfg(test)]
mod tests;
