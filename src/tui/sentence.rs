//! Sentence boundaries for French and English prose: « », closing quotes, abbreviations and initials.

use std::ops::Range;

/// Words that end with a period without ending the sentence ("art. 225-5", "p. 4", "cf. infra").
const ABBREVIATIONS: &[&str] = &[
    "art", "arts", "al", "p", "pp", "cf", "ex", "n", "no", "nos", "vol", "éd", "ed", "eds", "ch",
    "chap", "fig", "op", "cit", "ibid", "id", "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me",
    "st", "ste", "av", "apr", "coll", "dir", "trad", "t", "s", "ss", "v", "vs", "e.g", "i.e", "c",
    "cass", "civ", "crim", "req", "sect", "paragr", "suiv",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | '\'' | ')' | ']')
}

/// The sentences of `text` as byte ranges, without surrounding whitespace; a line break always ends one.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        for range in line_sentences(body) {
            out.push(line_start + range.start..line_start + range.end);
        }
        line_start += line.len();
    }
    out
}

/// The sentence that contains `offset`, or the next one when `offset` is between two; only nearby lines are read.
pub fn sentence_at(text: &str, offset: usize) -> Option<Range<usize>> {
    let here = line_sentences_at(text, line_start(text, offset));
    here.iter()
        .find(|r| r.start <= offset && offset < r.end)
        .or_else(|| here.iter().find(|r| r.start >= offset))
        .cloned()
        .or_else(|| next_start(text, offset))
        .or_else(|| prev_start(text, offset))
}

/// The first sentence that starts after `at`, reading forward line by line.
pub fn next_start(text: &str, at: usize) -> Option<Range<usize>> {
    let mut start = line_start(text, at);
    while start < text.len() || start == 0 {
        if let Some(found) = line_sentences_at(text, start)
            .into_iter()
            .find(|r| r.start > at)
        {
            return Some(found);
        }
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return None,
        }
    }
    None
}

/// The last sentence that starts before `at`, reading backward line by line.
pub fn prev_start(text: &str, at: usize) -> Option<Range<usize>> {
    let mut start = line_start(text, at);
    loop {
        if let Some(found) = line_sentences_at(text, start)
            .into_iter()
            .rev()
            .find(|r| r.start < at)
        {
            return Some(found);
        }
        if start == 0 {
            return None;
        }
        start = line_start(text, start - 1);
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// The sentences of the line starting at `start`, as absolute ranges.
fn line_sentences_at(text: &str, start: usize) -> Vec<Range<usize>> {
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let body = text[start..end].trim_end_matches('\r');
    line_sentences(body)
        .into_iter()
        .map(|r| start + r.start..start + r.end)
        .collect()
}

fn line_sentences(line: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if start.is_none() && !c.is_whitespace() {
            start = Some(at);
        }
        if start.is_some() && is_terminator(c) {
            let end = sentence_end(&chars, i);
            let end_byte = chars.get(end).map_or(line.len(), |(b, _)| *b);
            if ends_sentence(line, &chars, i, end) {
                if let Some(s) = start.take() {
                    out.push(s..end_byte);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        let trimmed = line.trim_end();
        if trimmed.len() > s {
            out.push(s..trimmed.len());
        }
    }
    out
}

/// Index just past the terminator run and any closing quotes (« texte. » keeps its »).
fn sentence_end(chars: &[(usize, char)], terminator: usize) -> usize {
    let mut j = terminator + 1;
    while j < chars.len() && is_terminator(chars[j].1) {
        j += 1;
    }
    loop {
        if j < chars.len() && is_closer(chars[j].1) {
            j += 1;
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k > j && k < chars.len() && matches!(chars[k].1, '»' | '”') {
            j = k + 1;
            continue;
        }
        return j;
    }
}

fn ends_sentence(line: &str, chars: &[(usize, char)], terminator: usize, end: usize) -> bool {
    if end >= chars.len() {
        return true;
    }
    if !chars[end].1.is_whitespace() {
        return false;
    }
    let next = chars[end..].iter().find(|(_, c)| !c.is_whitespace());
    let Some(&(_, next)) = next else {
        return true;
    };
    if next.is_lowercase() {
        return false;
    }
    chars[terminator].1 != '.' || !is_abbreviation(line, chars[terminator].0)
}

/// The word before the period at `dot` is an abbreviation or an initial ("J. Dupont").
fn is_abbreviation(line: &str, dot: usize) -> bool {
    let word: String = line[..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn french_abbreviations_and_initials_do_not_end_a_sentence() {
        let text = "Voir l'art. 225-5 du Code pénal, p. 4 et s. du rapport. M. Dupont et J. Martin l'ont dit. Puis rien.";
        assert_eq!(
            split(text),
            vec![
                "Voir l'art. 225-5 du Code pénal, p. 4 et s. du rapport.",
                "M. Dupont et J. Martin l'ont dit.",
                "Puis rien."
            ]
        );
    }

    #[test]
    fn guillemets_stay_with_their_sentence() {
        let text = "Il a dit\u{a0}: «\u{a0}C'est fini.\u{a0}» Elle a répondu « non ! » Ensuite ?";
        assert_eq!(
            split(text),
            vec![
                "Il a dit\u{a0}: «\u{a0}C'est fini.\u{a0}»",
                "Elle a répondu « non ! »",
                "Ensuite ?"
            ]
        );
    }

    #[test]
    fn lines_end_sentences_and_numbers_do_not() {
        let text = "Selon le Mouvement du Nid, 62% de la prostitution passe par l'Internet. Ce dernier a 3.5 fois plus\nUn titre\n\n  Fin… Vraiment";
        assert_eq!(
            split(text),
            vec![
                "Selon le Mouvement du Nid, 62% de la prostitution passe par l'Internet.",
                "Ce dernier a 3.5 fois plus",
                "Un titre",
                "Fin…",
                "Vraiment"
            ]
        );
    }

    #[test]
    fn local_motions_agree_with_the_whole_text_scan() {
        let text = "Un. Deux deux.\n\n  Trois « quatre. » Cinq\nSix.";
        let all = sentences(text);
        for at in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
            let next = all.iter().find(|r| r.start > at).cloned();
            let prev = all.iter().rev().find(|r| r.start < at).cloned();
            assert_eq!(next_start(text, at), next, "next from {at}");
            assert_eq!(prev_start(text, at), prev, "prev from {at}");
            let around = all
                .iter()
                .find(|r| r.start <= at && at < r.end)
                .or_else(|| all.iter().find(|r| r.start >= at))
                .or_else(|| all.last())
                .cloned();
            assert_eq!(sentence_at(text, at), around, "sentence at {at}");
        }
    }

    #[test]
    fn the_sentence_at_an_offset() {
        let text = "Première phrase. Deuxième phrase.";
        let at = text.find("Deux").unwrap() + 3;
        assert_eq!(&text[sentence_at(text, at).unwrap()], "Deuxième phrase.");
        let gap = text.find(' ').unwrap();
        assert_eq!(&text[sentence_at(text, gap).unwrap()], "Première phrase.");
    }
}
