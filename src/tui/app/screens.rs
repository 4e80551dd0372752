//! The claims board, references and orphans screens: opening them, their keys, jumping to the reader.

use super::{App, Pane};
use crate::model::Annotation;
use crate::tui::action::Command;
use crate::tui::editor::EditChange;
use crate::tui::effects::Effect;
use crate::tui::keymap::Scope;
use crate::tui::layout::rows;
use crate::tui::screens::{self, Board, Orphans, Place, RefList, Screen};

impl App {
    /// A screen's filter is being typed.
    pub(super) fn screen_typing(&self) -> bool {
        match &self.screen {
            Screen::Claims(board) => board.typing,
            Screen::References(list) => list.typing,
            _ => false,
        }
    }

    pub(super) fn screen_scope(&self) -> Scope {
        match self.screen {
            Screen::Claims(_) => Scope::Claims,
            Screen::References(_) => Scope::References,
            Screen::Orphans(_) => Scope::Orphans,
            Screen::Conflicts(_) => Scope::Conflicts,
            Screen::History(_) => Scope::History,
            Screen::Review(_) => Scope::Review,
            Screen::Reader => Scope::Reader,
        }
    }

    pub(super) fn open_screen(&mut self, command: Command) {
        self.screen = match (command, &self.screen) {
            (Command::Claims, Screen::Claims(_))
            | (Command::References, Screen::References(_))
            | (Command::Orphans, Screen::Orphans(_)) => return,
            (Command::Claims, _) => Screen::Claims(Board::new(&self.data)),
            (Command::References, _) => Screen::References(RefList::new(&self.data.refs)),
            (Command::Orphans, _) => {
                let orphans = Orphans::new(&self.data);
                if orphans.rows.is_empty() {
                    self.say("no fuzzy or orphaned annotation: every anchor is exact");
                }
                Screen::Orphans(orphans)
            }
            _ => return,
        };
    }

    /// Recomputes the open screen's rows after the data changed.
    pub(super) fn refresh_screen(&mut self) {
        match &mut self.screen {
            Screen::Claims(board) => board.refresh(&self.data),
            Screen::References(list) => list.refresh(&self.data.refs),
            Screen::Orphans(orphans) => orphans.refresh(&self.data),
            Screen::Conflicts(conflicts) => conflicts.refresh(&self.data),
            Screen::Reader | Screen::History(_) | Screen::Review(_) => {}
        }
    }

    /// A key while a screen's filter is typed (characters come through `filter_input`).
    pub(super) fn filter_command(&mut self, command: Command) {
        match command {
            Command::Confirm => self.set_typing(false),
            Command::Cancel => {
                self.set_typing(false);
                self.filter_input(None);
            }
            Command::Erase => self.filter_input(Some('\u{8}')),
            _ => {}
        }
    }

    fn set_typing(&mut self, typing: bool) {
        match &mut self.screen {
            Screen::Claims(board) => board.typing = typing,
            Screen::References(list) => list.typing = typing,
            _ => {}
        }
    }

    /// Adds a character to the filter (`\u{8}` erases one, `None` clears it) and filters again.
    pub(super) fn filter_input(&mut self, c: Option<char>) {
        let edit = |text: &mut String| match c {
            Some('\u{8}') => {
                text.pop();
            }
            Some(c) => text.push(c),
            None => text.clear(),
        };
        match &mut self.screen {
            Screen::Claims(board) => edit(&mut board.filter),
            Screen::References(list) => edit(&mut list.query),
            _ => return,
        }
        self.refresh_screen();
    }

    pub(super) fn screen_command(&mut self, command: Command) -> Vec<Effect> {
        if command == Command::Cancel {
            self.screen = Screen::Reader;
            return Vec::new();
        }
        let refs = self.data.refs.len();
        match &mut self.screen {
            Screen::Claims(board) => match command {
                Command::Down | Command::Up => {
                    board.cursor =
                        screens::step(board.cursor, board.rows.len(), command == Command::Down);
                }
                Command::Filter => board.typing = true,
                Command::OnlyUnsupported | Command::OnlyAnchorProblems => {
                    if command == Command::OnlyUnsupported {
                        board.unsupported = !board.unsupported;
                    } else {
                        board.anchors = !board.anchors;
                    }
                    self.refresh_screen();
                }
                Command::Confirm => match board.current() {
                    Some(place) => self.jump_to(place),
                    None => self.say("no claim matches: Esc clears the filter, u and a toggle"),
                },
                _ => {}
            },
            Screen::References(list) => match command {
                Command::Down | Command::Up => {
                    list.cursor = screens::step(
                        list.cursor,
                        list.matches.len().min(refs),
                        command == Command::Down,
                    );
                }
                Command::Filter => list.typing = true,
                Command::Confirm => {
                    if let Some(key) = list.current(&self.data.refs).map(|r| r.key.clone()) {
                        let mut board = Board {
                            filter: format!("@{key}"),
                            ..Board::default()
                        };
                        board.refresh(&self.data);
                        self.screen = Screen::Claims(board);
                    }
                }
                _ => {}
            },
            Screen::Orphans(orphans) => match command {
                Command::Down | Command::Up => {
                    orphans.cursor =
                        screens::step(orphans.cursor, orphans.rows.len(), command == Command::Down);
                }
                Command::Confirm => {
                    if let Some(place) = orphans.current() {
                        self.choose_for_reattach(place);
                    }
                }
                Command::ConfirmAnchor => return self.confirm_anchor(),
                Command::Reattach => return self.reattach_orphan(),
                _ => {}
            },
            Screen::Conflicts(_) => return self.conflicts_command(command),
            Screen::History(_) => self.history_command(command),
            Screen::Review(_) => return self.review_command(command),
            Screen::Reader => {}
        }
        Vec::new()
    }

