//! CSL-JSON of real corpus entries: rich text (markup, braced words in `nocase` spans, math),
//! English titles in sentence case, and the issue, particles and genre as pandoc 3.9 writes them.

mod common;

use std::path::Path;

use glose::bib::{BibSource, Entry, load};
use glose::export::csl_json;
use serde_json::Value;

/// The CSL-JSON items of `keys` in the corpus file `name`, or `None` when ../shared is missing.
fn items(name: &str, keys: &[&str]) -> Option<Vec<Value>> {
    let path = common::shared(&format!("corpus/{name}"))?;
    let bytes = std::fs::read(&path).expect("a readable corpus file");
    let text = String::from_utf8_lossy(&bytes);
    let lib = load(&[BibSource {
        path: Path::new(name),
        text: &text,
    }]);
    let entries: Vec<&Entry> = keys
        .iter()
        .map(|k| lib.get(k).unwrap_or_else(|| panic!("{k} in {name}")))
        .collect();
    let out: Value = serde_json::from_str(&csl_json(&entries).text).expect("valid JSON");
    Some(out.as_array().cloned().unwrap_or_default())
}

const NOCASE: &str = "<span class=\"nocase\">";

#[test]
fn titles_carry_markup_math_and_braced_words_in_sentence_case() {
    let Some(items) = items("lesnat-these-fr.bib", &["ong_2019", "lieu_1993"]) else {
        return;
    };
    assert_eq!(
        items[0]["title"],
        format!(
            "Feasibility studies of an all-optical and compact <i>{NOCASE}γ</span></i> -ray \
             blaster using a 1 {NOCASE}PW</span> laser pulse"
        )
    );
    assert_eq!(
        items[0]["container-title"],
        "Plasma Physics and Controlled Fusion"
    );
    assert_eq!(
        items[1]["title"],
        format!(
            "Synchrotron {NOCASE}Radiation</span>: An {NOCASE}Inverse</span> \
             {NOCASE}Compton</span> {NOCASE}Effect</span>"
        )
    );
    assert_eq!(
        items[1]["title-short"],
        format!("Synchrotron {NOCASE}Radiation</span>")
    );
}

#[test]
fn braced_math_is_one_nocase_span_and_journals_keep_their_case() {
    let Some(items) = items("bbt-jabref-groups-97.bib", &["Abu-Zeid_1986"]) else {
        return;
    };
    assert_eq!(
        items[0]["title"],
        format!(
            "Determination of the thickness and refractive index of {NOCASE}Cu₂O</span> thin \
             film using thermal and optical interferometry"
        )
    );
    assert_eq!(items[0]["container-title"], "Physica Status Solidi (a)");
    assert_eq!(items[0]["page"], "613-620");
}

#[test]
fn an_article_s_number_and_issue_are_its_issue() {
    let Some(items) = items("biber-tugboat.bib", &["Carnes:TB3-1-28"]) else {
        return;
    };
    assert_eq!(
        items[0]["title"],
        format!("{NOCASE}HP3000 site report</span>")
    );
    assert_eq!(items[0]["issue"], "1, 5");
    assert_eq!(items[0]["container-title"], "TUGboat");
}
