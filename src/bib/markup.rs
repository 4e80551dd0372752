//! TeX markup of field text as marks the formatter carries through (italic, bold, small caps,
//! code, line breaks) and unknown commands as raw TeX, as pandoc's BibTeX reader reads them.

use super::math::{END, SUB};
use super::to_hayagriva_text::NAME_FIELDS;

/// Opens italic text (`\emph`, `\textit`, `{\it …}`); `math::END` closes it, as every mark here.
pub(crate) const ITALIC: char = '\u{E003}';
/// Opens bold text (`\textbf`, `{\bf …}`).
pub(crate) const BOLD: char = '\u{E004}';
/// Opens small capitals (`\textsc`).
pub(crate) const SMALL_CAPS: char = '\u{E005}';
/// Opens code (`\texttt`, `{\tt …}`).
pub(crate) const CODE: char = '\u{E006}';
/// A line break (`\\`), which closes nothing.
pub(crate) const LINE_BREAK: char = '\u{E007}';

/// Raw TeX is written in the private use plane 15, each character shifted by this much, so
/// no step of formatting (case, quotes, punctuation) can read or change it.
const RAW_BASE: u32 = 0xF0000;
const RAW_LIMIT: u32 = 0xFFFE;

/// The raw TeX character that `c` (from `marked`'s output) stands for, if it is one.
pub(crate) fn unraw(c: char) -> Option<char> {
    let n = c as u32;
    (RAW_BASE..RAW_BASE + RAW_LIMIT)
        .contains(&n)
        .then(|| char::from_u32(n - RAW_BASE))
        .flatten()
}

fn raw(c: char) -> Option<char> {
    ((c as u32) < RAW_LIMIT)
        .then(|| char::from_u32(RAW_BASE + c as u32))
        .flatten()
}

/// Whether `c` is a mark of this module or of `math::marked`.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{E007}')
}

/// `text` without its marks and raw TeX: the words a reader sees.
pub(crate) fn plain(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.chars()
        .filter(|&c| !is_mark(c) && unraw(c).is_none())
        .collect()
}

/// Fields of text read as a person reads them, whose markup is carried to the output.
const MARKED_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "titleaddon",
    "booktitle",
    "booksubtitle",
    "booktitleaddon",
    "maintitle",
    "mainsubtitle",
    "maintitleaddon",
    "journal",
    "journaltitle",
    "journalsubtitle",
    "series",
    "eventtitle",
    "note",
    "addendum",
    "howpublished",
    "publisher",
    "organization",
    "institution",
    "school",
];

/// The TeX of the field `name` with its markup as marks (see `marked`), if it is a field of text.
pub(crate) fn marked_field(name: &str, tex: &str) -> String {
    if MARKED_FIELDS.contains(&name) {
        marked(tex)
    } else if NAME_FIELDS.contains(&name) || name == "pages" {
        // Names and pages show their words only: unknown commands (`\psqq`) are dropped, as
        // pandoc drops them.
        plain(&marked(tex))
    } else {
        tex.to_string()
    }
}

/// The TeX of the field `name` as CSL data holds it: its markup as marks and, for an English
/// title, in sentence case as `to_hayagriva` gives it; braces, math and accents as written.
pub(crate) fn csl_marked(name: &str, tex: &str, english: bool) -> String {
    let marked = marked(tex);
    if english {
        super::to_hayagriva_case::sentence_case(name, &marked)
    } else {
        marked
    }
}

/// `text` (from `marked`) without the braces of a group that a style declaration opens (`{\em
/// shortest path}`): they scope the declaration and, as in pandoc, do not keep the words' case
/// from a style's title case. Run after glose's own sentence case, which they still guard.
pub(crate) fn unprotected_styles(text: &str) -> String {
    if !text.contains([ITALIC, BOLD]) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut dropped = vec![false; chars.len()];
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '{' => open.push((i, matches!(chars.get(i + 1), Some(&ITALIC | &BOLD)))),
            '}' => {
                if let Some((start, styled)) = open.pop()
                    && styled
                {
                    dropped[start] = true;
                    dropped[i] = true;
                }
            }
            _ => {}
        }
    }
    chars
        .iter()
        .zip(&dropped)
        .filter(|(_, dropped)| !**dropped)
        .map(|(c, _)| c)
        .collect()
}

