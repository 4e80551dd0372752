//! The verbs shared by the CLI and the TUI; each mutating verb is one git commit, or waits for a checkpoint.

mod add_source;
mod annotate;
mod bib_add;
mod check;
mod checkpoint;
mod commit;
mod context;
mod demo;
mod doctor;
mod error;
mod history;
mod init;
mod loaded;
mod merge_files;
mod message;
mod modify;
mod queries;
mod reanchor;
mod reattach;
mod restore;
mod review;
mod settle_conflict;
mod sync;

pub use add_source::{AddSourceRequest, SourceAdded, add_source};
pub use annotate::{AnnotateRequest, Annotated, CiteSpec, annotate, excerpt};
pub use bib_add::{ReferencesAdded, bib_add};
pub use check::{Finding, Severity, check};
pub use checkpoint::{checkpoint, pending_changes};
pub use commit::Committed;
pub use context::{Context, RunOptions};
pub use demo::{DemoCreated, demo, temporary_dir};
pub use doctor::{DoctorReport, doctor};
pub use error::OpsError;
pub use history::{CommitChanges, History, LogFilter, Since, SourceChanges, log, show_commit};
pub use init::{Initialized, init};
pub use loaded::{Loaded, read_library};
pub use merge_files::{FileMerged, merge_bib_file, merge_notes_file};
pub use modify::{EditRequest, Modified, cite, edit, remove, uncite};
pub use queries::{ClaimFilter, ClaimRow, claims, reanchor};
pub use reanchor::{Reanchoring, current_text};
pub use reattach::reattach;
pub use restore::restore_notes;
pub use review::{
    Marked, ReviewTarget, Thread, comment, mark_reviewed, reply, resolve, threads, threads_in,
};
pub use settle_conflict::{Choice, settle_conflict};
pub use sync::{SyncReport, sync};
