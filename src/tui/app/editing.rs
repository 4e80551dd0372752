//! The annotation editor overlay and editing a note in `$EDITOR`.

use super::{App, Overlay};
use crate::model::Annotation;
use crate::tui::action::Command;
use crate::tui::editor::{EditChange, Editor};
use crate::tui::effects::Effect;
use crate::tui::external::{self, ExternalEdit};
use crate::tui::keymap::Key;
use crate::tui::screens::Screen;

impl App {
    /// The annotation the edit keys act on: the selected one in the reader, the highlighted row elsewhere.
    pub(super) fn target(&self) -> Option<(String, Annotation)> {
        let place = match &self.screen {
            Screen::Reader => {
                let doc = self.doc()?;
                return Some((doc.id.clone(), doc.annotations.get(self.selected?)?.clone()));
            }
            Screen::Claims(board) => board.current(),
            Screen::Orphans(orphans) => orphans.current(),
            Screen::Conflicts(conflicts) => conflicts.current(),
            Screen::References(_) | Screen::History(_) | Screen::Review(_) => None,
        }?;
        self.at_place(place).map(|(s, a)| (s, a.clone()))
    }

    pub(super) fn open_editor(&mut self) -> Vec<Effect> {
        match self.target() {
            Some((source, annotation)) => {
                self.overlay = Overlay::Editor(Box::new(Editor::new(source, &annotation)));
            }
            None => self.say("select an annotation first: ] and [ move between them"),
        }
        Vec::new()
    }

    pub(super) fn edit_external(&mut self) -> Vec<Effect> {
        match self.target() {
            Some((source, annotation)) => vec![Effect::External(ExternalEdit {
                source,
                id: annotation.id.to_string(),
                body: annotation.body,
                comment: false,
            })],
            None => {
                self.say("select an annotation first: ] and [ move between them");
                Vec::new()
            }
        }
    }

    pub(super) fn editor_key(&mut self, key: Key) {
        if let Overlay::Editor(editor) = &mut self.overlay
            && let Some(message) = editor.key(key)
        {
            self.say(message);
        }
    }

    pub(super) fn editor_command(&mut self, command: Command) -> Vec<Effect> {
        let Overlay::Editor(editor) = &mut self.overlay else {
            return Vec::new();
        };
        match command {
            Command::FocusNext | Command::FocusPrev => {
                editor.cycle(command == Command::FocusNext);
                Vec::new()
            }
            Command::Cancel => {
                self.overlay = Overlay::None;
                self.say("edit cancelled");
                Vec::new()
            }
            Command::Save => {
                let (source, id, change) =
                    (editor.source.clone(), editor.id.clone(), editor.change());
                self.overlay = Overlay::None;
                match change {
                    Some(change) => vec![Effect::Edit { source, id, change }],
                    None => {
                        self.say("nothing changed");
                        Vec::new()
                    }
                }
            }
            _ => Vec::new(),
        }
    }

    /// Applies what `$EDITOR` left: a new note, or a message saying why nothing changed.
    pub(super) fn edited(
        &mut self,
        edit: ExternalEdit,
        result: Result<String, String>,
    ) -> Vec<Effect> {
        match result {
            Err(message) => {
                self.fail(message);
                Vec::new()
            }
            Ok(text) if edit.comment => match external::new_body("", &text) {
                Some(text) if !text.trim().is_empty() => vec![Effect::Comment {
                    source: edit.source,
                    id: edit.id,
                    text,
                }],
                _ => {
                    self.say("the comment is empty: nothing written");
                    Vec::new()
                }
            },
            Ok(text) => match external::new_body(&edit.body, &text) {
                None => {
                    self.say("note unchanged");
                    Vec::new()
                }
                Some(body) => vec![Effect::Edit {
                    source: edit.source,
                    id: edit.id,
                    change: EditChange {
                        body: Some(body),
                        ..EditChange::default()
                    },
                }],
            },
        }
    }
}
