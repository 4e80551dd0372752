//! Field text rewritten before the biblatex crate reads it, where its reading differs from BibTeX's.

/// Name lists whose parts the biblatex crate would split otherwise than BibTeX does.
pub(crate) const NAME_FIELDS: &[&str] = &[
    "author",
    "editor",
    "translator",
    "bookauthor",
    "editora",
    "editorb",
    "editorc",
];

/// Fields a style may put in title case.
const TITLE_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "booktitle",
    "maintitle",
    "journal",
    "journaltitle",
    "series",
    "eventtitle",
];

/// `tex` as the biblatex crate should see it for the field `name`.
pub(crate) fn prepared(name: &str, tex: &str) -> String {
    if is_literal(name) {
        return tex.to_string();
    }
    let tex = &braced_dotless(tex);
    if NAME_FIELDS.contains(&name) {
        name_list(tex)
    } else if matches!(name, "location" | "address") {
        text_symbols(&place_list(tex))
    } else if TITLE_FIELDS.contains(&name) {
        protect_mixed_case(&text_symbols(tex))
    } else {
        text_symbols(tex)
    }
}

/// Fields read as written, where a `~` is no tie: addresses and dates (`1990~`, circa).
fn is_literal(name: &str) -> bool {
    matches!(
        name,
        "url" | "doi" | "eprint" | "file" | "pdf" | "urlraw" | "verba" | "verbb" | "verbc"
    ) || name.ends_with("date")
}

