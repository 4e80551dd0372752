//! `glose add --replace` on web pages and PDFs: the new version extracted as `glose add` does, the
//! kept page or PDF replaced, annotations re-anchored with their page locators, one commit.

mod common;
mod import_web_support;
#[path = "support/pdf.rs"]
#[allow(dead_code)]
mod pdf;

use common::Env;
use import_web_support::{Route, article_page, serve};
use pdf::Spec;

const P1: &str =
    "Rapport annuel sur les donnees\nLe responsable tient un registre des traitements.";
const P2: &str =
    "La commision controle les transferts de donnees.\nToute personne peut saisir le juge.";
const P3: &str =
    "Les sanctions sont publiees au journal officiel.\nCette regle ancienne est abrogee.";
const INSERTED: &str = "Article nouveau: les plateformes publient un rapport chaque annee.";

/// Version 1 on pages 201-203; version 2 inserts a page after 201 (so 202 and 203 become 203 and
/// 204), fixes a typo and drops a sentence.
fn report(version: u8) -> Vec<u8> {
    let pages: Vec<String> = match version {
        1 => vec![P1.into(), P2.into(), P3.into()],
        _ => vec![
            P1.into(),
            INSERTED.into(),
            P2.replace("commision", "commission"),
            P3.replace("\nCette regle ancienne est abrogee.", ""),
        ],
    };
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    Spec::pages(&pages)
        .labels(0, "D", None, Some(201))
        .info("Title", "Rapport annuel")
        .info("Author", "Claire Dubois")
        .info("CreationDate", "D:20190412093000Z")
        .build()
}

fn write(env: &Env, name: &str, bytes: &[u8]) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, bytes).expect("written");
    path.to_str().expect("path").to_string()
}

fn claim(env: &Env, source: &str, quote: &str, extra: &[&str]) -> String {
    let mut args = vec!["annotate", source, "--quote", quote, "--kind", "claim"];
    args.extend_from_slice(extra);
    let out = env.ok(&args);
    out.split_whitespace().nth(1).expect("an id").to_string()
}

fn claims(env: &Env) -> Vec<serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["claims", "--json"])).expect("json");
    json.as_array().expect("array").clone()
}

fn locator(claims: &[serde_json::Value], id: &str) -> String {
    let claim = claims
        .iter()
        .find(|c| {
            c["id"]
                .as_str()
                .is_some_and(|c| c.starts_with(id) || id.starts_with(c))
        })
        .unwrap_or_else(|| panic!("claim {id} lost"));
    claim["citations"][0]["locator"]["text"]
        .as_str()
        .expect("a locator")
        .to_string()
}

#[test]
fn a_new_pdf_with_a_page_inserted_and_a_typo_fixed_loses_no_annotation() {
    let env = Env::workspace();
    env.ok(&["add", &write(&env, "rapport.pdf", &report(1))]);
    let key = "dubois2019rapport";
    let cite = ["--cite", key];
    let kept = claim(&env, "rapport", "Le responsable tient un registre", &cite);
    let typo = claim(
        &env,
        "rapport",
        "La commision controle les transferts",
        &cite,
    );
    let judge = claim(&env, "rapport", "Toute personne peut saisir le juge", &cite);
    let mine = claim(
        &env,
        "rapport",
        "peut saisir le juge",
        &["--cite", &format!("{key}@p. 7")],
    );
    let sanctions = claim(&env, "rapport", "Les sanctions sont publiees", &cite);
    let gone = claim(&env, "rapport", "Cette regle ancienne est abrogee", &cite);
    let before = claims(&env);
    for (id, page) in [(&kept, "p. 201"), (&typo, "p. 202"), (&sanctions, "p. 203")] {
        assert_eq!(locator(&before, id), page);
    }
    let commits = env.commit_count();

    let v2 = write(&env, "rapport-v2.pdf", &report(2));
    let out = env.ok(&["add", "--replace", "rapport", &v2]);
    assert!(
        out.contains("1 exact, 3 moved, 1 fuzzy, 1 orphaned"),
        "{out}"
    );
    assert!(out.contains(&typo) && out.contains(&gone), "{out}");
    assert!(
        out.contains("3 page locators now give the new page"),
        "{out}"
    );
    assert_eq!(env.commit_count(), commits + 1);

    let after = claims(&env);
    assert_eq!(after.len(), 6, "no annotation lost");
    for (id, page) in [
        (&kept, "p. 201"),
        (&typo, "p. 203"),
        (&judge, "p. 203"),
        (&mine, "p. 7"),
        (&sanctions, "p. 204"),
        (&gone, "p. 203"),
    ] {
        assert_eq!(locator(&after, id), page, "{id}");
    }
    assert_eq!(
        std::fs::read(env.path("library/sources/rapport.pdf")).expect("pdf"),
        report(2)
    );
    let text = env.read("library/sources/rapport.txt");
    assert!(
        text.contains(INSERTED) && text.contains("La commission"),
        "{text}"
    );
    assert!(!text.contains("abrogee"), "{text}");
    let pages = env.read("library/sources/rapport.pages.toml");
    assert!(pages.contains("label = \"204\""), "{pages}");
    let notes = env.read("notes/rapport.toml");
    assert!(notes.contains("state = \"orphaned\""), "{notes}");
    let committed = env.git_ws(&["show", "--name-only", "--format=%B", "HEAD"]);
    for file in [
        "library/sources/rapport.pdf",
        "library/sources/rapport.pages.toml",
        "library/sources/rapport.txt",
        "notes/rapport.toml",
    ] {
        assert!(committed.contains(file), "{file} not in {committed}");
    }
    assert!(committed.contains("3 page locators updated"), "{committed}");
    assert!(env.git_ws(&["status", "--porcelain"]).trim().is_empty());
    let check = env.ok(&["check"]);
    assert!(!check.contains("unregistered-source"), "{check}");

    let out = env.ok(&["add", "--replace", "rapport", &v2]);
    assert!(out.contains("nothing changed"), "{out}");
    assert_eq!(env.commit_count(), commits + 1);
}

