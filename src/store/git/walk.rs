//! Commits from HEAD back, read from git's objects.

use git2::{Commit, Oid};
use serde::Serialize;

use super::Repo;
use super::error::{During, GitError};

/// Who made a commit, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitInfo {
    pub id: String,
    /// `Name <email>`.
    pub author: String,
    /// RFC 3339, UTC.
    pub date: String,
    pub message: String,
    pub parents: Vec<String>,
}

impl Repo {
    /// The full id of the commit `rev` names (an id, a prefix, a branch, `HEAD~2`, ...).
    pub fn resolve_commit(&self, rev: &str) -> Result<String, GitError> {
        let unknown = || GitError::UnknownRevision {
            rev: rev.to_owned(),
        };
        let object = self.repo.revparse_single(rev).map_err(|_| unknown())?;
        let commit = object.peel_to_commit().map_err(|_| unknown())?;
        Ok(commit.id().to_string())
    }

    /// The commits reachable from HEAD, newest first, leaving out `since` and its ancestors.
    pub fn commits_since(&self, since: Option<&str>) -> Result<Vec<CommitInfo>, GitError> {
        if self.head_commit()?.is_none() {
            return Ok(Vec::new());
        }
        let mut walk = self.repo.revwalk().during("reading history")?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)
            .during("reading history")?;
        walk.push_head().during("reading history")?;
        if let Some(since) = since {
            walk.hide(self.oid(since)?).during("reading history")?;
        }
        walk.map(|id| {
            let id = id.during("reading history")?;
            let commit = self.repo.find_commit(id).during("reading history")?;
            Ok(info(&commit))
        })
        .collect()
    }

    pub fn commit_info(&self, id: &str) -> Result<CommitInfo, GitError> {
        let commit = self
            .repo
            .find_commit(self.oid(id)?)
            .during("reading a commit")?;
        Ok(info(&commit))
    }

    pub(crate) fn oid(&self, rev: &str) -> Result<Oid, GitError> {
        self.resolve_commit(rev)
            .and_then(|id| Oid::from_str(&id).during("reading a commit id"))
    }
}

fn info(commit: &Commit<'_>) -> CommitInfo {
    let author = commit.author();
    let date = jiff::Timestamp::from_second(author.when().seconds())
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default();
    CommitInfo {
        id: commit.id().to_string(),
        author: format!(
            "{} <{}>",
            author.name().unwrap_or_default(),
            author.email().unwrap_or_default()
        ),
        date,
        message: commit.message().unwrap_or_default().trim_end().to_owned(),
        parents: commit.parent_ids().map(|id| id.to_string()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::super::test_repo::{TestRepo, commit};
    use super::*;

    #[test]
    fn walks_from_head_and_reads_each_commits_files() {
        let t = TestRepo::new();
        t.write("notes/a.toml", "one\n");
        let first = commit(&t.repo(), &["notes"], "first").unwrap();
        t.write("notes/a.toml", "two\n");
        t.write("notes/b.toml", "new\n");
        t.write("other.txt", "not glose's\n");
        let second = commit(&t.repo(), &["notes", "other.txt"], "second").unwrap();
        let repo = t.repo();
        let all = repo.commits_since(None).unwrap();
        let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, [second.as_str(), first.as_str()]);
        assert_eq!(all[0].message, "second");
        assert_eq!(all[0].author, TestRepo::author().to_string());
        assert_eq!(all[0].date, "2023-11-14T22:13:20Z");
        let since = repo.commits_since(Some(&first[..8])).unwrap();
        assert_eq!(since.len(), 1);

        let files = repo.changed_files(&second, &[Path::new("notes")]).unwrap();
        assert_eq!(files.len(), 2, "{files:?}");
        assert_eq!(files[0].path, Path::new("notes/a.toml"));
        assert_eq!(files[0].old.as_deref(), Some(&b"one\n"[..]));
        assert_eq!(files[0].new.as_deref(), Some(&b"two\n"[..]));
        assert_eq!(
            (files[1].old.is_none(), files[1].path.clone()),
            (true, PathBuf::from("notes/b.toml"))
        );
        let root = repo.changed_files(&first, &[Path::new("notes")]).unwrap();
        assert_eq!(root.len(), 1);
    }

    #[test]
    fn an_unknown_revision_says_what_to_give() {
        let t = TestRepo::new();
        t.write("notes/a.toml", "one\n");
        commit(&t.repo(), &["notes"], "first");
        let err = t.repo().resolve_commit("nope").unwrap_err();
        assert!(matches!(err, GitError::UnknownRevision { .. }));
        assert!(err.to_string().contains("glose log"));
    }
}
