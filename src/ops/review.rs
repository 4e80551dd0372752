//! Review comments: a thread answering an annotation or a passage, its replies, and its status.

use super::annotate::{AnnotateRequest, locate};
use super::commit::Pending;
use super::history::identity;
use super::modify::Modified;
use super::reanchor::current_text;
use super::{Context, Loaded, OpsError, message};
use crate::anchor;
use crate::model::{AnchorState, Annotation, AnnotationId, Kind, ReviewStatus};
use crate::store::NotesFile;
use crate::store::git::{Repo, reviewed_ref};

/// What a new review comment is about.
#[derive(Debug, Clone)]
pub enum ReviewTarget {
    /// An annotation, by id or unique prefix.
    Annotation(String),
    /// Words of a source, as for `glose annotate`.
    Passage {
        source: String,
        quote: String,
        occurrence: Option<usize>,
    },
}

/// A review thread: its first comment, what it is about, and the replies in order.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Thread {
    pub source: String,
    pub root: Annotation,
    pub about: Option<Annotation>,
    pub replies: Vec<Annotation>,
}

/// The ref a review mark wrote and the commit it points to.
#[derive(Debug, Clone)]
pub struct Marked {
    pub reference: String,
    pub commit: String,
}

/// Starts a review thread (status open) on an annotation or a passage.
pub fn comment(cx: &mut Context, target: &ReviewTarget, text: &str) -> Result<Modified, OpsError> {
    let body = required_text(text)?;
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read(cx)?;
    let (mut notes, about) = match target {
        ReviewTarget::Annotation(id) => {
            let (notes, about) = loaded.annotation(id)?;
            if about.kind == Kind::Review {
                return Err(OpsError::Invalid(format!(
                    "{} is a review comment: answer it with `glose review reply {} \"text\"`",
                    about.id, about.id
                )));
            }
            (notes.clone(), Some(about.id.clone()))
        }
        ReviewTarget::Passage { source, .. } => (loaded.source(source)?.clone(), None),
    };
    let pending = Pending::start(cx)?;
    let (text, _) = current_text(cx, &mut notes)?;
    let (anchor, state) = match (&about, target) {
        (Some(id), _) => {
            let about = find(&notes, id)?;
            (about.anchor.clone(), about.state)
        }
        (
            None,
            ReviewTarget::Passage {
                quote,
                occurrence,
                source,
            },
        ) => {
            let request = AnnotateRequest {
                source: source.clone(),
                quote: quote.clone(),
                occurrence: *occurrence,
                ..AnnotateRequest::default()
            };
            let range = locate(&text, &request, notes.source.id.as_str())?;
            (anchor::anchor_at(&text, range), AnchorState::Exact)
        }
        (None, ReviewTarget::Annotation(id)) => {
            return Err(OpsError::UnknownAnnotation(id.clone()));
        }
    };
    let review = new_review(cx, &loaded, &pending, anchor, state, body, about.clone());
    let review = Annotation {
        status: Some(ReviewStatus::Open),
        ..review
    };
    let subject = match &about {
        Some(id) => format!("{}: review comment on {}", notes.source.id, id),
        None => format!("{}: review comment", notes.source.id),
    };
    let message = message::with_quote(subject, &review);
    notes.annotations.push(review.clone());
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Modified {
        annotation: review,
        committed,
    })
}

/// Adds a reply at the end of the thread that `id` (its first comment or any reply) belongs to.
pub fn reply(cx: &mut Context, id: &str, text: &str) -> Result<Modified, OpsError> {
    let body = required_text(text)?;
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read(cx)?;
    let (notes, root) = thread_root(&loaded, id)?;
    let (mut notes, root_id) = (notes.clone(), root.id.clone());
    let pending = Pending::start(cx)?;
    current_text(cx, &mut notes)?;
    let root = find(&notes, &root_id)?.clone();
    let reply = new_review(
        cx,
        &loaded,
        &pending,
        root.anchor.clone(),
        root.state,
        body,
        Some(root_id.clone()),
    );
    let message = message::with_quote(
        format!("{}: reply in review thread {}", notes.source.id, root_id),
        &reply,
    );
    notes.annotations.push(reply.clone());
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Modified {
        annotation: reply,
        committed,
    })
}

