use super::{Outcome, printable};
use crate::ops::{self, Context};

/// Re-anchor the annotations of sources whose text changed, and commit the result.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this source (default: every source).
    pub source: Option<String>,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let (reports, _) = ops::reanchor(cx, args.source.as_deref())?;
    if reports.is_empty() {
        println!("Every annotation is anchored on the current text; nothing to do.");
    }
    for (source, report) in &reports {
        println!("{source}: {}", report.summary());
        for quote in &report.fuzzy {
            println!("  fuzzy: « {} »", printable::line(quote));
        }
        for quote in &report.orphaned {
            println!("  orphaned: « {} »", printable::line(quote));
        }
    }
    Ok(Outcome::Success)
}
