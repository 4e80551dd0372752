//! Pure importers: a document's readable text, its metadata, and the reference it proposes.

pub mod charset;
mod companions;
pub mod entry;
pub mod html;
mod html_text;
pub mod json_ld;
pub mod key;
pub mod metadata;
mod nesting;
pub mod pdf;
pub mod person;
pub mod tex;
pub mod web_page;

pub use companions::companion_files;
pub use entry::ProposedEntry;

/// What an importer made of a document: the text to annotate and, when it can tell, its reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    /// The extension the original bytes are kept under, beside the text (`html`, `pdf`).
    pub original_extension: &'static str,
    pub proposed: Option<ProposedEntry>,
    pub notice: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(
        "no article text was found in this page (only menus, links or nothing): save the text you want as .txt or .md and add that"
    )]
    NoArticle,
    #[error(
        "this page nests its elements {depth} deep (more than {limit}; articles nest a few dozen), so glose does not read it: save the text you want as .txt or .md and add that"
    )]
    TooDeep { depth: usize, limit: usize },
}
