use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Annotation, Citation, ReviewStatus};

/// One semantic change between two versions of a source's annotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    Added {
        annotation: Annotation,
    },
    Removed {
        annotation: Annotation,
    },
    BodyEdited {
        annotation: Annotation,
        old_body: String,
    },
    KindChanged {
        annotation: Annotation,
        old_kind: super::Kind,
    },
    TagsChanged {
        annotation: Annotation,
        old_tags: Vec<String>,
    },
    Reanchored {
        annotation: Annotation,
        old_quote: String,
    },
    CitationAdded {
        annotation: Annotation,
        citation: Citation,
    },
    CitationRemoved {
        annotation: Annotation,
        citation: Citation,
    },
    CitationChanged {
        annotation: Annotation,
        old: Citation,
        new: Citation,
    },
    /// A review thread was resolved or opened again.
    StatusChanged {
        annotation: Annotation,
        old_status: Option<ReviewStatus>,
    },
    /// A merge left other versions beside this annotation, or they were settled.
    ConflictsChanged {
        annotation: Annotation,
        old_count: usize,
    },
}

impl Change {
    pub fn annotation(&self) -> &Annotation {
        match self {
            Change::Added { annotation }
            | Change::Removed { annotation }
            | Change::BodyEdited { annotation, .. }
            | Change::KindChanged { annotation, .. }
            | Change::TagsChanged { annotation, .. }
            | Change::Reanchored { annotation, .. }
            | Change::CitationAdded { annotation, .. }
            | Change::CitationRemoved { annotation, .. }
            | Change::CitationChanged { annotation, .. }
            | Change::StatusChanged { annotation, .. }
            | Change::ConflictsChanged { annotation, .. } => annotation,
        }
    }
}

/// The changes that turn `old` into `new`, matched by annotation id, in `new`'s order then removals.
pub fn diff_annotations<A: Borrow<Annotation>>(old: &[A], new: &[A]) -> Vec<Change> {
    let before: BTreeMap<&str, &Annotation> = old
        .iter()
        .map(|a| (a.borrow().id.0.as_str(), a.borrow()))
        .collect();
    let mut changes = Vec::new();
    for annotation in new.iter().map(Borrow::borrow) {
        let Some(previous) = before.get(annotation.id.0.as_str()) else {
            changes.push(Change::Added {
                annotation: annotation.clone(),
            });
            continue;
        };
        if std::ptr::eq(*previous, annotation) || *previous == annotation {
            continue;
        }
        let current = || annotation.clone();
        if previous.kind != annotation.kind {
            changes.push(Change::KindChanged {
                annotation: current(),
                old_kind: previous.kind,
            });
        }
        if previous.body != annotation.body {
            changes.push(Change::BodyEdited {
                annotation: current(),
                old_body: previous.body.clone(),
            });
        }
        if previous.tags != annotation.tags {
            changes.push(Change::TagsChanged {
                annotation: current(),
                old_tags: previous.tags.clone(),
            });
        }
        if previous.anchor != annotation.anchor || previous.state != annotation.state {
            changes.push(Change::Reanchored {
                annotation: current(),
                old_quote: previous.anchor.exact.clone(),
            });
        }
        changes.extend(diff_citations(previous, annotation));
        if previous.status != annotation.status {
            changes.push(Change::StatusChanged {
                annotation: current(),
                old_status: previous.status,
            });
        }
        if previous.conflicts != annotation.conflicts {
            changes.push(Change::ConflictsChanged {
                annotation: current(),
                old_count: previous.conflicts.len(),
            });
        }
    }
    let kept: BTreeSet<&str> = new.iter().map(|a| a.borrow().id.0.as_str()).collect();
    let old = old.iter().map(Borrow::borrow);
    for annotation in old.filter(|a: &&Annotation| !kept.contains(a.id.0.as_str())) {
        changes.push(Change::Removed {
            annotation: annotation.clone(),
        });
    }
    changes
}

/// Citations are paired by key; when a claim cites a key twice, the first with the first.
fn diff_citations(old: &Annotation, new: &Annotation) -> Vec<Change> {
    let mut changes = Vec::new();
    for (i, citation) in new.citations.iter().enumerate() {
        match same_key_partner(&new.citations, i, &old.citations) {
            None => changes.push(Change::CitationAdded {
                annotation: new.clone(),
                citation: citation.clone(),
            }),
            Some(previous) if previous != citation => changes.push(Change::CitationChanged {
                annotation: new.clone(),
                old: previous.clone(),
                new: citation.clone(),
            }),
            Some(_) => {}
        }
    }
    for (i, citation) in old.citations.iter().enumerate() {
        if same_key_partner(&old.citations, i, &new.citations).is_none() {
            changes.push(Change::CitationRemoved {
                annotation: new.clone(),
                citation: citation.clone(),
            });
        }
    }
    changes
}

/// The citation of `other` with the same key as `list[i]` and as many of that key before it.
fn same_key_partner<'a>(
    list: &[Citation],
    i: usize,
    other: &'a [Citation],
) -> Option<&'a Citation> {
    let key = &list[i].key;
    let rank = list[..i].iter().filter(|c| c.key == *key).count();
    other.iter().filter(|c| c.key == *key).nth(rank)
}

