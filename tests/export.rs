//! `glose export` on the example workspace: real styles, the report, CSL-JSON, W3C and BibTeX.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Env;
use glose::bib::{BibSource, Severity, load};
use serde_json::Value;

fn demo() -> Env {
    let env = Env::new();
    let root = env.root();
    env.glose_in(env.dir.path())
        .args(["demo", root.to_str().expect("path")])
        .assert()
        .success();
    env
}

/// Standard output and error of a successful run.
fn run(env: &Env, args: &[&str]) -> (String, String) {
    let output = env.glose().args(args).output().expect("glose runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "glose {args:?}: {stderr}");
    (String::from_utf8(output.stdout).expect("utf-8"), stderr)
}

fn shared_style(name: &str) -> Option<PathBuf> {
    common::shared(&format!("csl/styles/{name}"))
}

#[test]
fn markdown_apa_in_french_with_typography_and_warnings() {
    let env = demo();
    let (text, warnings) = run(
        &env,
        &["export", "markdown", "--style", "apa", "--locale", "fr-FR"],
    );
    insta::assert_snapshot!("markdown_apa_fr", text);
    assert!(text.starts_with("# Bibliographie\n"), "{text}");
    assert!(
        text.contains("*Cybercriminalité\u{a0}: droit pénal appliqué*"),
        "{text}"
    );
    assert!(text.contains("Loi nº 2016-444"), "{text}");
    assert!(text.contains("Mouvement du Nid. (s.\u{a0}d.)"), "{text}");
    assert!(
        warnings.contains("`cp-225-5`") && warnings.contains("lacks date or year"),
        "{warnings}"
    );
}

#[test]
fn markdown_chicago_in_english_keeps_french_titles_in_sentence_case() {
    let env = demo();
    let (text, _) = run(
        &env,
        &[
            "export",
            "markdown",
            "--all",
            "--style",
            "chicago-author-date",
            "--locale",
            "en-US",
        ],
    );
    insta::assert_snapshot!("markdown_chicago_en", text);
    assert!(text.starts_with("# Bibliography\n"));
    assert!(
        text.contains("*Cybercriminalité : droit pénal appliqué*"),
        "{text}"
    );
    assert!(
        text.contains("Quéméner, Myriam, and Yves Charpenel. 2010."),
        "{text}"
    );
}

#[test]
fn markdown_in_french_csl_styles_from_files() {
    let env = demo();
    for name in [
        "universite-de-bordeaux-ecole-doctorale-de-droit.csl",
        "iso690-author-date-fr.csl",
    ] {
        let Some(path) = shared_style(name) else {
            return;
        };
        let (text, _) = run(
            &env,
            &[
                "export",
                "markdown",
                "--style",
                path.to_str().expect("path"),
            ],
        );
        insta::assert_snapshot!(format!("markdown_{}", name.trim_end_matches(".csl")), text);
        assert!(
            text.contains("CONSEIL DE L'EUROPE") || text.contains("Conseil de l'Europe"),
            "{text}"
        );
        if name.starts_with("universite") {
            assert!(text.contains("«\u{a0}La cyberprostitution"), "{text}");
        }
    }
}

#[test]
fn a_workspace_style_and_the_styles_list() {
    let env = demo();
    let Some(path) = shared_style("ieee.csl") else {
        return;
    };
    std::fs::create_dir_all(env.path("styles")).expect("mkdir");
    std::fs::copy(path, env.path("styles/mine.csl")).expect("copy");
    let (text, _) = run(
        &env,
        &["export", "markdown", "--style", "mine", "--locale", "en-US"],
    );
    assert!(text.contains("\\[1\\]"), "{text}");
    let (list, _) = run(&env, &["styles"]);
    assert!(
        list.contains("apa") && list.contains("ieee") && list.contains("  mine"),
        "{list}"
    );
    let error = env.fails(&["export", "markdown", "--style", "apaa"], 2);
    assert!(
        error.contains("no style `apaa`") && error.contains("apa"),
        "{error}"
    );
}

#[test]
fn report_has_claims_in_reading_order_with_pandoc_citations() {
    let env = demo();
    let (text, _) = run(
        &env,
        &["export", "report", "--style", "apa", "--locale", "fr-FR"],
    );
    insta::assert_snapshot!("report_apa_fr", text);
    assert!(text.contains("lang: fr-FR"));
    assert!(
        text.contains("Référence\u{a0}: Berdeil, L. (2023"),
        "{text}"
    );
    assert!(text.contains("[@loi2016-444]"));
    assert!(text.contains("[@cp-225-5, art. 225-5]"));
    assert!(text.contains("[@cp-227-23, art. 227-23, al. 3]"));
    assert!(text.contains("**Non étayée**"));
    let claims: Vec<usize> = [
        "la loi dite de",
        "62% de la prostitution",
        "en 2018, plus de la moitié",
    ]
    .iter()
    .map(|q| text.find(q).unwrap_or_else(|| panic!("{q} missing")))
    .collect();
    assert!(claims.windows(2).all(|w| w[0] < w[1]));
    assert!(text.find("## Bibliographie") > text.rfind("### Affirmation"));
}

#[test]
fn report_renders_with_pandoc_citeproc_without_warnings() {
    if !common::tool("pandoc") {
        return;
    }
    let env = demo();
    run(&env, &["export", "bibtex", "-o", "refs.bib"]);
    run(&env, &["export", "report", "-o", "report.md"]);
    let output = Command::new("pandoc")
        .current_dir(env.root())
        .args([
            "--citeproc",
            "--bibliography",
            "refs.bib",
            "report.md",
            "-t",
            "plain",
        ])
        .output()
        .expect("pandoc runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("WARNING"), "{stderr}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("art. 225-5"), "{text}");
    assert!(!text.contains("???"), "a citation was not resolved: {text}");
}

#[test]
fn bibtex_cited_stands_alone_and_reloads() {
    let env = demo();
    let (text, _) = run(&env, &["export", "bibtex"]);
    insta::assert_snapshot!("bibtex_cited", text);
    assert!(text.contains("@string{coe = \"{Conseil de l'Europe}\"}"));
    assert!(
        text.contains("  author    = coe,"),
        "original bytes are kept"
    );
    let library = load(&[BibSource {
        path: Path::new("out.bib"),
        text: &text,
    }]);
    assert!(
        library.diagnostics().is_empty(),
        "{:?}",
        library.diagnostics()
    );
    assert_eq!(library.entries().len(), 8);
    let budapest = library.get("budapest2001").expect("budapest2001 exported");
    assert_eq!(budapest.authors(), ["Conseil de l'Europe"]);
}

#[test]
fn bibtex_normalize_escapes_specials_and_reloads_with_the_same_values() {
    let env = demo();
    let bib = "@string{j = {J. R\\&D}}\n@article{odd,\n  title = {Profits & Losses: 50% of #1 a_b},\n  journal = j,\n  year = 2020,\n  url = {https://x.org/a_b%20c#d},\n}\n";
    std::fs::write(env.path("library/references.bib"), bib).expect("write");
    let (text, _) = run(&env, &["export", "bibtex", "--all", "--normalize"]);
    assert!(
        text.contains(r"title   = {{Profits} \& {Losses:} 50\% of \#1 a\_b},"),
        "{text}"
    );
    assert!(text.contains(r"journal = {J. R\&D},"), "{text}");
    assert!(
        text.contains("url     = {https://x.org/a_b%20c#d},"),
        "{text}"
    );
    let before = load(&[BibSource {
        path: Path::new("a.bib"),
        text: bib,
    }]);
    let after = load(&[BibSource {
        path: Path::new("b.bib"),
        text: &text,
    }]);
    let values = |l: &glose::bib::Library| {
        l.get("odd").map(|e| {
            e.fields
                .iter()
                .map(|f| (f.name().to_string(), f.value().to_string()))
                .collect::<std::collections::BTreeMap<_, _>>()
        })
    };
    assert_eq!(values(&before), values(&after));
    assert!(
        after
            .diagnostics()
            .iter()
            .all(|d| d.severity != Severity::Error)
    );
}

#[test]
fn csl_json_has_legal_types_and_structured_names() {
    let env = demo();
    let (text, _) = run(&env, &["export", "csl-json", "--all"]);
    let items: Value = serde_json::from_str(&text).expect("JSON");
    let find = |id: &str| {
        items
            .as_array()
            .and_then(|a| a.iter().find(|i| i["id"] == id))
            .cloned()
            .unwrap_or_default()
    };
    let loi = find("loi2016-444");
    assert_eq!(loi["type"], "legislation");
    assert_eq!(
        loi["container-title"],
        "Journal officiel de la République française"
    );
    assert_eq!(
        loi["issued"]["date-parts"],
        serde_json::json!([[2016, 4, 13]])
    );
    assert_eq!(
        find("budapest2001")["author"],
        serde_json::json!([{"literal": "Conseil de l'Europe"}])
    );
    assert_eq!(
        find("quemener-charpenel2010")["author"][0]["family"],
        "Quéméner"
    );
}

#[test]
fn w3c_annotations_have_quote_and_code_point_selectors() {
    let env = demo();
    let (text, _) = run(&env, &["export", "annotations", "--format", "w3c"]);
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(doc["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    let items = doc["first"]["items"].as_array().expect("items");
    assert_eq!(doc["total"], items.len());
    let source: Vec<char> = env
        .read("library/sources/berdeil-2023.txt")
        .chars()
        .collect();
    let mut checked = 0;
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let selectors = item["target"]["selector"].as_array().expect("selectors");
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        if let Some(position) = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
        {
            let start = position["start"].as_u64().unwrap_or_default() as usize;
            let end = position["end"].as_u64().unwrap_or_default() as usize;
            let quoted: String = source[start..end].iter().collect();
            assert_eq!(quoted, selectors[0]["exact"].as_str().unwrap_or_default());
            checked += 1;
        }
    }
    assert!(checked > 5, "{checked} position selectors checked");
    let claim = items
        .iter()
        .find(|i| i["id"] == "urn:glose:annotation:p52tsc09")
        .expect("claim");
    let link = claim["body"]
        .as_array()
        .and_then(|b| b.iter().find(|x| x["type"] == "SpecificResource"))
        .expect("citation");
    assert_eq!(link["citeKey"], "loi2016-444");
    assert_eq!(link["source"], "library/references.bib#loi2016-444");
    assert_eq!(claim["motivation"], "assessing");
}

#[test]
fn a_formatter_panic_on_the_whole_list_still_formats_every_entry() {
    let Some(mla) = shared_style("modern-language-association.csl") else {
        return;
    };
    let env = Env::workspace();
    let authors = [
        "Brady, C. S.",
        "Ridgers, C. P.",
        "Arber, T. D.",
        "Bell, A. R.",
        "Kirk, J. G.",
    ];
    let entry = |key: &str, count: usize, title: &str, year: u32| {
        format!(
            "@article{{{key},\n  title = {{{title}}},\n  journal = {{Physical Review Letters}},\n  author = {{{}}},\n  year = {{{year}}},\n}}\n",
            authors[..count].join(" and ")
        )
    };
    let bib = entry("brady_2013", 4, "Gamma-ray emission", 2013)
        + &entry("brady_2012", 5, "Laser absorption", 2012);
    std::fs::write(env.path("library/references.bib"), bib).expect("library written");
    let (text, warnings) = run(
        &env,
        &[
            "export",
            "markdown",
            "--all",
            "--locale",
            "en-US",
            "--style",
            mla.to_str().expect("path"),
        ],
    );
    assert!(
        !warnings.contains("formatted alone"),
        "citation disambiguation, where hayagriva panicked, no longer runs for a bibliography: {warnings}"
    );
    let gamma = text
        .find("“Gamma-Ray Emission.”")
        .expect("first entry formatted");
    let laser = text
        .find("“Laser Absorption.”")
        .expect("second entry formatted");
    assert!(gamma < laser, "sorted by text: {text}");
}
