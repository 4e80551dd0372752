//! Pure exporters shared by the CLI and the TUI: workspace data in, text out.

mod bibtex;
mod csl_json;
mod csl_rich;
mod disambiguate;
mod error;
mod format;
mod labels;
mod locales;
mod locator;
mod markdown;
mod normalize;
mod presort;
#[cfg(test)]
mod rendering_dates_tests;
#[cfg(test)]
mod rendering_names_tests;
#[cfg(test)]
mod rendering_tests;
mod report;
mod runs;
mod select;
mod style;
mod typography;
mod w3c;
mod year_letters;
pub use bibtex::bibtex;
pub use csl_json::csl_json;
pub use error::ExportError;
pub use format::{FormattedBibliography, FormattedItem, Formatter, markdown_bibliography};
pub use locator::{csl_locator, pandoc_locator};
pub use normalize::normalized_entry;
pub use report::report;
pub use select::{Scope, select};
pub use style::{Style, archived_styles};
pub use w3c::{SourceTexts, w3c_annotations};

use crate::bib::{BibSource, Library};
use crate::store::NotesFile;

/// What every exporter reads: the loaded library, the text of its files and the notes.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub library: &'a Library,
    pub files: &'a [BibSource<'a>],
    pub notes: &'a [NotesFile],
}

/// An export's text and what the user should know about it (skipped or incomplete entries).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exported {
    pub text: String,
    pub warnings: Vec<String>,
}
