//! The sources pane: one line per source, with its count of unsupported claims.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::tui::app::{App, Pane};
use crate::tui::layout::wrap::clean;

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let focused = app.focus == Pane::Sources;
    let block = Block::bordered()
        .title(" Sources ")
        .border_style(theme::focused_border(focused, app.color));
    let lines: Vec<Line<'_>> = app
        .data
        .sources
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let unsupported = doc
                .annotations
                .iter()
                .filter(|a| a.is_unsupported())
                .count();
            let mut style = Style::default();
            if i == app.source {
                style = style.add_modifier(Modifier::BOLD);
            }
            if focused && i == app.sources_cursor {
                style = style.add_modifier(Modifier::REVERSED);
            }
            let mut spans = vec![Span::styled(clean(&doc.id), style)];
            if unsupported > 0 {
                spans.push(Span::styled(
                    format!(" !{unsupported}"),
                    theme::error(app.color),
                ));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
