//! Which query a list's matches belong to and which one was last sent to the matching thread,
//! shared by the citation picker and the references screen.

use super::data::Refs;
use super::matching::Matched;

#[derive(Debug, Clone, Default)]
pub struct Awaited {
    /// The query the matches shown are for, and the read of the library they index.
    shown: Option<(String, Refs)>,
    /// The query last asked to be matched, in that read of the library.
    asked: Option<(String, Refs)>,
}

impl Awaited {
    /// Whether the matches shown are not yet those of `query` in `refs`.
    pub fn stale(&self, query: &str, refs: &Refs) -> bool {
        self.shown
            .as_ref()
            .is_none_or(|(shown, read)| shown != query || read != refs)
    }

    /// `query`, the first time it is wanted in `refs` while the matches shown are of another.
    pub fn ask(&mut self, query: &str, refs: &Refs) -> Option<String> {
        let asked = Some((query.to_string(), refs.clone()));
        (self.stale(query, refs) && self.asked != asked).then(|| {
            self.asked = asked;
            query.to_string()
        })
    }

    /// Whether `matched` answers `query` in `refs` and is not shown yet.
    pub fn answers(&self, matched: &Matched, query: &str, refs: &Refs) -> bool {
        matched.query == query && matched.refs == *refs && self.stale(query, refs)
    }

    /// Records that the matches shown are now those of `query` in `refs`.
    pub fn showing(&mut self, query: &str, refs: &Refs) {
        self.shown = Some((query.to_string(), refs.clone()));
    }
}
