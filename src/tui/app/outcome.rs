//! What comes back from effects and overlays: new data, undo steps, status messages.

use super::{App, Overlay, Status, floor_boundary};
use crate::tui::action::Outcome;
use crate::tui::data::SourceDoc;
use crate::tui::effects::Effect;
use crate::tui::picker::PickerOutcome;

impl App {
    pub(super) fn done_with(&mut self, outcome: Outcome) {
        if let Some(doc) = outcome.source {
            self.replace_source(doc);
        }
        for doc in outcome.reread {
            self.replace_source(doc);
        }
        if !outcome.removed.is_empty() {
            let removed = outcome.removed;
            self.keeping_place(|app| app.data.sources.retain(|s| !removed.contains(&s.id)));
        }
        let mut warning = None;
        if let Some((keymap, warnings)) = outcome.keymap {
            self.keymap = keymap;
            warning = warnings.into_iter().next();
        }
        if let Some(history) = outcome.history {
            self.show_history(*history);
        }
        if outcome.wrote {
            self.data.pending = Some(self.data.pending.unwrap_or(0).max(1));
        }
        if let Some(pending) = outcome.pending {
            self.data.pending = Some(pending);
        }
        for source in &outcome.forget {
            self.history.forget(source);
        }
        if let Some(step) = outcome.undo {
            self.history.record(step);
        }
        if let Some(id) = outcome.select {
            self.selected = self
                .doc()
                .and_then(|d| d.annotations.iter().position(|a| a.id.0 == id));
        }
        self.status = Status {
            text: outcome.message,
            error: outcome.failed,
        };
        if let Some(warning) = warning {
            self.fail(warning);
        }
        if self.quitting {
            self.done = true;
        }
    }

    pub(super) fn fail(&mut self, message: String) {
        self.status = Status {
            text: message,
            error: true,
        };
    }

    pub(super) fn say(&mut self, message: impl Into<String>) {
        self.status = Status {
            text: message.into(),
            error: false,
        };
    }

    /// Puts one source read again in place of the old one, keeping the quotes it had before re-anchoring.
    pub fn replace_source(&mut self, mut doc: SourceDoc) {
        self.keeping_place(
            |app| match app.data.sources.iter().position(|s| s.id == doc.id) {
                Some(index) => {
                    let old = std::mem::take(&mut app.data.sources[index].old_quotes);
                    for (id, quote) in old {
                        let kept = doc.annotations.iter().any(|a| a.id.0 == id);
                        if kept && doc.old_quote(&id).is_none() {
                            doc.old_quotes.push((id, quote));
                        }
                    }
                    app.data.sources[index] = doc;
                }
                None => {
                    let at = app.data.sources.partition_point(|s| s.id < doc.id);
                    app.data.sources.insert(at, doc);
                }
            },
        );
    }

    /// Changes the data, keeping the same source, cursor and selected annotation where they still exist.
    pub(super) fn keeping_place(&mut self, change: impl FnOnce(&mut App)) {
        let current = self.doc().map(|d| d.id.clone());
        let selected = self
            .selected
            .and_then(|i| self.doc()?.annotations.get(i))
            .map(|a| a.id.clone());
        change(self);
        self.source = current
            .and_then(|id| self.data.sources.iter().position(|s| s.id == id))
            .unwrap_or(0);
        self.sources_cursor = self
            .sources_cursor
            .min(self.data.sources.len().saturating_sub(1));
        let len = self.doc().map_or(0, |d| d.text.len());
        self.cursor = floor_boundary(self.doc().map_or("", |d| &d.text), self.cursor.min(len));
        self.top = floor_boundary(self.doc().map_or("", |d| &d.text), self.top.min(len));
        self.selected =
            selected.and_then(|id| self.doc()?.annotations.iter().position(|a| a.id == id));
        self.ensure_visible();
        self.refresh_screen();
    }

    pub(super) fn picker_outcome(&mut self, outcome: PickerOutcome) -> Vec<Effect> {
        match outcome {
            PickerOutcome::Stay => Vec::new(),
            PickerOutcome::Close => {
                self.overlay = Overlay::None;
                Vec::new()
            }
            PickerOutcome::Cite {
                key,
                locator,
                relation,
            } => {
                let Overlay::Picker(picker) = std::mem::replace(&mut self.overlay, Overlay::None)
                else {
                    return Vec::new();
                };
                vec![Effect::Cite {
                    source: picker.source,
                    id: picker.target,
                    key,
                    locator,
                    relation,
                }]
            }
        }
    }

    pub(super) fn undo(&mut self) -> Vec<Effect> {
        match self.history.undo() {
            Some(step) => vec![Effect::Restore {
                notes: Box::new(step.before),
                label: format!("undo {}", step.label),
            }],
            None => {
                self.say("nothing to undo");
                Vec::new()
            }
        }
    }

    pub(super) fn redo(&mut self) -> Vec<Effect> {
        match self.history.redo() {
            Some(step) => vec![Effect::Restore {
                notes: Box::new(step.after),
                label: format!("redo {}", step.label),
            }],
            None => {
                self.say("nothing to redo");
                Vec::new()
            }
        }
    }
}