    /// The annotation at a place, with its source id.
    pub fn at_place(&self, (source, index): Place) -> Option<(String, &Annotation)> {
        let doc = self.data.sources.get(source)?;
        Some((doc.id.clone(), doc.annotations.get(index)?))
    }

    /// Shows an annotation in the reader: its source, the cursor on it, it selected.
    pub(super) fn jump_to(&mut self, (source, index): Place) {
        self.screen = Screen::Reader;
        self.open_source(source);
        let Some(doc) = self.doc() else { return };
        let Some(start) = doc.annotations.get(index).map(|a| a.anchor.start) else {
            return;
        };
        self.focus = Pane::Text;
        self.move_to(start);
        self.selected = Some(index);
        let (_, height) = self.text_size();
        let row = self
            .doc()
            .map(|d| rows::row_at(d, self.text_size().0, start).start);
        if let Some(row) = row {
            self.top = row;
            self.scroll(-(isize::try_from(height).unwrap_or(0) / 3));
        }
    }

    fn confirm_anchor(&mut self) -> Vec<Effect> {
        let Screen::Orphans(orphans) = &self.screen else {
            return Vec::new();
        };
        let Some((source, annotation)) = orphans.current().and_then(|p| self.at_place(p)) else {
            return Vec::new();
        };
        if annotation.state != crate::model::AnchorState::Fuzzy {
            let id = annotation.id.to_string();
            self.say(format!(
                "{id} is orphaned: Enter shows where it was, select the new words, then r"
            ));
            return Vec::new();
        }
        let id = annotation.id.to_string();
        vec![Effect::Edit {
            source,
            id,
            change: EditChange {
                confirm: true,
                ..EditChange::default()
            },
        }]
    }

    /// Re-attaches the orphan to the reader's selection when it is in the same source; otherwise shows where it was.
    fn reattach_orphan(&mut self) -> Vec<Effect> {
        let Screen::Orphans(orphans) = &self.screen else {
            return Vec::new();
        };
        let Some(place) = orphans.current() else {
            return Vec::new();
        };
        let same_source = self.source == place.0 && self.selection().is_some();
        if !same_source {
            self.choose_for_reattach(place);
            return Vec::new();
        }
        if let Some((source, annotation)) = self.at_place(place) {
            self.reattach = Some((source, annotation.id.to_string()));
        }
        self.screen = Screen::Reader;
        self.reattach_selection()
    }

    fn choose_for_reattach(&mut self, place: Place) {
        let Some((source, id)) = self.at_place(place).map(|(s, a)| (s, a.id.to_string())) else {
            return;
        };
        self.jump_to(place);
        self.reattach = Some((source, id.clone()));
        self.say(format!(
            "select the words {id} belongs to (v, s or the mouse), then r re-attaches it"
        ));
    }

    /// Re-attaches the annotation chosen on the orphans screen to the selection.
    pub(super) fn reattach_selection(&mut self) -> Vec<Effect> {
        let Some((source, id)) = self.reattach.clone() else {
            self.say("choose what to re-attach first: O lists fuzzy and orphaned annotations");
            return Vec::new();
        };
        let (Some(range), Some(doc)) = (self.selection(), self.doc()) else {
            self.say(format!("select the words {id} belongs to first: v or s"));
            return Vec::new();
        };
        if doc.id != source {
            self.fail(format!(
                "{id} is in {source}: :goto {source} and select there"
            ));
            return Vec::new();
        }
        self.anchor = None;
        self.reattach = None;
        vec![Effect::Reattach { source, id, range }]
    }
}
