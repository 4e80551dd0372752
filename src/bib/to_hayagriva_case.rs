//! English titles put in sentence case before formatting, as BibTeX styles and pandoc do.
//!
//! BibTeX titles are conventionally written in title case, with braces around what must keep its
//! capitals; CSL data is in sentence case, and a style that wants title case (Chicago, MLA) puts
//! it back. So a capitalized word outside braces is lowered, except the first word of the field
//! and the first after a colon, question or exclamation mark or full stop and a space, which is
//! capitalized.

use super::markup;

/// Fields that hold the title of a work or series (not of a journal), put in sentence case.
const SENTENCE_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "titleaddon",
    "booktitle",
    "booksubtitle",
    "maintitle",
    "mainsubtitle",
    "series",
];

/// `tex` in sentence case when `name` is a title field, else as it is. What is inside braces or
/// math, a command and its braced argument, a word in mixed case (`arXiv`) or glued to one of
/// these (`Cu$_2$O`) are left as written; the parts of a compound are recased one by one (`p-Type` → `p-type`, `{X}-Ray` →
/// `X-ray`, `Copper({I})` → `copper({I})`), as pandoc does.
pub(crate) fn sentence_case(name: &str, tex: &str) -> String {
    recased_title(name, tex, true)
}

/// [`sentence_case`] as French writes it: no capital after a colon (`Les lasers : cours`).
pub(crate) fn french_sentence_case(name: &str, tex: &str) -> String {
    recased_title(name, tex, false)
}

/// TeX accents written with a symbol (`\'e`) or a letter (`\c{c}`), part of the word they are in.
const ACCENTS: &[char] = &[
    '\'', '`', '^', '"', '~', '=', '.', 'c', 'v', 'u', 'H', 'r', 'k', 'd', 'b',
];

fn recased_title(name: &str, tex: &str, capital_after_colon: bool) -> String {
    if !SENTENCE_FIELDS.contains(&name) {
        return tex.to_string();
    }
    let chars: Vec<char> = tex.chars().collect();
    let mut out = String::with_capacity(tex.len());
    let mut word = Word::default();
    let mut starts_sentence = true;
    let mut after_colon = false;
    let mut glued = false;
    let mut lower_word = false;
    let mut only_raw = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some((letter, len)) = accented_letter(&chars[i..]) {
            word.push(chars[i..i + len].iter().collect(), letter);
            i += len;
            continue;
        }
        if c.is_alphanumeric() || ((c == '\'' || c == '’') && !word.is_empty()) {
            word.push(c.to_string(), c);
            i += 1;
            continue;
        }
        let opaque = ['{', '$', '\\'].contains(&c);
        let raw = markup::unraw(c).is_some();
        if raw && word.is_empty() && only_raw {
            // Raw TeX first is the title's first word, as pandoc reads it; later it is unseen.
            starts_sentence = false;
        }
        only_raw &= raw && word.is_empty();
        if !word.is_empty() {
            let written = if glued || opaque {
                word.tex()
            } else if !starts_sentence && is_article(&word.tex(), &out, c) {
                "a".to_string()
            } else {
                word.recased(starts_sentence)
            };
            lower_word = written
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_lowercase);
            out.push_str(&written);
            word = Word::default();
            starts_sentence = false;
            after_colon = false;
        }
        let len = verbatim_len(&chars[i..]);
        out.extend(&chars[i..i + len]);
        i += len;
        glued = opaque;
        if c.is_whitespace() {
            starts_sentence |= after_colon;
            after_colon = false;
        } else if capital_after_colon && [':', '?', '!'].contains(&c) {
            after_colon = true;
        } else if capital_after_colon && c == '.' {
            // A full stop ends a sentence after a capitalized word or a number (`Prof.`,
            // `Part I.`, `Version 2.`), not after an abbreviation in lower case (`math.`).
            after_colon = !lower_word;
        } else if opaque {
            starts_sentence = false;
            after_colon = false;
        } else {
            after_colon = false;
        }
    }
    if glued {
        out.push_str(&word.tex());
    } else {
        out.push_str(&word.recased(starts_sentence));
    }
    out
}

/// Whether `word`, between the text `before` it and the character `after` it, is the article
/// `A` opening a phrase (`Graph minors --- A survey`, `(A survey)`), not a symbol (`Vitamin A`).
fn is_article(word: &str, before: &str, after: char) -> bool {
    word == "A" && after == ' ' && before.trim_end().ends_with(['-', '—', '–', ',', ';', '('])
}

/// A word being read: the TeX of each of its letters, and the letter (accents resolved).
#[derive(Default)]
struct Word {
    letters: Vec<(String, char)>,
}

impl Word {
    fn push(&mut self, tex: String, letter: char) {
        self.letters.push((tex, letter));
    }

    fn is_empty(&self) -> bool {
        self.letters.is_empty()
    }

    fn tex(&self) -> String {
        self.letters.iter().map(|(tex, _)| tex.as_str()).collect()
    }

    fn recased(&self, starts_sentence: bool) -> String {
        let plain: String = self.letters.iter().map(|(_, c)| *c).collect();
        let wanted: Vec<char> = recased(&plain, starts_sentence).chars().collect();
        if wanted.len() != self.letters.len() {
            return self.tex();
        }
        self.letters
            .iter()
            .zip(wanted)
            .map(|((tex, letter), new)| tex.replacen(*letter, &new.to_string(), 1))
            .collect()
    }
}

