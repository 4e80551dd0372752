//! Loading a generated workspace of 1,000 sources, 100,000 annotations and 100,000 references.

#[path = "support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::sync::LazyLock;

use glose::ops::{AnnotateRequest, ClaimFilter, Context, Loaded, RunOptions};
use glose::store::git::{Identity, Repo};
use glose::store::{self, Workspace};
use jiff::Timestamp;

static WORKSPACE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("ws");
    generator::generate(&root, 1000, 100_000, 100_000, 1).expect("generated workspace");
    let repo = Repo::init(&root).expect("repository");
    let ws = Workspace { root: root.clone() };
    let author = Identity::parse("Bench <bench@example.org>").expect("identity");
    repo.commit_paths(&ws.own_paths(), "generated", &author, Timestamp::UNIX_EPOCH)
        .expect("commit");
    (dir, root)
});

fn context() -> Context {
    let author = Identity::parse("Bench <bench@example.org>").ok();
    Context::open(
        WORKSPACE.1.clone(),
        RunOptions {
            author,
            ..RunOptions::default()
        },
    )
    .expect("workspace opens")
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

/// One `glose annotate` (a highlight, no citation) saved and committed, in the large workspace.
#[divan::bench(sample_count = 20)]
fn annotate_and_commit(bencher: divan::Bencher) {
    let mut cx = context();
    let text = std::fs::read_to_string(WORKSPACE.1.join("library/sources/source-00000.txt"))
        .expect("source text");
    let quote: String = text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    bencher.bench_local(|| {
        let request = AnnotateRequest {
            source: "source-00000".to_string(),
            quote: quote.clone(),
            occurrence: Some(1),
            ..AnnotateRequest::default()
        };
        glose::ops::annotate(&mut cx, request).expect("annotated")
    });
}
