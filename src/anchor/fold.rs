//! Folding text so that a quote typed on a keyboard matches its typeset original.
//!
//! Runs of whitespace (including U+00A0 and U+202F) become one space; curly apostrophes become
//! `'`; “ ” „ « » ‹ › become `"`; soft hyphens and zero-width spaces vanish. Spaces inside
//! guillemets and before `; : ! ?` (French typography) are dropped, so `« x »` matches `"x"`.

use std::ops::Range;

/// Folded text plus, for each of its bytes, the original byte range of the character it came from.
pub(crate) struct Folded {
    pub(crate) text: String,
    origin: Vec<Range<usize>>,
}

impl Folded {
    /// The original byte range covered by the folded byte range `range` (non-empty).
    pub(crate) fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.origin.get(range.start).map_or(0, |r| r.start);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|i| self.origin.get(i))
            .map_or(start, |r| r.end);
        start..end.max(start)
    }
}

fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2039}'
        | '\u{203A}' | '\u{2033}' => Some('"'),
        '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => None,
        c => Some(c),
    }
}

fn opens(c: char) -> bool {
    matches!(c, '\u{00AB}' | '\u{2039}')
}

fn closes_or_high_punctuation(c: char) -> bool {
    matches!(c, '\u{00BB}' | '\u{203A}' | ';' | ':' | '!' | '?')
}

pub(crate) fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let next = chars.peek().map(|&(_, d)| d);
            let dropped =
                previous.is_some_and(opens) || next.is_some_and(closes_or_high_punctuation);
            if !dropped {
                push(&mut folded, ' ', i..end);
            }
        } else if let Some(f) = fold_char(c) {
            push(&mut folded, f, i..i + c.len_utf8());
        }
        previous = Some(c);
    }
    folded
}

fn push(folded: &mut Folded, c: char, origin: Range<usize>) {
    folded.text.push(c);
    for _ in 0..c.len_utf8() {
        folded.origin.push(origin.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(fold("a \t\n\u{a0}\u{202f}b").text, "a b");
    }

    #[test]
    fn quotes_and_apostrophes_are_unified() {
        assert_eq!(fold("l’“État” „x‟").text, "l'\"État\" \"x‟");
    }

    #[test]
    fn french_spacing_is_optional() {
        assert_eq!(fold("«\u{a0}x\u{a0}» : oui\u{202f}!").text, "\"x\": oui!");
        assert_eq!(fold("« x »").text, fold("\"x\"").text);
    }

    #[test]
    fn soft_hyphens_vanish() {
        assert_eq!(fold("pros\u{ad}titution").text, "prostitution");
    }

    #[test]
    fn folded_ranges_map_back_to_original_bytes() {
        let text = "l’«\u{a0}État\u{a0}»  ici";
        let folded = fold(text);
        assert_eq!(folded.text, "l'\"État\" ici");
        let at = folded.text.find("\"État\"").unwrap_or_default();
        let original = folded.original(at..at + "\"État\"".len());
        assert_eq!(&text[original], "«\u{a0}État\u{a0}»");
        let at = folded.text.find(" ici").unwrap_or_default();
        assert_eq!(&text[folded.original(at..at + 4)], "  ici");
    }
}
