//! The annotation editor overlay: the quote, the note in a text area, the tags and the kind.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::lists::bold;
use super::{centered, theme};
use crate::model::Kind;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::editor::{Editor, Field};
use crate::tui::keymap::Scope;
use crate::tui::layout::wrap::clean;

pub fn render(app: &App, editor: &Editor, frame: &mut Frame<'_>, area: Rect) {
    let rect = centered(
        area,
        area.width.saturating_sub(8).max(40),
        area.height.saturating_sub(4),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" Edit {} {} ", editor.kind, editor.id))
        .border_style(theme::focused_border(true, app.color));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [quote, body, tags, kind, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(format!("« {} »", clean(&editor.quote))).wrap(Wrap { trim: true }),
        quote,
    );
    let body_block =
        Block::bordered()
            .title(" Note (Markdown) ")
            .border_style(theme::focused_border(
                editor.field == Field::Body,
                app.color,
            ));
    let body_inner = body_block.inner(body);
    frame.render_widget(body_block, body);
    frame.render_widget(&editor.body, body_inner);
    let marker = |field: Field| if editor.field == field { "▶ " } else { "  " };
    let cursor = |field: Field| {
        if editor.field == field {
            Span::styled(" ", theme::selection())
        } else {
            Span::raw("")
        }
    };
    frame.render_widget(
        Line::from(vec![
            Span::raw(marker(Field::Tags)),
            bold("tags: "),
            Span::raw(clean(&editor.tags)),
            cursor(Field::Tags),
        ]),
        tags,
    );
    let mut spans = vec![Span::raw(marker(Field::Kind)), bold("kind: ")];
    spans.extend(Kind::FROM_SELECTION.iter().map(|k| {
        let style = if *k == editor.kind {
            theme::selection()
        } else {
            Style::default()
        };
        Span::styled(format!(" {} ", k.as_str()), style)
    }));
    frame.render_widget(Line::from(spans), kind);
    let hints = [Command::Save, Command::FocusNext, Command::Cancel];
    frame.render_widget(
        Paragraph::new(super::status::hint_line(app, Scope::Editor, &hints)),
        footer,
    );
}