/// Outside math, the text commands the biblatex crate would keep as written: `\,` as a thin
/// space, `\textmu` as `μ` and a tie `~` as a no-break space, as pandoc reads them.
fn text_symbols(tex: &str) -> String {
    if !tex.contains("\\,") && !tex.contains("\\textmu") && !tex.contains('~') {
        return tex.to_string();
    }
    let mut out = String::with_capacity(tex.len());
    let mut math = false;
    let mut chars = tex.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' => math = !math,
            '~' if !math => {
                out.push('\u{a0}');
                continue;
            }
            '\\' if !math && chars.peek() == Some(&',') => {
                chars.next();
                out.push('\u{2006}');
                continue;
            }
            '\\' => {
                let name: String =
                    std::iter::from_fn(|| chars.next_if(char::is_ascii_alphabetic)).collect();
                if !math && name == "textmu" {
                    out.push('μ');
                    while chars.next_if_eq(&' ').is_some() {}
                    continue;
                }
                out.push(c);
                match name.is_empty() {
                    true => out.extend(chars.next()),
                    false => out.push_str(&name),
                }
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// A biblatex list of places (`München and Berlin`) joined by semicolons, as pandoc's BibTeX
/// reader joins a literal list (`München; Berlin`); an `and` in braces is part of a place.
fn place_list(tex: &str) -> String {
    let mut places = Vec::new();
    let mut place = String::new();
    let mut depth = 0usize;
    let mut words = tex.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if depth == 0 && word == "and" && !place.trim().is_empty() && words.peek().is_some() {
            places.push(std::mem::take(&mut place));
            continue;
        }
        depth = word.chars().fold(depth, |d, c| match c {
            '{' => d + 1,
            '}' => d.saturating_sub(1),
            _ => d,
        });
        if !place.is_empty() {
            place.push(' ');
        }
        place.push_str(word);
    }
    places.push(place);
    places.join("; ")
}

/// Each `Family, Given` name with its family part whole when that part begins with a capital
/// (`Gonzalez de Alaiza Martinez`, `De Angelis`: BibTeX and the biblatex crate would make
/// `Gonzalez de` and `De` particles), and the initials of every name spaced (`A.W.` → `A. W.`).
fn name_list(tex: &str) -> String {
    let parsed = bibtex_parser::parse_names(tex);
    if parsed.is_empty() {
        return tex.to_string();
    }
    let names: Vec<String> = parsed
        .into_iter()
        .filter(|n| !is_list_options(&n.raw))
        .map(|n| {
            if n.literal.is_some() {
                return n.raw;
            }
            let mut parts = top_level_parts(&n.raw);
            if parts.len() < 2 {
                return spaced_initials(&n.raw);
            }
            let family = parts[0].trim();
            let compound = family.contains(char::is_whitespace)
                && !is_braced(family)
                && family.chars().next().is_some_and(char::is_uppercase);
            if compound {
                parts[0] = format!("{{{family}}}");
            }
            if let Some(given) = parts.last_mut() {
                *given = spaced_initials(given.trim());
            }
            parts
                .iter()
                .map(|p| p.trim())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    names.join(" and ")
}

/// Whether a name of a list is biblatex's options for the whole list (`useprefix=false and
/// Alan von Animal`): `key=value` parts, none of them a part of a name.
fn is_list_options(raw: &str) -> bool {
    top_level_parts(raw).iter().all(|part| {
        part.split_once('=').is_some_and(|(key, _)| {
            let key = key.trim();
            !key.is_empty()
                && key.chars().all(|c| c.is_ascii_alphabetic())
                && !matches!(key, "family" | "given" | "prefix" | "suffix")
        })
    })
}

/// `tex` with an accent on a dotless `\i` or `\j` written with braces (`\'\i` → `\'{\i}`), the
/// form the biblatex crate reads: it put the accent on the backslash (`D\́iaz` for `D{\'\i}az`).
fn braced_dotless(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains("\\i") && !tex.contains("\\j") {
        return std::borrow::Cow::Borrowed(tex);
    }
    let chars: Vec<char> = tex.chars().collect();
    let mut out = String::with_capacity(tex.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        let accent = chars[i] == '\\' && chars.get(i + 1).is_some_and(|c| "'`^\"~=.".contains(*c));
        let dotless = chars.get(i + 2) == Some(&'\\')
            && matches!(chars.get(i + 3), Some('i' | 'j'))
            && !chars.get(i + 4).is_some_and(|c| c.is_ascii_alphabetic());
        if accent && dotless {
            out.extend(['\\', chars[i + 1], '{', '\\', chars[i + 3], '}']);
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `raw` split at its commas outside braces.
fn top_level_parts(raw: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
}

fn is_braced(text: &str) -> bool {
    text.starts_with('{') && text.ends_with('}')
}

/// `A.W.` → `A. W.`: a period directly followed by a capital outside braces; a tie (`G.~W.`)
/// is a space between given names, as in BibTeX.
fn spaced_initials(given: &str) -> String {
    let mut out = String::with_capacity(given.len() + 4);
    let mut depth = 0usize;
    let mut chars = given.chars().peekable();
    let mut after_backslash = false;
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        // `\~n` and `\.Z` are accents, not a tie or an initial's period.
        let plain = depth == 0 && !after_backslash;
        after_backslash = c == '\\' && !after_backslash;
        out.push(if c == '~' && plain { ' ' } else { c });
        if c == '.' && plain && chars.peek().is_some_and(|n| n.is_uppercase()) {
            out.push(' ');
        }
    }
    out
}

/// Words that begin in lower case and hold a capital (`arXiv:2103.09099`, `iPhone`) are braced,
/// so title case leaves them as written, as the CSL specification asks for mixed-case words.
fn protect_mixed_case(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len() + 8);
    let mut depth = 0usize;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let mixed = !word.contains(['\\', '{', '}', '$'])
            && letters.first().is_some_and(|c| c.is_lowercase())
            && letters.iter().any(|c| c.is_uppercase());
        if mixed {
            out.push('{');
            out.push_str(word);
            out.push('}');
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in tex.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c.is_whitespace() && depth == 0 {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_of_a_name_list_are_no_name() {
        assert_eq!(
            prepared("author", "useprefix=false and Alan von Animal"),
            "Alan von Animal"
        );
        assert_eq!(
            prepared(
                "author",
                "useprefix=false and useprefix=true, family=Rabble"
            ),
            "useprefix=true, family=Rabble"
        );
        assert_eq!(
            prepared("author", "Smith, Jo and {x=y}"),
            "Smith, Jo and {x=y}"
        );
    }

    #[test]
    fn a_list_of_places_is_joined_by_semicolons() {
        assert_eq!(
            place_list(r#"M{\"u}nchen and Berlin and New York"#),
            r#"M{\"u}nchen; Berlin; New York"#
        );
        assert_eq!(
            place_list("{Trinidad and Tobago} and Oxford"),
            "{Trinidad and Tobago}; Oxford"
        );
        assert_eq!(place_list("Reading, Mass."), "Reading, Mass.");
    }
    use crate::bib::to_hayagriva_fixes::tests::convert;

    #[test]
    fn an_accent_on_a_dotless_i_is_braced_for_the_biblatex_crate() {
        assert_eq!(
            braced_dotless(r"D{\'\i}az and Y\^\j"),
            r"D{\'{\i}}az and Y\^{\j}"
        );
        assert_eq!(braced_dotless(r"\'\iota and \'{\i}"), r"\'\iota and \'{\i}");
        let diaz = convert("@article{d, author = {D{\\'\\i}az, Juan}, title = {T}, year = {2001}}");
        let family = &diaz.authors().expect("authors")[0].name;
        assert_eq!(family, "Díaz");
        let title = convert(
            "@article{h, title = {{Low-level Devan{\\=a}gar{\\=\\i}{} support}}, year = {2002}}",
        );
        let title = title.title().expect("a title").to_string();
        assert!(title.contains("Devanāgarī support"), "{title}");
    }

    #[test]
    fn real_entries_keep_their_family_names_initials_and_arxiv() {
        let nuter = convert(
            "@article{nuter_2020, title = {Maxwell-Bloch}, author = {Nuter, R. and Grech, M. and Gonzalez de Alaiza Martinez, P. and Bonnaud, G. and d’Humières, E.}, year = {2020}}",
        );
        let third = &nuter.authors().expect("authors")[2];
        assert_eq!(third.name, "Gonzalez de Alaiza Martinez");
        assert_eq!(third.prefix, None);
        let chen = convert(
            "@article{chen_1995, title = {CAIN}, author = {Chen, P. and Horton-Smith, G. and Ohgaki, T. and Weidemann, A.W. and Yokoya, K.}, year = {1995}}",
        );
        assert_eq!(
            chen.authors().expect("authors")[3].given_name.as_deref(),
            Some("A. W.")
        );
        let bula = convert(
            "@article{bula_2000, title = {The {Weizsacker}-{Williams} {Approximation}}, journal = {arXiv:hep-ph/0004117}, author = {Bula, C. and McDonald, K. T.}, year = {2000}}",
        );
        let journal = bula
            .parents()
            .first()
            .and_then(|p| p.title())
            .expect("journal");
        assert_eq!(journal.value.to_string(), "arXiv:hep-ph/0004117");
        assert!(
            format!("{journal:?}").contains(r#"value: "arXiv:hep-ph/0004117", kind: Verbatim"#),
            "{journal:?}"
        );
    }

    #[test]
    fn compound_family_names_and_initials_are_kept_whole() {
        assert_eq!(
            prepared(
                "author",
                "Gonzalez de Alaiza Martinez, P. and Mora de Freitas, P. and De Angelis, Alessandro and Weidemann, A.W. and van der Berg, Piet and {Conseil de l'Europe} and others"
            ),
            "{Gonzalez de Alaiza Martinez}, P. and {Mora de Freitas}, P. and {De Angelis}, Alessandro and Weidemann, A. W. and van der Berg, Piet and {Conseil de l'Europe} and others"
        );
        assert_eq!(prepared("author", "Yu, T.-P."), "Yu, T.-P.");
        assert_eq!(
            prepared(
                "author",
                "G.A. Dirac and J.C. {Valenzuela} and Ge\\~na Hahn and B. \\.Zmazek"
            ),
            "G. A. Dirac and J. C. {Valenzuela} and Ge\\~na Hahn and B. \\.Zmazek"
        );
        assert_eq!(
            prepared("author", "Castellan, G.~W. and Moore, W.~J."),
            "Castellan, G. W. and Moore, W. J."
        );
    }

    #[test]
    fn thin_spaces_and_micro_signs_outside_math_are_unicode() {
        assert_eq!(
            prepared(
                "title",
                r"{Cu{₂}O(1\,1\,1)} up to {10}\,\textmu m, $0.72\,\textrm{\textmu m}$"
            ),
            "{Cu{₂}O(1\u{2006}1\u{2006}1)} up to {10}\u{2006}μm, $0.72\\,\\textrm{\\textmu m}$"
        );
        assert_eq!(prepared("note", r"a\\,b \$\,c"), "a\\\\,b \\$\u{2006}c");
        let e = convert(
            "@article{k, title = {Refractive index of {Cu$_2$O} crystals in region up to $10$\\,\\textmu}}",
        );
        let shown = e.title().map(|t| t.value.to_string()).unwrap_or_default();
        assert!(shown.ends_with("up to 10 μ"), "{shown}");
    }

    #[test]
    fn mixed_case_words_in_titles_are_protected() {
        assert_eq!(
            prepared("journal", "arXiv:2103.09099 [physics]"),
            "{arXiv:2103.09099} [physics]"
        );
        assert_eq!(
            prepared("title", "The {iPhone} and McDonald's $\\gamma$-rays"),
            "The {iPhone} and McDonald's $\\gamma$-rays"
        );
        assert_eq!(prepared("note", "arXiv"), "arXiv");
    }

    #[test]
    fn a_tie_is_a_no_break_space_but_not_in_addresses_and_dates() {
        assert_eq!(
            prepared("title", r"Salvatoris~-- Vom Ca\~{n}on $a~b$"),
            "Salvatoris\u{a0}-- Vom Ca\\~{n}on $a~b$"
        );
        assert_eq!(prepared("publisher", "S.~Hermann"), "S.\u{a0}Hermann");
        assert_eq!(prepared("url", "https://x.org/~me"), "https://x.org/~me");
        assert_eq!(prepared("date", "1990~"), "1990~");
        let e =
            convert("@article{k, title = {In Honore Salvatoris~-- Vom Sinn}, langid = {german}}");
        let shown = e.title().map(|t| t.value.to_string()).unwrap_or_default();
        assert_eq!(
            shown.replace('\u{a0}', " "),
            "In Honore Salvatoris – Vom Sinn"
        );
    }
}
