//! Reading a file as a commit has it: HEAD, to describe what changed since, or any revision.

use std::path::Path;

use git2::{ErrorCode, Tree};

use super::Repo;
use super::error::{During, GitError};

impl Repo {
    /// The bytes of a workspace-relative file in HEAD; `None` when HEAD has no such file or no commit.
    pub fn read_head_file(&self, path: &Path) -> Result<Option<Vec<u8>>, GitError> {
        let Some(head) = self.head_commit()? else {
            return Ok(None);
        };
        let tree = head.tree().during("reading HEAD")?;
        self.file_in_tree(&tree, path)
    }

    /// The bytes of a workspace-relative file in the commit `rev` names; `None` when it has no such file.
    pub fn read_file_at(&self, rev: &str, path: &Path) -> Result<Option<Vec<u8>>, GitError> {
        let commit = self
            .repo
            .find_commit(self.oid(rev)?)
            .during("reading a commit")?;
        let tree = commit.tree().during("reading a commit")?;
        self.file_in_tree(&tree, path)
    }

    fn file_in_tree(&self, tree: &Tree<'_>, path: &Path) -> Result<Option<Vec<u8>>, GitError> {
        let repo_path = self.layout.repo_path(path)?;
        let entry = match tree.get_path(Path::new(&repo_path)) {
            Ok(entry) => entry,
            Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
            Err(source) => {
                return Err(GitError::Git {
                    action: "reading a file of a commit",
                    source,
                });
            }
        };
        let object = entry
            .to_object(&self.repo)
            .during("reading a file of a commit")?;
        Ok(object.as_blob().map(|blob| blob.content().to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::GitError;
    use super::super::test_repo::{TestRepo, commit};

    #[test]
    fn reads_the_committed_version_not_the_working_file() {
        let t = TestRepo::new();
        let repo = t.repo();
        assert_eq!(
            repo.read_head_file(Path::new("notes/a.toml")).unwrap(),
            None
        );
        t.write("notes/a.toml", "first\n");
        commit(&repo, &["notes/a.toml"], "add a");
        t.write("notes/a.toml", "second\n");
        let head = repo.read_head_file(Path::new("notes/a.toml")).unwrap();
        assert_eq!(head.as_deref(), Some(&b"first\n"[..]));
        assert_eq!(
            repo.read_head_file(Path::new("notes/b.toml")).unwrap(),
            None
        );
        assert!(repo.read_head_file(Path::new("../outside")).is_err());
    }

    #[test]
    fn reads_a_file_as_an_older_commit_has_it() {
        let t = TestRepo::new();
        let repo = t.repo();
        let path = Path::new("library/sources/a.txt");
        t.write("library/sources/a.txt", "version 1\n");
        commit(&repo, &["library/sources/a.txt"], "v1");
        t.write("library/sources/a.txt", "version 2\n");
        commit(&repo, &["library/sources/a.txt"], "v2");
        let at = |rev: &str| repo.read_file_at(rev, path).unwrap();
        assert_eq!(at("HEAD~1").as_deref(), Some(&b"version 1\n"[..]));
        assert_eq!(at("HEAD").as_deref(), Some(&b"version 2\n"[..]));
        assert_eq!(
            repo.read_file_at("HEAD~1", Path::new("notes/none.toml"))
                .unwrap(),
            None
        );
        for rev in ["HEAD~5", "no-such-branch", "HEAD^{tree}"] {
            assert!(
                matches!(
                    repo.read_file_at(rev, path),
                    Err(GitError::UnknownRevision { .. })
                ),
                "{rev}"
            );
        }
    }
}
