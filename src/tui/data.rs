//! What the screens show, read from the workspace by the effects runner and handed to the app.

use std::ops::Deref;
use std::sync::Arc;

use nucleo_matcher::Utf32String;

use crate::import::pdf::PageMap;
use crate::model::Annotation;

/// A snapshot of the workspace for drawing: sources with their text and notes, and the library.
#[derive(Debug, Clone, Default)]
pub struct Data {
    pub workspace: String,
    pub branch: String,
    /// glose's files changed since the last commit; `None` until they are counted.
    pub pending: Option<usize>,
    pub sources: Vec<SourceDoc>,
    pub refs: Refs,
    /// Problems found in the .bib files ("file:line:column: message"), broken entries included.
    pub diagnostics: Vec<String>,
    /// The library is being read in the background: `refs` is empty or out of date until it arrives.
    pub library_loading: bool,
}

/// What a background read sends to the event loop.
#[derive(Debug)]
pub enum Arrival {
    /// Sources read with their text and notes.
    Sources(Vec<SourceDoc>),
    /// A source whose notes or text could not be read.
    Unreadable { id: String, message: String },
    /// The library, with what to say once it is shown (the .bib that changed).
    Library {
        refs: Refs,
        diagnostics: Vec<String>,
        message: Option<String>,
    },
    /// The library could not be read.
    LibraryFailed(String),
    /// The count of glose's files changed since the last commit.
    Pending(usize),
}

impl Data {
    /// How many sources are still waiting for their text and notes.
    pub fn unread(&self) -> usize {
        self.sources.iter().filter(|s| !s.loaded).count()
    }

    /// "loading library…" or "loading notes 12 of 1000…" while background reads run.
    pub fn loading_note(&self, library: bool, notes: bool) -> Option<String> {
        if library && self.library_loading {
            return Some("loading library…".to_string());
        }
        let unread = self.unread();
        (notes && unread > 0).then(|| {
            let total = self.sources.len();
            format!("loading notes {} of {total}…", total - unread)
        })
    }
}

#[derive(Debug, Clone)]
pub struct SourceDoc {
    pub id: String,
    pub title: String,
    /// The text's file name in `library/sources/`.
    pub file: String,
    /// False while only the id is known and the text and notes are still being read.
    pub loaded: bool,
    pub text: String,
    /// Byte offset where each line starts.
    pub line_starts: Vec<usize>,
    /// In reading order.
    pub annotations: Vec<Annotation>,
    /// The quotes as the notes file held them before re-anchoring, by annotation id, where they differ.
    pub old_quotes: Vec<(String, String)>,
    /// Where each page starts, for a PDF source.
    pub pages: Option<PageMap>,
}

/// The library's entries, shared with the thread that matches the picker's query; two are equal
/// when they are the same read of the library.
#[derive(Clone, Default)]
pub struct Refs(Arc<[RefItem]>);

impl Deref for Refs {
    type Target = [RefItem];

    fn deref(&self) -> &[RefItem] {
        &self.0
    }
}

impl From<Vec<RefItem>> for Refs {
    fn from(items: Vec<RefItem>) -> Refs {
        Refs(items.into())
    }
}

impl PartialEq for Refs {
    fn eq(&self, other: &Refs) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Refs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Refs({} entries)", self.0.len())
    }
}

#[derive(Debug, Clone)]
pub struct RefItem {
    pub key: String,
    pub summary: String,
    /// Key, authors, title, year and journal or publisher, for fuzzy search.
    pub haystack: Utf32String,
    pub fields: Vec<(String, String)>,
    /// Where the entry is ("references.bib:12").
    pub place: String,
}

impl SourceDoc {
    pub fn new(id: String, title: String, text: String, mut annotations: Vec<Annotation>) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        annotations.sort_by_key(|a| (a.anchor.start, a.anchor.end));
        SourceDoc {
            id,
            title,
            file: String::new(),
            loaded: true,
            text,
            line_starts,
            annotations,
            old_quotes: Vec::new(),
            pages: None,
        }
    }

    /// A source known by its id only, until its text and notes are read.
    pub fn unread(id: String) -> Self {
        SourceDoc {
            loaded: false,
            ..SourceDoc::new(id.clone(), id, String::new(), Vec::new())
        }
    }

    /// The quote an annotation had before its source changed, when it differs from the current one.
    pub fn old_quote(&self, id: &str) -> Option<&str> {
        self.old_quotes
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, q)| q.as_str())
    }

    /// The index of the line that contains `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    /// Start and end (before the newline) of a line.
    pub fn line_bounds(&self, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        (start, end)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}
