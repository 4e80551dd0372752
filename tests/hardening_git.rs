//! Unusual repositories: each works or gives a clear message, and none is corrupted.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::Env;

const QUOTE: [&str; 2] = ["--quote", "cyber-paradis"];

fn annotate_in(env: &Env, dir: &Path) -> std::process::Output {
    env.glose_in(dir)
        .args(["annotate", "berdeil-2023"])
        .args(QUOTE)
        .output()
        .unwrap()
}

fn fsck(env: &Env, dir: &Path) {
    env.git(&["fsck", "--no-progress", "--no-dangling"], dir);
}

#[test]
fn a_detached_head_is_refused_before_anything_is_written() {
    let env = Env::workspace().with_example();
    env.git_ws(&["checkout", "-q", "--detach"]);
    let notes = env.read("notes/berdeil-2023.toml");
    let err = env.fails(&["annotate", "berdeil-2023", QUOTE[0], QUOTE[1]], 2);
    assert!(
        err.contains("HEAD is detached") && err.contains("git switch"),
        "{err}"
    );
    assert_eq!(env.read("notes/berdeil-2023.toml"), notes);
    fsck(&env, &env.root());
}

#[test]
fn an_unborn_branch_gets_its_first_commit() {
    let env = Env::workspace().with_example();
    env.git_ws(&["checkout", "-q", "--orphan", "fresh"]);
    let out = annotate_in(&env, &env.root());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.git_ws(&["rev-list", "--count", "fresh"]).trim(), "1");
    fsck(&env, &env.root());
}

#[test]
fn a_shallow_clone_takes_new_commits() {
    let env = Env::workspace().with_example();
    let url = format!("file://{}", env.root().display());
    env.git(
        &["clone", "-q", "--depth", "1", &url, "shallow"],
        env.dir.path(),
    );
    let shallow = env.dir.path().join("shallow");
    env.git(&["config", "user.name", "Camille Martin"], &shallow);
    env.git(&["config", "user.email", "camille@example.org"], &shallow);
    let out = annotate_in(&env, &shallow);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        env.git(&["rev-list", "--count", "HEAD"], &shallow).trim(),
        "2"
    );
    fsck(&env, &shallow);
}

#[test]
fn a_workspace_in_a_submodule_commits_to_the_submodule() {
    let env = Env::workspace().with_example();
    let parent = env.dir.path().join("parent");
    env.git(&["init", "-q", "-b", "main", "parent"], env.dir.path());
    env.git(
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            "../ws",
            "thesis",
        ],
        &parent,
    );
    let thesis = parent.join("thesis");
    env.git(&["config", "user.name", "Camille Martin"], &thesis);
    env.git(&["config", "user.email", "camille@example.org"], &thesis);
    env.git(&["checkout", "-q", "main"], &thesis);
    let before = env.git(&["rev-list", "--count", "HEAD"], &thesis);
    let out = annotate_in(&env, &thesis);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = env.git(&["rev-list", "--count", "HEAD"], &thesis);
    assert_eq!(
        after.trim().parse::<u32>().unwrap(),
        before.trim().parse::<u32>().unwrap() + 1
    );
    assert!(
        parent.join(".git/modules/thesis/glose.lock").exists(),
        "the lock is the submodule's"
    );
    fsck(&env, &thesis);
    fsck(&env, &parent);
}

#[test]
fn a_linked_worktree_commits_to_its_own_branch() {
    let env = Env::workspace().with_example();
    env.git_ws(&["worktree", "add", "-q", "-b", "draft", "../draft"]);
    let draft = env.dir.path().join("draft");
    let main_before = env.git_ws(&["rev-parse", "main"]);
    let out = annotate_in(&env, &draft);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        env.git_ws(&["rev-parse", "main"]),
        main_before,
        "main untouched"
    );
    assert_eq!(env.git(&["status", "--porcelain"], &draft).trim(), "");
    fsck(&env, &env.root());
}

