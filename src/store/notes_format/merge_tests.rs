//! Two people annotating different passages of one source: git merges their notes files cleanly.

use std::fs;
use std::process::Command;

use super::tests::{annotation, source};
use super::*;
use crate::model::{Citation, Relation};

/// Runs `git merge-file` on three versions; `None` when git is not installed (outside CI).
fn merge(base: &NotesFile, ours: &NotesFile, theirs: &NotesFile) -> Option<(i32, String)> {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, notes: &NotesFile| {
        let path = dir.path().join(name);
        fs::write(&path, notes_to_string(notes)).unwrap();
        path
    };
    let (o, b, t) = (
        write("ours", ours),
        write("base", base),
        write("theirs", theirs),
    );
    let output = Command::new("git")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["merge-file", "-p"])
        .args([&o, &b, &t].map(|p| p.as_os_str()))
        .current_dir(dir.path())
        .output();
    match output {
        Ok(out) => Some((
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
        )),
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "git is needed in CI: {e}");
            eprintln!("skipped: git is not installed ({e})");
            None
        }
    }
}

fn notes(annotations: Vec<Annotation>) -> NotesFile {
    NotesFile {
        source: source(),
        annotations,
    }
}

fn assert_clean_merge(
    base: &NotesFile,
    ours: &NotesFile,
    theirs: &NotesFile,
    expected: &NotesFile,
) {
    let Some((conflicts, merged)) = merge(base, ours, theirs) else {
        return;
    };
    assert_eq!(conflicts, 0, "conflicts:\n{merged}");
    assert_eq!(merged, notes_to_string(expected));
    let mut expected = expected.clone();
    expected.sort();
    assert_eq!(parse_notes(&merged).unwrap(), expected);
}

#[test]
fn notes_added_on_different_passages_merge_without_conflict() {
    let (a, b, c) = (
        annotation("aaaa0001", 10, ""),
        annotation("bbbb0002", 200, "B"),
        annotation("cccc0003", 400, "C\nsur deux lignes\n"),
    );
    let (x, y) = (
        annotation("xxxx0004", 100, "de moi"),
        annotation("yyyy0005", 300, "de la directrice"),
    );
    let base = notes(vec![a.clone(), b.clone(), c.clone()]);
    let ours = notes(vec![a.clone(), x.clone(), b.clone(), c.clone()]);
    let theirs = notes(vec![a.clone(), b.clone(), y.clone(), c.clone()]);
    let both = notes(vec![a, x, b, y, c]);
    assert_clean_merge(&base, &ours, &theirs, &both);
}

#[test]
fn an_edit_and_a_new_note_elsewhere_merge_without_conflict() {
    let (a, b, c) = (
        annotation("aaaa0001", 10, ""),
        annotation("bbbb0002", 200, "B"),
        annotation("cccc0003", 400, ""),
    );
    let base = notes(vec![a.clone(), b.clone(), c.clone()]);
    let mut a_edited = a.clone();
    a_edited.body = "Chiffre repris\nsans source primaire.\n".to_string();
    a_edited.updated = "2024-03-02T09:00:00Z".to_string();
    a_edited.citations.push(Citation {
        key: "berdeil2023".to_string(),
        locator: None,
        relation: Relation::Mentions,
    });
    let y = annotation("yyyy0005", 300, "");
    let ours = notes(vec![a_edited.clone(), b.clone(), c.clone()]);
    let theirs = notes(vec![a, b.clone(), y.clone(), c.clone()]);
    assert_clean_merge(&base, &ours, &theirs, &notes(vec![a_edited, b, y, c]));
}

#[test]
fn the_merge_helper_reports_real_conflicts() {
    let a = annotation("aaaa0001", 10, "");
    let base = notes(vec![a.clone()]);
    let mut ours = a.clone();
    ours.body = "mine".to_string();
    let mut theirs = a;
    theirs.body = "yours".to_string();
    if let Some((conflicts, merged)) = merge(&base, &notes(vec![ours]), &notes(vec![theirs])) {
        assert!(conflicts > 0, "{merged}");
        assert!(merged.contains("<<<<<<<"), "{merged}");
    }
}
