use std::path::PathBuf;

use super::{Outcome, printable, replace};
use crate::ops::{self, AddSourceRequest, Context, Loaded, PdfImported, ProposedReference};

/// Import a plain-text, Markdown or PDF article as a source to annotate.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub file: PathBuf,
    /// The source's id (default: from the file name).
    #[arg(long)]
    pub id: Option<String>,
    /// The cite key of the source's own reference.
    #[arg(long, value_name = "KEY")]
    pub cite: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    /// FILE is a new version of this source: replace its text and re-anchor its annotations.
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
        println!("note: {notice}");
    }
    if let Some(pdf) = &added.pdf {
        report_pdf(pdf);
    }
    println!(
        "Added source {} ({}) as library/sources/{}",
        added.source.id,
        printable::line(&added.source.title),
        added.source.file
    );
    Ok(Outcome::Success)
}

fn report_pdf(pdf: &PdfImported) {
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
    match &pdf.reference {
        ProposedReference::Added(key) => println!(
            "Proposed reference @{} from the PDF's metadata, appended to library/references.bib: check it",
            printable::clean(key)
        ),
        ProposedReference::DuplicateDoi { existing_key } => println!(
            "The PDF's DOI is already in the library as @{}; no entry added",
            printable::clean(existing_key)
        ),
        ProposedReference::DuplicateKey(key) => println!(
            "The key @{} is already in the library; no entry added (pass --cite KEY)",
            printable::clean(key)
        ),
        ProposedReference::Given | ProposedReference::Nothing => {}
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
        println!(
            "{}\t{} annotations, {claims} claims{}\t{}",
            notes.source.id,
            notes.annotations.len(),
            printable::clean(&cite),
            printable::line(&notes.source.title)
        );
    }
    Ok(Outcome::Success)
}
