//! The files two trees hold differently, skipping every subtree they share (so the cost follows the change, not the tree).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::Path;

use git2::{ErrorCode, ObjectType, Oid, Repository, Tree, TreeEntry};

use super::error::{During, GitError};

/// How deep below a folder a diff looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Only the files directly in the folder.
    Direct,
    /// Every file beneath it.
    All,
}

/// A repository path whose blob differs (`None`: no file there on that side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BlobChange {
    pub path: String,
    pub old: Option<Oid>,
    pub new: Option<Oid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    id: Oid,
    mode: i32,
    kind: Option<ObjectType>,
}

impl Entry {
    fn of(entry: &TreeEntry<'_>) -> Entry {
        Entry {
            id: entry.id(),
            mode: entry.filemode(),
            kind: entry.kind(),
        }
    }

    fn blob(self) -> Option<Oid> {
        (self.kind == Some(ObjectType::Blob)).then_some(self.id)
    }

    fn tree(self) -> Option<Oid> {
        (self.kind == Some(ObjectType::Tree)).then_some(self.id)
    }
}

/// Trees read for the commit compared last, kept for the next one (usually its parent).
#[derive(Default)]
pub(crate) struct TreeCache<'r> {
    last: HashMap<Oid, Tree<'r>>,
    now: HashMap<Oid, Tree<'r>>,
}

impl<'r> TreeCache<'r> {
    fn find(&mut self, repo: &'r Repository, id: Oid) -> Result<Tree<'r>, GitError> {
        if let Some(tree) = self.now.get(&id) {
            return Ok(tree.clone());
        }
        let tree = match self.last.remove(&id) {
            Some(tree) => tree,
            None => repo.find_tree(id).during("reading a tree from history")?,
        };
        self.now.insert(id, tree.clone());
        Ok(tree)
    }

    /// Forgets the trees no longer needed: those the commit before last used and this one did not.
    pub fn next_commit(&mut self) {
        self.last = std::mem::take(&mut self.now);
    }
}

/// The blobs at or under `folder` (a repository path) that differ between `old` and `new`, by path.
pub(crate) fn changed_blobs<'r>(
    repo: &'r Repository,
    trees: &mut TreeCache<'r>,
    old: Option<&Tree<'_>>,
    new: &Tree<'_>,
    folder: &str,
    depth: Depth,
    out: &mut Vec<BlobChange>,
) -> Result<(), GitError> {
    let at = |tree: &Tree<'_>| match tree.get_path(Path::new(folder)) {
        Ok(entry) => Ok(Some(Entry::of(&entry))),
        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e).during("reading a tree from history"),
    };
    let levels = match depth {
        Depth::Direct => 1,
        Depth::All => usize::MAX,
    };
    let old = old.map(at).transpose()?.flatten();
    let mut diff = Diff { repo, trees, out };
    diff.entry(folder, old, at(new)?, levels)
}

struct Diff<'a, 'r> {
    repo: &'r Repository,
    trees: &'a mut TreeCache<'r>,
    out: &'a mut Vec<BlobChange>,
}

impl<'r> Diff<'_, 'r> {
    /// Compares what the two sides hold at `path`, looking `levels` folders down.
    fn entry(
        &mut self,
        path: &str,
        old: Option<Entry>,
        new: Option<Entry>,
        levels: usize,
    ) -> Result<(), GitError> {
        if old == new {
            return Ok(());
        }
        let (old_blob, new_blob) = (old.and_then(Entry::blob), new.and_then(Entry::blob));
        if old_blob.is_some() || new_blob.is_some() {
            self.out.push(BlobChange {
                path: path.to_owned(),
                old: old_blob,
                new: new_blob,
            });
        }
        let (old_tree, new_tree) = (old.and_then(Entry::tree), new.and_then(Entry::tree));
        if levels == 0 || (old_tree.is_none() && new_tree.is_none()) {
            return Ok(());
        }
        let old_tree = old_tree
            .map(|id| self.trees.find(self.repo, id))
            .transpose()?;
        let new_tree = new_tree
            .map(|id| self.trees.find(self.repo, id))
            .transpose()?;
        let old_entries: Vec<TreeEntry<'_>> = old_tree.iter().flat_map(Tree::iter).collect();
        let new_entries: Vec<TreeEntry<'_>> = new_tree.iter().flat_map(Tree::iter).collect();
        let (mut i, mut j) = (0, 0);
        loop {
            let (old, new) = match (old_entries.get(i), new_entries.get(j)) {
                (None, None) => break,
                (Some(old), Some(new)) => match git_order(old, new) {
                    Ordering::Less => (Some(old), None),
                    Ordering::Greater => (None, Some(new)),
                    Ordering::Equal => (Some(old), Some(new)),
                },
                pair => pair,
            };
            i += usize::from(old.is_some());
            j += usize::from(new.is_some());
            let (old_entry, new_entry) = (old.map(Entry::of), new.map(Entry::of));
            if old_entry == new_entry {
                continue;
            }
            let Some(Ok(name)) = new.or(old).map(TreeEntry::name) else {
                continue;
            };
            self.entry(&format!("{path}/{name}"), old_entry, new_entry, levels - 1)?;
        }
        Ok(())
    }
}

