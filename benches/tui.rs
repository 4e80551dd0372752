//! The terminal UI on a generated workspace of 1,000 sources, 100,000 annotations and 100,000 references
//! (a git repository with everything committed): the time to the first frame, to everything read, and
//! the time from a key to its frame at 120×40 while typing in the citation picker and scrolling the
//! reader. The key latencies are printed as median and 99th percentile before divan's table; for the
//! picker, also the time from a key to the frame that shows the matches of the query typed (they
//! are matched on another thread).

#[path = "support/generator.rs"]
mod generator;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use glose::model::Kind;
use glose::ops::{Context, RunOptions};
use glose::tui::Session;

const SIZE: (u16, u16) = (120, 40);

static WORKSPACE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("ws");
    generator::generate(&root, 1000, 100_000, 100_000, 1).expect("generated workspace");
    commit_all(&root);
    (dir, root)
});

/// Commits the generated files with the git program, so that the TUI's `git status` sees a clean tree.
fn commit_all(root: &Path) {
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args([
                "-c",
                "user.name=Bench",
                "-c",
                "user.email=bench@example.org",
            ])
            .args(args)
            .current_dir(root)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .status();
        assert!(status.is_ok_and(|s| s.success()), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "generated"]);
}

fn session() -> Session {
    let cx = Context::open(WORKSPACE.1.clone(), RunOptions::default()).expect("workspace opens");
    Session::open(cx, true, false).expect("session opens")
}

fn loaded() -> Session {
    let mut session = session();
    session.wait_loaded();
    session.render(SIZE.0, SIZE.1);
    session
}

/// The time from each key of `keys` to its frame drawn.
fn latencies(session: &mut Session, keys: &[String]) -> Vec<Duration> {
    keys.iter()
        .map(|key| {
            let start = Instant::now();
            session.keys(key).expect("key");
            session.render(SIZE.0, SIZE.1);
            start.elapsed()
        })
        .collect()
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name}: {} keys, median {:.2?}, p99 {:.2?}, slowest {:.2?}",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

/// The time from each key of `keys` to the frame that shows all it asked for.
fn settled(session: &mut Session, keys: &[String]) -> Vec<Duration> {
    keys.iter()
        .map(|key| {
            let start = Instant::now();
            session.keys(key).expect("key");
            session.wait_loaded();
            session.render(SIZE.0, SIZE.1);
            start.elapsed()
        })
        .collect()
}

/// Opens the picker on the first claim, then types queries and erases them, key by key.
fn picker_keys(measure: fn(&mut Session, &[String]) -> Vec<Duration>) -> Vec<Duration> {
    let mut session = loaded();
    let doc = session.app.doc().expect("a source");
    let claim = doc.annotations.iter().position(|a| a.kind == Kind::Claim);
    let steps = "]".repeat(claim.expect("a claim") + 1);
    session.keys(&steps).expect("keys");
    session.keys("@").expect("picker");
    let mut keys = Vec::new();
    for query in [
        "dupont droit 2010",
        "muller revue",
        "ref4217",
        "cybercriminalite",
    ] {
        keys.extend(query.chars().map(|c| c.to_string()));
        keys.extend(query.chars().map(|_| "<backspace>".to_string()));
    }
    measure(&mut session, &keys)
}

/// Scrolls the reader down and up again: rows with j and k, screens with PageDown and PageUp.
fn scroll_keys() -> Vec<Duration> {
    let mut session = loaded();
    let mut keys = Vec::new();
    for _ in 0..3 {
        for _ in 0..20 {
            keys.extend(["j", "j", "<pagedown>"].map(String::from));
        }
        for _ in 0..20 {
            keys.extend(["k", "k", "<pageup>"].map(String::from));
        }
    }
    latencies(&mut session, &keys)
}

fn main() {
    report("picker typing", picker_keys(latencies));
    report("picker matches shown", picker_keys(settled));
    report("reader scrolling", scroll_keys());
    divan::main();
}

/// Opening a session and drawing its first frame; the reads it leaves running are awaited between samples.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn first_frame(bencher: divan::Bencher) {
    let running: RefCell<Vec<Session>> = RefCell::new(Vec::new());
    bencher
        .with_inputs(|| {
            for mut session in running.borrow_mut().drain(..) {
                session.wait_loaded();
            }
        })
        .bench_local_values(|()| {
            let mut session = session();
            session.render(SIZE.0, SIZE.1);
            running.borrow_mut().push(session);
        });
}

/// Opening a session and waiting until every source and the library have arrived.
#[divan::bench(sample_count = 3)]
fn everything_read() -> Session {
    let mut session = session();
    session.wait_loaded();
    session
}

#[divan::bench(sample_count = 50)]
fn render_reader_120x40(bencher: divan::Bencher) {
    let mut session = loaded();
    bencher.bench_local(|| session.render(SIZE.0, SIZE.1));
}

/// The status bar's count of glose's files not yet committed, in the committed workspace.
#[divan::bench(sample_count = 20)]
fn uncommitted_count() -> usize {
    let cx = Context::open(WORKSPACE.1.clone(), RunOptions::default()).expect("workspace opens");
    glose::ops::pending_changes(&cx).expect("pending").len()
}
