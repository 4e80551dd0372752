//! The conflicts screen: annotations a merge left in conflict, ours and theirs side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::lists::{bold, column, render_list, render_panel};
use super::theme;
use crate::model::{Annotation, Conflict};
use crate::tui::app::App;
use crate::tui::layout::wrap::clean;
use crate::tui::screens::Conflicts;

pub fn render(app: &App, conflicts: &Conflicts, frame: &mut Frame<'_>, area: Rect) {
    let [list, versions] =
        Layout::vertical([Constraint::Percentage(35), Constraint::Fill(1)]).areas(area);
    let title = format!(
        " Merge conflicts: {} · o keep ours · t keep theirs · b keep both · n/p their versions ",
        conflicts.rows.len()
    );
    render_list(
        app,
        frame,
        list,
        title,
        (conflicts.cursor, conflicts.rows.len()),
        |i| {
            let Some((source, a)) = conflicts.rows.get(i).and_then(|p| app.at_place(*p)) else {
                return Line::from("");
            };
            Line::from(vec![
                Span::styled(
                    format!("{} ", theme::marker(a)),
                    theme::annotation(a, app.color),
                ),
                Span::raw(column(&format!("{} {}", a.kind, a.id), 18)),
                Span::raw(column(&clean(&source), 16)),
                Span::raw(format!(" « {} »", clean(&a.anchor.exact))),
            ])
        },
    );
    let [ours, theirs] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(versions);
    let Some((_, a)) = conflicts.current().and_then(|p| app.at_place(p)) else {
        let none = vec![Line::from(
            "no merge conflict: every annotation has one version",
        )];
        render_panel(app, frame, versions, "Versions", none);
        return;
    };
    render_panel(app, frame, ours, "Ours (o)", version_lines(a));
    let at = conflicts.version.min(a.conflicts.len().saturating_sub(1));
    let title = format!(
        "Theirs {} of {} (t; b keeps both)",
        at + 1,
        a.conflicts.len()
    );
    let lines = match a.conflicts.get(at) {
        Some(Conflict::Changed(other)) => version_lines(other),
        Some(Conflict::Deleted) => vec![
            Line::from(bold("deleted on the other side")),
            Line::from("t deletes it here too; o or b keep it"),
        ],
        None => Vec::new(),
    };
    render_panel(app, frame, theirs, &title, lines);
}

fn version_lines(a: &Annotation) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(vec![
            bold(format!("{} ", a.kind)),
            Span::raw(format!("by {}", clean(&a.author))),
        ]),
        Line::from(format!("updated {}", a.updated)),
        Line::from(format!("« {} »", clean(&a.anchor.exact))),
    ];
    if !a.body.trim().is_empty() {
        lines.push(Line::from(""));
        lines.extend(a.body.lines().map(|l| Line::from(clean(l))));
    }
    if !a.citations.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(bold("Cites")));
    }
    for c in &a.citations {
        let locator = c
            .locator
            .as_ref()
            .map(|l| format!(", {}", l.text))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {} {}{locator}",
            c.relation.as_str(),
            clean(&c.key)
        )));
    }
    if !a.tags.is_empty() {
        lines.push(Line::from(format!("tags: {}", clean(&a.tags.join(", ")))));
    }
    lines
}
