//! A cheap way to notice that a file changed on disk since it was read (for a TUI that keeps notes open).

use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and file identity: glose's atomic writes always change the identity, editors the time or size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    identity: (u64, u64),
}

impl Fingerprint {
    /// The file's fingerprint now, or `None` when it does not exist (or cannot be read).
    pub fn of(path: &Path) -> Option<Fingerprint> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            identity: identity(&meta),
        })
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write_atomic;

    #[test]
    fn changes_when_glose_or_another_program_writes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        assert_eq!(Fingerprint::of(&path), None);
        write_atomic(&path, b"one").unwrap();
        let first = Fingerprint::of(&path).unwrap();
        assert_eq!(
            Fingerprint::of(&path),
            Some(first),
            "stable while untouched"
        );
        write_atomic(&path, b"two").unwrap();
        let second = Fingerprint::of(&path).unwrap();
        assert_ne!(first, second, "same size, new file");
        std::fs::write(&path, b"three!").unwrap();
        assert_ne!(Fingerprint::of(&path), Some(second), "edited in place");
    }
}
