use super::{Outcome, printable};
use crate::ops::{Context, read_library};

/// List or search the references of the library.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words that must all match the key, authors, title, year or journal.
    pub query: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let library = read_library(cx)?;
    let entries = match &args.query {
        Some(query) => library.search(query),
        None => library.entries().iter().collect(),
    };
    if args.json {
        let rows: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "key": e.key, "type": e.entry_type, "authors": e.authors(), "title": e.title(),
                    "year": e.year(), "doi": e.doi(), "file": e.file, "line": e.line,
                })
            })
            .collect();
        outln!("{}", printable::json(&rows)?);
        return Ok(Outcome::Success);
    }
    let mut listing = String::new();
    for entry in &entries {
        let key = printable::clean(&entry.key);
        let summary = printable::line(&entry.summary());
        listing.extend([&*key, "\t", &summary, "\n"]);
    }
    out!("{listing}");
    if entries.is_empty() {
        outln!("No reference matches.");
    }
    Ok(Outcome::Success)
}
