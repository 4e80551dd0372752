//! English titles put in sentence case before formatting, as BibTeX styles and pandoc do.
//!
//! BibTeX titles are conventionally written in title case, with braces around what must keep its
//! capitals; CSL data is in sentence case, and a style that wants title case (Chicago, MLA) puts
//! it back. So a capitalized word outside braces is lowered, except the first word of the field
//! and the first after a colon, question or exclamation mark, which is capitalized.

/// Fields that hold the title of a work (not of a journal), put in sentence case.
const SENTENCE_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "titleaddon",
    "booktitle",
    "booksubtitle",
    "maintitle",
    "mainsubtitle",
];

/// `tex` in sentence case when `name` is a title field, else as it is. A word holding braces,
/// a command or math, inside braces or math, or in mixed case (`p-Type`, `arXiv`), is left as
/// written.
pub(crate) fn sentence_case(name: &str, tex: &str) -> String {
    recased_title(name, tex, true)
}

/// [`sentence_case`] as French writes it: no capital after a colon (`Les lasers : cours`).
pub(crate) fn french_sentence_case(name: &str, tex: &str) -> String {
    recased_title(name, tex, false)
}

fn recased_title(name: &str, tex: &str, capital_after_colon: bool) -> String {
    if !SENTENCE_FIELDS.contains(&name) {
        return tex.to_string();
    }
    let mut out = String::with_capacity(tex.len());
    let mut depth = 0i32;
    let mut math = false;
    let mut starts_sentence = true;
    for token in tex.split_inclusive(char::is_whitespace) {
        let word = token.trim_end();
        let verbatim =
            depth > 0 || math || word.contains(['\\', '{', '}', '$']) || is_mixed_case(word);
        if verbatim {
            out.push_str(token);
        } else {
            out.push_str(&recased_token(word, starts_sentence));
            out.push_str(&token[word.len()..]);
        }
        for c in word.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = (depth - 1).max(0),
                '$' => math = !math,
                _ => {}
            }
        }
        if !word.is_empty() {
            starts_sentence = capital_after_colon && word.ends_with([':', '?', '!']);
        }
    }
    out
}

fn is_mixed_case(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_lowercase) && letters.any(char::is_uppercase)
}

/// A plain word of a title (maybe hyphenated, `Laser-Plasma`) recased part by part.
fn recased_token(word: &str, starts_sentence: bool) -> String {
    let mut out = String::with_capacity(word.len());
    let mut part = String::new();
    let mut first = starts_sentence;
    for c in word.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            part.push(c);
        } else {
            if !part.is_empty() {
                out.push_str(&recased(&part, first));
                first = false;
                part.clear();
            }
            out.push(c);
        }
    }
    if !part.is_empty() {
        out.push_str(&recased(&part, first));
    }
    out
}

/// `word` lowered when it is capitalized (`Oxide`), capitalized when it starts a sentence and is
/// in lower case; single capitals (`Physica D`) and words with other capitals (`CuO`, `MOCVD`)
/// stay as they are.
fn recased(word: &str, starts_sentence: bool) -> String {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters
        .next()
        .filter(|_| word.starts_with(char::is_alphabetic))
    else {
        return word.to_string();
    };
    let rest_lower = letters.all(char::is_lowercase);
    match (starts_sentence, first.is_uppercase(), rest_lower) {
        (true, false, true) => {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        (false, true, true) if word.chars().count() > 1 => word.to_lowercase(),
        _ => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalized_words_are_lowered_and_braced_ones_kept() {
        assert_eq!(
            sentence_case(
                "title",
                "The Fine Structure of the {Wannier}-Mott Excitons in Cu$_2$O"
            ),
            "The fine structure of the {Wannier}-Mott excitons in Cu$_2$O"
        );
        assert_eq!(
            sentence_case(
                "title",
                "Response Kinetics of Doped CuO/ZnO Heterojunctions"
            ),
            "Response kinetics of doped CuO/ZnO heterojunctions"
        );
        assert_eq!(
            sentence_case("title", "Yellow 1S Excitons in p-Type Films"),
            "Yellow 1S excitons in p-Type films"
        );
        assert_eq!(
            sentence_case("title", "Physica D and Vitamin A"),
            "Physica D and vitamin A"
        );
        assert_eq!(
            sentence_case(
                "title",
                "Non-Volatile Resistive Switching in {MOCVD} \\emph{Thin Films}"
            ),
            "Non-volatile resistive switching in {MOCVD} \\emph{Thin Films}"
        );
    }

    #[test]
    fn french_titles_keep_a_small_letter_after_a_colon() {
        assert_eq!(
            french_sentence_case("title", "Conductivite Electrique Du {Cu$_2$O}: Une Etude"),
            "Conductivite electrique du {Cu$_2$O}: une etude"
        );
        assert_eq!(
            french_sentence_case("journal", "Journal De Physique"),
            "Journal De Physique"
        );
    }

    #[test]
    fn a_subtitle_after_a_colon_starts_with_a_capital() {
        assert_eq!(
            sentence_case("title", "Les lasers: cours et exercices"),
            "Les lasers: Cours et exercices"
        );
        assert_eq!(
            sentence_case("title", "Laser-Plasma Interaction: An Introduction"),
            "Laser-plasma interaction: An introduction"
        );
        assert_eq!(
            sentence_case("subtitle", "an introduction"),
            "An introduction"
        );
    }

    #[test]
    fn journals_are_left_alone() {
        assert_eq!(
            sentence_case("journal", "Physical Review Letters"),
            "Physical Review Letters"
        );
    }
}
