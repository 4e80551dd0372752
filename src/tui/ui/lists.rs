//! Pieces shared by the full-screen lists: a scrolled list with a highlighted row, a header line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme;
use crate::tui::app::App;

/// Draws `count` rows in a bordered block, made by `row` for the visible ones only, `cursor` highlighted.
pub fn render_list<'a>(
    app: &App,
    frame: &mut Frame<'_>,
    area: Rect,
    title: String,
    (cursor, count): (usize, usize),
    row: impl Fn(usize) -> Line<'a>,
) {
    let block = Block::bordered()
        .title(title)
        .border_style(theme::focused_border(true, app.color));
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let offset = (cursor + 1).saturating_sub(height);
    let lines: Vec<Line<'a>> = (offset..count.min(offset + height))
        .map(|i| {
            let line = row(i);
            if i == cursor {
                line.patch_style(theme::selection())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A bordered, wrapped panel of lines.
pub fn render_panel(
    app: &App,
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    lines: Vec<Line<'_>>,
) {
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme::focused_border(false, app.color));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

pub fn bold(text: impl Into<String>) -> Span<'static> {
    Span::styled(text.into(), Style::default().add_modifier(Modifier::BOLD))
}

/// `text` cut to `width` characters, padded to it.
pub fn column(text: &str, width: usize) -> String {
    let cut: String = text.chars().take(width).collect();
    format!("{cut:<width$}")
}
