//! Loading a generated workspace of 1,000 sources, 100,000 annotations and 100,000 references,
//! and annotating in it once its repository has 10,000 commits.

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
    deepen_history(&root, HISTORY);
    (dir, root)
});

const HISTORY: usize = 10_000;

/// Gives HEAD `commits` commits in all, each on the tree of the first.
fn deepen_history(root: &std::path::Path, commits: usize) {
    let repo = git2::Repository::open(root).expect("repository");
    let signature = git2::Signature::new(
        "Bench",
        "bench@example.org",
        &git2::Time::new(1_700_000_000, 0),
    )
    .expect("signature");
    let mut head = repo.head().and_then(|h| h.peel_to_commit()).expect("HEAD");
    let tree = head.tree().expect("tree");
    for _ in 1..commits {
        let id = repo
            .commit(
                Some("HEAD"),
                &signature,
                &signature,
                "history",
                &tree,
                &[&head],
            )
            .expect("commit");
        head = repo.find_commit(id).expect("commit");
    }
}

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
