//! The terminal UI on a generated workspace of 1,000 sources, 100,000 annotations and 100,000 references:
//! opening a session (the first frame's data) and drawing the reader at 120×40.

#[path = "support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::sync::LazyLock;

use glose::ops::{Context, RunOptions};
use glose::tui::Session;
use glose::tui::action::{Action, Command};

static WORKSPACE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("ws");
    generator::generate(&root, 1000, 100_000, 100_000, 1).expect("generated workspace");
    (dir, root)
});

fn session() -> Session {
    let cx = Context::open(WORKSPACE.1.clone(), RunOptions::default()).expect("workspace opens");
    Session::open(cx, true, false).expect("session opens")
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn open_session() -> Session {
    session()
}

#[divan::bench(sample_count = 50)]
fn render_reader_120x40(bencher: divan::Bencher) {
    let mut session = session();
    session.render(120, 40);
    bencher.bench_local(|| session.render(120, 40));
}

#[divan::bench(sample_count = 50)]
fn next_sentence_and_render(bencher: divan::Bencher) {
    let mut session = session();
    session.render(120, 40);
    bencher.bench_local(|| {
        session.dispatch(Action::Command(Command::SentenceNext));
        session.render(120, 40)
    });
}