/// Commands the biblatex crate or glose's later steps read (`to_hayagriva_fixes::plain_tex`,
/// `to_hayagriva_text::prepared`), left as written.
const KNOWN: &[&str] = &[
    "LaTeX",
    "TeX",
    "textendash",
    "textemdash",
    "textquotesingle",
    "textquotedblleft",
    "textquotedblright",
    "textquoteleft",
    "textquoteright",
    "textquotestraightdblbase",
    "quotedblbase",
    "textquotestraightbase",
    "quotesinglbase",
    "textquotedbl",
    "textasciicircum",
    "textasciigrave",
    "textasciitilde",
    "textasteriskcentered",
    "textbackslash",
    "textbar",
    "textbraceleft",
    "textbraceright",
    "textbullet",
    "textdagger",
    "textdaggerdbl",
    "textdollar",
    "textless",
    "textgreater",
    "textexclamdown",
    "textquestiondown",
    "textordfeminine",
    "textordmasculine",
    "textperiodcentered",
    "textregistered",
    "texttrademark",
    "textsection",
    "textunderscore",
    "textvisiblespace",
    "guillemotleft",
    "guillemotright",
    "guilsinglleft",
    "guilsinglright",
    "aa",
    "AA",
    "ae",
    "AE",
    "dh",
    "DH",
    "dj",
    "DJ",
    "ng",
    "NG",
    "oe",
    "OE",
    "ss",
    "SS",
    "th",
    "TH",
    "textparagraph",
    "copyright",
    "ddag",
    "dots",
    "textellipsis",
    "pounds",
    "textsuperscript",
    "url",
    "textmu",
];

/// Commands of `KNOWN` that read a braced argument.
const TAKING_AN_ARGUMENT: &[&str] = &["textsuperscript", "url", "textmu", "copyright"];

/// Text commands pandoc reads as text that the biblatex crate does not know.
const SYMBOLS: &[(&str, &str)] = &[
    ("euro", "€"),
    ("textdegree", "°"),
    ("ldots", "…"),
    ("hyphen", "-"),
    ("slash", "/"),
];

/// Declarations that style the rest of their group, and the mark they open (none: upright).
const DECLARATIONS: &[(&str, Option<char>)] = &[
    ("em", Some(ITALIC)),
    ("it", Some(ITALIC)),
    ("sl", Some(ITALIC)),
    ("bf", Some(BOLD)),
    ("tt", Some(CODE)),
    ("rm", None),
    ("normalfont", None),
    ("upshape", None),
];

/// Commands that style their argument, the mark they open, and whether the argument keeps its
/// case (code does, as in pandoc); the others show their argument as it is.
const STYLED: &[(&str, Option<char>)] = &[
    ("emph", Some(ITALIC)),
    ("textit", Some(ITALIC)),
    ("textsl", Some(ITALIC)),
    ("mkbibemph", Some(ITALIC)),
    ("textbf", Some(BOLD)),
    ("mkbibbold", Some(BOLD)),
    ("textsc", Some(SMALL_CAPS)),
    ("texttt", Some(CODE)),
    ("textsubscript", Some(SUB)),
    ("textsf", None),
    ("textrm", None),
    ("textup", None),
    ("textmd", None),
    ("textnormal", None),
    ("underline", None),
    ("lowercase", None),
    ("uppercase", None),
    ("MakeUppercase", None),
    ("MakeLowercase", None),
];

/// Commands whose argument is quoted.
const QUOTING: &[&str] = &["mkbibquote", "enquote"];

/// A group being read: the marks opened in it, and what closes it.
struct Group {
    marks: usize,
    brace: bool,
    closing: &'static str,
}

