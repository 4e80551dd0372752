//! A new version of a source (a consolidated law, a corrected article): the text replaced, the
//! kept page or PDF with it, every annotation re-anchored, all committed together with the report.

use std::path::{Path, PathBuf};

use super::commit::{Committed, Pending};
use super::import_pdf::{self, PdfImported};
use super::import_web::{fetch, is_html_file, web_address};
use super::page_locator::page_map;
use super::reanchor::{Reanchoring, reanchor_notes};
use super::{Context, Loaded, OpsError};
use crate::import::pdf::PageMap;
use crate::import::{companion_files, web_page};
use crate::model::{AnchorState, Source, SourceFormat, SourceId};
use crate::net::{self, ContentKind};
use crate::store::{self, NotesFile, StoreError};

#[derive(Debug, Clone)]
pub struct ReplaceRequest {
    pub source: String,
    /// The new version: plain text or Markdown for any source, a saved page or a URL for a web
    /// page, a PDF (file or URL) for a PDF.
    pub file: PathBuf,
}

#[derive(Debug)]
pub struct SourceReplaced {
    pub source: SourceId,
    /// Said when the text had to be converted (for example from Windows-1252).
    pub notice: Option<String>,
    /// Pages and pages without text, when the new version is a PDF.
    pub pdf: Option<PdfImported>,
    /// `None` when the new version is the one already there: nothing written, nothing committed.
    pub replaced: Option<Replacement>,
}

#[derive(Debug)]
pub struct Replacement {
    pub report: Reanchoring,
    /// Page locators that gave the old page of their quote and now give its new page.
    pub locators_updated: usize,
    pub committed: Committed,
}

/// The new version as read: its text and the files kept beside it (the page, or the PDF and its page map).
struct NewVersion {
    text: String,
    notice: Option<String>,
    /// File names in `library/sources/` and their new bytes.
    companions: Vec<(String, Vec<u8>)>,
    pages: Option<PageMap>,
    pdf: Option<PdfImported>,
}

