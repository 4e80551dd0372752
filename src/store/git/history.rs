//! Reading back what was committed.

use super::Repo;
use super::error::{During, GitError};

impl Repo {
    /// The newest `n` commits on HEAD as (author name, summary line).
    pub fn log_messages(&self, n: usize) -> Result<Vec<(String, String)>, GitError> {
        if self.head_commit()?.is_none() {
            return Ok(Vec::new());
        }
        let mut walk = self.repo.revwalk().during("reading history")?;
        walk.push_head().during("reading history")?;
        let mut out = Vec::new();
        for id in walk.take(n) {
            let id = id.during("reading history")?;
            let commit = self.repo.find_commit(id).during("reading history")?;
            let author = commit.author().name().unwrap_or_default().to_owned();
            let summary = commit.summary().ok().flatten().unwrap_or_default();
            out.push((author, summary.to_owned()));
        }
        Ok(out)
    }
}
