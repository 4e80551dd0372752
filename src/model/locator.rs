use std::fmt;
use std::str::FromStr;

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

/// Why a locator could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocatorError {
    #[error("empty locator: give one such as \"p. 4\", \"pp. 12-14\", \"art. 225-5\" or \"§ 3\"")]
    Empty,
}

/// Labels and the kind they name, matched case-insensitively; longer labels first.
const LABELS: &[(&str, LocatorKind)] = &[
    ("paragraphes", LocatorKind::Paragraph),
    ("paragraphe", LocatorKind::Paragraph),
    ("paragraphs", LocatorKind::Paragraph),
    ("paragraph", LocatorKind::Paragraph),
    ("chapitres", LocatorKind::Chapter),
    ("chapitre", LocatorKind::Chapter),
    ("chapters", LocatorKind::Chapter),
    ("chapter", LocatorKind::Chapter),
    ("articles", LocatorKind::Article),
    ("article", LocatorKind::Article),
    ("sections", LocatorKind::Section),
    ("section", LocatorKind::Section),
    ("alinéas", LocatorKind::Alinea),
    ("alinéa", LocatorKind::Alinea),
    ("alineas", LocatorKind::Alinea),
    ("alinea", LocatorKind::Alinea),
    ("numéros", LocatorKind::Number),
    ("numéro", LocatorKind::Number),
    ("numbers", LocatorKind::Number),
    ("number", LocatorKind::Number),
    ("volumes", LocatorKind::Volume),
    ("tomes", LocatorKind::Volume),
    ("tome", LocatorKind::Volume),
    ("volume", LocatorKind::Volume),
    ("lignes", LocatorKind::Line),
    ("ligne", LocatorKind::Line),
    ("lines", LocatorKind::Line),
    ("line", LocatorKind::Line),
    ("notes", LocatorKind::Note),
    ("note", LocatorKind::Note),
    ("pages", LocatorKind::Page),
    ("page", LocatorKind::Page),
    ("paras", LocatorKind::Paragraph),
    ("para", LocatorKind::Paragraph),
    ("chap", LocatorKind::Chapter),
    ("sect", LocatorKind::Section),
    ("arts", LocatorKind::Article),
    ("art", LocatorKind::Article),
    ("vols", LocatorKind::Volume),
    ("vol", LocatorKind::Volume),
    ("num", LocatorKind::Number),
    ("nos", LocatorKind::Number),
    ("sec", LocatorKind::Section),
    ("pp", LocatorKind::Page),
    ("pg", LocatorKind::Page),
    ("ch", LocatorKind::Chapter),
    ("al", LocatorKind::Alinea),
    ("ll", LocatorKind::Line),
    ("nn", LocatorKind::Note),
    ("n°", LocatorKind::Number),
    ("nº", LocatorKind::Number),
    ("no", LocatorKind::Number),
    ("§§", LocatorKind::Section),
    ("§", LocatorKind::Section),
    ("¶¶", LocatorKind::Paragraph),
    ("¶", LocatorKind::Paragraph),
    ("p", LocatorKind::Page),
    ("n", LocatorKind::Note),
    ("t", LocatorKind::Volume),
    ("l", LocatorKind::Line),
];

impl Locator {
    /// Reads the kind from the label ("p.", "art.", "§", "n°", ...), keeping the text as typed
    /// (trimmed). A bare number is a page; a French code article ("L. 225-5") is an article;
    /// anything else is [`LocatorKind::Other`].
    pub fn parse(text: &str) -> Result<Locator, LocatorError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(LocatorError::Empty);
        }
        Ok(Locator {
            kind: kind_of(text),
            text: text.to_owned(),
        })
    }
}

impl FromStr for Locator {
    type Err = LocatorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locator::parse(s)
    }
}

fn kind_of(text: &str) -> LocatorKind {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return LocatorKind::Page;
    }
    if is_code_article(text) {
        return LocatorKind::Article;
    }
    let lower = text.to_lowercase();
    LABELS
        .iter()
        .find(|(label, _)| {
            lower
                .strip_prefix(label)
                .is_some_and(|rest| ends_label(label, rest))
        })
        .map_or(LocatorKind::Other, |&(_, kind)| kind)
}

/// A label must be followed by a dot, a space or a digit, then by something to locate.
fn ends_label(label: &str, rest: &str) -> bool {
    let symbol = !label.starts_with(|c: char| c.is_alphabetic()) || label.ends_with(['°', 'º']);
    let separated = rest.starts_with(|c: char| c == '.' || c.is_whitespace() || c.is_ascii_digit());
    let value = rest.trim_start_matches(|c: char| c == '.' || c.is_whitespace());
    (symbol || separated) && !value.is_empty()
}

