use std::path::PathBuf;

use super::{Outcome, printable, replace};
use crate::ops::{self, AddSourceRequest, Context, Loaded, PdfImported};

/// Import an article (.txt, .md, .pdf, a saved .html page, or an http(s):// URL) as a source to annotate.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A file, or the web address of a page to download.
    pub file: PathBuf,
    /// The source's id (default: from the file name).
    #[arg(long)]
    pub id: Option<String>,
    /// The cite key of the source's own reference (for web pages, instead of the proposed entry).
    #[arg(long, value_name = "KEY")]
    pub cite: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    /// FILE (or URL) is a new version of this source: replace it and re-anchor its annotations.
    #[arg(long, value_name = "SOURCE", conflicts_with_all = ["id", "cite", "title"])]
    pub replace: Option<String>,
}

pub fn run(cx: &mut Context, args: Args) -> anyhow::Result<Outcome> {
    if let Some(source) = args.replace {
        return replace::run(cx, source, args.file);
    }
    let request = AddSourceRequest {
        file: args.file,
        id: args.id,
        cite: args.cite,
        title: args.title,
    };
    let added = ops::add_source(cx, request)?;
    if let Some(notice) = &added.notice {
        outln!("note: {notice}");
    }
    if let Some(pdf) = &added.pdf {
        report_pdf(pdf);
    }
    outln!(
        "Added source {} ({}) as library/sources/{}",
        added.source.id,
        printable::line(&added.source.title),
        added.source.file
    );
    if let Some(reference) = &added.reference {
        match &reference.note {
            None => out!(
                "Proposed reference added to library/references.bib (check it):\n{}",
                printable::clean(&reference.bibtex)
            ),
            Some(note) => outln!(
                "No reference added: {}; the source cites it",
                printable::clean(note)
            ),
        }
    }
    Ok(Outcome::Success)
}

pub(super) fn report_pdf(pdf: &PdfImported) {
    if !pdf.missing.is_empty() {
        let (noun, verb) = if pdf.missing.len() == 1 {
            ("page", "has")
        } else {
            ("pages", "have")
        };
        let pages = printable::line(&pdf.missing.join(", "));
        eprintln!(
            "warning: {noun} {pages} {verb} no text layer (scanned?); their text is missing (run OCR, e.g. ocrmypdf, for it)"
        );
    }
}

pub fn list(cx: &Context) -> anyhow::Result<Outcome> {
    let loaded = Loaded::read(cx)?;
    for notes in &loaded.notes {
        let claims = notes
            .annotations
            .iter()
            .filter(|a| a.kind == crate::model::Kind::Claim)
            .count();
        let cite = notes
            .source
            .cite
            .as_deref()
            .map(|k| format!(" @{k}"))
            .unwrap_or_default();
        outln!(
            "{}\t{} annotations, {claims} claims{}\t{}",
            notes.source.id,
            notes.annotations.len(),
            printable::clean(&cite),
            printable::line(&notes.source.title)
        );
    }
    Ok(Outcome::Success)
}
