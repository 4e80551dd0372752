//! The reader's commands: moving, selecting, annotating, and the sources and annotations panes.

use super::motion;
use super::{App, Overlay, Pane};
use crate::model::{AnchorState, Kind};
use crate::tui::action::Command;
use crate::tui::effects::Effect;
use crate::tui::layout::rows;
use crate::tui::picker::Picker;
use crate::tui::sentence;

impl App {
    pub(super) fn reader_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(doc) = self.doc() else {
            self.say("no source yet: add one with `glose add FILE`");
            return Vec::new();
        };
        let text = &doc.text;
        let (width, height) = self.text_size();
        let at = self.cursor;
        let selecting = self.anchor.is_some();
        let goal = self
            .goal
            .unwrap_or_else(|| rows::column(doc, &rows::row_at(doc, width, at), at));
        let moved = match command {
            Command::Left => Some(motion::prev_char(text, at)),
            Command::Right => Some(motion::next_char(text, at)),
            Command::Down => Some(motion::vertical(doc, width, at, goal, true)),
            Command::Up => Some(motion::vertical(doc, width, at, goal, false)),
            Command::WordNext if selecting => {
                Some(motion::word_end(text, motion::next_char(text, at)))
            }
            Command::WordNext => Some(motion::next_word(text, at)),
            Command::WordPrev => Some(motion::prev_word(text, at)),
            Command::SentenceNext => Some(motion::next_sentence(text, at)),
            Command::SentencePrev => Some(motion::prev_sentence(text, at)),
            Command::ParagraphNext => Some(motion::next_paragraph(doc, at)),
            Command::ParagraphPrev => Some(motion::prev_paragraph(doc, at)),
            Command::Top => Some(0),
            Command::Bottom => Some(text.len()),
            Command::PageDown | Command::PageUp => {
                let down = command == Command::PageDown;
                Some((1..height).fold(at, |at, _| motion::vertical(doc, width, at, goal, down)))
            }
            _ => None,
        };
        if let Some(to) = moved {
            let vertical = matches!(
                command,
                Command::Up | Command::Down | Command::PageUp | Command::PageDown
            );
            self.goal = vertical.then_some(goal);
            self.move_to(to);
            return Vec::new();
        }
        match command {
            Command::Select => {
                self.anchor = match self.anchor {
                    Some(_) => None,
                    None => Some(self.cursor),
                };
                Vec::new()
            }
            Command::SelectSentence => {
                if let Some(range) = sentence::sentence_at(text, at) {
                    self.anchor = Some(range.start);
                    self.move_to(range.end);
                }
                Vec::new()
            }
            Command::Cancel => {
                self.anchor = None;
                self.search = None;
                Vec::new()
            }
            Command::Reattach => self.reattach_selection(),
            Command::Highlight => self.annotate(Kind::Highlight),
            Command::Claim => self.annotate(Kind::Claim),
            Command::Note => self.annotate(Kind::Note),
            Command::Question => self.annotate(Kind::Question),
            Command::AnnotationNext | Command::AnnotationPrev => {
                self.step_annotation(command == Command::AnnotationNext);
                Vec::new()
            }
            Command::SearchNext | Command::SearchPrev => {
                self.search_step(command == Command::SearchNext);
                Vec::new()
            }
            Command::Confirm => {
                self.focus = Pane::Annotations;
                Vec::new()
            }
            _ => self.annotations_command(command),
        }
    }

    pub(super) fn sources_command(&mut self, command: Command) -> Vec<Effect> {
        let count = self.data.sources.len();
        match command {
            Command::Down => {
                self.sources_cursor = (self.sources_cursor + 1).min(count.saturating_sub(1));
            }
            Command::Up => self.sources_cursor = self.sources_cursor.saturating_sub(1),
            Command::Confirm => {
                let index = self.sources_cursor;
                self.open_source(index);
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn annotations_command(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Down | Command::Up => {
                self.step_annotation(command == Command::Down);
                Vec::new()
            }
            Command::Confirm => {
                self.focus = Pane::Text;
                Vec::new()
            }
            Command::Cite => self.open_picker(),
            Command::Delete => {
                let Some((source, annotation)) = self.selected_annotation() else {
                    self.say("no annotation selected: ] and [ move between them");
                    return Vec::new();
                };
                vec![Effect::Remove {
                    source,
                    id: annotation.id.to_string(),
                }]
            }
            _ => Vec::new(),
        }
    }

    pub fn open_source(&mut self, index: usize) {
        if index < self.data.sources.len() {
            self.source = index;
            self.sources_cursor = index;
            self.cursor = 0;
            self.top = 0;
            self.anchor = None;
            self.selected = None;
            self.focus = Pane::Text;
        }
    }

    fn selected_annotation(&self) -> Option<(String, crate::model::Annotation)> {
        let doc = self.doc()?;
        let annotation = doc.annotations.get(self.selected?)?;
        Some((doc.id.clone(), annotation.clone()))
    }

    fn annotate(&mut self, kind: Kind) -> Vec<Effect> {
        let (Some(range), Some(doc)) = (self.selection(), self.doc()) else {
            self.say("select some text first: v to start a selection, s for the sentence");
            return Vec::new();
        };
        let source = doc.id.clone();
        self.anchor = None;
        vec![Effect::Annotate {
            source,
            range,
            kind,
        }]
    }

    fn open_picker(&mut self) -> Vec<Effect> {
        match self.selected_annotation() {
            Some((source, annotation)) if annotation.kind == Kind::Claim => {
                let page = self
                    .doc()
                    .and_then(|doc| doc.pages.as_ref())
                    .filter(|_| annotation.state != AnchorState::Orphaned)
                    .and_then(|pages| {
                        pages.locator(annotation.anchor.start..annotation.anchor.end)
                    });
                let mut picker = Picker::new(annotation.id.to_string(), source, &self.data.refs);
                picker.default_locator = page.map(|p| p.text).unwrap_or_default();
                self.overlay = Overlay::Picker(Box::new(picker));
            }
            Some((_, annotation)) => self.say(format!(
                "only claims cite references; this is a {}",
                annotation.kind
            )),
            None => self.say("select a claim first: ] and [ move between annotations"),
        }
        Vec::new()
    }

    fn step_annotation(&mut self, forward: bool) {
        let Some(doc) = self.doc() else { return };
        let count = doc.annotations.len();
        if count == 0 {
            self.say("no annotation in this source yet");
            return;
        }
        let next = match (self.selected, forward) {
            (Some(i), true) => (i + 1).min(count - 1),
            (Some(i), false) => i.saturating_sub(1),
            (None, true) => doc
                .annotations
                .iter()
                .position(|a| a.anchor.start >= self.cursor)
                .unwrap_or(count - 1),
            (None, false) => doc
                .annotations
                .iter()
                .rposition(|a| a.anchor.start < self.cursor)
                .unwrap_or(0),
        };
        let start = super::floor_boundary(
            &doc.text,
            doc.annotations[next].anchor.start.min(doc.text.len()),
        );
        self.selected = Some(next);
        self.cursor = start;
        self.ensure_visible();
    }

    /// Moves the cursor, selects the annotation under it, and scrolls it into view.
    pub(super) fn move_to(&mut self, to: usize) {
        let Some(doc) = self.doc() else { return };
        let cursor = super::floor_boundary(&doc.text, to.min(doc.text.len()));
        let under = doc
            .annotations
            .iter()
            .position(|a| a.anchor.start <= cursor && cursor < a.anchor.end);
        self.cursor = cursor;
        if under.is_some() {
            self.selected = under;
        }
        self.ensure_visible();
    }

    pub(super) fn ensure_visible(&mut self) {
        let Some(doc) = self.doc() else { return };
        let (width, height) = self.text_size();
        let row = rows::row_at(doc, width, self.cursor);
        if row.start <= self.top {
            self.top = row.start;
            return;
        }
        let shown = rows::visible(doc, width, self.top, height);
        if shown.iter().any(|r| r.start == row.start) {
            return;
        }
        let mut top = row;
        for _ in 1..height {
            match rows::prev_row(doc, width, &top) {
                Some(prev) => top = prev,
                None => break,
            }
        }
        self.top = top.start;
    }

    /// Scrolls the text by `rows` rows (negative: up) without moving the cursor.
    pub(super) fn scroll(&mut self, by: isize) {
        let Some(doc) = self.doc() else { return };
        let (width, _) = self.text_size();
        let mut row = rows::row_at(doc, width, self.top);
        for _ in 0..by.unsigned_abs() {
            let next = if by > 0 {
                rows::next_row(doc, width, &row)
            } else {
                rows::prev_row(doc, width, &row)
            };
            match next {
                Some(next) => row = next,
                None => break,
            }
        }
        self.top = row.start;
    }
}
