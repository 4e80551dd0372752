//! A clean, canonical BibTeX form of one entry: fields in a fixed order, capitals protected,
//! special characters escaped, @string macros expanded.

use crate::bib::{Entry, Field};

/// Field order of the normalized form; other fields follow alphabetically.
const ORDER: &[&str] = &[
    "author",
    "editor",
    "translator",
    "title",
    "subtitle",
    "shorttitle",
    "booktitle",
    "maintitle",
    "journaltitle",
    "journal",
    "eventtitle",
    "edition",
    "volume",
    "number",
    "series",
    "chapter",
    "pages",
    "publisher",
    "organization",
    "institution",
    "school",
    "location",
    "address",
    "date",
    "year",
    "month",
    "eventdate",
    "urldate",
    "type",
    "langid",
    "language",
    "isbn",
    "issn",
    "doi",
    "eprint",
    "eprinttype",
    "url",
    "crossref",
    "xdata",
    "keywords",
    "abstract",
    "note",
    "addendum",
];

/// Fields whose text is written as is (URLs, paths, identifiers).
const VERBATIM: &[&str] = &[
    "url", "doi", "file", "eprint", "pdf", "urlraw", "verba", "verbb", "crossref", "xdata", "ids",
    "keywords",
];

/// Fields whose capitalised words are braced so BibTeX styles do not lower-case them.
const TITLES: &[&str] = &[
    "title",
    "subtitle",
    "shorttitle",
    "booktitle",
    "maintitle",
    "eventtitle",
    "titleaddon",
];

/// The entry without its inherited fields (its parents are exported beside it).
pub fn normalized_entry(entry: &Entry) -> String {
    let mut own: Vec<&Field> = entry
        .fields
        .iter()
        .filter(|f| f.inherited_from().is_none())
        .collect();
    own.sort_by_key(|f| {
        let rank = ORDER
            .iter()
            .position(|n| *n == f.name())
            .unwrap_or(ORDER.len());
        (rank, if rank == ORDER.len() { f.name() } else { "" })
    });
    let width = own.iter().map(|f| f.name().len()).max().unwrap_or(0);
    let mut out = format!("@{}{{{},\n", entry.entry_type, entry.key);
    for field in own {
        let value = normalized_value(field.name(), field.expanded());
        out.push_str(&format!("  {:width$} = {{{value}}},\n", field.name()));
    }
    out.push('}');
    out
}

fn normalized_value(name: &str, tex: &str) -> String {
    let tex = &balance(tex.trim());
    if VERBATIM.contains(&name) {
        return tex.to_string();
    }
    let escaped = escape(tex.trim());
    if TITLES.contains(&name) {
        protect_capitals(&escaped)
    } else {
        escaped
    }
}

/// Escapes `& % $ # _` outside TeX commands and math (`$...$` holding a formula).
pub(crate) fn escape(tex: &str) -> String {
    let chars: Vec<char> = tex.chars().collect();
    let mut out = String::with_capacity(tex.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                out.push(c);
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                    i += 1;
                    if next.is_ascii_alphabetic() {
                        while let Some(&letter) =
                            chars.get(i + 1).filter(|c| c.is_ascii_alphabetic())
                        {
                            out.push(letter);
                            i += 1;
                        }
                    }
                }
            }
            '$' => match math_end(&chars, i) {
                Some(end) => {
                    out.extend(&chars[i..=end]);
                    i = end;
                }
                None => out.push_str("\\$"),
            },
            '&' | '%' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// The closing `$` of the formula opened at `start`, if there is one: TeX reads `$` pairs as math.
fn math_end(chars: &[char], start: usize) -> Option<usize> {
    (start + 1..chars.len()).find(|&j| chars[j] == '$' && chars[j - 1] != '\\')
}

