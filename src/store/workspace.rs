//! Where things live in a workspace, finding one from a subfolder, and creating a new one.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::{StoreError, write_atomic};
use crate::model::SourceId;

const CONFIG: &str = "glose.toml";
const LIBRARY: &str = "library";
const SOURCES: &str = "sources";
const NOTES: &str = "notes";
const DEFAULT_BIB: &str = "references.bib";

const DEFAULT_CONFIG: &str = "\
# glose workspace settings (TOML). Lines starting with # are comments.

# Citation style for Markdown exports, by CSL style name (for example \"apa\").
# style = \"apa\"

# Language of exported bibliographies: dates, \"et al.\", quotation marks.
locale = \"fr-FR\"
";

const EMPTY_BIB: &str = "% References for this workspace: add BibTeX or BibLaTeX entries here.\n";

/// A glose workspace: a folder holding `glose.toml`, `library/` and `notes/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    pub root: PathBuf,
}

/// What `init_layout` created, as paths relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitReport {
    pub root: PathBuf,
    pub created: Vec<PathBuf>,
}

impl Workspace {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Workspace { root: root.into() }
    }

    pub fn config_path(&self) -> PathBuf {
        self.root.join(CONFIG)
    }

    pub fn library_dir(&self) -> PathBuf {
        self.root.join(LIBRARY)
    }

    pub fn sources_dir(&self) -> PathBuf {
        self.library_dir().join(SOURCES)
    }

    pub fn notes_dir(&self) -> PathBuf {
        self.root.join(NOTES)
    }

    pub fn notes_path(&self, id: &SourceId) -> PathBuf {
        self.notes_dir().join(format!("{id}.toml"))
    }

    /// The path of a source text, refusing any name that could leave `library/sources/`.
    pub fn source_path(&self, file_name: &str) -> Result<PathBuf, StoreError> {
        let mut parts = Path::new(file_name).components();
        let plain = matches!(parts.next(), Some(Component::Normal(_)))
            && parts.next().is_none()
            && !file_name.starts_with('.')
            && !file_name.contains("..")
            && !file_name.contains(['/', '\\', '\0']);
        if plain {
            Ok(self.sources_dir().join(file_name))
        } else {
            Err(StoreError::BadFileName {
                name: file_name.to_string(),
            })
        }
    }

    /// `library/references.bib`, where new entries are appended.
    pub fn references_path(&self) -> PathBuf {
        self.library_dir().join(DEFAULT_BIB)
    }

    /// The paths glose commits, relative to the root.
    pub fn own_paths(&self) -> Vec<PathBuf> {
        [CONFIG, LIBRARY, NOTES].iter().map(PathBuf::from).collect()
    }

    /// Every visible file in `library/sources/`, sorted by name.
    pub fn source_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        files_with_extension(&self.sources_dir(), None)
    }

    /// Every `library/*.bib`, sorted by name.
    pub fn bib_paths(&self) -> Result<Vec<PathBuf>, StoreError> {
        files_with_extension(&self.library_dir(), Some("bib"))
    }

    /// Every `notes/*.toml`, sorted by name.
    pub fn notes_paths(&self) -> Result<Vec<PathBuf>, StoreError> {
        files_with_extension(&self.notes_dir(), Some("toml"))
    }

    /// `path` relative to the root, for messages and git; paths outside the root come back unchanged.
    pub fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
    }
}

fn files_with_extension(dir: &Path, ext: Option<&str>) -> Result<Vec<PathBuf>, StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io("list", dir, e)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| StoreError::io("list", dir, e))?.path();
        let visible = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| !n.starts_with('.'));
        let wanted = ext.is_none_or(|ext| path.extension().is_some_and(|e| e == ext));
        if visible && wanted && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// Walks up from `start`, as git does, to the first folder holding a `glose.toml`.
pub fn discover(start: &Path) -> Result<PathBuf, StoreError> {
    let start = std::path::absolute(start).map_err(|e| StoreError::io("resolve", start, e))?;
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG).is_file())
        .map(Path::to_path_buf)
        .ok_or(StoreError::NotAWorkspace { start })
}

