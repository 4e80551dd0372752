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

/// French words a title cannot do without, and English ones: whatlang alone calls some English
/// titles French (`Smilei : A collaborative, open-source… code for plasma simulation`).
const FRENCH_WORDS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "à", "au", "aux", "pour",
    "par", "dans", "sur", "avec", "en", "entre", "sous", "vers",
];
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "for", "in", "with", "to", "on", "by", "from", "an", "at", "into",
];

/// The language of `entry`'s titles when it is not `default` and the guess is sure: English when
/// whatlang reliably says so, French when it does and French words outnumber English ones. An
/// English title in a French export keeps English typography; a French title in an English
/// export is not put in title case (CSL title-cases English only).
pub(crate) fn guessed_langid(entry: &Entry, default: Option<&str>) -> Option<&'static str> {
    let text = TITLES
        .iter()
        .filter_map(|name| entry.get(name))
        .collect::<Vec<_>>()
        .join(". ");
    let info = DETECTOR.detect(&text)?;
    let reliable = info.is_reliable();
    let langid = match info.lang() {
        Lang::Eng if reliable => "english",
        Lang::Fra if reliable && mostly_french(entry.get("title").unwrap_or_default()) => "french",
        lang if !reliable
            && (lang == Lang::Eng || count_of(&text, ENGLISH_WORDS) > 0)
            && !looks_french(&text) =>
        {
            "english"
        }
        _ => return None,
    };
    (Some(langid) != default).then_some(langid)
}

/// Whether `text` has a French word or a letter English does not use: short English titles,
/// which whatlang is unsure of, have neither.
fn looks_french(text: &str) -> bool {
    text.contains(|c| "éèêëàâçîïôûùœÉÈÀÇ".contains(c)) || count_of(text, FRENCH_WORDS) > 0
}

/// How many words of `text` are in `list`, whatever their case.
fn count_of(text: &str, list: &[&str]) -> usize {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| list.contains(&word.to_lowercase().as_str()))
        .count()
}

fn mostly_french(title: &str) -> bool {
    let french = count_of(title, FRENCH_WORDS);
    french >= 2 && french > count_of(title, ENGLISH_WORDS)
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
    fn a_french_title_is_guessed_in_any_export_but_a_french_one() {
        let these = entry(
            "moreau_2018",
            &[(
                "title",
                "Interaction d'une impulsion laser intense avec un plasma sous dense dans le régime relativiste",
            )],
        );
        assert_eq!(guessed_langid(&these, Some("french")), None);
        assert_eq!(guessed_langid(&these, Some("english")), Some("french"));
        assert_eq!(guessed_langid(&these, Some("ngerman")), Some("french"));
    }

    #[test]
    fn a_french_title_in_an_english_export_is_french_unless_english_words_win() {
        let zitoun = entry(
            "zitoun_2009",
            &[("title", "Introduction à la physique des particules")],
        );
        assert_eq!(guessed_langid(&zitoun, Some("english")), Some("french"));
        assert_eq!(guessed_langid(&zitoun, None), Some("french"));
        let smilei = entry(
            "derouillat_2018",
            &[
                (
                    "title",
                    "Smilei : {A} collaborative, open-source, multi-purpose particle-in-cell code for plasma simulation",
                ),
                ("journal", "Computer Physics Communications"),
            ],
        );
        assert_ne!(guessed_langid(&smilei, Some("english")), Some("french"));
    }

    #[test]
    fn a_short_title_whatlang_is_unsure_of_is_english_without_french_words_or_letters() {
        for title in [
            "Book review: What Our Lettering Needs",
            "There is no end: Omega and Zapfino",
            "Chart: Output devices and computers",
        ] {
            let short = entry("k", &[("title", title)]);
            assert_eq!(
                guessed_langid(&short, Some("french")),
                Some("english"),
                "{title}"
            );
        }
        for title in ["Cyberjustice : enjeux et défis", "Droit pénal : chronique"] {
            let french = entry("k", &[("title", title)]);
            assert_eq!(guessed_langid(&french, Some("french")), None, "{title}");
        }
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
