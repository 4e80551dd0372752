//! A web page's bibliographic metadata: Highwire `citation_*`, Dublin Core, Open Graph, `<link rel=canonical>`, JSON-LD.

use dom_query::Document;

use super::json_ld;
use super::person::Author;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMetadata {
    pub title: Option<String>,
    pub authors: Vec<Author>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub site: Option<String>,
    /// Absolute canonical URL.
    pub url: Option<String>,
    pub doi: Option<String>,
    /// Two-letter language code (`fr`).
    pub lang: Option<String>,
    pub periodical: Periodical,
}

/// Where a journal article appeared: `citation_journal_title`, `prism.*` or JSON-LD `isPartOf`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Periodical {
    pub journal: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    /// `201--215`, or `201` when only the first page is known.
    pub pages: Option<String>,
}

struct Metas(Vec<(String, String)>);

impl Metas {
    fn first(&self, names: &[&str]) -> Option<String> {
        names
            .iter()
            .find_map(|name| self.all(name).into_iter().next())
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Reads the metadata of `html`; `base` (the page's address) resolves a relative canonical link.
pub fn read_metadata(html: &str, base: Option<&str>) -> PageMetadata {
    let document = Document::from(html);
    let mut metas = Vec::new();
    for meta in document.select("meta").nodes() {
        let name = ["name", "property", "itemprop"]
            .iter()
            .find_map(|a| meta.attr(a))
            .map(|n| n.trim().to_lowercase());
        let content = meta.attr("content").map(|c| clean(&c));
        if let (Some(name), Some(content)) = (name, content)
            && !content.is_empty()
        {
            metas.push((name, content));
        }
    }
    let metas = Metas(metas);
    let blocks: Vec<String> = document
        .select("script[type=\"application/ld+json\"]")
        .nodes()
        .iter()
        .map(|s| s.text().to_string())
        .collect();
    let ld = json_ld::read(&blocks);
    let title = metas
        .first(&["citation_title"])
        .or(ld.headline.clone())
        .or_else(|| metas.first(&["og:title", "dc.title", "dcterms.title", "twitter:title"]));
    let date = metas
        .first(&[
            "citation_publication_date",
            "citation_date",
            "citation_online_date",
        ])
        .or(ld.date_published.clone())
        .or_else(|| {
            metas.first(&[
                "article:published_time",
                "dc.date",
                "dcterms.date",
                "dcterms.issued",
                "date",
            ])
        })
        .and_then(|d| normalize_date(&d));
    let canonical = document
        .select("link[rel=\"canonical\"]")
        .nodes()
        .first()
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_string());
    let url = canonical
        .or_else(|| metas.first(&["og:url"]))
        .or(ld.url.clone())
        .and_then(|u| absolute(&u, base))
        .or_else(|| base.map(str::to_string));
    let lang = document
        .select("html")
        .nodes()
        .first()
        .and_then(|h| h.attr("lang"))
        .map(|l| l.to_string())
        .or_else(|| metas.first(&["og:locale", "dc.language"]))
        .map(|l| l.chars().take(2).collect::<String>().to_lowercase())
        .filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_alphabetic()));
    let periodical = periodical(&metas, &ld);
    PageMetadata {
        periodical,
        title,
        authors: authors(&metas, ld.authors),
        date,
        site: metas
            .first(&["og:site_name"])
            .or(ld.publisher)
            .or_else(|| metas.first(&["citation_publisher", "dc.publisher", "dcterms.publisher"])),
        url,
        doi: metas
            .first(&[
                "citation_doi",
                "prism.doi",
                "dc.identifier",
                "dcterms.identifier",
            ])
            .and_then(|d| doi(&d)),
        lang,
    }
}

