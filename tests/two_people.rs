//! A student and a supervisor exchange work through a bare remote with `glose sync` and with plain git.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::Env;

struct Person {
    dir: PathBuf,
    seed: &'static str,
}

/// Runs glose as `who`, whose identity is in the clone's git config.
fn glose(env: &Env, who: &Person, args: &[&str]) -> Output {
    env.glose_in(&who.dir)
        .env("GLOSE_SEED", who.seed)
        .args(args)
        .output()
        .expect("glose runs")
}

fn ok(env: &Env, who: &Person, args: &[&str]) -> String {
    let out = glose(env, who, args);
    assert!(
        out.status.success(),
        "glose {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Output of a run that must exit with `code`.
fn exits(env: &Env, who: &Person, args: &[&str], code: i32) -> String {
    let out = glose(env, who, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(code), "glose {args:?}:\n{text}");
    text
}

fn clone(env: &Env, name: &str, user: &str, email: &str, seed: &'static str) -> Person {
    env.git(&["clone", "-q", "remote.git", name], env.dir.path());
    let dir = env.dir.path().join(name);
    env.git(&["config", "user.name", user], &dir);
    env.git(&["config", "user.email", email], &dir);
    Person { dir, seed }
}

fn annotate(env: &Env, who: &Person, quote: &str, kind: &str, note: &str) -> String {
    let out = ok(
        env,
        who,
        &[
            "annotate",
            "berdeil-2023",
            "--quote",
            quote,
            "--kind",
            kind,
            "--note",
            note,
        ],
    );
    out.split_whitespace().nth(1).expect("an id").to_string()
}

fn notes(who: &Person) -> String {
    std::fs::read_to_string(who.dir.join("notes/berdeil-2023.toml")).expect("notes")
}

/// The git program with glose's binary first on PATH, so the registered merge drivers run.
fn git_with_drivers(env: &Env, dir: &Path, args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("glose");
    let path = std::env::join_paths(
        std::iter::once(bin.parent().expect("bin dir").to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .expect("PATH");
    std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", env.dir.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GLOSE_NOW", "2026-03-02T10:00:00Z")
        .output()
        .expect("git runs")
}

#[test]
fn a_student_and_a_supervisor_review_and_merge_without_losing_a_note() {
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
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bib = manifest.join("library/references.bib");
    let article = manifest.join("library/sources/berdeil-2023.txt");
    ok(&env, &student, &["init", "."]);
    assert!(
        std::fs::read_to_string(student.dir.join(".gitattributes"))
            .expect("attributes")
            .contains("notes/*.toml merge=glose-notes")
    );
    ok(&env, &student, &["bib", "add", bib.to_str().expect("path")]);
    ok(
        &env,
        &student,
        &[
            "add",
            article.to_str().expect("path"),
            "--id",
            "berdeil-2023",
        ],
    );
    let claim = annotate(
        &env,
        &student,
        "62% de la prostitution passe",
        "claim",
        "chiffre du Nid",
    );
    assert!(ok(&env, &student, &["sync"]).contains("Pushed"));

    // The supervisor clones, sets the merge drivers up, reads what is new, comments and marks.
    let supervisor = clone(
        &env,
        "supervisor",
        "Hélène Dubois",
        "helene@example.org",
        "11",
    );
    let doctor = exits(&env, &supervisor, &["doctor"], 1);
    assert!(doctor.contains("glose-notes"), "{doctor}");
    ok(&env, &supervisor, &["doctor", "--fix"]);
    ok(&env, &supervisor, &["doctor"]);
    let news = ok(&env, &supervisor, &["log", "--since-review"]);
    assert!(
        news.contains(&format!(
            "+ claim {claim} added: \"chiffre du Nid\" « 62% de la prostitution passe »"
        )),
        "{news}"
    );
    let opened = ok(
        &env,
        &supervisor,
        &["review", "comment", &claim, "Source primaire ?"],
    );
    let review = opened.split_whitespace().nth(1).expect("id").to_string();
    ok(&env, &supervisor, &["review", "mark"]);
    assert!(ok(&env, &supervisor, &["log", "--since-review"]).contains("No commits to show."));
    ok(&env, &supervisor, &["sync"]);

    // The student gets the comment and the mark, answers and resolves.
    let synced = ok(&env, &student, &["sync"]);
    assert!(
        synced.contains("Updated to") && synced.contains("helene-example-org"),
        "{synced}"
    );
    let check = ok(&env, &student, &["check"]);
    assert!(
        check.contains("[open-review]") && check.contains("Source primaire ?"),
        "{check}"
    );
    ok(
        &env,
        &student,
        &["review", "reply", &review, "Rapport du Nid, p. 4."],
    );
    ok(&env, &student, &["review", "resolve", &review]);
    ok(&env, &student, &["sync"]);
    ok(&env, &supervisor, &["sync"]);
    let since = ok(&env, &supervisor, &["log", "--since-review"]);
    assert!(
        since.contains("is resolved") && since.contains("Rapport du Nid"),
        "{since}"
    );
    assert!(
        !since.contains("chiffre du Nid\""),
        "only what is new since the mark:\n{since}"
    );

    // Concurrent work: the same annotation edited on both sides, new notes at different places.
    let student_base = ok(&env, &student, &["show-commit", "HEAD", "--json"]);
    assert!(student_base.contains("resolved"));
    ok(
        &env,
        &student,
        &["edit", &claim, "--note", "chiffre de 2014, à dater"],
    );
    let mine = annotate(
        &env,
        &student,
        "un instrument pratique pour les proxénètes",
        "note",
        "la note de l'étudiante",
    );
    ok(&env, &student, &["sync"]);
    ok(
        &env,
        &supervisor,
        &["edit", &claim, "--note", "chiffre invérifiable"],
    );
    let hers = annotate(
        &env,
        &supervisor,
        "un vecteur en matière d’exploitation sexuelle",
        "question",
        "la question de la directrice",
    );
    let before_merge = env.git(&["rev-parse", "HEAD"], &supervisor.dir);
    let merged = exits(&env, &supervisor, &["sync"], 1);
    assert!(
        merged.contains(&format!("both sides changed {claim}")),
        "{merged}"
    );
    let text = notes(&supervisor);
    for kept in [
        "chiffre de 2014, à dater",
        "chiffre invérifiable",
        "la note de l'étudiante",
        "la question de la directrice",
    ] {
        assert!(text.contains(kept), "{kept} lost:\n{text}");
    }
    assert!(text.contains("[[annotation.conflict]]"), "{text}");
    let check = exits(&env, &supervisor, &["check"], 1);
    assert!(
        check.contains(&format!("berdeil-2023/{claim} [merge-conflict]")),
        "{check}"
    );
    let show = ok(&env, &supervisor, &["show", "berdeil-2023"]);
    assert!(
        show.contains(&mine) && show.contains(&hers) && show.contains("MERGE CONFLICT"),
        "{show}"
    );
    let glose_merge = text;

    // The student receives the merge as a fast-forward, conflict included.
    assert!(ok(&env, &student, &["sync"]).contains("Updated to"));
    assert_eq!(notes(&student), glose_merge);

    // Plain git with the registered driver merges the same two commits into the same file.
    let fetched = env.git(&["rev-parse", "HEAD^2"], &supervisor.dir);
    env.git(
        &["reset", "-q", "--hard", before_merge.trim()],
        &supervisor.dir,
    );
    let out = git_with_drivers(
        &env,
        &supervisor.dir,
        &["merge", "--no-edit", fetched.trim()],
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the driver reports the conflict:\n{said}"
    );
    assert!(said.contains("both versions are kept"), "{said}");
    assert_eq!(notes(&supervisor), glose_merge);
}

#[test]
fn additions_at_different_places_merge_cleanly_with_sync_and_with_git_pull() {
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
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let article = manifest.join("library/sources/berdeil-2023.txt");
    ok(&env, &student, &["init", "."]);
    ok(
        &env,
        &student,
        &[
            "add",
            article.to_str().expect("path"),
            "--id",
            "berdeil-2023",
        ],
    );
    annotate(
        &env,
        &student,
        "62% de la prostitution passe",
        "claim",
        "base",
    );
    ok(&env, &student, &["sync"]);
    let supervisor = clone(
        &env,
        "supervisor",
        "Hélène Dubois",
        "helene@example.org",
        "11",
    );
    let plain = clone(&env, "plain", "Hélène Dubois", "helene@example.org", "11");
    ok(&env, &plain, &["doctor", "--fix"]);

    let one = env.write("one.bib", "@book{one, title = {One}, year = 2001}\n");
    let two = env.write("two.bib", "@book{two, title = {Two}, year = 2002}\n");
    annotate(
        &env,
        &student,
        "un instrument pratique pour les proxénètes",
        "note",
        "de l'étudiante",
    );
    ok(&env, &student, &["bib", "add", one.to_str().expect("path")]);
    ok(&env, &student, &["sync"]);
    for who in [&supervisor, &plain] {
        annotate(
            &env,
            who,
            "un vecteur en matière d’exploitation sexuelle",
            "question",
            "de la directrice",
        );
        ok(&env, who, &["bib", "add", two.to_str().expect("path")]);
    }
    let out = git_with_drivers(
        &env,
        &plain.dir,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let merged = ok(&env, &supervisor, &["sync"]);
    assert!(merged.contains("Merged"), "{merged}");
    for who in [&supervisor, &plain] {
        let text = notes(who);
        assert!(
            text.contains("de l'étudiante") && text.contains("de la directrice"),
            "{text}"
        );
        assert!(!text.contains("conflict"), "{text}");
        let bib = std::fs::read_to_string(who.dir.join("library/references.bib")).expect("bib");
        assert!(
            bib.contains("@book{one,") && bib.contains("@book{two,"),
            "{bib}"
        );
        let check = ok(&env, who, &["check", "--json"]);
        assert!(!check.contains("conflict"), "{check}");
    }
    assert_eq!(notes(&supervisor), notes(&plain));
}

#[test]
fn a_network_remote_without_the_git_program_says_what_to_install() {
    let env = Env::workspace();
    let out = env
        .glose()
        .env("PATH", "")
        .args(["sync", "https://example.invalid/thesis.git"])
        .output()
        .expect("glose runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("needs the git program") && said.contains("install git"),
        "{said}"
    );
    let unknown = env.fails(&["sync", "upstream"], 2);
    assert!(
        unknown.contains("no remote `upstream`") && unknown.contains("git remote add"),
        "{unknown}"
    );
}
