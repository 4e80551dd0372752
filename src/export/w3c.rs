//! W3C Web Annotation JSON-LD: quote and position selectors, the body, citations as linked resources.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::locator::csl_locator;
use super::select::notes_in_scope;
use super::{ExportError, Exported, Input};
use crate::model::{AnchorState, Annotation, Kind};

/// The current text of each source, by source id; a missing text means no position selector.
pub type SourceTexts = HashMap<String, String>;

/// An `AnnotationCollection` of every annotation of the chosen sources (all when none is named).
pub fn w3c_annotations(
    input: &Input<'_>,
    sources: &[String],
    texts: &SourceTexts,
) -> Result<Exported, ExportError> {
    let mut warnings = Vec::new();
    let mut items = Vec::new();
    for file in notes_in_scope(input.notes, sources)? {
        let id = file.source.id.as_str();
        let text = texts.get(id);
        if text.is_none() {
            warnings.push(format!(
                "the text of source `{id}` could not be read: its annotations have no position selector"
            ));
        }
        let target_source = format!("library/sources/{}", file.source.file);
        for annotation in &file.annotations {
            items.push(annotation_json(
                input,
                annotation,
                id,
                &target_source,
                text.map(String::as_str),
            ));
        }
    }
    let collection = json!({
        "@context": [
            "http://www.w3.org/ns/anno.jsonld",
            {
                "glose": "urn:glose:",
                "citeKey": "glose:citeKey",
                "relation": "glose:relation",
                "locator": "glose:locator",
                "locatorType": "glose:locatorType",
                "anchorState": "glose:anchorState",
                "sourceId": "glose:sourceId",
                "kind": "glose:kind"
            }
        ],
        "type": "AnnotationCollection",
        "label": "glose annotations",
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items }
    });
    let text = serde_json::to_string_pretty(&collection).unwrap_or_default() + "\n";
    Ok(Exported { text, warnings })
}

fn annotation_json(
    input: &Input<'_>,
    annotation: &Annotation,
    source_id: &str,
    target_source: &str,
    text: Option<&str>,
) -> Value {
    let anchor = &annotation.anchor;
    let mut selectors = vec![json!({
        "type": "TextQuoteSelector",
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    })];
    if annotation.state != AnchorState::Orphaned
        && let Some((start, end)) = text.and_then(|t| code_points(t, anchor.start, anchor.end))
    {
        selectors.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
    }
    let mut body = Vec::new();
    if !annotation.body.trim().is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "value": annotation.body,
            "format": "text/markdown",
            "purpose": if annotation.kind == Kind::Question { "questioning" } else { "commenting" },
        }));
    }
    for tag in &annotation.tags {
        body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    for citation in &annotation.citations {
        let entry = input.library.get(&citation.key);
        let iri = entry
            .and_then(|e| {
                e.doi()
                    .map(|d| format!("https://doi.org/{d}"))
                    .or_else(|| e.get("url").map(str::to_string))
            })
            .unwrap_or_else(|| {
                let file = entry.map_or_else(
                    || "library/references.bib".into(),
                    |e| e.file.display().to_string(),
                );
                format!("{file}#{}", percent_encode(&citation.key))
            });
        let mut resource = Map::new();
        resource.insert("type".into(), "SpecificResource".into());
        resource.insert("purpose".into(), "linking".into());
        resource.insert("source".into(), iri.into());
        resource.insert("citeKey".into(), citation.key.clone().into());
        resource.insert("relation".into(), citation.relation.as_str().into());
        if let Some(title) = entry.and_then(|e| e.title()) {
            resource.insert("label".into(), title.into());
        }
        if let Some(locator) = &citation.locator {
            resource.insert("locator".into(), locator.text.clone().into());
            if let Some(kind) = csl_locator(locator.kind) {
                resource.insert("locatorType".into(), kind.into());
            }
        }
        body.push(Value::Object(resource));
    }
    let (name, email) = split_author(&annotation.author);
    let mut creator = json!({ "type": "Person", "name": name });
    if let Some(email) = email {
        creator["email"] = format!("mailto:{email}").into();
    }
    let motivation = match annotation.kind {
        Kind::Highlight => "highlighting",
        Kind::Note => "commenting",
        Kind::Claim => "assessing",
        Kind::Question => "questioning",
        Kind::Review if annotation.reply_to.is_some() => "replying",
        Kind::Review => "commenting",
    };
    let mut out = json!({
        "id": format!("urn:glose:annotation:{}", annotation.id),
        "type": "Annotation",
        "kind": annotation.kind.as_str(),
        "motivation": motivation,
        "created": annotation.created,
        "modified": annotation.updated,
        "creator": creator,
        "target": {
            "source": target_source,
            "sourceId": source_id,
            "anchorState": annotation.state.as_str(),
            "selector": selectors,
        },
    });
    if !body.is_empty() {
        out["body"] = Value::Array(body);
    }
    out
}

/// Byte offsets as code-point offsets (W3C positions count characters), if they fit the text.
pub(crate) fn code_points(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start > end
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
        || end > text.len()
    {
        return None;
    }
    let start_chars = text[..start].chars().count();
    Some((start_chars, start_chars + text[start..end].chars().count()))
}

fn split_author(author: &str) -> (String, Option<String>) {
    match (author.find('<'), author.rfind('>')) {
        (Some(open), Some(close)) if open < close => (
            author[..open].trim().to_string(),
            Some(author[open + 1..close].trim().to_string()),
        ),
        _ => (author.trim().to_string(), None),
    }
}

fn percent_encode(key: &str) -> String {
    let mut out = String::new();
    for byte in key.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~:".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_code_points_not_bytes() {
        let text = "« Été » puis la loi";
        let start = text.find("puis").unwrap_or_default();
        assert_eq!(start, 12);
        assert_eq!(code_points(text, start, start + 4), Some((8, 12)));
        assert_eq!(code_points(text, 1, 4), None);
        assert_eq!(code_points(text, 0, 999), None);
    }

    #[test]
    fn authors_and_keys() {
        assert_eq!(
            split_author("Camille Martin <c@m.fr>"),
            ("Camille Martin".to_string(), Some("c@m.fr".to_string()))
        );
        assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
    }
}
