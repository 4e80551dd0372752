//! The orphans screen: annotations whose anchor is fuzzy (to confirm) or orphaned (to re-attach).

use super::Place;
use crate::model::AnchorState;
use crate::tui::data::Data;

#[derive(Debug, Clone, Default)]
pub struct Orphans {
    pub cursor: usize,
    pub rows: Vec<Place>,
}

impl Orphans {
    pub fn new(data: &Data) -> Orphans {
        let mut orphans = Orphans::default();
        orphans.refresh(data);
        orphans
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
                    .filter(|(_, a)| a.state != AnchorState::Exact)
                    .map(move |(i, _)| (s, i))
            })
            .collect();
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<Place> {
        self.rows.get(self.cursor).copied()
    }
}
