//! The parse cache of a workspace's library, kept in its git directory: losing it costs only time.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::git::Repo;
use super::{StoreError, Workspace, write_atomic};

/// A cache larger than this is not read (it cannot be one glose wrote for a sane library).
const MAX_CACHE_BYTES: u64 = 1 << 30;

/// Where the cache of one workspace lives, and the build of glose that may read it.
#[derive(Debug, Clone)]
pub struct LibraryCache {
    path: PathBuf,
    stamp: String,
}

impl LibraryCache {
    /// `<gitdir>/glose/library.cache` of the repository holding `ws`; `None` outside a git repository.
    pub fn of(ws: &Workspace) -> Option<LibraryCache> {
        let repo = Repo::open(&ws.root).ok()?;
        Some(LibraryCache::at(
            repo.git_dir().join("glose").join("library.cache"),
        ))
    }

    /// A cache at `path`, for this build of glose.
    pub fn at(path: PathBuf) -> LibraryCache {
        LibraryCache {
            path,
            stamp: build_stamp(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The size and modification time of the running glose, so a rebuilt glose never trusts an
    /// older build's cache.
    pub fn stamp(&self) -> &str {
        &self.stamp
    }

    /// The cache's bytes; `None` when it is missing, unreadable or too large.
    pub fn read(&self) -> Option<Vec<u8>> {
        let file = fs::File::open(&self.path).ok()?;
        let mut bytes = Vec::new();
        file.take(MAX_CACHE_BYTES + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        (bytes.len() as u64 <= MAX_CACHE_BYTES).then_some(bytes)
    }

    /// Replaces the cache atomically; the caller may ignore a failure (a read-only or full disk).
    pub fn write(&self, bytes: &[u8]) -> Result<(), StoreError> {
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(|e| StoreError::io("create", dir, e))?;
        }
        write_atomic(&self.path, bytes)
    }
}

fn build_stamp() -> String {
    let meta = std::env::current_exe().and_then(fs::metadata);
    let Ok(meta) = meta else {
        return String::from("unknown build");
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{} bytes, modified {modified}", meta.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lives_in_the_git_dir_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repo::init(dir.path()).unwrap();
        let cache = LibraryCache::of(&Workspace::new(dir.path())).unwrap();
        assert_eq!(cache.path(), repo.git_dir().join("glose/library.cache"));
        assert_eq!(cache.read(), None);
        cache.write(b"bytes").unwrap();
        assert_eq!(cache.read().as_deref(), Some(&b"bytes"[..]));
        assert_eq!(cache.stamp(), LibraryCache::at(PathBuf::new()).stamp());
    }

    #[test]
    fn no_cache_outside_git_and_a_blocked_dir_is_an_error_to_ignore() {
        let dir = tempfile::tempdir().unwrap();
        assert!(LibraryCache::of(&Workspace::new(dir.path())).is_none());
        fs::write(
            dir.path().join("glose"),
            "a file where the folder should be",
        )
        .unwrap();
        let cache = LibraryCache::at(dir.path().join("glose").join("library.cache"));
        assert!(cache.write(b"x").is_err());
        assert_eq!(cache.read(), None);
    }
}
