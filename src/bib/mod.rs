//! The only user of the BibTeX crate: parse, resolve @string and crossref, write back.

mod append;
mod cache;
#[cfg(test)]
mod cache_tests;
mod contained;
mod convert;
mod diagnostic;
mod diff;
mod entry;
mod field;
mod keyed;
pub(crate) mod langid;
pub(crate) mod latex;
mod library;
mod macros;
pub(crate) mod markup;
pub(crate) mod math;
mod math_symbols;
mod merge;
mod names;
mod parse;
#[cfg(test)]
mod pieces_tests;
mod position;
mod preamble;
mod prepass;
#[cfg(test)]
mod proptests;
mod resolve;
mod search;
mod standalone;
mod to_hayagriva;
mod to_hayagriva_case;
mod to_hayagriva_fixes;
mod to_hayagriva_keys;
mod to_hayagriva_language;
mod to_hayagriva_numeric;
mod to_hayagriva_prefix;
mod to_hayagriva_series;
mod to_hayagriva_text;
mod to_hayagriva_titles;
mod to_hayagriva_volumes;

pub use append::{Appended, SkipReason, Skipped, append_entries};
pub use cache::{decode_cache, encode_cache};
pub(crate) use contained::contained;
pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use diff::{BibChange, diff_bib};
pub use entry::Entry;
pub use field::Field;
pub use library::{BibSource, Library, load};
pub use merge::{BibMerge, CONFLICT_MARK, merge_bib};
pub use names::{Name, names};
pub use preamble::{Preamble, preambles};
pub use standalone::strings_used;
pub use to_hayagriva::{ConvertError, to_hayagriva};
