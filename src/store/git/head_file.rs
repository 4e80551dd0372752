//! Reading a file as HEAD has it, to describe what changed since the last commit.

use std::path::Path;

use git2::ErrorCode;

use super::Repo;
use super::error::{During, GitError};

impl Repo {
    /// The bytes of a workspace-relative file in HEAD; `None` when HEAD has no such file or no commit.
    pub fn read_head_file(&self, path: &Path) -> Result<Option<Vec<u8>>, GitError> {
        let repo_path = self.layout.repo_path(path)?;
        let Some(head) = self.head_commit()? else {
            return Ok(None);
        };
        let tree = head.tree().during("reading HEAD")?;
        let entry = match tree.get_path(Path::new(&repo_path)) {
            Ok(entry) => entry,
            Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
            Err(source) => {
                return Err(GitError::Git {
                    action: "reading a file of HEAD",
                    source,
                });
            }
        };
        let object = entry
            .to_object(&self.repo)
            .during("reading a file of HEAD")?;
        Ok(object.as_blob().map(|blob| blob.content().to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

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
}
