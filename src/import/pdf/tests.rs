//! Reading PDFs built on the fly: text, labels, missing pages, metadata and refusals.

#[path = "../../../tests/support/pdf.rs"]
mod support;

use super::*;
use support::Spec;

#[test]
fn pages_are_joined_and_labelled_from_201() {
    let bytes = Spec::pages(&["First page text.", "Second page\nhas two lines.", "Third."])
        .labels(0, "D", None, Some(201))
        .build();
    let pdf = read_pdf(&bytes).unwrap();
    assert_eq!(pdf.labels, ["201", "202", "203"]);
    assert!(pdf.missing.is_empty());
    for (start, page) in pdf
        .starts
        .iter()
        .zip(["First page", "Second page", "Third."])
    {
        assert!(
            pdf.text[*start..].starts_with(page),
            "{:?} at {start}",
            pdf.text
        );
    }
    assert!(pdf.text.contains("has two lines."));
}

#[test]
fn labels_default_to_page_numbers_and_read_roman_ranges() {
    let plain = read_pdf(&Spec::pages(&["a", "b"]).build()).unwrap();
    assert_eq!(plain.labels, ["1", "2"]);
    let mixed = Spec::pages(&["a", "b", "c"])
        .labels(0, "r", None, None)
        .labels(2, "D", Some("A-"), Some(5))
        .build();
    assert_eq!(read_pdf(&mixed).unwrap().labels, ["i", "ii", "A-5"]);
}

#[test]
fn a_page_without_text_is_listed_and_takes_no_room() {
    let bytes = Spec::pages(&["One.", "", "Three."]).build();
    let pdf = read_pdf(&bytes).unwrap();
    assert_eq!(pdf.missing, ["2"]);
    assert_eq!(pdf.starts[1], pdf.starts[2]);
    assert_eq!(&pdf.text[pdf.starts[2]..], "Three.\n");
}

#[test]
fn metadata_from_info_and_first_page() {
    let bytes = Spec::pages(&["Revue 74 doi:10.3917/rhs.742.0201 text", "p2 10.9999/other"])
        .info("Title", "Les annotations numériques")
        .info("Author", "Jean-François Dupont; Anna Müller")
        .info("CreationDate", "D:20210615120000Z")
        .build();
    let meta = read_pdf(&bytes).unwrap().metadata;
    assert_eq!(meta.title.as_deref(), Some("Les annotations numériques"));
    assert_eq!(meta.authors, ["Jean-François Dupont", "Anna Müller"]);
    assert_eq!(meta.year.as_deref(), Some("2021"));
    assert_eq!(meta.doi.as_deref(), Some("10.3917/rhs.742.0201"));
    let in_info = Spec::pages(&["text"])
        .info("Subject", "doi: 10.1234/abc")
        .build();
    assert_eq!(
        read_pdf(&in_info).unwrap().metadata.doi.as_deref(),
        Some("10.1234/abc")
    );
}

#[test]
fn refusals_are_typed() {
    let encrypted = Spec::pages(&["secret"]).encrypted().build();
    assert_eq!(read_pdf(&encrypted), Err(PdfError::Encrypted));
    let blank = Spec::pages(&["", ""]).build();
    assert_eq!(read_pdf(&blank), Err(PdfError::NoText { pages: 2 }));
    let whole = Spec::pages(&["One.", "Two."]).build();
    assert!(matches!(
        read_pdf(&whole[..whole.len() / 2]),
        Err(PdfError::Broken(_))
    ));
    assert!(matches!(read_pdf(b"not a pdf"), Err(PdfError::Broken(_))));
}
