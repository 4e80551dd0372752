//! Session-wide undo and redo, as versions of one notes file.

use crate::store::NotesFile;

/// One change: the notes file before and after it.
#[derive(Debug, Clone)]
pub struct UndoStep {
    pub label: String,
    pub before: NotesFile,
    pub after: NotesFile,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
}

impl History {
    pub fn record(&mut self, step: UndoStep) {
        self.undo.push(step);
        self.redo.clear();
    }

    /// The step to undo; it moves to the redo stack.
    pub fn undo(&mut self) -> Option<UndoStep> {
        let step = self.undo.pop()?;
        self.redo.push(step.clone());
        Some(step)
    }

    /// Drops every step of one source (its notes file changed outside glose).
    pub fn forget(&mut self, source: &str) {
        self.undo.retain(|s| s.before.source.id.as_str() != source);
        self.redo.retain(|s| s.before.source.id.as_str() != source);
    }

    pub fn redo(&mut self) -> Option<UndoStep> {
        let step = self.redo.pop()?;
        self.undo.push(step.clone());
        Some(step)
    }
}
