//! Hostile and broken files: paths that try to leave the workspace, huge or endless inputs, deep
//! nesting, invalid UTF-8, and writes that fail (read-only workspace, full disk): nothing is lost.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{Env, STUDENT};

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn source_ids_cannot_name_a_path_outside_the_workspace() {
    let env = Env::workspace().with_example();
    let article = env.write("article.txt", "Un texte à annoter.\n");
    let before = listing(env.dir.path());
    for id in ["../escape", "/tmp/escape", "a/b", "..", ".hidden", "x\\y"] {
        let err = env.fails(&["add", article.to_str().unwrap(), "--id", id], 2);
        assert!(err.contains("id"), "{id}: {err}");
    }
    assert_eq!(
        listing(env.dir.path()),
        before,
        "nothing written beside the workspace"
    );
    assert_eq!(listing(&env.path("notes")), ["berdeil-2023.toml"]);
}

#[cfg(unix)]
#[test]
fn links_to_outside_the_workspace_are_never_written_through() {
    use std::os::unix::fs::symlink;
    let env = Env::workspace().with_example();
    let outside = env.dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let victim = outside.join("victim.toml");
    let notes = env.path("notes/berdeil-2023.toml");
    fs::copy(&notes, &victim).unwrap();
    fs::remove_file(&notes).unwrap();
    symlink(&victim, &notes).unwrap();
    let before = fs::read(&victim).unwrap();
    let err = env.fails(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"], 2);
    assert!(
        err.contains("outside the workspace") && err.contains("notes/berdeil-2023.toml"),
        "{err}"
    );
    assert_eq!(
        fs::read(&victim).unwrap(),
        before,
        "the file outside is untouched"
    );

    let bib = env.path("library/references.bib");
    let theirs = outside.join("theirs.bib");
    fs::copy(&bib, &theirs).unwrap();
    fs::remove_file(&bib).unwrap();
    symlink(&theirs, &bib).unwrap();
    let new = env.write("new.bib", "@misc{newkey, title={New}}\n");
    let err = env.fails(&["bib", "add", new.to_str().unwrap()], 2);
    assert!(err.contains("outside the workspace"), "{err}");
    assert!(!fs::read_to_string(&theirs).unwrap().contains("newkey"));

    fs::remove_dir_all(env.path("library/sources")).unwrap();
    symlink(&outside, env.path("library/sources")).unwrap();
    let article = env.write("article.txt", "Un texte.\n");
    env.fails(&["add", article.to_str().unwrap(), "--id", "art"], 2);
    assert_eq!(listing(&outside), ["theirs.bib", "victim.toml"]);
}

#[test]
fn huge_and_endless_sources_are_refused_with_the_limit() {
    let env = Env::workspace().with_example();
    let huge = env.dir.path().join("huge.txt");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap();
    let err = env.fails(&["add", huge.to_str().unwrap(), "--id", "huge"], 2);
    assert!(err.contains("larger than 50 MB"), "{err}");
    if Path::new("/dev/zero").exists() {
        let err = env.fails(&["add", "/dev/zero", "--id", "zero"], 2);
        assert!(err.contains("larger than 50 MB"), "{err}");
        let err = env.fails(&["bib", "add", "/dev/zero"], 2);
        assert!(err.contains("larger than 50 MB"), "{err}");
    }
    assert_eq!(listing(&env.path("library/sources")), ["berdeil-2023.txt"]);
}

#[test]
fn ten_thousand_nested_braces_load_with_a_located_error() {
    let env = Env::workspace().with_example();
    let deep = format!(
        "@misc{{deep, title = {}x{}}}\n@misc{{fine, title = {{Fine}}}}\n",
        "{".repeat(10_000),
        "}".repeat(10_000)
    );
    let bib = env.write("deep.bib", &deep);
    let out = env.ok(&["bib", "add", bib.to_str().unwrap()]);
    assert!(out.contains("fine"), "{out}");
    let open = env.write(
        "open.bib",
        &format!("@misc{{open, title = {}\n", "{".repeat(10_000)),
    );
    let output = env
        .glose()
        .args(["bib", "add", open.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.code().is_some(), "no crash");
    env.ok(&["refs"]);
}

#[test]
fn invalid_utf8_in_notes_and_bib_is_named_and_nothing_is_written() {
    let env = Env::workspace().with_example();
    let notes = env.path("notes/berdeil-2023.toml");
    let mut bytes = fs::read(&notes).unwrap();
    bytes.extend_from_slice(b"\n# \xff\xfe broken\n");
    fs::write(&notes, &bytes).unwrap();
    let err = env.fails(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"], 2);
    assert!(
        err.contains("berdeil-2023.toml") && err.contains("UTF-8"),
        "{err}"
    );
    assert_eq!(fs::read(&notes).unwrap(), bytes, "left as it was");
    let check = env.glose().args(["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("broken-notes"));

    let bib = env.path("library/references.bib");
    let mut text = fs::read(&bib).unwrap();
    text.extend_from_slice(b"\n@misc{latin, title={caf\xe9}}\n");
    fs::write(&bib, &text).unwrap();
    let err = env.fails(&["refs"], 2);
    assert!(
        err.contains("references.bib") && err.contains("UTF-8"),
        "{err}"
    );
    assert_eq!(fs::read(&bib).unwrap(), text);
}

/// glose run with writes capped at 1 KiB (RLIMIT_FSIZE, SIGXFSZ ignored): every larger write fails
/// as on a full disk, whoever runs the test (root ignores permissions but not this limit).
#[cfg(unix)]
fn glose_with_a_full_disk(env: &Env, args: &[&str]) -> std::process::Output {
    let script = "ulimit -f 2; trap '' XFSZ; exec \"$0\" \"$@\"";
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_glose"))
        .args(["--author", STUDENT])
        .args(args)
        .current_dir(env.root())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", env.dir.path())
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_full_disk_keeps_the_old_notes_and_says_what_happened() {
    let env = Env::workspace().with_example();
    env.annotate(&[
        "--quote",
        "cyber-paradis",
        "--note",
        &"long note ".repeat(200),
    ]);
    let notes = env.path("notes/berdeil-2023.toml");
    let before = fs::read(&notes).unwrap();
    let commits = env.commit_count();
    let output = glose_with_a_full_disk(
        &env,
        &[
            "annotate",
            "berdeil-2023",
            "--quote",
            "proxénétisme",
            "--occurrence",
            "1",
        ],
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("could not write") && err.contains("File too large"),
        "{err}"
    );
    assert_eq!(
        fs::read(&notes).unwrap(),
        before,
        "the old file stays intact"
    );
    assert_eq!(env.commit_count(), commits);
    assert_eq!(
        listing(&env.path("notes")),
        ["berdeil-2023.toml"],
        "no temporary left"
    );
    env.ok(&[
        "annotate",
        "berdeil-2023",
        "--quote",
        "proxénétisme",
        "--occurrence",
        "1",
    ]);
}

#[cfg(unix)]
#[test]
fn a_read_only_workspace_keeps_its_files_and_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::workspace().with_example();
    let notes_dir = env.path("notes");
    let before = fs::read(notes_dir.join("berdeil-2023.toml")).unwrap();
    fs::set_permissions(&notes_dir, fs::Permissions::from_mode(0o555)).unwrap();
    let writable_anyway = fs::write(notes_dir.join("probe"), b"").is_ok();
    let output = if writable_anyway {
        fs::remove_file(notes_dir.join("probe")).unwrap();
        eprintln!(
            "running as root: folder permissions are ignored, a write limit stands in for them"
        );
        glose_with_a_full_disk(
            &env,
            &[
                "annotate",
                "berdeil-2023",
                "--quote",
                "cyber-paradis",
                "--note",
                &"x".repeat(4000),
            ],
        )
    } else {
        env.glose()
            .args(["annotate", "berdeil-2023", "--quote", "cyber-paradis"])
            .output()
            .unwrap()
    };
    fs::set_permissions(&notes_dir, fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("notes") && err.contains("could not"), "{err}");
    assert_eq!(
        fs::read(notes_dir.join("berdeil-2023.toml")).unwrap(),
        before
    );
    assert_eq!(listing(&notes_dir), ["berdeil-2023.toml"]);
}
