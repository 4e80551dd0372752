mod common;

use common::Env;

#[test]
fn log_shows_each_commit_as_semantic_changes_with_quotes() {
    let env = Env::workspace().with_example();
    let id = env.annotate(&[
        "--quote",
        "62% de la prostitution passe",
        "--kind",
        "claim",
        "--note",
        "chiffre",
    ]);
    env.ok(&["cite", &id, "mouvementdunid-internet", "--locator", "p. 4"]);
    env.ok(&[
        "edit",
        &id,
        "--note",
        "chiffre à vérifier",
        "--tag",
        "chiffres",
    ]);
    env.ok(&["rm", &id]);

    let log = env.ok(&["log"]);
    let quote = "« 62% de la prostitution passe »";
    for line in [
        format!("- claim {id} removed {quote}"),
        format!("~ claim {id} note edited: \"chiffre\" → \"chiffre à vérifier\" {quote}"),
        format!("~ claim {id} tags [] → [chiffres] {quote}"),
        format!("+ claim {id} supports @mouvementdunid-internet, p. 4 {quote}"),
        format!("+ claim {id} added: \"chiffre\" {quote}"),
        "+ @mouvementdunid-internet added — Mouvement du Nid Prostitution et Internet".to_string(),
    ] {
        assert!(log.contains(&line), "{line}\nnot in:\n{log}");
    }
    let newest_first = log.find("removed").unwrap() < log.find("added: \"chiffre\"").unwrap();
    assert!(newest_first, "{log}");

    let since = env.ok(&["log", "--since", "HEAD~2", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&since).expect("json");
    let commits = json["commits"].as_array().expect("commits");
    assert_eq!(commits.len(), 2);
    assert_eq!(commits[0]["sources"][0]["changes"][0]["change"], "removed");

    let only_library = env.ok(&["log", "--source", "nothing-here"]);
    assert!(
        only_library.contains("No commits to show."),
        "{only_library}"
    );
    assert!(
        env.ok(&["log", "--author", "nobody"])
            .contains("No commits to show.")
    );
    assert!(env.ok(&["log", "--author", "CAMILLE"]).contains(&id));

    let one = env.ok(&["show-commit", "HEAD~1"]);
    assert!(
        one.contains("note edited") && !one.contains("removed"),
        "{one}"
    );
    let bad = env.fails(&["show-commit", "no-such-rev"], 2);
    assert!(
        bad.contains("no-such-rev") && bad.contains("glose log"),
        "{bad}"
    );
}
