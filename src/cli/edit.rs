use super::{Outcome, printable};
use crate::model::Kind;
use crate::ops::{self, Context, EditRequest};

/// Change an annotation's note, kind or tags, or confirm a fuzzy anchor.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    pub id: String,
    /// The new body (Markdown); an empty string clears it.
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub kind: Option<Kind>,
    #[arg(long = "tag", value_name = "TAG")]
    pub add_tags: Vec<String>,
    #[arg(long = "untag", value_name = "TAG")]
    pub remove_tags: Vec<String>,
    /// Accept a fuzzy anchor as the right place.
    #[arg(long)]
    pub confirm: bool,
}

/// Delete an annotation (git history keeps it).
#[derive(Debug, clap::Args)]
pub struct RmArgs {
    pub id: String,
}

pub fn run_edit(cx: &mut Context, args: EditArgs) -> anyhow::Result<Outcome> {
    let request = EditRequest {
        body: args.note,
        kind: args.kind,
        add_tags: args.add_tags,
        remove_tags: args.remove_tags,
        confirm: args.confirm,
    };
    let done = ops::edit(cx, &args.id, request)?;
    outln!(
        "{}",
        printable::clean(done.committed.message.lines().next().unwrap_or_default())
    );
    Ok(Outcome::Success)
}

pub fn run_rm(cx: &mut Context, args: RmArgs) -> anyhow::Result<Outcome> {
    let done = ops::remove(cx, &args.id)?;
    outln!(
        "{}",
        printable::clean(done.committed.message.lines().next().unwrap_or_default())
    );
    Ok(Outcome::Success)
}
