use std::io::IsTerminal;
use std::path::PathBuf;

use super::{Outcome, printable};
use crate::ops::{self, ClaimFilter, Context, RunOptions};

/// Write the example workspace into a new folder, with its git history, and open it in the terminal UI.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A new or empty folder (default: a new folder under the system's temporary directory).
    pub dir: Option<PathBuf>,
}

pub fn run(args: Args, options: RunOptions) -> anyhow::Result<Outcome> {
    let dir = match args.dir {
        Some(dir) => dir,
        None => ops::temporary_dir()?,
    };
    let made = ops::demo(&dir)?;
    let cx = Context::open(made.root.clone(), options)?;
    if std::io::stdout().is_terminal() {
        return super::open_tui(cx);
    }
    let claims = ops::claims(&cx, &ClaimFilter::default())?;
    let unsupported = claims.iter().filter(|c| c.unsupported).count();
    let root = made.root.display().to_string();
    outln!("The demo workspace is in {}", printable::clean(&root));
    outln!(
        "{} commits by a student and a supervisor; {} claims, {} without a source.",
        made.commits,
        claims.len(),
        unsupported
    );
    outln!();
    outln!("Try, in that folder:");
    outln!("  glose claims --unsupported");
    outln!("  glose show berdeil-2023");
    outln!("  glose check");
    outln!("  git log --stat");
    Ok(Outcome::Success)
}

pub fn print_usage() -> anyhow::Result<Outcome> {
    outln!("glose: annotate sources, tie every claim to its references, keep the notes in git.");
    outln!();
    outln!("  glose demo          open the example workspace");
    outln!("  glose init [DIR]    make a workspace");
    outln!("  glose --help        every command");
    Ok(Outcome::Success)
}
