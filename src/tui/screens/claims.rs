//! The claims board: every claim of the workspace, filtered by support, anchor state, tag, key, source and words.

use super::Place;
use crate::model::{AnchorState, Annotation, Kind};
use crate::tui::data::Data;

#[derive(Debug, Clone, Default)]
pub struct Board {
    /// Words, `#tag`, `@key` and `in:source`, all of which must match.
    pub filter: String,
    pub typing: bool,
    pub unsupported: bool,
    /// Only fuzzy and orphaned anchors.
    pub anchors: bool,
    pub cursor: usize,
    pub rows: Vec<Place>,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Filter {
    tags: Vec<String>,
    keys: Vec<String>,
    sources: Vec<String>,
    words: Vec<String>,
}

impl Filter {
    fn parse(text: &str) -> Filter {
        let mut filter = Filter::default();
        for token in text.split_whitespace().map(str::to_lowercase) {
            if let Some(tag) = token.strip_prefix('#') {
                filter.tags.push(tag.to_string());
            } else if let Some(key) = token.strip_prefix('@') {
                filter.keys.push(key.to_string());
            } else if let Some(source) = token.strip_prefix("in:") {
                filter.sources.push(source.to_string());
            } else {
                filter.words.push(token);
            }
        }
        filter
    }

    fn matches(&self, source: &str, a: &Annotation) -> bool {
        let source = source.to_lowercase();
        let lower = |s: &str| s.to_lowercase();
        self.tags
            .iter()
            .all(|t| a.tags.iter().any(|x| lower(x).starts_with(t.as_str())))
            && self.keys.iter().all(|k| {
                a.citations
                    .iter()
                    .any(|c| lower(&c.key).contains(k.as_str()))
            })
            && self.sources.iter().all(|s| source.contains(s.as_str()))
            && self.words.iter().all(|w| {
                lower(&a.anchor.exact).contains(w.as_str()) || lower(&a.body).contains(w.as_str())
            })
    }
}

impl Board {
    pub fn new(data: &Data) -> Board {
        let mut board = Board::default();
        board.refresh(data);
        board
    }

    /// Recomputes the rows after the data or the filter changed.
    pub fn refresh(&mut self, data: &Data) {
        let filter = Filter::parse(&self.filter);
        let (unsupported, anchors) = (self.unsupported, self.anchors);
        self.rows = data
            .sources
            .iter()
            .enumerate()
            .flat_map(|(s, doc)| {
                let filter = &filter;
                doc.annotations
                    .iter()
                    .enumerate()
                    .filter(move |(_, a)| {
                        a.kind == Kind::Claim
                            && (!unsupported || a.is_unsupported())
                            && (!anchors || a.state != AnchorState::Exact)
                            && filter.matches(&doc.id, a)
                    })
                    .map(move |(i, _)| (s, i))
            })
            .collect();
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<Place> {
        self.rows.get(self.cursor).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_tokens() {
        assert_eq!(
            Filter::parse("#Droit @loi in:berdeil 62%"),
            Filter {
                tags: vec!["droit".into()],
                keys: vec!["loi".into()],
                sources: vec!["berdeil".into()],
                words: vec!["62%".into()],
            }
        );
    }
}
