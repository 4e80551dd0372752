//! `glose settle`: a conflict made by two people editing the same claim, then settled from the command line.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::Env;

struct Person {
    dir: PathBuf,
    seed: &'static str,
}

fn glose(env: &Env, who: &Person, args: &[&str]) -> Output {
    env.glose_in(&who.dir)
        .env("GLOSE_SEED", who.seed)
        .args(args)
        .output()
        .expect("glose runs")
}

fn run(env: &Env, who: &Person, args: &[&str], code: i32) -> String {
    let out = glose(env, who, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(code), "glose {args:?}:\n{text}");
    text
}

fn ok(env: &Env, who: &Person, args: &[&str]) -> String {
    run(env, who, args, 0)
}

fn clone(env: &Env, name: &str, user: &str, email: &str, seed: &'static str) -> Person {
    env.git(&["clone", "-q", "remote.git", name], env.dir.path());
    let dir = env.dir.path().join(name);
    env.git(&["config", "user.name", user], &dir);
    env.git(&["config", "user.email", email], &dir);
    Person { dir, seed }
}

fn notes(who: &Person) -> String {
    std::fs::read_to_string(who.dir.join("notes/berdeil-2023.toml")).expect("notes")
}

/// The student and the supervisor both edit the same claim's note; the supervisor's sync keeps both.
fn conflict() -> (Env, Person, String) {
    let env = Env::new();
    env.git(
        &["init", "-q", "--bare", "-b", "main", "remote.git"],
        env.dir.path(),
    );
    let student = clone(
        &env,
        "student",
        "Camille Martin",
        "camille@example.org",
        "7",
    );
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("library/sources/berdeil-2023.txt");
    ok(&env, &student, &["init", "."]);
    let path = article.to_str().expect("path");
    ok(&env, &student, &["add", path, "--id", "berdeil-2023"]);
    let out = ok(
        &env,
        &student,
        &[
            "annotate",
            "berdeil-2023",
            "--quote",
            "62% de la prostitution passe",
            "--kind",
            "claim",
            "--note",
            "chiffre du Nid",
        ],
    );
    let claim = out.split_whitespace().nth(1).expect("an id").to_string();
    ok(&env, &student, &["sync"]);
    let supervisor = clone(
        &env,
        "supervisor",
        "Hélène Dubois",
        "helene@example.org",
        "9",
    );
    ok(
        &env,
        &student,
        &["edit", &claim, "--note", "version de l'étudiante"],
    );
    ok(&env, &student, &["sync"]);
    ok(
        &env,
        &supervisor,
        &["edit", &claim, "--note", "version de la directrice"],
    );
    let merged = run(&env, &supervisor, &["sync"], 1);
    assert!(
        merged.contains(&format!("both sides changed {claim}")),
        "{merged}"
    );
    let check = run(&env, &supervisor, &["check"], 1);
    assert!(
        check.contains(&format!("glose settle {claim} --keep ours|theirs|both")),
        "{check}"
    );
    (env, supervisor, claim)
}

fn settled(env: &Env, who: &Person) {
    let text = notes(who);
    assert!(!text.contains("[[annotation.conflict]]"), "{text}");
    let check = glose(env, who, &["check"]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(!said.contains("merge-conflict"), "{said}");
    let head = env.git(&["log", "-1", "--format=%s"], &who.dir);
    assert!(head.contains("merge conflict"), "{head}");
    assert_eq!(env.git(&["status", "--porcelain"], &who.dir), "");
}

#[test]
fn settle_keeps_theirs_and_check_is_clean_after() {
    let (env, supervisor, claim) = conflict();
    let said = ok(&env, &supervisor, &["settle", &claim, "--keep", "theirs"]);
    assert!(said.contains("kept theirs"), "{said}");
    let text = notes(&supervisor);
    assert!(text.contains("version de l'étudiante"), "{text}");
    assert!(!text.contains("version de la directrice"), "{text}");
    settled(&env, &supervisor);
}

#[test]
fn settle_keeps_both_as_two_annotations_and_refuses_a_second_time() {
    let (env, supervisor, claim) = conflict();
    ok(&env, &supervisor, &["settle", &claim, "--keep", "both"]);
    let text = notes(&supervisor);
    assert!(text.contains("version de l'étudiante"), "{text}");
    assert!(text.contains("version de la directrice"), "{text}");
    assert_eq!(
        text.lines().filter(|l| *l == "[[annotation]]").count(),
        2,
        "{text}"
    );
    settled(&env, &supervisor);
    let again = run(&env, &supervisor, &["settle", &claim, "--keep", "ours"], 2);
    assert!(again.contains("no merge conflict"), "{again}");
}
