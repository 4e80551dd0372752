use std::path::PathBuf;

use super::GitError;
use super::test_repo::{TestRepo, commit, try_commit};

#[test]
fn first_commit_on_an_unborn_branch() {
    let t = TestRepo::new();
    t.write("notes/berdeil.md", "claim\n");
    let repo = t.repo();
    assert_eq!(repo.branch().as_deref(), Some("main"));
    let id = commit(&repo, &["notes"], "berdeil: +1 claim").unwrap();
    assert_eq!(t.git(&["rev-parse", "HEAD"]).trim(), id);
    assert_eq!(t.head_files(), ["notes/berdeil.md"]);
    assert_eq!(t.git(&["rev-list", "--count", "HEAD"]).trim(), "1");
    assert_eq!(
        repo.log_messages(5).unwrap(),
        [(TestRepo::NAME.to_owned(), "berdeil: +1 claim".to_owned())]
    );
    let reflog = t.git(&["reflog", "-1", "--format=%gs"]);
    assert!(reflog.contains("berdeil: +1 claim"), "{reflog}");
    assert_eq!(t.status(), "");
    t.git(&["fsck", "--strict"]);
}

#[test]
fn second_commit_has_the_first_as_parent() {
    let t = TestRepo::new();
    let repo = t.repo();
    t.write("notes/a.md", "one\n");
    let first = commit(&repo, &["notes/a.md"], "first").unwrap();
    t.write("notes/a.md", "two\n");
    let second = commit(&repo, &["notes/a.md"], "second").unwrap();
    assert_eq!(t.git(&["rev-parse", "HEAD^"]).trim(), first);
    assert_eq!(t.git(&["rev-parse", "HEAD"]).trim(), second);
    assert_eq!(t.git(&["show", "HEAD:notes/a.md"]), "two\n");
    let author = t.git(&["log", "-1", "--format=%an <%ae> %at %cn <%ce>"]);
    assert_eq!(
        author.trim(),
        "Test Student <student@example.org> 1700000000 Test Student <student@example.org>"
    );
    assert_eq!(t.status(), "");
    t.git(&["fsck", "--strict"]);
}

#[test]
fn the_users_staged_and_unstaged_work_stays_out_of_the_commit() {
    let t = TestRepo::new();
    t.user_commit("thesis.tex", "draft\n");
    t.write("thesis.tex", "draft, edited\n");
    t.write("staged.txt", "staged\n");
    t.git(&["add", "staged.txt"]);
    let before = t.status();
    assert_eq!(before, "A  staged.txt\n M thesis.tex\n");

    t.write("notes/a.md", "note\n");
    t.write("glose.toml", "style = \"apa\"\n");
    commit(&t.repo(), &["notes", "glose.toml"], "glose").unwrap();

    assert_eq!(t.head_files(), ["glose.toml", "notes/a.md", "thesis.tex"]);
    assert_eq!(t.git(&["show", "HEAD:thesis.tex"]), "draft\n");
    assert_eq!(t.status(), before);
    assert_eq!(t.git(&["diff", "--cached", "--name-only"]), "staged.txt\n");
    t.git(&["fsck", "--strict"]);
}

#[test]
fn a_deleted_notes_file_leaves_the_tree() {
    let t = TestRepo::new();
    let repo = t.repo();
    t.write("notes/a.md", "a\n");
    t.write("notes/sub/b.md", "b\n");
    commit(&repo, &["notes"], "two notes").unwrap();
    std::fs::remove_file(t.dir().join("notes/sub/b.md")).unwrap();
    assert_eq!(
        repo.pending_paths(&[PathBuf::from("notes")]).unwrap(),
        [PathBuf::from("notes/sub/b.md")]
    );
    commit(&repo, &["notes"], "one note").unwrap();
    assert_eq!(t.head_files(), ["notes/a.md"]);
    std::fs::remove_file(t.dir().join("notes/a.md")).unwrap();
    commit(&repo, &["notes/a.md"], "no note").unwrap();
    assert!(t.head_files().is_empty());
    assert_eq!(t.status(), "");
    t.git(&["fsck", "--strict"]);
}

