//! Named hostile pages and PDFs for the importers: deep nesting, huge attributes, crowded JSON-LD,
//! and the inputs the fuzzers found; each must give an answer, quickly, on a test thread's small stack.

#[path = "support/pdf.rs"]
#[allow(dead_code)]
mod pdf;

use std::time::{Duration, Instant};

use glose::import::Extracted;
use glose::import::ImportError;
use glose::import::pdf::{PdfError, read_pdf};
use glose::import::web_page::extract_page;

const PROSE: &str =
    "Une phrase assez longue pour compter comme de la prose dans un article de blog. ";

/// Generous for a debug build on a shared machine; the bugs these guard against took minutes or crashed.
const BOUND: Duration = Duration::from_secs(30);

fn extract(html: &str) -> Result<Extracted, ImportError> {
    let started = Instant::now();
    let page = extract_page(html.as_bytes(), None, None, "2026-03-02");
    assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
    page
}

fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    format!(
        "<html><body>{}{inner}{}</body></html>",
        open.repeat(depth),
        close.repeat(depth)
    )
}

#[test]
fn ten_thousand_nested_divs_are_refused_before_parsing() {
    let refused = extract(&nested("<div>", "</div>", 10_000, &PROSE.repeat(3)));
    assert_eq!(
        refused,
        Err(ImportError::TooDeep {
            depth: 10_002,
            limit: 1_000
        })
    );
    let message = refused.unwrap_err().to_string();
    assert!(
        message.contains("save the text you want as .txt"),
        "{message}"
    );
    let also = extract(&format!(
        "<html><body>{}{PROSE}{PROSE}",
        "<span/>".repeat(10_000)
    ));
    assert!(matches!(also, Err(ImportError::TooDeep { .. })), "{also:?}");
}

#[test]
fn a_page_just_under_the_limit_keeps_its_text() {
    let page = extract(&nested("<div>", "</div>", 990, &PROSE.repeat(3))).unwrap();
    assert!(page.text.contains(PROSE.trim()), "{}", page.text);
}

#[test]
fn deep_quotes_lists_links_and_tables_give_an_answer() {
    let paragraph = format!("<p>{PROSE}</p>");
    for (open, close) in [
        ("<blockquote>", "</blockquote>"),
        ("<ul><li>", "</li></ul>"),
        ("<a href=\"/x\">", "</a>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<span>", "</span>"),
        ("<b>", ""),
        ("<section><article>", ""),
    ] {
        for depth in [900, 5_000] {
            match extract(&nested(open, close, depth, &paragraph.repeat(5))) {
                Ok(page) => assert!(page.text.contains("Une phrase"), "{open}: {}", page.text),
                Err(e) => assert!(e.to_string().contains(".txt or .md"), "{open}: {e}"),
            }
        }
    }
}

#[test]
fn megabyte_attributes_are_read_past() {
    let huge = "x".repeat(1_000_000);
    let html = format!(
        "<html><head><meta name=\"citation_title\" content=\"{huge}\"><title>{}</title></head>\
         <body><p class=\"{huge}\" data-x=\"{huge}\">{PROSE}{PROSE}</p></body></html>",
        "T".repeat(100_000)
    );
    let page = extract(&html).unwrap();
    assert!(page.text.contains("Une phrase"));
}

#[test]
fn a_crowded_json_ld_graph_is_read_in_time() {
    let nodes: String = (0..5_000)
        .map(|i| format!("{{\"@id\":\"#p{i}\",\"@type\":\"Person\",\"name\":\"P{i}\"}},"))
        .collect();
    let authors: String = (0..5_000)
        .map(|i| format!("{{\"@id\":\"#p{}\"}},", 4_999 - i))
        .collect();
    let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@graph\":[{nodes}\
         {{\"@type\":\"Article\",\"headline\":\"H\",\"author\":[{authors}{{}}]}}]}}</script>\
         <script type=\"application/ld+json\">{deep}</script></head>\
         <body><p>{PROSE}{PROSE}</p></body></html>"
    );
    let page = extract(&html).unwrap();
    assert_eq!(page.title.as_deref(), Some("H"));
}

#[test]
fn a_pdf_of_nested_arrays_is_refused_in_time() {
    let body = format!(
        "%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X {}1{} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let started = Instant::now();
    let read = read_pdf(body.as_bytes());
    assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
    assert!(matches!(read, Err(PdfError::Broken(_))), "{read:?}");
}

/// Found by `cargo fuzz run pdf_read`: pdf-extract followed the loop `/Parent 9 0 R` on page 9 forever.
#[test]
fn a_pdf_page_that_is_its_own_parent_is_skipped_in_time() {
    let mut looped = pdf::Spec::pages(&["First page.", "Second page.", "Third page."]).build();
    let page = b"/Type/Page/Parent 1 0 R/Contents 8 0 R";
    let at = looped
        .windows(page.len())
        .position(|w| w == page)
        .expect("the builder's layout: page 9 with content 8");
    looped[at + b"/Type/Page/Parent ".len()] = b'9';
    let started = Instant::now();
    let read = read_pdf(&looped).expect("the other pages read");
    assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
    assert_eq!(read.missing, ["3"]);
    assert!(read.text.contains("Second page."), "{}", read.text);
}

/// A form XObject that draws itself: pdf-extract recursed into it until the stack overflowed and glose aborted.
#[test]
fn a_pdf_form_that_draws_itself_is_skipped() {
    use pdf_extract::content::{Content, Operation};
    use pdf_extract::{Dictionary, Document, Object, Stream};

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let form_id = doc.new_object_id();
    let draw = |name: &str| {
        Content {
            operations: vec![Operation::new(
                "Do",
                vec![Object::Name(name.as_bytes().to_vec())],
            )],
        }
        .encode()
        .expect("content")
    };
    let mut form = Dictionary::new();
    form.set("Type", Object::Name(b"XObject".to_vec()));
    form.set("Subtype", Object::Name(b"Form".to_vec()));
    form.set(
        "BBox",
        Object::Array(vec![0.into(), 0.into(), 10.into(), 10.into()]),
    );
    doc.objects
        .insert(form_id, Object::Stream(Stream::new(form, draw("Fm0"))));
    let mut xobjects = Dictionary::new();
    xobjects.set("Fm0", Object::Reference(form_id));
    let mut resources = Dictionary::new();
    resources.set("XObject", Object::Dictionary(xobjects));
    let mut pages = vec![];
    for content in [draw("Fm0"), b"BT /F1 12 Tf (Other page.) Tj ET".to_vec()] {
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        pages.push(Object::Reference(doc.add_object(page)));
    }
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(doc.add_object(font)));
    resources.set("Font", Object::Dictionary(fonts));
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(2));
    tree.set("Kids", Object::Array(pages));
    tree.set("Resources", Object::Dictionary(resources));
    tree.set(
        "MediaBox",
        Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
    );
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saved");
    let read = read_pdf(&bytes).expect("the other page reads");
    assert_eq!(read.missing, ["1"]);
    assert!(read.text.contains("Other page."), "{}", read.text);
}
