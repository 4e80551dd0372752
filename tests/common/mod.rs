//! A hermetic environment for running the glose binary in temporary git repositories.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use tempfile::TempDir;

pub const STUDENT: &str = "Camille Martin <camille@example.org>";
pub const SUPERVISOR: &str = "Hélène Dubois <helene@example.org>";

/// A path in ../shared (the corpus and CSL styles, never copied into the repository), or `None`
/// with a notice when it is missing; under `CI` a missing file fails the test instead.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing",
        path.display()
    );
    eprintln!("skipped: {} is missing", path.display());
    None
}

/// Whether an external program (pandoc, biber) runs; `.ci/run` installs them, so under `CI` a
/// missing one fails the test instead of skipping it.
pub fn tool(program: &str) -> bool {
    let runs = StdCommand::new(program).arg("--version").output().is_ok();
    if !runs {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is not installed (apt-get install {program})"
        );
        eprintln!("skipped: {program} is not installed (apt-get install {program})");
    }
    runs
}

pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// A new workspace in `ws/` with a git identity set in the repository.
    pub fn workspace() -> Env {
        let env = Env::new();
        env.git(&["init", "-q", "-b", "main", "ws"], env.dir.path());
        env.git(&["config", "user.name", "Camille Martin"], &env.root());
        env.git(
            &["config", "user.email", "camille@example.org"],
            &env.root(),
        );
        env.glose().args(["init", "."]).assert().success();
        env
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// glose run inside the workspace, with a cleared, fixed environment.
    pub fn glose(&self) -> Command {
        self.glose_in(&self.root())
    }

    pub fn glose_in(&self, dir: &Path) -> Command {
        let mut cmd = Command::cargo_bin("glose").expect("glose binary");
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GLOSE_NOW", "2026-03-02T10:00:00Z")
            .env("GLOSE_SEED", "7");
        cmd
    }

    /// Runs the git program hermetically and returns its standard output.
    pub fn git(&self, args: &[&str], dir: &Path) -> String {
        let output = StdCommand::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    pub fn git_ws(&self, args: &[&str]) -> String {
        self.git(args, &self.root())
    }

    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        path
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).expect("read")
    }

    /// Output of a successful glose run.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.glose().args(args).output().expect("glose runs");
        assert!(
            output.status.success(),
            "glose {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    /// Standard error of a failing glose run, after checking it failed with `code`.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.glose().args(args).output().expect("glose runs");
        assert_eq!(
            output.status.code(),
            Some(code),
            "glose {args:?}: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        String::from_utf8(output.stderr).expect("utf-8")
    }

    /// The example library and article imported into the workspace.
    pub fn with_example(self) -> Env {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bib = manifest.join("library/references.bib");
        let article = manifest.join("library/sources/berdeil-2023.txt");
        self.ok(&["bib", "add", bib.to_str().expect("path")]);
        self.ok(&[
            "add",
            article.to_str().expect("path"),
            "--id",
            "berdeil-2023",
            "--cite",
            "berdeil2023cyberprostitution",
        ]);
        self
    }

    /// The id printed by `glose annotate` ("claim abcd1234 added to ...").
    pub fn annotate(&self, args: &[&str]) -> String {
        let mut all = vec!["annotate", "berdeil-2023"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        out.split_whitespace().nth(1).expect("an id").to_string()
    }

    pub fn commit_count(&self) -> usize {
        self.git_ws(&["rev-list", "--count", "HEAD"])
            .trim()
            .parse()
            .expect("count")
    }
}
