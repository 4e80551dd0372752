//! TeX field text to display text: accents, symbols and math as Unicode, braces dropped.

use std::cell::RefCell;
use std::collections::HashMap;

/// Accent command, then pairs of (base letter, precomposed letter).
const ACCENTS: &[(char, &str, char)] = &[
    (
        '\'',
        "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆnńNŃsśSŚzźZŹlĺLĹrŕRŔgǵ",
        '\u{301}',
    ),
    ('`', "aàeèiìoòuùAÀEÈIÌOÒUÙ", '\u{300}'),
    ('^', "aâeêiîoôuûAÂEÊIÎOÔUÛcĉgĝhĥjĵsŝwŵyŷ", '\u{302}'),
    ('"', "aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸ", '\u{308}'),
    ('~', "aãnñoõAÃNÑOÕiĩuũ", '\u{303}'),
    ('=', "aāAĀeēEĒiīIĪoōOŌuūUŪ", '\u{304}'),
    ('.', "zżZŻeėEĖIİcċCĊgġ", '\u{307}'),
    ('c', "cçCÇsşSŞtţTŢgģkķlļnņrŗ", '\u{327}'),
    ('r', "aåAÅuůUŮ", '\u{30a}'),
    ('v', "cčCČsšSŠzžZŽrřRŘeěEĚnňNŇdďDĎtťTŤ", '\u{30c}'),
    ('u', "aăAĂgğGĞuŭ", '\u{306}'),
    ('H', "oőOŐuűUŰ", '\u{30b}'),
    ('k', "aąAĄeęEĘ", '\u{328}'),
    ('d', "", '\u{323}'),
    ('b', "", '\u{331}'),
    ('t', "", '\u{361}'),
];

const SYMBOLS: &[(&str, &str)] = &[
    ("ss", "ß"),
    ("ae", "æ"),
    ("AE", "Æ"),
    ("oe", "œ"),
    ("OE", "Œ"),
    ("o", "ø"),
    ("O", "Ø"),
    ("l", "ł"),
    ("L", "Ł"),
    ("aa", "å"),
    ("AA", "Å"),
    ("i", "ı"),
    ("j", "ȷ"),
    ("dh", "ð"),
    ("DH", "Ð"),
    ("th", "þ"),
    ("TH", "Þ"),
    ("textendash", "–"),
    ("textemdash", "—"),
    ("ldots", "…"),
    ("dots", "…"),
    ("textellipsis", "…"),
    ("guillemotleft", "«"),
    ("guillemotright", "»"),
    ("og", "«"),
    ("fg", "»"),
    ("textquoteright", "’"),
    ("textquoteleft", "‘"),
    ("textdegree", "°"),
    ("textmu", "μ"),
    ("S", "§"),
    ("P", "¶"),
    ("euro", "€"),
    ("textsection", "§"),
    ("TeX", "TeX"),
    ("LaTeX", "LaTeX"),
    ("LaTeXe", "LaTeX2e"),
    ("BibTeX", "BibTeX"),
    ("XeTeX", "XeTeX"),
    ("LuaTeX", "LuaTeX"),
    ("ConTeXt", "ConTeXt"),
];

/// Nesting of accent and superscript arguments beyond which text is kept as written.
const MAX_DEPTH: usize = 16;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Display text of a TeX value: macros must already be expanded.
pub(crate) fn display(tex: &str) -> String {
    let depth = DEPTH.with(std::cell::Cell::get);
    if depth >= MAX_DEPTH {
        return collapse_whitespace(tex);
    }
    DEPTH.with(|d| d.set(depth + 1));
    let text = display_unnested(tex);
    DEPTH.with(|d| d.set(depth));
    text
}

/// Display text of `tex`, or `None` when it is `tex` itself.
pub(crate) fn display_changed(tex: &str) -> Option<String> {
    if plain(tex) && tidy(tex) {
        return None;
    }
    Some(display(tex)).filter(|text| text != tex)
}

/// Verbatim text of `tex`, or `None` when it is `tex` itself.
pub(crate) fn verbatim_changed(tex: &str) -> Option<String> {
    if tex.trim().len() == tex.len() && !tex.contains('\\') {
        return None;
    }
    Some(verbatim(tex)).filter(|text| text != tex)
}

