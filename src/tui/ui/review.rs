//! Review mode: one change at a time, with its commit, its quote, and the annotation in its context.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::annotations::detail_lines;
use super::changes::{self, author_name, short_id};
use super::lists::{bold, render_panel};
use super::{theme, threads};
use crate::model::Annotation;
use crate::tui::app::App;
use crate::tui::data::SourceDoc;
use crate::tui::layout::wrap::clean;
use crate::tui::screens::ReviewWalk;

/// Bytes of text shown on each side of the annotation.
const CONTEXT: usize = 240;

pub fn render(app: &App, walk: &ReviewWalk, frame: &mut Frame<'_>, area: Rect) {
    let Some(history) = &walk.history else {
        render_panel(
            app,
            frame,
            area,
            "Review",
            vec![Line::from("reading the history…")],
        );
        return;
    };
    let Some((commit, item)) = walk.current() else {
        let since = match &history.reviewed {
            Some(id) => format!("Nothing new since your last review ({}).", short_id(id)),
            None => "Nothing to review: the history is empty.".to_string(),
        };
        let lines = vec![
            Line::from(since),
            Line::from(""),
            Line::from("Esc goes back to the reader."),
        ];
        render_panel(app, frame, area, "Review", lines);
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(7), Constraint::Fill(1)]).areas(area);
    let info = &commit.commit;
    let since = history.reviewed.as_deref().map_or(
        "since the beginning (no review mark yet)".to_string(),
        |id| format!("since your review of {}", short_id(id)),
    );
    let mut lines = vec![
        Line::from(vec![bold(format!(
            "{} {} · {}",
            short_id(&info.id),
            author_name(info),
            info.date
        ))]),
        Line::from(clean(info.message.lines().next().unwrap_or_default())),
        Line::from(""),
        Line::from(bold(changes::headline(item))),
    ];
    if let Some(quote) = changes::quote(item) {
        lines.push(Line::from(format!("« {quote} »")));
    }
    let title = format!(
        "Change {} of {} {since} · n/p next/previous · c comment · m mark reviewed · Enter shows it",
        walk.cursor + 1,
        walk.rows.len()
    );
    render_panel(app, frame, head, &title, lines);
    let found = item.annotation().and_then(|(source, id)| {
        let doc = app.data.sources.iter().find(|d| d.id == source)?;
        Some((doc, doc.annotations.iter().find(|a| a.id.0 == id)?))
    });
    let lines = match found {
        Some((doc, annotation)) => {
            let mut lines = vec![in_context(app, doc, annotation), Line::from("")];
            lines.extend(detail_lines(app, annotation));
            lines.extend(threads::lines(app, doc, annotation));
            lines
        }
        None if item.annotation().is_some() => {
            vec![Line::from(
                "This annotation is no longer in the notes: it was deleted since.",
            )]
        }
        None => vec![Line::from(
            "A change to the library: R lists the references.",
        )],
    };
    render_panel(app, frame, body, "In context", lines);
}

/// The text around an annotation, its quote styled as in the reader.
fn in_context<'a>(app: &App, doc: &'a SourceDoc, annotation: &Annotation) -> Line<'a> {
    let text = &doc.text;
    let (start, end) = (
        annotation.anchor.start.min(text.len()),
        annotation.anchor.end.min(text.len()),
    );
    let from = floor(text, start.saturating_sub(CONTEXT));
    let to = floor(text, (end + CONTEXT).min(text.len()));
    let (start, end) = (floor(text, start), floor(text, end.max(start)));
    Line::from(vec![
        Span::raw(format!("…{}", clean(&text[from..start]))),
        Span::styled(
            clean(&text[start..end]),
            theme::annotation(annotation, app.color),
        ),
        Span::raw(format!("{}…", clean(&text[end..to]))),
    ])
}

fn floor(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
