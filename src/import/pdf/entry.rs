//! The BibTeX entry proposed for an imported PDF, from its metadata.

use super::Metadata;
use crate::import::ProposedEntry;
use crate::import::person::Author;
use crate::import::{key, tex};

/// Where a downloaded PDF came from: its address and the day it was read (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebOrigin<'a> {
    pub url: &'a str,
    pub today: &'a str,
}

/// `@article` when the PDF has a DOI, else `@misc`, with `url` and `urldate` when it was downloaded;
/// `None` when the PDF says nothing about itself and was not downloaded.
pub fn proposed_entry(meta: &Metadata, origin: Option<WebOrigin>) -> Option<ProposedEntry> {
    if meta.is_empty() && origin.is_none() {
        return None;
    }
    let authors: Vec<Author> = meta
        .authors
        .iter()
        .map(|name| Author::Person(name.clone()))
        .collect();
    let mut fields = Vec::new();
    if !authors.is_empty() {
        let names: Vec<String> = authors.iter().map(Author::bibtex).collect();
        fields.push(("author".to_string(), names.join(" and ")));
    }
    if let Some(title) = &meta.title {
        fields.push(("title".to_string(), tex::escape(title)));
    }
    if let Some(year) = &meta.year {
        fields.push(("year".to_string(), year.clone()));
    }
    if let Some(doi) = &meta.doi {
        fields.push(("doi".to_string(), tex::escape_url(doi)));
    }
    if let Some(origin) = origin {
        fields.push(("url".to_string(), tex::escape_url(origin.url)));
        fields.push(("urldate".to_string(), origin.today.to_string()));
    }
    let family = authors.first().map(Author::family);
    let key_base = key::base_key(
        family.as_deref(),
        meta.year.as_deref(),
        meta.title.as_deref(),
        "pdf",
    );
    let entry_type = if meta.doi.is_some() {
        "article"
    } else {
        "misc"
    };
    Some(ProposedEntry::new(entry_type, fields, key_base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Metadata {
        Metadata {
            title: Some("La critique des sources numériques".into()),
            authors: vec!["Anna Müller".into(), "Dupont, Jean".into()],
            year: Some("2021".into()),
            doi: Some("10.3917/rhs.742.0201".into()),
        }
    }

    #[test]
    fn key_from_author_year_and_title_word() {
        let entry = proposed_entry(&meta(), None).expect("an entry");
        assert_eq!(entry.key(|_| false), "muller2021critique");
        let taken = ["muller2021critique", "muller2021critiqueb"];
        assert_eq!(entry.key(|k| taken.contains(&k)), "muller2021critiquec");
        let anonymous = Metadata {
            doi: Some("10.1/x".into()),
            ..Metadata::default()
        };
        assert_eq!(
            proposed_entry(&anonymous, None)
                .expect("an entry")
                .key(|_| false),
            "pdf"
        );
    }

    #[test]
    fn entry_is_an_article_with_a_doi() {
        let entry = proposed_entry(&meta(), None)
            .expect("an entry")
            .to_bibtex("k");
        assert!(entry.starts_with("@article{k,\n"), "{entry}");
        assert!(
            entry.contains("= {Müller, Anna and Dupont, Jean},\n"),
            "{entry}"
        );
        assert!(entry.contains("= {10.3917/rhs.742.0201},\n"), "{entry}");
        let mut plain = meta();
        plain.doi = None;
        plain.title = Some("R&D costs 100%".into());
        let entry = proposed_entry(&plain, None)
            .expect("an entry")
            .to_bibtex("k");
        assert!(entry.starts_with("@misc{k,"));
        assert!(entry.contains("= {R\\&D costs 100\\%}"), "{entry}");
        assert_eq!(proposed_entry(&Metadata::default(), None), None);
    }

    #[test]
    fn a_downloaded_pdf_keeps_its_address_even_without_metadata() {
        let origin = WebOrigin {
            url: "https://x.org/rapport annuel.pdf",
            today: "2026-03-02",
        };
        let entry = proposed_entry(&meta(), Some(origin)).expect("an entry");
        assert_eq!(entry.get("url"), Some("https://x.org/rapport%20annuel.pdf"));
        assert_eq!(entry.get("urldate"), Some("2026-03-02"));
        let bare = proposed_entry(&Metadata::default(), Some(origin)).expect("an entry");
        assert_eq!(bare.entry_type, "misc");
        assert_eq!(bare.key(|_| false), "pdf");
        assert_eq!(bare.get("title"), None);
    }
}
