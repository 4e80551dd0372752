//! Review mode: every change since the current identity's last review mark, oldest first, one at a time.

use super::history::{Item, items};
use crate::ops::{CommitChanges, History};

#[derive(Debug, Clone, Default)]
pub struct ReviewWalk {
    /// `None` until the event loop has read the history since the last review.
    pub history: Option<History>,
    /// Each change as (commit index, change index in that commit), oldest commit first.
    pub rows: Vec<(usize, usize)>,
    pub cursor: usize,
    /// Waiting for `y` to mark everything reviewed.
    pub confirming: bool,
}

impl ReviewWalk {
    pub fn set(&mut self, history: History) {
        self.rows = history
            .commits
            .iter()
            .enumerate()
            .rev()
            .flat_map(|(c, commit)| (0..items(commit, None).len()).map(move |i| (c, i)))
            .collect();
        self.history = Some(history);
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// The change shown and the commit it belongs to.
    pub fn current(&self) -> Option<(&CommitChanges, Item<'_>)> {
        let (c, i) = *self.rows.get(self.cursor)?;
        let commit = self.history.as_ref()?.commits.get(c)?;
        let item = *items(commit, None).get(i)?;
        Some((commit, item))
    }
}
