use std::path::{Path, PathBuf};

use super::{Outcome, printable};
use crate::ops::{self, RunOptions};

/// Make a workspace: glose.toml, library/, notes/, and a git repository if needed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to make the workspace in (default: the current folder).
    pub dir: Option<PathBuf>,
}

pub fn run(start: &Path, args: Args, options: RunOptions) -> anyhow::Result<Outcome> {
    let dir = match args.dir {
        Some(dir) if dir.is_absolute() => dir,
        Some(dir) => start.join(dir),
        None => start.to_path_buf(),
    };
    let now = options.now.unwrap_or_else(jiff::Timestamp::now);
    let done = ops::init(&dir, options.author, now)?;
    let root = done.root.display().to_string();
    outln!("Made a glose workspace in {}", printable::clean(&root));
    if done.created_repository {
        outln!("Made a git repository there (branch main).");
    }
    if let Some(reason) = done.not_committed {
        outln!(
            "The new files are not committed yet: {}",
            printable::clean(&reason)
        );
    }
    outln!(
        "Next: `glose bib add FILE.bib` for your references, `glose add ARTICLE.txt` for a source."
    );
    Ok(Outcome::Success)
}
