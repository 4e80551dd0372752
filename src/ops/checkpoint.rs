//! Deferred commits: everything glose wrote since HEAD, in one commit that says what changed.

use std::path::{Path, PathBuf};

use super::commit::Committed;
use super::{Context, OpsError};
use crate::model::{Annotation, diff_annotations, summarize};
use crate::store::git::Repo;
use crate::store::{self, NotesFile};

/// glose's files that differ from HEAD, relative to the workspace.
pub fn pending_changes(cx: &Context) -> Result<Vec<PathBuf>, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    Ok(repo.pending_paths(&cx.ws.own_paths())?)
}

/// Commits every pending glose path with a message like "berdeil-2023: +2 claims, 1 citation"; `None` when nothing is pending.
pub fn checkpoint(cx: &Context) -> Result<Option<Committed>, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let (repo, identity) = cx.prepare_commit()?;
    let paths = repo.pending_paths(&cx.ws.own_paths())?;
    if paths.is_empty() {
        return Ok(None);
    }
    let parts: Vec<String> = paths
        .iter()
        .map(|path| describe(cx, &repo, path))
        .collect::<Result<_, _>>()?;
    let message = match parts.as_slice() {
        [one] => one.clone(),
        many => format!("{} files changed\n\n{}", many.len(), many.join("\n")),
    };
    let commit = repo
        .commit_paths(&paths, &message, &identity, cx.now)
        .map_err(|source| OpsError::CommitFailed {
            saved: paths.clone(),
            source,
        })?;
    Ok(Some(Committed {
        paths,
        message,
        commit,
    }))
}

/// One line about one file: the semantic summary of a notes file, or its name.
fn describe(cx: &Context, repo: &Repo, path: &Path) -> Result<String, OpsError> {
    let is_notes = path.starts_with("notes") && path.extension().is_some_and(|e| e == "toml");
    if !is_notes {
        return Ok(format!("{} changed", path.display()));
    }
    let old = repo
        .read_head_file(path)?
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| store::parse_notes(&text).ok());
    let new = store::read_text(&cx.ws.root.join(path))
        .ok()
        .and_then(|text| store::parse_notes(&text).ok());
    let id = match (&new, &old) {
        (Some(notes), _) | (None, Some(notes)) => notes.source.id.to_string(),
        (None, None) => return Ok(format!("{} changed", path.display())),
    };
    let annotations = |notes: &Option<NotesFile>| -> Vec<Annotation> {
        notes
            .as_ref()
            .map(|n| n.annotations.clone())
            .unwrap_or_default()
    };
    let changes = diff_annotations(&annotations(&old), &annotations(&new));
    if changes.is_empty() {
        return Ok(format!("{id}: notes updated"));
    }
    Ok(format!("{id}: {}", summarize(&changes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use crate::ops::{AnnotateRequest, CiteSpec, RunOptions, annotate, cite, demo};
    use crate::store::git::Identity;

    fn deferred(dir: &Path) -> Context {
        demo(dir).unwrap();
        let options = RunOptions {
            now: Some("2026-03-02T10:00:00Z".parse().unwrap()),
            author: Some(Identity::parse("Camille Martin <camille@example.org>").unwrap()),
            seed: Some(7),
        };
        let mut cx = Context::open(dir.to_path_buf(), options).unwrap();
        cx.commit_each = false;
        cx
    }

    fn head_message(dir: &Path) -> String {
        let log = Repo::open(dir).unwrap().log_messages(1).unwrap();
        log[0].1.clone()
    }

    #[test]
    fn deferred_verbs_write_and_one_checkpoint_commits_them_with_a_summary() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ws");
        let mut cx = deferred(&dir);
        let before = head_message(&dir);
        let claim = |quote: &str| AnnotateRequest {
            source: "berdeil-2023".into(),
            quote: quote.into(),
            kind: Some(crate::model::Kind::Claim),
            ..AnnotateRequest::default()
        };
        let first = annotate(&mut cx, claim("une pluralité de formes")).unwrap();
        assert_eq!(first.committed.commit, None);
        annotate(&mut cx, claim("brouillent les frontières des pays")).unwrap();
        let spec = CiteSpec {
            key: "mouvementdunid-internet".into(),
            locator: Some("p. 4".into()),
        };
        cite(&mut cx, &first.annotation.id.0, &spec, Relation::Supports).unwrap();
        assert_eq!(head_message(&dir), before);
        assert_eq!(pending_changes(&cx).unwrap().len(), 1);

        let done = checkpoint(&cx).unwrap().unwrap();
        assert!(done.commit.is_some());
        assert_eq!(done.message, "berdeil-2023: +2 claims, 1 citation");
        assert_eq!(head_message(&dir).trim(), done.message);
        assert!(pending_changes(&cx).unwrap().is_empty());
        assert!(checkpoint(&cx).unwrap().is_none());
    }
}
