//! hayagriva's formatted output as Markdown: italics, bold, small caps upper-cased, pandoc's
//! sub- and superscripts, links.

use hayagriva::ElemChild;
use hayagriva::citationberg::{Display, FontStyle, FontVariant, FontWeight, VerticalAlign};

use super::typography;
use crate::bib::{markup, math};

/// The formatting of one character of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Format {
    italic: bool,
    bold: bool,
    superscript: bool,
    subscript: bool,
    code: bool,
}

/// One character, or a link kept whole so typography never touches a URL, or Markdown
/// written as it is (raw TeX, a line break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Char(char, Format),
    Link(String, String),
    Markdown(String),
}

/// Markdown for a sequence of hayagriva elements; `french` applies French typography.
pub(crate) fn to_markdown<'a>(
    children: impl IntoIterator<Item = &'a ElemChild>,
    french: bool,
) -> String {
    let mut pieces = Vec::new();
    for child in children {
        flatten(child, &mut pieces);
    }
    apply_marks(&mut pieces);
    typography::collapse_punctuation(&mut pieces);
    if french {
        typography::french(&mut pieces);
    }
    emit(&pieces)
}

fn flatten(child: &ElemChild, out: &mut Vec<Piece>) {
    match child {
        ElemChild::Text(formatted) => {
            let f = &formatted.formatting;
            let format = Format {
                italic: f.font_style == FontStyle::Italic,
                bold: f.font_weight == FontWeight::Bold,
                superscript: f.vertical_align == VerticalAlign::Sup,
                subscript: f.vertical_align == VerticalAlign::Sub,
                code: false,
            };
            let small_caps = f.font_variant == FontVariant::SmallCaps;
            for c in formatted.text.chars() {
                if small_caps {
                    out.extend(c.to_uppercase().map(|u| Piece::Char(u, format)));
                } else {
                    out.push(Piece::Char(c, format));
                }
            }
        }
        ElemChild::Elem(elem) if matches!(elem.display, Some(Display::Block | Display::Indent)) => {
            separate(out);
            elem.children.0.iter().for_each(|c| flatten(c, out));
            separate(out);
        }
        ElemChild::Elem(elem) => elem.children.0.iter().for_each(|c| flatten(c, out)),
        ElemChild::Markup(text) => {
            out.extend(text.chars().map(|c| Piece::Char(c, Format::default())));
        }
        ElemChild::Link { text, url } => out.push(Piece::Link(text.text.clone(), url.clone())),
        ElemChild::Transparent { .. } => {}
    }
}

/// A space between a block (`display="block"`) and the text around it, as pandoc's blocks are
/// apart on one line; none at the start or after a space.
fn separate(out: &mut Vec<Piece>) {
    if !matches!(out.last(), None | Some(Piece::Char(' ', _))) {
        out.push(Piece::Char(' ', Format::default()));
    }
}

/// The formatting and raw TeX that a field's text marks (see `bib::markup::marked` and
/// `bib::math::marked`): raw TeX as pandoc's raw LaTeX inline, which only LaTeX output shows.
fn apply_marks(pieces: &mut Vec<Piece>) {
    let mut open: Vec<char> = Vec::new();
    let mut out = Vec::with_capacity(pieces.len());
    let mut raw = String::new();
    for piece in pieces.drain(..) {
        let Piece::Char(c, mut format) = piece else {
            flush_raw(&mut raw, &mut out);
            out.push(piece);
            continue;
        };
        if let Some(tex) = markup::unraw(c) {
            raw.push(tex);
            continue;
        }
        flush_raw(&mut raw, &mut out);
        match c {
            math::END => {
                open.pop();
            }
            markup::LINE_BREAK => out.push(Piece::Markdown("\\\n".into())),
            c if markup::is_mark(c) => open.push(c),
            c => {
                let mut small_caps = false;
                for mark in &open {
                    match *mark {
                        math::SUB => format.subscript = true,
                        math::SUP => format.superscript = true,
                        markup::ITALIC => format.italic = true,
                        markup::BOLD => format.bold = true,
                        markup::CODE => format.code = true,
                        _ => small_caps = true,
                    }
                }
                if small_caps {
                    out.extend(c.to_uppercase().map(|u| Piece::Char(u, format)));
                } else {
                    out.push(Piece::Char(c, format));
                }
            }
        }
    }
    flush_raw(&mut raw, &mut out);
    *pieces = out;
}

fn flush_raw(raw: &mut String, out: &mut Vec<Piece>) {
    if !raw.is_empty() {
        out.push(Piece::Markdown(format!("{}{{=latex}}", code_span(raw))));
        raw.clear();
    }
}

