use super::Outcome;
use crate::ops::{self, Context};

/// Check that plain git merges notes and .bib files the way glose does; --fix sets it up.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Register the merge drivers and commit the .gitattributes lines.
    #[arg(long)]
    pub fix: bool,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let report = ops::doctor(cx, args.fix)?;
    if report.healthy() {
        outln!(
            "Merge drivers: registered, and .gitattributes routes notes and .bib files to them."
        );
        return Ok(Outcome::Success);
    }
    for driver in &report.missing_drivers {
        outln!("merge driver `{driver}` is not registered in this repository's config");
    }
    for line in &report.missing_attributes {
        outln!(".gitattributes lacks `{line}`");
    }
    if report.fixed {
        outln!(
            "Fixed: drivers registered, .gitattributes updated{}.",
            match &report.commit {
                Some(id) => format!(" and committed ({})", id.get(..8).unwrap_or(id)),
                None => String::new(),
            }
        );
        Ok(Outcome::Success)
    } else {
        outln!("Run `glose doctor --fix` to set them up (each clone needs it once).");
        Ok(Outcome::Problems)
    }
}
