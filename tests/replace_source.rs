mod common;

use common::Env;

const V1: &str = "Article 1\n\nLe traitement de données à caractère personnel est licite lorsque la personne concernée y a consenti.\n\nArticle 2\n\nLe responsable du traitement tient un registre des activités de traitement effectuées sous sa responsabilité.\n\nArticle 3\n\nToute personne a le droit d'obtenir la rectification des données inexactes la concernant.\n";

/// Version 2: a heading, a new article 1 bis, a word added inside article 2's quote, article 3 deleted.
const V2: &str = "Version consolidée au 1er mars 2026\n\nArticle 1\n\nLe traitement de données à caractère personnel est licite lorsque la personne concernée y a consenti.\n\nArticle 1 bis\n\nLe consentement peut être retiré à tout moment, sans frais.\n\nArticle 2\n\nLe responsable du traitement tient un registre écrit des activités de traitement effectuées sous sa responsabilité.\n";

/// A workspace with the RGPD extract as source `rgpd` and three claims on it; returns their ids.
fn annotated() -> (Env, [String; 3]) {
    let env = Env::workspace();
    let file = env.write("rgpd.txt", V1);
    env.ok(&["add", file.to_str().expect("path"), "--id", "rgpd"]);
    let claim = |quote: &str| {
        let out = env.ok(&["annotate", "rgpd", "--quote", quote, "--kind", "claim"]);
        out.split_whitespace().nth(1).expect("an id").to_string()
    };
    let ids = [
        claim("la personne concernée y a consenti"),
        claim("tient un registre des activités de traitement effectuées sous sa responsabilité"),
        claim("le droit d'obtenir la rectification des données inexactes"),
    ];
    (env, ids)
}

#[test]
fn replace_then_show_at_the_old_and_new_commits() {
    let (env, [moved, fuzzy, orphan]) = annotated();
    let before = env.commit_count();
    let file = env.write("rgpd-v2.txt", V2);
    let out = env.ok(&["add", "--replace", "rgpd", file.to_str().expect("path")]);
    assert!(
        out.contains("0 exact, 1 moved, 1 fuzzy, 1 orphaned"),
        "{out}"
    );
    assert!(
        out.contains(&fuzzy) && out.contains(&orphan) && !out.contains(&moved),
        "{out}"
    );
    assert!(out.contains("glose edit ID --confirm"), "{out}");
    assert_eq!(env.commit_count(), before + 1);
    assert_eq!(env.read("library/sources/rgpd.txt"), V2);

    let files = env.git_ws(&["show", "--name-only", "--format=%B", "HEAD"]);
    assert!(
        files.contains("library/sources/rgpd.txt") && files.contains("notes/rgpd.toml"),
        "{files}"
    );
    assert!(files.contains("1 moved, 1 fuzzy, 1 orphaned"), "{files}");
    assert!(files.contains(&orphan), "{files}");

    let old = env.ok(&["show", "rgpd", "--at", "HEAD~1"]);
    assert!(
        old.contains("Article 3") && !old.contains("Article 1 bis"),
        "{old}"
    );
    assert!(
        old.contains(&orphan) && !old.contains("[orphaned]"),
        "{old}"
    );
    let new = env.ok(&["show", "rgpd", "--at", "HEAD"]);
    assert!(
        new.contains("Article 1 bis") && !new.contains("Article 3"),
        "{new}"
    );
    assert!(new.contains(&format!("[orphaned] claim {orphan}")), "{new}");
    let without_revision: Vec<&str> = new
        .lines()
        .filter(|l| !l.starts_with("(as of HEAD, commit "))
        .collect();
    assert_eq!(
        without_revision,
        env.ok(&["show", "rgpd"]).lines().collect::<Vec<_>>()
    );
}

#[test]
fn the_same_text_commits_nothing() {
    let (env, _) = annotated();
    let before = env.commit_count();
    let file = env.write("same.txt", V1);
    let out = env.ok(&["add", "--replace", "rgpd", file.to_str().expect("path")]);
    assert!(out.contains("nothing changed"), "{out}");
    assert_eq!(env.commit_count(), before);
}

#[test]
fn an_unknown_source_suggests_the_closest_and_writes_nothing() {
    let (env, _) = annotated();
    let before = env.commit_count();
    let file = env.write("rgpd-v2.txt", V2);
    let err = env.fails(
        &["add", "--replace", "rgdp", file.to_str().expect("path")],
        2,
    );
    assert!(
        err.contains("no source `rgdp`: did you mean `rgpd`?"),
        "{err}"
    );
    assert_eq!(env.read("library/sources/rgpd.txt"), V1);
    assert_eq!(env.commit_count(), before);
}

#[test]
fn show_at_an_unknown_revision_or_before_the_source_existed_says_so() {
    let (env, _) = annotated();
    let err = env.fails(&["show", "rgpd", "--at", "no-such-branch"], 2);
    assert!(err.contains("`no-such-branch` names no commit"), "{err}");
    let first = env.git_ws(&["rev-list", "--max-parents=0", "HEAD"]);
    let err = env.fails(&["show", "rgpd", "--at", first.trim()], 2);
    assert!(err.contains("source `rgpd` did not exist at"), "{err}");
    let err = env.fails(&["show", "rgdp", "--at", "HEAD"], 2);
    assert!(err.contains("did you mean `rgpd`?"), "{err}");
}
