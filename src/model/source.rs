use std::fmt;

use serde::{Deserialize, Serialize};

/// A source's id: a slug of `[a-z0-9._-]`, so no path built from it leaves the workspace.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SourceId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a valid source id: use lowercase letters, digits, `-`, `_` and `.`, not starting with `.` (for example `berdeil-2023`)"
)]
pub struct SourceIdError(pub String);

impl SourceId {
    pub fn new(id: &str) -> Result<Self, SourceIdError> {
        let valid = !id.is_empty()
            && id.len() <= 100
            && !id.starts_with('.')
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
        if valid {
            Ok(SourceId(id.to_string()))
        } else {
            Err(SourceIdError(id.to_string()))
        }
    }

    /// Turns any title or file stem into a valid id ("Loi n° 2016-444" -> "loi-n-2016-444").
    pub fn slugify(text: &str) -> Self {
        let mut slug = String::new();
        for c in text.chars() {
            let folded = fold_accent(c);
            if folded.is_ascii_alphanumeric() {
                slug.push(folded.to_ascii_lowercase());
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
        let slug = slug.trim_end_matches('-');
        SourceId(if slug.is_empty() {
            "source".to_string()
        } else {
            slug.to_string()
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' => 'o',
        'û' | 'ü' | 'ú' | 'ù' | 'Û' | 'Ü' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        other => other,
    }
}

impl TryFrom<String> for SourceId {
    type Error = SourceIdError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        SourceId::new(&value)
    }
}

impl From<SourceId> for String {
    fn from(id: SourceId) -> String {
        id.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a source was imported; HTML and PDF come with their own importers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    #[default]
    Text,
    Markdown,
    Html,
    Pdf,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Pdf => "pdf",
        }
    }
}

/// A source being annotated: its text lives in `library/sources/<file>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    /// File name inside `library/sources/`.
    pub file: String,
    pub format: SourceFormat,
    /// `sha256:<hex>` of the text the annotations were anchored against.
    pub hash: String,
    /// Cite key of the source's own reference, if it has one.
    pub cite: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_escape_the_workspace() {
        for bad in [
            "../x", "/etc", "a/b", "", ".hidden", "A", "é", "a b", "..", "a\\b",
        ] {
            assert!(SourceId::new(bad).is_err(), "{bad:?} accepted");
        }
        assert!(SourceId::new("berdeil-2023_v2.1").is_ok());
    }

    #[test]
    fn slugify_folds_french_and_is_always_valid() {
        assert_eq!(
            SourceId::slugify("Loi n° 2016-444 à Paris").as_str(),
            "loi-n-2016-444-a-paris"
        );
        assert_eq!(SourceId::slugify("../../etc/passwd").as_str(), "etc-passwd");
        assert_eq!(SourceId::slugify("«»").as_str(), "source");
        for s in ["Été", "x/../y", "  ", "日本語"] {
            assert!(SourceId::new(SourceId::slugify(s).as_str()).is_ok());
        }
    }
}