/// The letter an accent command at the start of `chars` is on, and the command's length
/// (`\'e`, `\'{E}`, `\c{c}`).
fn accented_letter(chars: &[char]) -> Option<(char, usize)> {
    if chars.first() != Some(&'\\') || !ACCENTS.contains(chars.get(1)?) {
        return None;
    }
    match *chars.get(2)? {
        '{' => {
            let letter = *chars.get(3)?;
            (letter.is_alphabetic() && chars.get(4) == Some(&'}')).then_some((letter, 5))
        }
        letter if letter.is_alphabetic() && !chars[1].is_alphabetic() => Some((letter, 3)),
        _ => None,
    }
}

/// How many characters at the start of `chars` are copied as written: a braced group or math
/// whole, a command's name, or one character.
fn verbatim_len(chars: &[char]) -> usize {
    let closing = |open: char, close: char| {
        let mut depth = 0usize;
        let mut escaped = false;
        for (i, &c) in chars.iter().enumerate() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == close && (open != close || i > 0) {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            } else if c == open {
                depth += 1;
            }
        }
        chars.len()
    };
    match chars[0] {
        '{' => closing('{', '}'),
        '$' => closing('$', '$'),
        '\\' => {
            let name = chars[1..].iter().take_while(|c| c.is_alphabetic()).count();
            1 + name.max(usize::from(chars.len() > 1))
        }
        _ => 1,
    }
}

/// `word` lowered when it is capitalized (`Oxide`), capitalized when it starts a sentence and is
/// in lower case; single capitals (`Physica D`), words with other capitals (`CuO`, `MOCVD`) and
/// words with digits (`acisp00name`, `Abc2`) stay as they are, as in pandoc.
fn recased(word: &str, starts_sentence: bool) -> String {
    if word.chars().any(|c| c.is_numeric()) {
        return word.to_string();
    }
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
            "The fine structure of the {Wannier}-mott excitons in Cu$_2$O"
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
            "Yellow 1S excitons in p-type films"
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
    fn the_parts_of_a_compound_are_recased_one_by_one_as_pandoc_does() {
        let cases = [
            (
                "Electrodeposited p-Type Semiconductor Films",
                "Electrodeposited p-type semiconductor films",
            ),
            (
                "Raman Spectroscopy and {X}-Ray Powder Diffraction",
                "Raman spectroscopy and {X}-ray powder diffraction",
            ),
            (
                "Growth of Copper({I}) and Copper({II}) Oxide Films",
                "Growth of copper({I}) and copper({II}) oxide films",
            ),
            (
                "{Cu$_2$O}-Nanowire Arrays in Low-{$T_c$} Devices",
                "{Cu$_2$O}-nanowire arrays in low-{$T_c$} devices",
            ),
            (
                "the $\\beta$-Ketoiminate Precursor Bis(2-pentanonate)",
                "The $\\beta$-ketoiminate precursor bis(2-pentanonate)",
            ),
            (
                "{\\'{E}}tude Spectrophotom\\'etrique des Spectres",
                "{\\'{E}}tude spectrophotom\\'etrique des spectres",
            ),
            (
                "Conductibilit\\'e \\'Electrique de Cu$_2$O and Cu$_2$O-Rich",
                "Conductibilit\\'e \\'electrique de Cu$_2$O and Cu$_2$O-rich",
            ),
        ];
        for (title, expected) in cases {
            assert_eq!(sentence_case("title", title), expected);
        }
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
    fn a_full_stop_and_a_space_start_a_sentence_as_in_pandoc() {
        assert_eq!(
            sentence_case("title", "Prof. Knuth Talks: Part I. the Potential"),
            "Prof. Knuth talks: Part I. The potential"
        );
        assert_eq!(
            sentence_case("title", "Hey (Part I.) The Return.The End"),
            "Hey (part I.) the return.the end"
        );
        assert_eq!(
            sentence_case("series", "Books Math. / Ouvrages Math."),
            "Books math. / ouvrages math."
        );
    }

    #[test]
    fn the_article_a_after_a_dash_comma_or_parenthesis_is_lowered() {
        assert_eq!(
            sentence_case(
                "title",
                "Graph Minors --- A Survey (A Study), A Guide to Vitamin A"
            ),
            "Graph minors --- a survey (a study), a guide to vitamin A"
        );
    }

    #[test]
    fn words_with_digits_are_left_as_written() {
        assert_eq!(sentence_case("title", "acisp00name"), "acisp00name");
        assert_eq!(
            sentence_case("title", "The Acisp00name and Abc2 Model"),
            "The Acisp00name and Abc2 model"
        );
        assert_eq!(sentence_case("title", "3d Printing"), "3d printing");
    }

    #[test]
    fn raw_tex_first_is_the_first_word_and_after_a_colon_is_unseen() {
        let marked = markup::marked(r"\acro{TUG} institutional Members");
        let recased = sentence_case("title", &marked);
        assert_eq!(markup::plain(&recased), " institutional members");
        let marked = markup::marked(r"Fonts\Dash{}now: \acro{SIL}'s fonts and \acro{MP}lib");
        let recased = sentence_case("title", &marked);
        assert_eq!(markup::plain(&recased), "Fontsnow: 'S fonts and lib");
    }

    #[test]
    fn series_are_put_in_sentence_case_too() {
        assert_eq!(
            sentence_case("series", "Lecture Notes In Computer Science"),
            "Lecture notes in computer science"
        );
        assert_eq!(sentence_case("series", "mylncs"), "Mylncs");
    }

    #[test]
    fn journals_are_left_alone() {
        assert_eq!(
            sentence_case("journal", "Physical Review Letters"),
            "Physical Review Letters"
        );
    }
}