/// French code articles, upper case: "L. 225-5", "R123-4", "D. 45" (lower-case "l. 4" is a line).
fn is_code_article(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['L', 'R', 'D']) else {
        return false;
    };
    let rest = rest.trim_start_matches(['.', ' ', '\u{a0}', '\u{202f}']);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

impl LocatorKind {
    pub const ALL: [LocatorKind; 11] = [
        LocatorKind::Page,
        LocatorKind::Article,
        LocatorKind::Paragraph,
        LocatorKind::Number,
        LocatorKind::Alinea,
        LocatorKind::Chapter,
        LocatorKind::Section,
        LocatorKind::Line,
        LocatorKind::Note,
        LocatorKind::Volume,
        LocatorKind::Other,
    ];

    /// The lowercase name, as serialized: "page", "article", ...
    pub fn as_str(self) -> &'static str {
        match self {
            LocatorKind::Page => "page",
            LocatorKind::Article => "article",
            LocatorKind::Paragraph => "paragraph",
            LocatorKind::Number => "number",
            LocatorKind::Alinea => "alinea",
            LocatorKind::Chapter => "chapter",
            LocatorKind::Section => "section",
            LocatorKind::Line => "line",
            LocatorKind::Note => "note",
            LocatorKind::Volume => "volume",
            LocatorKind::Other => "other",
        }
    }
}

impl fmt::Display for LocatorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> LocatorKind {
        match Locator::parse(text) {
            Ok(locator) => locator.kind,
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    #[test]
    fn issue_examples() {
        assert_eq!(kind("p. 4"), LocatorKind::Page);
        assert_eq!(kind("pp. 12-14"), LocatorKind::Page);
        assert_eq!(kind("art. 225-5"), LocatorKind::Article);
        assert_eq!(kind("§ 3"), LocatorKind::Section);
        assert_eq!(kind("n° 12"), LocatorKind::Number);
    }

    #[test]
    fn french_and_legal_labels() {
        let cases = [
            ("al. 2", LocatorKind::Alinea),
            ("alinéa 3", LocatorKind::Alinea),
            ("chap. 3", LocatorKind::Chapter),
            ("sect. 2", LocatorKind::Section),
            ("l. 12", LocatorKind::Line),
            ("ll. 3-5", LocatorKind::Line),
            ("n. 5", LocatorKind::Note),
            ("note 5", LocatorKind::Note),
            ("vol. 2", LocatorKind::Volume),
            ("t. II", LocatorKind::Volume),
            ("tome 2", LocatorKind::Volume),
            ("para. 4", LocatorKind::Paragraph),
            ("¶ 4", LocatorKind::Paragraph),
            ("article 12", LocatorKind::Article),
            ("Art. 1240", LocatorKind::Article),
            ("page 4", LocatorKind::Page),
            ("p.4", LocatorKind::Page),
            ("p4", LocatorKind::Page),
            ("P. 4", LocatorKind::Page),
            ("no 12", LocatorKind::Number),
            ("nº 12", LocatorKind::Number),
            ("n°12", LocatorKind::Number),
            ("§§ 3-4", LocatorKind::Section),
            ("§3", LocatorKind::Section),
        ];
        for (text, expected) in cases {
            assert_eq!(kind(text), expected, "{text:?}");
        }
    }

    #[test]
    fn bare_numbers_are_pages() {
        assert_eq!(kind("12"), LocatorKind::Page);
        assert_eq!(kind("12-14"), LocatorKind::Page);
    }

    #[test]
    fn french_code_articles() {
        assert_eq!(kind("L. 225-5"), LocatorKind::Article);
        assert_eq!(kind("R123-4"), LocatorKind::Article);
        assert_eq!(kind("L. 12"), LocatorKind::Article);
        assert_eq!(kind("l. 12"), LocatorKind::Line);
        assert_eq!(kind("Livre 2"), LocatorKind::Other);
    }

    #[test]
    fn unknown_labels_keep_their_text() {
        let locator = Locator::parse("  fol. 3v ").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            locator,
            Locator {
                kind: LocatorKind::Other,
                text: "fol. 3v".to_owned()
            }
        );
        assert_eq!(kind("passim"), LocatorKind::Other);
        assert_eq!(kind("p."), LocatorKind::Other);
        assert_eq!(kind("nota bene"), LocatorKind::Other);
    }

    #[test]
    fn text_is_kept_as_typed() {
        let locator: Locator = "art.\u{a0}225-5".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(locator.text, "art.\u{a0}225-5");
        assert_eq!(locator.to_string(), "art.\u{a0}225-5");
    }

    #[test]
    fn blank_text_is_an_error_with_a_hint() {
        assert_eq!(Locator::parse(" \t"), Err(LocatorError::Empty));
        assert!(LocatorError::Empty.to_string().contains("p. 4"));
    }

    #[test]
    fn kind_names_match_serde() {
        for kind in LocatorKind::ALL {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
