//! One semantic change on one line, as `glose show-commit` words it, and a commit's short header.

use crate::bib::BibChange;
use crate::model::{Annotation, Change, Citation};
use crate::ops::CommitChanges;
use crate::store::git::CommitInfo;
use crate::tui::layout::wrap::clean;
use crate::tui::screens::history::Item;

/// What a change did, without its quote.
pub fn headline(item: Item<'_>) -> String {
    let change = match item {
        Item::Reference(change) => return reference(change),
        Item::Note(_, change) => change,
    };
    let a = change.annotation();
    let text = match change {
        Change::Added { .. } => format!("+ {} added{}", name(a), body(&a.body)),
        Change::Removed { .. } => format!("- {} deleted", name(a)),
        Change::BodyEdited { old_body, .. } => format!(
            "~ {} note edited: \"{}\" → \"{}\"",
            name(a),
            short(old_body, 40),
            short(&a.body, 40)
        ),
        Change::KindChanged { old_kind, .. } => format!("~ {} was a {old_kind}", name(a)),
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
            short(old_quote, 40)
        ),
        Change::CitationAdded { citation, .. } => {
            format!("+ {} {} {}", name(a), citation.relation, cite(citation))
        }
        Change::CitationRemoved { citation, .. } => {
            format!("- {} no longer cites {}", name(a), cite(citation))
        }
        Change::CitationChanged { old, new, .. } => {
            format!("~ {} cites {} instead of {}", name(a), cite(new), cite(old))
        }
        Change::StatusChanged { .. } => format!(
            "~ {} is {}",
            name(a),
            a.status.map_or("no longer a thread", |s| s.as_str())
        ),
        Change::ConflictsChanged { .. } if a.conflicts.is_empty() => {
            format!("~ {} merge conflict settled", name(a))
        }
        Change::ConflictsChanged { .. } => format!(
            "! {} merge conflict: {} other version(s)",
            name(a),
            a.conflicts.len()
        ),
    };
    clean(&text)
}

/// The quote a change concerns, for note changes.
pub fn quote(item: Item<'_>) -> Option<String> {
    match item {
        Item::Note(_, change) => Some(clean(&change.annotation().anchor.exact)),
        Item::Reference(_) => None,
    }
}

/// `abcd1234  Name  2026-03-02  subject`.
pub fn commit_line(commit: &CommitChanges) -> String {
    let info = &commit.commit;
    format!(
        "{}  {}  {}  {}",
        short_id(&info.id),
        author_name(info),
        info.date.get(..10).unwrap_or(&info.date),
        clean(info.message.lines().next().unwrap_or_default())
    )
}

pub fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

pub fn author_name(info: &CommitInfo) -> String {
    clean(info.author.split(" <").next().unwrap_or_default())
}

fn reference(change: &BibChange) -> String {
    let (sign, key, summary, what) = match change {
        BibChange::Added { key, summary } => ("+", key, summary, "added"),
        BibChange::Changed { key, summary } => ("~", key, summary, "changed"),
        BibChange::Removed { key, summary } => ("-", key, summary, "removed"),
    };
    clean(&format!("{sign} @{key} {what} — {summary}"))
}

fn name(a: &Annotation) -> String {
    format!("{} {}", a.kind, a.id)
}

fn body(text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!(": \"{}\"", short(text, 50))
    }
}

fn cite(citation: &Citation) -> String {
    match &citation.locator {
        Some(locator) => format!("@{}, {locator}", citation.key),
        None => format!("@{}", citation.key),
    }
}

fn short(text: &str, max: usize) -> String {
    let flat = clean(text);
    if flat.chars().count() <= max {
        flat
    } else {
        format!("{}…", flat.chars().take(max).collect::<String>())
    }
}
