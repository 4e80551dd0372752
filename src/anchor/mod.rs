//! Locating quotes in text and re-anchoring annotations after the text changes.

mod approx;
mod context;
mod find;
mod fold;
mod myers;
mod reanchor;

pub use context::{CONTEXT_CHARS, anchor_at};
pub use find::{Nearest, QuoteMatch, find_quote};
pub use reanchor::{MAX_ERRORS, Reanchored, max_errors, reanchor, reanchor_annotation};

#[cfg(test)]
mod hostile_proptests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod reanchor_tests;
