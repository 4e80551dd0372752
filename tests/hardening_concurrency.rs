//! Two glose processes on one workspace: one writer at a time, a clear message, no lost write.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Env, STUDENT};
use glose::store::{Workspace, WorkspaceLock, load_notes_dir};

const QUOTES: [&str; 6] = [
    "62% de la prostitution",
    "cyber-paradis",
    "proxénétisme",
    "Internet",
    "France",
    "prostitution",
];

fn glose(env: &Env, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glose"));
    cmd.current_dir(env.root())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.dir.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GLOSE_NOW", "2026-03-02T10:00:00Z")
        .args(["--author", STUDENT])
        .args(args);
    cmd
}

fn annotation_count(env: &Env) -> usize {
    load_notes_dir(&Workspace::new(env.root()))
        .into_iter()
        .map(|(_, notes)| notes.expect("notes parse").annotations.len())
        .sum()
}

#[test]
fn concurrent_writers_take_turns_and_lose_nothing() {
    let env = Env::workspace().with_example();
    let commits = env.commit_count();
    let children: Vec<_> = QUOTES
        .iter()
        .map(|quote| {
            glose(
                &env,
                &[
                    "annotate",
                    "berdeil-2023",
                    "--occurrence",
                    "1",
                    "--quote",
                    quote,
                ],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("glose starts")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("glose ends");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(annotation_count(&env), QUOTES.len(), "every write kept");
    assert_eq!(
        env.commit_count(),
        commits + QUOTES.len(),
        "one commit each"
    );
    assert!(env.git_ws(&["status", "--porcelain"]).trim().is_empty());
}

#[test]
fn a_second_writer_is_told_who_holds_the_workspace_and_writes_nothing() {
    let env = Env::workspace().with_example();
    let notes = env.read("notes/berdeil-2023.toml");
    let held = WorkspaceLock::acquire(&env.path(".git/glose.lock"), Duration::ZERO).unwrap();
    let started = Instant::now();
    let output = glose(
        &env,
        &["annotate", "berdeil-2023", "--quote", "cyber-paradis"],
    )
    .output()
    .unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "it waited first"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let pid = std::process::id().to_string();
    assert!(
        stderr.contains("another glose is writing to this workspace")
            && stderr.contains(&format!("(pid {pid})"))
            && stderr.contains("try again"),
        "{stderr}"
    );
    assert_eq!(env.read("notes/berdeil-2023.toml"), notes);
    let reader = glose(&env, &["claims"]).output().unwrap();
    assert!(reader.status.success(), "readers never wait for the lock");
    drop(held);
    let output = glose(
        &env,
        &["annotate", "berdeil-2023", "--quote", "cyber-paradis"],
    )
    .output()
    .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_killed_writer_does_not_keep_the_workspace_locked() {
    let env = Env::workspace().with_example();
    let lock = env.path(".git/glose.lock");
    std::fs::write(&lock, "999999\n").unwrap();
    let output = glose(
        &env,
        &["annotate", "berdeil-2023", "--quote", "cyber-paradis"],
    )
    .output()
    .unwrap();
    assert!(
        output.status.success(),
        "a lock file nobody holds is free: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn temporaries_left_by_a_killed_run_are_removed_by_the_next_writer() {
    let env = Env::workspace().with_example();
    let stale = [
        "notes/.berdeil-2023.toml.glose-tmp-abc123",
        "library/.references.bib.glose-tmp-def456",
        "library/sources/.x.txt.glose-tmp-0a1b2c",
    ];
    for name in stale {
        std::fs::write(env.path(name), "torn").unwrap();
    }
    env.ok(&["claims"]);
    assert!(env.path(stale[0]).exists(), "readers leave them alone");
    env.ok(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"]);
    for name in stale {
        assert!(!env.path(name).exists(), "{name} left behind");
    }
    let tracked = env.git_ws(&["ls-tree", "-r", "--name-only", "HEAD"]);
    assert!(!tracked.contains("glose-tmp"), "{tracked}");
}
