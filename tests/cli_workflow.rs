mod common;

use common::{Env, SUPERVISOR};

#[test]
fn init_makes_the_layout_and_a_repository_and_commits_it() {
    let env = Env::new();
    env.git(&["init", "-q", "-b", "main", "plain"], env.dir.path());
    let dir = env.dir.path().join("fresh");
    env.glose_in(env.dir.path())
        .args(["--author", SUPERVISOR, "init", "fresh"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Made a git repository"));
    for path in [
        "glose.toml",
        "library/references.bib",
        "library/sources",
        "notes",
        ".git",
    ] {
        assert!(dir.join(path).exists(), "{path} missing");
    }
    let log = env.git(&["log", "--format=%an|%s"], &dir);
    assert_eq!(log.trim(), "Hélène Dubois|glose: workspace created");
    env.glose_in(&dir)
        .args(["init", "."])
        .assert()
        .failure()
        .stderr(predicates::str::contains("glose.toml"));
}

#[test]
fn a_claim_is_annotated_cited_edited_and_removed_one_commit_each() {
    let env = Env::workspace().with_example();
    let before = env.commit_count();
    let id = env.annotate(&[
        "--quote",
        "62% de la prostitution passe",
        "--kind",
        "claim",
        "--tag",
        "chiffres",
    ]);
    let notes = env.read("notes/berdeil-2023.toml");
    assert!(notes.contains(&format!("id = \"{id}\"")), "{notes}");
    assert!(notes.contains("62% de la prostitution passe"));
    assert_eq!(env.commit_count(), before + 1);
    assert!(
        env.git_ws(&["log", "-1", "--format=%s"])
            .starts_with("berdeil-2023: unsupported claim added")
    );

    let unsupported = env.ok(&["claims", "--unsupported"]);
    assert!(
        unsupported.contains(&id) && unsupported.contains("1 unsupported"),
        "{unsupported}"
    );

    env.ok(&[
        "cite",
        &id[..5],
        "mouvementdunid-internet",
        "--locator",
        "p. 4",
    ]);
    assert_eq!(
        env.git_ws(&["log", "-1", "--format=%s"]).trim(),
        format!("berdeil-2023: claim {id} cites mouvementdunid-internet (p. 4)")
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["claims", "--json"])).expect("json");
    let claim = &json.as_array().expect("array")[0];
    assert_eq!(claim["unsupported"], false);
    assert_eq!(claim["citations"][0]["locator"]["kind"], "page");
    assert_eq!(claim["citations"][0]["locator"]["text"], "p. 4");

    env.ok(&[
        "edit",
        &id,
        "--note",
        "Chiffre à vérifier.",
        "--untag",
        "chiffres",
        "--tag",
        "à-vérifier",
    ]);
    let notes = env.read("notes/berdeil-2023.toml");
    assert!(
        notes.contains("Chiffre à vérifier.")
            && notes.contains("à-vérifier")
            && !notes.contains("\"chiffres\"")
    );

    env.ok(&["uncite", &id, "mouvementdunid-internet"]);
    assert!(env.ok(&["claims", "--unsupported"]).contains(&id));
    env.ok(&["rm", &id]);
    assert!(!env.read("notes/berdeil-2023.toml").contains(&id));
    assert_eq!(env.commit_count(), before + 5);
    assert!(
        env.git_ws(&["status", "--porcelain"]).trim().is_empty(),
        "glose left changes uncommitted"
    );
}

#[test]
fn annotate_with_cites_makes_a_claim_with_parsed_locators() {
    let env = Env::workspace().with_example();
    env.annotate(&[
        "--quote",
        "l’éditeur du site sera considéré comme proxénète",
        "--cite",
        "cp-225-5@art. 225-5",
        "--cite",
        "loi2016-444",
        "--relation",
        "mentions",
    ]);
    let subject = env.git_ws(&["log", "-1", "--format=%s"]);
    assert_eq!(
        subject.trim(),
        "berdeil-2023: claim added, cites cp-225-5 (art. 225-5), loi2016-444"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["claims", "--json"])).expect("json");
    let citations = &json[0]["citations"];
    assert_eq!(citations[0]["locator"]["kind"], "article");
    assert_eq!(citations[0]["relation"], "mentions");
    assert!(citations[1]["locator"].is_null());
}

