//! `glose add report.pdf`: text by page, printed page labels, a proposed entry and page locators.

mod common;
#[path = "support/pdf.rs"]
mod pdf;

use common::Env;
use pdf::Spec;

const FIRST: &str = "Les annotations numeriques\nJean Dupont\ndoi:10.3917/rhs.742.0201";
const SECOND: &str = "La critique des sources commence ici.\nElle demande du temps.";
const THIRD: &str = "Fin de l'article sur trois pages.";

fn article() -> Spec {
    Spec::pages(&[FIRST, SECOND, THIRD])
        .labels(0, "D", None, Some(201))
        .info("Title", "Les annotations numériques")
        .info("Author", "Jean Dupont")
        .info("CreationDate", "D:20210615120000Z")
}

fn write_pdf(env: &Env, name: &str, bytes: &[u8]) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, bytes).expect("pdf written");
    path.to_str().expect("path").to_string()
}

fn locator_of(env: &Env, id: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["claims", "--json"])).expect("json");
    let claim = json
        .as_array()
        .expect("array")
        .iter()
        .find(|c| {
            c["id"]
                .as_str()
                .is_some_and(|c| c.starts_with(id) || id.starts_with(c))
        })
        .expect("the claim");
    assert_eq!(claim["citations"][0]["locator"]["kind"], "page");
    claim["citations"][0]["locator"]["text"]
        .as_str()
        .expect("text")
        .to_string()
}

#[test]
fn a_pdf_becomes_a_source_with_its_pages_and_a_proposed_reference() {
    let env = Env::workspace();
    let file = write_pdf(&env, "article.pdf", &article().build());
    let before = env.commit_count();
    let out = env.ok(&["add", &file]);
    assert!(out.contains("Added source article"), "{out}");
    assert!(out.contains("@article{dupont2021annotations,"), "{out}");
    assert_eq!(env.commit_count(), before + 1);
    let text = env.read("library/sources/article.txt");
    for page in [
        "Les annotations numeriques",
        "La critique des sources",
        "sur trois pages",
    ] {
        assert!(text.contains(page), "{page} missing from {text:?}");
    }
    assert_eq!(
        std::fs::read(env.path("library/sources/article.pdf")).expect("pdf kept"),
        article().build()
    );
    let pages = env.read("library/sources/article.pages.toml");
    assert!(pages.contains("label = \"202\""), "{pages}");
    let bib = env.read("library/references.bib");
    assert!(bib.contains("@article{dupont2021annotations,"), "{bib}");
    assert!(bib.contains("= {10.3917/rhs.742.0201},"), "{bib}");
    let notes = env.read("notes/article.toml");
    assert!(notes.contains("format = \"pdf\""), "{notes}");
    assert!(notes.contains("dupont2021annotations"), "{notes}");
    let committed = env.git_ws(&["show", "--name-only", "--format=", "HEAD"]);
    for file in [
        "library/sources/article.pdf",
        "library/sources/article.txt",
        "library/sources/article.pages.toml",
        "library/references.bib",
        "notes/article.toml",
    ] {
        assert!(committed.contains(file), "{file} not in {committed}");
    }
    assert!(env.git_ws(&["status", "--porcelain"]).trim().is_empty());
    let check = env.glose().arg("check").output().expect("check runs");
    assert!(
        !String::from_utf8_lossy(&check.stdout).contains("unregistered-source"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let again = write_pdf(&env, "copy.pdf", &article().build());
    let out = env.ok(&["add", &again, "--id", "copy"]);
    assert!(
        out.contains("DOI is already in the library as `dupont2021annotations`"),
        "{out}"
    );
}

#[test]
fn a_claim_cited_without_locator_gets_the_page_of_its_quote() {
    let env = Env::workspace();
    let file = write_pdf(&env, "article.pdf", &article().build());
    env.ok(&["add", &file]);
    let out = env.ok(&[
        "annotate",
        "article",
        "--quote",
        "Elle demande du temps",
        "--kind",
        "claim",
    ]);
    let id = out.split_whitespace().nth(1).expect("id").to_string();
    let out = env.ok(&["cite", &id, "dupont2021annotations"]);
    assert!(out.contains("p. 202"), "{out}");
    assert_eq!(locator_of(&env, &id), "p. 202");
    env.ok(&["cite", &id, "dupont2021annotations", "--locator", "p. 7"]);
    assert_eq!(locator_of(&env, &id), "p. 7");
    env.ok(&["uncite", &id, "dupont2021annotations"]);
    let out = env.ok(&[
        "annotate",
        "article",
        "--quote",
        "ici. Elle demande du temps. Fin de l'article",
        "--cite",
        "dupont2021annotations",
    ]);
    let spanning = out.split_whitespace().nth(1).expect("id").to_string();
    assert_eq!(locator_of(&env, &spanning), "pp. 202-203");
    let text = env.read("library/sources/article.txt");
    std::fs::write(
        env.path("library/sources/article.txt"),
        format!("Preface.\n\n{text}"),
    )
    .expect("text edited");
    let out = env.ok(&["cite", &id, "dupont2021annotations"]);
    assert!(
        !out.contains("p. 20"),
        "a stale page map gave a page: {out}"
    );
}

#[test]
fn pages_without_text_are_named_in_a_warning() {
    let env = Env::workspace();
    let bytes = Spec::pages(&["Page one.", "", "", "Page four."]).build();
    let file = write_pdf(&env, "scan.pdf", &bytes);
    let output = env
        .glose()
        .args(["add", &file])
        .output()
        .expect("glose runs");
    assert!(output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("pages 2, 3 have no text layer (scanned?); their text is missing"),
        "{err}"
    );
    let text = env.read("library/sources/scan.txt");
    assert!(text.contains("Page one.") && text.contains("Page four."));
}

#[test]
fn encrypted_broken_and_textless_pdfs_are_refused_and_nothing_is_written() {
    let env = Env::workspace();
    let whole = article().build();
    let cases = [
        (
            "locked.pdf",
            Spec::pages(&["secret"]).encrypted().build(),
            "encrypted PDF: remove the password first",
        ),
        (
            "cut.pdf",
            whole[..whole.len() / 2].to_vec(),
            "not a readable PDF",
        ),
        ("blank.pdf", Spec::pages(&["", ""]).build(), "run OCR"),
    ];
    let head = env.git_ws(&["rev-parse", "HEAD"]);
    let bib = env.read("library/references.bib");
    for (name, bytes, message) in cases {
        let file = write_pdf(&env, name, &bytes);
        let err = env.fails(&["add", &file], 2);
        assert!(err.contains(message), "{name}: {err}");
        assert_eq!(env.git_ws(&["rev-parse", "HEAD"]), head);
        assert!(
            env.git_ws(&["status", "--porcelain", "--untracked-files=all"])
                .trim()
                .is_empty()
        );
        let sources: Vec<_> = std::fs::read_dir(env.path("library/sources"))
            .expect("sources")
            .collect();
        assert!(sources.is_empty(), "{name}: {sources:?}");
        assert_eq!(env.read("library/references.bib"), bib);
    }
}
