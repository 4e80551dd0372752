//! A web page that names its journal proposes an `@article`, which the CSL-JSON export reads as
//! an article in a periodical.

mod common;
mod import_web_support;

use common::Env;
use import_web_support::{Route, article_page, serve};

const HIGHWIRE: &str = "<meta name=\"citation_title\" content=\"Le juge et l'algorithme\">\
    <meta name=\"citation_author\" content=\"Durand, Paul\">\
    <meta name=\"citation_publication_date\" content=\"2021/06/01\">\
    <meta name=\"citation_journal_title\" content=\"Revue de science criminelle\">\
    <meta name=\"citation_volume\" content=\"12\"><meta name=\"citation_issue\" content=\"3\">\
    <meta name=\"citation_firstpage\" content=\"201\"><meta name=\"citation_lastpage\" content=\"215\">\
    <meta property=\"og:site_name\" content=\"Portail des revues\">";

const JSON_LD: &str = r##"<script type="application/ld+json">{"@graph":[
    {"@type":"ScholarlyArticle","headline":"Les preuves numériques","author":{"@type":"Person","name":"Ana Lopez"},
     "datePublished":"2020-02-10","pageStart":7,"pageEnd":29,"isPartOf":{"@id":"#n"}},
    {"@id":"#n","@type":"PublicationIssue","issueNumber":"1",
     "isPartOf":{"@type":"PublicationVolume","volumeNumber":"5","isPartOf":{"@type":"Periodical","name":"Droit et société"}}}]}
    </script>"##;

const TEXT: &[&str] = &[
    "Le juge doit pouvoir expliquer la décision rendue avec l’aide d’un algorithme, et les parties doivent pouvoir la discuter.",
    "Les outils d’aide à la décision se multiplient dans les juridictions depuis la publication des décisions en données ouvertes.",
    "La doctrine s’interroge sur la place du contradictoire lorsque le raisonnement de l’outil n’est pas accessible aux parties.",
];

#[test]
fn a_journal_page_proposes_an_article_that_exports_with_its_periodical() {
    let server = serve(vec![
        Route::new("/rsc/juge.html", "text/html", article_page(HIGHWIRE, TEXT)),
        Route::new("/ds/preuves.html", "text/html", article_page(JSON_LD, TEXT)),
    ]);
    let env = Env::workspace();
    let out = env.ok(&["add", &format!("{}/rsc/juge.html", server.base)]);
    assert!(out.contains("@article{durand2021juge,"), "{out}");
    let out = env.ok(&["add", &format!("{}/ds/preuves.html", server.base)]);
    assert!(out.contains("@article{lopez2020preuves,"), "{out}");
    let bib = env.read("library/references.bib");
    for field in [
        "journaltitle = {Revue de science criminelle}",
        "volume       = {12}",
        "number       = {3}",
        "pages        = {201--215}",
        "journaltitle = {Droit et société}",
        "pages        = {7--29}",
    ] {
        assert!(bib.contains(field), "{field} missing in\n{bib}");
    }
    assert!(!bib.contains("Portail des revues"), "{bib}");

    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["export", "csl-json", "--all"])).expect("CSL-JSON");
    let items = json.as_array().expect("items");
    let item = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id} not exported: {json}"))
    };
    let juge = item("durand2021juge");
    assert_eq!(juge["type"], "article-journal", "{juge}");
    assert_eq!(
        juge["container-title"], "Revue de science criminelle",
        "{juge}"
    );
    assert_eq!(juge["volume"], "12", "{juge}");
    assert_eq!(juge["issue"], "3", "{juge}");
    assert_eq!(juge["page"], "201-215", "{juge}");
    let preuves = item("lopez2020preuves");
    assert_eq!(preuves["container-title"], "Droit et société", "{preuves}");
    assert_eq!(preuves["issue"], "1", "{preuves}");
}
