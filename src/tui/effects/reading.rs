//! The runner's reads: the first frame, what background reads sent, and files changed on disk.

use std::path::PathBuf;

use super::Runner;
use crate::ops::OpsError;
use crate::store;
use crate::tui::action::{Action, Outcome};
use crate::tui::data::{Arrival, Data};
use crate::tui::keymap::Keymap;
use crate::tui::loader;
use crate::tui::watch::Watch;

impl Runner {
    /// Reads what the first frame shows and starts reading the rest in the background; the
    /// fingerprints are taken first, so a file changed while it is read is read again.
    pub fn load(&mut self) -> Result<(Data, Vec<Arrival>), OpsError> {
        self.watch = Watch::snapshot(&self.cx.ws);
        let (data, unreadable) = loader::first_frame(&self.cx)?;
        let unread = data.sources.iter().filter(|s| !s.loaded);
        let root = self.cx.ws.root.clone();
        self.background
            .sources(root.clone(), unread.map(|s| s.id.clone()).collect());
        self.background.library(root.clone(), None);
        self.background.pending(root);
        Ok((data, unreadable))
    }

    /// Counts glose's files not yet committed, on another thread.
    pub(super) fn count_pending(&mut self) {
        self.background.pending(self.cx.ws.root.clone());
    }

    /// Whether background reads or the picker's matching are still running.
    pub fn loading(&self) -> bool {
        self.background.busy() || self.matching.pending()
    }

    /// Whether the picker's query is still being matched.
    pub fn matching(&self) -> bool {
        self.matching.pending()
    }

    /// What background reads and the matching sent so far; empty when nothing came.
    pub fn arrived(&mut self) -> Vec<Action> {
        let arrivals = self.background.arrived();
        let read = (!arrivals.is_empty()).then_some(Action::Arrived(arrivals));
        let matched = self.matching.arrived().into_iter().map(Action::Matched);
        read.into_iter().chain(matched).collect()
    }

    /// Waits for every background read to end and for the matches of the newest query.
    pub fn wait(&mut self) -> Vec<Action> {
        let read = Action::Arrived(self.background.wait());
        let matched = self.matching.wait().into_iter().map(Action::Matched);
        std::iter::once(read).chain(matched).collect()
    }

    /// Reads again what changed on disk since the TUI last read or wrote it; `None` when nothing did.
    /// `data` tells which sources a changed text belongs to.
    pub fn poll(&mut self, data: &Data) -> Option<Action> {
        let now = Watch::snapshot(&self.cx.ws);
        let changes = self.watch.changes(&now);
        if changes.is_empty() {
            return None;
        }
        let old = std::mem::replace(&mut self.watch, now);
        let stem = |p: &PathBuf| Some(p.file_stem()?.to_string_lossy().into_owned());
        let mut changed: Vec<&PathBuf> = changes.notes.iter().chain(&changes.added).collect();
        let mut ids: Vec<String> = changed.iter().copied().filter_map(stem).collect();
        for text in &changes.texts {
            let owners = owners(data, text);
            if owners.is_empty() {
                if data.unread() > 0 {
                    self.watch.keep_old_text(&old, text);
                }
                continue;
            }
            changed.push(text);
            ids.extend(owners);
        }
        ids.sort();
        ids.dedup();
        changed.extend(changes.removed.iter().chain(&changes.bibs));
        let config = self.cx.ws.config_path();
        if changes.config {
            changed.push(&config);
        }
        if changed.is_empty() {
            return None;
        }
        let names: Vec<String> = changed
            .iter()
            .map(|p| self.cx.ws.relative(p).display().to_string())
            .collect();
        let mut outcome = Outcome {
            message: format!("{} changed on disk: reloaded", names.join(", ")),
            removed: changes.removed.iter().filter_map(stem).collect(),
            ..Outcome::default()
        };
        outcome.forget = ids.iter().chain(&outcome.removed).cloned().collect();
        let mut problems = Vec::new();
        for id in ids {
            match loader::load_source(&self.cx, &id) {
                Ok(doc) => outcome.reread.push(doc),
                Err(error) => problems.push(error.to_string()),
            }
        }
        if changes.config {
            match store::Config::load(&config) {
                Ok(settings) => {
                    outcome.keymap = Some(Keymap::new(&settings.keys));
                    self.cx.config = settings;
                }
                Err(error) => problems.push(format!("{error}; the previous settings stay")),
            }
        }
        if !changes.bibs.is_empty() {
            let root = self.cx.ws.root.clone();
            self.background.library(root, Some(outcome.message.clone()));
            outcome.message = format!("{} changed on disk: reading the library…", names.join(", "));
        }
        if !problems.is_empty() {
            outcome.failed = true;
            outcome.message = format!(
                "{} changed on disk and cannot be read: {}",
                names.join(", "),
                problems.join("; ")
            );
        }
        self.count_pending();
        Some(Action::Done(Box::new(outcome)))
    }
}

/// The sources whose text is `path`, or whose text shares its name up to the first dot
/// (`report.txt` for `report.pages.toml`).
fn owners(data: &Data, path: &std::path::Path) -> Vec<String> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name else {
        return Vec::new();
    };
    let stem = |file: &str| file.split('.').next().unwrap_or_default().to_string();
    data.sources
        .iter()
        .filter(|s| s.loaded && (s.file == name || stem(&s.file) == stem(&name)))
        .map(|s| s.id.clone())
        .collect()
}
