//! Title, authors, year and DOI of a PDF, from its Info dictionary and its first page.

use pdf_extract::{Dictionary, Document, decode_text_string};

/// What a PDF says about itself; every part is a best guess.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub year: Option<String>,
    pub doi: Option<String>,
}

impl Metadata {
    /// Reads `/Title`, `/Author`, `/CreationDate` and any DOI in the Info dictionary, then a DOI in `first_page`.
    pub fn read(doc: &Document, first_page: &str) -> Metadata {
        let info = info(doc);
        let field = |key: &[u8]| info.and_then(|i| text(doc, i, key));
        let title = field(b"Title").and_then(|t| clean_title(&t));
        let authors = field(b"Author")
            .map(|a| split_authors(&a))
            .unwrap_or_default();
        let year = field(b"CreationDate").and_then(|d| year_of(&d));
        let doi = info
            .and_then(|i| {
                i.iter()
                    .find_map(|(key, _)| text(doc, i, key).and_then(|v| find_doi(&v)))
            })
            .or_else(|| find_doi(first_page));
        Metadata {
            title,
            authors,
            year,
            doi,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.authors.is_empty() && self.doi.is_none()
    }
}

fn info(doc: &Document) -> Option<&Dictionary> {
    let object = doc.trailer.get(b"Info").ok()?;
    doc.dereference(object).ok()?.1.as_dict().ok()
}

fn text(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    let object = doc.dereference(dict.get(key).ok()?).ok()?.1;
    let value = decode_text_string(object).ok()?;
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!value.is_empty()).then_some(value)
}

/// Drops titles that are only a file name, as word processors leave them ("Microsoft Word - draft.docx").
fn clean_title(title: &str) -> Option<String> {
    let title = title
        .strip_prefix("Microsoft Word - ")
        .unwrap_or(title)
        .trim();
    let lower = title.to_lowercase();
    let file_name = [".doc", ".docx", ".odt", ".pdf", ".tex", ".dvi", ".indd"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    (!title.is_empty() && !file_name && title.to_lowercase() != "untitled")
        .then(|| title.to_string())
}

/// "Dupont, Jean; Müller, Anna", "Jean Dupont and Anna Müller", "J. Dupont, A. Müller".
pub fn split_authors(authors: &str) -> Vec<String> {
    let parts: Vec<&str> = if authors.contains(';') {
        authors.split(';').collect()
    } else if authors.contains(" and ") || authors.contains(" & ") || authors.contains(" et ") {
        authors
            .split(" and ")
            .flat_map(|p| p.split(" & "))
            .flat_map(|p| p.split(" et "))
            .collect()
    } else if authors.matches(',').count() == 1
        && authors.split(',').all(|p| !p.trim().contains(' '))
    {
        vec![authors]
    } else {
        authors.split(',').collect()
    };
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The year of a PDF date ("D:20210615120000+02'00'").
fn year_of(date: &str) -> Option<String> {
    let digits = date.trim().strip_prefix("D:").unwrap_or(date.trim());
    let year = digits.get(..4)?;
    (year.bytes().all(|b| b.is_ascii_digit()) && year >= "1000").then(|| year.to_string())
}

/// The first DOI in `text` (`10.` then 4 to 9 digits, `/`, then up to a space), trailing punctuation dropped.
pub fn find_doi(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("10.") {
        let start = from + found;
        from = start + 3;
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            continue;
        }
        let digits = bytes[start + 3..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let slash = start + 3 + digits;
        if !(4..=9).contains(&digits) || bytes.get(slash) != Some(&b'/') {
            continue;
        }
        let end = text[slash + 1..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| slash + 1 + n);
        let doi =
            text[start..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '}', '>', '"', '\'']);
        if doi.len() > slash - start + 1 {
            return Some(doi.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_in_running_text() {
        assert_eq!(
            find_doi("Revue 74(2), https://doi.org/10.3917/rhs.742.0201. Reçu le…").as_deref(),
            Some("10.3917/rhs.742.0201")
        );
        assert_eq!(
            find_doi("(doi:10.1000/xyz_123)").as_deref(),
            Some("10.1000/xyz_123")
        );
        assert_eq!(find_doi("pages 210.1234/5 and 10.12/x and 10.1234/"), None);
        assert_eq!(find_doi("no identifier here"), None);
    }

    #[test]
    fn authors_in_the_usual_shapes() {
        assert_eq!(
            split_authors("Dupont, Jean; Müller, Anna"),
            ["Dupont, Jean", "Müller, Anna"]
        );
        assert_eq!(
            split_authors("Jean Dupont and Anna Müller"),
            ["Jean Dupont", "Anna Müller"]
        );
        assert_eq!(
            split_authors("J. Dupont, A. Müller"),
            ["J. Dupont", "A. Müller"]
        );
        assert_eq!(split_authors("Dupont, Jean"), ["Dupont, Jean"]);
    }

    #[test]
    fn dates_and_file_name_titles() {
        assert_eq!(year_of("D:20210615120000+02'00'").as_deref(), Some("2021"));
        assert_eq!(year_of("garbage"), None);
        assert_eq!(clean_title("Microsoft Word - these_v3.docx"), None);
        assert_eq!(
            clean_title("La critique des sources").as_deref(),
            Some("La critique des sources")
        );
    }
}
