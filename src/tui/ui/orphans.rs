//! The orphans screen: fuzzy and orphaned annotations, their old and current quotes, what to do with each.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::lists::{bold, column, render_list, render_panel};
use super::theme;
use crate::model::AnchorState;
use crate::tui::app::App;
use crate::tui::layout::wrap::clean;
use crate::tui::screens::Orphans;

pub fn render(app: &App, orphans: &Orphans, frame: &mut Frame<'_>, area: Rect) {
    let [list, detail] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(area);
    let mut title = format!(" Fuzzy and orphaned annotations: {} ", orphans.rows.len());
    if let Some(note) = app.data.loading_note(false, true) {
        title = format!("{title}so far, {note} ");
    }
    render_list(
        app,
        frame,
        list,
        title,
        (orphans.cursor, orphans.rows.len()),
        |i| {
            let Some((source, a)) = orphans.rows.get(i).and_then(|p| app.at_place(*p)) else {
                return Line::from("");
            };
            Line::from(vec![
                Span::styled(
                    format!("{} ", theme::marker(a)),
                    theme::annotation(a, app.color),
                ),
                Span::styled(
                    column(a.state.as_str(), 9),
                    theme::state(a.state, app.color),
                ),
                Span::raw(column(&clean(&source), 16)),
                Span::raw(format!(" « {} »", clean(&a.anchor.exact))),
            ])
        },
    );
    let Some(((source, a), place)) = orphans
        .current()
        .and_then(|p| app.at_place(p).map(|found| (found, p)))
    else {
        render_panel(
            app,
            frame,
            detail,
            "Detail",
            vec![Line::from("every anchor is exact")],
        );
        return;
    };
    let old = app
        .data
        .sources
        .get(place.0)
        .and_then(|d| d.old_quote(&a.id.0));
    let mut lines = vec![Line::from(vec![
        bold(format!("{} {} ", a.kind, a.id)),
        Span::raw(format!("in {} · ", clean(&source))),
        Span::styled(a.state.as_str(), theme::state(a.state, app.color)),
    ])];
    match a.state {
        AnchorState::Fuzzy => {
            lines.push(Line::from(vec![
                bold("now:  "),
                Span::raw(format!("« {} »", clean(&a.anchor.exact))),
            ]));
            if let Some(old) = old {
                lines.push(Line::from(vec![
                    bold("was:  "),
                    Span::raw(format!("« {} »", clean(old))),
                ]));
            }
            lines.push(Line::from(
                "y accepts this match · Enter shows it · r re-attaches to the selected words",
            ));
        }
        _ => {
            lines.push(Line::from(vec![
                bold("old quote: "),
                Span::raw(format!("« {} »", clean(&a.anchor.exact))),
            ]));
            lines.push(Line::from(
                "Enter shows where it was: select the new words there, then r",
            ));
        }
    }
    if !a.body.trim().is_empty() {
        lines.push(Line::from(""));
        lines.extend(a.body.lines().map(|l| Line::from(clean(l))));
    }
    render_panel(app, frame, detail, "Detail", lines);
}
