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
    LinkedData {
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
    fn nothing_article_like_gives_nothing() {
        assert_eq!(
            read(&[r#"{"@type":"WebSite","name":"Site"}"#.to_string()]),
            LinkedData::default()
        );
    }
}