#[test]
fn nothing_changed_makes_no_commit() {
    let t = TestRepo::new();
    let repo = t.repo();
    assert_eq!(commit(&repo, &["notes"], "empty"), None);
    t.write("notes/a.md", "a\n");
    commit(&repo, &["notes"], "a").unwrap();
    assert_eq!(commit(&repo, &["notes"], "again"), None);
    assert_eq!(t.git(&["rev-list", "--count", "HEAD"]).trim(), "1");
}

#[test]
fn pending_paths_lists_what_differs_from_head() {
    let t = TestRepo::new();
    let repo = t.repo();
    let scope = [PathBuf::from("notes"), PathBuf::from("glose.toml")];
    t.write("notes/a.md", "a\n");
    t.write("glose.toml", "x\n");
    t.write("elsewhere.txt", "not glose's\n");
    let both = [PathBuf::from("glose.toml"), PathBuf::from("notes/a.md")];
    assert_eq!(repo.pending_paths(&scope).unwrap(), both);
    commit(&repo, &["notes", "glose.toml"], "all").unwrap();
    assert!(repo.pending_paths(&scope).unwrap().is_empty());
    t.write("notes/a.md", "changed\n");
    assert_eq!(
        repo.pending_paths(&scope).unwrap(),
        [PathBuf::from("notes/a.md")]
    );
}

fn pending(repo: &super::Repo, scope: &[&str]) -> Vec<String> {
    let scope: Vec<PathBuf> = scope.iter().map(PathBuf::from).collect();
    let found = repo.pending_paths(&scope).unwrap();
    found.iter().map(|p| p.display().to_string()).collect()
}

#[test]
fn pending_paths_finds_new_changed_and_deleted_files_and_only_those() {
    let t = TestRepo::new();
    let repo = t.repo();
    t.user_commit(".gitignore", "*.swp\n");
    for name in ["a", "b", "c", "sub/d"] {
        t.write(&format!("notes/{name}.md"), &format!("{name}\n"));
    }
    t.write("library/references.bib", "@book{k, title = {T}}\n");
    commit(&repo, &["notes", "library"], "all").unwrap();
    let scope = ["notes", "library", "glose.toml"];
    assert!(pending(&repo, &scope).is_empty());

    t.write("notes/a.md", "a, changed\n");
    std::fs::remove_file(t.dir().join("notes/sub/d.md")).unwrap();
    t.write("notes/new/deep/e.md", "e\n");
    t.write("notes/.b.md.swp", "editor junk\n");
    t.write("notes-old/f.md", "beside the folder, not in it\n");
    t.write("library/sources/g.txt", "g\n");
    t.write("notes/c.md", "c\n");
    assert_eq!(
        pending(&repo, &scope),
        [
            "library/sources/g.txt",
            "notes/a.md",
            "notes/new/deep/e.md",
            "notes/sub/d.md"
        ],
        "c.md was written again with the same bytes"
    );
    commit(&repo, &["notes", "library"], "again").unwrap();
    assert!(pending(&repo, &scope).is_empty());
}

#[test]
fn pending_paths_compares_with_head_not_with_what_the_user_staged() {
    let t = TestRepo::new();
    let repo = t.repo();
    t.write("notes/a.md", "a\n");
    t.write("notes/b.md", "b\n");
    commit(&repo, &["notes"], "two notes").unwrap();
    t.write("notes/a.md", "a, staged\n");
    t.write("notes/b.md", "b, staged\n");
    t.git(&["add", "notes"]);
    t.write("notes/a.md", "a\n");
    assert_eq!(pending(&repo, &["notes"]), ["notes/b.md"]);
    t.git(&["rm", "-q", "-f", "--cached", "notes/a.md"]);
    assert_eq!(pending(&repo, &["notes"]), ["notes/b.md"]);
}

#[test]
fn a_file_glose_names_is_pending_even_when_ignored() {
    let t = TestRepo::new();
    let repo = t.repo();
    t.user_commit(".gitignore", "glose.toml\n");
    t.write("glose.toml", "style = \"apa\"\n");
    assert_eq!(pending(&repo, &["notes", "glose.toml"]), ["glose.toml"]);
    commit(&repo, &["glose.toml"], "settings").unwrap();
    assert!(pending(&repo, &["notes", "glose.toml"]).is_empty());
    std::fs::remove_file(t.dir().join("glose.toml")).unwrap();
    assert_eq!(pending(&repo, &["notes", "glose.toml"]), ["glose.toml"]);
}

