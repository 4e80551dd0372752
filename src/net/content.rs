/// What a download is, from its media type (or, when the server gives none, its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    Html,
    Pdf,
    Text,
    Binary,
}

pub fn kind_of(media_type: &str, body: &[u8]) -> ContentKind {
    match media_type {
        "text/html" | "application/xhtml+xml" => ContentKind::Html,
        "application/pdf" => ContentKind::Pdf,
        "text/plain" | "text/markdown" => ContentKind::Text,
        "" => sniff(body),
        _ => ContentKind::Binary,
    }
}

fn sniff(body: &[u8]) -> ContentKind {
    let start = body.trim_ascii_start();
    if start.starts_with(b"%PDF-") {
        ContentKind::Pdf
    } else if start.starts_with(b"<") && std::str::from_utf8(&body[..body.len().min(1024)]).is_ok()
    {
        ContentKind::Html
    } else if !body.contains(&0) && std::str::from_utf8(body).is_ok() {
        ContentKind::Text
    } else {
        ContentKind::Binary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_and_sniffing() {
        assert_eq!(kind_of("text/html", b""), ContentKind::Html);
        assert_eq!(kind_of("application/pdf", b""), ContentKind::Pdf);
        assert_eq!(kind_of("text/plain", b""), ContentKind::Text);
        for binary in ["image/png", "application/octet-stream", "application/zip"] {
            assert_eq!(kind_of(binary, b"<html>"), ContentKind::Binary);
        }
        assert_eq!(kind_of("", b"  <!doctype html>"), ContentKind::Html);
        assert_eq!(kind_of("", b"%PDF-1.7"), ContentKind::Pdf);
        assert_eq!(kind_of("", "Été".as_bytes()), ContentKind::Text);
        assert_eq!(kind_of("", b"\x89PNG\0\0"), ContentKind::Binary);
    }
}
