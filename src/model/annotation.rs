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
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Highlight, Kind::Note, Kind::Claim, Kind::Question];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Highlight => "highlight",
            Kind::Note => "note",
            Kind::Claim => "claim",
            Kind::Question => "question",
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

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim().to_lowercase())
            .ok_or_else(|| format!("unknown kind `{s}`: use highlight, note, claim or question"))
    }
}

/// One annotation on a source: a highlight, note, claim or question.
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
}

impl Annotation {
    /// A claim that cites nothing.
    pub fn is_unsupported(&self) -> bool {
        self.kind == Kind::Claim && self.citations.is_empty()
    }
}