#[test]
fn autocrlf_checkouts_read_and_commit_the_same_notes() {
    let env = Env::workspace().with_example();
    env.git_ws(&["config", "core.autocrlf", "true"]);
    std::fs::remove_file(env.path("notes/berdeil-2023.toml")).unwrap();
    env.git_ws(&["checkout", "--", "notes/berdeil-2023.toml"]);
    assert!(
        env.read("notes/berdeil-2023.toml").contains("\r\n"),
        "checked out with CRLF"
    );
    env.annotate(&["--quote", "cyber-paradis"]);
    let committed = env.git_ws(&["show", "HEAD:notes/berdeil-2023.toml"]);
    assert!(!committed.contains('\r'), "git holds LF line endings");
    env.ok(&["claims"]);
    fsck(&env, &env.root());
}

#[test]
fn a_long_history_does_not_slow_a_commit_into_a_hang() {
    let env = Env::workspace().with_example();
    let mut stream = String::from("reset refs/heads/main\nfrom refs/heads/main^0\n");
    for i in 0..5_000 {
        let data = format!("entry {i}\n");
        stream.push_str(&format!(
            "commit refs/heads/main\ncommitter A <a@example.org> {} +0000\ndata 2\nx\nM 100644 inline other.txt\ndata {}\n{data}\n",
            1_700_000_000 + i,
            data.len()
        ));
    }
    let mut import = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(env.root())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    import
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(import.wait().unwrap().success());
    env.git_ws(&["reset", "-q", "--hard"]);
    let commits = env.commit_count();
    env.annotate(&["--quote", "cyber-paradis"]);
    assert_eq!(env.commit_count(), commits + 1);
    fsck(&env, &env.root());
}

#[test]
fn a_lock_left_on_the_branch_is_named_and_the_note_kept() {
    let env = Env::workspace().with_example();
    std::fs::write(env.path(".git/refs/heads/main.lock"), "").unwrap();
    let err = env.fails(&["annotate", "berdeil-2023", QUOTE[0], QUOTE[1]], 2);
    assert!(
        err.contains("main.lock") && err.contains("remove it if no git command is running"),
        "{err}"
    );
    assert!(err.contains("saved notes/berdeil-2023.toml"), "{err}");
    std::fs::remove_file(env.path(".git/refs/heads/main.lock")).unwrap();
    env.ok(&["edit", "--note", "kept", &last_id(&env)]);
    assert_eq!(env.git_ws(&["status", "--porcelain"]).trim(), "");
}

#[test]
fn a_stale_index_lock_is_named_and_the_note_kept() {
    let env = Env::workspace().with_example();
    let commits = env.commit_count();
    std::fs::write(env.path(".git/index.lock"), "").unwrap();
    let err = env.fails(&["annotate", "berdeil-2023", QUOTE[0], QUOTE[1]], 2);
    assert!(
        err.contains("index.lock") && err.contains("remove it if no git command is running"),
        "{err}"
    );
    assert!(err.contains("saved notes/berdeil-2023.toml"), "{err}");
    assert_eq!(env.commit_count(), commits);
    let id = last_id(&env);
    assert!(
        env.read("notes/berdeil-2023.toml")
            .contains("cyber-paradis")
    );
    std::fs::remove_file(env.path(".git/index.lock")).unwrap();
    env.ok(&["edit", "--note", "kept", &id]);
    assert_eq!(env.commit_count(), commits + 1);
    assert_eq!(env.git_ws(&["status", "--porcelain"]).trim(), "");
    fsck(&env, &env.root());
}

fn last_id(env: &Env) -> String {
    let notes = env.read("notes/berdeil-2023.toml");
    let line = notes
        .lines()
        .rfind(|l| l.starts_with("id = "))
        .expect("an annotation");
    line.trim_start_matches("id = ")
        .trim_matches('"')
        .to_string()
}
