//! Semantic history: each commit as annotations and references added, edited, removed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, mpsc};

use serde::Serialize;

use super::{Context, OpsError};
use crate::bib::{BibChange, diff_bib};
use crate::model::{Change, diff_annotations};
use crate::store::BlockReader;
use crate::store::git::{
    BlobId, ChangeReader, ChangedFile, CommitInfo, Identity, Repo, reviewed_ref,
};

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
    }
    Ok(History { reviewed, commits })
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

/// Reads `commits` as semantic changes, in order: git threads, each on its own run of commits,
/// read the files while this one parses and compares them.
fn read_commits(
    root: &Path,
    repo: Repo,
    commits: Vec<CommitInfo>,
    only: Option<&str>,
) -> Result<Vec<CommitChanges>, OpsError> {
    let threads = if commits.len() < FEW_COMMITS {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let per_thread = commits.len().div_ceil(threads).max(1);
    let mut runs: Vec<Vec<CommitInfo>> = Vec::new();
    let mut commits = commits.into_iter().peekable();
    while commits.peek().is_some() {
        runs.push(commits.by_ref().take(per_thread).collect());
    }
    let texts = Mutex::new(HashMap::new());
    std::thread::scope(|scope| {
        let mut received = Vec::new();
        let mut repo = Some(repo);
        for run in runs {
            let (send, receive) = mpsc::channel();
            received.push(receive);
            let (texts, own) = (&texts, repo.take());
            scope.spawn(move || {
                let repo = match own {
                    Some(repo) => repo,
                    None => match Repo::open(root) {
                        Ok(repo) => repo,
                        Err(e) => return drop(send.send(Err(e.into()))),
                    },
                };
                let mut git = GitReader::new(&repo, only, texts);
                for commit in run {
                    let read = git.commit(commit);
                    let failed = read.is_err();
                    if send.send(read).is_err() || failed {
                        break;
                    }
                }
            });
        }
        let mut semantics = Semantics::default();
        received
            .into_iter()
            .flatten()
            .map(|read| read.map(|texts| semantics.commit(texts)))
            .collect()
    })
}

/// Below this many commits, one git thread reads them all.
const FEW_COMMITS: usize = 64;

/// A commit's changed notes and .bib files, with the text of each side.
struct CommitTexts {
    commit: CommitInfo,
    files: Vec<FileTexts>,
}

/// A file's text before and after a commit (`None`: absent on that side).
struct FileTexts {
    path: PathBuf,
    old: Option<Arc<str>>,
    new: Option<Arc<str>>,
}

impl FileTexts {
    /// The source a notes file is for, or `None` for a .bib file.
    fn source(&self) -> Option<String> {
        let extension = self.path.extension().and_then(|e| e.to_str());
        (extension == Some("toml")).then(|| {
            self.path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    }

    /// The text of a file present on one side only, and whether the commit added it.
    fn alone(&self) -> Option<(&Arc<str>, bool)> {
        match (&self.old, &self.new) {
            (None, Some(new)) => Some((new, true)),
            (Some(old), None) => Some((old, false)),
            _ => None,
        }
    }
}

/// Reads what commits changed from git, reusing the trees and texts read for earlier ones.
struct GitReader<'r> {
    repo: &'r Repo,
    /// Only this source's notes, and no references.
    only: Option<&'r str>,
    files: ChangeReader<'r>,
    /// Versions read as the older side of a commit, until the commit that wrote them is read
    /// (by any git thread).
    texts: &'r Mutex<HashMap<BlobId, Arc<str>>>,
}

impl<'r> GitReader<'r> {
    fn new(
        repo: &'r Repo,
        only: Option<&'r str>,
        texts: &'r Mutex<HashMap<BlobId, Arc<str>>>,
    ) -> GitReader<'r> {
        GitReader {
            repo,
            only,
            files: ChangeReader::new(repo),
            texts,
        }
    }

    /// The notes and the .bib files directly in `library/` that a commit changed, with their texts.
    fn commit(&mut self, commit: CommitInfo) -> Result<CommitTexts, OpsError> {
        let folders = [Path::new("notes"), Path::new("library")];
        let mut files = Vec::new();
        for file in self.files.files_directly_in(&commit.id, &folders)? {
            if self.wanted(&file) {
                files.push(FileTexts {
                    old: file.old.map(|id| self.older_text(id)).transpose()?,
                    new: file.new.map(|id| self.newer_text(id)).transpose()?,
                    path: file.path,
                });
            }
        }
        Ok(CommitTexts { commit, files })
    }

    fn wanted(&self, file: &ChangedFile) -> bool {
        let path = &file.path;
        let extension = path.extension().and_then(|e| e.to_str());
        let parent = path.parent().and_then(|p| p.to_str());
        match (parent, extension) {
            (Some("notes"), Some("toml")) => self.only.is_none_or(|only| {
                path.file_stem()
                    .is_some_and(|stem| stem.to_string_lossy() == only)
            }),
            (Some("library"), Some("bib")) => self.only.is_none(),
            _ => false,
        }
    }

    /// A file's version before a commit, kept for the older commit that wrote it (read next, as
    /// the log walks back).
    fn older_text(&mut self, id: BlobId) -> Result<Arc<str>, OpsError> {
        if let Some(text) = self.cached().get(&id) {
            return Ok(Arc::clone(text));
        }
        let text = self.text(id)?;
        self.cached().insert(id, Arc::clone(&text));
        Ok(text)
    }

    /// A file's version after a commit: the commit that wrote it is the last to need it.
    fn newer_text(&mut self, id: BlobId) -> Result<Arc<str>, OpsError> {
        let cached = self.cached().remove(&id);
        match cached {
            Some(text) => Ok(text),
            None => self.text(id),
        }
    }

    fn cached(&self) -> MutexGuard<'_, HashMap<BlobId, Arc<str>>> {
        self.texts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn text(&self, id: BlobId) -> Result<Arc<str>, OpsError> {
        let bytes = self.repo.read_blob(id)?;
        Ok(match String::from_utf8(bytes) {
            Ok(text) => text.into(),
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into(),
        })
    }
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