/// Braces every word that holds a capital at brace depth 0: `{DNA}`, `{Europe}`.
pub(crate) fn protect_capitals(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len() + 16);
    let mut word = String::new();
    let mut depth = 0usize;
    let mut capital = false;
    let mut after_backslash = false;
    let mut in_name = false;
    let flush = |word: &mut String, capital: &mut bool, out: &mut String| {
        let wrapped =
            word.starts_with('{') && word.ends_with('}') && balanced(&word[1..word.len() - 1]);
        if *capital && !wrapped {
            out.push('{');
            out.push_str(word);
            out.push('}');
        } else {
            out.push_str(word);
        }
        word.clear();
        *capital = false;
    };
    let mut in_math = false;
    for c in tex.chars() {
        if c.is_whitespace() && depth == 0 && !in_math && !after_backslash {
            flush(&mut word, &mut capital, &mut out);
            out.push(c);
            continue;
        }
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if after_backslash {
            after_backslash = false;
            in_name = c.is_ascii_alphabetic();
        } else if c == '\\' {
            after_backslash = true;
            in_name = false;
        } else if c == '$' {
            in_math = !in_math;
        } else {
            in_name = in_name && c.is_ascii_alphabetic();
            capital |= !in_name && !in_math && depth == 0 && c.is_uppercase();
        }
        word.push(c);
    }
    flush(&mut word, &mut capital, &mut out);
    out
}

/// Drops unmatched `}` and closes open `{`, so a value damaged in its file still parses.
fn balance(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => continue,
            '}' => depth -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.extend(std::iter::repeat_n('}', depth));
    out
}

fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_specials_but_not_commands_or_math() {
        assert_eq!(escape(r"R&D 50% #1 a_b"), r"R\&D 50\% \#1 a\_b");
        assert_eq!(escape(r"already \& \% \_ fine"), r"already \& \% \_ fine");
        assert_eq!(escape(r"the $\alpha_1$ decay"), r"the $\alpha_1$ decay");
        assert_eq!(escape("costs $5"), r"costs \$5");
        assert_eq!(balance("a } {b {c"), "a  {b {c}}");
        assert_eq!(escape("$1S$ in Cu_2O"), r"$1S$ in Cu\_2O");
        assert_eq!(escape(r"\textsuperscript{o}_x"), r"\textsuperscript{o}\_x");
    }

    #[test]
    fn capitals_are_braced_once() {
        assert_eq!(
            protect_capitals(r"Regulation (EU) on {Digital Services} and DNA"),
            r"{Regulation} {(EU)} on {Digital Services} and {DNA}"
        );
        assert_eq!(
            protect_capitals(r"la loi n\textsuperscript{o} 2016"),
            r"la loi n\textsuperscript{o} 2016"
        );
        assert_eq!(
            protect_capitals(r"\LaTeX{} et Fran{\c c}ais"),
            r"\LaTeX{} et {Fran{\c c}ais}"
        );
        assert_eq!(protect_capitals(r"Proc.\ 5th"), r"{Proc.\ 5th}");
        assert_eq!(
            protect_capitals(r"a $2k-T for k$-Terminal x"),
            r"a {$2k-T for k$-Terminal} x"
        );
    }

    #[test]
    fn an_entry_in_canonical_order_without_inherited_fields() {
        let mut entry = crate::bib::Entry {
            key: "k".into(),
            entry_type: "article".into(),
            file: "refs.bib".into(),
            line: 1,
            span: 0..0,
            fields: Vec::new(),
        };
        for (name, tex, inherited) in [
            ("year", "2020", false),
            ("title", "Big Data & Law", false),
            ("author", "Doe, J.", false),
            ("zzz", "x", false),
            ("publisher", "P", true),
        ] {
            let mut field = Field::new(name, "", tex);
            if inherited {
                field.set_inherited_from("p");
            }
            entry.fields.push(field);
        }
        assert_eq!(
            normalized_entry(&entry),
            "@article{k,\n  author = {Doe, J.},\n  title  = {{Big} {Data} \\& {Law}},\n  year   = {2020},\n  zzz    = {x},\n}"
        );
    }
}