/// Replaces a source by a new version, re-anchors its annotations and commits every file in one commit.
pub fn replace_source(cx: &Context, request: &ReplaceRequest) -> Result<SourceReplaced, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let loaded = Loaded::read(cx)?;
    let mut notes = loaded.source(&request.source)?.clone();
    let new = read_version(cx, &notes.source, &request.file)?;
    let text_path = cx.ws.source_path(&notes.source.file)?;
    let old_text = match store::read_source(&cx.ws, &notes.source) {
        Ok(text) => Some(text),
        Err(StoreError::SourceMissing { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let mut writes = vec![(text_path, new.text.clone().into_bytes())];
    for (name, bytes) in &new.companions {
        writes.push((cx.ws.source_path(name)?, bytes.clone()));
    }
    let unchanged = old_text.as_deref() == Some(new.text.as_str())
        && notes.source.hash == store::content_hash(&new.text)
        && writes
            .iter()
            .skip(1)
            .all(|(path, bytes)| std::fs::read(path).ok().as_ref() == Some(bytes));
    if unchanged {
        return Ok(SourceReplaced {
            source: notes.source.id,
            notice: new.notice,
            pdf: new.pdf,
            replaced: None,
        });
    }
    let pending = Pending::start(cx)?;
    let old_pages = page_map(&cx.ws, &notes.source);
    let old_pages: Vec<_> = notes
        .annotations
        .iter()
        .map(|a| {
            let map = old_pages.as_ref()?;
            map.locator(a.anchor.start..a.anchor.end)
        })
        .collect();
    let report = reanchor_notes(&mut notes, &new.text);
    let locators_updated = match &new.pages {
        Some(pages) => update_page_locators(&mut notes, &old_pages, pages),
        None => 0,
    };
    let paths = import_pdf::write_all(cx, &writes, &notes)?;
    let message = message(&notes.source.id, &report, locators_updated);
    let committed = pending.commit(cx, paths, message)?;
    Ok(SourceReplaced {
        source: notes.source.id,
        notice: new.notice,
        pdf: new.pdf,
        replaced: Some(Replacement {
            report,
            locators_updated,
            committed,
        }),
    })
}

/// Reads the new version the way `glose add` reads a file or a URL of the source's kind.
fn read_version(cx: &Context, source: &Source, file: &Path) -> Result<NewVersion, OpsError> {
    let (bytes, kind, name) = match web_address(file) {
        Some(url) => {
            let fetched = fetch(cx, url)?;
            let kind = net::kind_of(&fetched.media_type, &fetched.body);
            (fetched.body, kind, fetched.url)
        }
        None => {
            let kind = if is_html_file(file) {
                ContentKind::Html
            } else if has_extension(file, "pdf") {
                ContentKind::Pdf
            } else {
                ContentKind::Text
            };
            (store::read_import(file)?, kind, file.display().to_string())
        }
    };
    let companions = companion_files(source);
    match (kind, source.format) {
        (ContentKind::Text, _) => {
            let decoded = store::decode_source(&bytes)?;
            Ok(NewVersion {
                text: decoded.text,
                notice: decoded.notice,
                companions: Vec::new(),
                pages: None,
                pdf: None,
            })
        }
        (ContentKind::Html, SourceFormat::Html) => {
            let today = cx.now.strftime("%Y-%m-%d").to_string();
            let url = web_address(file);
            let extracted = web_page::extract_page(&bytes, None, url, &today)?;
            Ok(NewVersion {
                text: extracted.text,
                notice: extracted.notice,
                companions: companions.into_iter().zip([bytes]).collect(),
                pages: None,
                pdf: None,
            })
        }
        (ContentKind::Pdf, SourceFormat::Pdf) => {
            let read = import_pdf::read_pdf(&bytes, &name)?;
            let pages = import_pdf::page_map(&read, &store::content_hash(&read.text));
            let files = [bytes, pages.to_toml().into_bytes()];
            Ok(NewVersion {
                text: read.text,
                notice: None,
                companions: companions.into_iter().zip(files).collect(),
                pages: Some(pages),
                pdf: Some(PdfImported {
                    pages: read.labels.len(),
                    missing: read.missing,
                }),
            })
        }
        (kind, format) => Err(mismatch(&name, kind, format)),
    }
}

/// Gives each citation whose locator was the old page of its quote the new page; returns how many changed.
fn update_page_locators(
    notes: &mut NotesFile,
    old: &[Option<crate::model::Locator>],
    pages: &PageMap,
) -> usize {
    let mut updated = 0;
    for (annotation, old) in notes.annotations.iter_mut().zip(old) {
        let Some(old) = old else { continue };
        if annotation.state == AnchorState::Orphaned {
            continue;
        }
        let Some(new) = pages.locator(annotation.anchor.start..annotation.anchor.end) else {
            continue;
        };
        for citation in &mut annotation.citations {
            if citation.locator.as_ref() == Some(old) && *old != new {
                citation.locator = Some(new.clone());
                updated += 1;
            }
        }
    }
    updated
}

fn mismatch(name: &str, kind: ContentKind, format: SourceFormat) -> OpsError {
    let given = match kind {
        ContentKind::Html => "a web page",
        ContentKind::Pdf => "a PDF",
        ContentKind::Text => "text",
        ContentKind::Binary => "binary content",
    };
    let wanted = match format {
        SourceFormat::Html => "a saved .html page, its URL, or its text as .txt or .md",
        SourceFormat::Pdf => "a .pdf (file or URL), or its text as .txt or .md",
        SourceFormat::Text | SourceFormat::Markdown => "plain text or Markdown (.txt or .md)",
    };
    OpsError::Invalid(format!(
        "{name} is {given}, but this source's new version must be {wanted}"
    ))
}

fn has_extension(file: &Path, wanted: &str) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(wanted))
}

/// The commit message: what happened, then the annotations to look at, by id and quote.
fn message(source: &SourceId, report: &Reanchoring, locators_updated: usize) -> String {
    let mut message = format!(
        "{source}: new version of the text; annotations: {}",
        report.summary()
    );
    if locators_updated > 0 {
        message.push_str(&format!("; {locators_updated} page locators updated"));
    }
    let lines: Vec<String> = report
        .fuzzy
        .iter()
        .map(|d| ("fuzzy", d))
        .chain(report.orphaned.iter().map(|d| ("orphaned", d)))
        .map(|(state, d)| format!("{state} {}: « {} »", d.id, one_line(&d.quote)))
        .collect();
    if !lines.is_empty() {
        message.push_str("\n\n");
        message.push_str(&lines.join("\n"));
    }
    message
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "replace_source_tests.rs"]
mod tests;
