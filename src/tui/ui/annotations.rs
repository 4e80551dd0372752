//! The annotations pane: this source's annotations, then the selected one's detail.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{theme, threads};
use crate::model::Annotation;
use crate::tui::app::{App, Pane};
use crate::tui::layout::wrap::clean;

/// The first list row shown so that `selected` stays visible in `height` rows.
pub fn list_offset(selected: Option<usize>, height: usize) -> usize {
    selected.map_or(0, |s| (s + 1).saturating_sub(height.max(1)))
}

/// The list (top) and detail (bottom) parts of the pane.
pub fn split(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(area)
}

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let focused = app.focus == Pane::Annotations;
    let [list_area, detail_area] = split(area);
    let annotations = app.doc().map_or(&[][..], |d| d.annotations.as_slice());
    let unsupported = annotations.iter().filter(|a| a.is_unsupported()).count();
    let title = format!(
        " Annotations {} · {unsupported} unsupported ",
        annotations.len()
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme::focused_border(focused, app.color));
    let height = usize::from(list_area.height.saturating_sub(2));
    let offset = list_offset(app.selected, height);
    let lines: Vec<Line<'_>> = annotations
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, a)| list_line(app, i, a))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), list_area);

    let detail = match (app.doc(), app.selected.and_then(|i| annotations.get(i))) {
        (Some(doc), Some(a)) => {
            let mut lines = detail_lines(app, a);
            lines.extend(threads::lines(app, doc, a));
            lines
        }
        _ => vec![Line::from("] and [ select an annotation")],
    };
    let block = Block::bordered()
        .title(" Detail ")
        .border_style(theme::focused_border(false, app.color));
    frame.render_widget(
        Paragraph::new(detail)
            .block(block)
            .wrap(Wrap { trim: false }),
        detail_area,
    );
}

fn list_line<'a>(app: &App, index: usize, annotation: &'a Annotation) -> Line<'a> {
    let mut style = theme::annotation(annotation, app.color);
    if app.selected == Some(index) {
        style = style.add_modifier(Modifier::REVERSED);
    }
    let quote: String = clean(&annotation.anchor.exact).chars().take(80).collect();
    Line::from(vec![
        Span::styled(format!("{} ", theme::marker(annotation)), style),
        Span::raw(quote),
    ])
}

pub(super) fn detail_lines<'a>(app: &App, annotation: &'a Annotation) -> Vec<Line<'a>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let kind = if annotation.is_unsupported() {
        "claim · UNSUPPORTED: @ to cite".to_string()
    } else if annotation.is_open_review() {
        "review · OPEN".to_string()
    } else {
        annotation.kind.to_string()
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(kind, theme::annotation(annotation, app.color)),
            Span::raw(format!(" · {} · ", annotation.id)),
            Span::styled(
                annotation.state.as_str(),
                theme::state(annotation.state, app.color),
            ),
        ]),
        Line::from(format!("« {} »", clean(&annotation.anchor.exact))),
    ];
    if !annotation.conflicts.is_empty() {
        lines.push(Line::styled(
            format!(
                "MERGE CONFLICT: {} other version(s) · M to settle",
                annotation.conflicts.len()
            ),
            theme::error(app.color),
        ));
    }
    if !annotation.body.trim().is_empty() {
        lines.push(Line::from(""));
        lines.extend(annotation.body.lines().map(|l| Line::from(clean(l))));
    }
    if !annotation.citations.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled("Cites", bold));
    }
    for citation in &annotation.citations {
        let locator = citation
            .locator
            .as_ref()
            .map(|l| format!(", {}", l.text))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {} {}{locator}",
            citation.relation.as_str(),
            clean(&citation.key)
        )));
    }
    if !annotation.tags.is_empty() {
        lines.push(Line::from(format!(
            "tags: {}",
            clean(&annotation.tags.join(", "))
        )));
    }
    lines.push(Line::from(format!("by {}", clean(&annotation.author))));
    lines
}
