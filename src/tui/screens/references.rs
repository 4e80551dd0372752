//! The references screen: the library filtered with the same fuzzy matcher as the citation picker,
//! on the matching thread, so typing never waits for a large library to be scored.

use crate::tui::awaited::Awaited;
use crate::tui::data::{RefItem, Refs};
use crate::tui::matching::Matched;

#[derive(Debug, Clone, Default)]
pub struct RefList {
    pub query: String,
    pub typing: bool,
    /// Indexes into the library, best match first.
    pub matches: Vec<usize>,
    pub cursor: usize,
    awaited: Awaited,
}

impl RefList {
    pub fn new(refs: &Refs) -> RefList {
        let mut list = RefList::default();
        list.refresh(refs);
        list
    }

    /// After the query or the library changed: a blank query shows every entry at once, any other
    /// keeps the matches shown until its own come back.
    pub fn refresh(&mut self, refs: &Refs) {
        if self.query.trim().is_empty() && self.matching(refs) {
            self.show((0..refs.len()).collect(), refs);
        }
        self.cursor = self.cursor.min(self.matches.len().saturating_sub(1));
    }

    /// Whether the matches shown are not yet those of the query typed in this library.
    pub fn matching(&self, refs: &Refs) -> bool {
        self.awaited.stale(&self.query, refs)
    }

    /// The query to have matched in `refs`, once per query.
    pub fn wanted(&mut self, refs: &Refs) -> Option<String> {
        self.refresh(refs);
        self.awaited.ask(&self.query, refs)
    }

    /// Shows matches that came back, if they are those of the query typed in `refs`.
    pub fn matched(&mut self, matched: Matched, refs: &Refs) {
        if self.awaited.answers(&matched, &self.query, refs) {
            self.show(matched.matches, refs);
        }
    }

    pub fn current<'a>(&self, refs: &'a [RefItem]) -> Option<&'a RefItem> {
        self.matches.get(self.cursor).and_then(|i| refs.get(*i))
    }

    fn show(&mut self, matches: Vec<usize>, refs: &Refs) {
        self.matches = matches;
        self.cursor = self.cursor.min(self.matches.len().saturating_sub(1));
        self.awaited.showing(&self.query, refs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fuzzy::tests::item;

    #[test]
    fn a_query_is_asked_once_and_only_its_own_matches_are_shown() {
        let refs: Refs = vec![item("a", "Droit pénal"), item("b", "Internet")].into();
        let mut list = RefList::new(&refs);
        assert_eq!(
            list.matches,
            [0, 1],
            "a blank query shows everything at once"
        );
        assert_eq!(list.wanted(&refs), None);
        list.query = "int".into();
        assert_eq!(list.wanted(&refs).as_deref(), Some("int"));
        assert_eq!(list.wanted(&refs), None, "asked once");
        assert!(list.matching(&refs));
        let stale = Matched {
            query: "in".into(),
            refs: refs.clone(),
            matches: vec![0],
        };
        list.matched(stale, &refs);
        assert_eq!(list.matches, [0, 1], "another query's matches are dropped");
        let fresh = Matched {
            query: "int".into(),
            refs: refs.clone(),
            matches: vec![1],
        };
        list.matched(fresh, &refs);
        assert_eq!(list.matches, [1]);
        assert!(!list.matching(&refs));
        let reread: Refs = vec![item("a", "Droit pénal"), item("b", "Internet")].into();
        assert_eq!(
            list.wanted(&reread).as_deref(),
            Some("int"),
            "a new read of the library is matched again"
        );
    }
}
