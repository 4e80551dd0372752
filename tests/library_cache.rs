//! The library's parse cache in the git directory: same answers as parsing, never trusted stale,
//! never an error.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::PathBuf;

use common::Env;

const BIB: &str = "@string{jfr = {Journal fran{\\c{c}}ais}}\n\
@article{smith2019, author = {Smith, John and Qu{\\'e}m{\\'e}ner, Myriam}, title = {Linking {GaN} Claims},\n  journal = jfr, year = 2019, crossref = {proc}}\n\
@proceedings{proc, title = {Proceedings}, publisher = {ACM}}\n\
@misc{smith2019, title = {Duplicate}}\n\
@misc{broken, title = {x} year = {2}}\n";

fn workspace() -> Env {
    let env = Env::workspace();
    env.write("ws/library/references.bib", BIB);
    env
}

fn cache(env: &Env) -> PathBuf {
    env.path(".git/glose/library.cache")
}

/// The cache file's identity: glose replaces it atomically, so a rewrite changes it.
fn identity(env: &Env) -> Option<u64> {
    std::fs::metadata(cache(env)).ok().map(|m| m.ino())
}

/// Everything the commands show of the library.
fn answers(env: &Env) -> (String, String, String) {
    let check = env
        .glose()
        .args(["check", "--json"])
        .output()
        .expect("runs");
    (
        env.ok(&["refs"]),
        env.ok(&["refs", "--json"]),
        String::from_utf8(check.stdout).expect("utf-8"),
    )
}

#[test]
fn a_second_read_comes_from_the_cache_with_the_same_answers() {
    let env = workspace();
    assert_eq!(identity(&env), None);
    let fresh = answers(&env);
    assert!(fresh.0.contains("Quéméner") && fresh.1.contains("Linking GaN Claims"));
    assert!(fresh.2.contains("duplicate key"), "{}", fresh.2);
    let written = identity(&env).expect("the cache is written after a miss");
    assert_eq!(answers(&env), fresh);
    assert_eq!(
        identity(&env),
        Some(written),
        "a hit does not rewrite the cache"
    );
    assert!(
        env.git_ws(&["status", "--porcelain"])
            .lines()
            .all(|l| !l.contains("cache"))
    );
}

#[test]
fn an_edited_file_of_the_same_length_misses() {
    let env = workspace();
    answers(&env);
    let written = identity(&env);
    let edited = BIB.replace("Linking", "Lunking");
    assert_eq!(edited.len(), BIB.len());
    env.write("ws/library/references.bib", &edited);
    assert!(env.ok(&["refs", "--json"]).contains("Lunking GaN Claims"));
    assert_ne!(
        identity(&env),
        written,
        "the cache is rewritten for the new text"
    );
}

#[test]
fn a_corrupt_or_truncated_cache_is_ignored_and_rewritten() {
    let env = workspace();
    let fresh = answers(&env);
    let bytes = std::fs::read(cache(&env)).expect("cache");
    for broken in [
        bytes[..bytes.len() / 2].to_vec(),
        bytes.iter().map(|b| b ^ 0x55).collect(),
        Vec::new(),
    ] {
        std::fs::write(cache(&env), &broken).expect("write");
        assert_eq!(answers(&env), fresh);
        assert_eq!(std::fs::read(cache(&env)).expect("cache"), bytes);
    }
}

#[test]
fn a_git_dir_where_the_cache_cannot_be_written_still_loads() {
    let env = workspace();
    let fresh = answers(&env);
    std::fs::remove_file(cache(&env)).expect("remove");
    let folder = env.path(".git/glose");
    let mode = |m| std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(m));
    mode(0o555).expect("chmod");
    assert_eq!(answers(&env), fresh);
    mode(0o755).expect("chmod");
    std::fs::remove_dir_all(&folder).expect("remove");
    std::fs::write(&folder, "a file where the cache folder would be").expect("write");
    assert_eq!(answers(&env), fresh);
}

#[test]
fn a_workspace_without_git_loads_without_a_cache() {
    let env = workspace();
    let fresh = answers(&env);
    std::fs::remove_dir_all(env.path(".git")).expect("remove");
    assert_eq!(env.ok(&["refs"]), fresh.0);
    assert!(!env.path(".git").exists());
}
