use super::Outcome;
use crate::ops::{self, Context};
use crate::store::git::Integrated;

/// Fetch, merge (notes by annotation id, .bib by entry) and push, with reviewed marks.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A remote name, a path or a URL (default: origin).
    pub remote: Option<String>,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let report = ops::sync(cx, args.remote.as_deref())?;
    let mut outcome = Outcome::Success;
    match &report.integrated {
        Integrated::UpToDate => outln!("Nothing new from {}.", report.url),
        Integrated::FastForward { commit } => {
            outln!("Updated to {} from {}.", short(commit), report.url);
        }
        Integrated::Merged { commit, conflicts } => {
            outln!(
                "Merged the changes from {} ({}).",
                report.url,
                short(commit)
            );
            for (path, items) in conflicts {
                outln!(
                    "  {}: both sides changed {}; both versions are kept (`glose check` lists them)",
                    path.display(),
                    items.join(", ")
                );
                outcome = Outcome::Problems;
            }
        }
    }
    for who in &report.marks_received {
        outln!("Review mark of {who} received.");
    }
    if report.pushed {
        outln!("Pushed to {}.", report.url);
    }
    Ok(outcome)
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
