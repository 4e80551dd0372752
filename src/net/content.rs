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
        "application/pdf" | "application/x-pdf" => ContentKind::Pdf,
        "text/plain" | "text/markdown" => ContentKind::Text,
        "" => sniff(body),
        _ if is_generic(media_type) && is_pdf(body) => ContentKind::Pdf,
        _ => ContentKind::Binary,
    }
}

/// A media type that says only "some bytes" (`application/octet-stream`): servers send PDFs under it.
pub fn is_generic(media_type: &str) -> bool {
    matches!(
        media_type,
        "application/octet-stream"
            | "binary/octet-stream"
            | "application/download"
            | "application/x-download"
            | "application/force-download"
    )
}

fn is_pdf(body: &[u8]) -> bool {
    body.trim_ascii_start().starts_with(b"%PDF-")
}

fn sniff(body: &[u8]) -> ContentKind {
    let start = body.trim_ascii_start();
    if is_pdf(body) {
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
        assert_eq!(kind_of("application/x-pdf", b""), ContentKind::Pdf);
    }

    #[test]
    fn a_generic_type_is_a_pdf_only_by_its_bytes() {
        assert!(is_generic("application/octet-stream") && !is_generic("image/png"));
        let pdf = b"\n%PDF-1.5\n";
        assert_eq!(kind_of("application/octet-stream", pdf), ContentKind::Pdf);
        assert_eq!(
            kind_of("application/octet-stream", b""),
            ContentKind::Binary
        );
        assert_eq!(
            kind_of("application/octet-stream", b"<p>x</p>"),
            ContentKind::Binary
        );
        assert_eq!(kind_of("image/png", pdf), ContentKind::Binary);
    }
}
