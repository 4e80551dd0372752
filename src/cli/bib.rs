use std::path::PathBuf;

use super::{Outcome, printable};
use crate::bib::SkipReason;
use crate::ops::{self, Context};

/// Manage the library's .bib files.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: BibCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum BibCommand {
    /// Append the new entries of a .bib file to library/references.bib.
    Add { file: PathBuf },
    /// Fetch the BibTeX of a DOI (10.1234/abc, doi:…, https://doi.org/…) and append it.
    Doi { doi: String },
}

pub fn run(cx: &mut Context, args: Args) -> anyhow::Result<Outcome> {
    let outcome = match args.command {
        BibCommand::Add { file } => ops::bib_add(cx, &file)?,
        BibCommand::Doi { doi } => ops::bib_doi(cx, &doi)?,
    };
    if let Some(notice) = &outcome.notice {
        outln!("note: {notice}");
    }
    for diagnostic in &outcome.diagnostics {
        eprintln!("{}", printable::clean(&diagnostic.to_string()));
    }
    for skipped in &outcome.skipped {
        let why = match &skipped.reason {
            SkipReason::DuplicateKey => "its key is already in the library".to_string(),
            SkipReason::DuplicateDoi { existing_key } => {
                format!("its DOI is already in the library as `{existing_key}`")
            }
        };
        outln!("skipped {}: {why}", printable::clean(&skipped.key));
    }
    match outcome.added.len() {
        0 => outln!("No new entry added."),
        n => outln!(
            "Added {n} entr{}: {}",
            if n == 1 { "y" } else { "ies" },
            printable::clean(&outcome.added.join(", "))
        ),
    }
    Ok(Outcome::Success)
}
