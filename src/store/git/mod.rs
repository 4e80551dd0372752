//! The only code in glose that talks to git: open the repository, commit glose's paths, read history.

mod changed;
mod commit;
#[cfg(test)]
mod commit_tests;
mod drivers;
mod error;
mod head_file;
mod history;
mod identity;
mod merge_commit;
mod paths;
mod pending;
mod ready;
mod refs;
mod remote;
mod snapshot;
#[cfg(test)]
mod test_repo;
mod tree_diff;
mod walk;

use std::path::{Path, PathBuf};

use git2::{Commit, ErrorCode, Repository, RepositoryInitOptions};

pub use changed::{BlobId, ChangeReader, ChangedFile, FileChange};
pub use drivers::MERGE_DRIVERS;
pub use error::GitError;
use error::{During, io_error};
pub use identity::Identity;
pub use merge_commit::{FileMerger, Integrated, MergedFile};
use paths::Layout;
pub use refs::{REVIEWED_PREFIX, reviewed_ref};
pub use remote::{FETCHED_PREFIX, needs_git_program};
pub use walk::CommitInfo;

/// The git repository that contains a workspace.
pub struct Repo {
    repo: Repository,
    layout: Layout,
}

impl Repo {
    /// Opens the repository that contains `workspace_root`, which may be one of its subfolders.
    pub fn open(workspace_root: &Path) -> Result<Repo, GitError> {
        let root = std::fs::canonicalize(workspace_root).map_err(io_error(workspace_root))?;
        let repo = Repository::discover(&root).map_err(|e| match e.code() {
            ErrorCode::NotFound => GitError::NotARepository { path: root.clone() },
            ErrorCode::Owner => GitError::NotOwned { path: root.clone() },
            _ => GitError::Git {
                action: "opening the repository",
                source: e,
            },
        })?;
        Repo::from_repository(repo, root)
    }

    /// Creates a new repository in `dir` whose first branch is `main`.
    pub fn init(dir: &Path) -> Result<Repo, GitError> {
        let mut options = RepositoryInitOptions::new();
        options.initial_head("main").mkdir(true);
        let repo = Repository::init_opts(dir, &options).during("creating the repository")?;
        let root = std::fs::canonicalize(dir).map_err(io_error(dir))?;
        Repo::from_repository(repo, root)
    }

    /// Opens the repository that contains the workspace, or creates one there; `true` if created.
    pub fn open_or_init(workspace_root: &Path) -> Result<(Repo, bool), GitError> {
        match Repo::open(workspace_root) {
            Ok(repo) => Ok((repo, false)),
            Err(GitError::NotARepository { .. }) => Ok((Repo::init(workspace_root)?, true)),
            Err(e) => Err(e),
        }
    }

    fn from_repository(repo: Repository, root: PathBuf) -> Result<Repo, GitError> {
        let workdir = repo.workdir().ok_or_else(|| GitError::BareRepository {
            path: repo.path().to_path_buf(),
        })?;
        let workdir = std::fs::canonicalize(workdir).map_err(io_error(workdir))?;
        let layout = Layout::new(root, &workdir)?;
        Ok(Repo { repo, layout })
    }

    /// The workspace folder (canonical).
    pub fn workspace_root(&self) -> &Path {
        &self.layout.root
    }

    /// The repository's `.git` folder (a linked worktree's own one).
    pub fn git_dir(&self) -> &Path {
        self.repo.path()
    }

    /// The repository's working folder, which contains the workspace.
    pub fn workdir(&self) -> Option<&Path> {
        self.repo.workdir()
    }

    /// The author glose commits as, from GIT_AUTHOR_NAME/EMAIL or git config.
    pub fn identity(&self) -> Result<Identity, GitError> {
        self.identity_from_env(&|key| std::env::var(key).ok())
    }

    /// Like [`Repo::identity`], reading environment variables through `env`.
    pub fn identity_from_env(
        &self,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Identity, GitError> {
        identity::lookup(self.repo.commondir(), env)
    }

    /// The branch HEAD points to, even before its first commit; `None` when detached.
    pub fn branch(&self) -> Option<String> {
        let head = self.repo.find_reference("HEAD").ok()?;
        let target = head.symbolic_target().ok()??;
        target.strip_prefix("refs/heads/").map(str::to_owned)
    }

    /// The commit HEAD points to, or `None` on a branch with no commit yet.
    fn head_commit(&self) -> Result<Option<Commit<'_>>, GitError> {
        match self.repo.head() {
            Ok(head) => head.peel_to_commit().map(Some).during("reading HEAD"),
            Err(e) if e.code() == ErrorCode::UnbornBranch => Ok(None),
            Err(e) => Err(GitError::Git {
                action: "reading HEAD",
                source: e,
            }),
        }
    }
}
