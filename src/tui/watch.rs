//! Noticing that notes files or `library/*.bib` changed on disk behind the TUI, by their fingerprints.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::store::{Fingerprint, Workspace};

/// What changed since the files were last read or written by the TUI.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Notes files that existed before and still exist, changed in place or replaced.
    pub notes: Vec<PathBuf>,
    /// Any other change: a `.bib` changed, or a notes file appeared or went away.
    pub other: Vec<PathBuf>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.other.is_empty()
    }
}

/// The fingerprints of the files as the TUI last saw them.
#[derive(Debug, Default)]
pub struct Watch {
    notes: BTreeMap<PathBuf, Fingerprint>,
    bibs: BTreeMap<PathBuf, Fingerprint>,
}

impl Watch {
    /// Fingerprints every notes file and `.bib` now (taken before reading them, so a later change is noticed).
    pub fn snapshot(ws: &Workspace) -> Watch {
        Watch {
            notes: fingerprints(ws.notes_paths().unwrap_or_default()),
            bibs: fingerprints(ws.bib_paths().unwrap_or_default()),
        }
    }

    /// Remembers one notes file as it is now (after the TUI wrote or read it).
    pub fn remember(&mut self, path: &Path) {
        match Fingerprint::of(path) {
            Some(print) => self.notes.insert(path.to_path_buf(), print),
            None => self.notes.remove(path),
        };
    }

    /// Whether a notes file is no longer as the TUI last saw it.
    pub fn is_stale(&self, path: &Path) -> bool {
        self.notes.get(path).copied() != Fingerprint::of(path)
    }

    /// The files that differ between this snapshot and `now`.
    pub fn changes(&self, now: &Watch) -> Changes {
        let mut changes = Changes::default();
        for (path, print) in &now.notes {
            match self.notes.get(path) {
                Some(old) if old == print => {}
                Some(_) => changes.notes.push(path.clone()),
                None => changes.other.push(path.clone()),
            }
        }
        let gone = self.notes.keys().filter(|p| !now.notes.contains_key(*p));
        changes.other.extend(gone.cloned());
        let bibs = self.bibs.keys().chain(now.bibs.keys());
        let differ = bibs.filter(|p| self.bibs.get(*p) != now.bibs.get(*p));
        changes.other.extend(differ.cloned());
        changes.other.sort();
        changes.other.dedup();
        changes
    }
}

fn fingerprints(paths: Vec<PathBuf>) -> BTreeMap<PathBuf, Fingerprint> {
    paths
        .into_iter()
        .filter_map(|path| Fingerprint::of(&path).map(|print| (path, print)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write_atomic;

    #[test]
    fn tells_changed_notes_from_other_changes() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        std::fs::create_dir_all(ws.notes_dir()).unwrap();
        std::fs::create_dir_all(ws.library_dir()).unwrap();
        let notes = ws.notes_dir().join("a.toml");
        let bib = ws.library_dir().join("refs.bib");
        write_atomic(&notes, b"one").unwrap();
        write_atomic(&bib, b"@book{a,}").unwrap();
        let mut watch = Watch::snapshot(&ws);
        assert!(watch.changes(&Watch::snapshot(&ws)).is_empty());
        assert!(!watch.is_stale(&notes));
        std::fs::write(&notes, b"two, longer").unwrap();
        assert!(watch.is_stale(&notes));
        let changes = watch.changes(&Watch::snapshot(&ws));
        assert_eq!(changes.notes, vec![notes.clone()]);
        assert!(changes.other.is_empty());
        watch.remember(&notes);
        assert!(!watch.is_stale(&notes));
        std::fs::write(&bib, b"@book{b,}").unwrap();
        let other = ws.notes_dir().join("b.toml");
        write_atomic(&other, b"new").unwrap();
        let changes = watch.changes(&Watch::snapshot(&ws));
        assert!(changes.notes.is_empty());
        assert_eq!(changes.other, vec![bib, other]);
    }
}
