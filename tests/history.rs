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

#[test]
fn a_review_thread_is_opened_answered_resolved_and_marked() {
    let env = Env::workspace().with_example();
    let claim = env.annotate(&["--quote", "62% de la prostitution passe", "--kind", "claim"]);
    let sup = |args: &[&str]| {
        let mut all = vec!["--author", common::SUPERVISOR];
        all.extend_from_slice(args);
        env.ok(&all)
    };
    let opened = sup(&["review", "comment", &claim, "Quelle source primaire ?"]);
    let review = opened.split_whitespace().nth(1).expect("id").to_string();
    assert!(
        opened.contains("« 62% de la prostitution passe »"),
        "{opened}"
    );
    let notes = env.read("notes/berdeil-2023.toml");
    assert!(
        notes.contains(&format!(
            "kind = \"review\"\nstatus = \"open\"\nreply_to = \"{claim}\"\n"
        )),
        "{notes}"
    );

    let check = env.ok(&["check"]);
    assert!(
        check.contains("[open-review]") && check.contains("Quelle source primaire ?"),
        "{check}"
    );
    let show = env.ok(&["show", "berdeil-2023"]);
    assert!(
        show.contains(&format!("review {review} — open — on {claim}")),
        "{show}"
    );

    env.ok(&["review", "reply", &review, "Le rapport du Nid, p. 4."]);
    let wrong = env.fails(&["review", "reply", &claim, "x"], 2);
    assert!(wrong.contains("review comment"), "{wrong}");
    let passage = sup(&[
        "review",
        "comment",
        "berdeil-2023",
        "Date ?",
        "--quote",
        "par l’Internet",
    ]);
    assert!(passage.contains("« par l’Internet »"), "{passage}");

    let list = env.ok(&["review", "list", "--open"]);
    assert!(list.contains("2 thread(s), 2 open"), "{list}");
    assert!(
        list.contains("Hélène Dubois") && list.contains("Le rapport du Nid, p. 4."),
        "{list}"
    );
    env.ok(&["review", "resolve", &review]);
    assert!(
        env.ok(&["review", "list", "--open"])
            .contains("1 thread(s), 1 open")
    );
    assert!(
        env.ok(&["review", "list"])
            .contains(&format!("[resolved] review {review} on claim {claim}"))
    );
    let again = env.fails(&["review", "resolve", &review], 2);
    assert!(again.contains("already resolved"), "{again}");

    let sup_log = || {
        let out = env
            .glose()
            .env("GIT_AUTHOR_NAME", "Hélène Dubois")
            .env("GIT_AUTHOR_EMAIL", "helene@example.org")
            .args(["log", "--since-review"])
            .output()
            .expect("glose runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("utf-8")
    };
    assert!(sup_log().contains("You have not marked a review yet"));
    sup(&["review", "mark"]);
    let marked = env.git_ws(&["for-each-ref", "refs/glose/reviewed/"]);
    assert!(
        marked.contains("refs/glose/reviewed/helene-example-org"),
        "{marked}"
    );
    assert!(sup_log().contains("No commits to show."));
    env.ok(&["edit", &claim, "--note", "voir le rapport"]);
    let since = sup_log();
    assert!(
        since.contains("note edited") && !since.contains("review comment"),
        "{since}"
    );
}

#[test]
fn a_misspelt_source_is_named_with_the_closest_one_and_a_quiet_one_shows_nothing() {
    let env = Env::workspace().with_example();
    let refused = env.fails(&["log", "--source", "berdeil-2032"], 2);
    assert!(
        refused.contains("no source `berdeil-2032`") && refused.contains("berdeil-2023"),
        "{refused}"
    );
    env.annotate(&["--quote", "62% de la prostitution passe"]);
    let log = env.ok(&["log", "--source", "berdeil-2023", "--since", "HEAD"]);
    assert!(log.contains("No commits to show."), "{log}");
}
