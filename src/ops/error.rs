use std::path::PathBuf;

use crate::import::ImportError;
use crate::net::NetError;
use crate::store::StoreError;
use crate::store::git::GitError;

/// Why a verb could not be carried out; every message says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Net(#[from] NetError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("no source `{id}`{}", did_you_mean(.suggestions))]
    UnknownSource {
        id: String,
        suggestions: Vec<String>,
    },
    #[error(
        "source `{id}` did not exist at `{rev}` (commit {commit}): `glose log --source {id}` lists the commits that changed it"
    )]
    SourceNotAtRevision {
        id: String,
        rev: String,
        commit: String,
    },
    #[error("a source with id `{0}` already exists: choose another with --id")]
    SourceExists(String),
    #[error("unknown cite key `{key}`{}", did_you_mean(.suggestions))]
    UnknownKey {
        key: String,
        suggestions: Vec<String>,
    },
    #[error("no annotation with id `{0}`: `glose claims` or `glose show SOURCE` lists the ids")]
    UnknownAnnotation(String),
    #[error("the id `{prefix}` is ambiguous: it starts {}; type more characters", .matches.join(", "))]
    AmbiguousAnnotation {
        prefix: String,
        matches: Vec<String>,
    },
    #[error("the id `{id}` is used in {}: name one as SOURCE/ID (`{}/{id}`)", .sources.join(" and "), .sources[0])]
    SharedId { id: String, sources: Vec<String> },
    #[error("the quote was not found in `{source_id}`{}", nearest_hint(.nearest))]
    QuoteNotFound {
        source_id: String,
        nearest: Option<String>,
    },
    #[error("the quote occurs {} times in `{source_id}`; pick one with --occurrence N:\n{}", .occurrences.len(), numbered(.occurrences))]
    QuoteAmbiguous {
        source_id: String,
        occurrences: Vec<String>,
    },
    #[error("--occurrence {given} is out of range: the quote occurs {count} time(s)")]
    OccurrenceOutOfRange { given: usize, count: usize },
    #[error("the quote is empty: pass the words of the source to annotate with --quote")]
    EmptyQuote,
    #[error("`{key}` is not cited by annotation {id}")]
    NotCited { id: String, key: String },
    #[error(
        "{path}: the notes file is broken ({message}); fix it by hand or restore it with `git checkout -- {path}` — glose will not overwrite it"
    )]
    BrokenNotes { path: PathBuf, message: String },
    #[error("saved {} but not committed: {source}", .saved.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    CommitFailed {
        saved: Vec<PathBuf>,
        source: GitError,
    },
    #[error("{0}")]
    Invalid(String),
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(": did you mean `{one}`?"),
        many => format!(
            ": did you mean one of {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn nearest_hint(nearest: &Option<String>) -> String {
    match nearest {
        Some(passage) => format!(
            "; the nearest passage is:\n  « {passage} »\nquote the words exactly as they appear (`glose show SOURCE` prints the text)"
        ),
        None => "; `glose show SOURCE` prints the text".to_string(),
    }
}

fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("  {}. {item}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}
