use serde::{Deserialize, Serialize};

/// Where an annotation sits in its source, after the W3C TextQuote and TextPosition selectors.
///
/// `start` and `end` are byte offsets into the source text (always on char boundaries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

/// How well an anchor matches the current text of its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorState {
    /// The quote is at `start..end`, word for word.
    #[default]
    Exact,
    /// An approximate match: the user should confirm it.
    Fuzzy,
    /// The quote could not be found; the annotation keeps its old quote.
    Orphaned,
}

impl AnchorState {
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorState::Exact => "exact",
            AnchorState::Fuzzy => "fuzzy",
            AnchorState::Orphaned => "orphaned",
        }
    }
}
