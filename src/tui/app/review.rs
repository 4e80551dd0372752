//! The history, review and conflicts screens: opening them, their keys, what they ask the event loop to do.

use super::{App, Prompt, PromptKind};
use crate::ops::{Choice, History};
use crate::tui::action::Command;
use crate::tui::effects::Effect;
use crate::tui::external::ExternalEdit;
use crate::tui::screens::{self, Conflicts, ReviewWalk, Screen};

impl App {
    /// Opens the history or review screen (the event loop reads the history) or the conflicts screen.
    pub(super) fn open_review_screen(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::History => {
                self.screen = Screen::History(Box::default());
                vec![Effect::LoadHistory {
                    since_review: false,
                }]
            }
            Command::Review => {
                self.screen = Screen::Review(Box::default());
                vec![Effect::LoadHistory { since_review: true }]
            }
            Command::Conflicts => {
                let conflicts = Conflicts::new(&self.data);
                if conflicts.rows.is_empty() {
                    self.say("no merge conflict: every annotation has one version");
                }
                self.screen = Screen::Conflicts(conflicts);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Hands the history the event loop read to the screen that asked for it.
    pub(super) fn show_history(&mut self, history: History) {
        match &mut self.screen {
            Screen::History(view) => {
                view.set(history);
                if view.rows.is_empty() {
                    self.say("no commit yet");
                }
            }
            Screen::Review(walk) => {
                walk.set(history);
                if walk.rows.is_empty() {
                    self.say("nothing new since your last review");
                }
            }
            _ => {}
        }
    }

    pub(super) fn history_command(&mut self, command: Command) {
        let Screen::History(view) = &mut self.screen else {
            return;
        };
        let down = matches!(command, Command::Down | Command::Next);
        match command {
            Command::Down | Command::Up if view.on_changes => {
                view.change = screens::step(view.change, view.items().len(), down);
            }
            Command::Down | Command::Up => {
                view.cursor = screens::step(view.cursor, view.rows.len(), down);
                view.change = 0;
            }
            Command::FocusNext | Command::FocusPrev => {
                view.on_changes = !view.on_changes && !view.items().is_empty();
            }
            Command::ByAuthor | Command::BySource => {
                if command == Command::ByAuthor {
                    view.cycle_author();
                } else {
                    view.cycle_source();
                }
                let shown = format!(
                    "history of {} in {}: {} commit(s)",
                    view.author.as_deref().unwrap_or("everyone"),
                    view.source.as_deref().unwrap_or("every source"),
                    view.rows.len()
                );
                self.say(shown);
            }
            Command::Confirm if !view.on_changes => {
                view.on_changes = !view.items().is_empty();
            }
            Command::Confirm => {
                let target = view.items().get(view.change).map(|item| {
                    item.annotation()
                        .map(|(s, a)| (s.to_string(), a.to_string()))
                });
                match target {
                    Some(Some((source, id))) => self.jump_to_annotation(&source, &id),
                    Some(None) => self.say("a change to the library: R lists the references"),
                    None => {}
                }
            }
            _ => {}
        }
    }

    pub(super) fn review_command(&mut self, command: Command) -> Vec<Effect> {
        let Screen::Review(walk) = &mut self.screen else {
            return Vec::new();
        };
        let confirming = std::mem::take(&mut walk.confirming);
        match command {
            Command::Next | Command::Down | Command::Previous | Command::Up => {
                let down = matches!(command, Command::Next | Command::Down);
                walk.cursor = screens::step(walk.cursor, walk.rows.len(), down);
            }
            Command::MarkReviewed => {
                walk.confirming = true;
                self.say("mark every change up to now as reviewed? y: yes, any other key: no");
            }
            Command::Yes if confirming => return vec![Effect::MarkReviewed],
            Command::Yes => self.say("nothing to confirm: m marks everything reviewed"),
            Command::Comment => return self.comment_on_current(false),
            Command::CommentInEditor => return self.comment_on_current(true),
            Command::Confirm => {
                if let Some((source, id)) = current_annotation(walk) {
                    self.jump_to_annotation(&source, &id);
                    return Vec::new();
                }
            }
            _ => {}
        }
        if confirming && command != Command::Yes {
            self.say("not marked");
        }
        Vec::new()
    }

    /// A one-line comment typed on the status line, or a longer one in `$EDITOR`.
    fn comment_on_current(&mut self, in_editor: bool) -> Vec<Effect> {
        let Screen::Review(walk) = &self.screen else {
            return Vec::new();
        };
        let Some((source, id)) = current_annotation(walk) else {
            self.say("nothing to comment on: this change is to the library");
            return Vec::new();
        };
        if self.find_annotation(&source, &id).is_none() {
            self.say(format!("{id} no longer exists: nothing to comment on"));
            return Vec::new();
        }
        if !in_editor {
            self.prompt = Some(Prompt {
                kind: PromptKind::Comment,
                text: String::new(),
                about: Some((source, id)),
            });
            return Vec::new();
        }
        vec![Effect::External(ExternalEdit {
            source,
            id,
            body: String::new(),
            comment: true,
        })]
    }

    pub(super) fn conflicts_command(&mut self, command: Command) -> Vec<Effect> {
        let Screen::Conflicts(conflicts) = &self.screen else {
            return Vec::new();
        };
        let Some(place) = conflicts.current() else {
            return Vec::new();
        };
        let versions = self.at_place(place).map_or(0, |(_, a)| a.conflicts.len());
        let Screen::Conflicts(conflicts) = &mut self.screen else {
            return Vec::new();
        };
        let choice = match command {
            Command::Down | Command::Up => {
                conflicts.cursor = screens::step(
                    conflicts.cursor,
                    conflicts.rows.len(),
                    command == Command::Down,
                );
                conflicts.version = 0;
                return Vec::new();
            }
            Command::Next | Command::Previous => {
                conflicts.version =
                    screens::step(conflicts.version, versions, command == Command::Next);
                return Vec::new();
            }
            Command::Confirm => {
                self.jump_to(place);
                return Vec::new();
            }
            Command::KeepOurs => Choice::Ours,
            Command::KeepTheirs => {
                Choice::Theirs(conflicts.version.min(versions.saturating_sub(1)))
            }
            Command::KeepBoth => Choice::Both,
            _ => return Vec::new(),
        };
        conflicts.version = 0;
        let Some((source, annotation)) = self.at_place(place) else {
            return Vec::new();
        };
        vec![Effect::Settle {
            source,
            id: annotation.id.to_string(),
            choice,
        }]
    }

    /// The place of an annotation by source and id, if it still exists.
    fn find_annotation(&self, source: &str, id: &str) -> Option<screens::Place> {
        let s = self.data.sources.iter().position(|d| d.id == source)?;
        let i = self.data.sources[s]
            .annotations
            .iter()
            .position(|a| a.id.0 == id)?;
        Some((s, i))
    }

    /// Shows an annotation in the reader, or says it is gone.
    fn jump_to_annotation(&mut self, source: &str, id: &str) {
        match self.find_annotation(source, id) {
            Some(place) => self.jump_to(place),
            None => self.say(format!(
                "{id} is no longer in {source}: it was removed since"
            )),
        }
    }
}

fn current_annotation(walk: &ReviewWalk) -> Option<(String, String)> {
    let (_, item) = walk.current()?;
    item.annotation()
        .map(|(s, a)| (s.to_string(), a.to_string()))
}
