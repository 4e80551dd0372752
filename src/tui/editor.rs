//! The annotation editor's state: the note in a text area, the tags, the kind, and what changed.

use crossterm::event::KeyCode;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use super::keymap::Key;
use crate::model::{Annotation, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Body,
    Tags,
    Kind,
}

#[derive(Debug, Clone)]
pub struct Editor {
    pub source: String,
    pub id: String,
    pub quote: String,
    pub field: Field,
    pub body: TextArea<'static>,
    pub tags: String,
    pub kind: Kind,
    old_body: String,
    old_tags: Vec<String>,
    old_kind: Kind,
}

/// The fields to change, as `ops::edit` takes them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EditChange {
    pub body: Option<String>,
    pub kind: Option<Kind>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    pub confirm: bool,
}

impl Editor {
    pub fn new(source: String, annotation: &Annotation) -> Editor {
        let mut body = TextArea::new(annotation.body.lines().map(String::from).collect());
        body.set_wrap_mode(WrapMode::WordOrGlyph);
        body.set_cursor_line_style(Style::default());
        body.move_cursor(ratatui_textarea::CursorMove::Bottom);
        body.move_cursor(ratatui_textarea::CursorMove::End);
        Editor {
            source,
            id: annotation.id.to_string(),
            quote: annotation.anchor.exact.clone(),
            field: Field::Body,
            body,
            tags: annotation.tags.iter().map(|t| format!("{t} ")).collect(),
            kind: annotation.kind,
            old_body: annotation.body.clone(),
            old_tags: annotation.tags.clone(),
            old_kind: annotation.kind,
        }
    }

    /// Moves to the next (or previous) field.
    pub fn cycle(&mut self, forward: bool) {
        let order = [Field::Body, Field::Tags, Field::Kind];
        let at = order.iter().position(|f| *f == self.field).unwrap_or(0);
        self.field = order[(at + if forward { 1 } else { 2 }) % 3];
        let cursor = if self.field == Field::Body {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        self.body.set_cursor_style(cursor);
    }

    /// A key typed into the focused field; returns a message when the key does nothing there.
    pub fn key(&mut self, key: Key) -> Option<&'static str> {
        match self.field {
            Field::Body => {
                self.body.input(key.to_event());
                None
            }
            Field::Tags => {
                match key.code {
                    KeyCode::Char(c) if !key.ctrl && !key.alt => self.tags.push(c),
                    KeyCode::Backspace => {
                        self.tags.pop();
                    }
                    _ => return Some("tags: type them separated by spaces; Tab moves on"),
                }
                None
            }
            Field::Kind => {
                if self.old_kind == Kind::Review {
                    return Some("a review comment keeps its kind");
                }
                let step = match key.code {
                    KeyCode::Left | KeyCode::Char('h') => Kind::FROM_SELECTION.len() - 1,
                    KeyCode::Right | KeyCode::Char('l' | ' ') => 1,
                    _ => return Some("kind: ← and → (or h, l, space) change it"),
                };
                let all = Kind::FROM_SELECTION;
                let at = all.iter().position(|k| *k == self.kind).unwrap_or(0);
                self.kind = all[(at + step) % all.len()];
                None
            }
        }
    }

    /// The body as typed, lines joined.
    pub fn body_text(&self) -> String {
        self.body.lines().join("\n")
    }

    /// What the user changed; `None` when nothing did.
    pub fn change(&self) -> Option<EditChange> {
        let body = self.body_text();
        let tags = parse_tags(&self.tags);
        let change = EditChange {
            body: (body.trim_end() != self.old_body.trim_end()).then_some(body),
            kind: (self.kind != self.old_kind).then_some(self.kind),
            add_tags: tags
                .iter()
                .filter(|t| !self.old_tags.contains(t))
                .cloned()
                .collect(),
            remove_tags: self
                .old_tags
                .iter()
                .filter(|t| !tags.contains(t))
                .cloned()
                .collect(),
            confirm: false,
        };
        (change != EditChange::default()).then_some(change)
    }
}

/// Tags typed as words separated by spaces or commas, with or without a leading `#`.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(|c: char| c.is_whitespace() || c == ',') {
        let tag = tag.trim_start_matches('#');
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, AnchorState, AnnotationId};

    fn note() -> Annotation {
        Annotation {
            id: AnnotationId("abcd1234".into()),
            kind: Kind::Note,
            anchor: Anchor {
                exact: "quote".into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                end: 5,
            },
            state: AnchorState::Exact,
            body: "first".into(),
            tags: vec!["old".into(), "keep".into()],
            author: String::new(),
            created: String::new(),
            updated: String::new(),
            citations: vec![],
            reply_to: None,
            status: None,
            conflicts: vec![],
        }
    }

    #[test]
    fn typing_in_each_field_gives_the_change() {
        let mut editor = Editor::new("s".into(), &note());
        assert_eq!(editor.change(), None);
        for c in " line".chars() {
            editor.key(Key::char(c));
        }
        editor.key(Key::parse("enter").unwrap());
        editor.key(Key::char('2'));
        editor.cycle(true);
        for _ in 0..5 {
            editor.key(Key::parse("backspace").unwrap());
        }
        editor.key(Key::char('#'));
        editor.key(Key::char('n'));
        editor.cycle(true);
        editor.key(Key::parse("right").unwrap());
        let change = editor.change().expect("a change");
        assert_eq!(change.body.as_deref(), Some("first line\n2"));
        assert_eq!(change.kind, Some(Kind::Claim));
        assert_eq!(change.add_tags, vec!["n".to_string()]);
        assert_eq!(change.remove_tags, vec!["keep".to_string()]);
    }

    #[test]
    fn tags_split_on_spaces_and_commas() {
        assert_eq!(parse_tags("#a, b  c,,a"), vec!["a", "b", "c"]);
    }
}
