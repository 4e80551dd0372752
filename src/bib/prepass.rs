//! Equal-length rewrite of a .bib text so bibtex-parser reads every entry: byte offsets stay valid.
//!
//! Inside entries, outside values: key bytes the parser rejects and non-ASCII bytes (field names
//! such as `année`) become `_`, and `%` comments become spaces. Real text is read from the original.

/// A copy of the text the parser can read, and the block starts where it can be cut in parts.
pub(crate) struct Shadow {
    pub text: String,
    /// Starts of blocks that follow a properly closed block, so never inside another one.
    pub block_starts: Vec<usize>,
}

pub(crate) fn shadow(text: &str) -> Shadow {
    let mut out = text.as_bytes().to_vec();
    let mut block_starts = Vec::new();
    let mut pos = 0;
    let mut after_closed = true;
    while let Some(at) = memchr_at(&out, pos) {
        let Some(body) = header(&out, at) else {
            pos = at + 1;
            continue;
        };
        if after_closed {
            block_starts.push(at);
        }
        let (next, closed) = match body.kind {
            Kind::Entry => {
                mangle_key(&mut out, body.open + 1);
                scan_body(&mut out, body.open, true)
            }
            Kind::Other => scan_body(&mut out, body.open, false),
            Kind::Comment => {
                let (end, closed) = scan_body(&mut out, body.open, false);
                if closed {
                    blank(&mut out[body.open + 1..end - 1]);
                }
                (end, closed)
            }
        };
        (pos, after_closed) = (next, closed);
    }
    // Every byte written is ASCII and replaces a whole character, so the copy is valid UTF-8.
    let text =
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into());
    Shadow { text, block_starts }
}

enum Kind {
    Entry,
    Comment,
    Other,
}

struct Header {
    kind: Kind,
    open: usize,
}

fn memchr_at(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'@')
        .map(|i| i + from)
}

/// Reads `@type{` or `@type(` starting at `at`; `None` when it is not a block header.
fn header(bytes: &[u8], at: usize) -> Option<Header> {
    let mut i = at + 1;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || b"_-:.".contains(&bytes[i])) {
        i += 1;
    }
    let name = &bytes[at + 1..i];
    if name.is_empty() {
        return None;
    }
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    if !matches!(bytes.get(i), Some(b'{' | b'(')) {
        return None;
    }
    let special = ["string", "preamble"]
        .iter()
        .any(|s| name.eq_ignore_ascii_case(s.as_bytes()));
    let kind = if name.eq_ignore_ascii_case(b"comment") {
        Kind::Comment
    } else if special {
        Kind::Other
    } else {
        Kind::Entry
    };
    Some(Header { kind, open: i })
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_.:-".contains(&b)
}

/// Rewrites the citation key after the opening delimiter when it ends with `,` or the close.
fn mangle_key(bytes: &mut [u8], from: usize) {
    let mut start = from;
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t' | b'\r' | b'\n') {
        start += 1;
    }
    let mut end = start;
    while end < bytes.len() && !b",{}() \t\r\n=\"#".contains(&bytes[end]) {
        end += 1;
    }
    let mut after = end;
    while after < bytes.len() && matches!(bytes[after], b' ' | b'\t' | b'\r' | b'\n') {
        after += 1;
    }
    if !matches!(bytes.get(after), Some(b',' | b'}' | b')')) {
        return;
    }
    for b in &mut bytes[start..end] {
        if !is_key_byte(*b) {
            *b = b'_';
        }
    }
}

/// Bytes `scan_body` acts on; the others are skipped in a tight loop.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || matches!(b as u8, b'@' | b'{' | b'}' | b')' | b'"' | b'%');
        b += 1;
    }
    table
};

/// Scans a block body from its opening delimiter; returns where it ends and whether it closed.
fn scan_body(bytes: &mut [u8], open: usize, blank_comments: bool) -> (usize, bool) {
    let parens = bytes[open] == b'(';
    let base = usize::from(!parens);
    let mut depth = base;
    let mut quoted = false;
    let mut i = open + 1;
    while i < bytes.len() {
        let ordinary = bytes[i..].iter().take_while(|&&b| !SPECIAL[usize::from(b)]);
        i += ordinary.count();
        let Some(&byte) = bytes.get(i) else {
            break;
        };
        match byte {
            b'@' if at_line_start(bytes, i) && header(bytes, i).is_some() => return (i, false),
            b'{' => depth += 1,
            b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 && !parens {
                    return (i + 1, true);
                }
            }
            b')' if parens && depth == 0 && !quoted => return (i + 1, true),
            b'"' if depth == base => quoted = !quoted,
            b'%' if blank_comments && depth == base && !quoted => {
                i = blank_comment(bytes, i);
                continue;
            }
            0x80.. if blank_comments && depth == base && !quoted => bytes[i] = b'_',
            _ => {}
        }
        i += 1;
    }
    (i, false)
}

