//! The only user of the BibTeX crate: parse, resolve @string and crossref, write back.

mod append;
mod diagnostic;
mod entry;
mod latex;
mod library;
mod macros;
mod names;
mod parse;
mod position;
mod prepass;
mod resolve;
mod search;
mod standalone;
mod to_hayagriva;

pub use append::{Appended, SkipReason, Skipped, append_entries};
pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use entry::{Entry, Field};
pub use library::{BibSource, Library, load};
pub use names::{Name, names};
pub use standalone::strings_used;
pub use to_hayagriva::{ConvertError, to_hayagriva};
