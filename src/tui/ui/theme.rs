//! Styles by annotation kind, in 16 colours, or with modifiers only under `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{AnchorState, Annotation, Kind};

/// The style of an annotation in the text and the lists; a merge conflict or an open review stands out.
pub fn annotation(annotation: &Annotation, color: bool) -> Style {
    let base = Style::default();
    let unsupported = annotation.is_unsupported();
    if !annotation.conflicts.is_empty() {
        return if color {
            base.fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            base.add_modifier(Modifier::REVERSED | Modifier::BOLD)
        };
    }
    match (annotation.kind, color) {
        (Kind::Review, true) if annotation.is_open_review() => base
            .fg(Color::Black)
            .bg(Color::LightBlue)
            .add_modifier(Modifier::BOLD),
        (Kind::Review, false) if annotation.is_open_review() => {
            base.add_modifier(Modifier::ITALIC | Modifier::BOLD | Modifier::UNDERLINED)
        }
        (Kind::Claim, true) if unsupported => base
            .fg(Color::Red)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        (Kind::Claim, true) => base.fg(Color::Green).add_modifier(Modifier::UNDERLINED),
        (Kind::Highlight, true) => base.fg(Color::Black).bg(Color::Yellow),
        (Kind::Note, true) => base.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
        (Kind::Question, true) => base.fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
        (Kind::Review, true) => base.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
        (Kind::Claim, false) if unsupported => {
            base.add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::SLOW_BLINK)
        }
        (Kind::Claim, false) => base.add_modifier(Modifier::UNDERLINED),
        (_, false) => base.add_modifier(Modifier::ITALIC),
    }
}

/// A one-character marker for lists: X merge conflict, ! unsupported claim, C claim, H, N, ?,
/// R open review comment, r other review comment.
pub fn marker(annotation: &Annotation) -> &'static str {
    if !annotation.conflicts.is_empty() {
        return "X";
    }
    match annotation.kind {
        Kind::Claim if annotation.is_unsupported() => "!",
        Kind::Claim => "C",
        Kind::Highlight => "H",
        Kind::Note => "N",
        Kind::Question => "?",
        Kind::Review if annotation.is_open_review() => "R",
        Kind::Review => "r",
    }
}

pub fn state(state: AnchorState, color: bool) -> Style {
    match (state, color) {
        (AnchorState::Exact, _) => Style::default(),
        (_, true) => Style::default().fg(Color::Yellow),
        (_, false) => Style::default().add_modifier(Modifier::BOLD),
    }
}

pub fn selection() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn search(color: bool) -> Style {
    if color {
        Style::default().fg(Color::Black).bg(Color::LightCyan)
    } else {
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}

pub fn focused_border(focused: bool, color: bool) -> Style {
    match (focused, color) {
        (true, true) => Style::default().fg(Color::Cyan),
        (true, false) => Style::default().add_modifier(Modifier::BOLD),
        (false, _) => Style::default().add_modifier(Modifier::DIM),
    }
}

pub fn error(color: bool) -> Style {
    if color {
        Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::BOLD)
    }
}
