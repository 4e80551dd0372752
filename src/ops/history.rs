//! Semantic history: each commit as annotations and references added, edited, removed.

use std::path::Path;

use serde::Serialize;

use super::{Context, OpsError};
use crate::bib::{BibChange, diff_bib};
use crate::model::{Change, diff_annotations};
use crate::store::git::{CommitInfo, FileChange, Identity, Repo, reviewed_ref};
use crate::store::parse_notes;

/// Which commits `glose log` shows.
#[derive(Debug, Clone, Default)]
pub enum Since {
    #[default]
    Everything,
    /// Commits after this revision.
    Rev(String),
    /// Commits after the one the current identity last marked as reviewed.
    LastReview,
}

#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub since: Since,
    /// Part of the author's name or email, any case.
    pub author: Option<String>,
    /// Only changes to this source's notes.
    pub source: Option<String>,
}

/// One commit and what it changed in the notes and the library.
#[derive(Debug, Clone, Serialize)]
pub struct CommitChanges {
    pub commit: CommitInfo,
    pub sources: Vec<SourceChanges>,
    pub references: Vec<BibChange>,
}

/// The changes to one source's notes; `broken` says why a version could not be read.
#[derive(Debug, Clone, Serialize)]
pub struct SourceChanges {
    pub source: String,
    pub changes: Vec<Change>,
    pub broken: Option<String>,
}

/// The commits shown, newest first, and the reviewed-up-to commit when `--since-review` was asked.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    pub reviewed: Option<String>,
    pub commits: Vec<CommitChanges>,
}

/// The semantic history of the workspace from HEAD back, filtered.
pub fn log(cx: &Context, filter: &LogFilter) -> Result<History, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    let mut reviewed = None;
    let since = match &filter.since {
        Since::Everything => None,
        Since::Rev(rev) => Some(repo.resolve_commit(rev)?),
        Since::LastReview => {
            reviewed = repo.read_ref(&reviewed_ref(&identity(cx, &repo)?))?;
            reviewed.clone()
        }
    };
    let author = filter.author.as_ref().map(|a| a.to_lowercase());
    let mut commits = Vec::new();
    for info in repo.commits_since(since.as_deref())? {
        if author
            .as_ref()
            .is_some_and(|a| !info.author.to_lowercase().contains(a))
        {
            continue;
        }
        let mut changes = commit_changes(&repo, info)?;
        if let Some(source) = &filter.source {
            changes.sources.retain(|s| s.source == *source);
            changes.references.clear();
            if changes.sources.is_empty() {
                continue;
            }
        }
        commits.push(changes);
    }
    Ok(History { reviewed, commits })
}

/// One commit's semantic changes.
pub fn show_commit(cx: &Context, rev: &str) -> Result<CommitChanges, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    let id = repo.resolve_commit(rev)?;
    commit_changes(&repo, repo.commit_info(&id)?)
}

/// `--author` when given, else the git identity.
pub(crate) fn identity(cx: &Context, repo: &Repo) -> Result<Identity, OpsError> {
    match &cx.author {
        Some(identity) => Ok(identity.clone()),
        None => Ok(repo.identity()?),
    }
}

fn commit_changes(repo: &Repo, commit: CommitInfo) -> Result<CommitChanges, OpsError> {
    let files = repo.changed_files(&commit.id, &[Path::new("notes"), Path::new("library")])?;
    let mut sources = Vec::new();
    let mut references = Vec::new();
    for file in files {
        let path = file.path.clone();
        let extension = path.extension().and_then(|e| e.to_str());
        let parent = path.parent().and_then(|p| p.to_str());
        match (parent, extension) {
            (Some("notes"), Some("toml")) => {
                let changes = notes_changes(&file);
                if !changes.changes.is_empty() || changes.broken.is_some() {
                    sources.push(changes);
                }
            }
            (Some("library"), Some("bib")) => {
                let (old, new) = (text(file.old.as_deref()), text(file.new.as_deref()));
                references.extend(diff_bib(&path, &old, &new));
            }
            _ => {}
        }
    }
    Ok(CommitChanges {
        commit,
        sources,
        references,
    })
}

fn notes_changes(file: &FileChange) -> SourceChanges {
    let source = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = |bytes: Option<&[u8]>| match bytes {
        None => Ok(Vec::new()),
        Some(bytes) => parse_notes(&String::from_utf8_lossy(bytes))
            .map(|notes| notes.annotations)
            .map_err(|e| e.to_string()),
    };
    match (read(file.old.as_deref()), read(file.new.as_deref())) {
        (Ok(old), Ok(new)) => SourceChanges {
            source,
            changes: diff_annotations(&old, &new),
            broken: None,
        },
        (Err(e), _) | (_, Err(e)) => SourceChanges {
            source,
            changes: Vec::new(),
            broken: Some(e),
        },
    }
}

fn text(bytes: Option<&[u8]>) -> String {
    bytes.map_or_else(String::new, |b| String::from_utf8_lossy(b).into_owned())
}
