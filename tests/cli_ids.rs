//! Annotation ids: unique within a source without reading every notes file, and told apart as SOURCE/ID when two sources share one.

mod common;

use common::Env;

/// The example workspace with the article imported a second time as `berdeil-copie`.
fn two_sources() -> Env {
    let env = Env::workspace().with_example();
    let article = env.path("library/sources/berdeil-2023.txt");
    let copy = env.root().join("copie.txt");
    std::fs::copy(&article, &copy).expect("copy the article");
    env.ok(&["add", copy.to_str().expect("path"), "--id", "berdeil-copie"]);
    env
}

fn annotate_in(env: &Env, source: &str, quote: &str) -> String {
    let out = env.ok(&["annotate", source, "--quote", quote]);
    out.split_whitespace().nth(1).expect("an id").to_string()
}

#[test]
fn seeded_runs_give_each_source_its_own_ids_and_never_repeat_one_in_a_source() {
    let env = two_sources();
    let first = annotate_in(&env, "berdeil-2023", "62% de la prostitution");
    let other_source = annotate_in(&env, "berdeil-copie", "62% de la prostitution");
    let second = annotate_in(&env, "berdeil-2023", "plus de la moitié des réseaux");
    assert_ne!(first, other_source, "each source draws its own ids");
    assert_ne!(first, second, "a source never gets an id twice");
    let notes = env.read("notes/berdeil-2023.toml");
    assert_eq!(notes.matches(&format!("id = \"{first}\"")).count(), 1);
    assert_eq!(notes.matches(&format!("id = \"{second}\"")).count(), 1);
}

#[test]
fn an_id_two_sources_share_is_reported_and_named_with_its_source() {
    let env = two_sources();
    let id = annotate_in(&env, "berdeil-2023", "62% de la prostitution");
    let copied = annotate_in(&env, "berdeil-copie", "62% de la prostitution");
    let notes = env.read("notes/berdeil-copie.toml");
    std::fs::write(
        env.path("notes/berdeil-copie.toml"),
        notes.replace(&format!("id = \"{copied}\""), &format!("id = \"{id}\"")),
    )
    .expect("write the notes");

    let rewritten = env.read("notes/berdeil-copie.toml");
    assert!(rewritten.contains(&format!("id = \"{id}\"")), "{rewritten}");
    let check = env.ok(&["check"]);
    assert!(
        check.contains("shared-id") && check.contains(&id) && check.contains("berdeil-copie"),
        "{check}"
    );

    let refused = env.fails(&["edit", &id, "--note", "laquelle ?"], 2);
    assert!(
        refused.contains("berdeil-2023")
            && refused.contains("berdeil-copie")
            && refused.contains(&format!("berdeil-2023/{id}")),
        "{refused}"
    );

    env.ok(&["edit", &format!("berdeil-copie/{id}"), "--note", "la copie"]);
    assert!(env.read("notes/berdeil-copie.toml").contains("la copie"));
    assert!(!env.read("notes/berdeil-2023.toml").contains("la copie"));
}
