//! Writes stay inside the workspace, even when a file or folder in it is a symbolic link to elsewhere.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::atomic::{FolderSync, write_atomic_then_sync};
use super::{StoreError, Workspace, write_atomic};

/// [`write_atomic`], refused when `path` (its links followed) lies outside the workspace.
pub fn write_inside(ws: &Workspace, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    check_inside(ws, path)?;
    write_atomic(path, bytes)
}

/// [`write_atomic_then_sync`], refused as [`write_inside`] is.
pub fn write_inside_then_sync(
    ws: &Workspace,
    path: &Path,
    bytes: &[u8],
) -> Result<FolderSync, StoreError> {
    check_inside(ws, path)?;
    write_atomic_then_sync(path, bytes)
}

fn check_inside(ws: &Workspace, path: &Path) -> Result<(), StoreError> {
    let root = fs::canonicalize(&ws.root).map_err(|e| StoreError::io("resolve", &ws.root, e))?;
    let real = real_location(path)?;
    if !real.starts_with(&root) {
        return Err(StoreError::OutsideWorkspace {
            path: ws.relative(path),
            target: real,
        });
    }
    Ok(())
}

/// Where a write to `path` lands: the file a link points to, or a new file in the (resolved) folder.
fn real_location(path: &Path) -> Result<PathBuf, StoreError> {
    match fs::canonicalize(path) {
        Ok(real) => Ok(real),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            let parent = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let folder =
                fs::canonicalize(parent).map_err(|e| StoreError::io("resolve", parent, e))?;
            Ok(folder.join(path.file_name().unwrap_or_default()))
        }
        Err(e) => Err(StoreError::io("resolve", path, e)),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    fn setup() -> (tempfile::TempDir, Workspace, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("ws");
        fs::create_dir_all(root.join("notes")).unwrap();
        let outside = tmp.path().join("outside");
        fs::create_dir(&outside).unwrap();
        (tmp, Workspace::new(root), outside)
    }

    #[test]
    fn plain_files_and_links_inside_are_written() {
        let (_tmp, ws, _) = setup();
        let path = ws.notes_dir().join("a.toml");
        write_inside(&ws, &path, b"new").unwrap();
        symlink(&path, ws.notes_dir().join("b.toml")).unwrap();
        write_inside(&ws, &ws.notes_dir().join("b.toml"), b"via link").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"via link");
    }

    #[test]
    fn a_link_to_a_file_outside_is_refused_and_the_file_untouched() {
        let (_tmp, ws, outside) = setup();
        let target = outside.join("victim.toml");
        fs::write(&target, b"theirs").unwrap();
        let link = ws.notes_dir().join("a.toml");
        symlink(&target, &link).unwrap();
        let err = write_inside(&ws, &link, b"mine").unwrap_err().to_string();
        assert!(
            err.contains("notes/a.toml") && err.contains("outside the workspace"),
            "{err}"
        );
        assert_eq!(fs::read(&target).unwrap(), b"theirs");
    }

    #[test]
    fn a_linked_folder_outside_is_refused() {
        let (_tmp, ws, outside) = setup();
        fs::remove_dir(ws.notes_dir()).unwrap();
        symlink(&outside, ws.notes_dir()).unwrap();
        let err = write_inside(&ws, &ws.notes_dir().join("new.toml"), b"x").unwrap_err();
        assert!(matches!(err, StoreError::OutsideWorkspace { .. }), "{err}");
        assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
    }
}
