//! Crash-safe writes: a temporary file beside the target, fsync, rename, fsync the folder.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::thread::{self, JoinHandle};

use super::StoreError;

const TEMP_MARK: &str = ".glose-tmp-";

/// Replaces `path` with `bytes` so that a crash leaves either the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = replace(path, bytes)?;
    sync_dir(&dir)
}

/// Like [`write_atomic`], but the folder is synced on another thread while the caller goes on.
pub fn write_atomic_then_sync(path: &Path, bytes: &[u8]) -> Result<FolderSync, StoreError> {
    let dir = replace(path, bytes)?;
    Ok(FolderSync::start(dir))
}

/// The folder sync that makes a rename durable; dropping it waits for it too.
#[must_use = "wait() tells whether the folder was synced"]
pub struct FolderSync {
    dir: PathBuf,
    running: Option<JoinHandle<Result<(), StoreError>>>,
}

impl FolderSync {
    fn start(dir: PathBuf) -> FolderSync {
        let for_thread = dir.clone();
        let running = thread::Builder::new()
            .name("glose-folder-sync".into())
            .spawn(move || sync_dir(&for_thread))
            .ok();
        FolderSync { dir, running }
    }

    /// Waits for the sync (or syncs here when no thread could start) and tells how it went.
    pub fn wait(mut self) -> Result<(), StoreError> {
        self.finish()
    }

    fn finish(&mut self) -> Result<(), StoreError> {
        match self.running.take() {
            Some(running) => running.join().unwrap_or_else(|_| sync_dir(&self.dir)),
            None => sync_dir(&self.dir),
        }
    }
}

impl Drop for FolderSync {
    fn drop(&mut self) {
        if self.running.is_some() {
            let _ = self.finish();
        }
    }
}

/// Writes a synced temporary beside `path` and renames it over `path`; returns the folder to sync.
fn replace(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let target = resolve_symlink(path);
    let dir = parent_dir(&target);
    let name = target
        .file_name()
        .ok_or_else(|| StoreError::BadFileName {
            name: path.display().to_string(),
        })?
        .to_string_lossy();
    let prefix = format!(".{name}{TEMP_MARK}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(6);
    let kept = fs::metadata(&target).map(|m| m.permissions()).ok();
    if let Some(perms) = kept.or_else(default_permissions) {
        builder.permissions(perms);
    }
    let mut temp = builder
        .tempfile_in(&dir)
        .map_err(|e| StoreError::io("create a temporary file in", &dir, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| StoreError::io("write", temp.path(), e))?;
    temp.persist(&target)
        .map_err(|e| StoreError::io("replace", &target, e.error))?;
    Ok(dir)
}

/// Deletes the temporaries that an interrupted [`write_atomic`] left in `dir`; returns what it removed.
pub fn remove_stale_temporaries(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io("list", dir, e)),
    };
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| StoreError::io("list", dir, e))?;
        if is_temporary(&entry.file_name()) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            fs::remove_file(&path).map_err(|e| StoreError::io("remove", &path, e))?;
            removed.push(path);
        }
    }
    removed.sort();
    Ok(removed)
}

fn is_temporary(name: &OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n.contains(TEMP_MARK))
}

/// Writing through a symlink must replace the file it points to, not the link.
fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A new file gets the usual `rw-r--r--` (narrowed by the umask), not the temporary's private mode.
#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("sync the folder", dir, e))
}

/// Windows cannot open a folder to sync it; the rename is durable once it returns.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<(), StoreError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_new_and_replaces_existing_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.toml");
        write_atomic(&path, b"first").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary left behind");
    }

    #[test]
    fn the_folder_is_synced_in_the_background_and_its_failure_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.toml");
        let folder = write_atomic_then_sync(&path, b"first").unwrap();
        assert_eq!(
            fs::read(&path).unwrap(),
            b"first",
            "written before the sync ends"
        );
        folder.wait().unwrap();
        drop(write_atomic_then_sync(&path, b"second").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let gone = dir.path().join("gone");
        let err = FolderSync::start(gone).wait().unwrap_err();
        assert!(err.to_string().contains("gone"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_modes_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.bib");
        write_atomic(&path, b"x").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o600, 0o600);
        assert_ne!(mode, 0o600, "not the temporary's private mode");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_leaves_the_old_file_intact() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        let path = locked.join("references.bib");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
        let probe = locked.join("probe");
        if fs::write(&probe, b"").is_ok() {
            fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
            eprintln!("skipped: running as a user who ignores folder permissions (root)");
            return;
        }
        let err = write_atomic(&path, b"new").unwrap_err();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        assert!(err.to_string().contains("temporary file"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(&locked).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_rename_leaves_the_target_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("notes");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("kept.toml"), b"old").unwrap();
        let err = write_atomic(&target, b"new").unwrap_err().to_string();
        assert!(err.contains("could not replace"), "{err}");
        assert_eq!(fs::read(target.join("kept.toml")).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary removed"
        );
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("x.toml");
        let err = write_atomic(&path, b"x").unwrap_err().to_string();
        assert!(err.contains("nope"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.bib");
        let link = dir.path().join("link.bib");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn stale_temporaries_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".x.toml.glose-tmp-abc123");
        fs::write(&stale, b"torn").unwrap();
        fs::write(dir.path().join("x.toml"), b"keep").unwrap();
        fs::write(dir.path().join(".hidden"), b"keep").unwrap();
        fs::write(dir.path().join("glose-tmp-notmine"), b"keep").unwrap();
        let removed = remove_stale_temporaries(dir.path()).unwrap();
        assert_eq!(removed, vec![stale.clone()]);
        assert!(!stale.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
        let missing = dir.path().join("missing");
        assert!(remove_stale_temporaries(&missing).unwrap().is_empty());
    }
}
