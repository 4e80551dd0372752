//! Everything that can go wrong between glose and git, each with what to do about it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("no git repository contains {path}: run `git init` there, or `glose init`")]
    NotARepository { path: PathBuf },

    #[error(
        "the repository at {path} is bare (no working folder): clone it and run glose in the clone"
    )]
    BareRepository { path: PathBuf },

    #[error(
        "the workspace {path} is outside the repository's working folder {workdir} (see core.worktree): run glose inside {workdir}"
    )]
    WorkspaceOutsideWorkdir { path: PathBuf, workdir: PathBuf },

    #[error(
        "the workspace {path} is inside the repository's .git folder: run glose from the working folder"
    )]
    WorkspaceInGitDir { path: PathBuf },

    #[error(
        "git refuses to open {path}, which belongs to another user: if you trust it, run `git config --global --add safe.directory {path}`"
    )]
    NotOwned { path: PathBuf },

    #[error(
        "no git identity: set one with `git config --global user.name \"Your Name\"` and `git config --global user.email \"you@example.org\"`, or pass --author \"Name <email>\""
    )]
    NoIdentity,

    #[error("--author must look like \"Name <email>\", got {text:?}")]
    BadAuthor { text: String },

    #[error("{what} is in progress: {hint}, then run glose again")]
    OperationInProgress {
        what: &'static str,
        hint: &'static str,
    },

    #[error("HEAD is detached: switch to a branch first (git switch main)")]
    DetachedHead,

    #[error(
        "another git process is running, or a crashed one left {lock}: remove it if no git command is running"
    )]
    IndexLocked { lock: PathBuf },

    #[error(
        "glose made commit {commit} but could not update the git index ({reason}): run `git reset -q -- {paths}` at the repository root to bring `git status` in line"
    )]
    IndexNotUpdated {
        commit: String,
        paths: String,
        reason: String,
    },

    #[error("{path} is not a path inside the workspace: glose only commits its own files")]
    PathOutsideWorkspace { path: PathBuf },

    #[error("{path} has a name that is not valid UTF-8: rename it")]
    NonUtf8Path { path: PathBuf },

    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("`{rev}` names no commit here: give a commit id, a branch or a tag (see `glose log`)")]
    UnknownRevision { rev: String },

    #[error(
        "no remote `{name}`{}: add one with `git remote add origin URL`, or give a path or URL to `glose sync`",
        if .known.is_empty() { String::new() } else { format!(" (this repository has {})", .known.join(", ")) }
    )]
    UnknownRemote { name: String, known: Vec<String> },

    #[error(
        "{url} needs the git program, which was not found: install git (https://git-scm.com) so that glose can use your own credentials and settings"
    )]
    GitProgramMissing { url: String },

    #[error("`git {command}` failed: {stderr}")]
    GitProgramFailed { command: String, stderr: String },

    #[error(
        "uncommitted changes in {}: commit them (or let glose commit them) before syncing",
        .paths.join(", ")
    )]
    UncommittedChanges { paths: Vec<String> },

    #[error(
        "the remote and this copy both changed {}, which glose does not merge: merge with `git pull` and settle them by hand",
        .paths.join(", ")
    )]
    ForeignConflicts { paths: Vec<String> },

    #[error("the remote refused {refname}: {reason}; run `glose sync` again")]
    PushRejected { refname: String, reason: String },

    #[error("git failed while {action}: {source} (check the repository with `git status`)")]
    Git {
        action: &'static str,
        source: git2::Error,
    },
}

/// Names the step a git2 call belonged to, so its error reads as a sentence.
pub(crate) trait During<T> {
    fn during(self, action: &'static str) -> Result<T, GitError>;
}

impl<T> During<T> for Result<T, git2::Error> {
    fn during(self, action: &'static str) -> Result<T, GitError> {
        self.map_err(|source| GitError::Git { action, source })
    }
}

pub(crate) fn io_error(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> GitError {
    let path = path.into();
    move |source| GitError::Io { path, source }
}