#[test]
fn a_wrong_kind_or_a_broken_pdf_is_refused_and_nothing_is_written() {
    let env = Env::workspace();
    env.ok(&["add", &write(&env, "rapport.pdf", &report(1))]);
    claim(&env, "rapport", "Toute personne peut saisir le juge", &[]);
    let whole = report(2);
    let cases = [
        (
            "cut.pdf",
            whole[..whole.len() / 2].to_vec(),
            "not a readable PDF",
        ),
        (
            "page.html",
            article_page("", &["Un texte."]).into_bytes(),
            "is a web page, but this source's new version must be a .pdf",
        ),
    ];
    let files = [
        "library/sources/rapport.pdf",
        "library/sources/rapport.pages.toml",
        "library/sources/rapport.txt",
        "notes/rapport.toml",
    ];
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(env.path(f)).expect("file"))
        .collect();
    let commits = env.commit_count();
    for (name, bytes, expected) in cases {
        let err = env.fails(
            &["add", "--replace", "rapport", &write(&env, name, &bytes)],
            2,
        );
        assert!(err.contains(expected), "{name}: {err}");
        for (file, old) in files.iter().zip(&before) {
            assert_eq!(&std::fs::read(env.path(file)).expect("file"), old, "{file}");
        }
        assert_eq!(env.commit_count(), commits);
    }
}

const PARAGRAPHS_V1: &[&str] = &[
    "La loi du 13 avril 2016 vise à renforcer la lutte contre le système prostitutionnel.",
    "Selon l’association, 62 % de la prostitution passe par l’Internet.",
    "Les plateformes hébergent des annonces déguisées en massages.",
    "Ce paragraphe sera retiré de la version corrigée.",
];

fn page_v2() -> String {
    article_page(
        "",
        &[
            "Mise à jour du 2 mars : chiffres vérifiés.",
            PARAGRAPHS_V1[0],
            "Selon l’association, 62 % de la prostitution passe par l’internet.",
            PARAGRAPHS_V1[2],
        ],
    )
}

#[test]
fn a_new_version_of_a_web_page_from_a_file_or_its_url_replaces_page_and_text() {
    let server = serve(vec![Route::new(
        "/billet.html",
        "text/html; charset=utf-8",
        page_v2(),
    )]);
    let env = Env::workspace();
    let v1 = env.write("billet.html", &article_page("", PARAGRAPHS_V1));
    env.ok(&["add", v1.to_str().expect("path")]);
    let first = claim(&env, "billet", "vise à renforcer la lutte", &[]);
    let typo = claim(
        &env,
        "billet",
        "62 % de la prostitution passe par l’Internet",
        &[],
    );
    let hosts = claim(&env, "billet", "annonces déguisées en massages", &[]);
    let gone = claim(&env, "billet", "sera retiré de la version corrigée", &[]);
    let commits = env.commit_count();

    let url = format!("{}/billet.html", server.base);
    let out = env.ok(&["add", "--replace", "billet", &url]);
    assert!(
        out.contains("0 exact, 2 moved, 1 fuzzy, 1 orphaned"),
        "{out}"
    );
    assert!(out.contains(&typo) && out.contains(&gone), "{out}");
    assert!(!out.contains(&first) && !out.contains(&hosts), "{out}");
    assert_eq!(env.commit_count(), commits + 1);
    assert_eq!(env.read("library/sources/billet.html"), page_v2());
    let text = env.read("library/sources/billet.md");
    assert!(text.contains("Mise à jour du 2 mars"), "{text}");
    assert!(
        !text.contains("Menu Accueil") && !text.contains("retiré"),
        "{text}"
    );
    let committed = env.git_ws(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        committed.lines().collect::<Vec<_>>(),
        [
            "library/sources/billet.html",
            "library/sources/billet.md",
            "notes/billet.toml"
        ]
    );
    assert_eq!(claims(&env).len(), 4, "no annotation lost");

    let back = env.ok(&["add", "--replace", "billet", v1.to_str().expect("path")]);
    assert!(
        back.contains("4 exact") || back.contains("orphaned"),
        "{back}"
    );
    assert_eq!(
        env.read("library/sources/billet.html"),
        article_page("", PARAGRAPHS_V1)
    );
    assert_eq!(env.commit_count(), commits + 2);
}
