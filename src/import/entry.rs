//! The BibTeX entry an import proposes for its document.

use super::key;
use super::metadata::PageMetadata;
use super::tex;

/// An entry without its key yet: field values are already escaped for BibTeX.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedEntry {
    pub entry_type: String,
    pub fields: Vec<(String, String)>,
    key_base: String,
}

impl ProposedEntry {
    /// The entry of a web page read on `today` (`YYYY-MM-DD`): `@article` with `journaltitle`,
    /// volume, number and pages when the page names its journal, else `@online` with the site as
    /// `organization`.
    pub fn web_page(
        meta: &PageMetadata,
        fallback_title: Option<&str>,
        today: &str,
    ) -> ProposedEntry {
        let periodical = &meta.periodical;
        let escaped =
            |value: &Option<String>| value.as_deref().map(tex::escape).unwrap_or_default();
        let title = meta.title.as_deref().or(fallback_title);
        let mut fields = Vec::new();
        let mut push = |name: &str, value: String| {
            if !value.is_empty() {
                fields.push((name.to_string(), value));
            }
        };
        push(
            "author",
            meta.authors
                .iter()
                .map(|a| a.bibtex())
                .collect::<Vec<_>>()
                .join(" and "),
        );
        push("title", title.map(tex::escape).unwrap_or_default());
        push("date", meta.date.clone().unwrap_or_default());
        match &periodical.journal {
            Some(journal) => {
                push("journaltitle", tex::escape(journal));
                push("volume", escaped(&periodical.volume));
                push("number", escaped(&periodical.issue));
                push("pages", escaped(&periodical.pages));
            }
            None => push("organization", escaped(&meta.site)),
        }
        push(
            "url",
            meta.url.as_deref().map(tex::escape_url).unwrap_or_default(),
        );
        push("urldate", today.to_string());
        push(
            "doi",
            meta.doi.as_deref().map(tex::escape_url).unwrap_or_default(),
        );
        push(
            "langid",
            meta.lang
                .as_deref()
                .and_then(langid)
                .unwrap_or_default()
                .to_string(),
        );
        let family = meta
            .authors
            .first()
            .map(|a| a.family())
            .or_else(|| meta.site.clone());
        let year = meta.date.as_deref().map(|d| &d[..d.len().min(4)]);
        let entry_type = match periodical.journal {
            Some(_) => "article",
            None => "online",
        };
        ProposedEntry {
            entry_type: entry_type.to_string(),
            fields,
            key_base: key::base_key(family.as_deref(), year, title, "web"),
        }
    }

    /// An entry of `entry_type` with escaped `fields`, its key made from `key_base`.
    pub fn new(entry_type: &str, fields: Vec<(String, String)>, key_base: String) -> ProposedEntry {
        ProposedEntry {
            entry_type: entry_type.to_string(),
            fields,
            key_base,
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The generated key, made unique against the keys `taken` says exist.
    pub fn key(&self, taken: impl Fn(&str) -> bool) -> String {
        key::unique_key(&self.key_base, taken)
    }

    pub fn to_bibtex(&self, key: &str) -> String {
        let width = self.fields.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
        let mut text = format!("@{}{{{key},\n", self.entry_type);
        for (name, value) in &self.fields {
            text.push_str(&format!("  {name:<width$} = {{{value}}},\n"));
        }
        text.push_str("}\n");
        text
    }
}

fn langid(code: &str) -> Option<&'static str> {
    Some(match code {
        "fr" => "french",
        "en" => "english",
        "de" => "german",
        "es" => "spanish",
        "it" => "italian",
        "pt" => "portuguese",
        "nl" => "dutch",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::metadata::Periodical;
    use crate::import::person::Author;

    fn meta() -> PageMetadata {
        PageMetadata {
            title: Some("La cyberprostitution, un lourd enjeu à 100 %".into()),
            authors: vec![
                Author::Person("Lucia Berdeil".into()),
                Author::Organization("Mouvement du Nid".into()),
            ],
            date: Some("2023-03-14".into()),
            site: Some("Master 2 Cyberjustice & co".into()),
            url: Some("https://blog.example.org/a b".into()),
            doi: None,
            lang: Some("fr".into()),
            periodical: Periodical::default(),
        }
    }

    #[test]
    fn an_online_entry_with_escaped_fields() {
        let entry = ProposedEntry::web_page(&meta(), None, "2026-03-02");
        let key = entry.key(|k| k == "berdeil2023cyberprostitution");
        assert_eq!(key, "berdeil2023cyberprostitutionb");
        assert_eq!(
            entry.to_bibtex(&key),
            "@online{berdeil2023cyberprostitutionb,\n\
             \x20 author       = {Berdeil, Lucia and {Mouvement du Nid}},\n\
             \x20 title        = {La cyberprostitution, un lourd enjeu à 100 \\%},\n\
             \x20 date         = {2023-03-14},\n\
             \x20 organization = {Master 2 Cyberjustice \\& co},\n\
             \x20 url          = {https://blog.example.org/a%20b},\n\
             \x20 urldate      = {2026-03-02},\n\
             \x20 langid       = {french},\n\
             }\n"
        );
    }

    #[test]
    fn a_page_naming_its_journal_is_an_article() {
        let mut meta = meta();
        meta.periodical = Periodical {
            journal: Some("Revue de droit & société".into()),
            volume: Some("12".into()),
            issue: None,
            pages: Some("201--215".into()),
        };
        let entry = ProposedEntry::web_page(&meta, None, "2026-03-02");
        assert_eq!(entry.entry_type, "article");
        assert_eq!(
            entry.get("journaltitle"),
            Some("Revue de droit \\& société")
        );
        assert_eq!(entry.get("volume"), Some("12"));
        assert_eq!(entry.get("number"), None);
        assert_eq!(entry.get("pages"), Some("201--215"));
        assert_eq!(
            entry.get("organization"),
            None,
            "the journal is the container"
        );
        assert_eq!(entry.get("url"), Some("https://blog.example.org/a%20b"));
    }

    #[test]
    fn missing_metadata_leaves_fields_out_and_the_site_names_the_key() {
        let meta = PageMetadata {
            site: Some("Légifrance".into()),
            ..PageMetadata::default()
        };
        let entry = ProposedEntry::web_page(&meta, Some("Code pénal"), "2026-03-02");
        assert_eq!(entry.key(|_| false), "legifrancecode");
        assert_eq!(entry.get("author"), None);
        assert_eq!(entry.get("title"), Some("Code pénal"));
        assert_eq!(entry.get("urldate"), Some("2026-03-02"));
    }
}
