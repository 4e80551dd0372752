use std::fmt;

use serde::{Deserialize, Serialize};

/// Where in a reference a claim is backed: "p. 4", "art. 225-5", "§ 12". The text is kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locator {
    pub kind: LocatorKind,
    pub text: String,
}

/// The unit a locator counts in (maps to CSL locator types on export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocatorKind {
    Page,
    Article,
    Paragraph,
    Number,
    Alinea,
    Chapter,
    Section,
    Line,
    Note,
    Volume,
    Other,
}

impl fmt::Display for Locator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
