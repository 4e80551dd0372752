//! Finding entries: by words (case- and accent-insensitive) and "did you mean" keys.

use super::entry::Entry;
use super::library::Library;

const FOLDS: &[(&str, &str)] = &[
    ("àáâãäåāăąǎª", "a"),
    ("çćĉċč", "c"),
    ("ďđð", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĵȷ", "j"),
    ("ķ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉ", "n"),
    ("òóôõöøōŏőº", "o"),
    ("ŕŗř", "r"),
    ("śŝşšș", "s"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
    ("œ", "oe"),
    ("æ", "ae"),
    ("ß", "ss"),
    ("þ", "th"),
];

/// Lowercase text without diacritics, for comparing.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{300}'..='\u{36f}' => {}
            c if c.is_ascii() => out.push(c),
            c => match FOLDS.iter().find(|(from, _)| from.contains(c)) {
                Some((_, base)) => out.push_str(base),
                None => out.push(c),
            },
        }
    }
    out
}

fn haystack(entry: &Entry) -> String {
    let mut text = entry.key.clone();
    for author in entry.authors() {
        text.push(' ');
        text.push_str(&author);
    }
    let year = entry.year();
    let parts = ["title", "journal", "journaltitle", "booktitle"].map(|f| entry.get(f));
    for part in parts.into_iter().chain([year.as_deref()]).flatten() {
        text.push(' ');
        text.push_str(part);
    }
    fold(&text)
}

impl Library {
    /// Entries where every word of `query` appears in the key, authors, title, year or journal.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let index = self
            .search_index
            .get_or_init(|| self.entries.iter().map(haystack).collect());
        let query = fold(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        self.entries
            .iter()
            .zip(index)
            .filter(|(_, text)| words.iter().all(|w| text.contains(w)))
            .map(|(entry, _)| entry)
            .collect()
    }

    /// Up to `n` existing keys that look like `key`, best first, for "did you mean".
    pub fn closest_keys(&self, key: &str, n: usize) -> Vec<&str> {
        let wanted = key.to_lowercase();
        let mut scored: Vec<(f64, &str)> = self
            .first_by_key
            .keys()
            .map(|k| (strsim::jaro_winkler(&wanted, &k.to_lowercase()), k.as_str()))
            .filter(|(score, _)| *score >= 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.into_iter().take(n).map(|(_, k)| k).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::{BibSource, load};
    use std::path::Path;

    fn library() -> Library {
        let text = r"
@book{quemener-charpenel2010, author = {Qu{\'e}m{\'e}ner, Myriam and Charpenel, Yves},
  title = {Cybercriminalit{\'e} : droit p{\'e}nal appliqu{\'e}}, date = {2010}}
@article{smith2019, author = {Smith, John}, title = {Linking Claims}, journal = {J. Law}, year = 2019}
@misc{berdeil2023, author = {Berdeil, Lucia}, title = {La cyberprostitution}}
";
        load(&[BibSource {
            path: Path::new("r.bib"),
            text,
        }])
    }

    fn keys<'a>(entries: &[&'a Entry]) -> Vec<&'a str> {
        entries.iter().map(|e| e.key.as_str()).collect()
    }

    #[test]
    fn every_word_must_match_ignoring_case_and_accents() {
        let lib = library();
        assert_eq!(
            keys(&lib.search("QUEMENER penal")),
            ["quemener-charpenel2010"]
        );
        assert_eq!(
            keys(&lib.search("cybercriminalité 2010")),
            ["quemener-charpenel2010"]
        );
        assert_eq!(keys(&lib.search("law 2019")), ["smith2019"]);
        assert_eq!(keys(&lib.search("cyber")).len(), 2);
        assert!(lib.search("smith 2010").is_empty());
        assert_eq!(lib.search("").len(), 3);
    }

    #[test]
    fn closest_keys_suggest_similar_ones() {
        let lib = library();
        assert_eq!(
            lib.closest_keys("quemener2010", 2),
            ["quemener-charpenel2010"]
        );
        assert_eq!(lib.closest_keys("smith2091", 1), ["smith2019"]);
        assert!(lib.closest_keys("zzzzzz", 3).is_empty());
    }

    #[test]
    fn fold_strips_diacritics_and_ligatures() {
        assert_eq!(
            fold("Œuvres Élysée Straße naïve Łódź"),
            "oeuvres elysee strasse naive lodz"
        );
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }
}
