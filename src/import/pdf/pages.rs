//! Where each page starts in a PDF source's text, kept beside it as `<id>.pages.toml`.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::model::Locator;

/// Page boundaries of one extracted text; `text` is the hash of the text the offsets count in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMap {
    pub text: String,
    pub pages: Vec<Page>,
}

/// A page: the byte offset where its text starts, and its printed label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub start: usize,
    pub label: String,
}

impl PageMap {
    /// The page holding byte `offset`: the last page starting at or before it.
    pub fn page_at(&self, offset: usize) -> Option<&Page> {
        self.pages.iter().rev().find(|p| p.start <= offset)
    }

    /// "p. 202" for a quote on one page, "pp. 201-202" for one crossing a page boundary.
    pub fn locator(&self, range: Range<usize>) -> Option<Locator> {
        let first = self.page_at(range.start)?;
        let last = self.page_at(range.end.saturating_sub(1).max(range.start))?;
        let text = if first.label == last.label {
            format!("p. {}", first.label)
        } else {
            format!("pp. {}-{}", first.label, last.label)
        };
        Locator::parse(&text).ok()
    }

    /// The sidecar's text: one inline table per page, so a diff shows the page that changed.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(
            "# Where each page of the PDF starts in the text (byte offsets), with its printed label.\n",
        );
        out.push_str(&format!(
            "text = {}\n",
            toml::Value::from(self.text.as_str())
        ));
        out.push_str("pages = [\n");
        for page in &self.pages {
            out.push_str(&format!(
                "  {{ start = {}, label = {} }},\n",
                page.start,
                toml::Value::from(page.label.as_str())
            ));
        }
        out.push_str("]\n");
        out
    }

    pub fn from_toml(text: &str) -> Result<PageMap, toml::de::Error> {
        toml::from_str(text)
    }
}

/// `<stem>.pages.toml`.
pub fn pages_file_of(stem: &str) -> String {
    format!("{stem}.pages.toml")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocatorKind;

    fn map() -> PageMap {
        PageMap {
            text: "sha256:00".into(),
            pages: vec![
                Page {
                    start: 0,
                    label: "201".into(),
                },
                Page {
                    start: 10,
                    label: "202".into(),
                },
                Page {
                    start: 20,
                    label: "203".into(),
                },
                Page {
                    start: 20,
                    label: "204".into(),
                },
            ],
        }
    }

    #[test]
    fn page_of_an_offset() {
        let map = map();
        assert_eq!(map.page_at(0).map(|p| p.label.as_str()), Some("201"));
        assert_eq!(map.page_at(9).map(|p| p.label.as_str()), Some("201"));
        assert_eq!(map.page_at(10).map(|p| p.label.as_str()), Some("202"));
        assert_eq!(map.page_at(25).map(|p| p.label.as_str()), Some("204"));
        assert_eq!(
            PageMap {
                text: String::new(),
                pages: vec![]
            }
            .page_at(3),
            None
        );
    }

    #[test]
    fn one_page_or_a_range_of_pages() {
        let map = map();
        let one = map.locator(12..19).unwrap();
        assert_eq!((one.text.as_str(), one.kind), ("p. 202", LocatorKind::Page));
        let two = map.locator(5..15).unwrap();
        assert_eq!(
            (two.text.as_str(), two.kind),
            ("pp. 201-202", LocatorKind::Page)
        );
        assert_eq!(map.locator(3..10).unwrap().text, "p. 201");
    }

    #[test]
    fn sidecar_round_trips_with_odd_labels() {
        let mut map = map();
        map.pages[0].label = "A \"quoted\" \\ label".into();
        let text = map.to_toml();
        assert_eq!(PageMap::from_toml(&text).unwrap(), map);
        assert!(text.contains("{ start = 10, label = \"202\" },\n"));
    }
}
