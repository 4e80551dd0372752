//! Article metadata from a page's JSON-LD blocks (schema.org), tolerating arrays, `@graph` and `@id` links.

use serde_json::Value;

use super::person::Author;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkedData {
    pub headline: Option<String>,
    pub authors: Vec<Author>,
    pub date_published: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// The periodical the article is part of (`isPartOf` a `Periodical`, through its issue and volume).
    pub journal: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub page_start: Option<String>,
    pub page_end: Option<String>,
}

/// Reads the best article-like node of all the blocks; a block that is not valid JSON is ignored.
pub fn read(blocks: &[String]) -> LinkedData {
    let values: Vec<Value> = blocks
        .iter()
        .filter_map(|block| serde_json::from_str(block.trim()).ok())
        .collect();
    let mut nodes = Vec::new();
    for value in &values {
        collect(value, &mut nodes);
    }
    let Some(main) = nodes
        .iter()
        .copied()
        .find(|n| is_article(n))
        .or_else(|| nodes.iter().copied().find(|n| n.get("headline").is_some()))
    else {
        return LinkedData::default();
    };
    let resolve = |value: &'_ Value| -> Option<&Value> {
        let id = value.get("@id")?.as_str()?;
        nodes.iter().copied().find(|n| {
            n.get("@id").and_then(Value::as_str) == Some(id)
                && n.as_object().is_some_and(|o| o.len() > 1)
        })
    };
    let authors = list(main.get("author"))
        .into_iter()
        .filter_map(|a| author(resolve(a).unwrap_or(a)))
        .collect();
    let (mut journal, mut volume, mut issue) = (None, None, None);
    let mut node = main;
    for _ in 0..3 {
        let Some(parent) = list(node.get("isPartOf"))
            .into_iter()
            .map(|p| resolve(p).unwrap_or(p))
            .find(|p| is_periodical_part(p))
        else {
            break;
        };
        let kinds = types(parent);
        if kinds.contains(&"PublicationIssue") {
            issue = issue.or_else(|| number(parent.get("issueNumber")));
        } else if kinds.contains(&"PublicationVolume") {
            volume = volume.or_else(|| number(parent.get("volumeNumber")));
        } else {
            journal = journal.or_else(|| name(parent));
        }
        node = parent;
    }
    LinkedData {
        journal,
        volume,
        issue,
        page_start: number(main.get("pageStart")),
        page_end: number(main.get("pageEnd")),
        headline: text(main.get("headline")).or_else(|| text(main.get("name"))),
        authors,
        date_published: text(main.get("datePublished")),
        publisher: main
            .get("publisher")
            .and_then(|p| name(resolve(p).unwrap_or(p))),
        url: text(main.get("url")).or_else(|| text(main.get("mainEntityOfPage"))),
    }
}

fn collect<'a>(value: &'a Value, nodes: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|i| collect(i, nodes)),
        Value::Object(map) => {
            nodes.push(value);
            if let Some(graph) = map.get("@graph") {
                collect(graph, nodes);
            }
        }
        _ => {}
    }
}

fn types(node: &Value) -> Vec<&str> {
    list(node.get("@type"))
        .into_iter()
        .filter_map(Value::as_str)
        .collect()
}

fn is_article(node: &Value) -> bool {
    types(node).iter().any(|t| {
        t.ends_with("Article") || t.ends_with("Posting") || matches!(*t, "Report" | "Legislation")
    })
}

fn is_periodical_part(node: &Value) -> bool {
    types(node).iter().any(|t| {
        matches!(
            *t,
            "Periodical" | "Newspaper" | "PublicationIssue" | "PublicationVolume"
        )
    })
}

/// A string or a JSON number as text (`"volumeNumber": 12`).
fn number(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Number(n) => Some(n.to_string()),
        other => text(Some(other)),
    }
}

fn list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(map) => text(map.get("@id")),
        Value::Array(items) => text(items.first()),
        _ => None,
    }
}

fn name(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => text(Some(value)),
        Value::Object(map) => text(map.get("name")),
        _ => None,
    }
}

fn author(value: &Value) -> Option<Author> {
    let name = name(value).filter(|n| !n.starts_with("http"))?;
    Some(match types(value).contains(&"Organization") {
        true => Author::Organization(name),
        false => Author::Person(name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_plain_article() {
        let ld = read(&[r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Titre","author":{"@type":"Person","name":"Lucia Berdeil"},
            "datePublished":"2023-03-14T09:00:00Z","publisher":{"@type":"Organization","name":"Le Site"},
            "url":"https://x.org/a"}"#
            .to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Titre"));
        assert_eq!(ld.authors, [Author::Person("Lucia Berdeil".into())]);
        assert_eq!(ld.date_published.as_deref(), Some("2023-03-14T09:00:00Z"));
        assert_eq!(ld.publisher.as_deref(), Some("Le Site"));
        assert_eq!(ld.url.as_deref(), Some("https://x.org/a"));
    }

    #[test]
    fn reads_graphs_arrays_and_id_links() {
        let ld = read(&[
            "not json {".to_string(),
            r##"[{"@type":"WebSite","name":"Site"},{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://x.org/#page","name":"Page"},
              {"@type":["BlogPosting"],"headline":"Le billet",
               "author":[{"@id":"https://x.org/#ana"},{"@type":"Organization","name":"Conseil de l'Europe"},"Paul Durand"],
               "publisher":{"@id":"https://x.org/#org"},"datePublished":"2022-01-05"},
              {"@type":"Person","@id":"https://x.org/#ana","name":"Ana Lopez"},
              {"@type":"Organization","@id":"https://x.org/#org","name":"Le Blog"}]}]"##
                .to_string(),
        ]);
        assert_eq!(ld.headline.as_deref(), Some("Le billet"));
        assert_eq!(
            ld.authors,
            [
                Author::Person("Ana Lopez".into()),
                Author::Organization("Conseil de l'Europe".into()),
                Author::Person("Paul Durand".into()),
            ]
        );
        assert_eq!(ld.publisher.as_deref(), Some("Le Blog"));
        assert_eq!(ld.date_published.as_deref(), Some("2022-01-05"));
    }

    #[test]
    fn an_article_in_an_issue_of_a_volume_of_a_periodical() {
        let ld = read(&[r##"{"@graph":[
            {"@type":"ScholarlyArticle","headline":"Le juge et l'algorithme","pageStart":201,"pageEnd":"215",
             "isPartOf":{"@id":"#issue"}},
            {"@id":"#issue","@type":"PublicationIssue","issueNumber":"2",
             "isPartOf":{"@type":"PublicationVolume","volumeNumber":74,
               "isPartOf":{"@type":"Periodical","name":"Revue d'histoire des sciences"}}}]}"##
            .to_string()]);
        assert_eq!(ld.journal.as_deref(), Some("Revue d'histoire des sciences"));
        assert_eq!(ld.volume.as_deref(), Some("74"));
        assert_eq!(ld.issue.as_deref(), Some("2"));
        assert_eq!(ld.page_start.as_deref(), Some("201"));
        assert_eq!(ld.page_end.as_deref(), Some("215"));
        let blog = read(&[r#"{"@type":"BlogPosting","headline":"Billet",
            "isPartOf":{"@type":"WebSite","name":"Le Blog"}}"#
            .to_string()]);
        assert_eq!(blog.journal, None, "a web site is not a periodical");
    }

    #[test]
    fn nothing_article_like_gives_nothing() {
        assert_eq!(
            read(&[r#"{"@type":"WebSite","name":"Site"}"#.to_string()]),
            LinkedData::default()
        );
    }
}