fn periodical(metas: &Metas, ld: &json_ld::LinkedData) -> Periodical {
    let first = metas
        .first(&["citation_firstpage", "prism.startingpage"])
        .or(ld.page_start.clone());
    let last = metas
        .first(&["citation_lastpage", "prism.endingpage"])
        .or(ld.page_end.clone());
    let pages = match (first, last) {
        (Some(first), Some(last)) if first != last => Some(format!("{first}--{last}")),
        (Some(first), _) => Some(first),
        (None, _) => None,
    };
    Periodical {
        journal: metas
            .first(&["citation_journal_title", "prism.publicationname"])
            .or(ld.journal.clone()),
        volume: metas
            .first(&["citation_volume", "prism.volume"])
            .or(ld.volume.clone()),
        issue: metas
            .first(&["citation_issue", "prism.number", "prism.issueidentifier"])
            .or(ld.issue.clone()),
        pages,
    }
}

fn authors(metas: &Metas, linked: Vec<Author>) -> Vec<Author> {
    let people = |names: Vec<String>| -> Vec<Author> {
        names
            .into_iter()
            .filter(|n| !n.starts_with("http") && !n.starts_with('@'))
            .map(Author::Person)
            .collect()
    };
    for found in [
        people(metas.all("citation_author")),
        linked,
        people(metas.all("dc.creator")),
        people(metas.all("dcterms.creator")),
        people(metas.all("author")),
        people(metas.all("article:author")),
    ] {
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2023-03-14T09:00:00+01:00`, `2023/03/14`, `2023-03` or `14 mars 2023` to `2023-03-14`, `2023-03-14`, `2023-03`, `2023`.
pub fn normalize_date(text: &str) -> Option<String> {
    let text = text.trim();
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .collect();
    if let Some(year) = numbers
        .first()
        .filter(|y| y.len() == 4 && text.starts_with(**y))
    {
        let part = |i: usize, max: u32| {
            numbers
                .get(i)
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|n| (1..=max).contains(n))
        };
        return Some(match (part(1, 12), part(2, 31)) {
            (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year}-{m:02}"),
            _ => year.to_string(),
        });
    }
    text.split(|c: char| !c.is_ascii_digit())
        .find(|p| p.len() == 4 && (p.starts_with("19") || p.starts_with("20")))
        .map(str::to_string)
}

fn absolute(url: &str, base: Option<&str>) -> Option<String> {
    if url.starts_with("http://") || url.starts_with("https://") {
        return Some(url.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split('/').next()?;
    if let Some(path) = url.strip_prefix("//") {
        return Some(format!("{scheme}://{path}"));
    }
    url.starts_with('/')
        .then(|| format!("{scheme}://{host}{url}"))
}

fn doi(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("10.")?;
    let doi = text[at..].trim();
    doi.contains('/').then(|| doi.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str) -> String {
        format!("<html lang=\"fr-FR\"><head>{head}</head><body><p>Texte</p></body></html>")
    }

    #[test]
    fn highwire_and_dublin_core_tags() {
        let meta = read_metadata(
            &page(
                r#"<meta name="citation_title" content="Le droit  pénal">
                <meta name="citation_author" content="Quéméner, Myriam">
                <meta name="citation_author" content="Charpenel, Yves">
                <meta name="citation_publication_date" content="2010/05/02">
                <meta name="citation_doi" content="doi:10.1234/ABC.5">
                <meta name="DC.publisher" content="Economica">"#,
            ),
            None,
        );
        assert_eq!(meta.title.as_deref(), Some("Le droit pénal"));
        assert_eq!(
            meta.authors,
            [
                Author::Person("Quéméner, Myriam".into()),
                Author::Person("Charpenel, Yves".into())
            ]
        );
        assert_eq!(meta.date.as_deref(), Some("2010-05-02"));
        assert_eq!(meta.doi.as_deref(), Some("10.1234/ABC.5"));
        assert_eq!(meta.site.as_deref(), Some("Economica"));
        assert_eq!(meta.lang.as_deref(), Some("fr"));
        assert_eq!(meta.url, None);
    }

    #[test]
    fn open_graph_tags_and_canonical_link() {
        let meta = read_metadata(
            &page(
                r#"<meta property="og:title" content="Titre OG">
                <meta property="og:site_name" content="Master 2 Cyberjustice">
                <meta property="og:url" content="https://og.example.org/a">
                <meta property="article:published_time" content="2023-03-14T09:00:00+01:00">
                <meta property="article:author" content="https://facebook.com/someone">
                <meta name="author" content="Lucia Berdeil">
                <link rel="canonical" href="/articles/cyber">"#,
            ),
            Some("https://blog.example.org/?p=12"),
        );
        assert_eq!(meta.title.as_deref(), Some("Titre OG"));
        assert_eq!(meta.site.as_deref(), Some("Master 2 Cyberjustice"));
        assert_eq!(meta.date.as_deref(), Some("2023-03-14"));
        assert_eq!(meta.authors, [Author::Person("Lucia Berdeil".into())]);
        assert_eq!(
            meta.url.as_deref(),
            Some("https://blog.example.org/articles/cyber")
        );
    }

    #[test]
    fn json_ld_fills_what_the_tags_lack() {
        let meta = read_metadata(
            &page(
                r#"<title>Titre | Site</title><script type="application/ld+json">
                {"@graph":[{"@type":"Article","headline":"Titre LD","author":[{"name":"Ana Lopez"},{"name":"Paul Durand"}],
                 "datePublished":"2021-11","publisher":{"name":"Éditions LD"},"url":"https://ld.example.org/x"}]}
                </script><meta property="og:title" content="Titre OG">"#,
            ),
            Some("https://fetched.example.org/x"),
        );
        assert_eq!(meta.title.as_deref(), Some("Titre LD"));
        assert_eq!(meta.authors.len(), 2);
        assert_eq!(meta.date.as_deref(), Some("2021-11"));
        assert_eq!(meta.site.as_deref(), Some("Éditions LD"));
        assert_eq!(meta.url.as_deref(), Some("https://ld.example.org/x"));
    }

    #[test]
    fn journal_tags_give_the_periodical() {
        let meta = read_metadata(
            &page(
                r#"<meta name="citation_journal_title" content="Revue  de science criminelle">
                <meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
                <meta name="citation_firstpage" content="201"><meta name="citation_lastpage" content="215">
                <meta property="og:site_name" content="Cairn.info">"#,
            ),
            None,
        );
        let expected = Periodical {
            journal: Some("Revue de science criminelle".into()),
            volume: Some("12".into()),
            issue: Some("3".into()),
            pages: Some("201--215".into()),
        };
        assert_eq!(meta.periodical, expected);
        let prism = read_metadata(
            &page(
                r#"<meta name="prism.publicationName" content="Droit et société">
                <meta name="prism.startingPage" content="7">"#,
            ),
            None,
        );
        assert_eq!(
            prism.periodical.journal.as_deref(),
            Some("Droit et société")
        );
        assert_eq!(prism.periodical.pages.as_deref(), Some("7"));
        let blog = read_metadata(
            &page(r#"<meta property="og:site_name" content="Blog">"#),
            None,
        );
        assert_eq!(blog.periodical, Periodical::default());
    }

    #[test]
    fn a_page_without_metadata_falls_back_to_its_address() {
        let meta = read_metadata("<p>Rien</p>", Some("https://x.org/p"));
        assert_eq!(meta.url.as_deref(), Some("https://x.org/p"));
        assert_eq!(meta.title, None);
        assert!(meta.authors.is_empty());
    }

    #[test]
    fn dates_in_several_shapes() {
        for (given, expected) in [
            ("2023-03-14T09:00:00+01:00", Some("2023-03-14")),
            ("2023/3/4", Some("2023-03-04")),
            ("2023-13-01", Some("2023")),
            ("2023", Some("2023")),
            ("14 mars 2023", Some("2023")),
            ("hier", None),
        ] {
            assert_eq!(normalize_date(given).as_deref(), expected, "{given}");
        }
    }
}