/// `tex` with its markup as marks and its unknown commands as raw TeX; math, accents and the
/// commands later steps read are left as written.
pub(crate) fn marked(tex: &str) -> String {
    if !tex.contains(['\\', '`']) {
        return tex.to_string();
    }
    let chars: Vec<char> = tex.chars().collect();
    let mut out = String::with_capacity(tex.len() + 8);
    let mut groups = vec![Group {
        marks: 0,
        brace: false,
        closing: "",
    }];
    let mut single_quote: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '$' => {
                let end = (i..chars.len())
                    .find(|&j| chars[j] == '$' && chars[j - 1] != '\\')
                    .map_or(chars.len(), |j| j + 1);
                out.push('$');
                out.extend(&chars[i..end]);
                i = end;
            }
            '{' => {
                out.push('{');
                groups.push(Group {
                    marks: 0,
                    brace: true,
                    closing: "",
                });
            }
            '}' if groups.len() > 1 => {
                if let Some(group) = groups.pop() {
                    close(&group, &mut out);
                }
            }
            '`' if chars.get(i) == Some(&'`') => {
                out.push_str("``");
                i += 1;
            }
            '`' => {
                single_quote = Some(out.len());
                out.push('‘');
            }
            '\'' if single_quote.is_some() && chars.get(i) != Some(&'\'') => {
                // A quotation is a quotation whatever its marks: the style chooses them by depth.
                if let Some(start) = single_quote.take() {
                    out.replace_range(start..start + '‘'.len_utf8(), "“");
                }
                out.push('”');
            }
            '\\' => i = command(&chars, i, &mut out, &mut groups),
            c => out.push(c),
        }
    }
    while let Some(group) = groups.pop() {
        close(&group, &mut out);
    }
    out
}

fn close(group: &Group, out: &mut String) {
    out.extend(std::iter::repeat_n(END, group.marks));
    if group.brace {
        out.push('}');
    }
    out.push_str(group.closing);
}