/// "+2 claims, 1 note edited, 1 citation" for a commit subject.
pub fn summarize(changes: &[Change]) -> String {
    let mut added: BTreeMap<&str, usize> = BTreeMap::new();
    let mut removed = 0;
    let mut edited = 0;
    let mut reanchored = 0;
    let mut citations_added = 0;
    let mut citations_removed = 0;
    let mut resolved = 0;
    let mut conflicts = 0;
    for change in changes {
        match change {
            Change::Added { annotation } => {
                *added.entry(annotation.kind.as_str()).or_default() += 1;
                citations_added += annotation.citations.len();
            }
            Change::Removed { .. } => removed += 1,
            Change::BodyEdited { .. } | Change::KindChanged { .. } | Change::TagsChanged { .. } => {
                edited += 1;
            }
            Change::Reanchored { .. } => reanchored += 1,
            Change::CitationAdded { .. } | Change::CitationChanged { .. } => citations_added += 1,
            Change::CitationRemoved { .. } => citations_removed += 1,
            Change::StatusChanged { annotation, .. } => {
                if annotation.status == Some(ReviewStatus::Resolved) {
                    resolved += 1;
                } else {
                    edited += 1;
                }
            }
            Change::ConflictsChanged { annotation, .. } => {
                conflicts += usize::from(!annotation.conflicts.is_empty());
            }
        }
    }
    let mut parts: Vec<String> = added
        .iter()
        .map(|(kind, n)| format!("+{n} {}", plural(*n, kind)))
        .collect();
    for (count, what) in [
        (removed, "annotation removed"),
        (edited, "annotation edited"),
        (reanchored, "annotation re-anchored"),
        (citations_added, "citation"),
        (citations_removed, "citation removed"),
        (resolved, "review resolved"),
        (conflicts, "conflict kept"),
    ] {
        if count > 0 {
            let (noun, rest) = what.split_once(' ').unwrap_or((what, ""));
            let rest = if rest.is_empty() {
                String::new()
            } else {
                format!(" {rest}")
            };
            parts.push(format!("{count} {}{rest}", plural(count, noun)));
        }
    }
    if parts.is_empty() {
        "no change".to_string()
    } else {
        parts.join(", ")
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, AnchorState, AnnotationId, Kind, Relation};

    fn annotation(id: &str, kind: Kind, keys: &[&str]) -> Annotation {
        Annotation {
            id: AnnotationId(id.into()),
            kind,
            anchor: Anchor {
                exact: "q".into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                end: 1,
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
            citations: keys
                .iter()
                .map(|k| Citation {
                    key: (*k).into(),
                    locator: None,
                    relation: Relation::Supports,
                })
                .collect(),
        }
    }

    #[test]
    fn diff_finds_each_kind_of_change() {
        let old = vec![
            annotation("a", Kind::Claim, &["x"]),
            annotation("b", Kind::Note, &[]),
        ];
        let mut edited = annotation("a", Kind::Claim, &["y"]);
        edited.body = "new".into();
        let new = vec![edited, annotation("c", Kind::Claim, &[])];
        let changes = diff_annotations(&old, &new);
        let names: Vec<String> = changes
            .iter()
            .map(|c| {
                serde_json::to_value(c).expect("json")["change"]
                    .as_str()
                    .expect("tag")
                    .to_string()
            })
            .collect();
        assert_eq!(
            names,
            [
                "body-edited",
                "citation-added",
                "citation-removed",
                "added",
                "removed"
            ]
        );
        assert_eq!(
            summarize(&changes),
            "+1 claim, 1 annotation removed, 1 annotation edited, 1 citation, 1 citation removed"
        );
    }

    #[test]
    fn identical_annotations_make_no_change() {
        let same = vec![annotation("a", Kind::Claim, &["x"])];
        assert!(diff_annotations(&same, &same).is_empty());
        assert_eq!(summarize(&[]), "no change");
    }

    #[test]
    fn a_key_cited_twice_pairs_first_with_first() {
        let mut old = annotation("a", Kind::Claim, &["x", "x"]);
        old.citations[1].relation = Relation::Mentions;
        let mut new = old.clone();
        new.body = "revu".into();
        let changes = diff_annotations(&[old.clone()], &[new.clone()]);
        assert!(
            matches!(changes.as_slice(), [Change::BodyEdited { .. }]),
            "{changes:?}"
        );
        new.citations[1].locator = Some(crate::model::Locator::parse("p. 4").expect("locator"));
        let changes = diff_annotations(&[old.clone()], &[new.clone()]);
        let changed = changes
            .iter()
            .filter(|c| matches!(c, Change::CitationChanged { .. }));
        assert_eq!(changed.count(), 1, "{changes:?}");
        new.citations.pop();
        let changes = diff_annotations(&[old], &[new]);
        assert!(
            changes.iter().any(|c| matches!(c, Change::CitationRemoved { citation, .. } if citation.relation == Relation::Mentions)),
            "{changes:?}"
        );
    }

    #[test]
    fn added_claims_count_their_citations() {
        let new = vec![
            annotation("a", Kind::Claim, &["x"]),
            annotation("b", Kind::Claim, &[]),
        ];
        assert_eq!(
            summarize(&diff_annotations(&[], &new)),
            "+2 claims, 1 citation"
        );
    }
}
