use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Anchor, AnchorState, Citation};

/// A stable, short, random identifier (8 lowercase base-32 characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

impl AnnotationId {
    const ALPHABET: &'static [u8] = b"0123456789abcdefghjkmnpqrstvwxyz";

    pub fn random(rng: &mut fastrand::Rng) -> Self {
        let id = (0..8)
            .map(|_| Self::ALPHABET[rng.usize(..Self::ALPHABET.len())] as char)
            .collect();
        AnnotationId(id)
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an annotation is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Highlight,
    Note,
    Claim,
    Question,
    /// A reviewer's comment on another annotation or on a passage, or a reply in its thread.
    Review,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Highlight,
        Kind::Note,
        Kind::Claim,
        Kind::Question,
        Kind::Review,
    ];

    /// The kinds a reader makes from a selection; review comments have their own commands.
    pub const FROM_SELECTION: [Kind; 4] =
        [Kind::Highlight, Kind::Note, Kind::Claim, Kind::Question];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Highlight => "highlight",
            Kind::Note => "note",
            Kind::Claim => "claim",
            Kind::Question => "question",
            Kind::Review => "review",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    /// Parses the kinds a user picks; `review` is refused, since comments need `glose review comment`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        if wanted == Kind::Review.as_str() {
            return Err(
                "review comments are made with `glose review comment ID \"text\"`".to_string(),
            );
        }
        Kind::FROM_SELECTION
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| format!("unknown kind `{s}`: use highlight, note, claim or question"))
    }
}

/// Whether a review thread still waits for an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    #[default]
    Open,
    Resolved,
}

impl ReviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Open => "open",
            ReviewStatus::Resolved => "resolved",
        }
    }
}

impl fmt::Display for ReviewStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The other side's version of an annotation that a merge found changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "conflict", content = "version", rename_all = "lowercase")]
pub enum Conflict {
    /// The other side changed it into this.
    Changed(Box<Annotation>),
    /// The other side deleted it.
    Deleted,
}

/// One annotation on a source: a highlight, note, claim, question or review comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnotationId,
    pub kind: Kind,
    pub anchor: Anchor,
    pub state: AnchorState,
    /// Markdown.
    pub body: String,
    pub tags: Vec<String>,
    pub author: String,
    /// RFC 3339 timestamps.
    pub created: String,
    pub updated: String,
    pub citations: Vec<Citation>,
    /// For a review comment, the annotation it answers (a comment) or its thread's first comment (a reply).
    pub reply_to: Option<AnnotationId>,
    /// Set on the first comment of a review thread.
    pub status: Option<ReviewStatus>,
    /// Versions a merge could not reconcile with this one; empty when there is no conflict.
    pub conflicts: Vec<Conflict>,
}

impl Annotation {
    /// A claim that cites nothing.
    pub fn is_unsupported(&self) -> bool {
        self.kind == Kind::Claim && self.citations.is_empty()
    }

    /// The first comment of a review thread that still waits for an answer.
    pub fn is_open_review(&self) -> bool {
        self.kind == Kind::Review && self.status == Some(ReviewStatus::Open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_is_a_kind_but_not_one_picked_from_a_selection() {
        assert!(Kind::ALL.contains(&Kind::Review));
        assert!(!Kind::FROM_SELECTION.contains(&Kind::Review));
        assert_eq!("Claim".parse::<Kind>(), Ok(Kind::Claim));
        let refused = "review".parse::<Kind>().unwrap_err();
        assert!(refused.contains("glose review comment"), "{refused}");
    }
}
