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
    let unread = app.data.unread();
    let title = match unread {
        0 => " Sources ".to_string(),
        n => format!(
            " Sources {}/{} ",
            app.data.sources.len() - n,
            app.data.sources.len()
        ),
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme::focused_border(focused, app.color));
    let height = usize::from(area.height.saturating_sub(2));
    let lines: Vec<Line<'_>> = app
        .data
        .sources
        .iter()
        .enumerate()
        .skip(offset(app, height))
        .take(height)
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

/// The index of the first source shown in `height` rows, so that the highlighted one is visible.
pub fn offset(app: &App, height: usize) -> usize {
    let shown = if app.focus == Pane::Sources {
        app.sources_cursor
    } else {
        app.source
    };
    super::list_offset(Some(shown), height)
}
