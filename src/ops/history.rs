//! Semantic history: each commit as annotations and references added, edited, removed.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use super::history_texts::{CommitTexts, FileTexts, read_in_order};
use super::{Context, OpsError};
use crate::bib::{BibChange, diff_bib};
use crate::model::{Change, closest, diff_annotations};
use crate::store::BlockReader;
use crate::store::git::{CommitInfo, Identity, Repo, reviewed_ref};

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
    let shown: Vec<CommitInfo> = repo
        .commits_since(since.as_deref())?
        .into_iter()
        .filter(|info| {
            author
                .as_ref()
                .is_none_or(|a| info.author.to_lowercase().contains(a))
        })
        .collect();
    let mut commits = read_commits(&cx.ws.root, repo, shown, filter.source.as_deref())?;
    if let Some(source) = &filter.source {
        for changes in &mut commits {
            changes.sources.retain(|s| s.source == *source);
        }
        commits.retain(|changes| !changes.sources.is_empty());
        if commits.is_empty() {
            unknown_source(cx, source)?;
        }
    }
    Ok(History { reviewed, commits })
}

/// Fails with the closest ids when `source` has no notes in the workspace (a typo, most likely).
fn unknown_source(cx: &Context, source: &str) -> Result<(), OpsError> {
    let paths = cx.ws.notes_paths()?;
    let ids: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    if ids.iter().any(|id| id == source) {
        return Ok(());
    }
    Err(OpsError::UnknownSource {
        id: source.to_string(),
        suggestions: closest(source, ids.iter().map(String::as_str)),
    })
}

/// One commit's semantic changes.
pub fn show_commit(cx: &Context, rev: &str) -> Result<CommitChanges, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    let info = repo.commit_info(&repo.resolve_commit(rev)?)?;
    let mut commits = read_commits(&cx.ws.root, repo, vec![info], None)?;
    Ok(commits.remove(0))
}

/// `--author` when given, else the git identity.
pub(crate) fn identity(cx: &Context, repo: &Repo) -> Result<Identity, OpsError> {
    match &cx.author {
        Some(identity) => Ok(identity.clone()),
        None => Ok(repo.identity()?),
    }
}

/// Reads `commits` as semantic changes, in order.
fn read_commits(
    root: &Path,
    repo: Repo,
    commits: Vec<CommitInfo>,
    only: Option<&str>,
) -> Result<Vec<CommitChanges>, OpsError> {
    let mut semantics = Semantics::default();
    read_in_order(root, repo, commits, only, |texts| semantics.commit(texts))
}

/// Turns files' texts into semantic changes, reusing the blocks read for earlier versions.
#[derive(Default)]
struct Semantics {
    blocks: BlockReader,
}

impl Semantics {
    fn commit(&mut self, texts: CommitTexts) -> CommitChanges {
        let alone: Vec<(String, &Arc<str>, bool)> = texts
            .files
            .iter()
            .filter_map(|file| Some((file.source()?, file.alone()?)))
            .map(|(source, (text, added))| (source, text, added))
            .collect();
        let mut alone = read_alone(&alone).into_iter();
        let mut sources = Vec::new();
        let mut references = Vec::new();
        for file in &texts.files {
            let Some(source) = file.source() else {
                let text = |side: &Option<Arc<str>>| side.clone().unwrap_or_default();
                references.extend(diff_bib(&file.path, &text(&file.old), &text(&file.new)));
                continue;
            };
            let changes = match file.alone() {
                Some(_) => alone.next(),
                None => Some(self.notes_changes(source, file)),
            };
            if let Some(changes) = changes
                && (!changes.changes.is_empty() || changes.broken.is_some())
            {
                sources.push(changes);
            }
        }
        CommitChanges {
            commit: texts.commit,
            sources,
            references,
        }
    }

    fn notes_changes(&mut self, source: String, file: &FileTexts) -> SourceChanges {
        if let (Some(old), Some(new)) = (&file.old, &file.new)
            && let Some((before, after)) = self.blocks.changed(old, new)
        {
            return SourceChanges {
                source,
                changes: diff_annotations(&before, &after),
                broken: None,
            };
        }
        let mut read = |text: &Option<Arc<str>>| match text {
            Some(text) => self.blocks.annotations(text).map_err(|e| e.to_string()),
            None => Ok(Vec::new()),
        };
        match (read(&file.old), read(&file.new)) {
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
}

/// The changes of notes files that a commit added or removed whole, read on the cores available.
fn read_alone(files: &[(String, &Arc<str>, bool)]) -> Vec<SourceChanges> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = files.len().div_ceil(cores).max(1);
    let read = |chunk: &[(String, &Arc<str>, bool)]| {
        let mut blocks = BlockReader::default();
        chunk
            .iter()
            .map(|(source, text, added)| alone_changes(&mut blocks, source, text, *added))
            .collect::<Vec<_>>()
    };
    if files.len() <= per_thread {
        return read(files);
    }
    std::thread::scope(|scope| {
        let threads: Vec<_> = files
            .chunks(per_thread)
            .map(|chunk| scope.spawn(move || read(chunk)))
            .collect();
        threads
            .into_iter()
            .flat_map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    })
}

/// Every annotation of a notes file present on one side only, as added (`added`) or removed.
fn alone_changes(blocks: &mut BlockReader, source: &str, text: &str, added: bool) -> SourceChanges {
    let (changes, broken) = match blocks.annotations_alone(text) {
        Ok(annotations) => (
            annotations
                .into_iter()
                .map(|annotation| match added {
                    true => Change::Added { annotation },
                    false => Change::Removed { annotation },
                })
                .collect(),
            None,
        ),
        Err(e) => (Vec::new(), Some(e.to_string())),
    };
    SourceChanges {
        source: source.to_owned(),
        changes,
        broken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::history_texts::FEW_COMMITS;
    use crate::ops::{AnnotateRequest, RunOptions, annotate, demo};

    #[test]
    fn a_long_history_read_by_several_git_threads_is_each_commit_read_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ws");
        demo(&dir).unwrap();
        let options = RunOptions {
            now: Some("2026-03-02T10:00:00Z".parse().unwrap()),
            author: Some(Identity::parse("Camille Martin <camille@example.org>").unwrap()),
            seed: Some(7),
        };
        let mut cx = Context::open(dir, options).unwrap();
        let quotes = [
            "une pluralité de formes",
            "brouillent les frontières des pays",
        ];
        for i in 0..FEW_COMMITS + 6 {
            let request = AnnotateRequest {
                source: "berdeil-2023".into(),
                quote: quotes[i % 2].into(),
                note: Some(format!("note {i}")),
                ..AnnotateRequest::default()
            };
            annotate(&mut cx, request).unwrap();
        }
        let history = log(&cx, &LogFilter::default()).unwrap();
        assert!(
            history.commits.len() > FEW_COMMITS,
            "{}",
            history.commits.len()
        );
        for commit in &history.commits {
            let alone = show_commit(&cx, &commit.commit.id).unwrap();
            assert_eq!(
                serde_json::to_string(commit).unwrap(),
                serde_json::to_string(&alone).unwrap()
            );
        }
        let added: usize = history.commits[..FEW_COMMITS + 6]
            .iter()
            .map(|c| c.sources.iter().map(|s| s.changes.len()).sum::<usize>())
            .sum();
        assert_eq!(added, FEW_COMMITS + 6);
    }
}
