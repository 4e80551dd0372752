//! The three-way merge of annotations: examples, then properties over random concurrent edits.

use proptest::prelude::*;

use super::*;
use crate::model::{Anchor, AnchorState, Kind, Relation};

fn note(id: &str, start: usize, body: &str) -> Annotation {
    Annotation {
        id: AnnotationId(id.to_string()),
        kind: Kind::Claim,
        anchor: Anchor {
            exact: format!("quote {id}"),
            prefix: String::new(),
            suffix: String::new(),
            start,
            end: start + 5,
        },
        state: AnchorState::Exact,
        body: body.to_string(),
        tags: Vec::new(),
        author: "Camille <c@x.org>".to_string(),
        created: "2026-03-01T10:00:00Z".to_string(),
        updated: "2026-03-01T10:00:00Z".to_string(),
        citations: Vec::new(),
        reply_to: None,
        status: None,
        conflicts: Vec::new(),
    }
}

fn cite(key: &str) -> Citation {
    Citation {
        key: key.to_string(),
        locator: None,
        relation: Relation::Supports,
    }
}

fn ids(list: &[Annotation]) -> Vec<&str> {
    list.iter().map(|a| a.id.0.as_str()).collect()
}

#[test]
fn additions_on_both_sides_are_all_kept_in_position_order() {
    let base = vec![note("a", 10, "")];
    let ours = vec![note("a", 10, ""), note("o", 50, "mine")];
    let theirs = vec![note("t", 5, "yours"), note("a", 10, "")];
    let merged = merge_annotations(&base, &ours, &theirs);
    assert_eq!(ids(&merged.annotations), ["t", "a", "o"]);
    assert!(merged.conflicted.is_empty());
}

#[test]
fn different_fields_of_one_annotation_merge_cleanly() {
    let base = vec![note("a", 10, "")];
    let mut ours = note("a", 10, "mine");
    ours.tags = vec!["x".to_string()];
    ours.updated = "2026-03-02T10:00:00Z".to_string();
    let mut theirs = note("a", 10, "");
    theirs.citations.push(cite("nid"));
    theirs.tags = vec!["y".to_string()];
    theirs.updated = "2026-03-03T10:00:00Z".to_string();
    let merged = merge_annotations(&base, &[ours], &[theirs]);
    let a = &merged.annotations[0];
    assert!(merged.conflicted.is_empty());
    assert_eq!(a.body, "mine");
    assert_eq!(a.citations, [cite("nid")]);
    assert_eq!(a.tags, ["x", "y"]);
    assert_eq!(a.updated, "2026-03-03T10:00:00Z");
}

#[test]
fn the_same_field_changed_on_both_sides_keeps_both_versions() {
    let base = vec![note("a", 10, "")];
    let ours = vec![note("a", 10, "mine")];
    let theirs = vec![note("a", 10, "yours")];
    let merged = merge_annotations(&base, &ours, &theirs);
    assert_eq!(merged.conflicted, [AnnotationId("a".to_string())]);
    let a = &merged.annotations[0];
    assert_eq!(a.body, "mine");
    assert_eq!(
        a.conflicts,
        [Conflict::Changed(Box::new(note("a", 10, "yours")))]
    );
}

#[test]
fn a_deletion_against_an_edit_keeps_the_edit_and_says_so() {
    let base = vec![note("a", 10, ""), note("b", 20, "")];
    let ours = vec![note("a", 10, "edited"), note("b", 20, "")];
    let theirs: Vec<Annotation> = Vec::new();
    let merged = merge_annotations(&base, &ours, &theirs);
    assert_eq!(ids(&merged.annotations), ["a"], "b was only deleted");
    assert_eq!(merged.annotations[0].conflicts, [Conflict::Deleted]);
    let mirrored = merge_annotations(&base, &theirs, &ours);
    assert_eq!(mirrored.annotations[0].body, "edited");
    assert_eq!(mirrored.annotations[0].conflicts, [Conflict::Deleted]);
}

/// A base of up to six annotations, and two sides that each delete, edit or add some.
fn scenario() -> impl Strategy<Value = (Vec<Annotation>, Vec<Annotation>, Vec<Annotation>)> {
    let base = prop::collection::btree_map(0u8..6, (0usize..100, "[a-c]{0,2}"), 0..6);
    (base, side(), side()).prop_map(|(base, ours, theirs)| {
        let base: Vec<Annotation> = base
            .into_iter()
            .map(|(id, (start, body))| note(&format!("b{id}"), start, &body))
            .collect();
        let o = apply(&base, &ours);
        let t = apply(&base, &theirs);
        (base, o, t)
    })
}

