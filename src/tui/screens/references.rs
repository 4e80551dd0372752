//! The references screen: the library filtered with the same fuzzy matcher as the citation picker.

use nucleo_matcher::Matcher;

use crate::tui::data::RefItem;
use crate::tui::fuzzy;

#[derive(Debug, Clone, Default)]
pub struct RefList {
    pub query: String,
    pub typing: bool,
    /// Indexes into the library, best match first.
    pub matches: Vec<usize>,
    pub cursor: usize,
}

impl RefList {
    pub fn new(refs: &[RefItem], matcher: &mut Matcher) -> RefList {
        let mut list = RefList::default();
        list.refresh(refs, matcher);
        list
    }

    pub fn refresh(&mut self, refs: &[RefItem], matcher: &mut Matcher) {
        self.matches = fuzzy::fuzzy(&self.query, refs, matcher);
        self.cursor = self.cursor.min(self.matches.len().saturating_sub(1));
    }

    pub fn current<'a>(&self, refs: &'a [RefItem]) -> Option<&'a RefItem> {
        self.matches.get(self.cursor).and_then(|i| refs.get(*i))
    }
}
