//! `glose add URL` when the URL answers with a PDF: imported as a PDF file is, its address in the proposed entry.

mod common;
mod import_web_support;
#[path = "support/pdf.rs"]
#[allow(dead_code)]
mod pdf;

use common::Env;
use import_web_support::{Route, Server, serve, sources, workspace_for};
use pdf::Spec;

const FIRST: &str = "Rapport sur les plateformes\nCamille Martin";
const SECOND: &str = "Les plateformes doivent publier leurs conditions.";

fn report() -> Vec<u8> {
    Spec::pages(&[FIRST, SECOND])
        .labels(0, "D", None, Some(11))
        .info("Title", "Rapport sur les plateformes")
        .info("Author", "Camille Martin")
        .info("CreationDate", "D:20190412093000+02'00'")
        .build()
}

fn site() -> Server {
    let whole = report();
    let mut huge = Spec::pages(&[FIRST, SECOND]).build();
    huge.extend(std::iter::repeat_n(b'%', 6000));
    serve(vec![
        Route::new("/papers/rapport.pdf", "application/pdf", whole.clone()),
        Route::redirect("/latest", "/papers/rapport.pdf"),
        Route::new("/download", "application/octet-stream", whole.clone()),
        Route::new("/unlabelled", "", whole.clone()),
        Route::new(
            "/cut.pdf",
            "application/pdf",
            whole[..whole.len() / 2].to_vec(),
        ),
        Route::new("/big.pdf", "application/pdf", huge),
        Route::new(
            "/archive.bin",
            "application/octet-stream",
            b"PK\x03\x04\0\0binary".to_vec(),
        ),
    ])
}

fn workspace(server: &Server) -> Env {
    workspace_for(server, 2)
}

#[test]
fn a_url_that_answers_with_a_pdf_is_imported_as_a_pdf() {
    let server = site();
    let env = workspace(&server);
    assert!(report().len() < 5000, "the test PDF fits the size limit");
    let before = env.commit_count();
    let out = env.ok(&["add", &format!("{}/latest", server.base)]);
    assert!(out.contains("Added source rapport"), "{out}");
    assert!(out.contains("@misc{martin2019rapport,"), "{out}");
    assert_eq!(env.commit_count(), before + 1);
    assert_eq!(
        sources(&env),
        ["rapport.pages.toml", "rapport.pdf", "rapport.txt"]
    );
    assert_eq!(
        std::fs::read(env.path("library/sources/rapport.pdf")).expect("pdf kept"),
        report()
    );
    let text = env.read("library/sources/rapport.txt");
    assert!(
        text.contains("Camille Martin") && text.contains("publier leurs conditions"),
        "{text}"
    );
    let pages = env.read("library/sources/rapport.pages.toml");
    assert!(
        pages.contains("label = \"11\"") && pages.contains("label = \"12\""),
        "{pages}"
    );
    let bib = env.read("library/references.bib");
    let final_url = format!("{}/papers/rapport.pdf", server.base);
    for field in [
        "author  = {Martin, Camille}".to_string(),
        "year    = {2019}".to_string(),
        format!("url     = {{{final_url}}}"),
        "urldate = {2026-03-02}".to_string(),
    ] {
        assert!(bib.contains(&field), "{field} missing in\n{bib}");
    }
    let notes = env.read("notes/rapport.toml");
    assert!(notes.contains("format = \"pdf\""), "{notes}");
    assert!(notes.contains("cite = \"martin2019rapport\""), "{notes}");
    assert!(env.git_ws(&["status", "--porcelain"]).trim().is_empty());

    let again = env.ok(&["add", &final_url, "--id", "again"]);
    assert!(
        again.contains("its URL is already in the library as `martin2019rapport`"),
        "{again}"
    );
    assert_eq!(env.read("library/references.bib"), bib);
}

#[test]
fn a_pdf_sent_as_generic_bytes_or_untyped_is_recognised_by_its_first_bytes() {
    let server = site();
    let env = workspace(&server);
    for (path, id) in [("/download", "generic"), ("/unlabelled", "untyped")] {
        let out = env.ok(&["add", &format!("{}{path}", server.base), "--id", id]);
        assert!(out.contains(&format!("Added source {id}")), "{out}");
        assert_eq!(
            std::fs::read(env.path(&format!("library/sources/{id}.pdf"))).expect("pdf kept"),
            report()
        );
    }
}

#[test]
fn a_broken_huge_or_binary_download_is_refused_and_nothing_is_written() {
    let server = site();
    let env = workspace(&server);
    let base = &server.base;
    for (path, expected) in [
        ("/cut.pdf", "not a readable PDF"),
        ("/big.pdf", "larger than 5000 bytes"),
        ("/archive.bin", "not a web page, text or PDF"),
    ] {
        let url = format!("{base}{path}");
        let bib = env.read("library/references.bib");
        let commits = env.commit_count();
        let message = env.fails(&["add", &url], 2);
        assert!(message.contains(expected), "{path}: {message}");
        assert!(
            message.contains(&url),
            "{path} names the address: {message}"
        );
        assert_eq!(env.read("library/references.bib"), bib);
        assert!(sources(&env).is_empty(), "{path}: {:?}", sources(&env));
        assert_eq!(env.commit_count(), commits);
        assert_eq!(env.git_ws(&["status", "--porcelain"]), "");
    }
}
