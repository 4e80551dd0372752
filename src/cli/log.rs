use super::{Outcome, printable};
use crate::bib::BibChange;
use crate::model::{Annotation, Change, Citation};
use crate::ops::{self, CommitChanges, Context, LogFilter, Since};

/// Show the history as annotations and references added, edited, removed, newest first (`--author TEXT` keeps the commits whose author matches).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only commits after this one (an id, a branch, a tag, HEAD~3, ...).
    #[arg(long, value_name = "REV", conflicts_with = "since_review")]
    pub since: Option<String>,
    /// Only commits after the one you last marked with `glose review mark`.
    #[arg(long)]
    pub since_review: bool,
    /// Only changes to this source's notes.
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// Show one commit as annotations and references added, edited, removed.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    pub rev: String,
    #[arg(long)]
    pub json: bool,
}

/// `author` is the global `--author`, which `glose log` reads as a filter: part of a name or email.
pub fn run(cx: &Context, args: Args, author: Option<String>) -> anyhow::Result<Outcome> {
    let since = match (args.since, args.since_review) {
        (Some(rev), _) => Since::Rev(rev),
        (None, true) => Since::LastReview,
        (None, false) => Since::Everything,
    };
    let filter = LogFilter {
        since,
        author,
        source: args.source,
    };
    let history = ops::log(cx, &filter)?;
    if args.json {
        outln!("{}", printable::json(&history)?);
        return Ok(Outcome::Success);
    }
    if matches!(filter.since, Since::LastReview) {
        match &history.reviewed {
            Some(id) => outln!("Since your last review ({}):\n", short(id)),
            None => outln!(
                "You have not marked a review yet (`glose review mark`): the whole history.\n"
            ),
        }
    }
    if history.commits.is_empty() {
        outln!("No commits to show.");
    }
    for commit in &history.commits {
        out!("{}", printable::clean(&render(commit)));
    }
    Ok(Outcome::Success)
}

pub fn run_show(cx: &Context, args: ShowArgs) -> anyhow::Result<Outcome> {
    let commit = ops::show_commit(cx, &args.rev)?;
    if args.json {
        outln!("{}", printable::json(&commit)?);
    } else {
        out!("{}", printable::clean(&render(&commit)));
    }
    Ok(Outcome::Success)
}

/// A commit's header, subject and changes, ending with a blank line.
pub fn render(commit: &CommitChanges) -> String {
    let info = &commit.commit;
    let subject = info.message.lines().next().unwrap_or_default();
    let merge = if info.parents.len() > 1 {
        "  (merge)"
    } else {
        ""
    };
    let mut out = format!(
        "commit {}  {}  {}{merge}\n    {}\n",
        short(&info.id),
        info.date,
        printable::line(&info.author),
        printable::line(subject)
    );
    for source in &commit.sources {
        out.push_str(&format!("  {}:\n", printable::line(&source.source)));
        if let Some(broken) = &source.broken {
            out.push_str(&format!(
                "    ! notes unreadable: {}\n",
                printable::line(broken)
            ));
        }
        for change in &source.changes {
            out.push_str(&format!("    {}\n", describe(change)));
        }
    }
    if !commit.references.is_empty() {
        out.push_str("  library:\n");
        for change in &commit.references {
            out.push_str(&format!("    {}\n", describe_reference(change)));
        }
    }
    out.push('\n');
    out
}

/// One change on one line, with the quote it concerns.
pub fn describe(change: &Change) -> String {
    let a = change.annotation();
    let what = match change {
        Change::Added { .. } => format!("+ {} added{}", name(a), body(&a.body)),
        Change::Removed { .. } => format!("- {} removed", name(a)),
        Change::BodyEdited { old_body, .. } => format!(
            "~ {} note edited: {} → {}",
            name(a),
            quoted(old_body),
            quoted(&a.body)
        ),
        Change::KindChanged { old_kind, .. } => {
            format!("~ {} was a {old_kind}", name(a))
        }
        Change::TagsChanged { old_tags, .. } => format!(
            "~ {} tags [{}] → [{}]",
            name(a),
            old_tags.join(", "),
            a.tags.join(", ")
        ),
        Change::Reanchored { old_quote, .. } => format!(
            "~ {} re-anchored ({}) from « {} »",
            name(a),
            a.state.as_str(),
            printable::line(old_quote)
        ),
        Change::CitationAdded { citation, .. } => {
            format!("+ {} {} {}", name(a), citation.relation, cite(citation))
        }
        Change::CitationRemoved { citation, .. } => {
            format!("- {} no longer cites {}", name(a), cite(citation))
        }
        Change::CitationChanged { old, new, .. } => format!(
            "~ {} cites {} ({}) instead of {} ({})",
            name(a),
            cite(new),
            new.relation,
            cite(old),
            old.relation
        ),
        Change::StatusChanged { .. } => format!(
            "~ {} is {}",
            name(a),
            a.status.map_or("no longer a thread", |s| s.as_str())
        ),
        Change::ConflictsChanged { .. } if a.conflicts.is_empty() => {
            format!("~ {} merge conflict settled", name(a))
        }
        Change::ConflictsChanged { .. } => format!(
            "! {} merge conflict: {} other version(s) kept",
            name(a),
            a.conflicts.len()
        ),
    };
    format!("{what} « {} »", short_quote(&a.anchor.exact))
}

fn describe_reference(change: &BibChange) -> String {
    let (sign, key, summary, what) = match change {
        BibChange::Added { key, summary } => ("+", key, summary, "added"),
        BibChange::Changed { key, summary } => ("~", key, summary, "changed"),
        BibChange::Removed { key, summary } => ("-", key, summary, "removed"),
    };
    format!(
        "{sign} @{} {what} — {}",
        printable::line(key),
        printable::line(summary)
    )
}

fn name(a: &Annotation) -> String {
    format!("{} {}", a.kind, a.id)
}

fn body(text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!(": {}", quoted(text))
    }
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", short_text(text, 60))
}

fn cite(citation: &Citation) -> String {
    match &citation.locator {
        Some(locator) => format!("@{}, {locator}", citation.key),
        None => format!("@{}", citation.key),
    }
}

fn short_quote(quote: &str) -> String {
    short_text(quote, 70)
}

fn short_text(text: &str, max: usize) -> String {
    let flat = printable::line(text);
    if flat.chars().count() <= max {
        flat
    } else {
        format!("{}…", flat.chars().take(max).collect::<String>())
    }
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
