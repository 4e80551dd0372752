use super::annotate::{CiteSpec, normalize_tags};
use super::commit::{Committed, Pending};
use super::page_locator::fill_page_locators;
use super::reanchor::current_text;
use super::{Context, Loaded, OpsError, message};
use crate::model::{AnchorState, Annotation, Kind, Relation, Source};
use crate::store::NotesFile;

/// The annotation after a change, and the commit that recorded it.
#[derive(Debug)]
pub struct Modified {
    pub annotation: Annotation,
    pub committed: Committed,
}

/// Changes to apply with `glose edit`; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EditRequest {
    pub body: Option<String>,
    pub kind: Option<Kind>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    /// Accept a fuzzy anchor as the right place.
    pub confirm: bool,
}

pub fn cite(
    cx: &mut Context,
    id: &str,
    spec: &CiteSpec,
    relation: Relation,
) -> Result<Modified, OpsError> {
    let ws = cx.ws.clone();
    change(cx, id, |loaded, annotation, source| {
        loaded.require_key(&spec.key)?;
        if annotation.kind != Kind::Claim {
            return Err(OpsError::Invalid(format!(
                "annotation {} is a {}: only claims cite references (`glose edit {} --kind claim` first)",
                annotation.id, annotation.kind, annotation.id
            )));
        }
        let mut citation = [spec.to_citation(relation)?];
        if annotation.state != AnchorState::Orphaned {
            fill_page_locators(&ws, source, &annotation.anchor, &mut citation);
        }
        let [citation] = citation;
        annotation.citations.retain(|c| c.key != citation.key);
        annotation.citations.push(citation.clone());
        Ok(message::citation_added(&source.id, annotation, &citation))
    })
}

pub fn uncite(cx: &mut Context, id: &str, key: &str) -> Result<Modified, OpsError> {
    change(cx, id, |_, annotation, source| {
        let before = annotation.citations.len();
        annotation.citations.retain(|c| c.key != key);
        if annotation.citations.len() == before {
            return Err(OpsError::NotCited {
                id: annotation.id.to_string(),
                key: key.to_string(),
            });
        }
        Ok(message::citation_removed(&source.id, annotation, key))
    })
}

pub fn edit(cx: &mut Context, id: &str, request: EditRequest) -> Result<Modified, OpsError> {
    change(cx, id, |_, annotation, source| {
        let mut changes = Vec::new();
        if let Some(body) = request.body.clone().filter(|b| *b != annotation.body) {
            annotation.body = body;
            changes.push("note");
        }
        if let Some(kind) = request.kind.filter(|k| *k != annotation.kind) {
            if kind != Kind::Claim && !annotation.citations.is_empty() {
                return Err(OpsError::Invalid(format!(
                    "annotation {} cites references: remove them with `glose uncite` before making it a {kind}",
                    annotation.id
                )));
            }
            annotation.kind = kind;
            changes.push("kind");
        }
        let mut tags = annotation.tags.clone();
        tags.extend(request.add_tags.iter().cloned());
        tags.retain(|t| !request.remove_tags.contains(t));
        let tags = normalize_tags(tags);
        if tags != annotation.tags {
            annotation.tags = tags;
            changes.push("tags");
        }
        if request.confirm && annotation.state == AnchorState::Fuzzy {
            annotation.state = AnchorState::Exact;
            changes.push("anchor confirmed");
        }
        if changes.is_empty() {
            return Err(OpsError::Invalid(
                "nothing to change: pass --note, --kind, --tag, --untag or --confirm".to_string(),
            ));
        }
        Ok(message::annotation_edited(&source.id, annotation, &changes))
    })
}

pub fn remove(cx: &mut Context, id: &str) -> Result<Modified, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read_holding(cx, id)?;
    let (notes, found) = loaded.annotation(id)?;
    let (mut notes, found): (NotesFile, Annotation) = (notes.clone(), found.clone());
    let pending = Pending::start(cx)?;
    current_text(cx, &mut notes)?;
    notes.annotations.retain(|a| a.id != found.id);
    let message = message::annotation_removed(&notes.source.id, &found);
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Modified {
        annotation: found,
        committed,
    })
}

/// Loads the annotation's notes, applies `apply`, stamps the change, saves and commits.
fn change(
    cx: &mut Context,
    id: &str,
    apply: impl FnOnce(&Loaded, &mut Annotation, &Source) -> Result<String, OpsError>,
) -> Result<Modified, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read_holding(cx, id)?;
    let (notes, found) = loaded.annotation(id)?;
    let mut notes = notes.clone();
    let found_id = found.id.clone();
    let pending = Pending::start(cx)?;
    current_text(cx, &mut notes)?;
    let source = notes.source.clone();
    let annotation = notes
        .annotations
        .iter_mut()
        .find(|a| a.id == found_id)
        .ok_or_else(|| OpsError::UnknownAnnotation(found_id.to_string()))?;
    let message = apply(&loaded, annotation, &source)?;
    annotation.updated = cx.timestamp();
    let annotation = annotation.clone();
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Modified {
        annotation,
        committed,
    })
}
