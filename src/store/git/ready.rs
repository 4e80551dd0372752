//! Refusing to commit while git is in the middle of something else.

use git2::RepositoryState;

use super::Repo;
use super::error::{During, GitError};

impl Repo {
    /// Refuses a merge, rebase, cherry-pick, revert, bisect or `git am` in progress, and a detached HEAD.
    pub fn check_ready(&self) -> Result<(), GitError> {
        let busy = |what, hint| Err(GitError::OperationInProgress { what, hint });
        match self.repo.state() {
            RepositoryState::Clean => {}
            RepositoryState::Merge => {
                return busy(
                    "a merge",
                    "finish it (git commit) or abort it (git merge --abort)",
                );
            }
            RepositoryState::Rebase
            | RepositoryState::RebaseInteractive
            | RepositoryState::RebaseMerge => {
                return busy(
                    "a rebase",
                    "finish it (git rebase --continue) or abort it (git rebase --abort)",
                );
            }
            RepositoryState::CherryPick | RepositoryState::CherryPickSequence => {
                return busy(
                    "a cherry-pick",
                    "finish it (git cherry-pick --continue) or abort it (git cherry-pick --abort)",
                );
            }
            RepositoryState::Revert | RepositoryState::RevertSequence => {
                return busy(
                    "a revert",
                    "finish it (git revert --continue) or abort it (git revert --abort)",
                );
            }
            RepositoryState::Bisect => {
                return busy("a bisect", "end it (git bisect reset)");
            }
            RepositoryState::ApplyMailbox | RepositoryState::ApplyMailboxOrRebase => {
                return busy(
                    "git am",
                    "finish it (git am --continue) or abort it (git am --abort)",
                );
            }
        }
        if self.repo.head_detached().during("reading HEAD")? {
            return Err(GitError::DetachedHead);
        }
        Ok(())
    }
}
