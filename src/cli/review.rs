use clap::Subcommand;

use super::{Outcome, printable};
use crate::model::{Annotation, ReviewStatus};
use crate::ops::{self, Context, ReviewTarget, Thread};

/// Review comments: answer annotations, reply in threads, resolve them, mark what you have read.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: ReviewCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Comment on an annotation (by id), or on a passage of a source with --quote.
    Comment {
        /// An annotation id, or a source id with --quote.
        target: String,
        text: String,
        /// Comment on these words of the source TARGET instead of on an annotation.
        #[arg(long)]
        quote: Option<String>,
        /// Which occurrence of the quote, when it occurs several times.
        #[arg(long)]
        occurrence: Option<usize>,
    },
    /// Reply in the thread of a review comment.
    Reply { id: String, text: String },
    /// Mark a review thread as resolved.
    Resolve { id: String },
    /// List the review threads.
    List {
        /// Only the threads still open.
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
    /// Record that you have reviewed everything up to now (`glose log --since-review` starts here).
    Mark,
}

pub fn run(cx: &mut Context, args: Args) -> anyhow::Result<Outcome> {
    match args.command {
        ReviewCommand::Comment {
            target,
            text,
            quote,
            occurrence,
        } => {
            let target = match quote {
                Some(quote) => ReviewTarget::Passage {
                    source: target,
                    quote,
                    occurrence,
                },
                None => ReviewTarget::Annotation(target),
            };
            let done = ops::comment(cx, &target, &text)?;
            let line = format!(
                "review {} opened on « {} »",
                done.annotation.id,
                printable::line(&done.annotation.anchor.exact)
            );
            outln!("{}", printable::clean(&line));
        }
        ReviewCommand::Reply { id, text } => {
            let done = ops::reply(cx, &id, &text)?;
            let root = done.annotation.reply_to.as_ref().map(ToString::to_string);
            let line = format!(
                "reply {} added to thread {}",
                done.annotation.id,
                root.unwrap_or_default()
            );
            outln!("{}", printable::clean(&line));
        }
        ReviewCommand::Resolve { id } => {
            let done = ops::resolve(cx, &id)?;
            let line = format!("review thread {} resolved", done.annotation.id);
            outln!("{}", printable::clean(&line));
        }
        ReviewCommand::List { open, json } => {
            let threads = ops::threads(cx, open)?;
            if json {
                outln!("{}", printable::json(&threads)?);
            } else {
                out!("{}", printable::clean(&render(&threads)));
                let still_open = threads.iter().filter(|t| t.root.is_open_review()).count();
                outln!("{} thread(s), {still_open} open", threads.len());
            }
        }
        ReviewCommand::Mark => {
            let marked = ops::mark_reviewed(cx)?;
            outln!(
                "Marked {} as reviewed ({}): `glose log --since-review` starts after it.",
                marked.commit.get(..8).unwrap_or(&marked.commit),
                marked.reference
            );
        }
    }
    Ok(Outcome::Success)
}

/// Each thread: status, what it is about, the first comment and its replies.
pub fn render(threads: &[Thread]) -> String {
    let mut out = String::new();
    for thread in threads {
        let status = thread.root.status.unwrap_or(ReviewStatus::Open);
        let about = match &thread.about {
            Some(a) => format!("on {} {}", a.kind, a.id),
            None => "on the passage".to_string(),
        };
        out.push_str(&format!(
            "[{status}] review {} {about} in {} « {} »\n",
            thread.root.id,
            thread.source,
            printable::line(&thread.root.anchor.exact)
        ));
        for comment in std::iter::once(&thread.root).chain(&thread.replies) {
            out.push_str(&format!("    {}\n", said(comment)));
        }
    }
    out
}

fn said(comment: &Annotation) -> String {
    let who = comment.author.split(" <").next().unwrap_or(&comment.author);
    format!(
        "{} ({}, {}): {}",
        printable::line(who),
        comment.id,
        comment.created,
        printable::line(&comment.body)
    )
}
