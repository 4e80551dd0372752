//! The history screen: commits on the left, the selected one's semantic changes on the right, filtered by author and source.

use crate::bib::BibChange;
use crate::model::Change;
use crate::ops::{CommitChanges, History};

/// One change of a commit: to a source's notes, or to the library.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Note(&'a str, &'a Change),
    Reference(&'a BibChange),
}

impl Item<'_> {
    /// The source and annotation id a change is about, for jumping to it.
    pub fn annotation(&self) -> Option<(&str, &str)> {
        match self {
            Item::Note(source, change) => Some((source, change.annotation().id.0.as_str())),
            Item::Reference(_) => None,
        }
    }
}

/// A commit's changes in order, only those to `source` when given (and then none to the library).
pub fn items<'a>(commit: &'a CommitChanges, source: Option<&str>) -> Vec<Item<'a>> {
    let notes = commit
        .sources
        .iter()
        .filter(|s| source.is_none_or(|wanted| s.source == wanted))
        .flat_map(|s| s.changes.iter().map(|c| Item::Note(s.source.as_str(), c)));
    let references = commit
        .references
        .iter()
        .filter(|_| source.is_none())
        .map(Item::Reference);
    notes.chain(references).collect()
}

#[derive(Debug, Clone, Default)]
pub struct HistoryView {
    /// `None` until the event loop has read the history.
    pub history: Option<History>,
    pub author: Option<String>,
    pub source: Option<String>,
    /// Indices of the commits the filters keep, newest first.
    pub rows: Vec<usize>,
    pub cursor: usize,
    /// The highlighted change of the selected commit, when the right pane has the focus.
    pub change: usize,
    pub on_changes: bool,
}

impl HistoryView {
    pub fn set(&mut self, history: History) {
        self.history = Some(history);
        self.refresh();
    }

    pub fn refresh(&mut self) {
        let Some(history) = &self.history else { return };
        self.rows = history
            .commits
            .iter()
            .enumerate()
            .filter(|(_, c)| self.author.as_ref().is_none_or(|a| c.commit.author == *a))
            .filter(|(_, c)| {
                self.source
                    .as_ref()
                    .is_none_or(|s| c.sources.iter().any(|x| x.source == *s))
            })
            .map(|(i, _)| i)
            .collect();
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
        self.change = self.change.min(self.items().len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<&CommitChanges> {
        let history = self.history.as_ref()?;
        history.commits.get(*self.rows.get(self.cursor)?)
    }

    /// The selected commit's changes, filtered by source.
    pub fn items(&self) -> Vec<Item<'_>> {
        self.current()
            .map(|c| items(c, self.source.as_deref()))
            .unwrap_or_default()
    }

    /// The next author filter: none, then each author of the history in turn.
    pub fn cycle_author(&mut self) {
        let authors = self.distinct(|c| vec![c.commit.author.clone()]);
        self.author = next(&authors, self.author.take());
        self.cursor = 0;
        self.change = 0;
        self.refresh();
    }

    /// The next source filter: none, then each source the history touches in turn.
    pub fn cycle_source(&mut self) {
        let sources = self.distinct(|c| c.sources.iter().map(|s| s.source.clone()).collect());
        self.source = next(&sources, self.source.take());
        self.cursor = 0;
        self.change = 0;
        self.refresh();
    }

    fn distinct(&self, of: impl Fn(&CommitChanges) -> Vec<String>) -> Vec<String> {
        let mut out: Vec<String> = self
            .history
            .iter()
            .flat_map(|h| h.commits.iter().flat_map(&of))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

fn next(all: &[String], current: Option<String>) -> Option<String> {
    match current.and_then(|c| all.iter().position(|x| *x == c)) {
        None => all.first().cloned(),
        Some(at) => all.get(at + 1).cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_goes_through_every_value_then_back_to_none() {
        let all = ["a".to_string(), "b".to_string()];
        assert_eq!(next(&all, None).as_deref(), Some("a"));
        assert_eq!(next(&all, Some("a".into())).as_deref(), Some("b"));
        assert_eq!(next(&all, Some("b".into())), None);
        assert_eq!(next(&all, Some("gone".into())).as_deref(), Some("a"));
    }
}
