//! The bottom line: workspace, branch, uncommitted changes, the last message and the focused pane's keys; or the prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::tui::action::Command;
use crate::tui::app::{App, Pane, PromptKind};
use crate::tui::keymap::Scope;
use crate::tui::layout::wrap::clean;

/// The commands each pane offers, shown as key hints.
pub fn commands(pane: Pane, selecting: bool) -> &'static [Command] {
    match (pane, selecting) {
        (Pane::Text, false) => &[
            Command::Select,
            Command::SelectSentence,
            Command::AnnotationNext,
            Command::Cite,
            Command::Help,
        ],
        (Pane::Text, true) => &[
            Command::Claim,
            Command::Highlight,
            Command::Note,
            Command::Question,
            Command::Cancel,
        ],
        (Pane::Sources, _) => &[Command::Confirm, Command::FocusNext, Command::Help],
        (Pane::Annotations, _) => &[Command::Cite, Command::Edit, Command::Delete, Command::Help],
    }
}

/// The key hints for what has the keys now: a screen, or the focused pane of the reader.
fn current_commands(app: &App) -> &'static [Command] {
    match app.scope() {
        Scope::Claims => &[
            Command::Confirm,
            Command::Filter,
            Command::OnlyUnsupported,
            Command::OnlyAnchorProblems,
            Command::Cancel,
        ],
        Scope::References => &[Command::Filter, Command::Confirm, Command::Cancel],
        Scope::Orphans => &[
            Command::ConfirmAnchor,
            Command::Reattach,
            Command::Confirm,
            Command::Cancel,
        ],
        Scope::Conflicts => &[
            Command::KeepOurs,
            Command::KeepTheirs,
            Command::KeepBoth,
            Command::Confirm,
            Command::Cancel,
        ],
        Scope::History => &[
            Command::ByAuthor,
            Command::BySource,
            Command::FocusNext,
            Command::Confirm,
            Command::Cancel,
        ],
        Scope::Review => &[
            Command::Next,
            Command::Comment,
            Command::MarkReviewed,
            Command::Confirm,
            Command::Cancel,
        ],
        Scope::Prompt => &[Command::Confirm, Command::Cancel],
        Scope::Reader if app.reattach.is_some() && app.anchor.is_some() => {
            &[Command::Reattach, Command::Cancel]
        }
        _ => commands(app.focus, app.anchor.is_some()),
    }
}

pub fn hint_line(app: &App, scope: Scope, commands: &[Command]) -> Line<'static> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut spans = Vec::new();
    for command in commands {
        if let Some(key) = app.keymap.key_for(scope, *command) {
            spans.push(Span::styled(key.to_string(), bold));
            let name = match (scope, command) {
                (
                    Scope::Claims
                    | Scope::References
                    | Scope::Orphans
                    | Scope::Conflicts
                    | Scope::History
                    | Scope::Review,
                    Command::Cancel,
                ) => "back",
                (Scope::Editor, Command::FocusNext) => "next field",
                _ => short(*command),
            };
            spans.push(Span::raw(format!(" {name}  ")));
        }
    }
    Line::from(spans)
}

fn short(command: Command) -> &'static str {
    match command {
        Command::Select => "select",
        Command::SelectSentence => "sentence",
        Command::AnnotationNext => "next note",
        Command::Confirm => "choose",
        Command::FocusNext => "pane",
        Command::Complete => "relation",
        Command::Erase => "erase",
        Command::Down => "down",
        Command::Up => "up",
        Command::Filter => "filter",
        Command::OnlyUnsupported => "unsupported",
        Command::OnlyAnchorProblems => "fuzzy/orphaned",
        Command::ConfirmAnchor => "accept",
        Command::KeepOurs => "ours",
        Command::KeepTheirs => "theirs",
        Command::KeepBoth => "both",
        Command::ByAuthor => "author",
        Command::BySource => "source",
        Command::MarkReviewed => "mark reviewed",
        other => other.name(),
    }
}

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    if let Some(prompt) = &app.prompt {
        let lead = match (prompt.kind, &prompt.about) {
            (PromptKind::Command, _) => ":".to_string(),
            (PromptKind::Search, _) => "/".to_string(),
            (PromptKind::Comment, Some((_, id))) => format!("comment on {}: ", clean(id)),
            (PromptKind::Comment, None) => "comment: ".to_string(),
        };
        let line = Line::from(vec![
            Span::raw(lead),
            Span::raw(clean(&prompt.text)),
            Span::styled(" ", theme::selection()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let pending = match app.data.pending {
        None => "counting changes…".to_string(),
        Some(0) => "committed".to_string(),
        Some(n) => format!("{n} uncommitted"),
    };
    let mut spans = vec![Span::styled(
        format!(
            " {} · {} · {pending} ",
            clean(&app.data.workspace),
            clean(&app.data.branch)
        ),
        Style::default().add_modifier(Modifier::REVERSED),
    )];
    if !app.status.text.is_empty() {
        let style = if app.status.error {
            theme::error(app.color)
        } else {
            Style::default()
        };
        spans.push(Span::styled(
            format!(" {} ", clean(&app.status.text)),
            style,
        ));
    }
    let scope = app.scope();
    let hints = hint_line(app, scope, current_commands(app));
    let used: usize = spans.iter().map(Span::width).sum();
    let room = usize::from(area.width).saturating_sub(used);
    if hints.width() + 2 <= room {
        spans.push(Span::raw(" ".repeat(room - hints.width())));
        spans.extend(hints.spans);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
