use std::path::PathBuf;

use super::Outcome;
use crate::ops::{self, FileMerged};

/// The three versions git passes to a merge driver.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The common ancestor's version (git's %O).
    pub base: PathBuf,
    /// The current version, replaced by the result (git's %A).
    pub current: PathBuf,
    /// The other branch's version (git's %B).
    pub other: PathBuf,
}

pub fn run_notes(args: Args) -> anyhow::Result<Outcome> {
    report(
        ops::merge_notes_file(&args.base, &args.current, &args.other)?,
        "annotation",
    )
}

pub fn run_bib(args: Args) -> anyhow::Result<Outcome> {
    report(
        ops::merge_bib_file(&args.base, &args.current, &args.other)?,
        "reference",
    )
}

/// Exit 0 when clean; 1 when conflicts were kept in the file for `glose check` to show.
fn report(merged: FileMerged, what: &str) -> anyhow::Result<Outcome> {
    if merged.conflicts.is_empty() {
        return Ok(Outcome::Success);
    }
    eprintln!(
        "glose: both sides changed {what}(s) {}: both versions are kept in the file; `glose check` lists them",
        merged.conflicts.join(", ")
    );
    Ok(Outcome::Problems)
}
