//! The language of an entry without `langid`, guessed from its titles when the guess is sure.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use super::entry::Entry;

/// The languages a title is told among: those glose has a biblatex `langid` for.
const LANGUAGES: [Lang; 7] = [
    Lang::Eng,
    Lang::Fra,
    Lang::Deu,
    Lang::Spa,
    Lang::Ita,
    Lang::Por,
    Lang::Nld,
];

/// Fields read together: the work's titles and its container's, which a style prints alike.
const TITLES: &[&str] = &["title", "subtitle", "journaltitle", "journal", "booktitle"];

static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(LANGUAGES.to_vec()));

/// `english` when whatlang reliably tells `entry`'s titles are English and `default` is another
/// language. Only English is guessed: CSL sets it apart (title case), and a French title guessed
/// in an English export would lose the title case pandoc and citeproc-js give it.
pub(crate) fn guessed_langid(entry: &Entry, default: Option<&str>) -> Option<&'static str> {
    if default == Some("english") {
        return None;
    }
    let text: Vec<&str> = TITLES.iter().filter_map(|name| entry.get(name)).collect();
    let info = DETECTOR.detect(&text.join(". "))?;
    (info.is_reliable() && info.lang() == Lang::Eng).then_some("english")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::entry::tests::entry;

    #[test]
    fn an_english_title_in_a_french_export_is_english() {
        let bourdier = entry(
            "bourdier_2005",
            &[
                (
                    "title",
                    "Stochastic heating in ultra high intensity laser-plasma interaction",
                ),
                ("journal", "Physica D: Nonlinear Phenomena"),
            ],
        );
        assert_eq!(guessed_langid(&bourdier, Some("french")), Some("english"));
        assert_eq!(guessed_langid(&bourdier, Some("ngerman")), Some("english"));
        assert_eq!(guessed_langid(&bourdier, Some("english")), None);
    }

    #[test]
    fn a_french_title_keeps_the_default() {
        let these = entry(
            "moreau_2018",
            &[(
                "title",
                "Interaction d'une impulsion laser intense avec un plasma sous dense dans le régime relativiste",
            )],
        );
        assert_eq!(guessed_langid(&these, Some("french")), None);
        assert_eq!(guessed_langid(&these, Some("english")), None);
        assert_eq!(guessed_langid(&these, Some("ngerman")), None);
    }

    #[test]
    fn a_short_or_ambiguous_title_keeps_the_default() {
        for title in [
            "Laser 500TW",
            "Quantum electrodynamics",
            "Geant4 Validation",
        ] {
            let short = entry("k", &[("title", title)]);
            assert_eq!(guessed_langid(&short, Some("french")), None, "{title}");
        }
        assert_eq!(guessed_langid(&entry("k", &[]), Some("french")), None);
    }
}
