use super::{Outcome, printable};
use crate::model::{Kind, Relation};
use crate::ops::{self, AnnotateRequest, CiteSpec, Context};

/// Anchor a highlight, note, claim or question on words of a source.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The source's id.
    pub source: String,
    /// The words of the source, as they appear (spaces and quote styles may differ).
    #[arg(long)]
    pub quote: String,
    /// Which occurrence, when the quote occurs several times (1 = first).
    #[arg(long, value_name = "N")]
    pub occurrence: Option<usize>,
    /// highlight, note, claim or question (default: claim with --cite, else highlight).
    #[arg(long)]
    pub kind: Option<Kind>,
    /// The annotation's body (Markdown).
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// A reference backing the claim: KEY or KEY@LOCATOR ("loi2016-444@art. 225-5").
    #[arg(long = "cite", value_name = "KEY[@LOCATOR]")]
    pub cites: Vec<CiteSpec>,
    /// supports, contradicts or mentions (for every --cite).
    #[arg(long, default_value = "supports")]
    pub relation: Relation,
}

pub fn run(cx: &mut Context, args: Args) -> anyhow::Result<Outcome> {
    let request = AnnotateRequest {
        source: args.source,
        quote: args.quote,
        occurrence: args.occurrence,
        kind: args.kind,
        note: args.note,
        tags: args.tags,
        cites: args.cites,
        relation: args.relation,
    };
    let done = ops::annotate(cx, request)?;
    if let Some(report) = &done.reanchoring {
        outln!(
            "The text of {} changed; its annotations were re-anchored: {}",
            done.source,
            report.summary()
        );
    }
    let a = &done.annotation;
    let status = if a.is_unsupported() {
        " (unsupported: cite a reference with `glose cite`)"
    } else {
        ""
    };
    outln!("{} {} added to {}{status}", a.kind, a.id, done.source);
    outln!("  « {} »", printable::line(&a.anchor.exact));
    Ok(Outcome::Success)
}
