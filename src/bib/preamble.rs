//! The @preamble blocks of .bib files, as written, with the @string macros they use.

use super::library::BibSource;
use super::prepass;

/// One `@preamble{...}` block: its original text and the macro names it concatenates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preamble {
    pub text: String,
    pub macros: Vec<String>,
}

/// Every @preamble of `files`, in file order (comments skipped, unclosed blocks left out).
pub fn preambles(files: &[BibSource<'_>]) -> Vec<Preamble> {
    let mut out = Vec::new();
    for file in files {
        if !contains_preamble(file.text) {
            continue;
        }
        let shadow = prepass::shadow(file.text);
        let bytes = shadow.text.as_bytes();
        let mut at = 0;
        while let Some(found) = (at..bytes.len()).find(|&i| bytes[i] == b'@') {
            let Some((open, close)) = body(bytes, found) else {
                at = found + 1;
                continue;
            };
            let name = &bytes[found + 1..open];
            if name.trim_ascii().eq_ignore_ascii_case(b"preamble")
                && let Some(text) = file.text.get(found..=close)
            {
                out.push(Preamble {
                    text: text.to_string(),
                    macros: macro_names(&file.text[open + 1..close]),
                });
            }
            at = close + 1;
        }
    }
    out
}

fn contains_preamble(text: &str) -> bool {
    text.as_bytes()
        .windows(9)
        .any(|w| w.eq_ignore_ascii_case(b"@preamble"))
}

/// The opening and closing delimiters of the block whose `@name` header is at `at`.
fn body(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut open = at + 1;
    while open < bytes.len()
        && (bytes[open].is_ascii_alphanumeric() || b"_-:.".contains(&bytes[open]))
    {
        open += 1;
    }
    while open < bytes.len() && bytes[open].is_ascii_whitespace() {
        open += 1;
    }
    if open == at + 1 || !matches!(bytes.get(open), Some(b'{' | b'(')) {
        return None;
    }
    let closer = if bytes[open] == b'{' { b'}' } else { b')' };
    let mut depth = 0usize;
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate().skip(open + 1) {
        match b {
            b'"' if depth == 0 => quoted = !quoted,
            b'{' => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            _ if b == closer && depth == 0 && !quoted => return Some((open, i)),
            _ => {}
        }
    }
    None
}

/// Names outside braces and quotes (`"\input " # defs`), lower-cased as BibTeX compares them.
fn macro_names(body: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut quoted = false;
    let mut word = String::new();
    let flush = |word: &mut String, names: &mut Vec<String>| {
        let name = word.trim();
        if !name.is_empty() && !name.chars().all(|c| c.is_ascii_digit()) {
            names.push(name.to_lowercase());
        }
        word.clear();
    };
    for c in body.chars() {
        match c {
            '"' if depth == 0 => quoted = !quoted,
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '#' if depth == 0 && !quoted => flush(&mut word, &mut names),
            _ if depth == 0 && !quoted && !c.is_whitespace() => word.push(c),
            _ => {}
        }
    }
    flush(&mut word, &mut names);
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn preambles_in_file_order_with_their_macros() {
        let text = "@misc{b, note = {@preamble{\"not me\"}}}\n@PREAMBLE{ \"\\newcommand{\\x}{X}\" # defs # {\\def\\y{}} }\n@misc{a, title = {@preamble is text here}}\n@preamble(\"\\input path.sty\")\n@preamble{\"unclosed\"\n";
        let files = [BibSource {
            path: Path::new("refs.bib"),
            text,
        }];
        let found = preambles(&files);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].text,
            "@PREAMBLE{ \"\\newcommand{\\x}{X}\" # defs # {\\def\\y{}} }"
        );
        assert_eq!(found[0].macros, ["defs"]);
        assert_eq!(found[1].text, "@preamble(\"\\input path.sty\")");
        assert!(found[1].macros.is_empty());
    }
}
