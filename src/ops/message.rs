//! Commit messages a supervisor can read: "berdeil-2023: claim added, cites loi2016-444 (art. 225-5)".

use crate::model::{Annotation, Citation, Kind, SourceId};

pub fn annotation_added(source: &SourceId, annotation: &Annotation) -> String {
    let what = if annotation.is_unsupported() {
        "unsupported claim added".to_string()
    } else if annotation.kind == Kind::Claim {
        format!("claim added, cites {}", cites(&annotation.citations))
    } else {
        format!("{} added", annotation.kind)
    };
    with_quote(format!("{source}: {what}"), annotation)
}

pub fn citation_added(source: &SourceId, annotation: &Annotation, citation: &Citation) -> String {
    with_quote(
        format!(
            "{source}: {} {} cites {}",
            annotation.kind,
            annotation.id,
            cite(citation)
        ),
        annotation,
    )
}

pub fn citation_removed(source: &SourceId, annotation: &Annotation, key: &str) -> String {
    with_quote(
        format!(
            "{source}: {} {} no longer cites {key}",
            annotation.kind, annotation.id
        ),
        annotation,
    )
}

pub fn annotation_edited(source: &SourceId, annotation: &Annotation, changes: &[&str]) -> String {
    with_quote(
        format!(
            "{source}: {} {} edited ({})",
            annotation.kind,
            annotation.id,
            changes.join(", ")
        ),
        annotation,
    )
}

pub fn annotation_removed(source: &SourceId, annotation: &Annotation) -> String {
    with_quote(
        format!("{source}: {} {} removed", annotation.kind, annotation.id),
        annotation,
    )
}

pub fn source_added(source: &SourceId, title: &str) -> String {
    format!("{source}: source added\n\n{title}")
}

pub fn reanchored(source: &str, summary: &str) -> String {
    format!("{source}: annotations re-anchored after the text changed ({summary})")
}

pub fn references_added(keys: &[String]) -> String {
    let shown: Vec<&str> = keys.iter().take(5).map(String::as_str).collect();
    let more = keys.len().saturating_sub(shown.len());
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let noun = if keys.len() == 1 {
        "reference"
    } else {
        "references"
    };
    format!(
        "library: +{} {noun} ({}{tail})",
        keys.len(),
        shown.join(", ")
    )
}

/// "berdeil-2023: +2 claims, 1 note, 3 citations" for several annotations added at once.
pub fn annotations_added(source: &SourceId, added: &[&Annotation]) -> String {
    let mut parts = Vec::new();
    for kind in Kind::ALL {
        let count = added.iter().filter(|a| a.kind == kind).count();
        if count > 0 {
            parts.push(plural(count, kind.as_str()));
        }
    }
    let citations: usize = added.iter().map(|a| a.citations.len()).sum();
    if citations > 0 {
        parts.push(
            plural(citations, "citation")
                .trim_start_matches('+')
                .to_string(),
        );
    }
    format!("{source}: {}", parts.join(", "))
}

fn plural(count: usize, noun: &str) -> String {
    format!("+{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn cites(citations: &[Citation]) -> String {
    citations.iter().map(cite).collect::<Vec<_>>().join(", ")
}

fn cite(citation: &Citation) -> String {
    match &citation.locator {
        Some(locator) => format!("{} ({locator})", citation.key),
        None => citation.key.clone(),
    }
}

pub(super) fn with_quote(subject: String, annotation: &Annotation) -> String {
    let quote: String = annotation
        .anchor
        .exact
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let short: String = quote.chars().take(200).collect();
    let ellipsis = if short.len() < quote.len() { "…" } else { "" };
    format!(
        "{subject}\n\n« {short}{ellipsis} »\nannotation: {}",
        annotation.id
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, AnchorState, AnnotationId, Locator, LocatorKind, Relation};

    fn claim(citations: Vec<Citation>) -> Annotation {
        Annotation {
            id: AnnotationId("a1b2c3d4".into()),
            kind: Kind::Claim,
            anchor: Anchor {
                exact: "62% de la\nprostitution".into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                end: 10,
            },
            state: AnchorState::Exact,
            body: String::new(),
            tags: vec![],
            author: "A <a@x>".into(),
            reply_to: None,
            status: None,
            conflicts: Vec::new(),
            created: String::new(),
            updated: String::new(),
            citations,
        }
    }

    #[test]
    fn claim_messages_name_the_citations_and_the_quote() {
        let source = SourceId::new("berdeil-2023").unwrap();
        let citation = Citation {
            key: "loi2016-444".into(),
            locator: Some(Locator {
                kind: LocatorKind::Article,
                text: "art. 225-5".into(),
            }),
            relation: Relation::Supports,
        };
        let message = annotation_added(&source, &claim(vec![citation]));
        assert!(
            message.starts_with("berdeil-2023: claim added, cites loi2016-444 (art. 225-5)\n\n")
        );
        assert!(message.contains("« 62% de la prostitution »"));
        assert!(
            annotation_added(&source, &claim(vec![]))
                .starts_with("berdeil-2023: unsupported claim added")
        );
    }

    #[test]
    fn batch_messages_count_kinds_and_citations() {
        let source = SourceId::new("berdeil-2023").unwrap();
        let cited = claim(vec![Citation {
            key: "k".into(),
            locator: None,
            relation: Relation::Supports,
        }]);
        let bare = claim(vec![]);
        assert_eq!(
            annotations_added(&source, &[&cited, &bare]),
            "berdeil-2023: +2 claims, 1 citation"
        );
    }

    #[test]
    fn reference_messages_count_and_shorten() {
        let keys: Vec<String> = (0..7).map(|i| format!("k{i}")).collect();
        assert_eq!(
            references_added(&keys),
            "library: +7 references (k0, k1, k2, k3, k4 and 2 more)"
        );
        assert_eq!(references_added(&keys[..1]), "library: +1 reference (k0)");
    }
}
