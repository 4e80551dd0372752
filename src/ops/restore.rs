use super::commit::{Committed, Pending};
use super::{Context, OpsError};
use crate::store::{self, NotesFile};

/// Writes back an earlier version of a notes file (the terminal UI's undo and redo).
pub fn restore_notes(
    cx: &Context,
    notes: &NotesFile,
    message: String,
) -> Result<Committed, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let pending = Pending::start(cx)?;
    let path = store::save_notes(&cx.ws, notes)?;
    pending.commit(cx, vec![path], message)
}
