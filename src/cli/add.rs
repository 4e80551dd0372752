use std::path::PathBuf;

use super::{Outcome, printable, replace};
use crate::ops::{self, AddSourceRequest, Context, Loaded};

/// Import a plain-text or Markdown article as a source to annotate.
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
    println!(
        "Added source {} ({}) as library/sources/{}",
        added.source.id,
        printable::line(&added.source.title),
        added.source.file
    );
    Ok(Outcome::Success)
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
