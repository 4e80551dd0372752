//! The text of an HTML page's bytes, in the encoding the server or the page declares.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decodes with the HTTP charset, else a BOM, else `<meta charset>`, else UTF-8 when valid, else Windows-1252.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| Encoding::for_bom(bytes).map(|(encoding, _)| encoding))
        .or_else(|| meta_charset(bytes));
    let encoding = match declared {
        Some(encoding) => encoding,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    encoding.decode(bytes).0.into_owned()
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 2 KiB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_charset_wins() {
        let latin1 = b"<meta charset=\"iso-8859-1\"><p>\xe9t\xe9</p>";
        assert_eq!(
            decode_html(latin1, None),
            "<meta charset=\"iso-8859-1\"><p>été</p>"
        );
        let utf8 = "<p>été</p>".as_bytes();
        assert_eq!(decode_html(utf8, Some("utf-8")), "<p>été</p>");
        assert_eq!(decode_html(utf8, None), "<p>été</p>");
        assert_eq!(decode_html(b"<p>\xe9t\xe9</p>", None), "<p>été</p>");
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\x92";
        assert!(decode_html(http_equiv, None).ends_with('’'));
    }
}
