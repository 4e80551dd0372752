//! The BibTeX entry proposed for an imported PDF, from its metadata.

use super::Metadata;
use crate::import::ProposedEntry;
use crate::import::person::Author;
use crate::import::{key, tex};

/// `@article` when the PDF has a DOI, else `@misc`; `None` when the PDF says nothing about itself.
pub fn proposed_entry(meta: &Metadata) -> Option<ProposedEntry> {
    if meta.is_empty() {
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
        let entry = proposed_entry(&meta()).expect("an entry");
        assert_eq!(entry.key(|_| false), "muller2021critique");
        let taken = ["muller2021critique", "muller2021critiqueb"];
        assert_eq!(entry.key(|k| taken.contains(&k)), "muller2021critiquec");
        let anonymous = Metadata {
            doi: Some("10.1/x".into()),
            ..Metadata::default()
        };
        assert_eq!(
            proposed_entry(&anonymous).expect("an entry").key(|_| false),
            "pdf"
        );
    }

    #[test]
    fn entry_is_an_article_with_a_doi() {
        let entry = proposed_entry(&meta()).expect("an entry").to_bibtex("k");
        assert!(entry.starts_with("@article{k,\n"), "{entry}");
        assert!(
            entry.contains("= {Müller, Anna and Dupont, Jean},\n"),
            "{entry}"
        );
        assert!(entry.contains("= {10.3917/rhs.742.0201},\n"), "{entry}");
        let mut plain = meta();
        plain.doi = None;
        plain.title = Some("R&D costs 100%".into());
        let entry = proposed_entry(&plain).expect("an entry").to_bibtex("k");
        assert!(entry.starts_with("@misc{k,"));
        assert!(entry.contains("= {R\\&D costs 100\\%}"), "{entry}");
        assert_eq!(proposed_entry(&Metadata::default()), None);
    }
}
