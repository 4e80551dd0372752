//! `biber --tool` accepts every exported .bib (original bytes and normalized) whose library it
//! accepts in the first place: an export never introduces an error.

mod common;

use std::path::Path;
use std::process::Command;

use common::Env;

/// Corpus files biber reads without errors, small enough to keep the test quick.
const ACCEPTED: &[&str] = &[
    "biber-crossrefs.bib",
    "biber-dateformats.bib",
    "pybibtexparser-traps.bib",
];

/// Runs `biber --tool` on `file` and returns the errors its log reports.
fn biber_errors(dir: &Path, file: &str) -> Vec<String> {
    let output = Command::new("biber")
        .current_dir(dir)
        .args(["--tool", "--quiet", file])
        .output()
        .expect("biber runs");
    let log = std::fs::read_to_string(dir.join(format!("{file}.blg"))).unwrap_or_default();
    let mut errors: Vec<String> = log
        .lines()
        .filter(|line| line.contains("ERROR"))
        .map(String::from)
        .collect();
    if !output.status.success() && errors.is_empty() {
        errors.push(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    errors
}

fn export_both_ways(env: &Env) -> [&'static str; 2] {
    env.glose()
        .args(["export", "bibtex", "--all", "-o", "out.bib"])
        .assert()
        .success();
    env.glose()
        .args([
            "export",
            "bibtex",
            "--all",
            "--normalize",
            "-o",
            "normalized.bib",
        ])
        .assert()
        .success();
    ["out.bib", "normalized.bib"]
}

#[test]
fn biber_accepts_the_demo_exports() {
    if !common::tool("biber") {
        return;
    }
    let env = Env::workspace();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("library/references.bib"),
        env.path("library/references.bib"),
    )
    .expect("demo library copied");
    for file in export_both_ways(&env) {
        assert_eq!(
            biber_errors(&env.root(), file),
            Vec::<String>::new(),
            "{file}"
        );
    }
}

#[test]
fn biber_accepts_exports_of_the_corpus_files_it_accepts() {
    if !common::tool("biber") {
        return;
    }
    for name in ACCEPTED {
        let Some(original) = common::shared(&format!("corpus/{name}")) else {
            return;
        };
        let env = Env::workspace();
        std::fs::copy(&original, env.path(&format!("library/{name}"))).expect("corpus copied");
        std::fs::copy(&original, env.dir.path().join(name)).expect("corpus copied");
        assert_eq!(
            biber_errors(env.dir.path(), name),
            Vec::<String>::new(),
            "biber rejects the original {name}: it does not belong in this list"
        );
        for file in export_both_ways(&env) {
            assert_eq!(
                biber_errors(&env.root(), file),
                Vec::<String>::new(),
                "{name} exported as {file}"
            );
        }
    }
}

#[test]
fn normalized_export_repairs_what_biber_rejected() {
    if !common::tool("biber") {
        return;
    }
    let Some(original) = common::shared("corpus/bbt-discarded-873.bib") else {
        return;
    };
    let env = Env::workspace();
    std::fs::copy(&original, env.path("library/discarded.bib")).expect("corpus copied");
    std::fs::copy(&original, env.dir.path().join("discarded.bib")).expect("corpus copied");
    assert!(!biber_errors(env.dir.path(), "discarded.bib").is_empty());
    let [_, normalized] = export_both_ways(&env);
    assert_eq!(biber_errors(&env.root(), normalized), Vec::<String>::new());
}

#[test]
fn exports_carry_the_preambles_and_the_strings_they_use() {
    if !common::tool("biber") {
        return;
    }
    let env = Env::workspace();
    std::fs::write(
        env.path("library/references.bib"),
        "@string{defs = \"\\providecommand{\\mkbibquote}[1]{``#1''}\"}\n@string{unused = {U}}\n@preamble{defs # \"\\providecommand{\\noopsort}[1]{}\"}\n@book{knuth, author = {Knuth, Donald}, title = {{\\noopsort{a}}The {\\TeX}book}, publisher = {Addison-Wesley}, year = {1984}}\n",
    )
    .expect("library written");
    for file in export_both_ways(&env) {
        let text = std::fs::read_to_string(env.root().join(file)).expect("export read");
        assert!(
            text.contains("@preamble{defs # \"\\providecommand{\\noopsort}[1]{}\"}")
                && text.contains("@string{defs = ")
                && !text.contains("@string{unused"),
            "{file}:\n{text}"
        );
        assert_eq!(
            biber_errors(&env.root(), file),
            Vec::<String>::new(),
            "{file}"
        );
    }
}