#[test]
fn ignored_files_under_a_folder_stay_out() {
    let t = TestRepo::new();
    t.user_commit(".gitignore", "*.swp\n");
    t.write("notes/a.md", "a\n");
    t.write("notes/.a.md.swp", "editor junk\n");
    commit(&t.repo(), &["notes"], "notes").unwrap();
    assert_eq!(t.head_files(), [".gitignore", "notes/a.md"]);
}

#[test]
fn a_workspace_in_a_subfolder_commits_under_that_folder() {
    let t = TestRepo::new();
    t.user_commit("README.md", "thesis\n");
    t.write("thesis/ws/notes/a.md", "a\n");
    t.write(
        "notes/a.md",
        "the repository's own notes, not the workspace's\n",
    );
    let repo = super::Repo::open(&t.dir().join("thesis/ws")).unwrap();
    commit(&repo, &["notes"], "ws notes").unwrap();
    assert_eq!(t.head_files(), ["README.md", "thesis/ws/notes/a.md"]);
    assert_eq!(t.status(), "?? notes/\n");
    t.write("thesis/ws/notes/a.md", "b\n");
    assert_eq!(
        repo.pending_paths(&[PathBuf::from("notes")]).unwrap(),
        [PathBuf::from("notes/a.md")]
    );
}

#[test]
fn paths_outside_the_workspace_are_refused() {
    let t = TestRepo::new();
    t.write("ws/notes/a.md", "a\n");
    t.write("secret.txt", "s\n");
    let repo = super::Repo::open(&t.dir().join("ws")).unwrap();
    let err = try_commit(&repo, &["../secret.txt"], "m");
    assert!(matches!(err, Err(GitError::PathOutsideWorkspace { .. })));
    assert_eq!(t.git(&["rev-list", "--all", "--count"]).trim(), "0");
}

#[test]
fn a_merge_in_progress_is_refused() {
    let t = TestRepo::new();
    t.user_commit("a.txt", "a\n");
    let head = t.git(&["rev-parse", "HEAD"]);
    std::fs::write(t.dir().join(".git/MERGE_HEAD"), head).unwrap();
    t.write("notes/a.md", "a\n");
    let err = try_commit(&t.repo(), &["notes"], "m").unwrap_err();
    assert!(matches!(err, GitError::OperationInProgress { .. }));
    assert!(err.to_string().contains("git merge --abort"), "{err}");
    assert_eq!(t.head_files(), ["a.txt"]);
}

#[test]
fn a_detached_head_is_refused() {
    let t = TestRepo::new();
    t.user_commit("a.txt", "a\n");
    t.git(&["checkout", "-q", "--detach"]);
    let repo = t.repo();
    assert_eq!(repo.branch(), None);
    let err = repo.check_ready().unwrap_err();
    assert_eq!(
        err.to_string(),
        "HEAD is detached: switch to a branch first (git switch main)"
    );
}

#[test]
fn a_stale_index_lock_is_reported() {
    let t = TestRepo::new();
    t.write("notes/a.md", "a\n");
    std::fs::write(t.dir().join(".git/index.lock"), "").unwrap();
    let err = try_commit(&t.repo(), &["notes"], "m").unwrap_err();
    assert!(matches!(err, GitError::IndexLocked { .. }));
    assert!(
        err.to_string()
            .contains("index.lock: remove it if no git command is running"),
        "{err}"
    );
}

#[test]
fn open_outside_any_repository_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let err = super::Repo::open(dir.path()).err().unwrap();
    assert!(matches!(err, GitError::NotARepository { .. }));
    assert!(err.to_string().contains("git init"), "{err}");
    let (repo, created) = super::Repo::open_or_init(dir.path()).unwrap();
    assert!(created);
    assert_eq!(repo.branch().as_deref(), Some("main"));
    assert!(!super::Repo::open_or_init(dir.path()).unwrap().1);
}
