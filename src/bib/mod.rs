//! The only user of the BibTeX crate: parse, resolve @string and crossref, write back.

mod append;
mod diagnostic;
mod entry;
mod latex;
mod library;
mod macros;
mod parse;
mod position;
mod prepass;
#[cfg(test)]
mod proptests;
mod resolve;
mod search;

pub use append::{Appended, SkipReason, Skipped, append_entries};
pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use entry::{Entry, Field};
pub use library::{BibSource, Library, load};
