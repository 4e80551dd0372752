//! The workspace files a commit changed against its first parent, read from git's objects.

use std::path::{Path, PathBuf};

use git2::{Oid, Tree};

use super::Repo;
use super::error::{During, GitError};
use super::tree_diff::{BlobChange, Depth, TreeCache, changed_blobs};

/// One workspace file's bytes before and after a commit (`None`: absent on that side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub old: Option<Vec<u8>>,
    pub new: Option<Vec<u8>>,
}

/// The id of a file's content in git; equal ids, equal bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlobId(Oid);

/// One workspace file before and after a commit, by content id (`None`: absent on that side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedFile {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub old: Option<BlobId>,
    pub new: Option<BlobId>,
}

/// Reads what commit after commit changed, keeping the trees of the last one for the next (often its parent).
pub struct ChangeReader<'r> {
    repo: &'r Repo,
    trees: TreeCache<'r>,
}

impl<'r> ChangeReader<'r> {
    /// Also stops libgit2 from hashing every object it reads again to check its id, for the whole
    /// process: git itself trusts its object store on reads, and zlib still checks each object.
    pub fn new(repo: &'r Repo) -> ChangeReader<'r> {
        git2::opts::strict_hash_verification(false);
        ChangeReader {
            repo,
            trees: TreeCache::default(),
        }
    }

    /// The files directly in `folders` (workspace-relative) that commit `id` changed, by path.
    pub fn files_directly_in(
        &mut self,
        id: &str,
        folders: &[&Path],
    ) -> Result<Vec<ChangedFile>, GitError> {
        self.files(id, folders, Depth::Direct)
    }

    fn files(
        &mut self,
        id: &str,
        folders: &[&Path],
        depth: Depth,
    ) -> Result<Vec<ChangedFile>, GitError> {
        let repo = self.repo;
        let commit = repo
            .repo
            .find_commit(repo.oid(id)?)
            .during("reading a commit")?;
        let new_tree = commit.tree().during("reading a commit")?;
        let old_tree: Option<Tree<'r>> = match commit.parent(0) {
            Ok(parent) => Some(parent.tree().during("reading a commit")?),
            Err(_) => None,
        };
        let mut changed: Vec<BlobChange> = Vec::new();
        for folder in folders {
            let folder = repo.layout.repo_path(folder)?;
            changed_blobs(
                &repo.repo,
                &mut self.trees,
                old_tree.as_ref(),
                &new_tree,
                &folder,
                depth,
                &mut changed,
            )?;
        }
        self.trees.next_commit();
        changed.sort_by(|a, b| a.path.cmp(&b.path));
        changed.dedup_by(|a, b| a.path == b.path);
        Ok(changed
            .into_iter()
            .map(|change| ChangedFile {
                path: repo.layout.workspace_path(&change.path),
                old: change.old.map(BlobId),
                new: change.new.map(BlobId),
            })
            .collect())
    }
}

impl Repo {
    /// The files under `folders` (workspace-relative) that commit `id` changed, with their bytes.
    pub fn changed_files(&self, id: &str, folders: &[&Path]) -> Result<Vec<FileChange>, GitError> {
        let files = ChangeReader::new(self).files(id, folders, Depth::All)?;
        let read = |id: Option<BlobId>| id.map(|id| self.read_blob(id)).transpose();
        files
            .into_iter()
            .map(|file| {
                Ok(FileChange {
                    old: read(file.old)?,
                    new: read(file.new)?,
                    path: file.path,
                })
            })
            .collect()
    }

    /// The bytes of a file's content.
    pub fn read_blob(&self, id: BlobId) -> Result<Vec<u8>, GitError> {
        let blob = self
            .repo
            .find_blob(id.0)
            .during("reading a file from history")?;
        Ok(blob.content().to_vec())
    }
}
