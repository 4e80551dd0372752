//! What a supervisor waits for: `glose log` over 1,000 commits on 100,000 annotations, and a sync
//! of two clones that each added 1,000 annotations.

#[path = "support/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use git2::build::{RepoBuilder, TreeUpdateBuilder};
use git2::{FileMode, Repository, Signature, Time};
use glose::model::{AnnotationId, SourceId};
use glose::ops::{self, Context, LogFilter, RunOptions};
use glose::store::git::{Identity, Repo};
use glose::store::{self, Workspace};
use jiff::Timestamp;

const COMMITS: usize = 1000;
const ADDED: usize = 1000;

fn main() {
    divan::main();
}

fn context(root: &Path, who: &str) -> Context {
    let options = RunOptions {
        author: Identity::parse(who).ok(),
        ..RunOptions::default()
    };
    Context::open(root.to_path_buf(), options).expect("workspace opens")
}

/// 1,000 sources of 100 annotations, committed, then `COMMITS` commits by two people, each editing one annotation.
static HISTORY: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("ws");
    generator::generate(&root, 1000, 100_000, 1000, 1).expect("generated workspace");
    let ws = Workspace { root: root.clone() };
    let author = Identity::parse("Camille Martin <camille@example.org>").expect("identity");
    Repo::init(&root)
        .and_then(|repo| {
            repo.commit_paths(&ws.own_paths(), "generated", &author, Timestamp::UNIX_EPOCH)
        })
        .expect("first commit");
    let repo = Repository::open(&root).expect("open");
    let people = [
        Signature::new(
            "Camille Martin",
            "camille@example.org",
            &Time::new(1_700_000_000, 0),
        ),
        Signature::new(
            "Hélène Dubois",
            "helene@example.org",
            &Time::new(1_700_000_000, 0),
        ),
    ]
    .map(|s| s.expect("signature"));
    let mut parent = repo.head().and_then(|h| h.peel_to_commit()).expect("head");
    for i in 0..COMMITS {
        let source = SourceId::new(&format!("source-{:05}", i % 1000)).expect("id");
        let mut notes = store::load_notes(&ws, &source)
            .expect("notes")
            .expect("notes");
        let edited = &mut notes.annotations[i / 1000];
        edited.body = format!("révision {i}");
        edited.tags.push(format!("r{i}"));
        let blob = repo
            .blob(store::notes_to_string(&notes).as_bytes())
            .expect("blob");
        let path = format!("notes/{source}.toml");
        let tree = TreeUpdateBuilder::new()
            .upsert(path.as_str(), blob, FileMode::Blob)
            .create_updated(&repo, &parent.tree().expect("tree"))
            .and_then(|id| repo.find_tree(id))
            .expect("tree");
        let who = &people[i % 2];
        let id = repo
            .commit(
                Some("HEAD"),
                who,
                who,
                &format!("{source}: note edited"),
                &tree,
                &[&parent],
            )
            .expect("commit");
        parent = repo.find_commit(id).expect("commit");
    }
    (dir, root)
});

#[divan::bench(sample_count = 5)]
fn log_1000_commits_on_100000_annotations(bencher: divan::Bencher) {
    let root = &HISTORY.1;
    bencher.bench_local(|| {
        let cx = context(root, "Camille Martin <camille@example.org>");
        ops::log(&cx, &LogFilter::default())
            .expect("log")
            .commits
            .len()
    });
}

/// A bare remote, and two clones each with `ADDED` new annotations: one already pushed, one not.
static SYNC: LazyLock<(tempfile::TempDir, PathBuf, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let base = dir.path().join("base");
    generator::generate(&base, 10, 1000, 100, 2).expect("generated workspace");
    let ws = Workspace { root: base.clone() };
    let author = Identity::parse("Camille Martin <camille@example.org>").expect("identity");
    Repo::init(&base)
        .and_then(|repo| {
            repo.commit_paths(&ws.own_paths(), "generated", &author, Timestamp::UNIX_EPOCH)
        })
        .expect("first commit");
    let remote = dir.path().join("remote.git");
    RepoBuilder::new()
        .bare(true)
        .clone(&url(&base), &remote)
        .expect("bare remote");
    let [student, supervisor] = ["student", "supervisor"].map(|name| {
        let path = dir.path().join(name);
        Repository::clone(&url(&remote), &path).expect("clone");
        path
    });
    add_annotations(&student, "Camille Martin <camille@example.org>", 3);
    ops::sync(
        &context(&student, "Camille Martin <camille@example.org>"),
        None,
    )
    .expect("push");
    add_annotations(&supervisor, "Hélène Dubois <helene@example.org>", 4);
    (dir, remote, supervisor)
});

fn url(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_string()
}

/// Adds `ADDED` annotations, spread over the sources, and commits them.
fn add_annotations(root: &Path, who: &str, seed: u64) {
    let ws = Workspace {
        root: root.to_path_buf(),
    };
    let rng = &mut fastrand::Rng::with_seed(seed);
    let mut paths = Vec::new();
    for s in 0..10 {
        let source = SourceId::new(&format!("source-{s:05}")).expect("id");
        let mut notes = store::load_notes(&ws, &source)
            .expect("notes")
            .expect("notes");
        let templates = notes.annotations.clone();
        for i in 0..ADDED / 10 {
            let mut added = templates[i % templates.len()].clone();
            added.id = AnnotationId::random(rng);
            added.body = format!("ajout {seed}-{i}");
            added.author = who.to_string();
            notes.annotations.push(added);
        }
        paths.push(store::save_notes(&ws, &notes).expect("save"));
    }
    let identity = Identity::parse(who).expect("identity");
    Repo::open(root)
        .and_then(|repo| repo.commit_paths(&paths, "added", &identity, Timestamp::UNIX_EPOCH))
        .expect("commit");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[divan::bench(sample_count = 5)]
fn sync_two_clones_that_each_added_1000_annotations(bencher: divan::Bencher) {
    let (_, remote, supervisor) = &*SYNC;
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("temporary folder");
            copy_dir(remote, &dir.path().join("remote.git"));
            copy_dir(supervisor, &dir.path().join("supervisor"));
            dir
        })
        .bench_local_values(|dir| {
            let root = dir.path().join("supervisor");
            let cx = context(&root, "Hélène Dubois <helene@example.org>");
            let remote = url(&dir.path().join("remote.git"));
            let report = ops::sync(&cx, Some(&remote)).expect("sync");
            assert!(report.pushed);
            dir
        });
}