/// Whether `tex` has nothing that TeX conversion changes, except maybe whitespace.
fn plain(tex: &str) -> bool {
    let special = |b: u8| matches!(b, b'\\' | b'{' | b'}' | b'$' | b'~');
    !tex.bytes().any(special) && !["--", "``", "''"].iter().any(|p| tex.contains(p))
}

fn display_unnested(tex: &str) -> String {
    if plain(tex) {
        return collapse_whitespace(tex);
    }
    let mut out = String::with_capacity(tex.len());
    let chars: Vec<char> = tex.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\\' => i = command(&chars, i, &mut out),
            '$' => i = math(&chars, i, &mut out),
            '{' | '}' => {}
            '~' => out.push(' '),
            c => match ligature(c, &chars, i) {
                Some((glyph, next)) => {
                    out.push(glyph);
                    i = next;
                }
                None => out.push(c),
            },
        }
    }
    collapse_whitespace(&out)
}

/// The character TeX makes of `c` and what follows it at `i` (`--` –, `---` —, ``` `` ``` “,
/// `''` ”), and the index after it.
pub(crate) fn ligature(c: char, chars: &[char], i: usize) -> Option<(char, usize)> {
    match (c, chars.get(i)) {
        ('-', Some('-')) if chars.get(i + 1) == Some(&'-') => Some(('—', i + 2)),
        ('-', Some('-')) => Some(('–', i + 1)),
        ('`', Some('`')) => Some(('“', i + 1)),
        ('\'', Some('\'')) => Some(('”', i + 1)),
        _ => None,
    }
}

/// Handles the math after a `$` at `i`: the text `math::plain` gives it, or else its `$` is
/// dropped and its commands are read as text commands. Returns the index after what it read.
fn math(chars: &[char], i: usize, out: &mut String) -> usize {
    let close = (i..chars.len()).find(|&j| chars[j] == '$' && chars[j - 1] != '\\');
    let shown = close.and_then(|j| super::math::plain(&chars[i..j].iter().collect::<String>()));
    match (close, shown) {
        (Some(j), Some(shown)) => {
            out.push_str(&shown);
            j + 1
        }
        _ => i,
    }
}