#[test]
fn a_quote_typed_with_plain_apostrophes_and_spaces_still_anchors() {
    let env = Env::workspace().with_example();
    env.annotate(&["--quote", "par   l'Internet", "--kind", "note"]);
    let shown = env.ok(&["show", "berdeil-2023"]);
    assert!(shown.contains("⟦par l’Internet⟧[1]"), "{shown}");
}

#[test]
fn show_marks_annotations_and_lists_them() {
    let env = Env::workspace().with_example();
    let id = env.annotate(&["--quote", "cyber-paradis", "--note", "terme à définir"]);
    let shown = env.ok(&["show", "berdeil-2023"]);
    assert!(shown.contains("⟦cyber-paradis⟧[1]"), "{shown}");
    assert!(shown.contains(&format!("[1] highlight {id}")) && shown.contains("terme à définir"));
}

#[test]
fn refs_lists_and_searches_with_accents_folded() {
    let env = Env::workspace().with_example();
    let all = env.ok(&["refs"]);
    assert_eq!(all.lines().count(), 9, "{all}");
    let found = env.ok(&["refs", "quemener"]);
    assert!(found.starts_with("quemener-charpenel2010"), "{found}");
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["refs", "budapest", "--json"])).expect("json");
    assert_eq!(json[0]["key"], "budapest2001");
    assert!(
        json[0]["authors"][0]
            .as_str()
            .expect("author")
            .contains("Conseil de l'Europe")
    );
}

#[test]
fn bib_add_appends_new_entries_and_reports_duplicates() {
    let env = Env::workspace().with_example();
    let before = env.read("library/references.bib");
    let extra = env.write(
        "extra.bib",
        "@article{new2024, title = {Nouveau}, author = {Doe, Jane}, year = 2024, doi = {10.1/x}}\n\
         @book{budapest2001, title = {Same key}}\n\
         @article{other, title = {Same DOI}, doi = {https://doi.org/10.1/X}}\n",
    );
    let out = env.ok(&["bib", "add", extra.to_str().expect("path")]);
    assert!(
        out.contains("skipped budapest2001") && out.contains("skipped other"),
        "{out}"
    );
    let after = env.read("library/references.bib");
    assert!(after.starts_with(&before), "existing bytes changed");
    assert!(after.contains("new2024") && !after.contains("Same key"));
    assert_eq!(
        env.git_ws(&["log", "-1", "--format=%s"]).trim(),
        "library: +1 reference (new2024)"
    );
}

#[test]
fn check_reports_unsupported_claims_and_fails_on_unknown_keys() {
    let env = Env::workspace().with_example();
    env.annotate(&["--quote", "62% de la prostitution", "--kind", "claim"]);
    let out = env.glose().args(["check"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("unsupported-claim"));

    let notes = env.read("notes/berdeil-2023.toml");
    std::fs::write(
        env.path("notes/berdeil-2023.toml"),
        notes + "\n[[annotation.citation]]\nkey = \"nowhere\"\nrelation = \"supports\"\n",
    )
    .expect("write");
    let out = env
        .glose()
        .args(["check", "--json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        findings
            .as_array()
            .expect("array")
            .iter()
            .any(|f| f["code"] == "unknown-key"),
        "{findings}"
    );
}

#[test]
fn commands_find_the_workspace_from_a_subfolder_or_with_dash_c() {
    let env = Env::workspace().with_example();
    let inner = env.path("library/sources");
    env.glose_in(&inner)
        .args(["refs", "dsa"])
        .assert()
        .success()
        .stdout(predicates::str::contains("dsa2022"));
    env.glose_in(env.dir.path())
        .args(["-C", "ws", "refs", "dsa"])
        .assert()
        .success()
        .stdout(predicates::str::contains("dsa2022"));
}

#[test]
fn an_annotation_in_a_hand_spaced_notes_file_is_still_found_by_id() {
    let env = Env::workspace().with_example();
    let id = env.annotate(&["--quote", "cyber-paradis"]);
    let notes = env.read("notes/berdeil-2023.toml");
    let respaced = notes.replace(&format!("id = \"{id}\""), &format!("id   =   \"{id}\""));
    assert_ne!(respaced, notes);
    std::fs::write(env.path("notes/berdeil-2023.toml"), respaced).expect("write");
    env.ok(&["edit", &id[..4], "--note", "trouvé quand même"]);
    assert!(
        env.read("notes/berdeil-2023.toml")
            .contains("trouvé quand même")
    );
}