/// Blanks an ignored @comment body, so the parser cannot read a `\}` in it as an escape.
fn blank(bytes: &mut [u8]) {
    for b in bytes.iter_mut().filter(|b| !matches!(b, b'\n' | b'\r')) {
        *b = b' ';
    }
}

fn at_line_start(bytes: &[u8], i: usize) -> bool {
    bytes[..i]
        .iter()
        .rev()
        .take_while(|&&b| b != b'\n')
        .all(|&b| b == b' ' || b == b'\t' || b == b'\r')
}

/// Blanks a `%` comment to the end of its line, and on until the braces it opened close.
fn blank_comment(bytes: &mut [u8], from: usize) -> usize {
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' if depth == 0 => return i,
            b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'{' => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b'}' => return i,
            _ => {}
        }
        bytes[i] = b' ';
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_length_and_offsets() {
        let text = "@article{Dobrovol'skii_1963, title={Été}}\n@book{назаренко2007, year=2007}\n";
        let s = shadow(text);
        assert_eq!(s.text.len(), text.len());
        assert_eq!(s.block_starts, vec![0, text.find("@book").unwrap_or(0)]);
        assert!(
            s.text
                .starts_with("@article{Dobrovol_skii_1963, title={Été}}")
        );
        let book = &s.text[s.block_starts[1]..];
        assert!(book.starts_with("@book{"));
        assert!(book[6..].starts_with(&"_".repeat("назаренко".len())));
    }

    #[test]
    fn mangles_only_key_bytes() {
        let text = "@misc{a&b/c+d'e?f, note = {a&b/c}}";
        let s = shadow(text);
        assert_eq!(s.text, "@misc{a_b_c_d_e_f, note = {a&b/c}}");
    }

    #[test]
    fn leaves_strings_and_keyless_headers_alone() {
        let text = "@string{a+b = {x}}\n@article{title = {x}}";
        assert_eq!(shadow(text).text, text);
    }

    #[test]
    fn blanks_percent_lines_inside_entries() {
        let text =
            "@article{k,\n  %abstract = {multi\n  line}, \n  year = {2020},\n  note = {}%{0}\n}";
        let s = shadow(text);
        assert_eq!(s.text.len(), text.len());
        assert!(!s.text.contains('%'));
        assert!(!s.text.contains("multi"));
        assert!(!s.text.contains("line}"));
        assert!(s.text.contains("year = {2020}"));
        assert!(s.text.contains("note = {}"));
        assert!(s.text.ends_with("\n}"));
    }

    #[test]
    fn non_ascii_between_values_becomes_underscores() {
        let text = "@article{k, année = {Été}, title = \"é\"}";
        assert_eq!(
            shadow(text).text,
            "@article{k, ann__e = {Été}, title = \"é\"}"
        );
    }

    #[test]
    fn keeps_percent_inside_values_and_between_entries() {
        let text = "% top {\n@article{k, title = {50\\% of it}, note = \"a % b\"}";
        assert_eq!(shadow(text).text, text);
    }

    #[test]
    fn resyncs_after_an_unclosed_entry() {
        let text = "@article{a, title = {x},\n@book{b+c, year = 1}";
        let s = shadow(text);
        assert!(s.text.ends_with("@book{b_c, year = 1}"));
        assert_eq!(s.block_starts, [0]);
    }

    #[test]
    fn comment_bodies_are_blank() {
        let text = "@comment{a \\} é}
@misc{k}";
        let s = shadow(text);
        assert_eq!(s.text.len(), text.len());
        assert!(s.text.starts_with("@comment{   } é}\n@misc{k}"));
        assert_eq!(s.block_starts.len(), 2);
    }

    #[test]
    fn parenthesis_entries() {
        let text = "@article(a/b, title = {x (y)})\n@book{c}";
        let s = shadow(text);
        assert!(s.text.starts_with("@article(a_b,"));
        assert_eq!(s.block_starts.len(), 2);
    }
}
