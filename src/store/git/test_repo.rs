//! Temporary repositories for the git tests, with a hermetic `git` command beside them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{GitError, Identity, Repo};

pub struct TestRepo {
    dir: tempfile::TempDir,
}

impl TestRepo {
    pub const NAME: &str = "Test Student";
    pub const EMAIL: &str = "student@example.org";

    /// A fresh repository (branch `main`, no commit) with a repository-local identity.
    pub fn new() -> TestRepo {
        let t = TestRepo::new_without_identity();
        t.git(&["config", "user.name", TestRepo::NAME]);
        t.git(&["config", "user.email", TestRepo::EMAIL]);
        t
    }

    pub fn new_without_identity() -> TestRepo {
        let t = TestRepo {
            dir: tempfile::tempdir().unwrap(),
        };
        Repo::init(t.dir()).unwrap();
        t
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn repo(&self) -> Repo {
        Repo::open(self.dir()).unwrap()
    }

    pub fn author() -> Identity {
        Identity::parse(&format!("{} <{}>", TestRepo::NAME, TestRepo::EMAIL)).unwrap()
    }

    /// Writes a file relative to the repository root, creating its folders.
    pub fn write(&self, path: &str, content: &str) {
        let path = self.dir().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    /// Runs `git` in the repository with no user or system config, and returns its stdout.
    pub fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(self.dir())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "git {args:?} failed: {stderr}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// Commits everything currently staged plus `path`, as the user would with git itself.
    pub fn user_commit(&self, path: &str, content: &str) {
        self.write(path, content);
        self.git(&["add", path]);
        self.git(&["commit", "-q", "-m", &format!("user: {path}")]);
    }

    /// The files of HEAD's tree, one repository path per line.
    pub fn head_files(&self) -> Vec<String> {
        let out = self.git(&["ls-tree", "-r", "--name-only", "HEAD"]);
        out.lines().map(str::to_owned).collect()
    }

    pub fn status(&self) -> String {
        self.git(&["status", "--porcelain"])
    }
}

/// Commits `paths` (relative to the workspace) at a fixed time, as [`TestRepo::author`].
pub fn try_commit(repo: &Repo, paths: &[&str], message: &str) -> Result<Option<String>, GitError> {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let when = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    repo.commit_paths(&paths, message, &TestRepo::author(), when)
}

/// Like [`try_commit`], for commits that must succeed.
pub fn commit(repo: &Repo, paths: &[&str], message: &str) -> Option<String> {
    try_commit(repo, paths, message).unwrap()
}

/// An environment holding only `vars`, with git's user and system config switched off.
pub fn hermetic_env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
    let mut env: HashMap<String, String> = HashMap::from([
        ("GIT_CONFIG_GLOBAL".to_owned(), "/dev/null".to_owned()),
        ("GIT_CONFIG_NOSYSTEM".to_owned(), "1".to_owned()),
    ]);
    env.extend(vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    move |key| env.get(key).cloned()
}
