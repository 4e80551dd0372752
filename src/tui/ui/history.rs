//! The history screen: commits on the left, the selected commit's changes on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::changes::{self, commit_line};
use super::lists::{render_list, render_panel};
use crate::tui::app::App;
use crate::tui::screens::HistoryView;

pub fn render(app: &App, view: &HistoryView, frame: &mut Frame<'_>, area: Rect) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(area);
    let Some(history) = &view.history else {
        render_panel(
            app,
            frame,
            area,
            "History",
            vec![Line::from("reading the history…")],
        );
        return;
    };
    let title = format!(
        " History {} · a: {} · s: {} ",
        view.rows.len(),
        view.author.as_deref().map_or("all".to_string(), |a| a
            .split(" <")
            .next()
            .unwrap_or(a)
            .to_string()),
        view.source.as_deref().unwrap_or("all")
    );
    render_list(
        app,
        frame,
        left,
        title,
        (view.cursor, view.rows.len()),
        |i| {
            view.rows
                .get(i)
                .and_then(|c| history.commits.get(*c))
                .map_or_else(|| Line::from(""), |c| Line::from(commit_line(c)))
        },
    );
    let items = view.items();
    let title = match view.current() {
        Some(commit) => format!(
            " {} · {} change(s) · Tab, then Enter shows one in the reader ",
            changes::short_id(&commit.commit.id),
            items.len()
        ),
        None => " Changes ".to_string(),
    };
    let line = |i: usize| {
        items.get(i).map_or_else(
            || Line::from(""),
            |item| {
                let mut spans = vec![Span::raw(changes::headline(*item))];
                if let Some(quote) = changes::quote(*item) {
                    spans.push(Span::raw(format!(" « {quote} »")));
                }
                Line::from(spans)
            },
        )
    };
    if view.on_changes {
        render_list(app, frame, right, title, (view.change, items.len()), line);
    } else if items.is_empty() {
        let empty = "no change to notes or references in this commit";
        render_panel(app, frame, right, title.trim(), vec![Line::from(empty)]);
    } else {
        let shown = items.len().min(usize::from(right.height));
        let lines = (0..shown).map(line).collect();
        render_panel(app, frame, right, title.trim(), lines);
    }
}
