//! TeX math as text, as pandoc's texmath writes it: Unicode symbols, its spacing around
//! operators, and sub/superscripts in Unicode when every character has a form there.

use super::math_symbols::{Class, named_operator, symbol};

/// Opens a subscript in marked text (see `marked`); `END` closes it.
pub(crate) const SUB: char = '\u{E000}';
/// Opens a superscript in marked text; `END` closes it.
pub(crate) const SUP: char = '\u{E001}';
/// Closes a subscript or superscript opened by `SUB` or `SUP`.
pub(crate) const END: char = '\u{E002}';

/// Plain text of the math `tex` (without its `$`), scripts with no Unicode form written
/// `_(…)` and `^(…)` as pandoc's plain writer does; `None` for math this module cannot read.
pub(crate) fn plain(tex: &str) -> Option<String> {
    let mut out = String::new();
    for (script, text) in runs(tex)? {
        match script {
            Script::Base => out.push_str(&text),
            Script::Sub => out.push_str(&format!("_({text})")),
            Script::Sup => out.push_str(&format!("^({text})")),
        }
    }
    Some(out)
}

/// BibLaTeX field text of the math `tex`, scripts with no Unicode form between `SUB` or `SUP`
/// and `END`; `None` for math this module cannot read, or that shows nothing.
pub(crate) fn marked(tex: &str) -> Option<String> {
    let mut out = String::new();
    for (script, text) in runs(tex)? {
        let text = escaped(&text);
        match script {
            Script::Base => out.push_str(&text),
            Script::Sub | Script::Sup => {
                out.push(if script == Script::Sub { SUB } else { SUP });
                out.push_str(&text);
                out.push(END);
            }
        }
    }
    Some(out).filter(|text| !text.trim().is_empty())
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '{' | '}' | '$' | '%' | '&' | '#' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Base,
    Sub,
    Sup,
}

/// One atom of math with its scripts.
#[derive(Debug, Default)]
struct Item {
    body: Body,
    sub: Option<Vec<Item>>,
    sup: Option<Vec<Item>>,
}

#[derive(Debug)]
enum Body {
    Symbol(String, Class),
    Space(&'static str),
    Group(Vec<Item>),
}

impl Default for Body {
    fn default() -> Self {
        Body::Group(Vec::new())
    }
}

impl Item {
    fn class(&self) -> Class {
        match &self.body {
            Body::Symbol(_, class) => *class,
            Body::Space(_) | Body::Group(_) => Class::Ord,
        }
    }
}

/// Nesting of groups beyond which math is not read.
const MAX_DEPTH: usize = 32;

fn runs(tex: &str) -> Option<Vec<(Script, String)>> {
    let chars: Vec<char> = tex.chars().collect();
    let mut parser = Parser {
        chars: &chars,
        at: 0,
        depth: 0,
    };
    let items = parser.list()?;
    if parser.at < chars.len() {
        return None;
    }
    let mut out = Vec::new();
    render(&items, &mut out)?;
    Some(out)
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// Items up to the end or a closing `}` (left in place).
    fn list(&mut self) -> Option<Vec<Item>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut items: Vec<Item> = Vec::new();
        loop {
            self.skip_spaces();
            let Some(c) = self.peek() else { break };
            match c {
                '}' => break,
                '^' | '_' => {
                    self.at += 1;
                    let script = self.argument()?;
                    let attach = items
                        .last()
                        .is_some_and(|i| !matches!(i.body, Body::Space(_)));
                    if !attach {
                        items.push(Item::default());
                    }
                    let last = items.last_mut()?;
                    let slot = if c == '^' {
                        &mut last.sup
                    } else {
                        &mut last.sub
                    };
                    if slot.is_some() {
                        return None;
                    }
                    *slot = Some(script);
                }
                '\'' => {
                    self.at += 1;
                    let last = items.last_mut()?;
                    let prime = Item {
                        body: Body::Symbol("′".into(), Class::Ord),
                        ..Item::default()
                    };
                    last.sup.get_or_insert_with(Vec::new).push(prime);
                }
                _ => {
                    if let Some(item) = self.atom()? {
                        items.push(item);
                    }
                }
            }
        }
        self.depth -= 1;
        Some(items)
    }

    /// The argument of `^`, `_` or a command: a group or one atom.
    fn argument(&mut self) -> Option<Vec<Item>> {
        self.skip_spaces();
        if self.peek() == Some('{') {
            return self.group();
        }
        Some(self.atom()?.into_iter().collect())
    }

    fn group(&mut self) -> Option<Vec<Item>> {
        self.at += 1;
        let items = self.list()?;
        (self.peek() == Some('}')).then(|| self.at += 1)?;
        Some(items)
    }

    /// The raw text of a `{…}` argument.
    fn raw_argument(&mut self) -> Option<String> {
        self.skip_spaces();
        (self.peek() == Some('{')).then_some(())?;
        let start = self.at + 1;
        let len = self.chars[start..].iter().position(|&c| c == '}')?;
        self.at = start + len + 1;
        Some(self.chars[start..start + len].iter().collect())
    }

