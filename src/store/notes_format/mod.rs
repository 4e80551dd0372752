//! The notes file of one source: a TOML file written deterministically so that git diffs and merges stay small.
//!
//! Layout: a header comment, a `[source]` table, then one `[[annotation]]` block per annotation in
//! position order (start, end, id), separated by one blank line. Comments added by hand are not kept.

use std::cmp::Ordering;
use std::fmt;

use crate::model::{Annotation, Source};

mod blocks;
mod merge;
mod quick_read;
mod read;
mod write;

#[cfg(test)]
mod blocks_tests;
#[cfg(test)]
mod hostile_proptests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod tests;

pub use blocks::BlockReader;
pub use merge::{NotesMerge, NotesMergeError, merge_notes_text};
pub use read::parse_notes;
pub use write::notes_to_string;

/// All the annotations of one source, as stored in `notes/<source-id>.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesFile {
    pub source: Source,
    pub annotations: Vec<Annotation>,
}

impl NotesFile {
    pub fn new(source: Source) -> Self {
        NotesFile {
            source,
            annotations: Vec::new(),
        }
    }

    /// Puts the annotations in the order the file stores them.
    pub fn sort(&mut self) {
        self.annotations.sort_by(position_order);
    }
}

/// File order: by anchor start, then end, then id, so that notes on different passages sit on different lines.
pub(crate) fn position_order(a: &Annotation, b: &Annotation) -> Ordering {
    (a.anchor.start, a.anchor.end, &a.id).cmp(&(b.anchor.start, b.anchor.end, &b.id))
}

/// A notes file that could not be read, with the 1-based line and column of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for NotesParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}; fix the file by hand (or restore it with `git checkout`), and glose will load it again",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for NotesParseError {}

/// The 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
