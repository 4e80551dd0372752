use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Locator;

/// A claim's link to a reference of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub key: String,
    pub locator: Option<Locator>,
    pub relation: Relation,
}

/// What a cited reference does for a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    #[default]
    Supports,
    Contradicts,
    Mentions,
}

impl Relation {
    pub const ALL: [Relation; 3] = [
        Relation::Supports,
        Relation::Contradicts,
        Relation::Mentions,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
            Relation::Mentions => "mentions",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Relation {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Relation::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim().to_lowercase())
            .ok_or_else(|| format!("unknown relation `{s}`: use supports, contradicts or mentions"))
    }
}
