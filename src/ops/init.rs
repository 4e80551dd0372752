use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::OpsError;
use crate::store::git::{GitError, Identity, Repo};
use crate::store::{self, Workspace};

#[derive(Debug)]
pub struct Initialized {
    pub root: PathBuf,
    pub created_repository: bool,
    /// Why the new files were not committed, when they were not.
    pub not_committed: Option<String>,
}

/// Makes a workspace in `dir` (and a git repository when `dir` is not inside one), then commits it.
pub fn init(dir: &Path, author: Option<Identity>, now: Timestamp) -> Result<Initialized, OpsError> {
    store::init_layout(dir)?;
    let ws = Workspace {
        root: dir.to_path_buf(),
    };
    let (repo, created_repository) = Repo::open_or_init(&ws.root)?;
    super::doctor::set_up_merges(&ws, &repo)?;
    let mut paths = ws.own_paths();
    paths.push(PathBuf::from(".gitattributes"));
    let identity = match author {
        Some(identity) => Ok(identity),
        None => repo.identity(),
    };
    let not_committed = match identity {
        Ok(identity) => {
            repo.commit_paths(&paths, "glose: workspace created", &identity, now)?;
            None
        }
        Err(error @ GitError::NoIdentity) => Some(error.to_string()),
        Err(error) => return Err(error.into()),
    };
    Ok(Initialized {
        root: ws.root,
        created_repository,
        not_committed,
    })
}
