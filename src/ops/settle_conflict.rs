//! Settling a merge conflict: keep our version of an annotation, one of theirs, or both.

use super::commit::Pending;
use super::modify::Modified;
use super::reanchor::current_text;
use super::{Context, Loaded, OpsError, message};
use crate::model::{Annotation, Conflict};

/// Which version of a conflicted annotation to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Ours, as it is; the other versions are dropped.
    Ours,
    /// The other side's version at this index of `conflicts` (a deletion removes the annotation).
    Theirs(usize),
    /// Ours, and every other changed version as a new annotation with a fresh id.
    Both,
}

impl Choice {
    fn describe(self) -> &'static str {
        match self {
            Choice::Ours => "kept ours",
            Choice::Theirs(_) => "kept theirs",
            Choice::Both => "kept both",
        }
    }
}

/// Settles the merge conflict of annotation `id` and commits the notes; returns the annotation kept (or removed).
pub fn settle_conflict(cx: &mut Context, id: &str, choice: Choice) -> Result<Modified, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read_holding(cx, id)?;
    let (notes, found) = loaded.annotation(id)?;
    if found.conflicts.is_empty() {
        return Err(OpsError::Invalid(format!(
            "annotation {} has no merge conflict to settle (`glose check` lists the ones that do)",
            found.id
        )));
    }
    if let Choice::Theirs(index) = choice
        && index >= found.conflicts.len()
    {
        return Err(OpsError::Invalid(format!(
            "annotation {} has {} other version(s): choose one from 1 to {}",
            found.id,
            found.conflicts.len(),
            found.conflicts.len()
        )));
    }
    let (mut notes, found_id) = (notes.clone(), found.id.clone());
    let pending = Pending::start(cx)?;
    current_text(cx, &mut notes)?;
    let at = notes
        .annotations
        .iter()
        .position(|a| a.id == found_id)
        .ok_or_else(|| OpsError::UnknownAnnotation(found_id.to_string()))?;
    let stamp = cx.timestamp();
    let ours = notes.annotations[at].clone();
    let settled = Annotation {
        conflicts: Vec::new(),
        updated: stamp.clone(),
        ..ours.clone()
    };
    let kept = match choice {
        Choice::Ours => {
            notes.annotations[at] = settled.clone();
            settled
        }
        Choice::Theirs(index) => match &ours.conflicts[index] {
            Conflict::Deleted => {
                notes.annotations.remove(at);
                settled
            }
            Conflict::Changed(theirs) => {
                let theirs = Annotation {
                    id: ours.id.clone(),
                    conflicts: Vec::new(),
                    ..(**theirs).clone()
                };
                notes.annotations[at] = theirs.clone();
                theirs
            }
        },
        Choice::Both => {
            notes.annotations[at] = settled.clone();
            for conflict in &ours.conflicts {
                if let Conflict::Changed(theirs) = conflict {
                    let copy = Annotation {
                        id: cx.new_annotation_id(&loaded),
                        conflicts: Vec::new(),
                        created: stamp.clone(),
                        updated: stamp.clone(),
                        ..(**theirs).clone()
                    };
                    notes.annotations.insert(at + 1, copy);
                }
            }
            settled
        }
    };
    let subject = format!(
        "{}: merge conflict on {} {} settled ({})",
        notes.source.id,
        ours.kind,
        ours.id,
        choice.describe()
    );
    let message = message::with_quote(subject, &ours);
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Modified {
        annotation: kept,
        committed,
    })
}

#[cfg(test)]
#[path = "settle_conflict_tests.rs"]
mod tests;
