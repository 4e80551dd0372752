//! Loading and saving notes files and source texts inside a workspace.

use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use super::{
    NotesFile, NotesParseError, StoreError, Workspace, decode_source, notes_to_string, parse_notes,
    write_atomic,
};
use crate::model::{Source, SourceId};

/// Every `notes/*.toml` with its path relative to the root; a bad file is an error beside the others, never a reason to skip them.
pub fn load_notes_dir(ws: &Workspace) -> Vec<(PathBuf, Result<NotesFile, NotesParseError>)> {
    let paths = match ws.notes_paths() {
        Ok(paths) => paths,
        Err(e) => return vec![(ws.relative(&ws.notes_dir()), Err(whole_file(e.to_string())))],
    };
    paths
        .into_iter()
        .map(|path| {
            let result = fs::read_to_string(&path)
                .map_err(|e| whole_file(format!("could not read the file: {e}")))
                .and_then(|text| parse_named(&path, &text));
            (ws.relative(&path), result)
        })
        .collect()
}

/// The notes of one source, or `None` when it has no notes file yet.
pub fn load_notes(ws: &Workspace, id: &SourceId) -> Result<Option<NotesFile>, StoreError> {
    let path = ws.notes_path(id);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io("read", path, e)),
    };
    parse_named(&path, &text)
        .map(Some)
        .map_err(|source| StoreError::Notes {
            path: ws.relative(&path),
            source,
        })
}

/// Writes `notes/<source-id>.toml` atomically and returns its path relative to the root.
pub fn save_notes(ws: &Workspace, notes: &NotesFile) -> Result<PathBuf, StoreError> {
    let dir = ws.notes_dir();
    fs::create_dir_all(&dir).map_err(|e| StoreError::io("create", &dir, e))?;
    let path = ws.notes_path(&notes.source.id);
    write_atomic(&path, notes_to_string(notes).as_bytes())?;
    Ok(ws.relative(&path))
}

/// The text of a source, decoded as on import.
pub fn read_source(ws: &Workspace, source: &Source) -> Result<String, StoreError> {
    let path = ws.source_path(&source.file)?;
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(StoreError::SourceMissing {
                path: ws.relative(&path),
            });
        }
        Err(e) => return Err(StoreError::io("read", path, e)),
    };
    match decode_source(&bytes) {
        Ok(decoded) => Ok(decoded.text),
        Err(StoreError::Undecodable { detail }) => Err(StoreError::UndecodableFile {
            path: ws.relative(&path),
            detail,
        }),
        Err(other) => Err(other),
    }
}

/// Parses a notes file and checks that its name matches the source id inside.
fn parse_named(path: &std::path::Path, text: &str) -> Result<NotesFile, NotesParseError> {
    let notes = parse_notes(text)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    if stem.as_deref() != Some(notes.source.id.as_str()) {
        let offset = id_offset(text);
        let (line, column) = super::notes_format::line_column(text, offset);
        return Err(NotesParseError {
            line,
            column,
            message: format!(
                "the file is named {}.toml but its source id is `{}`: rename the file or change the id",
                stem.unwrap_or_default(),
                notes.source.id
            ),
        });
    }
    Ok(notes)
}

/// Where the `[source]` id is written, for pointing at it; the top of the file if not found.
fn id_offset(text: &str) -> usize {
    let Some(table) = text.find("[source]") else {
        return 0;
    };
    text[table..].find("\nid").map_or(table, |i| table + i + 1)
}

/// An error about the file as a whole, reported at its first line.
fn whole_file(message: String) -> NotesParseError {
    NotesParseError {
        line: 1,
        column: 1,
        message,
    }
}
