use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{Loaded, OpsError};
use crate::model::AnnotationId;
use crate::store::git::{Identity, Repo};
use crate::store::{self, Config, NotesFile, Workspace, WorkspaceLock};

/// Everything a verb needs: the workspace, its settings, the clock and who is acting.
pub struct Context {
    pub ws: Workspace,
    pub config: Config,
    pub now: Timestamp,
    pub author: Option<Identity>,
    /// When false, verbs write their files but leave the commit to [`super::checkpoint`].
    pub commit_each: bool,
    rng: fastrand::Rng,
    seed: Option<u64>,
}

/// Options the caller chooses once per run (the CLI reads them from flags and the environment).
#[derive(Default)]
pub struct RunOptions {
    pub now: Option<Timestamp>,
    pub author: Option<Identity>,
    pub seed: Option<u64>,
}

impl Context {
    /// Opens the workspace that contains `start` (walking up like git does).
    pub fn discover(start: &Path, options: RunOptions) -> Result<Context, OpsError> {
        let root = store::discover(start)?;
        Context::open(root, options)
    }

    pub fn open(root: PathBuf, options: RunOptions) -> Result<Context, OpsError> {
        let ws = Workspace { root };
        let config = Config::load(&ws.config_path())?;
        let rng = match options.seed {
            Some(seed) => fastrand::Rng::with_seed(seed),
            None => fastrand::Rng::new(),
        };
        Ok(Context {
            ws,
            config,
            now: options.now.unwrap_or_else(Timestamp::now),
            author: options.author,
            commit_each: true,
            rng,
            seed: options.seed,
        })
    }

    /// A random id that no annotation of the workspace has yet.
    pub fn new_annotation_id(&mut self, loaded: &Loaded) -> AnnotationId {
        self.unused_id(|id| loaded.has_annotation_id(id))
    }

    /// A random id (40 bits) unused in this source's notes, drawn per source in a seeded run;
    /// `glose check` reports the rare id two sources share.
    pub fn new_annotation_id_in(&mut self, notes: &NotesFile) -> AnnotationId {
        if let Some(seed) = self.seed {
            let source = xxhash_rust::xxh3::xxh3_64(notes.source.id.as_str().as_bytes());
            self.rng.seed(seed ^ source);
        }
        self.unused_id(|id| notes.annotations.iter().any(|a| a.id == *id))
    }

    fn unused_id(&mut self, taken: impl Fn(&AnnotationId) -> bool) -> AnnotationId {
        loop {
            let id = AnnotationId::random(&mut self.rng);
            if !taken(&id) {
                return id;
            }
        }
    }

    /// The repository, ready for a commit, and the identity the commit will carry.
    pub fn prepare_commit(&self) -> Result<(Repo, Identity), OpsError> {
        let repo = Repo::open(&self.ws.root)?;
        repo.check_ready()?;
        let identity = match &self.author {
            Some(identity) => identity.clone(),
            None => repo.identity()?,
        };
        Ok((repo, identity))
    }

    /// Takes the workspace's write lock (waiting briefly for another glose), then removes what killed runs left.
    pub fn lock_for_writing(&self) -> Result<WorkspaceLock, OpsError> {
        let repo = Repo::open(&self.ws.root)?;
        let lock = WorkspaceLock::acquire(&repo.git_dir().join("glose.lock"), store::LOCK_WAIT)?;
        for dir in [
            self.ws.root.clone(),
            self.ws.library_dir(),
            self.ws.sources_dir(),
            self.ws.notes_dir(),
        ] {
            store::remove_stale_temporaries(&dir)?;
        }
        Ok(lock)
    }

    pub fn timestamp(&self) -> String {
        self.now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}
