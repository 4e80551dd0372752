use super::{Outcome, printable};
use crate::model::Relation;
use crate::ops::{self, CiteSpec, Context};

/// Link a claim to a reference, with a locator.
#[derive(Debug, clap::Args)]
pub struct CiteArgs {
    /// The claim's id (or a unique prefix).
    pub id: String,
    /// The cite key (KEY or KEY@LOCATOR).
    pub key: CiteSpec,
    /// Where in the reference: "p. 4", "pp. 12-14", "art. 225-5", "§ 3", "n° 12" (default in a PDF source: the quote's page).
    #[arg(long)]
    pub locator: Option<String>,
    #[arg(long, default_value = "supports")]
    pub relation: Relation,
}

/// Remove a reference from a claim.
#[derive(Debug, clap::Args)]
pub struct UnciteArgs {
    pub id: String,
    pub key: String,
}

pub fn run_cite(cx: &mut Context, args: CiteArgs) -> anyhow::Result<Outcome> {
    let mut spec = args.key;
    if args.locator.is_some() {
        spec.locator = args.locator;
    }
    let done = ops::cite(cx, &args.id, &spec, args.relation)?;
    let locator = done
        .annotation
        .citations
        .iter()
        .find(|c| c.key == spec.key)
        .and_then(|c| c.locator.as_ref())
        .map(|l| format!(", {l}"))
        .unwrap_or_default();
    let line = format!(
        "{} {} now {} {}{locator}",
        done.annotation.kind, done.annotation.id, args.relation, spec.key
    );
    outln!("{}", printable::clean(&line));
    Ok(Outcome::Success)
}

pub fn run_uncite(cx: &mut Context, args: UnciteArgs) -> anyhow::Result<Outcome> {
    let done = ops::uncite(cx, &args.id, &args.key)?;
    let left = if done.annotation.is_unsupported() {
        " (it is now unsupported)"
    } else {
        ""
    };
    let line = format!(
        "{} {} no longer cites {}{left}",
        done.annotation.kind, done.annotation.id, args.key
    );
    outln!("{}", printable::clean(&line));
    Ok(Outcome::Success)
}
