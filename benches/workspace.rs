//! Loading a generated workspace of 1,000 sources, 100,000 annotations and 100,000 references.

#[path = "support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::sync::LazyLock;

use glose::ops::{ClaimFilter, Context, Loaded, RunOptions};
use glose::store::{self, Workspace};

static WORKSPACE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("ws");
    generator::generate(&root, 1000, 100_000, 100_000, 1).expect("generated workspace");
    (dir, root)
});

fn context() -> Context {
    Context::open(WORKSPACE.1.clone(), RunOptions::default()).expect("workspace opens")
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn notes_only() -> usize {
    let ws = Workspace {
        root: WORKSPACE.1.clone(),
    };
    store::load_notes_dir(&ws).len()
}

#[divan::bench(sample_count = 10)]
fn library_and_notes() -> usize {
    let loaded = Loaded::read(&context()).expect("loads");
    loaded.notes.len() + loaded.library().expect("library loads").entries().len()
}

#[divan::bench(sample_count = 10)]
fn claims_with_anchor_check() -> usize {
    glose::ops::claims(&context(), &ClaimFilter::default())
        .expect("claims")
        .len()
}
