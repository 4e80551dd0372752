//! Any bytes, HTML-ish markup or damaged PDF given to the importers: no panic, an answer in bounded time.
//!
//! `PROPTEST_CASES=5000 cargo test --release --test hardening_import_props` runs them longer.

#[path = "support/pdf.rs"]
mod pdf;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use glose::import::pdf::{PdfError, read_pdf};
use glose::import::web_page::extract_page;
use pdf::Spec;
use proptest::prelude::*;
use serde_json::Value;

/// Far above what any case takes, even in a debug build on a busy machine; a hang fails.
const BOUND: Duration = Duration::from_secs(20);

const TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "div",
    "p",
    "span",
    "article",
    "main",
    "section",
    "nav",
    "aside",
    "header",
    "footer",
    "h1",
    "h2",
    "h6",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "title",
    "meta",
    "link",
    "form",
    "iframe",
    "dialog",
    "em",
    "xmp",
    "plaintext",
    "frameset",
    "select",
];

const ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "href",
    "name",
    "property",
    "content",
    "rel",
    "type",
    "start",
    "charset",
    "role",
    "aria-modal",
    "itemprop",
    "lang",
    "src",
];

const WORDS: &[&str] = &[
    "cookie-banner",
    "consent",
    "og:title",
    "citation_title",
    "citation_author",
    "author",
    "citation_doi",
    "dc.date",
    "canonical",
    "application/ld+json",
    "glose-h3",
    "navigation",
    "2023-03-14",
    "10.1234/abc",
    "https://x.org/a",
    "../../etc/passwd",
    "-1",
    "99999999999999999999",
    "utf-16",
    "shift_jis",
    "Berdeil, Lucia",
    "",
];

const TEXT: &str = "Une phrase de prose, assez longue pour compter. \u{a0}é’«»&<>\"'\n\t\u{1b}[2J\u{9b}\u{202e}\0\u{feff}😀";

const ENTITIES: &[&str] = &[
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&#65",
    "&",
    "&notanentity;",
    "&#9999999999;",
    "&eacute",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<?xml?>",
    "</",
    "<",
    ">",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(WORDS).prop_map(String::from),
        "[a-z:/._ -]{0,12}",
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = TEXT.chars().collect();
    prop_oneof![
        prop::collection::vec(prop::sample::select(chars), 0..120)
            .prop_map(|c| c.into_iter().collect()),
        prop::sample::select(ENTITIES).prop_map(String::from),
        any::<String>(),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        word().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            prop::sample::select(
                &[
                    "@type",
                    "@graph",
                    "@id",
                    "headline",
                    "name",
                    "author",
                    "datePublished",
                    "publisher",
                    "url",
                    "mainEntityOfPage",
                    "familyName",
                    "givenName",
                ][..]
            )
            .prop_map(String::from),
            word(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

fn attributes() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(ATTRIBUTES), word(), any::<bool>()),
        0..4,
    )
    .prop_map(|attrs| {
        attrs
            .into_iter()
            .map(|(name, value, quoted)| match quoted {
                true => format!(" {name}=\"{}\"", value.replace('"', "&quot;")),
                false => format!(" {name}={value}"),
            })
            .collect()
    })
}

/// Markup that looks like a web page: nested and unclosed tags, attributes, entities, scripts, JSON-LD.
fn html_ish() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        text(),
        json().prop_map(|v| format!("<script type=\"application/ld+json\">{v}</script>")),
        "\\PC{0,40}".prop_map(|j| format!("<script type=\"application/ld+json\">{j}</script>")),
        (prop::sample::select(TAGS), attributes()).prop_map(|(t, a)| format!("<{t}{a}>")),
        prop::sample::select(TAGS).prop_map(|t| format!("</{t}>")),
    ];
    leaf.prop_recursive(5, 120, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(|parts| parts.concat()),
            (
                prop::sample::select(TAGS),
                attributes(),
                inner,
                any::<bool>()
            )
                .prop_map(|(t, a, body, close)| match close {
                    true => format!("<{t}{a}>{body}</{t}>"),
                    false => format!("<{t}{a}>{body}"),
                }),
        ]
    })
}

fn extracts_in_bounds(bytes: &[u8], charset: Option<&str>) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let page = extract_page(
        bytes,
        charset,
        Some("https://example.org/blog/billet"),
        "2026-03-02",
    );
    prop_assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
    if let Ok(page) = page {
        prop_assert!(!page.text.trim().is_empty());
        if let Some(entry) = page.proposed {
            prop_assert!(!entry.key(|_| false).is_empty());
        }
    }
    Ok(())
}

