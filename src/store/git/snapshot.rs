//! The working-tree state of glose's paths, compared with HEAD.

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use git2::{Index, ObjectType, Oid, Repository, Tree, TreeWalkMode, TreeWalkResult};

use super::error::{During, GitError, io_error};
use super::paths::Layout;

const BLOB: i32 = 0o100644;
const EXECUTABLE: i32 = 0o100755;
const SYMLINK: i32 = 0o120000;

/// One file under glose's paths as it is on disk now.
pub(crate) struct WorkFile {
    pub id: Oid,
    pub mode: i32,
    /// Taken before the content was read, so a later edit never looks clean to git.
    pub stat: Metadata,
    /// The bytes, kept only when they differ from HEAD.
    pub changed: Option<Vec<u8>>,
}

/// glose's paths on disk against HEAD, keyed by repository path.
pub(crate) struct Snapshot {
    /// The repository paths glose was asked about.
    pub scopes: Vec<String>,
    pub files: BTreeMap<String, WorkFile>,
    /// In HEAD but gone from disk.
    pub deleted: Vec<String>,
}

impl Snapshot {
    pub fn take(
        repo: &Repository,
        layout: &Layout,
        head: Option<&Tree<'_>>,
        index: &Index,
        paths: &[PathBuf],
    ) -> Result<Snapshot, GitError> {
        let scopes = paths
            .iter()
            .map(|p| layout.repo_path(p))
            .collect::<Result<Vec<_>, _>>()?;
        let mut in_head = BTreeMap::new();
        for scope in &scopes {
            if let Some(tree) = head {
                head_blobs(repo, tree, scope, &mut in_head)?;
            }
        }
        let mut on_disk = BTreeMap::new();
        for (scope, path) in scopes.iter().zip(paths) {
            let tracked =
                |rp: &str| in_head.contains_key(rp) || index.get_path(Path::new(rp), 0).is_some();
            let wanted = |rp: &str| -> Result<bool, GitError> {
                Ok(tracked(rp) || !repo.is_path_ignored(rp).during("reading .gitignore")?)
            };
            walk(&layout.root.join(path), scope, true, &wanted, &mut on_disk)?;
        }
        let mut files = BTreeMap::new();
        for (repo_path, disk_path) in on_disk {
            let file = read(&disk_path, in_head.get(&repo_path).copied())?;
            files.insert(repo_path, file);
        }
        let deleted = in_head
            .into_keys()
            .filter(|rp| !files.contains_key(rp))
            .collect();
        Ok(Snapshot {
            scopes,
            files,
            deleted,
        })
    }

    /// Repository paths whose content differs from HEAD, deletions included.
    pub fn changed_paths(&self) -> impl Iterator<Item = &str> {
        let written = self.files.iter().filter(|(_, f)| f.changed.is_some());
        written
            .map(|(rp, _)| rp.as_str())
            .chain(self.deleted.iter().map(String::as_str))
    }

    /// Whether a repository path falls under one of the paths glose was asked about.
    pub fn in_scope(&self, repo_path: &str) -> bool {
        self.scopes.iter().any(|scope| {
            repo_path
                .strip_prefix(scope.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }
}

/// The blobs HEAD holds at `scope`: the file itself, or every file under the folder.
fn head_blobs(
    repo: &Repository,
    tree: &Tree<'_>,
    scope: &str,
    out: &mut BTreeMap<String, (Oid, i32)>,
) -> Result<(), GitError> {
    let Ok(entry) = tree.get_path(Path::new(scope)) else {
        return Ok(());
    };
    match entry.kind() {
        Some(ObjectType::Blob) => {
            out.insert(scope.to_owned(), (entry.id(), entry.filemode()));
        }
        Some(ObjectType::Tree) => {
            let subtree = repo.find_tree(entry.id()).during("reading HEAD")?;
            subtree
                .walk(TreeWalkMode::PreOrder, |dir, e| {
                    if let (Some(ObjectType::Blob), Ok(name)) = (e.kind(), e.name()) {
                        out.insert(format!("{scope}/{dir}{name}"), (e.id(), e.filemode()));
                    }
                    TreeWalkResult::Ok
                })
                .during("reading HEAD")?;
        }
        _ => {}
    }
    Ok(())
}

/// Collects the files at `disk` (a file, or a folder walked recursively) by repository path.
fn walk(
    disk: &Path,
    repo_path: &str,
    explicit: bool,
    wanted: &dyn Fn(&str) -> Result<bool, GitError>,
    out: &mut BTreeMap<String, PathBuf>,
) -> Result<(), GitError> {
    let meta = match std::fs::symlink_metadata(disk) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(disk)(e)),
    };
    if !meta.is_dir() {
        if explicit || wanted(repo_path)? {
            out.insert(repo_path.to_owned(), disk.to_path_buf());
        }
        return Ok(());
    }
    for entry in std::fs::read_dir(disk).map_err(io_error(disk))? {
        let entry = entry.map_err(io_error(disk))?;
        let name = entry.file_name();
        let name = name
            .to_str()
            .ok_or_else(|| GitError::NonUtf8Path { path: entry.path() })?;
        if name != ".git" {
            walk(
                &entry.path(),
                &format!("{repo_path}/{name}"),
                false,
                wanted,
                out,
            )?;
        }
    }
    Ok(())
}

fn read(disk: &Path, head: Option<(Oid, i32)>) -> Result<WorkFile, GitError> {
    let stat = std::fs::symlink_metadata(disk).map_err(io_error(disk))?;
    let (bytes, mode) = if stat.file_type().is_symlink() {
        let target = std::fs::read_link(disk).map_err(io_error(disk))?;
        (target.to_string_lossy().into_owned().into_bytes(), SYMLINK)
    } else {
        let bytes = std::fs::read(disk).map_err(io_error(disk))?;
        (bytes, file_mode(&stat, head.map(|(_, mode)| mode)))
    };
    let id = Oid::hash_object(ObjectType::Blob, &bytes).during("hashing a file")?;
    let changed = (head != Some((id, mode))).then_some(bytes);
    Ok(WorkFile {
        id,
        mode,
        stat,
        changed,
    })
}

#[cfg(unix)]
fn file_mode(stat: &Metadata, _head: Option<i32>) -> i32 {
    use std::os::unix::fs::PermissionsExt;
    if stat.permissions().mode() & 0o111 != 0 {
        EXECUTABLE
    } else {
        BLOB
    }
}

#[cfg(not(unix))]
fn file_mode(_stat: &Metadata, head: Option<i32>) -> i32 {
    head.filter(|&mode| mode == EXECUTABLE).unwrap_or(BLOB)
}