    /// One atom, `None` inside when the math cannot be read, `Some(None)` for nothing shown.
    fn atom(&mut self) -> Option<Option<Item>> {
        let c = self.peek()?;
        self.at += 1;
        let symbol = |text: &str, class| {
            Some(Some(Item {
                body: Body::Symbol(text.into(), class),
                ..Item::default()
            }))
        };
        match c {
            '{' => {
                self.at -= 1;
                let items = self.group()?;
                Some(Some(Item {
                    body: Body::Group(items),
                    ..Item::default()
                }))
            }
            '\\' => self.command(),
            '~' => Some(Some(Item {
                body: Body::Space("\u{a0}"),
                ..Item::default()
            })),
            '+' => symbol("+", Class::Bin),
            '-' => symbol("−", Class::Bin),
            '*' => symbol("∗", Class::Bin),
            '=' | '<' | '>' | ':' => symbol(&c.to_string(), Class::Rel),
            ',' | ';' => symbol(&c.to_string(), Class::Pun),
            '(' | '[' => symbol(&c.to_string(), Class::Open),
            ')' | ']' => symbol(&c.to_string(), Class::Close),
            '&' | '#' | '%' | '$' | '}' | '^' | '_' => None,
            c => symbol(&c.to_string(), Class::Ord),
        }
    }

    fn command(&mut self) -> Option<Option<Item>> {
        let first = self.peek()?;
        self.at += 1;
        let space = |s| {
            Some(Some(Item {
                body: Body::Space(s),
                ..Item::default()
            }))
        };
        let literal = |s: &str, class| {
            Some(Some(Item {
                body: Body::Symbol(s.into(), class),
                ..Item::default()
            }))
        };
        if !first.is_ascii_alphabetic() {
            return match first {
                ',' => space("\u{2006}"),
                ';' => space("\u{2005}"),
                ':' | ' ' => space("\u{a0}"),
                '!' => Some(None),
                '{' => literal("{", Class::Open),
                '}' => literal("}", Class::Close),
                '%' | '#' | '&' | '_' | '$' => literal(&first.to_string(), Class::Ord),
                '|' => literal("‖", Class::Ord),
                _ => None,
            };
        }
        let start = self.at - 1;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.at += 1;
        }
        let name: String = self.chars[start..self.at].iter().collect();
        match name.as_str() {
            "mathrm" | "mathit" | "mathbf" | "mathsf" | "mathtt" | "mathnormal" => {
                let text = self.plain_argument(false)?;
                literal(&text, Class::Ord)
            }
            "text" | "textrm" | "textit" | "textbf" | "textnormal" | "mbox" => {
                let text = self.plain_argument(true)?;
                literal(&text, Class::Ord)
            }
            "operatorname" => {
                let text = self.plain_argument(false)?;
                literal(&text, Class::Op)
            }
            "left" | "right" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr" | "Bigl"
            | "Bigr" => {
                self.skip_spaces();
                if self.peek() == Some('.') {
                    self.at += 1;
                }
                Some(None)
            }
            "quad" => space("\u{2001}"),
            "qquad" => space("\u{2001}\u{2001}"),
            _ => {
                if named_operator(&name) {
                    return literal(&name, Class::Op);
                }
                let (text, class) = symbol(&name)?;
                literal(text, class)
            }
        }
    }

    /// The text of a `{…}` argument that holds only letters, digits, spaces and punctuation;
    /// spaces are dropped unless `keep_spaces`, as in math.
    fn plain_argument(&mut self, keep_spaces: bool) -> Option<String> {
        let raw = self.raw_argument()?;
        if raw.contains(['\\', '{', '$', '^', '_', '%', '&', '#', '~']) {
            return None;
        }
        Some(if keep_spaces {
            raw
        } else {
            raw.split_whitespace().collect()
        })
    }
}

/// Appends the runs of `items`, with texmath's spacing around operators and punctuation; a
/// binary operator where TeX makes it unary (`-1`, `>-<`) and a final relation are not spaced.
fn render(items: &[Item], out: &mut Vec<(Script, String)>) -> Option<()> {
    let shown: Vec<&Item> = items
        .iter()
        .filter(|i| !matches!(&i.body, Body::Group(g) if g.is_empty()) || has_scripts(i))
        .collect();
    for (n, item) in shown.iter().enumerate() {
        let before = n
            .checked_sub(1)
            .and_then(|p| shown.get(p))
            .map(|i| i.class());
        let after = shown.get(n + 1).map(|i| i.class());
        let unary = matches!(
            before,
            None | Some(Class::Bin | Class::Rel | Class::Pun | Class::Open | Class::Op)
        ) || matches!(after, None | Some(Class::Rel | Class::Close | Class::Pun));
        match &item.body {
            Body::Symbol(text, class) => {
                let spaced = match class {
                    Class::Rel if n + 1 == shown.len() => text.clone(),
                    Class::Rel => format!("\u{2004}{text}\u{2004}"),
                    Class::Bin if !unary => format!("\u{2005}{text}\u{2005}"),
                    Class::Pun | Class::Op => format!("{text}\u{2006}"),
                    _ => text.clone(),
                };
                push(out, Script::Base, &spaced);
            }
            Body::Space(space) => push(out, Script::Base, space),
            Body::Group(inner) => render(inner, out)?,
        }
        for (script, items) in [(Script::Sub, &item.sub), (Script::Sup, &item.sup)] {
            if let Some(items) = items {
                let text = flat(items)?;
                match unicode_script(&text, script) {
                    Some(unicode) => push(out, Script::Base, &unicode),
                    None if text.is_empty() => {}
                    None => out.push((script, text)),
                }
            }
        }
    }
    Some(())
}

