//! `glose add page.html` and `glose add https://…`: the article as text, the page kept beside it, a proposed reference.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::commit::Pending;
use super::import_pdf::{self, PdfInput};
use super::propose_reference::propose;
use super::{AddSourceRequest, Context, Loaded, OpsError, SourceAdded, message};
use crate::import::{Extracted, web_page};
use crate::model::{Source, SourceFormat, SourceId};
use crate::net::{self, ContentKind, Limits};
use crate::store::{self, NotesFile};

const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.5";

/// The URL in `file`, when it is a web address rather than a path.
pub(super) fn web_address(file: &Path) -> Option<&str> {
    file.to_str()
        .filter(|f| f.starts_with("http://") || f.starts_with("https://"))
}

pub(super) fn is_html_file(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

pub(super) fn limits(cx: &Context) -> Limits {
    Limits {
        timeout: Duration::from_secs(cx.config.net.timeout_secs.max(1)),
        max_bytes: cx.config.net.max_bytes,
        max_redirects: 10,
    }
}

/// What was read before anything is written: the original bytes and what they gave.
struct Imported {
    original: Option<Vec<u8>>,
    extracted: Extracted,
    format: SourceFormat,
    address: String,
    stem: String,
}

/// Imports a web page (saved, or downloaded from a URL) or a text file from a URL; one commit.
pub(super) fn add_web_source(
    cx: &mut Context,
    request: AddSourceRequest,
) -> Result<SourceAdded, OpsError> {
    let today = cx.now.strftime("%Y-%m-%d").to_string();
    let imported = match web_address(&request.file) {
        Some(url) => match download(cx, url, &today)? {
            Downloaded::Page(imported) => imported,
            Downloaded::Pdf(input) => return add_downloaded_pdf(cx, request, input),
        },
        None => {
            let bytes = store::read_import(&request.file)?;
            let extracted = web_page::extract_page(&bytes, None, None, &today)?;
            Imported {
                original: Some(bytes),
                extracted,
                format: SourceFormat::Html,
                address: request.file.display().to_string(),
                stem: request
                    .file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            }
        }
    };
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read(cx)?;
    let id = new_id(&loaded, &request, &imported.stem)?;
    let extension = match imported.format {
        SourceFormat::Html => "md",
        _ => "txt",
    };
    let text_path = cx.ws.source_path(&format!("{id}.{extension}"))?;
    let original_path = match imported.original {
        Some(_) => Some(
            cx.ws
                .source_path(&format!("{id}.{}", imported.extracted.original_extension))?,
        ),
        None => None,
    };
    for path in std::iter::once(&text_path).chain(original_path.as_ref()) {
        if path.exists() {
            return Err(OpsError::Invalid(format!(
                "{} already exists: choose another id with --id",
                cx.ws.relative(path).display()
            )));
        }
    }
    let (reference, bib_text) = match (&request.cite, &imported.extracted.proposed) {
        (None, Some(proposed)) => {
            let (reference, text) = propose(cx, loaded.library()?, proposed, &imported.address)?;
            (Some(reference), text)
        }
        _ => (None, None),
    };
    let title = request
        .title
        .clone()
        .or_else(|| {
            request
                .cite
                .as_deref()
                .and_then(|k| loaded.library().ok()?.get(k)?.title().map(String::from))
        })
        .or(imported.extracted.title.clone())
        .unwrap_or_else(|| id.to_string());
    let text = imported.extracted.text;
    let source = Source {
        file: format!("{id}.{extension}"),
        id,
        title,
        format: imported.format,
        hash: store::content_hash(&text),
        cite: request.cite.or(reference.as_ref().map(|r| r.key.clone())),
    };
    let pending = Pending::start(cx)?;
    let mut written: Vec<PathBuf> = Vec::new();
    store::write_inside(&cx.ws, &text_path, text.as_bytes())?;
    written.push(cx.ws.relative(&text_path));
    if let (Some(path), Some(bytes)) = (&original_path, &imported.original) {
        store::write_inside(&cx.ws, path, bytes)?;
        written.push(cx.ws.relative(path));
    }
    if let Some(bib_text) = bib_text {
        let target = cx.ws.references_path();
        store::write_inside(&cx.ws, &target, bib_text.as_bytes())?;
        written.push(cx.ws.relative(&target));
    }
    let notes = NotesFile {
        source: source.clone(),
        annotations: Vec::new(),
    };
    written.push(store::save_notes(&cx.ws, &notes)?);
    let message = message::source_added(&source.id, &source.title);
    let committed = pending.commit(cx, written, message)?;
    Ok(SourceAdded {
        source,
        notice: imported.extracted.notice,
        reference,
        pdf: None,
        committed,
    })
}

/// The id of a new source: `--id`, or the slug of `stem`; refused when taken or when `--cite` names no entry.
fn new_id(loaded: &Loaded, request: &AddSourceRequest, stem: &str) -> Result<SourceId, OpsError> {
    if let Some(key) = &request.cite {
        loaded.require_key(key)?;
    }
    let id = match &request.id {
        Some(id) => SourceId::new(id).map_err(|e| OpsError::Invalid(e.to_string()))?,
        None => SourceId::slugify(stem),
    };
    if loaded.source_ids().any(|existing| *existing == id) {
        return Err(OpsError::SourceExists(id.to_string()));
    }
    Ok(id)
}

/// A PDF downloaded from a URL, imported as `glose add FILE.pdf` imports a file, its address in the proposed entry.
fn add_downloaded_pdf(
    cx: &mut Context,
    request: AddSourceRequest,
    input: PdfInput,
) -> Result<SourceAdded, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read(cx)?;
    let id = new_id(&loaded, &request, &input.stem)?;
    let (source, pdf, reference, committed) =
        import_pdf::add_pdf_bytes(cx, &loaded, request, id, input)?;
    Ok(SourceAdded {
        source,
        notice: None,
        reference,
        pdf: Some(pdf),
        committed,
    })
}

