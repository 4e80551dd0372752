//! glose's files not yet committed: git's status names the candidates quickly (it trusts the index's
//! stat data for files that look untouched), and only those are read and compared with HEAD.

use std::path::PathBuf;

use git2::{Status, StatusOptions};

use super::Repo;
use super::error::{During, GitError};

impl Repo {
    /// glose's paths whose files differ from HEAD, relative to the workspace.
    pub fn pending_paths(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, GitError> {
        let candidates = self.candidates(paths)?;
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let (_, _, _, snapshot) = self.look(&candidates)?;
        let mut pending: Vec<PathBuf> = snapshot
            .changed_paths()
            .map(|rp| self.layout.workspace_path(rp))
            .collect();
        pending.sort();
        pending.dedup();
        Ok(pending)
    }

    /// The files under `paths` that git's status does not find clean (and the files named
    /// themselves, ignored or not), relative to the workspace.
    fn candidates(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, GitError> {
        let mut out = Vec::new();
        for path in paths {
            let scope = self.layout.repo_path(path)?;
            if self.layout.root.join(path).is_file() {
                out.push(path.clone());
            }
            let mut options = StatusOptions::new();
            options
                .pathspec(&scope)
                .disable_pathspec_match(true)
                .include_untracked(true)
                .recurse_untracked_dirs(true)
                .include_ignored(false)
                .include_unmodified(false)
                .exclude_submodules(true)
                .renames_head_to_index(false)
                .renames_index_to_workdir(false);
            let statuses = self
                .repo
                .statuses(Some(&mut options))
                .during("reading git status")?;
            for entry in statuses.iter() {
                if entry.status() == Status::CURRENT || entry.status().is_ignored() {
                    continue;
                }
                let repo_path =
                    std::str::from_utf8(entry.path_bytes()).map_err(|_| GitError::NonUtf8Path {
                        path: PathBuf::from(String::from_utf8_lossy(entry.path_bytes()).as_ref()),
                    })?;
                if under(repo_path, &scope) {
                    out.push(self.layout.workspace_path(repo_path));
                }
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

/// Whether a repository path is `scope` or lies in the folder `scope`.
fn under(repo_path: &str, scope: &str) -> bool {
    repo_path
        .strip_prefix(scope)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}