/// Per base slot: 0 keep, 1 delete, 2 edit the body, 3 add a tag, 4 cite; then new annotations.
/// One side's edits: an operation and a text per base slot, then (id, start) of new annotations.
type Side = (Vec<(u8, String)>, Vec<(u8, usize)>);

fn side() -> impl Strategy<Value = Side> {
    (
        prop::collection::vec((0u8..5, "[x-z]{1,2}"), 6),
        prop::collection::vec((0u8..4, 0usize..100), 0..3),
    )
}

fn apply(base: &[Annotation], (edits, added): &Side) -> Vec<Annotation> {
    let mut out = Vec::new();
    for (a, (op, text)) in base.iter().zip(edits) {
        let mut a = a.clone();
        match op {
            1 => continue,
            2 => a.body = text.clone(),
            3 => a.tags = vec![text.clone()],
            4 => a.citations.push(cite(text)),
            _ => {}
        }
        out.push(a);
    }
    for (id, start) in added {
        if !out.iter().any(|a| a.id.0 == format!("n{id}")) {
            out.push(note(&format!("n{id}"), *start, &format!("new {start}")));
        }
    }
    out
}

fn sorted(mut list: Vec<Annotation>) -> Vec<Annotation> {
    list.sort_by(|x, y| {
        (x.anchor.start, x.anchor.end, &x.id).cmp(&(y.anchor.start, y.anchor.end, &y.id))
    });
    list
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merging_with_itself_or_an_unchanged_side_gives_the_changed_side((base, ours, theirs) in scenario()) {
        for x in [&ours, &theirs] {
            prop_assert_eq!(&merge_annotations(x, x, x).annotations, &sorted(x.clone()));
            prop_assert_eq!(&merge_annotations(&base, x, &base).annotations, &sorted(x.clone()));
            prop_assert_eq!(&merge_annotations(&base, &base, x).annotations, &sorted(x.clone()));
        }
    }

    #[test]
    fn no_annotation_is_lost((base, ours, theirs) in scenario()) {
        let merged = merge_annotations(&base, &ours, &theirs);
        let out = ids(&merged.annotations);
        for (side, other) in [(&ours, &theirs), (&theirs, &ours)] {
            for a in side.iter() {
                let deleted_there_untouched_here = !other.iter().any(|x| x.id == a.id)
                    && base.iter().any(|x| x == a);
                prop_assert!(
                    deleted_there_untouched_here || out.contains(&a.id.0.as_str()),
                    "{} lost", a.id
                );
            }
        }
        for id in &merged.conflicted {
            let a = merged.annotations.iter().find(|a| a.id == *id);
            prop_assert!(a.is_some_and(|a| !a.conflicts.is_empty()));
        }
    }

    #[test]
    fn every_version_edited_on_both_sides_survives((base, ours, theirs) in scenario()) {
        let merged = merge_annotations(&base, &ours, &theirs);
        for a in &merged.annotations {
            let o = ours.iter().find(|x| x.id == a.id);
            let t = theirs.iter().find(|x| x.id == a.id);
            if let (Some(o), Some(t)) = (o, t) && o.body != t.body && !base.iter().any(|b| b.id == a.id && (b.body == o.body || b.body == t.body)) {
                let bodies: Vec<&str> = std::iter::once(a.body.as_str())
                    .chain(a.conflicts.iter().filter_map(|c| match c {
                        Conflict::Changed(v) => Some(v.body.as_str()),
                        Conflict::Deleted => None,
                    }))
                    .collect();
                prop_assert!(bodies.contains(&o.body.as_str()) && bodies.contains(&t.body.as_str()));
            }
        }
    }

    #[test]
    fn the_merge_is_deterministic_and_keeps_the_same_ids_either_way((base, ours, theirs) in scenario()) {
        let one = merge_annotations(&base, &ours, &theirs);
        prop_assert_eq!(&one, &merge_annotations(&base, &ours, &theirs));
        let other = merge_annotations(&base, &theirs, &ours);
        let set = |m: &MergedAnnotations| ids(&m.annotations).into_iter().map(String::from).collect::<std::collections::BTreeSet<_>>();
        prop_assert_eq!(set(&one), set(&other));
        prop_assert_eq!(one.conflicted, other.conflicted);
    }
}
