//! One glose change, one commit: HEAD's tree plus glose's files, and nothing of the user's.

use std::path::PathBuf;

use git2::build::TreeUpdateBuilder;
use git2::{Commit, ErrorCode, FileMode, Index, IndexEntry, IndexTime, Signature, Time, Tree};

use super::Repo;
use super::error::{During, GitError};
use super::identity::Identity;
use super::snapshot::{Snapshot, WorkFile};

impl Repo {
    /// Commits the current content of `paths` (files or folders, relative to the workspace).
    ///
    /// Returns the new commit's id, or `None` when the files already match HEAD.
    pub fn commit_paths(
        &self,
        paths: &[PathBuf],
        message: &str,
        author: &Identity,
        when: jiff::Timestamp,
    ) -> Result<Option<String>, GitError> {
        self.check_ready()?;
        let lock = self.repo.path().join("index.lock");
        if lock.exists() {
            return Err(GitError::IndexLocked { lock });
        }
        let (head, head_tree, mut index, snapshot) = self.look(paths)?;

        let commit = if snapshot.changed_paths().next().is_none() {
            None
        } else {
            let tree = self.updated_tree(&snapshot, head_tree.as_ref())?;
            let signature =
                Signature::new(&author.name, &author.email, &Time::new(when.as_second(), 0))
                    .map_err(|_| GitError::BadAuthor {
                        text: author.to_string(),
                    })?;
            let message =
                git2::message_prettify(message, None).during("preparing the commit message")?;
            let parents: Vec<_> = head.iter().collect();
            let id = self
                .repo
                .commit(
                    Some("HEAD"),
                    &signature,
                    &signature,
                    &message,
                    &tree,
                    &parents,
                )
                .map_err(|e| match e.code() {
                    ErrorCode::Locked => GitError::IndexLocked {
                        lock: self.head_ref_lock(),
                    },
                    _ => GitError::Git {
                        action: "committing",
                        source: e,
                    },
                })?;
            Some(id.to_string())
        };
        sync_index(&mut index, &snapshot).map_err(|e| match (&commit, e.code()) {
            (Some(commit), _) => GitError::IndexNotUpdated {
                commit: commit.clone(),
                paths: snapshot.scopes.join(" "),
                reason: e.message().to_owned(),
            },
            (None, ErrorCode::Locked) => GitError::IndexLocked { lock },
            (None, _) => GitError::Git {
                action: "updating the index",
                source: e,
            },
        })?;
        Ok(commit)
    }

    /// The lock file git takes on the branch a commit moves (`refs/heads/main.lock`).
    fn head_ref_lock(&self) -> PathBuf {
        let name = match self.branch() {
            Some(branch) => format!("refs/heads/{branch}.lock"),
            None => "HEAD.lock".to_string(),
        };
        self.repo.path().join(name)
    }

    /// HEAD, its tree, the freshly read index, and `paths` on disk compared with HEAD.
    pub(super) fn look(
        &self,
        paths: &[PathBuf],
    ) -> Result<(Option<Commit<'_>>, Option<Tree<'_>>, Index, Snapshot), GitError> {
        let head = self.head_commit()?;
        let head_tree = head
            .as_ref()
            .map(|c| c.tree())
            .transpose()
            .during("reading HEAD")?;
        let mut index = self.repo.index().during("reading the index")?;
        index.read(false).during("reading the index")?;
        let snapshot = Snapshot::take(&self.repo, &self.layout, head_tree.as_ref(), &index, paths)?;
        Ok((head, head_tree, index, snapshot))
    }

    fn updated_tree(
        &self,
        snapshot: &Snapshot,
        head_tree: Option<&Tree<'_>>,
    ) -> Result<Tree<'_>, GitError> {
        let empty;
        let base = match head_tree {
            Some(tree) => tree,
            None => {
                let id = self
                    .repo
                    .treebuilder(None)
                    .and_then(|b| b.write())
                    .during("building a tree")?;
                empty = self.repo.find_tree(id).during("building a tree")?;
                &empty
            }
        };
        let mut updates = TreeUpdateBuilder::new();
        for (repo_path, file) in &snapshot.files {
            if let Some(bytes) = &file.changed {
                self.repo.blob(bytes).during("writing a file into git")?;
                updates.upsert(repo_path.as_str(), file.id, file_mode(file.mode));
            }
        }
        for repo_path in &snapshot.deleted {
            updates.remove(repo_path.as_str());
        }
        let id = updates
            .create_updated(&self.repo, base)
            .during("building a tree")?;
        self.repo.find_tree(id).during("building a tree")
    }
}

fn file_mode(mode: i32) -> FileMode {
    match mode {
        0o100755 => FileMode::BlobExecutable,
        0o120000 => FileMode::Link,
        _ => FileMode::Blob,
    }
}

/// Makes the index match the commit for glose's paths, and leaves every other entry alone.
fn sync_index(index: &mut Index, snapshot: &Snapshot) -> Result<(), git2::Error> {
    let stale: Vec<PathBuf> = index
        .iter()
        .filter_map(|e| String::from_utf8(e.path).ok())
        .filter(|rp| snapshot.in_scope(rp) && !snapshot.files.contains_key(rp))
        .map(PathBuf::from)
        .collect();
    for path in &stale {
        index.remove_path(path)?;
    }
    for (repo_path, file) in &snapshot.files {
        index.add(&index_entry(repo_path, file))?;
    }
    index.write()
}

fn index_entry(repo_path: &str, file: &WorkFile) -> IndexEntry {
    let stat = Stat::of(&file.stat);
    IndexEntry {
        ctime: stat.ctime,
        mtime: stat.mtime,
        dev: stat.dev,
        ino: stat.ino,
        mode: file.mode as u32,
        uid: stat.uid,
        gid: stat.gid,
        file_size: file.stat.len() as u32,
        id: file.id,
        flags: 0,
        flags_extended: 0,
        path: repo_path.as_bytes().to_vec(),
    }
}

/// The file-system facts git keeps in the index to tell a clean file without reading it.
struct Stat {
    ctime: IndexTime,
    mtime: IndexTime,
    dev: u32,
    ino: u32,
    uid: u32,
    gid: u32,
}

impl Stat {
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata) -> Stat {
        use std::os::unix::fs::MetadataExt;
        Stat {
            ctime: IndexTime::new(meta.ctime() as i32, meta.ctime_nsec() as u32),
            mtime: IndexTime::new(meta.mtime() as i32, meta.mtime_nsec() as u32),
            dev: meta.dev() as u32,
            ino: meta.ino() as u32,
            uid: meta.uid(),
            gid: meta.gid(),
        }
    }

    #[cfg(not(unix))]
    fn of(meta: &std::fs::Metadata) -> Stat {
        let seconds = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(IndexTime::new(0, 0), |d| {
                    IndexTime::new(d.as_secs() as i32, d.subsec_nanos())
                })
        };
        Stat {
            ctime: seconds(meta.created()),
            mtime: seconds(meta.modified()),
            dev: 0,
            ino: 0,
            uid: 0,
            gid: 0,
        }
    }
}