fn has_scripts(item: &Item) -> bool {
    item.sub.is_some() || item.sup.is_some()
}

fn push(out: &mut Vec<(Script, String)>, script: Script, text: &str) {
    match out.last_mut() {
        Some((last, run)) if *last == script => run.push_str(text),
        _ => out.push((script, text.to_string())),
    }
}

/// The text of a script, whose own scripts must have a Unicode form.
fn flat(items: &[Item]) -> Option<String> {
    let mut runs = Vec::new();
    render(items, &mut runs)?;
    match runs.as_slice() {
        [] => Some(String::new()),
        [(Script::Base, text)] => Some(text.clone()),
        _ => None,
    }
}

/// `text` in Unicode sub- or superscript characters, when pandoc's plain writer has them all.
fn unicode_script(text: &str, script: Script) -> Option<String> {
    const SUPER: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    const SUBS: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    if text.is_empty() {
        return None;
    }
    let sup = script == Script::Sup;
    text.chars()
        .map(|c| match (c, c.to_digit(10)) {
            (_, Some(d)) if sup => Some(SUPER[d as usize]),
            (_, Some(d)) => Some(SUBS[d as usize]),
            ('+', _) => Some(if sup { '⁺' } else { '₊' }),
            ('-' | '−', _) => Some(if sup { '⁻' } else { '₋' }),
            ('=', _) => Some(if sup { '⁼' } else { '₌' }),
            ('(', _) => Some(if sup { '⁽' } else { '₍' }),
            (')', _) => Some(if sup { '⁾' } else { '₎' }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(tex: &str) -> String {
        plain(tex)
            .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| format!("unread: {tex}"))
    }

    #[test]
    fn symbols_and_operator_spacing_follow_texmath() {
        assert_eq!(shown(r"\gamma \gamma \to \gamma \gamma"), "γγ → γγ");
        assert_eq!(shown(r"5+\epsilon"), "5 + ϵ");
        assert_eq!(shown(r"n=1"), "n = 1");
        assert_eq!(shown(r"4,2\,^\circ\mathrm{K}"), "4, 2 ^(∘)K");
        assert_eq!(shown(r"O(n \log n)"), "O(nlog n)");
        assert_eq!(shown(r"\Diamond p \equiv \neg \Box \neg p"), "◇p ≡ ¬□¬p");
        assert_eq!(shown(r">-<"), "> −<");
        assert_eq!(shown(r"\Gamma{}-"), "Γ−");
        assert_eq!(shown(r"\langle 100 \rangle"), "⟨100⟩");
        assert_eq!(shown(r"\{>\}10^8"), "{ > }10⁸");
    }

    #[test]
    fn scripts_are_unicode_when_pandoc_has_every_character() {
        assert_eq!(shown(r"1125\,\mathrm{cm}^{-1}"), "1125 cm⁻¹");
        assert_eq!(shown(r"_{2}^{1+}"), "₂¹⁺");
        assert_eq!(shown(r"{}^{111}"), "¹¹¹");
        assert_eq!(shown(r"_{2-\delta}"), "_(2 − δ)");
        assert_eq!(shown(r"_{1\pm\epsilon}"), "_(1 ± ϵ)");
        assert_eq!(shown(r"T_\mathrm{c}"), "T_(c)");
        assert_eq!(shown(r"O(2^{O(k)}n^3)"), "O(2^(O(k))n³)");
        assert_eq!(shown(r"f'"), "f^(′)");
        assert_eq!(shown(r"n^{2.5}"), "n^(2.5)");
    }

    #[test]
    fn marked_text_escapes_braces_and_marks_scripts() {
        assert_eq!(
            marked(r"_{2-\delta}").as_deref(),
            Some("\u{E000}2\u{2005}−\u{2005}δ\u{E002}")
        );
        assert_eq!(marked(r"\{001\}").as_deref(), Some(r"\{001\}"));
        assert_eq!(marked(r"^+").as_deref(), Some("⁺"));
        assert_eq!(marked(" "), None);
    }

    #[test]
    fn math_it_cannot_read_is_left_alone() {
        for tex in [
            r"\frac{o}{a}",
            r"O(\sqrt{E})",
            r"0.72\,\textrm{\textmu m}",
            r"\not",
            r"a}",
            r"{a",
            r"x^",
            r"x^a^b",
            r"a & b",
            r"\\",
        ] {
            assert_eq!(plain(tex), None, "{tex}");
        }
        let deep = format!("{}x{}", "{".repeat(100), "}".repeat(100));
        assert_eq!(plain(&deep), None);
    }
}
