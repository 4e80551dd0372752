use super::{Outcome, printable, show};
use crate::ops::{self, ClaimFilter, Context};

/// List the claims of the workspace and what backs them.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only claims that cite nothing.
    #[arg(long)]
    pub unsupported: bool,
    /// Only the claims of this source.
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let filter = ClaimFilter {
        unsupported_only: args.unsupported,
        source: args.source,
    };
    let rows = ops::claims(cx, &filter)?;
    if args.json {
        outln!("{}", printable::json(&rows)?);
        return Ok(Outcome::Success);
    }
    for row in &rows {
        outln!("{}/{}", row.source, show::describe(&row.annotation));
        outln!("    « {} »", printable::line(&row.annotation.anchor.exact));
    }
    let unsupported = rows.iter().filter(|r| r.unsupported).count();
    outln!("{} claims, {unsupported} unsupported", rows.len());
    Ok(Outcome::Success)
}
