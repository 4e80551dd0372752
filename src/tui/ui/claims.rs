//! The claims board: every claim with its source, anchor state and citations; the highlighted one's detail below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::lists::{bold, column, render_list, render_panel};
use super::{annotations, theme};
use crate::model::AnchorState;
use crate::tui::app::App;
use crate::tui::layout::wrap::clean;
use crate::tui::screens::Board;

pub fn render(app: &App, board: &Board, frame: &mut Frame<'_>, area: Rect) {
    let [header, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(60),
        Constraint::Fill(1),
    ])
    .areas(area);
    let toggle = |on: bool, text: &str| {
        if on {
            format!("[{text}] ")
        } else {
            String::new()
        }
    };
    let typing = if board.typing { "▏" } else { "" };
    frame.render_widget(
        Line::from(vec![
            bold(" filter: "),
            Span::raw(format!("{}{typing}  ", clean(&board.filter))),
            Span::raw(toggle(board.unsupported, "unsupported only")),
            Span::raw(toggle(board.anchors, "fuzzy/orphaned only")),
            Span::raw("(/ #tag @key in:source words · u unsupported · a anchors)"),
        ]),
        header,
    );
    let total = app
        .data
        .sources
        .iter()
        .flat_map(|d| &d.annotations)
        .filter(|a| a.kind == crate::model::Kind::Claim)
        .count();
    let title = match app.data.loading_note(false, true) {
        Some(note) => format!(" Claims {} of {total} so far, {note} ", board.rows.len()),
        None => format!(" Claims {} of {total} ", board.rows.len()),
    };
    render_list(
        app,
        frame,
        list,
        title,
        (board.cursor, board.rows.len()),
        |i| {
            let Some((source, a)) = board.rows.get(i).and_then(|p| app.at_place(*p)) else {
                return Line::from("");
            };
            let state = match a.state {
                AnchorState::Exact => "",
                other => other.as_str(),
            };
            let keys: Vec<String> = a
                .citations
                .iter()
                .map(|c| match &c.locator {
                    Some(l) => format!("{} {}", c.key, l.text),
                    None => c.key.clone(),
                })
                .collect();
            Line::from(vec![
                Span::styled(
                    format!("{} ", theme::marker(a)),
                    theme::annotation(a, app.color),
                ),
                Span::raw(column(&clean(&source), 16)),
                Span::styled(column(state, 9), theme::state(a.state, app.color)),
                Span::raw(column(&clean(&keys.join("; ")), 28)),
                Span::raw(format!(" « {} »", clean(&a.anchor.exact))),
            ])
        },
    );
    let lines = board.current().and_then(|p| app.at_place(p)).map_or_else(
        || vec![Line::from("no claim matches the filter")],
        |(_, a)| annotations::detail_lines(app, a),
    );
    render_panel(
        app,
        frame,
        detail,
        "Claim (Enter: show it in its source)",
        lines,
    );
}
