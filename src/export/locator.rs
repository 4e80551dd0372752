//! Locators in the vocabularies of other tools: CSL locator types and Pandoc's citation labels.

use crate::model::{Locator, LocatorKind};

/// The CSL 1.0.2 locator type of a kind; "al." (alinéa) has none and counts as a paragraph.
pub fn csl_locator(kind: LocatorKind) -> Option<&'static str> {
    Some(match kind {
        LocatorKind::Page => "page",
        LocatorKind::Article => "article-locator",
        LocatorKind::Paragraph | LocatorKind::Alinea => "paragraph",
        LocatorKind::Number => "issue",
        LocatorKind::Chapter => "chapter",
        LocatorKind::Section => "section",
        LocatorKind::Line => "line",
        LocatorKind::Note => "note",
        LocatorKind::Volume => "volume",
        LocatorKind::Other => return None,
    })
}

/// The locator as Pandoc reads it after a cite key: a label it knows (`p.`, `art.`, `§`...), then the value.
pub fn pandoc_locator(locator: &Locator) -> String {
    let value = value_of(locator);
    let plural = value.contains(['-', '–', ',', '&']) && !value.contains(' ');
    let label = match locator.kind {
        LocatorKind::Page => {
            if plural {
                "pp."
            } else {
                "p."
            }
        }
        LocatorKind::Article => "art.",
        LocatorKind::Paragraph | LocatorKind::Alinea => "para.",
        LocatorKind::Number => "no.",
        LocatorKind::Chapter => "chap.",
        LocatorKind::Section => "§",
        LocatorKind::Line => "l.",
        LocatorKind::Note => "n.",
        LocatorKind::Volume => "vol.",
        LocatorKind::Other => return locator.text.clone(),
    };
    format!("{label} {value}")
}

/// The locator's text without its label: "art. 227-23, al. 3" gives "227-23, al. 3".
fn value_of(locator: &Locator) -> &str {
    let text = locator.text.trim();
    let code_article = locator.kind == LocatorKind::Article
        && text.starts_with(['L', 'R', 'D'])
        && text[1..]
            .trim_start_matches(['.', ' '])
            .starts_with(|c: char| c.is_ascii_digit());
    if code_article || text.starts_with(|c: char| c.is_ascii_digit()) {
        return text;
    }
    let start = text
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit() || c.is_uppercase() && *c != 'P')
        .map_or(text.len(), |(i, _)| i);
    let label = &text[..start];
    if label
        .chars()
        .all(|c| c.is_alphabetic() || ".°º§¶ \u{a0}\u{202f}".contains(c))
    {
        text[start..].trim()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pandoc(text: &str) -> String {
        pandoc_locator(&Locator::parse(text).unwrap_or_else(|e| panic!("{e}")))
    }

    #[test]
    fn labels_pandoc_knows() {
        assert_eq!(pandoc("art. 225-5"), "art. 225-5");
        assert_eq!(pandoc("art. 227-23, al. 3"), "art. 227-23, al. 3");
        assert_eq!(pandoc("article 12"), "art. 12");
        assert_eq!(pandoc("L. 225-5"), "art. L. 225-5");
        assert_eq!(pandoc("p. 4"), "p. 4");
        assert_eq!(pandoc("12-14"), "pp. 12-14");
        assert_eq!(pandoc("n° 12"), "no. 12");
        assert_eq!(pandoc("§ 3"), "§ 3");
        assert_eq!(pandoc("al. 2"), "para. 2");
        assert_eq!(pandoc("t. II"), "vol. II");
        assert_eq!(pandoc("fol. 3v"), "fol. 3v");
    }

    #[test]
    fn csl_types() {
        assert_eq!(csl_locator(LocatorKind::Article), Some("article-locator"));
        assert_eq!(csl_locator(LocatorKind::Alinea), Some("paragraph"));
        assert_eq!(csl_locator(LocatorKind::Number), Some("issue"));
        assert_eq!(csl_locator(LocatorKind::Other), None);
    }
}
