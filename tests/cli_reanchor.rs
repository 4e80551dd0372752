mod common;

use common::Env;

#[test]
fn after_the_source_is_edited_annotations_follow_their_words_or_are_flagged() {
    let env = Env::workspace().with_example();
    let moved = env.annotate(&[
        "--quote",
        "constitue un véritable cadre pour la coopération internationale",
        "--kind",
        "claim",
    ]);
    let typo = env.annotate(&[
        "--quote",
        "plus de la moitié des réseaux de proxénétisme démantelés opéraient exclusivement",
        "--kind",
        "claim",
    ]);
    let gone = env.annotate(&[
        "--quote",
        "Pire encore, il y a peu de temps",
        "--kind",
        "note",
    ]);
    let before = env.commit_count();

    let path = env.path("library/sources/berdeil-2023.txt");
    let text = std::fs::read_to_string(&path).expect("source");
    let edited = format!("Avant-propos ajouté par la suite.\n\n{text}")
        .replace("proxénétisme démantelés", "proxenetisme démantelés")
        .replace("Pire encore, il y a peu de temps, en France, des", "Des");
    std::fs::write(&path, edited).expect("write");

    let check = env.glose().args(["check"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&check.stdout).contains("source-changed"));

    let out = env.ok(&["reanchor"]);
    assert!(out.contains("1 moved, 1 fuzzy, 1 orphaned"), "{out}");
    assert!(
        out.contains("orphaned: « Pire encore, il y a peu de temps »"),
        "{out}"
    );
    assert_eq!(env.commit_count(), before + 1);
    assert!(
        env.git_ws(&["log", "-1", "--format=%s"])
            .contains("re-anchored")
    );

    let claims: serde_json::Value =
        serde_json::from_str(&env.ok(&["claims", "--json"])).expect("json");
    let state = |id: &str| {
        claims
            .as_array()
            .expect("array")
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["state"].clone())
    };
    assert_eq!(state(&moved), Some("exact".into()));
    assert_eq!(state(&typo), Some("fuzzy".into()));
    let notes = env.read("notes/berdeil-2023.toml");
    assert!(
        notes.contains(&gone) && notes.contains("Pire encore, il y a peu de temps"),
        "an orphan was dropped"
    );

    env.ok(&["edit", &typo, "--confirm"]);
    let claims: serde_json::Value =
        serde_json::from_str(&env.ok(&["claims", "--json"])).expect("json");
    assert!(
        claims
            .as_array()
            .expect("array")
            .iter()
            .all(|c| c["state"] == "exact")
    );
    assert_eq!(
        env.ok(&["reanchor"]).trim(),
        "Every annotation is anchored on the current text; nothing to do."
    );
}
