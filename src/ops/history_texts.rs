//! The files each commit changed, read from git on several threads and handed over in order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, mpsc};

use super::OpsError;
use crate::store::git::{BlobId, ChangeReader, ChangedFile, CommitInfo, Repo};

/// Gives `turn` the texts of each commit, in order: git threads, each on its own run of commits,
/// read the files while this one turns them into what the caller needs.
pub(super) fn read_in_order<T>(
    root: &Path,
    repo: Repo,
    commits: Vec<CommitInfo>,
    only: Option<&str>,
    mut turn: impl FnMut(CommitTexts) -> T,
) -> Result<Vec<T>, OpsError> {
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
        received
            .into_iter()
            .flatten()
            .map(|read| read.map(&mut turn))
            .collect()
    })
}

/// Below this many commits, one git thread reads them all.
pub(super) const FEW_COMMITS: usize = 64;

/// A commit's changed notes and .bib files, with the text of each side.
pub(super) struct CommitTexts {
    pub commit: CommitInfo,
    pub files: Vec<FileTexts>,
}

/// A file's text before and after a commit (`None`: absent on that side).
pub(super) struct FileTexts {
    pub path: PathBuf,
    pub old: Option<Arc<str>>,
    pub new: Option<Arc<str>>,
}

impl FileTexts {
    /// The source a notes file is for, or `None` for a .bib file.
    pub fn source(&self) -> Option<String> {
        let extension = self.path.extension().and_then(|e| e.to_str());
        (extension == Some("toml")).then(|| {
            self.path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    }

    /// The text of a file present on one side only, and whether the commit added it.
    pub fn alone(&self) -> Option<(&Arc<str>, bool)> {
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
