//! Entering and leaving the terminal's raw mode, alternate screen and mouse capture, even on panic.

use std::io::{self, Stdout, stdout};
use std::sync::Once;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in TUI mode; dropping it restores the terminal.
pub struct Guard {
    pub terminal: Term,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook(|| {
            let _ = restore();
        });
        enable_raw_mode()?;
        if let Err(error) = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture) {
            let _ = restore();
            return Err(error);
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        Ok(Guard { terminal })
    }
}

impl Guard {
    /// Gives the terminal back to the user while `run` runs (an editor), then takes it again and redraws.
    pub fn suspend<T>(&mut self, run: impl FnOnce() -> T) -> io::Result<T> {
        restore()?;
        let _ = self.terminal.show_cursor();
        let out = run();
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        self.terminal.clear()?;
        Ok(out)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = restore();
        let _ = self.terminal.show_cursor();
    }
}

/// Leaves raw mode, the alternate screen and mouse capture.
pub fn restore() -> io::Result<()> {
    disable_raw_mode()?;
    execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen)
}

static HOOK: Once = Once::new();

/// Runs `restore` before the previous panic hook prints its message (installed once per process).
pub fn install_panic_hook(restore: fn()) {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