/// What a URL gave: a page or text ready to write, or a PDF to import.
enum Downloaded {
    Page(Imported),
    Pdf(PdfInput),
}

/// Downloads `url` under the workspace's limits, refusing early what is neither a page, text nor a PDF.
pub(super) fn fetch(cx: &Context, url: &str) -> Result<net::Fetched, OpsError> {
    Ok(net::get(
        url,
        ACCEPT,
        &limits(cx),
        |media_type| match net::kind_of(media_type, b"") {
            ContentKind::Binary if !media_type.is_empty() && !net::is_generic(media_type) => Err((
                "a web page, text or PDF",
                "glose imports HTML pages, plain text and PDFs; save what you need as .txt or .md and add that",
            )),
            _ => Ok(()),
        },
    )?)
}

fn download(cx: &Context, url: &str, today: &str) -> Result<Downloaded, OpsError> {
    let fetched = fetch(cx, url)?;
    let stem = stem_of_url(&fetched.url);
    let page = match net::kind_of(&fetched.media_type, &fetched.body) {
        ContentKind::Html => {
            let extracted = web_page::extract_page(
                &fetched.body,
                fetched.charset.as_deref(),
                Some(&fetched.url),
                today,
            )?;
            Ok(Imported {
                original: Some(fetched.body),
                extracted,
                format: SourceFormat::Html,
                address: fetched.url,
                stem,
            })
        }
        ContentKind::Text => {
            let decoded = store::decode_source(&fetched.body)?;
            Ok(Imported {
                original: None,
                extracted: Extracted {
                    text: decoded.text,
                    title: None,
                    original_extension: "txt",
                    proposed: None,
                    notice: decoded.notice,
                },
                format: SourceFormat::Text,
                address: fetched.url,
                stem,
            })
        }
        ContentKind::Pdf => {
            return Ok(Downloaded::Pdf(PdfInput {
                bytes: fetched.body,
                name: fetched.url.clone(),
                stem,
                web: Some((fetched.url, today.to_string())),
            }));
        }
        ContentKind::Binary => Err(OpsError::Invalid(format!(
            "{url} is not a web page, text or PDF (its first bytes look binary): glose imports HTML pages, plain text and PDFs"
        ))),
    };
    page.map(Downloaded::Page)
}

/// The last part of the URL's path without extension, or its host: `https://x.org/a/le-billet.html` -> `le-billet`.
fn stem_of_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or_default();
    let last = parts.rfind(|p| !p.is_empty());
    match last {
        Some(last) => last.rsplit_once('.').map_or(last, |(s, _)| s).to_string(),
        None => host.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_end_of_the_address() {
        assert_eq!(
            stem_of_url("https://x.org/blog/le-billet.html?utm=1#top"),
            "le-billet"
        );
        assert_eq!(stem_of_url("https://x.org/blog/cyber/"), "cyber");
        assert_eq!(stem_of_url("http://www.x.org"), "www.x.org");
    }

    #[test]
    fn web_addresses_and_html_files_are_told_apart() {
        assert_eq!(
            web_address(Path::new("https://x.org/a")),
            Some("https://x.org/a")
        );
        assert_eq!(web_address(Path::new("a.html")), None);
        assert!(is_html_file(Path::new("page.HTM")));
        assert!(!is_html_file(Path::new("page.md")));
    }
}
