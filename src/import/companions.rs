//! The files an import keeps beside a source's text.

use super::pdf::pages_file_of;
use crate::model::{Source, SourceFormat};

/// For a web page, the page itself; for a PDF, the PDF and its page map.
pub fn companion_files(source: &Source) -> Vec<String> {
    let stem = source
        .file
        .rsplit_once('.')
        .map_or(source.file.as_str(), |(stem, _)| stem);
    match source.format {
        SourceFormat::Html => vec![format!("{stem}.html")],
        SourceFormat::Pdf => vec![format!("{stem}.pdf"), pages_file_of(stem)],
        SourceFormat::Text | SourceFormat::Markdown => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;

    #[test]
    fn companions_of_web_pages_and_pdfs_only() {
        let mut source = Source {
            id: SourceId::new("report").expect("valid id"),
            title: "R".into(),
            file: "report.txt".into(),
            format: SourceFormat::Pdf,
            hash: String::new(),
            cite: None,
        };
        assert_eq!(
            companion_files(&source),
            ["report.pdf", "report.pages.toml"]
        );
        source.format = SourceFormat::Html;
        source.file = "report.md".into();
        assert_eq!(companion_files(&source), ["report.html"]);
        source.format = SourceFormat::Text;
        assert!(companion_files(&source).is_empty());
    }
}
