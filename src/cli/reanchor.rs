use super::{Outcome, printable};
use crate::ops::{self, Context, Reanchoring};

/// Re-anchor the annotations of sources whose text changed, and commit the result.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this source (default: every source).
    pub source: Option<String>,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let (reports, _) = ops::reanchor(cx, args.source.as_deref())?;
    if reports.is_empty() {
        outln!("Every annotation is anchored on the current text; nothing to do.");
    }
    for (source, report) in &reports {
        outln!("{source}: {}", report.summary());
        print_displaced(report);
    }
    Ok(Outcome::Success)
}

/// One line per fuzzy or orphaned annotation: its id and quote, and the words a fuzzy one now covers.
pub fn print_displaced(report: &Reanchoring) {
    for fuzzy in &report.fuzzy {
        outln!(
            "  fuzzy: « {} » ({})",
            printable::line(fuzzy.now.as_deref().unwrap_or(&fuzzy.quote)),
            fuzzy.id
        );
        if fuzzy.now.as_deref().is_some_and(|now| now != fuzzy.quote) {
            outln!("    was « {} »", printable::line(&fuzzy.quote));
        }
    }
    for orphan in &report.orphaned {
        outln!(
            "  orphaned: « {} » ({})",
            printable::line(&orphan.quote),
            orphan.id
        );
    }
}
