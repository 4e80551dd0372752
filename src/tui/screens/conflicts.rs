//! The conflicts screen: annotations a merge left with other versions beside them, to settle one by one.

use super::Place;
use crate::tui::data::Data;

#[derive(Debug, Clone, Default)]
pub struct Conflicts {
    pub cursor: usize,
    pub rows: Vec<Place>,
    /// Which of the other versions is shown (and kept by `t`).
    pub version: usize,
}

impl Conflicts {
    pub fn new(data: &Data) -> Conflicts {
        let mut conflicts = Conflicts::default();
        conflicts.refresh(data);
        conflicts
    }

    pub fn refresh(&mut self, data: &Data) {
        self.rows = data
            .sources
            .iter()
            .enumerate()
            .flat_map(|(s, doc)| {
                doc.annotations
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| !a.conflicts.is_empty())
                    .map(move |(i, _)| (s, i))
            })
            .collect();
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<Place> {
        self.rows.get(self.cursor).copied()
    }
}