/// Display text of a verbatim field (url, doi, file): only TeX escapes are undone.
pub(crate) fn verbatim(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut chars = tex.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&n)) if "_%&#$~{}".contains(n) => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether `text` has only single ASCII spaces between words.
fn tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    let untidy = |(i, &b): (usize, &u8)| {
        b.is_ascii_whitespace()
            && (b != b' ' || i == 0 || bytes.get(i + 1).is_none_or(|n| *n == b' '))
    };
    let unicode_space = || text.chars().any(|c| !c.is_ascii() && c.is_whitespace());
    !bytes.iter().enumerate().any(untidy) && (text.is_ascii() || !unicode_space())
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    if tidy(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Handles the command after a `\` at `i`; returns the index after it.
fn command(chars: &[char], i: usize, out: &mut String) -> usize {
    let Some(&first) = chars.get(i) else {
        return i;
    };
    if !first.is_ascii_alphabetic() {
        return control_symbol(chars, i, out);
    }
    let end = i + chars[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let name: String = chars[i..end].iter().collect();
    if name.len() == 1 && ACCENTS.iter().any(|a| a.0 == first) && first != 'i' {
        return accent(first, chars, end, out);
    }
    if name == "textsuperscript" {
        let (arg, next) = argument(chars, end);
        out.push_str(&superscript(&display(&arg)));
        return next;
    }
    if let Some((_, text)) = SYMBOLS.iter().find(|(n, _)| *n == name) {
        out.push_str(text);
        return skip_command_space(chars, end, text.len() > 2);
    }
    if chars.get(end) != Some(&'{')
        && let Some(unicode) = command_symbol(&name)
    {
        out.push_str(&unicode);
        return skip_command_space(chars, end, false);
    }
    end
}

/// After a control word TeX ignores spaces; logos keep a following space as a word break.
/// Unknown commands are dropped with their spaces kept, so words around them stay apart.
fn skip_command_space(chars: &[char], mut i: usize, keep: bool) -> usize {
    if keep {
        return i;
    }
    while chars.get(i).is_some_and(|c| *c == ' ') {
        i += 1;
    }
    i
}

fn control_symbol(chars: &[char], i: usize, out: &mut String) -> usize {
    let c = chars[i];
    if ACCENTS.iter().any(|a| a.0 == c) && !matches!(chars.get(i + 1), None | Some(' ')) {
        return accent(c, chars, i + 1, out);
    }
    match c {
        '\\' | ' ' | ',' | ';' | ':' => out.push(' '),
        '-' | '/' | '@' => {}
        c => out.push(c),
    }
    i + 1
}

/// A `{...}` group or a single character at `i` (after spaces); returns its text and the next index.
fn argument(chars: &[char], mut i: usize) -> (String, usize) {
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    match chars.get(i) {
        Some('{') => {
            let mut depth = 0;
            let start = i + 1;
            while i < chars.len() {
                match chars[i] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return (chars[start..i].iter().collect(), i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            (chars[start..].iter().collect(), i)
        }
        Some('\\') => {
            let end = i
                + 1
                + chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
            (
                chars[i..end.max(i + 2).min(chars.len())].iter().collect(),
                end.max(i + 2),
            )
        }
        Some(&c) => (c.to_string(), i + 1),
        None => (String::new(), i),
    }
}

fn accent(mark: char, chars: &[char], i: usize, out: &mut String) -> usize {
    let (arg, next) = argument(chars, i);
    let base = match arg.trim() {
        "\\i" | "i" => "i".to_string(),
        "\\j" | "j" => "j".to_string(),
        other => display(other),
    };
    let mut letters = base.chars();
    let Some(letter) = letters.next() else {
        return next;
    };
    let Some(&(_, pairs, combining)) = ACCENTS.iter().find(|a| a.0 == mark) else {
        out.push_str(&base);
        return next;
    };
    let pairs: Vec<char> = pairs.chars().collect();
    match pairs.chunks(2).find(|p| p[0] == letter) {
        Some(p) => out.push(p[1]),
        None => {
            out.push(letter);
            out.push(combining);
        }
    }
    out.extend(letters);
    next
}

fn superscript(text: &str) -> String {
    const DIGITS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    const LETTERS: &[(char, char)] = &[
        ('o', 'º'),
        ('a', 'ª'),
        ('e', 'ᵉ'),
        ('r', 'ʳ'),
        ('s', 'ˢ'),
        ('t', 'ᵗ'),
        ('d', 'ᵈ'),
        ('n', 'ⁿ'),
        ('h', 'ʰ'),
        ('m', 'ᵐ'),
        ('l', 'ˡ'),
        ('i', 'ⁱ'),
    ];
    let mapped: Option<String> = text
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => DIGITS.chars().nth(d as usize),
            None => LETTERS.iter().find(|(l, _)| *l == c).map(|(_, s)| *s),
        })
        .collect();
    mapped.unwrap_or_else(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_in_every_spelling() {
        assert_eq!(display(r"Qu{\'e}m{\'e}ner"), "Quéméner");
        assert_eq!(display(r"Qu\'{e}m\'ener"), "Quéméner");
        assert_eq!(display(r"Fran\c{c}ois Fran\c cais"), "François Français");
        assert_eq!(display(r#"M{\"u}ller \"{O}zt\"urk"#), "Müller Öztürk");
        assert_eq!(
            display(r"Dvo\v{r}\'ak {\v S}koda Erd\H{o}s"),
            "Dvořák Škoda Erdős"
        );
        assert_eq!(
            display(r#"Ca{\~n}on \^{\i}le na\"{\i}ve"#),
            "Cañon île naïve"
        );
        assert_eq!(display(r"\k{a}\d{s}"), "ą\u{73}\u{323}");
    }

    #[test]
    fn symbols_and_commands() {
        assert_eq!(
            display(r"{\OE}uvres {\ss} {\o}re {\L}{\'o}d{\'z}"),
            "Œuvres ß øre Łódź"
        );
        assert_eq!(
            display(r"Loi n\textsuperscript{o} 2016-444"),
            "Loi nº 2016-444"
        );
        assert_eq!(display(r"XIX\textsuperscript{e} si\`ecle"), "XIXᵉ siècle");
        assert_eq!(display(r"\emph{Le} \textbf{droit}"), "Le droit");
        assert_eq!(display(r"62~\% \& \$5 \#1 a\_b"), "62 % & $5 #1 a_b");
        assert_eq!(
            display(r"The \TeX{}book and \LaTeX\ tricks"),
            "The TeXbook and LaTeX tricks"
        );
        assert_eq!(display(r"$\alpha$-decay"), "α-decay");
        assert_eq!(
            display(r"{Cu$_{2-\delta}$O} at {$20\,^\circ\mathrm{K}$}: $\gamma\gamma \to e^+e^-$"),
            "Cu_(2 − δ)O at 20 ^(∘)K: γγ → e⁺e⁻"
        );
        assert_eq!(display(r"$\frac{a}{b}$ x"), "ab x");
        assert_eq!(display(r"up to $10$\,\textmu m"), "up to 10 μm");
        assert_eq!(display(r"{\sl VFComb} 1.3\Dash the"), "VFComb 1.3 the");
    }

    #[test]
    fn braces_dashes_quotes_and_spaces() {
        assert_eq!(
            display("{An} amazing {{GaN}}\n   title"),
            "An amazing GaN title"
        );
        assert_eq!(display("pp. 1--102 --- ``yes''"), "pp. 1–102 — “yes”");
        assert_eq!(display("  "), "");
    }

    #[test]
    fn plain_text_keeps_its_words_and_collapses_spaces() {
        assert_eq!(display("Plain title"), "Plain title");
        assert_eq!(display(" Plain\n\ttitle  x "), "Plain title x");
        assert_eq!(display("a\u{a0}b"), "a b");
        assert_eq!(collapse_whitespace("x"), "x");
    }

    #[test]
    fn changed_only_when_conversion_changes_the_text() {
        for tex in [
            "Plain title",
            "a  b",
            " a",
            "Caf{\\'e}",
            "x--y",
            "{Up}",
            "a\u{a0}b",
            "10.1/x",
        ] {
            assert_eq!(
                display_changed(tex).unwrap_or_else(|| tex.to_string()),
                display(tex),
                "{tex}"
            );
            assert_eq!(
                verbatim_changed(tex).unwrap_or_else(|| tex.to_string()),
                verbatim(tex),
                "{tex}"
            );
        }
        assert_eq!(display_changed("Plain"), None);
        assert_eq!(verbatim_changed("https://x.org/a_b"), None);
    }

    #[test]
    fn verbatim_fields_only_unescape() {
        assert_eq!(
            verbatim(r" https://x.org/a\_b--c~d "),
            "https://x.org/a_b--c~d"
        );
    }

    #[test]
    fn deep_nesting_stops_recursing() {
        let tex = format!("{}e{}", r"\'{".repeat(20_000), "}".repeat(20_000));
        assert!(!display(&tex).is_empty());
    }

    #[test]
    fn malformed_tex_does_not_panic() {
        for tex in [
            r"\",
            r"\'",
            r"{\'",
            r"\textsuperscript{",
            r"\v{",
            r"\c",
            "}}{{",
            r"\'{}",
        ] {
            let _ = display(tex);
        }
    }
}

thread_local! {
    static SYMBOL_CACHE: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
}

/// The Unicode for an argument-less command the crate knows (`\alpha`), remembered per thread:
/// the crate tries some 600 patterns on every call.
fn command_symbol(name: &str) -> Option<String> {
    SYMBOL_CACHE.with(|cache| {
        if let Some(known) = cache.borrow().get(name) {
            return known.clone();
        }
        let unicode = bibtex_parser::latex_unicode::latex_to_unicode(&format!("\\{name}"));
        let symbol = (!unicode.starts_with('\\')).then_some(unicode);
        cache.borrow_mut().insert(name.to_string(), symbol.clone());
        symbol
    })
}
