//! The citation picker overlay: query, matches, the highlighted entry's fields, then locator and relation.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{centered, theme};
use crate::model::Relation;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::layout::wrap::clean;
use crate::tui::picker::{Picker, Stage};

pub fn render(app: &App, picker: &Picker, frame: &mut Frame<'_>, area: Rect) {
    let rect = centered(
        area,
        area.width.saturating_sub(8).max(40),
        area.height.saturating_sub(4),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" Cite a reference for claim {} ", picker.target))
        .border_style(theme::focused_border(true, app.color));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [query_area, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let [list_area, preview_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body);

    let bold = Style::default().add_modifier(Modifier::BOLD);
    let query = Line::from(vec![
        Span::styled("search: ", bold),
        Span::raw(clean(&picker.query)),
        cursor_mark(picker.stage == Stage::Search),
        Span::raw(match app.data.loading_note(true, false) {
            Some(note) => format!("   {note}"),
            None if picker.matching(&app.data.refs) => "   matching…".to_string(),
            None => format!("   {} of {}", picker.matches.len(), app.data.refs.len()),
        }),
    ]);
    frame.render_widget(Paragraph::new(query), query_area);

    let height = usize::from(list_area.height);
    let offset = (picker.selected + 1).saturating_sub(height.max(1));
    let lines: Vec<Line<'_>> = picker
        .matches
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .filter_map(|(i, index)| {
            let item = app.data.refs.get(*index)?;
            let style = if i == picker.selected {
                theme::selection()
            } else {
                Style::default()
            };
            Some(Line::from(vec![
                Span::styled(clean(&item.key), style.add_modifier(Modifier::BOLD)),
                Span::styled(format!("  {}", clean(&item.summary)), style),
            ]))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list_area);

    let preview = match &picker.stage {
        Stage::Search => preview(picker, app),
        Stage::Details {
            key,
            locator,
            relation,
        } => details(key, locator, *relation),
    };
    let preview_block = Block::bordered().border_style(theme::focused_border(false, app.color));
    frame.render_widget(
        Paragraph::new(preview)
            .block(preview_block)
            .wrap(Wrap { trim: false }),
        preview_area,
    );
    let hints = match picker.stage {
        Stage::Search => [
            Command::Confirm,
            Command::Down,
            Command::Up,
            Command::Cancel,
        ],
        Stage::Details { .. } => [
            Command::Confirm,
            Command::Complete,
            Command::Erase,
            Command::Cancel,
        ],
    };
    frame.render_widget(
        Paragraph::new(super::status::hint_line(app, Scope::Picker, &hints)),
        footer,
    );
}

fn cursor_mark(active: bool) -> Span<'static> {
    if active {
        Span::styled(" ", theme::selection())
    } else {
        Span::raw("")
    }
}

fn preview<'a>(picker: &Picker, app: &'a App) -> Vec<Line<'a>> {
    let Some(item) = picker.highlighted(&app.data.refs) else {
        if let Some(note) = app.data.loading_note(true, false) {
            return vec![Line::from(note)];
        }
        return vec![Line::from(
            "no reference matches: Backspace to widen the search",
        )];
    };
    let mut lines = vec![
        Line::styled(
            clean(&item.summary),
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Line::from(""),
    ];
    lines.extend(
        item.fields
            .iter()
            .map(|(name, value)| Line::from(format!("{name}: {}", clean(value)))),
    );
    lines
}

fn details(key: &str, locator: &str, relation: Relation) -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let relations: Vec<Span<'static>> = Relation::ALL
        .iter()
        .map(|r| {
            let style = if *r == relation {
                theme::selection()
            } else {
                Style::default()
            };
            Span::styled(format!(" {} ", r.as_str()), style)
        })
        .collect();
    vec![
        Line::from(vec![Span::styled("cite ", bold), Span::raw(clean(key))]),
        Line::from(""),
        Line::from(vec![
            Span::styled("locator: ", bold),
            Span::raw(clean(locator)),
            Span::styled(" ", theme::selection()),
        ]),
        Line::from("  e.g. p. 4, pp. 12-15, art. 225-5, § 12 (empty: none)"),
        Line::from(""),
        Line::from([vec![Span::styled("relation:", bold)], relations].concat()),
        Line::from("  Tab changes it; Enter cites"),
    ]
}
