//! Re-attaching an annotation to new words of its source: a fresh anchor there, state exact.

use std::ops::Range;

use super::commit::Pending;
use super::modify::Modified;
use super::reanchor::current_text;
use super::{Context, Loaded, OpsError, message};
use crate::anchor::anchor_at;
use crate::model::AnchorState;

/// Anchors annotation `id` on `range` (bytes of its source's current text) and marks it exact.
pub fn reattach(cx: &Context, id: &str, range: Range<usize>) -> Result<Modified, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read(cx)?;
    let (notes, found) = loaded.annotation(id)?;
    let (mut notes, found_id) = (notes.clone(), found.id.clone());
    let pending = Pending::start(cx)?;
    let (text, _) = current_text(cx, &mut notes)?;
    let valid = range.start < range.end
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
        && range.end <= text.len();
    if !valid || text[range.clone()].trim().is_empty() {
        return Err(OpsError::Invalid(
            "select the words to re-attach to first (v or s in the reader)".to_string(),
        ));
    }
    let source = notes.source.id.clone();
    let annotation = notes
        .annotations
        .iter_mut()
        .find(|a| a.id == found_id)
        .ok_or_else(|| OpsError::UnknownAnnotation(found_id.to_string()))?;
    annotation.anchor = anchor_at(&text, range);
    annotation.state = AnchorState::Exact;
    annotation.updated = cx.timestamp();
    let annotation = annotation.clone();
    let message = message::annotation_edited(&source, &annotation, &["re-attached"]);
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Modified {
        annotation,
        committed,
    })
}
