//! Latency of one glose commit (write a notes file, commit it) in a repository with a long history.

use std::path::{Path, PathBuf};

use git2::build::TreeUpdateBuilder;
use git2::{FileMode, Repository, Signature, Time};
use glose::store::git::{Identity, Repo};

const HISTORY: usize = 10_000;
const NOTES: usize = 100;

fn main() {
    divan::main();
}

/// A repository whose `main` has `HISTORY` commits, each changing one of `NOTES` notes files.
fn repository_with_history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    Repo::init(dir.path()).expect("init");
    let repo = Repository::open(dir.path()).expect("open");
    let signature = Signature::new("Bench", "bench@example.org", &Time::new(1_700_000_000, 0))
        .expect("signature");
    let mut tree_id = repo
        .treebuilder(None)
        .and_then(|b| b.write())
        .expect("empty tree");
    let mut parent = None;
    for i in 0..HISTORY {
        let content = format!("note {i}\n").repeat(20);
        let blob = repo.blob(content.as_bytes()).expect("blob");
        let base = repo.find_tree(tree_id).expect("tree");
        let path = format!("notes/source-{}.md", i % NOTES);
        tree_id = TreeUpdateBuilder::new()
            .upsert(path.as_str(), blob, FileMode::Blob)
            .create_updated(&repo, &base)
            .expect("tree update");
        let tree = repo.find_tree(tree_id).expect("tree");
        let parents: Vec<_> = parent.iter().collect();
        let id = repo
            .commit(None, &signature, &signature, "history", &tree, &parents)
            .expect("commit");
        parent = Some(repo.find_commit(id).expect("commit"));
    }
    let head = parent.expect("at least one commit").id();
    repo.reference("refs/heads/main", head, true, "bench history")
        .expect("branch");
    let mut checkout = git2::build::CheckoutBuilder::new();
    repo.checkout_head(Some(checkout.force()))
        .expect("checkout");
    dir
}

fn bench_commit(bencher: divan::Bencher, root: &Path, paths: &[PathBuf]) {
    let repo = Repo::open(root).expect("open");
    let author = Identity::parse("Bench <bench@example.org>").expect("identity");
    let note = root.join("notes/source-0.md");
    let mut round = 0u64;
    bencher.bench_local(|| {
        round += 1;
        std::fs::write(&note, format!("edit {round}\n")).expect("write note");
        let id = repo.commit_paths(paths, "bench: +1 note", &author, jiff::Timestamp::now());
        assert!(id.expect("commit").is_some());
    });
}

#[divan::bench(sample_count = 200, sample_size = 1)]
fn one_notes_file(bencher: divan::Bencher) {
    let dir = repository_with_history();
    bench_commit(bencher, dir.path(), &[PathBuf::from("notes/source-0.md")]);
}

#[divan::bench(sample_count = 200, sample_size = 1)]
fn notes_folder(bencher: divan::Bencher) {
    let dir = repository_with_history();
    bench_commit(bencher, dir.path(), &[PathBuf::from("notes")]);
}
