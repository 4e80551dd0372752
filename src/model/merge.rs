//! Three-way merge of one source's annotations by id: both sides' additions kept, never a lost note.

use std::collections::{BTreeMap, BTreeSet};

use super::{Annotation, AnnotationId, Citation, Conflict};

/// The merged annotations (in position order) and the ids where both sides' versions were kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedAnnotations {
    pub annotations: Vec<Annotation>,
    pub conflicted: Vec<AnnotationId>,
}

/// Merges `ours` and `theirs`, two descendants of `base`, annotation by annotation and field by field.
///
/// A field changed on one side only takes that side's value; the same field changed differently on
/// both sides keeps `ours` with `theirs` as a [`Conflict`] beside it. An annotation deleted on one side
/// and changed on the other is kept, with the deletion as a conflict.
pub fn merge_annotations(
    base: &[Annotation],
    ours: &[Annotation],
    theirs: &[Annotation],
) -> MergedAnnotations {
    let index = |list: &[Annotation]| -> BTreeMap<AnnotationId, Annotation> {
        list.iter().map(|a| (a.id.clone(), a.clone())).collect()
    };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let ids: BTreeSet<&AnnotationId> = b.keys().chain(o.keys()).chain(t.keys()).collect();
    let mut annotations = Vec::new();
    let mut conflicted = Vec::new();
    for id in ids {
        let (merged, conflict) = merge_one(b.get(id), o.get(id), t.get(id));
        if conflict {
            conflicted.push(id.clone());
        }
        annotations.extend(merged);
    }
    annotations.sort_by(|x, y| {
        (x.anchor.start, x.anchor.end, &x.id).cmp(&(y.anchor.start, y.anchor.end, &y.id))
    });
    MergedAnnotations {
        annotations,
        conflicted,
    }
}

/// One id's merged version, and whether a conflict was recorded.
fn merge_one(
    b: Option<&Annotation>,
    o: Option<&Annotation>,
    t: Option<&Annotation>,
) -> (Option<Annotation>, bool) {
    if o == t {
        return (o.cloned(), false);
    }
    if b == o {
        return (t.cloned(), false);
    }
    if b == t {
        return (o.cloned(), false);
    }
    match (o, t) {
        (Some(o), Some(t)) => match merge_fields(b, o, t) {
            Some(merged) => (Some(merged), false),
            None => (
                Some(with_conflict(o, Conflict::Changed(Box::new(t.clone())), t)),
                true,
            ),
        },
        (Some(kept), None) | (None, Some(kept)) => {
            (Some(with_conflict(kept, Conflict::Deleted, kept)), true)
        }
        (None, None) => (None, false),
    }
}

/// `kept` with `other` recorded beside it, plus any conflicts `also` already carried.
fn with_conflict(kept: &Annotation, other: Conflict, also: &Annotation) -> Annotation {
    let mut merged = kept.clone();
    let mut other = other;
    if let Conflict::Changed(version) = &mut other {
        version.conflicts.clear();
    }
    push_unique(&mut merged.conflicts, other);
    for conflict in &also.conflicts {
        push_unique(&mut merged.conflicts, conflict.clone());
    }
    merged
}

fn push_unique(list: &mut Vec<Conflict>, conflict: Conflict) {
    if !list.contains(&conflict) {
        list.push(conflict);
    }
}

/// Field by field; `None` when one field was changed differently on both sides.
fn merge_fields(b: Option<&Annotation>, o: &Annotation, t: &Annotation) -> Option<Annotation> {
    let b = b?;
    let kind = pick(&b.kind, &o.kind, &t.kind)?;
    let placed = pick(
        &(&b.anchor, b.state),
        &(&o.anchor, o.state),
        &(&t.anchor, t.state),
    )?;
    let body = pick(&b.body, &o.body, &t.body)?;
    let reply_to = pick(&b.reply_to, &o.reply_to, &t.reply_to)?;
    let status = pick(&b.status, &o.status, &t.status)?;
    let author = pick(&b.author, &o.author, &t.author)?;
    let created = pick(&b.created, &o.created, &t.created)?;
    let citations = merge_citations(&b.citations, &o.citations, &t.citations)?;
    let mut conflicts = o.conflicts.clone();
    for conflict in &t.conflicts {
        push_unique(&mut conflicts, conflict.clone());
    }
    Some(Annotation {
        id: o.id.clone(),
        kind,
        anchor: placed.0.clone(),
        state: placed.1,
        body,
        tags: merge_set(&b.tags, &o.tags, &t.tags),
        author,
        created,
        updated: o.updated.clone().max(t.updated.clone()),
        citations,
        reply_to,
        status,
        conflicts,
    })
}

/// The three-way choice for one value: the side that changed it, or `None` if both did, differently.
fn pick<T: PartialEq + Clone>(b: &T, o: &T, t: &T) -> Option<T> {
    if o == t || b == t {
        Some(o.clone())
    } else if b == o {
        Some(t.clone())
    } else {
        None
    }
}

/// Kept if both sides have it, or if one side added it; dropped if one side removed it.
fn merge_set(b: &[String], o: &[String], t: &[String]) -> Vec<String> {
    let mut out: Vec<String> = o
        .iter()
        .chain(t)
        .filter(|x| (o.contains(x) && t.contains(x)) || !b.contains(x))
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Citations by cite key, each merged as a value; `None` when one key was changed on both sides.
fn merge_citations(b: &[Citation], o: &[Citation], t: &[Citation]) -> Option<Vec<Citation>> {
    let find = |list: &[Citation], key: &str| list.iter().find(|c| c.key == key).cloned();
    let mut keys: Vec<&str> = Vec::new();
    for c in o.iter().chain(t) {
        if !keys.contains(&c.key.as_str()) {
            keys.push(&c.key);
        }
    }
    let mut out = Vec::new();
    for key in keys {
        out.extend(pick(&find(b, key), &find(o, key), &find(t, key))?);
    }
    Some(out)
}
