//! The app and the effects runner together: what the event loop and the headless tests drive.

use std::collections::VecDeque;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::action::Action;
use super::app::App;
use super::effects::Runner;
use super::keymap::{Keymap, parse_sequence};
use super::ui;
use crate::ops::{Context, OpsError};

pub struct Session {
    pub app: App,
    pub runner: Runner,
}

impl Session {
    /// Loads the workspace; `fixed_clock` keeps the context's time instead of reading the clock per change.
    pub fn open(cx: Context, fixed_clock: bool, color: bool) -> Result<Session, OpsError> {
        let (keymap, warnings) = Keymap::new(&cx.config.keys);
        let runner = Runner::new(cx, fixed_clock);
        let data = runner.load()?;
        let mut app = App::new(data, keymap, color);
        if let Some(warning) = warnings.first() {
            app.update(Action::Failed {
                message: warning.clone(),
                data: None,
            });
        }
        Ok(Session { app, runner })
    }

    /// Updates the app and runs the effects it asks for, feeding their outcomes back, until none is left.
    pub fn dispatch(&mut self, action: Action) {
        let mut queue = VecDeque::from([action]);
        while let Some(action) = queue.pop_front() {
            for effect in self.app.update(action) {
                queue.push_back(self.runner.run(effect));
            }
        }
    }

    /// Feeds a key string like "vwwc" or ":w<enter>" through the real keymap.
    pub fn keys(&mut self, text: &str) -> Result<(), String> {
        for key in parse_sequence(text)? {
            if let Some(action) = self.app.action_for(key) {
                self.dispatch(action);
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
