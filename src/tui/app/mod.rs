//! The app state and `update`: actions in, effects out, no I/O.

mod arrival;
mod editing;
mod motion;
mod mouse;
mod outcome;
mod prompt;
mod reader;
mod review;
mod screens;

use nucleo_matcher::Matcher;
use ratatui::layout::Rect;

use super::action::{Action, Command};
use super::data::{Data, SourceDoc};
use super::editor::Editor;
use super::effects::Effect;
use super::fuzzy;
use super::keymap::{Key, Keymap, Scope};
use super::layout;
use super::picker::Picker;
use super::screens::Screen;
use super::undo::History;

/// Ticks of 250 ms without a key before pending changes are committed.
pub const IDLE_TICKS: u32 = 20;
/// The longest wait between idle commits that keep failing (5 minutes of 250 ms ticks).
pub const MAX_IDLE_TICKS: u32 = 1200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Sources,
    Text,
    Annotations,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Help { scroll: u16 },
    Picker(Box<Picker>),
    Editor(Box<Editor>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Command,
    Search,
    /// A one-line review comment on the annotation `Prompt::about` names.
    Comment,
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// The source and id of the annotation a comment answers.
    pub about: Option<(String, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub data: Data,
    pub keymap: Keymap,
    pub focus: Pane,
    /// The source shown, and the one highlighted in the sources list.
    pub source: usize,
    pub sources_cursor: usize,
    /// Byte offset of the cursor in the source text.
    pub cursor: usize,
    /// Where the selection started, while selecting.
    pub anchor: Option<usize>,
    /// Byte offset of the first visible row.
    pub top: usize,
    goal: Option<usize>,
    /// Index of the selected annotation of the source.
    pub selected: Option<usize>,
    pub search: Option<String>,
    pub screen: Screen,
    pub overlay: Overlay,
    pub prompt: Option<Prompt>,
    /// The annotation (source, id) to re-attach to the next selection, chosen on the orphans screen.
    pub reattach: Option<(String, String)>,
    pub status: Status,
    pub size: (u16, u16),
    pub color: bool,
    history: History,
    idle_ticks: u32,
    /// Ticks to wait before an idle commit: doubles after each failed one, back to
    /// `IDLE_TICKS` after a success.
    idle_wait: u32,
    idle_commit_running: bool,
    drag_from: Option<usize>,
    pub quitting: bool,
    pub done: bool,
    /// Printed after the terminal is restored.
    pub exit_message: Option<String>,
    matcher: Matcher,
}

impl App {
    pub fn new(data: Data, keymap: Keymap, color: bool) -> App {
        App {
            data,
            keymap,
            focus: Pane::Text,
            source: 0,
            sources_cursor: 0,
            cursor: 0,
            anchor: None,
            top: 0,
            goal: None,
            selected: None,
            search: None,
            screen: Screen::Reader,
            overlay: Overlay::None,
            prompt: None,
            reattach: None,
            status: Status::default(),
            size: (80, 24),
            color,
            history: History::default(),
            idle_ticks: 0,
            idle_wait: IDLE_TICKS,
            idle_commit_running: false,
            drag_from: None,
            quitting: false,
            done: false,
            exit_message: None,
            matcher: fuzzy::new_matcher(),
        }
    }

    pub fn doc(&self) -> Option<&SourceDoc> {
        self.data.sources.get(self.source)
    }

    /// Where keys are looked up now.
    pub fn scope(&self) -> Scope {
        match (&self.overlay, &self.prompt, self.focus) {
            (Overlay::Help { .. }, _, _) => Scope::Help,
            (Overlay::Picker(_), _, _) => Scope::Picker,
            (Overlay::Editor(_), _, _) => Scope::Editor,
            (_, Some(_), _) => Scope::Prompt,
            _ if self.screen_typing() => Scope::Prompt,
            _ if !matches!(self.screen, Screen::Reader) => self.screen_scope(),
            (_, _, Pane::Sources) => Scope::Sources,
            (_, _, Pane::Text) => Scope::Reader,
            (_, _, Pane::Annotations) => Scope::Annotations,
        }
    }

    /// The action a key press stands for (a pure lookup).
    pub fn action_for(&self, key: Key) -> Option<Action> {
        let scope = self.scope();
        if let Some(command) = self.keymap.lookup(scope, key) {
            return Some(Action::Command(command));
        }
        if scope == Scope::Editor {
            return Some(Action::Edit(key));
        }
        match key.code {
            crossterm::event::KeyCode::Char(c) if scope.takes_text() && !key.ctrl => {
                Some(Action::Input(c))
            }
            _ => None,
        }
    }

    /// The selection as a byte range, trimmed of surrounding whitespace; `None` when empty.
    pub fn selection(&self) -> Option<std::ops::Range<usize>> {
        let anchor = self.anchor?;
        let text = &self.doc()?.text;
        let (start, end) = (anchor.min(self.cursor), anchor.max(self.cursor));
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        (start + lead < end - trail).then(|| start + lead..end - trail)
    }

    /// The text pane's size in columns and rows.
    pub fn text_size(&self) -> (usize, usize) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::areas(area).map_or((1, 1), |a| {
            (
                usize::from(a.text.width).max(1),
                usize::from(a.text.height).max(1),
            )
        })
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = self.react(action);
        if let Some(doc) = self.doc().filter(|d| !d.loaded) {
            effects.push(Effect::LoadSource {
                source: doc.id.clone(),
            });
        }
        effects
    }

    fn react(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Command(command) => {
                self.idle_ticks = 0;
                let mut effects = self.command(command);
                effects.extend(self.ask_matches());
                effects
            }
            Action::Input(c) => {
                self.idle_ticks = 0;
                self.input(c);
                self.ask_matches()
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.ensure_visible();
                Vec::new()
            }
            Action::Mouse(event) => {
                self.mouse(event);
                Vec::new()
            }
            Action::Tick => self.tick(),
            Action::Edit(key) => {
                self.idle_ticks = 0;
                self.editor_key(key);
                Vec::new()
            }
            Action::Edited { edit, result } => self.edited(edit, result),
            Action::Done(outcome) => {
                if std::mem::take(&mut self.idle_commit_running) {
                    self.idle_wait = IDLE_TICKS;
                }
                self.done_with(*outcome);
                Vec::new()
            }
            Action::Arrived(arrivals) => {
                self.arrive(arrivals);
                self.ask_matches()
            }
            Action::Matched(matched) => {
                if let Overlay::Picker(picker) = &mut self.overlay {
                    picker.matched(matched, &self.data.refs);
                } else if let Screen::References(list) = &mut self.screen {
                    list.matched(matched, &self.data.refs);
                }
                Vec::new()
            }
            Action::Failed { message, source } => {
                if std::mem::take(&mut self.idle_commit_running) {
                    self.idle_wait = (self.idle_wait * 2).min(MAX_IDLE_TICKS);
                }
                if let Some(doc) = source {
                    self.replace_source(*doc);
                }
                if self.quitting {
                    self.done = true;
                    self.exit_message = Some(format!(
                        "glose: your changes are saved in the notes files but not committed: {message}"
                    ));
                }
                self.fail(message);
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        match &mut self.overlay {
            Overlay::Help { scroll } => {
                match command {
                    Command::Down => *scroll = scroll.saturating_add(1),
                    Command::Up => *scroll = scroll.saturating_sub(1),
                    _ => self.overlay = Overlay::None,
                }
                return Vec::new();
            }
            Overlay::Picker(picker) => {
                let outcome = picker.command(command, &self.data.refs, &mut self.matcher);
                return self.picker_outcome(outcome);
            }
            Overlay::Editor(_) => return self.editor_command(command),
            Overlay::None => {}
        }
        if self.prompt.is_some() {
            return self.prompt_command(command);
        }
        if self.screen_typing() {
            self.filter_command(command);
            return Vec::new();
        }
        match command {
            Command::Quit => self.quit(),
            Command::Checkpoint => vec![Effect::Checkpoint],
            Command::Help => {
                self.overlay = Overlay::Help { scroll: 0 };
                Vec::new()
            }
            Command::CommandLine => self.open_prompt(PromptKind::Command),
            Command::Search => self.open_prompt(PromptKind::Search),
            Command::FocusNext | Command::FocusPrev if matches!(self.screen, Screen::Reader) => {
                self.cycle_focus(command == Command::FocusNext);
                Vec::new()
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Claims | Command::References | Command::Orphans => {
                self.open_screen(command);
                Vec::new()
            }
            Command::History | Command::Review | Command::Conflicts => {
                self.open_review_screen(command)
            }
            Command::Edit => self.open_editor(),
            Command::EditExternal => self.edit_external(),
            _ if !matches!(self.screen, Screen::Reader) => self.screen_command(command),
            _ => match self.focus {
                Pane::Sources => self.sources_command(command),
                Pane::Annotations => self.annotations_command(command),
                Pane::Text => self.reader_command(command),
            },
        }
    }

    fn input(&mut self, c: char) {
        if let Overlay::Picker(picker) = &mut self.overlay {
            picker.input(c, &self.data.refs);
        } else if let Some(prompt) = &mut self.prompt {
            prompt.text.push(c);
        } else if self.screen_typing() {
            self.filter_input(Some(c));
        }
    }

    /// Asks for the matches of the query typed in the picker, or else on the references screen,
    /// when it has not been asked yet.
    fn ask_matches(&mut self) -> Vec<Effect> {
        let refs = &self.data.refs;
        let wanted = match (&mut self.overlay, &mut self.screen) {
            (Overlay::Picker(picker), _) => picker.wanted(refs),
            (Overlay::None, Screen::References(list)) => list.wanted(refs),
            _ => None,
        };
        wanted
            .map(|query| Effect::Match {
                query,
                refs: refs.clone(),
            })
            .into_iter()
            .collect()
    }

    pub fn quit(&mut self) -> Vec<Effect> {
        self.quitting = true;
        vec![Effect::Checkpoint]
    }

    fn tick(&mut self) -> Vec<Effect> {
        if self.data.pending.unwrap_or(0) == 0 || self.quitting {
            self.idle_ticks = 0;
            return Vec::new();
        }
        self.idle_ticks += 1;
        if self.idle_ticks >= self.idle_wait {
            self.idle_ticks = 0;
            self.idle_commit_running = true;
            return vec![Effect::Checkpoint];
        }
        Vec::new()
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order = [Pane::Sources, Pane::Text, Pane::Annotations];
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(1);
        let next = if forward {
            at + 1
        } else {
            at + order.len() - 1
        };
        self.focus = order[next % order.len()];
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
