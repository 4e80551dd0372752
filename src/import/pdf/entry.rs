//! The BibTeX entry proposed for an imported PDF, with a generated cite key.

use super::Metadata;
use crate::model::SourceId;

const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "and", "for", "to", "le", "la", "les", "l", "de", "des",
    "du", "d", "un", "une", "et", "en", "au", "aux", "sur", "pour", "der", "die", "das", "el",
    "los", "las",
];

/// `lastname` + year + first significant title word ("dupont2021critique"), made unique with b, c, …
pub fn generate_key(meta: &Metadata, taken: impl Fn(&str) -> bool) -> String {
    let last_name = meta
        .authors
        .first()
        .map(|a| fold(last_name(a)))
        .unwrap_or_default();
    let word = meta
        .title
        .as_deref()
        .and_then(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .map(fold)
                .find(|w| !w.is_empty() && !STOPWORDS.contains(&w.as_str()))
        })
        .unwrap_or_default();
    let year = meta.year.clone().unwrap_or_default();
    let base = format!("{last_name}{year}{word}");
    let base = if base.is_empty() {
        "pdf".to_string()
    } else {
        base
    };
    let suffixes = std::iter::once(String::new())
        .chain(('b'..='z').map(String::from))
        .chain((2..).map(|n: u32| format!("-{n}")));
    suffixes
        .map(|suffix| format!("{base}{suffix}"))
        .find(|key| !taken(key))
        .unwrap_or(base)
}

/// "Dupont, Jean" and "Jean Dupont" both give "Dupont".
fn last_name(author: &str) -> &str {
    match author.split_once(',') {
        Some((last, _)) => last.trim(),
        None => author.split_whitespace().last().unwrap_or(author),
    }
}

/// ASCII, lowercase, letters and digits only ("Müller" -> "muller").
fn fold(word: &str) -> String {
    let folded = SourceId::slugify(word)
        .as_str()
        .replace(['-', '.', '_'], "");
    let placeholder = folded == "source" && !word.to_lowercase().contains("source");
    if placeholder { String::new() } else { folded }
}

/// `@article` when the PDF has a DOI, else `@misc`; `None` when nothing is known.
pub fn bibtex_entry(meta: &Metadata, key: &str) -> Option<String> {
    if meta.is_empty() {
        return None;
    }
    let kind = if meta.doi.is_some() {
        "article"
    } else {
        "misc"
    };
    let mut fields = Vec::new();
    if !meta.authors.is_empty() {
        fields.push(("author", escape(&meta.authors.join(" and "))));
    }
    if let Some(title) = &meta.title {
        fields.push(("title", escape(title)));
    }
    if let Some(year) = &meta.year {
        fields.push(("year", year.clone()));
    }
    if let Some(doi) = &meta.doi {
        fields.push(("doi", doi.replace(['{', '}'], "")));
    }
    let mut out = format!("@{kind}{{{key},\n");
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n");
    Some(out)
}

/// LaTeX-safe text: braces and backslashes dropped, `& % $ # _` escaped.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '{' | '}' | '\\' => {}
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
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
        assert_eq!(generate_key(&meta(), |_| false), "muller2021critique");
        let taken = ["muller2021critique", "muller2021critiqueb"];
        assert_eq!(
            generate_key(&meta(), |k| taken.contains(&k)),
            "muller2021critiquec"
        );
        let anonymous = Metadata {
            title: Some("The Report".into()),
            ..Metadata::default()
        };
        assert_eq!(generate_key(&anonymous, |_| false), "report");
        assert_eq!(generate_key(&Metadata::default(), |_| false), "pdf");
    }

    #[test]
    fn entry_is_an_article_with_a_doi() {
        let entry = bibtex_entry(&meta(), "k").unwrap();
        assert!(entry.starts_with("@article{k,\n"), "{entry}");
        assert!(entry.contains("  author = {Anna Müller and Dupont, Jean},\n"));
        assert!(entry.contains("  doi = {10.3917/rhs.742.0201},\n"));
        let mut plain = meta();
        plain.doi = None;
        plain.title = Some("R&D {costs} 100%".into());
        let entry = bibtex_entry(&plain, "k").unwrap();
        assert!(entry.starts_with("@misc{k,"));
        assert!(entry.contains("title = {R\\&D costs 100\\%}"), "{entry}");
        assert_eq!(bibtex_entry(&Metadata::default(), "k"), None);
    }
}