/// `text` as a Markdown code span, its fence longer than any run of backquotes in it.
fn code_span(text: &str) -> String {
    let longest = text
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn emit(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let mut current = Format::default();
    for piece in pieces {
        match piece {
            Piece::Char(c, format) => {
                if *format != current {
                    push_run(&mut out, &run, current);
                    run.clear();
                    current = *format;
                }
                run.push(*c);
            }
            Piece::Link(text, url) => {
                push_run(&mut out, &run, current);
                run.clear();
                let target = if url.contains([' ', '(', ')', '<', '>']) {
                    format!("<{}>", url.replace(' ', "%20").replace(['<', '>'], ""))
                } else {
                    url.clone()
                };
                out.push_str(&format!("[{}]({target})", escape(text)));
            }
            Piece::Markdown(markdown) => {
                push_run(&mut out, &run, current);
                run.clear();
                out.push_str(markdown);
            }
        }
    }
    push_run(&mut out, &run, current);
    out.trim().to_string()
}

fn push_run(out: &mut String, run: &str, format: Format) {
    let core = run.trim();
    if core.is_empty() {
        out.push_str(run);
        return;
    }
    let lead = &run[..run.len() - run.trim_start().len()];
    let trail = &run[run.trim_end().len()..];
    let mut text = if format.code {
        code_span(core)
    } else {
        escape(core)
    };
    if format.superscript {
        text = format!("^{}^", escape_script(&text));
    } else if format.subscript {
        text = format!("~{}~", escape_script(&text));
    }
    let marker = match (format.italic, format.bold) {
        (true, true) => "***",
        (true, false) => "*",
        (false, true) => "**",
        (false, false) => "",
    };
    out.push_str(lead);
    out.push_str(marker);
    out.push_str(&text);
    out.push_str(marker);
    out.push_str(trail);
}

/// Pandoc's sub- and superscripts end at an unescaped space or at their own mark.
fn escape_script(text: &str) -> String {
    backslashed(text, &[' ', '^', '~'])
}

/// Escapes the characters Markdown would read as markup.
pub(crate) fn escape(text: &str) -> String {
    backslashed(text, &['\\', '*', '_', '`', '[', ']', '<', '>'])
}

/// `text` with a backslash before each of `special`.
fn backslashed(text: &str, special: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hayagriva::{Formatted, Formatting};

    fn text(t: &str, italic: bool, small_caps: bool) -> ElemChild {
        let mut formatting = Formatting::default();
        if italic {
            formatting.font_style = FontStyle::Italic;
        }
        if small_caps {
            formatting.font_variant = FontVariant::SmallCaps;
        }
        ElemChild::Text(Formatted {
            text: t.into(),
            formatting,
        })
    }

    #[test]
    fn marked_math_scripts_are_pandoc_sub_and_superscripts() {
        let title = format!(
            "Cu{}2\u{2005}−\u{2005}δ{}O at 20 {}∘{}K, e{}x^y{}",
            math::SUB,
            math::END,
            math::SUP,
            math::END,
            math::SUP,
            math::END
        );
        let children = [text(&title, false, false), text(" in ", false, false)];
        assert_eq!(
            to_markdown(&children, false),
            "Cu~2\u{2005}−\u{2005}δ~O at 20 ^∘^K, e^x\\^y^ in"
        );
        let formatting = Formatting {
            vertical_align: VerticalAlign::Sup,
            ..Formatting::default()
        };
        let styled = ElemChild::Text(Formatted {
            text: "a b".into(),
            formatting,
        });
        assert_eq!(to_markdown([&styled], false), "^a\\ b^");
    }

    #[test]
    fn markup_marks_are_formatting_and_raw_tex_is_a_raw_latex_inline() {
        let title = crate::bib::markup::marked(
            r"Study of \emph{Homo} \textbf{b} \textsc{Sc} {\tt a*b} \acro{TUG}\ and a\\b \char`x",
        )
        .replace(['{', '}'], "");
        let children = [text(&title, true, false)];
        assert_eq!(
            to_markdown(&children, false),
            "*Study of Homo* ***b*** *SC* *`a*b`* `\\acro{TUG}`{=latex} *and a*\\\n*b* `\\char`{=latex}*‘x*"
        );
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn runs_links_and_small_caps() {
        let children = [
            text("Dupont", false, true),
            text(", ", false, false),
            text("Le droit ", true, false),
            text("pénal", true, false),
            text(" [2e éd.] : «", false, false),
            text("x", false, false),
            text("». ", false, false),
            ElemChild::Link {
                text: Formatted {
                    text: "https://a.b/c?d=1:2".into(),
                    formatting: Formatting::default(),
                },
                url: "https://a.b/c?d=1:2".into(),
            },
        ];
        assert_eq!(
            to_markdown(&children, false),
            "DUPONT, *Le droit pénal* \\[2e éd.\\] : «x». [https://a.b/c?d=1:2](https://a.b/c?d=1:2)"
        );
        assert_eq!(
            to_markdown(&children, true),
            "DUPONT, *Le droit pénal* \\[2e éd.\\]\u{a0}: «\u{a0}x\u{a0}». [https://a.b/c?d=1:2](https://a.b/c?d=1:2)"
        );
    }
}
