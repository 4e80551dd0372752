use std::path::PathBuf;

use super::{Context, OpsError};
use crate::store::git::{Identity, Repo};
use crate::store::{self, NotesFile};

/// What a verb wrote and the commit that recorded it.
#[derive(Debug, Clone)]
pub struct Committed {
    pub paths: Vec<PathBuf>,
    pub message: String,
    /// `None` when nothing changed.
    pub commit: Option<String>,
}

/// A repository ready for one commit by one identity.
pub struct Pending {
    pub repo: Repo,
    pub identity: Identity,
}

impl Pending {
    pub fn start(cx: &Context) -> Result<Pending, OpsError> {
        let (repo, identity) = cx.prepare_commit()?;
        Ok(Pending { repo, identity })
    }

    pub fn author(&self) -> String {
        self.identity.to_string()
    }

    /// Saves a notes file atomically, then commits it while its folder is synced.
    pub fn save_notes(
        &self,
        cx: &Context,
        notes: &NotesFile,
        message: String,
    ) -> Result<Committed, OpsError> {
        let (path, folder) = store::save_notes_then_sync(&cx.ws, notes)?;
        let committed = self.commit(cx, vec![path], message);
        folder.wait()?;
        committed
    }

    /// Commits files already written (unless the context defers commits); a failed commit keeps them on disk and says so.
    pub fn commit(
        &self,
        cx: &Context,
        paths: Vec<PathBuf>,
        message: String,
    ) -> Result<Committed, OpsError> {
        if !cx.commit_each {
            return Ok(Committed {
                paths,
                message,
                commit: None,
            });
        }
        let commit = self
            .repo
            .commit_paths(&paths, &message, &self.identity, cx.now)
            .map_err(|source| OpsError::CommitFailed {
                saved: paths.clone(),
                source,
            })?;
        Ok(Committed {
            paths,
            message,
            commit,
        })
    }
}
