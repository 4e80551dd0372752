use super::{Outcome, printable};
use crate::model::{AnchorState, Annotation};
use crate::ops::{self, Context, Loaded};

/// Print a source's text with its annotations marked, then the annotations.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub source: String,
    /// Show the text and annotations as they were at this commit (an id, a branch, a tag, HEAD~1, ...).
    #[arg(long, value_name = "REV")]
    pub at: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let (notes, text, reanchoring, commit) = match &args.at {
        Some(rev) => {
            let past = ops::source_at(cx, &args.source, rev)?;
            (past.notes, past.text, past.reanchoring, Some(past.commit))
        }
        None => {
            let loaded = Loaded::read(cx)?;
            let mut notes = loaded.source(&args.source)?.clone();
            let (text, reanchoring) = ops::current_text(cx, &mut notes)?;
            (notes, text, reanchoring, None)
        }
    };
    if args.json {
        let mut value = serde_json::json!({ "source": notes.source, "text": text, "annotations": notes.annotations });
        if let Some(commit) = &commit {
            value["commit"] = serde_json::json!(commit);
        }
        outln!("{}", printable::json(&value)?);
        return Ok(Outcome::Success);
    }
    outln!(
        "{} — {}",
        notes.source.id,
        printable::line(&notes.source.title)
    );
    if let (Some(rev), Some(commit)) = (&args.at, &commit) {
        outln!(
            "(as of {}, commit {})",
            printable::line(rev),
            &commit[..commit.len().min(8)]
        );
    }
    if let Some(report) = reanchoring {
        let hint = match commit {
            Some(_) => "re-anchored for this display only",
            None => "`glose reanchor` records it",
        };
        outln!(
            "(the text changed since it was annotated: {}; {hint})",
            report.summary()
        );
    }
    outln!();
    let placed: Vec<&Annotation> = notes
        .annotations
        .iter()
        .filter(|a| a.state != AnchorState::Orphaned)
        .collect();
    outln!("{}", printable::clean(&marked_text(&text, &placed)));
    outln!();
    for (number, annotation) in placed.iter().enumerate() {
        outln!("[{}] {}", number + 1, describe(annotation));
    }
    for annotation in notes
        .annotations
        .iter()
        .filter(|a| a.state == AnchorState::Orphaned)
    {
        outln!(
            "[orphaned] {}\n    « {} »",
            describe(annotation),
            printable::line(&annotation.anchor.exact)
        );
    }
    Ok(Outcome::Success)
}

/// The text with `⟦` before and `⟧[n]` after each annotation's words.
fn marked_text(text: &str, annotations: &[&Annotation]) -> String {
    let mut marks: Vec<(usize, bool, String)> = Vec::new();
    for (number, annotation) in annotations.iter().enumerate() {
        marks.push((annotation.anchor.start, false, "⟦".to_string()));
        marks.push((annotation.anchor.end, true, format!("⟧[{}]", number + 1)));
    }
    marks.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = String::with_capacity(text.len() + marks.len() * 6);
    let mut at = 0;
    for (position, _, mark) in marks {
        let position = position.min(text.len());
        if position < at || !text.is_char_boundary(position) {
            continue;
        }
        out.push_str(&text[at..position]);
        out.push_str(&mark);
        at = position;
    }
    out.push_str(&text[at..]);
    out
}

pub fn describe(annotation: &Annotation) -> String {
    let mut line = format!("{} {}", annotation.kind, annotation.id);
    if annotation.is_unsupported() {
        line.push_str(" — UNSUPPORTED");
    }
    for citation in &annotation.citations {
        let locator = citation
            .locator
            .as_ref()
            .map(|l| format!(", {l}"))
            .unwrap_or_default();
        line.push_str(&format!(
            " — {} @{}{locator}",
            citation.relation, citation.key
        ));
    }
    if let Some(status) = annotation.status {
        line.push_str(&format!(" — {status}"));
    }
    if let Some(about) = &annotation.reply_to {
        line.push_str(&format!(" — on {about}"));
    }
    if !annotation.conflicts.is_empty() {
        line.push_str(&format!(
            " — MERGE CONFLICT: {} other version(s), see `glose check`",
            annotation.conflicts.len()
        ));
    }
    if annotation.state == AnchorState::Fuzzy {
        line.push_str(" — fuzzy anchor, check it");
    }
    if !annotation.tags.is_empty() {
        line.push_str(&format!(" — #{}", annotation.tags.join(" #")));
    }
    if !annotation.body.is_empty() {
        line.push_str(&format!(
            "\n    {}",
            annotation.body.trim().replace('\n', "\n    ")
        ));
    }
    printable::clean(&line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, AnnotationId, Kind};

    fn at(start: usize, end: usize) -> Annotation {
        Annotation {
            id: AnnotationId("x".into()),
            kind: Kind::Claim,
            anchor: Anchor {
                exact: String::new(),
                prefix: String::new(),
                suffix: String::new(),
                start,
                end,
            },
            state: AnchorState::Exact,
            body: String::new(),
            tags: vec![],
            author: String::new(),
            reply_to: None,
            status: None,
            conflicts: Vec::new(),
            created: String::new(),
            updated: String::new(),
            citations: vec![],
        }
    }

    #[test]
    fn marks_wrap_the_quoted_words_even_when_nested() {
        let text = "Selon « le Nid », 62 % passe par Internet.";
        let start = text.find("62").unwrap();
        let end = text.find(" par").unwrap();
        let outer = at(0, text.len());
        let inner = at(start, end);
        assert_eq!(
            marked_text(text, &[&outer, &inner]),
            "⟦Selon « le Nid », ⟦62 % passe⟧[2] par Internet.⟧[1]"
        );
    }
}
