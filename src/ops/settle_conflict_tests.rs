use std::path::Path;

use super::*;
use crate::model::{Kind, SourceId};
use crate::ops::{RunOptions, demo};
use crate::store::git::{Identity, Repo};
use crate::store::{self, NotesFile};

const SOURCE: &str = "berdeil-2023";

fn context(dir: &Path) -> Context {
    demo(dir).unwrap();
    let options = RunOptions {
        now: Some("2026-03-02T10:00:00Z".parse().unwrap()),
        author: Some(Identity::parse("Camille Martin <camille@example.org>").unwrap()),
        seed: Some(7),
    };
    Context::open(dir.to_path_buf(), options).unwrap()
}

fn notes(cx: &Context) -> NotesFile {
    store::load_notes(&cx.ws, &SourceId::new(SOURCE).unwrap())
        .unwrap()
        .unwrap()
}

/// Gives the first claim of the demo the conflicts `make` builds from it; returns its id.
fn conflicted(cx: &Context, make: impl FnOnce(&Annotation) -> Vec<Conflict>) -> String {
    let mut notes = notes(cx);
    let claim = notes
        .annotations
        .iter_mut()
        .find(|a| a.kind == Kind::Claim)
        .unwrap();
    claim.conflicts = make(claim);
    let id = claim.id.to_string();
    store::save_notes(&cx.ws, &notes).unwrap();
    id
}

fn theirs(ours: &Annotation, body: &str) -> Conflict {
    Conflict::Changed(Box::new(Annotation {
        body: body.to_string(),
        tags: vec!["theirs".to_string()],
        ..ours.clone()
    }))
}

fn find<'a>(notes: &'a NotesFile, id: &str) -> Option<&'a Annotation> {
    notes.annotations.iter().find(|a| a.id.0 == id)
}

#[test]
fn ours_drops_the_other_version_and_commits() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cx = context(&tmp.path().join("ws"));
    let id = conflicted(&cx, |a| vec![theirs(a, "leur version")]);
    let body = find(&notes(&cx), &id).unwrap().body.clone();
    let done = settle_conflict(&mut cx, &id, Choice::Ours).unwrap();
    assert!(done.committed.commit.is_some());
    assert!(done.committed.message.contains("kept ours"));
    let after = notes(&cx);
    let kept = find(&after, &id).unwrap();
    assert!(kept.conflicts.is_empty());
    assert_eq!(kept.body, body);
    let head = Repo::open(&cx.ws.root).unwrap().log_messages(1).unwrap();
    assert!(head[0].1.contains("merge conflict"), "{}", head[0].1);
}

#[test]
fn theirs_replaces_ours_keeping_the_id() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cx = context(&tmp.path().join("ws"));
    let id = conflicted(&cx, |a| vec![Conflict::Deleted, theirs(a, "leur version")]);
    let count = notes(&cx).annotations.len();
    settle_conflict(&mut cx, &id, Choice::Theirs(1)).unwrap();
    let after = notes(&cx);
    let kept = find(&after, &id).unwrap();
    assert_eq!(kept.body, "leur version");
    assert_eq!(kept.tags, vec!["theirs".to_string()]);
    assert!(kept.conflicts.is_empty());
    assert_eq!(after.annotations.len(), count);
}

#[test]
fn theirs_when_they_deleted_it_removes_the_annotation() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cx = context(&tmp.path().join("ws"));
    let id = conflicted(&cx, |_| vec![Conflict::Deleted]);
    let count = notes(&cx).annotations.len();
    let done = settle_conflict(&mut cx, &id, Choice::Theirs(0)).unwrap();
    assert_eq!(done.annotation.id.0, id);
    let after = notes(&cx);
    assert!(find(&after, &id).is_none());
    assert_eq!(after.annotations.len(), count - 1);
}

#[test]
fn both_keeps_theirs_as_a_new_annotation() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cx = context(&tmp.path().join("ws"));
    let id = conflicted(&cx, |a| vec![theirs(a, "leur version"), Conflict::Deleted]);
    let before = notes(&cx);
    let body = find(&before, &id).unwrap().body.clone();
    settle_conflict(&mut cx, &id, Choice::Both).unwrap();
    let after = notes(&cx);
    assert_eq!(after.annotations.len(), before.annotations.len() + 1);
    assert_eq!(find(&after, &id).unwrap().body, body);
    let copy = after
        .annotations
        .iter()
        .find(|a| a.body == "leur version")
        .unwrap();
    assert_ne!(copy.id.0, id);
    assert!(copy.conflicts.is_empty());
    assert!(after.annotations.iter().all(|a| a.conflicts.is_empty()));
}

#[test]
fn refuses_an_unknown_id_an_annotation_without_conflict_and_a_missing_version() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cx = context(&tmp.path().join("ws"));
    let unknown = settle_conflict(&mut cx, "zzzzzzzz", Choice::Ours).unwrap_err();
    assert!(
        matches!(unknown, OpsError::UnknownAnnotation(_)),
        "{unknown}"
    );
    let plain = notes(&cx).annotations[0].id.to_string();
    let clean = settle_conflict(&mut cx, &plain, Choice::Ours).unwrap_err();
    assert!(clean.to_string().contains("no merge conflict"), "{clean}");
    let id = conflicted(&cx, |a| vec![theirs(a, "x")]);
    let missing = settle_conflict(&mut cx, &id, Choice::Theirs(3)).unwrap_err();
    assert!(missing.to_string().contains("from 1 to 1"), "{missing}");
    assert!(!find(&notes(&cx), &id).unwrap().conflicts.is_empty());
}
