use super::{Outcome, printable};
use crate::ops::{self, Choice, Context};

/// Settle a merge conflict on an annotation: keep ours, theirs, or both (theirs as a new annotation).
#[derive(Debug, clap::Args)]
pub struct Args {
    pub id: String,
    #[arg(long, value_enum)]
    pub keep: Keep,
    /// Which of their versions to keep with `--keep theirs`, from 1, in the order of the notes file's `[[annotation.conflict]]` blocks.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub other: usize,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Keep {
    Ours,
    Theirs,
    Both,
}

pub fn run(cx: &mut Context, args: Args) -> anyhow::Result<Outcome> {
    let choice = match args.keep {
        Keep::Ours => Choice::Ours,
        Keep::Theirs => Choice::Theirs(args.other.saturating_sub(1)),
        Keep::Both => Choice::Both,
    };
    let done = ops::settle_conflict(cx, &args.id, choice)?;
    outln!(
        "{}",
        printable::clean(done.committed.message.lines().next().unwrap_or_default())
    );
    Ok(Outcome::Success)
}
