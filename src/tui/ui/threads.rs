//! The review threads about an annotation (or the one a review comment belongs to), for the detail views.

use ratatui::text::{Line, Span};

use super::lists::bold;
use super::theme;
use crate::model::{Annotation, AnnotationId, Kind, ReviewStatus};
use crate::tui::app::App;
use crate::tui::data::SourceDoc;
use crate::tui::layout::wrap::clean;

/// Every thread on `annotation`, open ones first, each with its replies; empty when there is none.
pub fn lines(app: &App, doc: &SourceDoc, annotation: &Annotation) -> Vec<Line<'static>> {
    let roots: Vec<&Annotation> = if annotation.kind == Kind::Review {
        let root = match annotation.status {
            Some(_) => Some(annotation),
            None => find(doc, annotation.reply_to.as_ref()),
        };
        root.into_iter().collect()
    } else {
        let mut roots: Vec<&Annotation> = doc
            .annotations
            .iter()
            .filter(|a| {
                a.kind == Kind::Review
                    && a.status.is_some()
                    && a.reply_to == Some(annotation.id.clone())
            })
            .collect();
        roots.sort_by_key(|a| a.status != Some(ReviewStatus::Open));
        roots
    };
    let mut lines = Vec::new();
    for root in roots {
        let status = root.status.unwrap_or_default();
        lines.push(Line::from(""));
        lines.push(Line::from(vec![Span::styled(
            format!("Review thread {} · {status}", root.id),
            theme::annotation(root, app.color),
        )]));
        let mut replies: Vec<&Annotation> = doc
            .annotations
            .iter()
            .filter(|a| {
                a.kind == Kind::Review
                    && a.status.is_none()
                    && a.reply_to.as_ref() == Some(&root.id)
            })
            .collect();
        replies.sort_by(|a, b| (&a.created, &a.id).cmp(&(&b.created, &b.id)));
        for comment in std::iter::once(root).chain(replies) {
            let who = comment.author.split(" <").next().unwrap_or_default();
            lines.push(Line::from(vec![
                bold(format!("  {}: ", clean(who))),
                Span::raw(clean(&comment.body)),
            ]));
        }
    }
    lines
}

fn find<'a>(doc: &'a SourceDoc, id: Option<&AnnotationId>) -> Option<&'a Annotation> {
    let id = id?;
    doc.annotations.iter().find(|a| a.id == *id)
}