/// Marks the thread that `id` belongs to as resolved.
pub fn resolve(cx: &mut Context, id: &str) -> Result<Modified, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read(cx)?;
    let (notes, root) = thread_root(&loaded, id)?;
    if root.status == Some(ReviewStatus::Resolved) {
        return Err(OpsError::Invalid(format!(
            "review thread {} is already resolved",
            root.id
        )));
    }
    let (mut notes, root_id) = (notes.clone(), root.id.clone());
    let pending = Pending::start(cx)?;
    current_text(cx, &mut notes)?;
    let stamp = cx.timestamp();
    let root = notes
        .annotations
        .iter_mut()
        .find(|a| a.id == root_id)
        .ok_or_else(|| OpsError::UnknownAnnotation(root_id.to_string()))?;
    root.status = Some(ReviewStatus::Resolved);
    root.updated = stamp;
    let root = root.clone();
    let message = message::with_quote(
        format!("{}: review thread {} resolved", notes.source.id, root_id),
        &root,
    );
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Modified {
        annotation: root,
        committed,
    })
}

/// Every review thread of the workspace, by source then position; only the open ones if asked.
pub fn threads(cx: &Context, open_only: bool) -> Result<Vec<Thread>, OpsError> {
    let loaded = Loaded::read(cx)?;
    Ok(threads_in(&loaded, open_only))
}

/// The review threads found in loaded notes.
pub fn threads_in(loaded: &Loaded, open_only: bool) -> Vec<Thread> {
    let mut out = Vec::new();
    for notes in &loaded.notes {
        for root in notes
            .annotations
            .iter()
            .filter(|a| a.kind == Kind::Review && a.status.is_some())
        {
            if open_only && root.status != Some(ReviewStatus::Open) {
                continue;
            }
            let about = root
                .reply_to
                .as_ref()
                .and_then(|id| notes.annotations.iter().find(|a| a.id == *id))
                .cloned();
            let mut replies: Vec<Annotation> = notes
                .annotations
                .iter()
                .filter(|a| {
                    a.kind == Kind::Review
                        && a.status.is_none()
                        && a.reply_to.as_ref() == Some(&root.id)
                })
                .cloned()
                .collect();
            replies.sort_by(|a, b| (&a.created, &a.id).cmp(&(&b.created, &b.id)));
            out.push(Thread {
                source: notes.source.id.to_string(),
                root: root.clone(),
                about,
                replies,
            });
        }
    }
    out
}

/// Records HEAD as reviewed by the current identity, in `refs/glose/reviewed/<email>`.
pub fn mark_reviewed(cx: &Context) -> Result<Marked, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    let who = identity(cx, &repo)?;
    let commit = repo.head_id()?.ok_or_else(|| {
        OpsError::Invalid("there is no commit to mark as reviewed yet".to_string())
    })?;
    let reference = reviewed_ref(&who);
    repo.write_ref(&reference, &commit, &format!("glose review mark by {who}"))?;
    Ok(Marked { reference, commit })
}

fn new_review(
    cx: &mut Context,
    loaded: &Loaded,
    pending: &Pending,
    anchor: crate::model::Anchor,
    state: AnchorState,
    body: String,
    reply_to: Option<AnnotationId>,
) -> Annotation {
    let stamp = cx.timestamp();
    Annotation {
        id: cx.new_annotation_id(loaded),
        kind: Kind::Review,
        anchor,
        state,
        body,
        tags: Vec::new(),
        author: pending.author(),
        created: stamp.clone(),
        updated: stamp,
        citations: Vec::new(),
        reply_to,
        status: None,
        conflicts: Vec::new(),
    }
}

/// The first comment of the thread `id` belongs to.
fn thread_root<'a>(
    loaded: &'a Loaded,
    id: &str,
) -> Result<(&'a NotesFile, &'a Annotation), OpsError> {
    let (notes, found) = loaded.annotation(id)?;
    if found.kind != Kind::Review {
        return Err(OpsError::Invalid(format!(
            "{} is a {}, not a review comment: comment on it with `glose review comment {} \"text\"`",
            found.id, found.kind, found.id
        )));
    }
    if found.status.is_some() {
        return Ok((notes, found));
    }
    let root = found
        .reply_to
        .as_ref()
        .and_then(|root| notes.annotations.iter().find(|a| a.id == *root))
        .filter(|a| a.kind == Kind::Review)
        .ok_or_else(|| {
            OpsError::Invalid(format!(
                "the thread of reply {} is gone: answer another comment",
                found.id
            ))
        })?;
    Ok((notes, root))
}

fn find<'a>(notes: &'a NotesFile, id: &AnnotationId) -> Result<&'a Annotation, OpsError> {
    notes
        .annotations
        .iter()
        .find(|a| a.id == *id)
        .ok_or_else(|| OpsError::UnknownAnnotation(id.to_string()))
}

fn required_text(text: &str) -> Result<String, OpsError> {
    if text.trim().is_empty() {
        return Err(OpsError::Invalid(
            "the comment is empty: write what you want to say in quotes".to_string(),
        ));
    }
    Ok(text.to_string())
}
