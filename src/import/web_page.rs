//! A saved or downloaded HTML page: its article as text and the `@online` entry it proposes.

use super::charset::decode_html;
use super::html::extract_article;
use super::metadata::read_metadata;
use super::nesting::{MAX_NESTING, nesting_depth};
use super::{Extracted, ImportError, ProposedEntry};

/// `address` is where the page came from (it defaults the canonical URL); `today` is `YYYY-MM-DD`.
pub fn extract_page(
    bytes: &[u8],
    http_charset: Option<&str>,
    address: Option<&str>,
    today: &str,
) -> Result<Extracted, ImportError> {
    let html = decode_html(bytes, http_charset);
    let depth = nesting_depth(&html);
    if depth > MAX_NESTING {
        return Err(ImportError::TooDeep {
            depth,
            limit: MAX_NESTING,
        });
    }
    let article = extract_article(&html, address)?;
    let meta = read_metadata(&html, address);
    let title = meta.title.clone().or(article.title.clone());
    let proposed = ProposedEntry::web_page(&meta, article.title.as_deref(), today);
    Ok(Extracted {
        text: article.text,
        title,
        original_extension: "html",
        proposed: Some(proposed),
        notice: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gives_its_text_title_and_entry() {
        let page = include_str!("testdata/page.html");
        let extracted = extract_page(page.as_bytes(), None, None, "2026-03-02").unwrap();
        assert!(extracted.text.contains("62 % de la prostitution"));
        assert_eq!(
            extracted.title.as_deref(),
            Some("La cyberprostitution (LD)")
        );
        let entry = extracted.proposed.unwrap();
        assert_eq!(entry.get("author"), Some("Berdeil, Lucia"));
        assert_eq!(entry.get("date"), Some("2023-03-14"));
        assert_eq!(entry.get("organization"), Some("Master 2 Cyberjustice"));
        assert_eq!(
            entry.get("url"),
            Some("https://blog.example.org/cyberprostitution")
        );
        assert_eq!(entry.key(|_| false), "berdeil2023cyberprostitution");
    }
}
