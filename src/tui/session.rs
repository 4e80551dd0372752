//! The app and the effects runner together: what the event loop and the headless tests drive.

use std::collections::VecDeque;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::action::Action;
use super::app::App;
use super::effects::{Effect, Runner};
use super::external::{self, ExternalEdit};
use super::keymap::{Keymap, parse_sequence};
use super::ui;
use crate::ops::{Context, OpsError};

pub struct Session {
    pub app: App,
    pub runner: Runner,
    /// The shell command that edits a note (`$VISUAL` or `$EDITOR`).
    pub editor: Option<String>,
    external: Option<ExternalEdit>,
}

impl Session {
    /// Loads the workspace; `fixed_clock` keeps the context's time instead of reading the clock per change.
    pub fn open(cx: Context, fixed_clock: bool, color: bool) -> Result<Session, OpsError> {
        let (keymap, warnings) = Keymap::new(&cx.config.keys);
        let mut runner = Runner::new(cx, fixed_clock);
        let (data, unreadable) = runner.load()?;
        let mut session = Session {
            app: App::new(data, keymap, color),
            runner,
            editor: external::editor_from_env(),
            external: None,
        };
        if !unreadable.is_empty() {
            session.dispatch(Action::Arrived(unreadable));
        }
        if let Some(warning) = warnings.first() {
            session.app.update(Action::Failed {
                message: warning.clone(),
                source: None,
            });
        }
        Ok(session)
    }

    /// Whether sources or the library are still being read in the background, or the picker's query matched.
    pub fn loading(&self) -> bool {
        self.runner.loading()
    }

    /// Whether the picker's query is still being matched.
    pub fn matching(&self) -> bool {
        self.runner.matching()
    }

    /// Takes in what background reads and the matching sent so far, without waiting; true when something came.
    pub fn pump(&mut self) -> bool {
        let actions = self.runner.arrived();
        let came = !actions.is_empty();
        for action in actions {
            self.dispatch(action);
        }
        came
    }

    /// Waits for every background read and the picker's matches, and takes in what they sent, until
    /// nothing is left running (for tests and benchmarks).
    pub fn wait_loaded(&mut self) {
        loop {
            for action in self.runner.wait() {
                self.dispatch(action);
            }
            if !self.runner.loading() {
                break;
            }
        }
    }

    /// Updates the app and runs the effects it asks for, feeding their outcomes back, until none is left;
    /// a tick first reads again the files changed on disk behind the app.
    pub fn dispatch(&mut self, action: Action) {
        let mut queue = VecDeque::new();
        if matches!(action, Action::Tick) && !self.app.quitting {
            queue.extend(self.runner.arrived());
            queue.extend(self.runner.poll(&self.app.data));
        }
        queue.push_back(action);
        while let Some(action) = queue.pop_front() {
            for effect in self.app.update(action) {
                match effect {
                    Effect::External(edit) => self.external = Some(edit),
                    effect => queue.extend(self.runner.run(effect)),
                }
            }
        }
    }

    /// The note waiting to be edited in `$EDITOR`, for the event loop to run with the terminal suspended.
    pub fn take_external(&mut self) -> Option<ExternalEdit> {
        self.external.take()
    }

    /// Runs the editor for a waiting note (`suspend` wraps the run) and applies what it left.
    pub fn run_external(
        &mut self,
        suspend: impl FnOnce(&mut dyn FnMut() -> Result<String, String>) -> Result<String, String>,
    ) {
        let Some(edit) = self.take_external() else {
            return;
        };
        let editor = self.editor.clone();
        let body = edit.body.clone();
        let result = suspend(&mut || external::run(editor.as_deref(), &body));
        self.dispatch(Action::Edited { edit, result });
    }

    /// Feeds a key string like "vwwc" or ":w<enter>" through the real keymap.
    pub fn keys(&mut self, text: &str) -> Result<(), String> {
        for key in parse_sequence(text)? {
            if let Some(action) = self.app.action_for(key) {
                self.dispatch(action);
                self.run_external(|run| run());
            }
        }
        Ok(())
    }

    /// Draws the app into an off-screen buffer of `width`×`height`.
    pub fn render(&mut self, width: u16, height: u16) -> Buffer {
        self.dispatch(Action::Resize(width, height));
        let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
            Ok(terminal) => terminal,
            Err(never) => match never {},
        };
        let frame = terminal.draw(|frame| ui::draw(&self.app, frame));
        frame.map(|f| f.buffer.clone()).unwrap_or_default()
    }
}
