//! `glose add` on web pages and URLs, and `glose bib doi`, against a loopback HTTP server.

mod common;
mod import_web_support;

use std::time::Duration;

use common::Env;
use import_web_support::{Route, Server, article_page, serve, sources, workspace_for};

const PARAGRAPHS: &[&str] = &[
    "Plus de six ans après l’adoption, en France, de la loi dite de « pénalisation du client », la prostitution sur Internet demeure en pleine expansion.",
    "Selon l’association abolitionniste « le Mouvement du Nid », 62 % de la prostitution passe, en France, par l’Internet.",
    "Ainsi, en se déroulant en ligne, ces phénomènes brouillent les frontières des pays et favorisent l’apparition d’une criminalité organisée.",
];

const META: &str = "<meta name=\"author\" content=\"Lucia Berdeil\">\
    <meta property=\"og:title\" content=\"La cyberprostitution, un lourd enjeu\">\
    <meta property=\"og:site_name\" content=\"Master 2 Cyberjustice\">\
    <meta property=\"article:published_time\" content=\"2023-03-14T09:00:00+01:00\">";

const BIBTEX: &str = "@article{Durand_2021, title={Le droit des plateformes}, volume={12}, DOI={10.1234/abc.5}, journal={Revue du numérique}, author={Durand, Paul}, year={2021}}";

