//! BibTeX field text as CSL-JSON rich text, as citeproc-js, Zotero and pandoc read it: HTML-like
//! tags for italic, bold, small capitals, sub- and superscripts, and braced text in `nocase` spans.

use crate::bib::latex;
use crate::bib::markup::{self, BOLD, CODE, ITALIC, LINE_BREAK, SMALL_CAPS};
use crate::bib::math::{self, END, SUB, SUP};

const NOCASE: &str = "<span class=\"nocase\">";
const SPAN_END: &str = "</span>";

/// What an open tag or brace closes with.
enum Open {
    Mark(&'static str),
    Brace(&'static str),
}

/// The TeX of the field `name` as CSL-JSON rich text, an English title in sentence case as CSL
/// data is written. `<`, `>` and `&` are written as they are, and raw TeX is dropped, as pandoc does.
pub(crate) fn rich(name: &str, tex: &str, english: bool) -> String {
    let marked = markup::csl_marked(name, tex, english);
    let chars: Vec<char> = marked.chars().collect();
    let mut out = String::with_capacity(tex.len() + 16);
    write(&chars, &mut out);
    out.replace(&format!("{NOCASE}{SPAN_END}"), "")
        .trim()
        .to_string()
}

fn write(chars: &[char], out: &mut String) {
    let mut open: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if let Some((glyph, next)) = latex::ligature(c, chars, i) {
            out.push(glyph);
            i = next;
            continue;
        }
        match c {
            ITALIC => mark(out, &mut open, "<i>", "</i>"),
            BOLD => mark(out, &mut open, "<b>", "</b>"),
            SMALL_CAPS => mark(
                out,
                &mut open,
                "<span style=\"font-variant:small-caps;\">",
                SPAN_END,
            ),
            SUB => mark(out, &mut open, "<sub>", "</sub>"),
            SUP => mark(out, &mut open, "<sup>", "</sup>"),
            CODE => mark(out, &mut open, "", ""),
            END => {
                if let Some(Open::Mark(close)) = open.last() {
                    out.push_str(close);
                    open.pop();
                }
            }
            LINE_BREAK => out.push('\n'),
            '{' if chars.get(i) == Some(&'}') => i += 1,
            '{' => {
                let outermost = !open.iter().any(|o| matches!(o, Open::Brace(_)));
                let close = if outermost { SPAN_END } else { "" };
                if outermost {
                    out.push_str(NOCASE);
                }
                open.push(Open::Brace(close));
            }
            '}' => {
                while let Some(o) = open.pop() {
                    match o {
                        Open::Mark(close) => out.push_str(close),
                        Open::Brace(close) => {
                            out.push_str(close);
                            break;
                        }
                    }
                }
            }
            '$' => i = math_at(chars, i, out, &open),
            '\\' => i = command(chars, i, out),
            '~' => out.push('\u{a0}'),
            '\'' => out.push('’'),
            c if c.is_whitespace() => {
                if !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
            }
            c if markup::unraw(c).is_some() => {}
            c => out.push(c),
        }
    }
    while let Some(o) = open.pop() {
        match o {
            Open::Mark(close) | Open::Brace(close) => out.push_str(close),
        }
    }
}

fn mark(out: &mut String, open: &mut Vec<Open>, tag: &str, close: &'static str) {
    out.push_str(tag);
    open.push(Open::Mark(close));
}

/// Writes the math after a `$` at `i` as text with sub- and superscripts, kept from recasing
/// unless it is already in braces; returns the index after its closing `$`.
fn math_at(chars: &[char], i: usize, out: &mut String, open: &[Open]) -> usize {
    let Some(close) = (i..chars.len()).find(|&j| chars[j] == '$' && chars[j - 1] != '\\') else {
        out.push('$');
        return i;
    };
    let tex: String = chars[i..close].iter().collect();
    match math::marked(&tex) {
        Some(text) => {
            let braced = open.iter().any(|o| matches!(o, Open::Brace(_)));
            if !braced {
                out.push_str(NOCASE);
            }
            let text: Vec<char> = text.chars().collect();
            write(&text, out);
            if !braced {
                out.push_str(SPAN_END);
            }
        }
        None => {
            out.push('$');
            out.push_str(&tex);
            out.push('$');
        }
    }
    close + 1
}

/// Writes the command after a `\` at `i` (an accent with its letter, a symbol, a superscript
/// or a URL) as text; returns the index after it.
fn command(chars: &[char], i: usize, out: &mut String) -> usize {
    let Some(&first) = chars.get(i) else {
        return i;
    };
    let letters = chars[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let end = i + letters.max(1);
    let name: String = chars[i..end].iter().collect();
    let (argument, after) = argument(chars, end, first.is_ascii_alphabetic());
    match name.as_str() {
        "textsuperscript" => {
            out.push_str("<sup>");
            write(&argument, out);
            out.push_str("</sup>");
            return after;
        }
        "url" => {
            out.extend(&argument);
            return after;
        }
        "," => {
            out.push('\u{2006}');
            return end;
        }
        _ => {}
    }
    let accent = name.chars().count() == 1 && ACCENTS.contains(&first);
    let stop = if accent && !argument.is_empty() {
        after
    } else {
        end
    };
    let tex: String = chars[i - 1..stop].iter().collect();
    out.push_str(&latex::display(&tex));
    if accent || !first.is_ascii_alphabetic() {
        return stop;
    }
    match (chars.get(end), chars.get(end + 1)) {
        (Some('{'), Some('}')) => end + 2,
        _ => end,
    }
}

/// TeX accents, written with a symbol (`\'e`) or a letter (`\c{c}`).
const ACCENTS: &[char] = &[
    '\'', '`', '^', '"', '~', '=', '.', 'c', 'v', 'u', 'H', 'r', 'k', 'd', 'b', 't',
];

/// The argument after a command name ending at `i`: a braced group's content or, for an accent,
/// one letter; and the index after it.
fn argument(chars: &[char], i: usize, word: bool) -> (Vec<char>, usize) {
    let start = if word {
        i + chars[i..].iter().take_while(|c| **c == ' ').count()
    } else {
        i
    };
    match chars.get(start) {
        Some('{') => {
            let mut depth = 0usize;
            for (n, &c) in chars[start..].iter().enumerate() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return (chars[start + 1..start + n].to_vec(), start + n + 1);
                        }
                    }
                    _ => {}
                }
            }
            (Vec::new(), i)
        }
        Some(&c) if c.is_alphabetic() => (vec![c], start + 1),
        _ => (Vec::new(), i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(tex: &str) -> String {
        rich("title", tex, true)
    }

    #[test]
    fn each_mark_is_its_tag() {
        assert_eq!(
            rich(
                "note",
                r"\emph{a} \textbf{b} \textsc{c} H\textsubscript{2}O n\textsuperscript{o}",
                true
            ),
            "<i>a</i> <b>b</b> <span style=\"font-variant:small-caps;\">c</span> H<sub>2</sub>O n<sup>o</sup>"
        );
        assert_eq!(
            rich("note", r"{\it a} {\bf b} \texttt{Code} a\\b", true),
            "<span class=\"nocase\"><i>a</i></span> <span class=\"nocase\"><b>b</b></span> \
             <span class=\"nocase\">Code</span> a\nb"
        );
    }

    #[test]
    fn marks_nest() {
        assert_eq!(
            rich("note", r"\textbf{a \emph{b {C}} d}", true),
            "<b>a <i>b <span class=\"nocase\">C</span></i> d</b>"
        );
        assert_eq!(rich("note", r"\emph{unclosed", true), "<i>unclosed</i>");
    }

    #[test]
    fn braced_text_is_nocase_and_the_rest_in_sentence_case() {
        assert_eq!(
            title("The {DNA} of {B}ayesian Models for {the} Masses: A Study"),
            "The <span class=\"nocase\">DNA</span> of <span class=\"nocase\">B</span>ayesian \
             models for <span class=\"nocase\">the</span> masses: A study"
        );
        assert_eq!(
            rich("title", "Le Droit {Pénal}", false),
            "Le Droit <span class=\"nocase\">Pénal</span>"
        );
        assert_eq!(
            rich("journal", "Journal of Things", true),
            "Journal of Things"
        );
        assert_eq!(title("Empty {} Group"), "Empty group");
    }

    #[test]
    fn special_characters_are_written_as_they_are_and_raw_tex_is_dropped() {
        assert_eq!(
            rich("note", r"A < B \& C > D \acro{TUG} end", true),
            "A < B & C > D end"
        );
    }

    #[test]
    fn accents_symbols_math_quotes_and_dashes_are_text() {
        assert_eq!(
            rich(
                "note",
                r"{\'E}cole \'etude \c{c}a \ss{} \LaTeX\ rules",
                true
            ),
            "<span class=\"nocase\">É</span>cole étude ça ß LaTeX rules"
        );
        assert_eq!(
            rich(
                "note",
                r"Cu$_2$O ``quoted'' 1--2---3 a~b \url{http://x.org/a_b}",
                true
            ),
            "Cu<span class=\"nocase\">₂</span>O “quoted” 1–2—3 a\u{a0}b http://x.org/a_b"
        );
    }
}
