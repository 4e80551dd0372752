//! The references screen: the library fuzzy-filtered; an entry's fields, the claims citing it, and the .bib's problems.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::lists::{bold, render_list, render_panel};
use super::theme;
use crate::tui::app::App;
use crate::tui::data::RefItem;
use crate::tui::layout::wrap::clean;
use crate::tui::screens::RefList;

pub fn render(app: &App, list: &RefList, frame: &mut Frame<'_>, area: Rect) {
    let problems = app.data.diagnostics.len();
    let problems_height = if problems == 0 {
        0
    } else {
        (problems as u16 + 2).min(area.height / 3)
    };
    let [header, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(problems_height),
    ])
    .areas(area);
    let typing = if list.typing { "▏" } else { "" };
    frame.render_widget(
        Line::from(vec![
            bold(" search: "),
            Span::raw(format!("{}{typing}  ", clean(&list.query))),
            Span::raw("(/ to type · Enter: its claims on the board)"),
        ]),
        header,
    );
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(body);
    let title = match app.data.loading_note(true, false) {
        Some(note) => format!(" References: {note} "),
        None if list.matching(&app.data.refs) => " References: matching… ".to_string(),
        None => format!(
            " References {} of {} ",
            list.matches.len(),
            app.data.refs.len()
        ),
    };
    render_list(
        app,
        frame,
        left,
        title,
        (list.cursor, list.matches.len()),
        |i| {
            let Some(item) = list.matches.get(i).and_then(|r| app.data.refs.get(*r)) else {
                return Line::from("");
            };
            Line::from(vec![
                bold(clean(&item.key)),
                Span::raw(format!("  {}", clean(&item.summary))),
            ])
        },
    );
    let lines = list.current(&app.data.refs).map_or_else(
        || vec![Line::from("no reference matches")],
        |item| entry_lines(app, item),
    );
    render_panel(app, frame, right, "Entry", lines);
    if problems > 0 {
        let lines = app
            .data
            .diagnostics
            .iter()
            .map(|d| Line::styled(clean(d), theme::error(app.color)))
            .collect();
        render_panel(
            app,
            frame,
            bottom,
            &format!("Problems in the .bib files: {problems}"),
            lines,
        );
    }
}

fn entry_lines<'a>(app: &'a App, item: &'a RefItem) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::from(bold(clean(&item.summary))),
        Line::from(format!("@{} · {}", clean(&item.key), clean(&item.place))),
        Line::from(""),
    ];
    lines.extend(
        item.fields.iter().map(|(name, value)| {
            Line::from(vec![bold(format!("{name}: ")), Span::raw(clean(value))])
        }),
    );
    let citing: Vec<Line<'a>> = app
        .data
        .sources
        .iter()
        .flat_map(|doc| doc.annotations.iter().map(move |a| (doc, a)))
        .filter_map(|(doc, a)| {
            let citation = a.citations.iter().find(|c| c.key == item.key)?;
            let locator = citation
                .locator
                .as_ref()
                .map(|l| format!(", {}", l.text))
                .unwrap_or_default();
            Some(Line::from(format!(
                "  {} {}{locator}: « {} »",
                clean(&doc.id),
                citation.relation.as_str(),
                clean(&a.anchor.exact)
            )))
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(bold(format!(
        "Cited by {} claims",
        citing.len()
    ))));
    lines.extend(citing);
    lines
}
