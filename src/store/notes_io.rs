//! Loading and saving notes files and source texts inside a workspace.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::{
    FolderSync, NotesFile, NotesParseError, StoreError, Workspace, decode_source, notes_to_string,
    parse_notes, write_inside_then_sync,
};
use crate::model::{Source, SourceId};

/// Every `notes/*.toml` with its path relative to the root; a bad file is an error beside the others, never a reason to skip them.
pub fn load_notes_dir(ws: &Workspace) -> Vec<(PathBuf, Result<NotesFile, NotesParseError>)> {
    load_notes_where(ws, |_| true)
}

/// Like [`load_notes_dir`], but parses only the files whose raw text contains `needle`.
pub fn load_notes_containing(
    ws: &Workspace,
    needle: &str,
) -> Vec<(PathBuf, Result<NotesFile, NotesParseError>)> {
    load_notes_where(ws, |text| text.contains(needle))
}

fn load_notes_where(
    ws: &Workspace,
    wanted: impl Fn(&str) -> bool,
) -> Vec<(PathBuf, Result<NotesFile, NotesParseError>)> {
    let paths = match ws.notes_paths() {
        Ok(paths) => paths,
        Err(e) => return vec![(ws.relative(&ws.notes_dir()), Err(whole_file(e.to_string())))],
    };
    paths
        .into_iter()
        .filter_map(|path| {
            let text = fs::read_to_string(&path)
                .map_err(|e| whole_file(format!("could not read the file: {e}")));
            if text.as_deref().is_ok_and(|text| !wanted(text)) {
                return None;
            }
            let result = text.and_then(|text| parse_named(&path, &text));
            Some((ws.relative(&path), result))
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
    let (path, folder) = save_notes_then_sync(ws, notes)?;
    folder.wait()?;
    Ok(path)
}

/// Like [`save_notes`], with the notes folder synced on another thread while the caller commits.
pub fn save_notes_then_sync(
    ws: &Workspace,
    notes: &NotesFile,
) -> Result<(PathBuf, FolderSync), StoreError> {
    let dir = ws.notes_dir();
    fs::create_dir_all(&dir).map_err(|e| StoreError::io("create", &dir, e))?;
    let path = ws.notes_path(&notes.source.id);
    let folder = write_inside_then_sync(ws, &path, notes_to_string(notes).as_bytes())?;
    Ok((ws.relative(&path), folder))
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
fn parse_named(path: &Path, text: &str) -> Result<NotesFile, NotesParseError> {
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
    let mut offset = 0;
    let mut in_source = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_source = trimmed == "[source]";
        } else if in_source
            && trimmed
                .strip_prefix("id")
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return offset + line.len() - line.trim_start().len();
        }
        offset += line.len();
    }
    0
}

/// An error about the file as a whole, reported at its first line.
fn whole_file(message: String) -> NotesParseError {
    NotesParseError {
        line: 1,
        column: 1,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceFormat;
    use crate::store::init_layout;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let tmp = tempfile::tempdir().unwrap();
        init_layout(tmp.path()).unwrap();
        let ws = Workspace::new(tmp.path());
        (tmp, ws)
    }

    fn source(id: &str) -> Source {
        Source {
            id: SourceId::new(id).unwrap(),
            title: "Titre".to_string(),
            file: format!("{id}.md"),
            format: SourceFormat::Markdown,
            hash: String::new(),
            cite: None,
        }
    }

    #[test]
    fn saved_notes_load_back_and_resaving_changes_nothing() {
        let (_tmp, ws) = workspace();
        let notes = NotesFile::new(source("berdeil-2023"));
        let written = save_notes(&ws, &notes).unwrap();
        assert_eq!(written, Path::new("notes/berdeil-2023.toml"));
        let before = fs::read(ws.root.join(&written)).unwrap();
        let loaded = load_notes(&ws, &notes.source.id).unwrap().unwrap();
        assert_eq!(loaded, notes);
        save_notes(&ws, &loaded).unwrap();
        assert_eq!(fs::read(ws.root.join(&written)).unwrap(), before);
        let absent = SourceId::new("other").unwrap();
        assert_eq!(load_notes(&ws, &absent).unwrap(), None);
    }

    #[test]
    fn a_bad_notes_file_is_reported_beside_the_good_ones() {
        let (_tmp, ws) = workspace();
        save_notes(&ws, &NotesFile::new(source("a-good"))).unwrap();
        fs::write(
            ws.notes_dir().join("b-bad.toml"),
            "[source]\nid = \"b-bad\"\nfile = \"x\"\nid = 3\n",
        )
        .unwrap();
        let text = notes_to_string(&NotesFile::new(source("elsewhere")));
        fs::write(ws.notes_dir().join("c-renamed.toml"), text).unwrap();
        fs::write(
            ws.notes_dir().join("d-moved.toml"),
            "[source]\nfile = \"x\"\n  id = \"moved\"\n",
        )
        .unwrap();
        let loaded = load_notes_dir(&ws);
        let paths: Vec<_> = loaded.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(
            paths,
            [
                "notes/a-good.toml",
                "notes/b-bad.toml",
                "notes/c-renamed.toml",
                "notes/d-moved.toml"
            ]
            .map(PathBuf::from)
        );
        assert!(loaded[0].1.is_ok());
        assert_eq!(loaded[1].1.as_ref().unwrap_err().line, 4);
        let renamed = loaded[2].1.as_ref().unwrap_err();
        assert_eq!(renamed.line, 5, "{renamed}");
        assert!(renamed.message.contains("rename the file"), "{renamed}");
        let moved = loaded[3].1.as_ref().unwrap_err();
        assert_eq!((moved.line, moved.column), (3, 3), "{moved}");

        let id = SourceId::new("b-bad").unwrap();
        let err = load_notes(&ws, &id).unwrap_err().to_string();
        assert!(err.starts_with("notes/b-bad.toml: line 4"), "{err}");
    }

    #[test]
    fn sources_are_read_decoded_and_missing_ones_are_named() {
        let (_tmp, ws) = workspace();
        let s = source("berdeil-2023");
        let err = read_source(&ws, &s).unwrap_err().to_string();
        assert!(
            err.contains("library/sources/berdeil-2023.md") && err.contains("import"),
            "{err}"
        );
        fs::write(ws.sources_dir().join(&s.file), b"\xEF\xBB\xBF62 %\r\n").unwrap();
        assert_eq!(read_source(&ws, &s).unwrap(), "62 %\r\n");
        fs::write(ws.sources_dir().join(&s.file), b"\x00\x01").unwrap();
        let err = read_source(&ws, &s).unwrap_err().to_string();
        assert!(
            err.contains("berdeil-2023.md") && err.contains("UTF-8"),
            "{err}"
        );
        let escaping = Source {
            file: "../../glose.toml".to_string(),
            ..s
        };
        assert!(matches!(
            read_source(&ws, &escaping),
            Err(StoreError::BadFileName { .. })
        ));
    }
}
