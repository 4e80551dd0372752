//! Snapshots of every exporter on the example workspace: APA, Chicago author-date, IEEE and MLA in
//! en-US and fr-FR, the French and legal CSL styles of ../shared/csl, CSL-JSON and W3C.

mod common;

use common::Env;

const BUILT_IN: &[&str] = &[
    "apa",
    "chicago-author-date",
    "ieee",
    "modern-language-association",
];

const FROM_FILES: &[&str] = &[
    "chicago-author-date-fr",
    "iso690-numeric-fr",
    "mcgill-fr",
    "oscola",
    "presses-universitaires-de-strasbourg-note",
];

/// A word of each of the nine references of the example library.
const EVERY_REFERENCE: &[&str] = &[
    "Berdeil",
    "2016-444",
    "2022/2065",
    "Convention sur la cybercriminalit",
    "225-5",
    "225-12-1",
    "227-23",
    "Prostitution et Internet",
    "Quéméner",
];

fn demo() -> Env {
    let env = Env::new();
    let root = env.root();
    env.glose_in(env.dir.path())
        .args(["demo", root.to_str().expect("path")])
        .assert()
        .success();
    env
}

fn export(env: &Env, args: &[&str]) -> String {
    let output = env
        .glose()
        .arg("export")
        .args(args)
        .output()
        .expect("glose runs");
    assert!(
        output.status.success(),
        "glose export {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// What every bibliography must show, whatever its style.
fn assert_complete_and_clean(text: &str, french: bool, what: &str) {
    let lowercase = text.to_lowercase();
    for word in EVERY_REFERENCE {
        assert!(
            lowercase.contains(&word.to_lowercase()),
            "{what}: {word} missing\n{text}"
        );
    }
    let tex = text
        .split('\\')
        .skip(1)
        .any(|after| after.starts_with(|c: char| c.is_ascii_alphabetic()));
    assert!(!tex, "{what}: a TeX command leaked\n{text}");
    assert!(
        !text.contains('{') && !text.contains('}'),
        "{what}: braces leaked\n{text}"
    );
    if french {
        assert!(text.contains("# Bibliographie"), "{what}\n{text}");
        for glued in [" :", " ;"] {
            assert!(
                !text.contains(glued),
                "{what}: breakable space before {glued}\n{text}"
            );
        }
    }
}

#[test]
fn built_in_styles_in_english_and_french() {
    let env = demo();
    for style in BUILT_IN {
        for locale in ["en-US", "fr-FR"] {
            let what = format!("{style}_{locale}");
            let markdown = export(
                &env,
                &["markdown", "--all", "--style", style, "--locale", locale],
            );
            assert_complete_and_clean(&markdown, locale == "fr-FR", &what);
            insta::assert_snapshot!(format!("styles_markdown_{what}"), markdown);
            let report = export(&env, &["report", "--style", style, "--locale", locale]);
            assert!(
                report.contains("[@cp-225-5, art. 225-5]"),
                "{what}\n{report}"
            );
            insta::assert_snapshot!(format!("styles_report_{what}"), report);
        }
    }
}

#[test]
fn french_and_legal_styles_from_csl_files() {
    let env = demo();
    for name in FROM_FILES {
        let Some(path) = common::shared(&format!("csl/styles/{name}.csl")) else {
            return;
        };
        let markdown = export(
            &env,
            &["markdown", "--all", "--style", path.to_str().expect("path")],
        );
        assert_complete_and_clean(
            &markdown,
            name.ends_with("-fr") || name.starts_with("presses"),
            name,
        );
        insta::assert_snapshot!(format!("styles_markdown_{name}"), markdown);
    }
}

#[test]
fn csl_json_and_w3c_annotations() {
    let env = demo();
    let json = export(&env, &["csl-json", "--all"]);
    let items: serde_json::Value = serde_json::from_str(&json).expect("CSL-JSON");
    assert_eq!(items.as_array().map(Vec::len), Some(EVERY_REFERENCE.len()));
    insta::assert_snapshot!("styles_csl_json", json);
    let w3c = export(&env, &["annotations", "--format", "w3c"]);
    let doc: serde_json::Value = serde_json::from_str(&w3c).expect("W3C JSON-LD");
    assert_eq!(doc["type"], "AnnotationCollection");
    insta::assert_snapshot!("styles_w3c", w3c);
}
