//! Bringing fetched commits into the current branch: fast-forward, or a merge commit built in git's objects.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use git2::build::CheckoutBuilder;
use git2::{DiffOptions, IndexEntry, IndexTime, Oid, Signature, Time, Tree};

use super::error::{During, GitError};
use super::{Identity, Repo};

/// Merges one file's three versions (workspace path, ancestor, current, other); `None` leaves it to git.
pub type FileMerger<'a> = dyn Fn(&Path, Option<&[u8]>, &[u8], &[u8]) -> Option<MergedFile> + 'a;

/// A merged file's bytes and what stayed in conflict inside it.
pub struct MergedFile {
    pub bytes: Vec<u8>,
    pub conflicts: Vec<String>,
}

/// What integrating the other side's commit did to the current branch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrated {
    /// The current branch already contains it.
    UpToDate,
    FastForward {
        commit: String,
    },
    Merged {
        commit: String,
        /// Workspace-relative path and what stayed in conflict inside the file.
        conflicts: Vec<(PathBuf, Vec<String>)>,
    },
}

impl Repo {
    /// Makes the current branch contain `theirs`, merging the files under `folders` with `merger`.
    ///
    /// The working folder is updated with a safe checkout: a local edit to a file the merge
    /// changes stops it before the branch moves.
    pub fn integrate(
        &self,
        theirs: &str,
        folders: &[&Path],
        merger: &FileMerger<'_>,
        author: &Identity,
        when: jiff::Timestamp,
        message: &str,
    ) -> Result<Integrated, GitError> {
        self.check_ready()?;
        let theirs = self
            .repo
            .find_commit(self.oid(theirs)?)
            .during("reading the fetched commit")?;
        let Some(ours) = self.head_commit()? else {
            self.move_branch(&theirs.tree().during("reading a tree")?, theirs.id())?;
            return Ok(Integrated::FastForward {
                commit: theirs.id().to_string(),
            });
        };
        if self.contains_commit(&ours.id().to_string(), &theirs.id().to_string())? {
            return Ok(Integrated::UpToDate);
        }
        if self.contains_commit(&theirs.id().to_string(), &ours.id().to_string())? {
            self.move_branch(&theirs.tree().during("reading a tree")?, theirs.id())?;
            return Ok(Integrated::FastForward {
                commit: theirs.id().to_string(),
            });
        }
        let base_id = self
            .repo
            .merge_base(ours.id(), theirs.id())
            .during("finding the common ancestor")?;
        let base_tree = self
            .repo
            .find_commit(base_id)
            .and_then(|c| c.tree())
            .during("reading a tree")?;
        let (ours_tree, theirs_tree) = (
            ours.tree().during("reading a tree")?,
            theirs.tree().during("reading a tree")?,
        );
        let mut index = self
            .repo
            .merge_trees(&base_tree, &ours_tree, &theirs_tree, None)
            .during("merging")?;
        let mut candidates: BTreeSet<String> = self
            .changed(&base_tree, &ours_tree, folders)?
            .intersection(&self.changed(&base_tree, &theirs_tree, folders)?)
            .cloned()
            .collect();
        for conflict in index.conflicts().during("reading merge conflicts")? {
            let conflict = conflict.during("reading merge conflicts")?;
            let entry = conflict.our.or(conflict.their).or(conflict.ancestor);
            if let Some(path) = entry.and_then(|e| String::from_utf8(e.path).ok()) {
                candidates.insert(path);
            }
        }
        let mut conflicts = Vec::new();
        for repo_path in candidates {
            let blob = |tree: &Tree<'_>| self.blob_at(tree, &repo_path);
            let (Some(o), Some(t)) = (blob(&ours_tree)?, blob(&theirs_tree)?) else {
                continue;
            };
            let path = self.layout.workspace_path(&repo_path);
            let Some(merged) = merger(&path, blob(&base_tree)?.as_deref(), &o, &t) else {
                continue;
            };
            let _ = index.conflict_remove(Path::new(&repo_path));
            let id = self
                .repo
                .blob(&merged.bytes)
                .during("writing a merged file")?;
            index
                .add(&entry(&repo_path, id, merged.bytes.len()))
                .during("writing a merged file")?;
            if !merged.conflicts.is_empty() {
                conflicts.push((path, merged.conflicts));
            }
        }
        if index.has_conflicts() {
            let mut paths = Vec::new();
            for conflict in index
                .conflicts()
                .during("reading merge conflicts")?
                .flatten()
            {
                let entry = conflict.our.or(conflict.their).or(conflict.ancestor);
                paths.extend(entry.and_then(|e| String::from_utf8(e.path).ok()));
            }
            return Err(GitError::ForeignConflicts { paths });
        }
        let tree_id = index
            .write_tree_to(&self.repo)
            .during("writing the merged tree")?;
        let tree = self
            .repo
            .find_tree(tree_id)
            .during("writing the merged tree")?;
        let signature =
            Signature::new(&author.name, &author.email, &Time::new(when.as_second(), 0)).map_err(
                |_| GitError::BadAuthor {
                    text: author.to_string(),
                },
            )?;
        let commit = self
            .repo
            .commit(
                None,
                &signature,
                &signature,
                message,
                &tree,
                &[&ours, &theirs],
            )
            .during("committing the merge")?;
        self.move_branch(&tree, commit)?;
        Ok(Integrated::Merged {
            commit: commit.to_string(),
            conflicts,
        })
    }

    /// Checks out `tree` safely, then points the current branch at `commit`.
    fn move_branch(&self, tree: &Tree<'_>, commit: Oid) -> Result<(), GitError> {
        let mut checkout = CheckoutBuilder::new();
        checkout.safe();
        self.repo
            .checkout_tree(tree.as_object(), Some(&mut checkout))
            .during("updating the working folder (a local edit may be in the way: commit it)")?;
        let branch = self.branch().ok_or(GitError::DetachedHead)?;
        self.repo
            .reference(&format!("refs/heads/{branch}"), commit, true, "glose sync")
            .during("moving the branch")?;
        Ok(())
    }

    /// Repository paths under `folders` that differ between two trees.
    fn changed(
        &self,
        from: &Tree<'_>,
        to: &Tree<'_>,
        folders: &[&Path],
    ) -> Result<BTreeSet<String>, GitError> {
        let mut options = DiffOptions::new();
        for folder in folders {
            options.pathspec(self.layout.repo_path(folder)?);
        }
        let diff = self
            .repo
            .diff_tree_to_tree(Some(from), Some(to), Some(&mut options))
            .during("comparing trees")?;
        Ok(diff
            .deltas()
            .filter_map(|d| d.new_file().path().or_else(|| d.old_file().path()))
            .filter_map(|p| p.to_str().map(str::to_owned))
            .collect())
    }

    fn blob_at(&self, tree: &Tree<'_>, repo_path: &str) -> Result<Option<Vec<u8>>, GitError> {
        match tree.get_path(Path::new(repo_path)) {
            Ok(entry) => {
                let blob = self.repo.find_blob(entry.id()).during("reading a file")?;
                Ok(Some(blob.content().to_vec()))
            }
            Err(_) => Ok(None),
        }
    }
}

fn entry(repo_path: &str, id: Oid, size: usize) -> IndexEntry {
    IndexEntry {
        ctime: IndexTime::new(0, 0),
        mtime: IndexTime::new(0, 0),
        dev: 0,
        ino: 0,
        mode: 0o100644,
        uid: 0,
        gid: 0,
        file_size: u32::try_from(size).unwrap_or(u32::MAX),
        id,
        flags: 0,
        flags_extended: 0,
        path: repo_path.as_bytes().to_vec(),
    }
}