fn valid_pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        Spec::pages(&[
            "First page, doi:10.3917/rhs.742.0201",
            "",
            "Third page.\nTwo lines.",
        ])
        .labels(0, "r", None, None)
        .labels(2, "D", Some("A-"), Some(5))
        .info("Title", "Les annotations")
        .info("Author", "Jean Dupont; Anna Müller")
        .build()
    })
}

const PDF_WORDS: &[&[u8]] = &[
    b"obj",
    b"endobj",
    b"stream",
    b"endstream",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"/Length 999999999",
    b"/Count -1",
    b"0 0 R",
    b"1 0 R",
    b"xref",
    b"trailer",
    b"%%EOF",
    b"(",
    b")",
    b"\\",
    b"/Kids [1 0 R]",
    b"/Parent 1 0 R",
];

#[derive(Debug, Clone)]
enum Damage {
    Flip(prop::sample::Index, u8),
    Truncate(prop::sample::Index),
    Cut(prop::sample::Index, prop::sample::Index),
    Insert(prop::sample::Index, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    let junk = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..16),
        prop::sample::select(PDF_WORDS).prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Damage::Flip(i, b)),
        any::<prop::sample::Index>().prop_map(Damage::Truncate),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(a, b)| Damage::Cut(a, b)),
        (any::<prop::sample::Index>(), junk).prop_map(|(i, j)| Damage::Insert(i, j)),
    ]
}

fn damaged(damages: &[Damage]) -> Vec<u8> {
    let mut bytes = valid_pdf().to_vec();
    for damage in damages {
        let len = bytes.len().max(1);
        match damage {
            Damage::Flip(i, b) if !bytes.is_empty() => bytes[i.index(len)] ^= b.max(&1),
            Damage::Truncate(i) => bytes.truncate(i.index(len)),
            Damage::Cut(a, b) => {
                let (a, b) = (a.index(len).min(bytes.len()), b.index(len).min(bytes.len()));
                bytes.drain(a.min(b)..a.max(b).min(a.min(b) + 64));
            }
            Damage::Insert(i, junk) => {
                let at = i.index(len).min(bytes.len());
                bytes.splice(at..at, junk.iter().copied());
            }
            Damage::Flip(..) => {}
        }
    }
    bytes
}

fn reads_in_bounds(bytes: &[u8]) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let read = read_pdf(bytes);
    prop_assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
    match read {
        Ok(pdf) => {
            prop_assert_eq!(pdf.starts.len(), pdf.labels.len());
            prop_assert!(pdf.starts.windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(pdf.starts.iter().all(|&s| pdf.text.is_char_boundary(s)));
        }
        Err(e @ (PdfError::Broken(_) | PdfError::NoText { .. } | PdfError::Encrypted)) => {
            prop_assert!(e.to_string().len() > 40, "{e}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_as_a_web_page(bytes in prop::collection::vec(any::<u8>(), 0..2000), charset in prop::option::of(word())) {
        extracts_in_bounds(&bytes, charset.as_deref())?;
    }

    #[test]
    fn html_ish_markup_as_a_web_page(html in html_ish()) {
        extracts_in_bounds(html.as_bytes(), None)?;
    }

    #[test]
    fn any_bytes_as_a_pdf(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut with_header = b"%PDF-1.5\n".to_vec();
        with_header.extend_from_slice(&bytes);
        reads_in_bounds(&bytes)?;
        reads_in_bounds(&with_header)?;
    }

    #[test]
    fn a_damaged_pdf_gives_text_or_a_clear_error(damages in prop::collection::vec(damage(), 1..6)) {
        reads_in_bounds(&damaged(&damages))?;
    }
}

#[test]
fn the_undamaged_pdf_reads() {
    let pdf = read_pdf(valid_pdf()).expect("the generated PDF reads");
    assert_eq!(pdf.labels, ["i", "ii", "A-5"]);
    assert_eq!(pdf.missing, ["ii"]);
}

/// Seeds for `cargo fuzz run pdf_read`, so the fuzzer starts past the header.
#[test]
#[ignore = "writes fuzz/corpus/pdf_read: cargo test --test hardening_import_props -- --ignored"]
fn write_pdf_fuzz_seeds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/pdf_read");
    std::fs::create_dir_all(&dir).expect("corpus folder");
    let seeds = [
        valid_pdf().to_vec(),
        Spec::pages(&["One line."]).build(),
        Spec::pages(&["a", "b", "c", "d"])
            .labels(0, "R", Some("p-"), Some(3))
            .build(),
        Spec::pages(&["secret"]).encrypted().build(),
        Spec::pages(&["", ""]).build(),
    ];
    for (i, seed) in seeds.iter().enumerate() {
        std::fs::write(dir.join(format!("seed-{i}.pdf")), seed).expect("seed written");
    }
}
