mod common;

use common::Env;

#[test]
fn outside_a_workspace_says_how_to_make_one() {
    let env = Env::new();
    let err = env
        .glose_in(env.dir.path())
        .args(["claims"])
        .output()
        .expect("runs");
    assert_eq!(err.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&err.stderr).contains("glose init"));
}

#[test]
fn unknown_cite_key_suggests_the_closest_and_writes_nothing() {
    let env = Env::workspace().with_example();
    let before = env.read("notes/berdeil-2023.toml");
    let err = env.fails(
        &[
            "annotate",
            "berdeil-2023",
            "--quote",
            "cyber-paradis",
            "--cite",
            "budapest2010",
        ],
        2,
    );
    assert!(
        err.contains("unknown cite key `budapest2010`") && err.contains("budapest2001"),
        "{err}"
    );
    assert_eq!(env.read("notes/berdeil-2023.toml"), before);
}

#[test]
fn a_quote_not_found_shows_the_nearest_passage() {
    let env = Env::workspace().with_example();
    let err = env.fails(
        &[
            "annotate",
            "berdeil-2023",
            "--quote",
            "62% de la prostitutoin passe en France",
        ],
        2,
    );
    assert!(
        err.contains("not found") && err.contains("62% de la prostitution"),
        "{err}"
    );
}

#[test]
fn a_quote_found_several_times_lists_them_and_occurrence_picks_one() {
    let env = Env::workspace().with_example();
    let err = env.fails(&["annotate", "berdeil-2023", "--quote", "proxénétisme"], 2);
    assert!(
        err.contains("--occurrence") && err.contains("  2. line"),
        "{err}"
    );
    env.ok(&[
        "annotate",
        "berdeil-2023",
        "--quote",
        "proxénétisme",
        "--occurrence",
        "2",
    ]);
    let err = env.fails(
        &[
            "annotate",
            "berdeil-2023",
            "--quote",
            "proxénétisme",
            "--occurrence",
            "99",
        ],
        2,
    );
    assert!(err.contains("out of range"), "{err}");
}

#[test]
fn unknown_source_and_annotation_ids_are_explained() {
    let env = Env::workspace().with_example();
    let err = env.fails(&["annotate", "berdeil-2032", "--quote", "x"], 2);
    assert!(
        err.contains("no source `berdeil-2032`") && err.contains("berdeil-2023"),
        "{err}"
    );
    let err = env.fails(&["rm", "zzzzzzzz"], 2);
    assert!(err.contains("glose claims"), "{err}");
}

#[test]
fn no_git_identity_is_a_clear_message_and_nothing_is_written() {
    let env = Env::workspace().with_example();
    env.git_ws(&["config", "--unset", "user.name"]);
    env.git_ws(&["config", "--unset", "user.email"]);
    let before = env.read("notes/berdeil-2023.toml");
    let err = env.fails(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"], 2);
    assert!(
        err.contains("git config") && err.contains("--author"),
        "{err}"
    );
    assert_eq!(env.read("notes/berdeil-2023.toml"), before);
    env.ok(&[
        "--author",
        "Jo Doe <jo@example.org>",
        "annotate",
        "berdeil-2023",
        "--quote",
        "cyber-paradis",
    ]);
    assert_eq!(
        env.git_ws(&["log", "-1", "--format=%an <%ae>"]).trim(),
        "Jo Doe <jo@example.org>"
    );
}

#[test]
fn a_merge_in_progress_is_refused() {
    let env = Env::workspace().with_example();
    let head = env.git_ws(&["rev-parse", "HEAD"]);
    std::fs::write(env.path(".git/MERGE_HEAD"), head).expect("write");
    let err = env.fails(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"], 2);
    assert!(err.to_lowercase().contains("merge"), "{err}");
}

#[test]
fn the_users_staged_and_unstaged_work_is_left_alone() {
    let env = Env::workspace().with_example();
    std::fs::write(env.path("thesis.md"), "chapitre 1\n").expect("write");
    std::fs::write(env.path("plan.md"), "plan\n").expect("write");
    env.git_ws(&["add", "thesis.md", "plan.md"]);
    env.git_ws(&["commit", "-q", "-m", "user work", "--", "plan.md"]);
    std::fs::write(env.path("plan.md"), "plan v2\n").expect("write");
    let status_before = env.git_ws(&["status", "--porcelain"]);
    env.ok(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"]);
    assert_eq!(env.git_ws(&["status", "--porcelain"]), status_before);
    let files = env.git_ws(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "notes/berdeil-2023.toml");
    env.git(&["fsck", "--strict"], &env.root());
}

#[test]
fn a_broken_notes_file_is_reported_with_its_line_and_never_overwritten() {
    let env = Env::workspace().with_example();
    let mut broken = env.read("notes/berdeil-2023.toml");
    broken.push_str("\n[[annotation]\nid = \n");
    std::fs::write(env.path("notes/berdeil-2023.toml"), &broken).expect("write");
    let err = env.fails(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"], 2);
    assert!(err.contains("berdeil-2023"), "{err}");
    assert_eq!(env.read("notes/berdeil-2023.toml"), broken);
    let out = env.glose().args(["check"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("notes/berdeil-2023.toml:") && stdout.contains("broken-notes"),
        "{stdout}"
    );
}

#[test]
fn a_broken_bib_entry_is_located_and_the_others_still_load() {
    let env = Env::workspace().with_example();
    let mut bib = env.read("library/references.bib");
    bib.push_str("\n@article{broken,\n  title = {Unclosed\n\n@book{after, title = {Still here}}\n");
    std::fs::write(env.path("library/references.bib"), bib).expect("write");
    assert!(env.ok(&["refs", "after"]).contains("after"));
    let out = env.glose().args(["check"]).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("library/references.bib:"), "{stdout}");
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}

#[test]
fn sources_in_latin1_are_converted_and_binary_files_refused() {
    let env = Env::workspace().with_example();
    let latin1 = env.dir.path().join("ancien.txt");
    std::fs::write(&latin1, b"Le proc\xe8s \xe9tait fix\xe9 \xe0 l'audience.\n").expect("write");
    let out = env.ok(&["add", latin1.to_str().expect("path")]);
    assert!(
        out.contains("1252") || out.to_lowercase().contains("latin"),
        "{out}"
    );
    assert_eq!(
        env.read("library/sources/ancien.txt"),
        "Le procès était fixé à l'audience.\n"
    );

    let binary = env.dir.path().join("image.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2]).expect("write");
    env.fails(&["add", binary.to_str().expect("path")], 2);
    let html = env.write("page.html", "<p>x</p>");
    let err = env.fails(&["add", html.to_str().expect("path")], 2);
    assert!(err.contains(".txt"), "{err}");
}

#[test]
fn source_ids_cannot_escape_the_workspace() {
    let env = Env::workspace().with_example();
    let file = env.write("a.txt", "texte\n");
    let err = env.fails(
        &["add", file.to_str().expect("path"), "--id", "../../evil"],
        2,
    );
    assert!(err.contains("not a valid source id"), "{err}");
    assert!(!env.dir.path().join("evil.txt").exists());
}
