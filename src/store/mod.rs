//! The only code that touches files and git: load, save atomically, commit, history.

mod atomic;
mod attributes;
mod config;
mod confine;
mod decode;
mod error;
mod files;
mod fingerprint;
pub mod git;
mod library_cache;
mod lock;
mod notes_format;
mod notes_io;
mod workspace;

pub use atomic::{FolderSync, remove_stale_temporaries, write_atomic};
pub use attributes::{MERGE_ATTRIBUTES, add_attributes, missing_attributes};
pub use config::{Config, NetConfig};
pub use confine::{write_inside, write_inside_then_sync};
pub use decode::{Decoded, content_hash, decode_source};
pub use error::StoreError;
pub use files::{MAX_IMPORT_BYTES, read_bytes, read_import, read_text};
pub use fingerprint::Fingerprint;
pub use library_cache::LibraryCache;
pub use lock::{LOCK_WAIT, WorkspaceLock};
pub use notes_format::{
    BlockReader, NotesFile, NotesMerge, NotesMergeError, NotesParseError, merge_notes_text,
    notes_to_string, parse_notes,
};
pub use notes_io::{
    load_notes, load_notes_containing, load_notes_dir, read_source, save_notes,
    save_notes_then_sync,
};
pub use workspace::{InitReport, Workspace, discover, init_layout};