fn site() -> Server {
    let page = article_page(META, PARAGRAPHS);
    let mut slow = Route::new("/slow", "text/html", page.clone());
    slow.delay = Duration::from_secs(3);
    let mut streamed = Route::new("/streamed", "text/html", "<p>x</p>".repeat(2000));
    streamed.no_length = true;
    let mut doi = Route::new(
        "/10.1234/abc.5",
        "application/x-bibtex; charset=utf-8",
        BIBTEX,
    );
    doi.needs_accept = Some("application/x-bibtex");
    serve(vec![
        Route::new("/articles/cyber.html", "text/html; charset=utf-8", page),
        Route::redirect("/old", "/articles/cyber.html"),
        slow,
        Route::new("/huge", "text/html", "<p>é</p>".repeat(2000)),
        streamed,
        Route::new(
            "/logo.png",
            "image/png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        ),
        Route::new(
            "/empty",
            "text/html",
            article_page("", &[]).replace("<h1>L’article</h1>", ""),
        ),
        Route::new(
            "/notes.txt",
            "text/plain; charset=utf-8",
            "Une note en texte brut.\n",
        ),
        doi,
    ])
}

fn workspace(server: &Server) -> Env {
    workspace_for(server, 1)
}

/// Runs a failing `glose add`/`glose bib doi` and checks it left the workspace exactly as it was.
fn fails_cleanly(env: &Env, args: &[&str]) -> String {
    let bib = env.read("library/references.bib");
    let files = sources(env);
    let commits = env.commit_count();
    let message = env.fails(args, 2);
    assert_eq!(env.read("library/references.bib"), bib, "{message}");
    assert_eq!(sources(env), files, "{message}");
    assert_eq!(env.commit_count(), commits, "{message}");
    assert_eq!(env.git_ws(&["status", "--porcelain"]), "", "{message}");
    message
}

#[test]
fn a_page_is_imported_with_its_original_and_a_proposed_reference() {
    let server = site();
    let env = workspace(&server);
    let url = format!("{}/articles/cyber.html", server.base);
    let out = env.ok(&["add", &url]);
    assert!(out.contains("Added source cyber"), "{out}");
    assert!(
        out.contains("@online{berdeil2023cyberprostitution,"),
        "{out}"
    );
    let text = env.read("library/sources/cyber.md");
    let mut from = 0;
    for paragraph in PARAGRAPHS {
        let at = text[from..]
            .find(paragraph)
            .unwrap_or_else(|| panic!("{paragraph:?} missing or out of order in\n{text}"));
        from += at + paragraph.len();
    }
    for absent in [
        "Menu Accueil",
        "Sidebar lien",
        "Pied de page",
        "SCRIPT TEXT",
        "cookies",
    ] {
        assert!(!text.contains(absent), "{absent:?} in\n{text}");
    }
    assert_eq!(
        env.read("library/sources/cyber.html"),
        article_page(META, PARAGRAPHS)
    );
    let bib = env.read("library/references.bib");
    for field in [
        "author       = {Berdeil, Lucia}",
        "title        = {La cyberprostitution, un lourd enjeu}",
        "date         = {2023-03-14}",
        "organization = {Master 2 Cyberjustice}",
        "urldate      = {2026-03-02}",
    ] {
        assert!(bib.contains(field), "{field} missing in\n{bib}");
    }
    assert!(bib.contains(&format!("url          = {{{url}}}")), "{bib}");
    let notes = env.read("notes/cyber.toml");
    assert!(notes.contains("format = \"html\""), "{notes}");
    assert!(
        notes.contains("cite = \"berdeil2023cyberprostitution\""),
        "{notes}"
    );
    assert_eq!(env.git_ws(&["status", "--porcelain"]), "");
    let changed = env.git_ws(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        changed.lines().collect::<Vec<_>>(),
        [
            "library/references.bib",
            "library/sources/cyber.html",
            "library/sources/cyber.md",
            "notes/cyber.toml"
        ]
    );
    let check = env.ok(&["check"]);
    assert!(!check.contains("unregistered-source"), "{check}");
}

#[test]
fn a_redirect_is_followed_and_the_final_address_is_the_url() {
    let server = site();
    let env = workspace(&server);
    let out = env.ok(&["add", &format!("{}/old", server.base), "--id", "moved"]);
    assert!(out.contains("Added source moved"), "{out}");
    let bib = env.read("library/references.bib");
    assert!(
        bib.contains(&format!("{{{}/articles/cyber.html}}", server.base)),
        "{bib}"
    );
    let again = env.ok(&["add", &format!("{}/articles/cyber.html", server.base)]);
    assert!(
        again.contains("its URL is already in the library as `berdeil2023cyberprostitution`"),
        "{again}"
    );
    assert_eq!(env.read("library/references.bib"), bib);
}

#[test]
fn cite_given_by_the_user_wins_over_the_proposal() {
    let server = site();
    let env = workspace(&server);
    env.write(
        "mine.bib",
        "@online{mine, title={Mon entrée}, url={https://ailleurs.example.org}}\n",
    );
    env.ok(&[
        "bib",
        "add",
        env.dir.path().join("mine.bib").to_str().expect("path"),
    ]);
    let bib = env.read("library/references.bib");
    let out = env.ok(&[
        "add",
        &format!("{}/articles/cyber.html", server.base),
        "--cite",
        "mine",
    ]);
    assert!(!out.contains("@online"), "{out}");
    assert_eq!(env.read("library/references.bib"), bib);
    assert!(env.read("notes/cyber.toml").contains("cite = \"mine\""));
}

#[test]
fn plain_text_from_a_url_is_a_text_source() {
    let server = site();
    let env = workspace(&server);
    env.ok(&["add", &format!("{}/notes.txt", server.base)]);
    assert_eq!(
        env.read("library/sources/notes.txt"),
        "Une note en texte brut.\n"
    );
    assert_eq!(sources(&env), ["notes.txt"]);
}

#[test]
fn failed_downloads_say_why_and_write_nothing() {
    let server = site();
    let env = workspace(&server);
    let base = &server.base;
    let cases = [
        (
            format!("{base}/missing"),
            "the server answered 404 Not Found for",
        ),
        (format!("{base}/slow"), "did not answer within 1 s"),
        (format!("{base}/huge"), "larger than 5000 bytes"),
        (format!("{base}/streamed"), "larger than 5000 bytes"),
        (
            format!("{base}/logo.png"),
            "sent image/png, not a web page, text or PDF",
        ),
        (format!("{base}/empty"), "no article text was found"),
        (
            "http://127.0.0.1:1/page".to_string(),
            "could not reach http://127.0.0.1:1/page",
        ),
    ];
    for (url, expected) in cases {
        let message = fails_cleanly(&env, &["add", &url]);
        assert!(message.contains(expected), "{url}: {message}");
    }
}

#[test]
fn a_saved_page_without_article_is_refused() {
    let env = Env::workspace();
    let page = env.write(
        "menus.html",
        &article_page("", &[]).replace("<h1>L’article</h1>", ""),
    );
    let message = fails_cleanly(&env, &["add", page.to_str().expect("path")]);
    assert!(message.contains("no article text was found"), "{message}");
}

#[test]
fn bib_doi_appends_the_entry_once() {
    let server = site();
    let env = workspace(&server);
    let out = env.ok(&["bib", "doi", "doi:10.1234/abc.5"]);
    assert!(out.contains("Added 1 entry: Durand_2021"), "{out}");
    let bib = env.read("library/references.bib");
    assert!(bib.ends_with(&format!("{BIBTEX}\n")), "{bib}");
    let seen = server.requests.lock().expect("requests").clone();
    assert!(
        seen.iter()
            .any(|r| r.starts_with("/10.1234/abc.5 accept=application/x-bibtex")),
        "{seen:?}"
    );
    let again = env.ok(&["bib", "doi", "https://doi.org/10.1234/abc.5"]);
    assert!(
        again.contains("its DOI is already in the library as `Durand_2021`"),
        "{again}"
    );
    assert_eq!(env.read("library/references.bib"), bib);
    assert_eq!(env.git_ws(&["status", "--porcelain"]), "");
}

#[test]
fn bib_doi_reports_an_unknown_doi_and_a_bad_input() {
    let server = site();
    let env = workspace(&server);
    let message = fails_cleanly(&env, &["bib", "doi", "10.9999/nothing"]);
    assert!(
        message.contains("the DOI 10.9999/nothing was not found") && message.contains("404"),
        "{message}"
    );
    let message = fails_cleanly(&env, &["bib", "doi", "not-a-doi"]);
    assert!(message.contains("is not a DOI"), "{message}");
}

#[test]
fn the_example_article_survives_a_page_of_menus() {
    let Some(path) = common::shared("example/library/sources/berdeil-2023-cyberprostitution.txt")
    else {
        return;
    };
    let article = std::fs::read_to_string(path).expect("example article");
    let normalized = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let paragraphs: Vec<String> = article
        .lines()
        .map(normalized)
        .filter(|l| !l.is_empty())
        .collect();
    let escaped: Vec<String> = paragraphs
        .iter()
        .map(|p| p.replace('&', "&amp;").replace('<', "&lt;"))
        .collect();
    let escaped: Vec<&str> = escaped.iter().map(String::as_str).collect();
    let env = Env::workspace();
    let page = env.write("berdeil.html", &article_page(META, &escaped));
    env.ok(&["add", page.to_str().expect("path")]);
    let text = normalized(&env.read("library/sources/berdeil.md"));
    let mut from = 0;
    for paragraph in &paragraphs {
        let at = text[from..]
            .find(paragraph.as_str())
            .unwrap_or_else(|| panic!("{paragraph:?} missing or out of order"));
        from += at + paragraph.len();
    }
    assert!(!text.contains("Menu Accueil") && !text.contains("Pied de page"));
}
