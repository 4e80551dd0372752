//! The help overlay: every binding of the keymap, grouped by where it applies.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{centered, theme};
use crate::tui::app::App;
use crate::tui::keymap::{Keymap, Scope};

/// The help text, one line per command, generated from the keymap.
pub fn lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = Vec::new();
    for scope in Scope::ALL {
        let grouped = keymap.grouped(scope);
        if grouped.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::styled(scope.title(), bold));
        for (command, keys) in grouped {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(" ")), bold),
                Span::raw(format!("{}  ", command.describe())),
                Span::styled(command.name(), Style::default().add_modifier(Modifier::DIM)),
            ]));
        }
    }
    lines
}

/// The help as plain text, one line per binding.
pub fn text(keymap: &Keymap) -> String {
    lines(keymap)
        .iter()
        .map(|line| format!("{line}\n"))
        .collect()
}

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect, scroll: u16) {
    let rect = centered(area, 76, area.height.saturating_sub(2));
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(" Keys (j/k scroll, Esc closes; names in dim go in glose.toml [keys]) ")
        .border_style(theme::focused_border(true, app.color));
    frame.render_widget(
        Paragraph::new(lines(&app.keymap))
            .block(block)
            .scroll((scroll, 0)),
        rect,
    );
}