/// Git's order of tree entries: by name, a folder's name read as if it ended with `/`.
fn git_order(a: &TreeEntry<'_>, b: &TreeEntry<'_>) -> Ordering {
    let (x, y) = (a.name_bytes(), b.name_bytes());
    let common = x.len().min(y.len());
    let end = |e: &TreeEntry<'_>, name: &[u8]| {
        let folder = e.kind() == Some(ObjectType::Tree);
        name.get(common)
            .copied()
            .unwrap_or(if folder { b'/' } else { 0 })
    };
    x[..common]
        .cmp(&y[..common])
        .then_with(|| end(a, x).cmp(&end(b, y)))
}

#[cfg(test)]
mod tests {
    use git2::DiffOptions;

    use super::super::test_repo::TestRepo;
    use super::*;

    const PATHS: &[&str] = &[
        "notes/a.toml",
        "notes/b.toml",
        "notes/t",
        "notes/t/inner.toml",
        "notes/sub/c.toml",
        "notes/sub/deep/d.toml",
        "library/references.bib",
        "library/sources/s.txt",
        "elsewhere/x.txt",
    ];

    /// What libgit2's own tree diff finds under `folder`, by path.
    fn libgit2(
        repo: &Repository,
        old: Option<&Tree<'_>>,
        new: &Tree<'_>,
        folder: &str,
    ) -> Vec<BlobChange> {
        let mut options = DiffOptions::new();
        options.pathspec(folder);
        let diff = repo
            .diff_tree_to_tree(old, Some(new), Some(&mut options))
            .unwrap();
        let side = |id: Oid| (!id.is_zero()).then_some(id);
        let mut out: Vec<BlobChange> = diff
            .deltas()
            .map(|d| BlobChange {
                path: d.new_file().path().unwrap().to_str().unwrap().to_owned(),
                old: side(d.old_file().id()),
                new: side(d.new_file().id()),
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    fn ours(
        repo: &Repository,
        old: Option<&Tree<'_>>,
        new: &Tree<'_>,
        folder: &str,
        depth: Depth,
    ) -> Vec<BlobChange> {
        let mut out = Vec::new();
        let mut trees = TreeCache::default();
        changed_blobs(repo, &mut trees, old, new, folder, depth, &mut out).unwrap();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    /// Random edits, deletions, mode changes and a file that becomes a folder and back.
    fn random_history(t: &TestRepo, commits: usize) {
        let rng = &mut fastrand::Rng::with_seed(7);
        for i in 0..commits {
            for _ in 0..rng.usize(1..4) {
                let path = PATHS[rng.usize(..PATHS.len())];
                let full = t.dir().join(path);
                match rng.u8(..5) {
                    0 => {
                        let _ = std::fs::remove_file(&full);
                    }
                    1 if full.is_file() => {
                        use std::os::unix::fs::PermissionsExt;
                        let mode = if rng.bool() { 0o755 } else { 0o644 };
                        std::fs::set_permissions(&full, std::fs::Permissions::from_mode(mode))
                            .unwrap();
                    }
                    _ => {
                        if path == "notes/t" {
                            let _ = std::fs::remove_dir_all(&full);
                        } else if path.starts_with("notes/t/") {
                            let _ = std::fs::remove_file(t.dir().join("notes/t"));
                        }
                        t.write(path, &format!("{i} {}\n", rng.u8(..4)));
                    }
                }
            }
            t.git(&["add", "-A"]);
            t.git(&[
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                &format!("commit {i}"),
            ]);
        }
    }

    #[test]
    fn finds_what_libgit2_finds_and_only_direct_files_when_asked() {
        let t = TestRepo::new();
        random_history(&t, 40);
        let repo = &t.repo().repo;
        let mut walk = repo.revwalk().unwrap();
        walk.push_head().unwrap();
        let mut compared = 0;
        for id in walk {
            let commit = repo.find_commit(id.unwrap()).unwrap();
            let new = commit.tree().unwrap();
            let old = commit.parent(0).ok().map(|p| p.tree().unwrap());
            for folder in ["notes", "library", "notes/sub"] {
                let expected = libgit2(repo, old.as_ref(), &new, folder);
                assert_eq!(ours(repo, old.as_ref(), &new, folder, Depth::All), expected);
                let direct: Vec<BlobChange> = expected
                    .into_iter()
                    .filter(|c| !c.path[folder.len() + 1..].contains('/'))
                    .collect();
                compared += direct.len();
                assert_eq!(
                    ours(repo, old.as_ref(), &new, folder, Depth::Direct),
                    direct
                );
            }
        }
        assert!(compared > 20, "too few changes compared: {compared}");
    }
}
