//! Noticing that notes files, `library/*.bib`, source texts or `glose.toml` changed on disk behind the TUI, by their fingerprints.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::store::{Fingerprint, Workspace};

/// What changed since the files were last read or written by the TUI.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Notes files that existed before and still exist, changed in place or replaced.
    pub notes: Vec<PathBuf>,
    /// Notes files that appeared.
    pub added: Vec<PathBuf>,
    /// Notes files that went away.
    pub removed: Vec<PathBuf>,
    /// `.bib` files changed, added or removed.
    pub bibs: Vec<PathBuf>,
    /// Files of `library/sources/` changed, added or removed.
    pub texts: Vec<PathBuf>,
    /// `glose.toml` changed.
    pub config: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self == &Changes::default()
    }
}

/// The fingerprints of the files as the TUI last saw them.
#[derive(Debug, Default)]
pub struct Watch {
    notes: Prints,
    bibs: Prints,
    texts: Prints,
    config: Option<Fingerprint>,
}

type Prints = BTreeMap<PathBuf, Fingerprint>;

impl Watch {
    /// Fingerprints every notes file, `.bib`, source text and `glose.toml` now (taken before reading
    /// them, so a later change is noticed).
    pub fn snapshot(ws: &Workspace) -> Watch {
        Watch {
            notes: fingerprints(ws.notes_paths().unwrap_or_default()),
            bibs: fingerprints(ws.bib_paths().unwrap_or_default()),
            texts: fingerprints(ws.source_files().unwrap_or_default()),
            config: Fingerprint::of(&ws.config_path()),
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

    /// Puts back what `old` knew of a source text, so that its change is reported again next time.
    pub fn keep_old_text(&mut self, old: &Watch, path: &Path) {
        match old.texts.get(path) {
            Some(print) => self.texts.insert(path.to_path_buf(), *print),
            None => self.texts.remove(path),
        };
    }

    /// The files that differ between this snapshot and `now`.
    pub fn changes(&self, now: &Watch) -> Changes {
        let mut changes = Changes {
            bibs: differ(&self.bibs, &now.bibs),
            texts: differ(&self.texts, &now.texts),
            config: self.config != now.config,
            ..Changes::default()
        };
        for path in differ(&self.notes, &now.notes) {
            match (
                self.notes.contains_key(&path),
                now.notes.contains_key(&path),
            ) {
                (true, true) => changes.notes.push(path),
                (false, _) => changes.added.push(path),
                (true, false) => changes.removed.push(path),
            }
        }
        changes
    }
}

/// The paths whose fingerprint differs (or that exist in one map only), sorted.
fn differ(old: &Prints, now: &Prints) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = old
        .keys()
        .chain(now.keys())
        .filter(|p| old.get(*p) != now.get(*p))
        .cloned()
        .collect();
    paths.sort();
    paths.dedup();
    paths
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
    fn tells_each_kind_of_change_apart() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        std::fs::create_dir_all(ws.notes_dir()).unwrap();
        std::fs::create_dir_all(ws.sources_dir()).unwrap();
        let notes = ws.notes_dir().join("a.toml");
        let bib = ws.library_dir().join("refs.bib");
        let text = ws.sources_dir().join("a.md");
        write_atomic(&notes, b"one").unwrap();
        write_atomic(&bib, b"@book{a,}").unwrap();
        write_atomic(&text, b"Some text.").unwrap();
        let mut watch = Watch::snapshot(&ws);
        assert!(watch.changes(&Watch::snapshot(&ws)).is_empty());
        assert!(!watch.is_stale(&notes));
        std::fs::write(&notes, b"two, longer").unwrap();
        assert!(watch.is_stale(&notes));
        let changes = watch.changes(&Watch::snapshot(&ws));
        assert_eq!(changes.notes, vec![notes.clone()]);
        assert!(changes.added.is_empty() && changes.bibs.is_empty() && !changes.config);
        watch.remember(&notes);
        assert!(!watch.is_stale(&notes));
        std::fs::write(&bib, b"@book{b,}").unwrap();
        let other = ws.notes_dir().join("b.toml");
        write_atomic(&other, b"new").unwrap();
        std::fs::remove_file(&notes).unwrap();
        std::fs::write(&text, b"Other text, longer.").unwrap();
        write_atomic(&ws.config_path(), b"locale = \"en\"").unwrap();
        let now = Watch::snapshot(&ws);
        let changes = watch.changes(&now);
        assert!(changes.notes.is_empty());
        assert_eq!(changes.added, vec![other]);
        assert_eq!(changes.removed, vec![notes]);
        assert_eq!(changes.bibs, vec![bib]);
        assert_eq!(changes.texts, vec![text.clone()]);
        assert!(changes.config);
        let mut later = now;
        later.keep_old_text(&watch, &text);
        assert_eq!(later.changes(&Watch::snapshot(&ws)).texts, vec![text]);
    }
}
