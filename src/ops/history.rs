//! Semantic history: each commit as annotations and references added, edited, removed.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use super::{Context, OpsError};
use crate::bib::{BibChange, diff_bib};
use crate::model::{Annotation, Change, diff_annotations};
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
    let mut reader = Reader::new(&repo, filter.source.as_deref());
    let mut commits = Vec::new();
    for info in repo.commits_since(since.as_deref())? {
        if author
            .as_ref()
            .is_some_and(|a| !info.author.to_lowercase().contains(a))
        {
            continue;
        }
        let mut changes = reader.commit(info)?;
        if let Some(source) = &filter.source {
            changes.sources.retain(|s| s.source == *source);
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
    Reader::new(&repo, None).commit(repo.commit_info(&id)?)
}

/// `--author` when given, else the git identity.
pub(crate) fn identity(cx: &Context, repo: &Repo) -> Result<Identity, OpsError> {
    match &cx.author {
        Some(identity) => Ok(identity.clone()),
        None => Ok(repo.identity()?),
    }
}

/// Reads commits as semantic changes, reusing the trees, files and annotations read for earlier ones.
struct Reader<'r> {
    repo: &'r Repo,
    /// Only this source's notes, and no references.
    only: Option<&'r str>,
    files: ChangeReader<'r>,
    blocks: BlockReader,
    /// Versions read as the older side of a commit, until the commit that wrote them is read.
    texts: HashMap<BlobId, Arc<str>>,
}

impl<'r> Reader<'r> {
    fn new(repo: &'r Repo, only: Option<&'r str>) -> Reader<'r> {
        Reader {
            repo,
            only,
            files: ChangeReader::new(repo),
            blocks: BlockReader::default(),
            texts: HashMap::new(),
        }
    }

    /// What a commit changed in the notes and in the .bib files directly in `library/`.
    fn commit(&mut self, commit: CommitInfo) -> Result<CommitChanges, OpsError> {
        let folders = [Path::new("notes"), Path::new("library")];
        let files = self.files.files_directly_in(&commit.id, &folders)?;
        let mut sources = Vec::new();
        let mut references = Vec::new();
        for file in files {
            let path = &file.path;
            let extension = path.extension().and_then(|e| e.to_str());
            let parent = path.parent().and_then(|p| p.to_str());
            match (parent, extension) {
                (Some("notes"), Some("toml")) => {
                    let source = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if self.only.is_some_and(|only| only != source) {
                        continue;
                    }
                    let changes = self.notes_changes(source, &file)?;
                    if !changes.changes.is_empty() || changes.broken.is_some() {
                        sources.push(changes);
                    }
                }
                (Some("library"), Some("bib")) if self.only.is_none() => {
                    let (old, new) = (self.text(file.old)?, self.text(file.new)?);
                    references.extend(diff_bib(path, &old, &new));
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

    fn notes_changes(
        &mut self,
        source: String,
        file: &ChangedFile,
    ) -> Result<SourceChanges, OpsError> {
        let old = file.old.map(|id| self.older_text(id)).transpose()?;
        let new = file.new.map(|id| self.newer_text(id)).transpose()?;
        if let (Some(old), Some(new)) = (&old, &new)
            && let Some((before, after)) = self.blocks.changed(old, new)
        {
            return Ok(SourceChanges {
                source,
                changes: diff_annotations(&before, &after),
                broken: None,
            });
        }
        Ok(
            match (
                self.annotations(old.as_deref()),
                self.annotations(new.as_deref()),
            ) {
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
            },
        )
    }

    /// The annotations of a version read whole (none when the file does not exist), or why not.
    fn annotations(&mut self, text: Option<&str>) -> Result<Vec<Arc<Annotation>>, String> {
        match text {
            Some(text) => self.blocks.annotations(text).map_err(|e| e.to_string()),
            None => Ok(Vec::new()),
        }
    }

    /// A file's version before a commit, kept for the older commit that wrote it (read next, as
    /// the log walks back).
    fn older_text(&mut self, id: BlobId) -> Result<Arc<str>, OpsError> {
        if let Some(text) = self.texts.get(&id) {
            return Ok(Arc::clone(text));
        }
        let text: Arc<str> = self.text(Some(id))?.into();
        self.texts.insert(id, Arc::clone(&text));
        Ok(text)
    }

    /// A file's version after a commit: the commit that wrote it is the last to need it.
    fn newer_text(&mut self, id: BlobId) -> Result<Arc<str>, OpsError> {
        match self.texts.remove(&id) {
            Some(text) => Ok(text),
            None => Ok(self.text(Some(id))?.into()),
        }
    }

    fn text(&self, id: Option<BlobId>) -> Result<String, OpsError> {
        Ok(match id {
            Some(id) => match String::from_utf8(self.repo.read_blob(id)?) {
                Ok(text) => text,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            },
            None => String::new(),
        })
    }
}
