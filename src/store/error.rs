use std::io;
use std::path::PathBuf;

use super::NotesParseError;

/// Everything that can go wrong while reading or writing a workspace; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not {action} {}: {source}; check that the path exists and that you may write to it", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("no glose.toml in {} or any folder above it: run `glose init` here, or pass -C DIR", start.display())]
    NotAWorkspace { start: PathBuf },
    #[error("{} already exists: this folder is a glose workspace already; open it, or pick another folder for `glose init`", path.display())]
    AlreadyAWorkspace { path: PathBuf },
    #[error(
        "`{name}` is not a plain file name: use a name without `/`, `\\`, `..` or a leading `.`"
    )]
    BadFileName { name: String },
    #[error("{}:{line}:{column}: {message}; fix glose.toml (it is TOML: `key = \"value\"`, one per line)", path.display())]
    Config {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the source text {} is missing: restore it (`git checkout -- {}`) or import the source again", path.display(), path.display())]
    SourceMissing { path: PathBuf },
    #[error("{detail}; save the file as UTF-8 text and import it again")]
    Undecodable { detail: String },
    #[error("{}: {detail}; save the file as UTF-8 text", path.display())]
    UndecodableFile { path: PathBuf, detail: String },
    #[error("{} leads outside the workspace (to {}): glose writes only inside it; replace the link with a copy of the file", path.display(), target.display())]
    OutsideWorkspace { path: PathBuf, target: PathBuf },
    #[error("{} is larger than {} MB, the most glose imports: keep only the part you annotate, or split it", path.display(), limit / (1024 * 1024))]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("another glose is writing to this workspace{}; try again when it has finished", holder(.pid))]
    Busy { pid: Option<u32> },
    #[error("{}: {source}", path.display())]
    Notes {
        path: PathBuf,
        #[source]
        source: NotesParseError,
    },
}

fn holder(pid: &Option<u32>) -> String {
    pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
}

impl StoreError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        StoreError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