/// Reads the command after a `\` at `i`; returns the index after it.
fn command(chars: &[char], i: usize, out: &mut String, groups: &mut Vec<Group>) -> usize {
    let Some(&first) = chars.get(i) else {
        out.push('\\');
        return i;
    };
    if !first.is_ascii_alphabetic() {
        match first {
            '\\' => out.push(LINE_BREAK),
            ' ' | '\t' | '\n' | '\r' => out.push(' '),
            '/' => {}
            _ => {
                out.push('\\');
                out.push(first);
            }
        }
        return i + 1;
    }
    let end = i + chars[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let name: String = chars[i..end].iter().collect();
    let after_spaces = end + chars[end..].iter().take_while(|c| is_blank(**c)).count();
    if name.len() == 1 || KNOWN.contains(&name.as_str()) {
        out.push('\\');
        out.push_str(&name);
        if name.len() == 1
            || TAKING_AN_ARGUMENT.contains(&name.as_str())
            || chars.get(after_spaces) == Some(&'{')
        {
            return end;
        }
        // The biblatex crate reads a name on to the next space or brace (`\TeX:` as `TeX:`).
        out.push_str("{}");
        return after_spaces;
    }
    if let Some((_, text)) = SYMBOLS.iter().find(|(n, _)| *n == name) {
        out.push_str(text);
        return after_spaces;
    }
    if let Some((_, mark)) = DECLARATIONS.iter().find(|(n, _)| *n == name) {
        if let (Some(mark), Some(group)) = (mark, groups.last_mut()) {
            out.push(*mark);
            group.marks += 1;
        }
        return end
            + chars[end..]
                .iter()
                .take_while(|c| c.is_whitespace())
                .count();
    }
    let argument = chars.get(after_spaces) == Some(&'{');
    if argument && let Some((_, mark)) = STYLED.iter().find(|(n, _)| *n == name) {
        out.extend(*mark);
        let code = *mark == Some(CODE);
        if code {
            out.push('{');
        }
        groups.push(Group {
            marks: usize::from(mark.is_some()),
            brace: code,
            closing: "",
        });
        return after_spaces + 1;
    }
    if argument && QUOTING.contains(&name.as_str()) {
        out.push('“');
        groups.push(Group {
            marks: 0,
            brace: false,
            closing: "”",
        });
        return after_spaces + 1;
    }
    raw_command(chars, i - 1, after_spaces, out)
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Writes the unknown command at `start` (its `\`) as raw TeX, with the spaces after its name,
/// a number or dimension after it and its braced arguments, as pandoc keeps it; returns the
/// index after it.
fn raw_command(chars: &[char], start: usize, after_spaces: usize, out: &mut String) -> usize {
    let mut end = after_spaces + number_len(&chars[after_spaces..]);
    while chars.get(end) == Some(&'{') {
        let Some(len) = group_len(&chars[end..]) else {
            break;
        };
        end += len;
    }
    let encoded: Option<String> = chars[start..end].iter().map(|&c| raw(c)).collect();
    match encoded {
        Some(encoded) => out.push_str(&encoded),
        None => out.extend(&chars[start..end]),
    }
    end
}

/// The length of the number or dimension at the start of `chars` (`20`, `-3`, `1.5pt`), which
/// pandoc takes as an unknown command's argument.
fn number_len(chars: &[char]) -> usize {
    let digits = chars
        .iter()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
        .count();
    if !chars[..digits].iter().any(char::is_ascii_digit) {
        return 0;
    }
    digits
        + chars[digits..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
}

/// The length of the balanced `{…}` group at the start of `chars`.
fn group_len(chars: &[char]) -> Option<usize> {
    let mut depth = 0usize;
    for (n, &c) in chars.iter().enumerate() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(n + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `marked` with marks spelled out and raw TeX between backquotes, for reading.
    fn shown(tex: &str) -> String {
        shown_marks(&marked(tex))
    }

    /// Marked text with its marks spelled out.
    fn shown_marks(text: &str) -> String {
        let mut out = String::new();
        let mut in_raw = false;
        for c in text.chars() {
            let raw_char = unraw(c);
            if raw_char.is_some() != in_raw {
                out.push('`');
                in_raw = !in_raw;
            }
            match (raw_char, c) {
                (Some(r), _) => out.push(r),
                (None, ITALIC) => out.push_str("<i>"),
                (None, BOLD) => out.push_str("<b>"),
                (None, SMALL_CAPS) => out.push_str("<sc>"),
                (None, CODE) => out.push_str("<code>"),
                (None, SUB) => out.push_str("<sub>"),
                (None, END) => out.push_str("</>"),
                (None, LINE_BREAK) => out.push_str("<br>"),
                (None, c) => out.push(c),
            }
        }
        if in_raw {
            out.push('`');
        }
        out
    }

    #[test]
    fn styling_commands_and_declarations_become_marks() {
        assert_eq!(
            shown(r"Study of \emph{Homo sapiens} and \textbf{bold} and {\em em}"),
            "Study of <i>Homo sapiens</> and <b>bold</> and {<i>em</>}"
        );
        assert_eq!(
            shown(r"The {\it Italic\/} and {\tt Tt Code} and {\sl Sl} {\bf B} {x \rm y}"),
            "The {<i>Italic</>} and {<code>Tt Code</>} and {<i>Sl</>} {<b>B</>} {x y}"
        );
        assert_eq!(
            shown(r"\textsc{Small}, \texttt{Code Here}, \textsf{sans}, H\textsubscript{2}O"),
            "<sc>Small</>, <code>{Code Here</>}, sans, H<sub>2</>O"
        );
        assert_eq!(shown(r"\it all \bf the rest"), "<i>all <b>the rest</></>");
        assert_eq!(shown("of {\\tt\n    WEB}"), "of {<code>WEB</>}");
        assert_eq!(shown(r"\textbf{a \emph{b} c}"), "<b>a <i>b</> c</>");
    }

    #[test]
    fn a_group_a_style_declaration_opens_does_not_keep_its_case() {
        let unprotected = |tex: &str| {
            let text = unprotected_styles(&marked(tex));
            shown_marks(&text)
        };
        assert_eq!(
            unprotected(r"On {\em shortest paths} and {\bf Big} {Data}"),
            "On <i>shortest paths</> and <b>Big</> {Data}"
        );
        assert_eq!(
            unprotected(r"{\tt Code} and {x {\it y}}"),
            "{<code>Code</>} and {x <i>y</>}"
        );
        assert_eq!(unprotected("{unbalanced"), "{unbalanced");
    }

    #[test]
    fn unknown_commands_are_raw_tex_with_their_arguments() {
        assert_eq!(
            shown(r"the \acro{TUG} and \MF\ and powerdot\Dash making \nth{3}"),
            r"the `\acro{TUG}` and `\MF` and powerdot`\Dash `making `\nth{3}`"
        );
        assert_eq!(
            shown(r"{TUG\,'95}\Dash {St. Petersburg, Florida}"),
            r"{TUG\,'95}`\Dash {St. Petersburg, Florida}`"
        );
        assert_eq!(shown(r"{\sf powerdot}"), r"{`\sf `powerdot}");
        assert_eq!(shown(r"a\kern1pt b \psqq"), r"a`\kern1pt` b `\psqq`");
    }

    #[test]
    fn known_commands_math_and_accents_are_left_for_later_steps() {
        for tex in [
            r#"Caf\'e \c{c} {\"u} \TeX{} and \LaTeX{} $\gamma \emph{x}$ n\textsuperscript{o}"#,
            r"\url{http://x.org} 10\,\textmu m \& \% \$5 a\-b",
            "no commands at all",
        ] {
            assert_eq!(marked(tex), tex);
        }
    }

    #[test]
    fn biblatex_text_commands_line_breaks_and_quotes() {
        assert_eq!(
            shown(r"\mkbibquote{x} a\hyphen b \mkbibemph{e} \mkbibbold{b} 5\euro{} a\\b"),
            "“x” a-b <i>e</> <b>b</> 5€{} a<br>b"
        );
        assert_eq!(
            shown(r"`single' and ``double'' and it's"),
            "“single” and ``double'' and it's"
        );
        assert_eq!(shown(r"\char`x"), "`\\char`‘x");
    }

    #[test]
    fn an_unknown_command_takes_the_number_after_it_as_pandoc_does() {
        assert_eq!(
            shown(r"(\tubissue 20(2)) {\it 3\thinspace:\thinspace16 Bible}"),
            r"(`\tubissue 20`(2)) {<i>3`\thinspace`:`\thinspace16` Bible</>}"
        );
        assert_eq!(shown(r"\foo abc \foo-3"), r"`\foo `abc `\foo-3`");
        assert_eq!(shown("pp.\\\n  272"), "pp.   272");
    }

    #[test]
    fn a_known_command_is_ended_before_what_the_biblatex_crate_would_read_as_its_name() {
        assert_eq!(
            marked(r"\TeX82 and \TeX: what is \TeX? \ss-x"),
            r"\TeX{}82 and \TeX{}: what is \TeX{}? \ss{}-x"
        );
        assert_eq!(
            marked(r"\TeX\ for \TeX line \oe uvre"),
            r"\TeX{} for \TeX{}line \oe{}uvre"
        );
    }

    #[test]
    fn names_keep_their_words_and_lose_unknown_commands() {
        assert_eq!(marked_field("author", r"{\TUB} Editors"), "{} Editors");
        assert_eq!(
            marked_field("editor", r"{TUG {\sltt DVI} Committee} and D{\'\i}az, J."),
            r"{TUG {DVI} Committee} and D{\'\i}az, J."
        );
    }

    #[test]
    fn pages_lose_unknown_commands() {
        assert_eq!(marked_field("pages", r"579\psqq"), "579");
        assert_eq!(marked_field("pages", "C2-97--C2-107"), "C2-97--C2-107");
    }

    #[test]
    fn plain_drops_marks_and_raw_tex() {
        assert_eq!(plain(&marked(r"\emph{Homo} \acro{TUG} x")), "Homo  x");
        assert_eq!(plain("plain"), "plain");
    }

    #[test]
    fn malformed_tex_does_not_panic() {
        for tex in [r"\", r"\emph{", r"}\it{", r"\acro{x", "$\\emph", r"\textbf"] {
            let _ = marked(tex);
        }
    }
}