/// Creates `glose.toml`, `library/references.bib`, `library/sources/` and `notes/` in `dir`, keeping what exists.
pub fn init_layout(dir: &Path) -> Result<InitReport, StoreError> {
    let ws = Workspace::new(dir);
    let config = ws.config_path();
    if config.exists() {
        return Err(StoreError::AlreadyAWorkspace { path: config });
    }
    let mut created = Vec::new();
    for folder in [ws.library_dir(), ws.sources_dir(), ws.notes_dir()] {
        if !folder.is_dir() {
            fs::create_dir_all(&folder).map_err(|e| StoreError::io("create", &folder, e))?;
            created.push(ws.relative(&folder));
        }
    }
    let bib = ws.library_dir().join(DEFAULT_BIB);
    if !bib.exists() {
        write_atomic(&bib, EMPTY_BIB.as_bytes())?;
        created.push(ws.relative(&bib));
    }
    write_atomic(&config, DEFAULT_CONFIG.as_bytes())?;
    created.push(ws.relative(&config));
    Ok(InitReport {
        root: ws.root,
        created,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_creates_the_layout_and_refuses_twice() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("these");
        let report = init_layout(&dir).unwrap();
        let ws = Workspace::new(&dir);
        assert!(ws.config_path().is_file());
        assert!(ws.sources_dir().is_dir() && ws.notes_dir().is_dir());
        let bib = fs::read_to_string(ws.library_dir().join("references.bib")).unwrap();
        assert!(bib.starts_with('%') && bib.lines().count() == 1);
        assert_eq!(ws.bib_paths().unwrap().len(), 1);
        assert!(report.created.contains(&PathBuf::from("glose.toml")));
        assert!(report.created.iter().all(|p| p.is_relative()));

        let err = init_layout(&dir).unwrap_err().to_string();
        assert!(
            err.contains("glose.toml") && err.contains("already"),
            "{err}"
        );
    }

    #[test]
    fn init_keeps_an_existing_bibliography() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir(tmp.path().join("library")).unwrap();
        let bib = tmp.path().join("library/references.bib");
        fs::write(&bib, "@book{mine, title={Mine}}\n").unwrap();
        let report = init_layout(tmp.path()).unwrap();
        assert_eq!(
            fs::read_to_string(&bib).unwrap(),
            "@book{mine, title={Mine}}\n"
        );
        assert!(
            !report
                .created
                .contains(&PathBuf::from("library/references.bib"))
        );
    }

    #[test]
    fn the_default_config_loads_with_its_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        init_layout(tmp.path()).unwrap();
        let config = super::super::Config::load(&Workspace::new(tmp.path()).config_path()).unwrap();
        assert_eq!(config.locale, "fr-FR");
        assert_eq!(config.style, None);
    }

    #[test]
    fn discover_walks_up_and_explains_when_it_fails() {
        let tmp = tempfile::tempdir().unwrap();
        init_layout(tmp.path()).unwrap();
        let deep = tmp.path().join("notes/a/b");
        fs::create_dir_all(&deep).unwrap();
        assert_eq!(discover(&deep).unwrap(), tmp.path());
        assert_eq!(discover(tmp.path()).unwrap(), tmp.path());

        let outside = tempfile::tempdir().unwrap();
        let err = discover(outside.path()).unwrap_err().to_string();
        assert!(
            err.contains("glose init") && err.contains("-C DIR"),
            "{err}"
        );
    }

    #[test]
    fn source_names_cannot_escape_the_workspace() {
        let ws = Workspace::new("/ws");
        for bad in [
            "",
            ".",
            "..",
            "../x",
            "a/b",
            "a\\b",
            "/etc/passwd",
            ".hidden",
            "a..b",
            "x\0",
        ] {
            assert!(ws.source_path(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(
            ws.source_path("berdeil-2023.md").unwrap(),
            Path::new("/ws/library/sources/berdeil-2023.md")
        );
    }

    #[test]
    fn paths_follow_the_layout() {
        let ws = Workspace::new("/ws");
        let id = SourceId::new("berdeil-2023").unwrap();
        assert_eq!(ws.notes_path(&id), Path::new("/ws/notes/berdeil-2023.toml"));
        assert_eq!(
            ws.relative(&ws.notes_path(&id)),
            Path::new("notes/berdeil-2023.toml")
        );
        assert_eq!(ws.relative(Path::new("/else/x")), Path::new("/else/x"));
    }

    #[test]
    fn listings_are_sorted_and_skip_other_files() {
        let tmp = tempfile::tempdir().unwrap();
        let ws = Workspace::new(tmp.path());
        assert!(
            ws.notes_paths().unwrap().is_empty(),
            "missing folder lists nothing"
        );
        fs::create_dir_all(ws.notes_dir()).unwrap();
        fs::create_dir_all(ws.library_dir()).unwrap();
        for name in ["b.toml", "a.toml", "c.txt", ".a.toml.glose-tmp-xyz"] {
            fs::write(ws.notes_dir().join(name), "").unwrap();
        }
        fs::create_dir(ws.notes_dir().join("d.toml")).unwrap();
        for name in ["z.bib", "m.bib", "x.bak"] {
            fs::write(ws.library_dir().join(name), "").unwrap();
        }
        let names = |paths: Vec<PathBuf>| -> Vec<String> {
            paths
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(names(ws.notes_paths().unwrap()), ["a.toml", "b.toml"]);
        assert_eq!(names(ws.bib_paths().unwrap()), ["m.bib", "z.bib"]);
    }
}
