//! The terminal UI: read a source, select a claim, cite it, see what is unsupported.

pub mod action;
pub mod app;
pub mod awaited;
pub mod background;
pub mod data;
pub mod editor;
pub mod effects;
pub mod external;
pub mod fuzzy;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod matching;
pub mod picker;
pub mod screens;
pub mod search;
pub mod sentence;
mod session;
pub mod terminal;
pub mod ui;
pub mod undo;
pub mod watch;

use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};

pub use session::Session;

use action::Action;
use keymap::Key;

use crate::ops::Context;

const TICK: Duration = Duration::from_millis(250);
/// How often what background reads sent is taken in while they run.
const ARRIVALS: Duration = Duration::from_millis(50);
/// How often the matching thread is looked at while the picker waits for its matches.
const MATCHES: Duration = Duration::from_millis(8);

/// Runs the TUI until the user quits; returns a message to print after the terminal is restored.
pub fn run(cx: Context, fixed_clock: bool) -> anyhow::Result<Option<String>> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut session = Session::open(cx, fixed_clock, color)?;
    let mut guard = terminal::Guard::enter()?;
    let size = guard.terminal.size()?;
    session.dispatch(Action::Resize(size.width, size.height));
    let mut idle = Duration::ZERO;
    while !session.app.done {
        guard.terminal.draw(|frame| ui::draw(&session.app, frame))?;
        let wait = if session.matching() {
            MATCHES
        } else if session.loading() {
            ARRIVALS
        } else {
            TICK
        };
        let started = Instant::now();
        let action = if event::poll(wait)? {
            idle = Duration::ZERO;
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    session.app.action_for(Key::from_event(key))
                }
                Event::Mouse(mouse) => Some(Action::Mouse(mouse)),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            }
        } else {
            idle += started.elapsed();
            (idle >= TICK).then(|| {
                idle = Duration::ZERO;
                Action::Tick
            })
        };
        if let Some(action) = action {
            session.dispatch(action);
        }
        if session.loading() {
            session.pump();
        }
        let mut failure = None;
        session.run_external(|run| match guard.suspend(run) {
            Ok(result) => result,
            Err(error) => {
                let message =
                    format!("the terminal could not be restored after the editor: {error}");
                failure = Some(message.clone());
                Err(message)
            }
        });
        if let Some(message) = failure {
            anyhow::bail!(message);
        }
    }
    drop(guard);
    Ok(session.app.exit_message.take())
}
