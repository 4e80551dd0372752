//! Plain text made safe inside a braced BibTeX value.

/// Escapes the characters TeX gives a meaning to and collapses runs of white space.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\\' => out.push_str("\\textbackslash{}"),
                '~' => out.push_str("\\textasciitilde{}"),
                '^' => out.push_str("\\textasciicircum{}"),
                '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

/// A URL as a verbatim field takes it: characters that would break the braces are percent-encoded.
pub fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() => out.push_str("%20"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape("R&D: 50 % of $x_1 #3 {a} \\ ~^"),
            "R\\&D: 50 \\% of \\$x\\_1 \\#3 \\{a\\} \\textbackslash{} \\textasciitilde{}\\textasciicircum{}"
        );
        assert_eq!(escape("  « l’été »\n  à Paris "), "« l’été » à Paris");
    }

    #[test]
    fn urls_keep_percent_and_hash_but_not_braces() {
        assert_eq!(
            escape_url(" https://x.org/a%20b?q={1}#s t"),
            "https://x.org/a%20b?q=%7B1%7D#s%20t"
        );
    }
}
