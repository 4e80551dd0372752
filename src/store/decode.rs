//! Source bytes to text, kept exactly as decoded (line endings too, only a BOM dropped) because anchors point into it.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use sha2::{Digest, Sha256};

use super::StoreError;

/// A decoded source text, with a notice when it had to be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub notice: Option<String>,
}

/// Decodes UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 (Latin-1); refuses binary data.
pub fn decode_source(bytes: &[u8]) -> Result<Decoded, StoreError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => plain(text),
            Err(e) => Err(undecodable(format!(
                "the file starts like UTF-8 but byte {} is not valid UTF-8",
                e.valid_up_to() + 3
            ))),
        };
    }
    for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match encoding.decode_without_bom_handling_and_without_replacement(rest) {
                Some(text) => converted(&text, encoding.name()),
                None => Err(undecodable(format!(
                    "the file is not valid {}",
                    encoding.name()
                ))),
            };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return plain(text);
    }
    if bytes.contains(&0) {
        return Err(binary());
    }
    match WINDOWS_1252.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) if text.chars().all(is_text_char) => converted(&text, "Windows-1252"),
        _ => Err(undecodable(
            "the file is neither UTF-8 nor Windows-1252 (Latin-1) text".to_string(),
        )),
    }
}

/// `sha256:<hex>` of the text's UTF-8 bytes.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in digest.iter() {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn plain(text: &str) -> Result<Decoded, StoreError> {
    if text.contains('\0') {
        return Err(binary());
    }
    Ok(Decoded {
        text: text.to_string(),
        notice: None,
    })
}

fn converted(text: &str, from: &str) -> Result<Decoded, StoreError> {
    if text.contains('\0') {
        return Err(binary());
    }
    Ok(Decoded {
        text: text.to_string(),
        notice: Some(format!("converted from {from} to UTF-8")),
    })
}

/// Text may hold tabs, line breaks and form feeds, but no other control characters.
fn is_text_char(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

fn binary() -> StoreError {
    undecodable(
        "the file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark"
            .to_string(),
    )
}

fn undecodable(detail: String) -> StoreError {
    StoreError::Undecodable { detail }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        decode_source(bytes).unwrap()
    }

    #[test]
    fn utf8_is_kept_as_is_without_its_bom() {
        assert_eq!(
            ok("62 % de l'Internet\r\n".as_bytes()).text,
            "62 % de l'Internet\r\n"
        );
        let with_bom = ok(b"\xEF\xBB\xBFEt\xC3\xA9");
        assert_eq!(with_bom.text, "Eté");
        assert_eq!(with_bom.notice, None);
        assert_eq!(ok(b"").text, "");
    }

    #[test]
    fn windows_1252_is_converted_with_a_notice() {
        let decoded = ok(b"l\x92\xE9t\xE9 \x80 \x85 \xAB oui \xBB");
        assert_eq!(decoded.text, "l\u{2019}été € … « oui »");
        assert!(decoded.notice.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_a_bom_is_converted() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Été".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Été".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(ok(&le).text, "Été");
        assert_eq!(ok(&be).text, "Été");
        assert!(ok(&le).notice.unwrap().contains("UTF-16LE"));
    }

    #[test]
    fn binary_and_bomless_utf16_are_refused_clearly() {
        let utf16: Vec<u8> = "Bonjour"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        for bytes in [&utf16[..], b"%PDF-1.7\n\x00\x01\xff", b"ok\x00"] {
            let err = decode_source(bytes).unwrap_err().to_string();
            assert!(err.contains("NUL") && err.contains("UTF-8"), "{err}");
        }
        let junk = decode_source(b"caf\xE9 \x81\x8D").unwrap_err().to_string();
        assert!(junk.contains("neither UTF-8 nor Windows-1252"), "{junk}");
        let bad_after_bom = decode_source(b"\xEF\xBB\xBFab\xE9")
            .unwrap_err()
            .to_string();
        assert!(bad_after_bom.contains("byte 5"), "{bad_after_bom}");
    }

    #[test]
    fn hashes_are_prefixed_sha256_hex() {
        assert_eq!(
            content_hash(""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_ne!(content_hash("a"), content_hash("a\n"));
    }
}
