//! Effects asked for by the app, run against the workspace by the one place that holds the Context.

use std::ops::Range;

use jiff::Timestamp;

mod reading;

use super::action::{Action, Outcome};
use super::background::Background;
use super::data::{Arrival, Refs};
use super::editor::EditChange;
use super::external::ExternalEdit;
use super::loader;
use super::matching::Matching;
use super::undo::UndoStep;
use super::watch::Watch;
use crate::anchor::{self, QuoteMatch};
use crate::model::{Kind, Relation, SourceId};
use crate::ops::{
    self, AnnotateRequest, Choice, CiteSpec, Context, EditRequest, History, LogFilter, OpsError,
    ReviewTarget, Severity, Since,
};
use crate::store::{self, NotesFile};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Annotate {
        source: String,
        range: Range<usize>,
        kind: Kind,
    },
    Cite {
        source: String,
        id: String,
        key: String,
        locator: Option<String>,
        relation: Relation,
    },
    Edit {
        source: String,
        id: String,
        change: EditChange,
    },
    Reattach {
        source: String,
        id: String,
        range: Range<usize>,
    },
    Remove {
        source: String,
        id: String,
    },
    /// Write back one version of a notes file (undo, redo).
    Restore {
        notes: Box<NotesFile>,
        label: String,
    },
    /// Suspend the terminal and edit a note in `$EDITOR` (run by the session, which owns the terminal).
    External(ExternalEdit),
    Checkpoint,
    Check,
    /// Read the semantic history: all of it, or since the current identity's last review mark.
    LoadHistory {
        since_review: bool,
    },
    /// Start a review thread on an annotation.
    Comment {
        source: String,
        id: String,
        text: String,
    },
    /// Commit what is pending, then mark HEAD as reviewed.
    MarkReviewed,
    Settle {
        source: String,
        id: String,
        choice: Choice,
    },
    /// Read a source's text and notes now (it is shown before the background read reached it).
    LoadSource {
        source: String,
    },
    /// Match the picker's query in the library, off the event loop's thread.
    Match {
        query: String,
        refs: Refs,
    },
}

impl Effect {
    /// The source whose notes the effect changes.
    fn source(&self) -> Option<&str> {
        match self {
            Effect::Annotate { source, .. }
            | Effect::Cite { source, .. }
            | Effect::Edit { source, .. }
            | Effect::Reattach { source, .. }
            | Effect::Remove { source, .. }
            | Effect::Comment { source, .. }
            | Effect::Settle { source, .. } => Some(source),
            Effect::Restore { notes, .. } => Some(notes.source.id.as_str()),
            _ => None,
        }
    }
}

/// Runs effects through `ops`; changes are written at once and committed at checkpoints.
pub struct Runner {
    cx: Context,
    fixed_clock: bool,
    /// The files as the TUI last read or wrote them.
    watch: Watch,
    background: Background,
    matching: Matching,
}

impl Runner {
    pub fn new(mut cx: Context, fixed_clock: bool) -> Runner {
        cx.commit_each = false;
        Runner {
            cx,
            fixed_clock,
            watch: Watch::default(),
            background: Background::default(),
            matching: Matching::default(),
        }
    }

    pub fn context(&self) -> &Context {
        &self.cx
    }

    /// Runs an effect; what it did comes back at once, or later from [`Runner::arrived`] (matches).
    pub fn run(&mut self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::Match { query, refs } => {
                self.matching.find(query, refs);
                None
            }
            effect => Some(self.act(effect)),
        }
    }

    fn act(&mut self, effect: Effect) -> Action {
        if !self.fixed_clock {
            self.cx.now = Timestamp::now();
        }
        if let Effect::LoadSource { source } = effect {
            return Action::Arrived(vec![match loader::load_source(&self.cx, &source) {
                Ok(doc) => Arrival::Sources(vec![doc]),
                Err(error) => Arrival::Unreadable {
                    id: source,
                    message: error.to_string(),
                },
            }]);
        }
        let concerned = effect.source().map(String::from);
        let result = match effect {
            Effect::Annotate {
                source,
                range,
                kind,
            } => self.annotate(&source, range, kind),
            Effect::Cite {
                source,
                id,
                key,
                locator,
                relation,
            } => self.changing(&source, |cx| {
                let spec = CiteSpec { key, locator };
                let done = ops::cite(cx, &id, &spec, relation)?;
                Ok((first_line(&done.committed.message), Some(id)))
            }),
            Effect::Edit { source, id, change } => self.changing(&source, |cx| {
                let request = EditRequest {
                    body: change.body,
                    kind: change.kind,
                    add_tags: change.add_tags,
                    remove_tags: change.remove_tags,
                    confirm: change.confirm,
                };
                let done = ops::edit(cx, &id, request)?;
                Ok((first_line(&done.committed.message), Some(id)))
            }),
            Effect::Reattach { source, id, range } => self.changing(&source, |cx| {
                let done = ops::reattach(cx, &id, range)?;
                Ok((first_line(&done.committed.message), Some(id)))
            }),
            Effect::Remove { source, id } => self.changing(&source, |cx| {
                let done = ops::remove(cx, &id)?;
                Ok((first_line(&done.committed.message), None))
            }),
            Effect::Restore { notes, label } => {
                let source = notes.source.id.to_string();
                let path = self.cx.ws.notes_path(&notes.source.id);
                if self.watch.is_stale(&path) {
                    return self.dropped(&source, &path, &label);
                }
                self.changing(&source, |cx| {
                    ops::restore_notes(cx, &notes, format!("{source}: {label}"))?;
                    Ok((label.clone(), None))
                })
                .map(|outcome| Outcome {
                    undo: None,
                    ..outcome
                })
            }
            Effect::External(_) => Err(OpsError::Invalid(
                "the external editor needs the terminal; e edits here".to_string(),
            )),
            Effect::Checkpoint => self.checkpoint(),
            Effect::Check => self.check(),
            Effect::LoadHistory { since_review } => self.history(since_review),
            Effect::Comment { source, id, text } => self.changing(&source, |cx| {
                let target = ReviewTarget::Annotation(id);
                let done = ops::comment(cx, &target, &text)?;
                Ok((
                    first_line(&done.committed.message),
                    Some(done.annotation.id.to_string()),
                ))
            }),
            Effect::MarkReviewed => self.mark_reviewed(),
            Effect::Settle { source, id, choice } => self.changing(&source, |cx| {
                let done = ops::settle_conflict(cx, &id, choice)?;
                Ok((first_line(&done.committed.message), Some(id)))
            }),
            Effect::LoadSource { .. } | Effect::Match { .. } => Ok(Outcome::default()),
        };
        match result {
            Ok(outcome) => Action::Done(Box::new(outcome)),
            Err(error) => Action::Failed {
                message: error.to_string(),
                source: concerned
                    .and_then(|id| loader::load_source(&self.cx, &id).ok())
                    .map(Box::new),
            },
        }
    }

    fn annotate(
        &mut self,
        source: &str,
        range: Range<usize>,
        kind: Kind,
    ) -> Result<Outcome, OpsError> {
        self.changing(source, |cx| {
            let text = loader::load_source(cx, source)?.text;
            let quote = text
                .get(range.clone())
                .ok_or(OpsError::EmptyQuote)?
                .to_string();
            let occurrence = match anchor::find_quote(&text, &quote) {
                QuoteMatch::Several(ranges) => ranges
                    .iter()
                    .position(|r| r.start == range.start)
                    .map(|i| i + 1),
                _ => None,
            };
            let request = AnnotateRequest {
                source: source.to_string(),
                quote,
                occurrence,
                kind: Some(kind),
                ..AnnotateRequest::default()
            };
            let done = ops::annotate(cx, request)?;
            Ok((
                first_line(&done.committed.message),
                Some(done.annotation.id.to_string()),
            ))
        })
    }

    /// Runs a change to one source's notes, records its undo step, and reads that source again.
    fn changing(
        &mut self,
        source: &str,
        change: impl FnOnce(&mut Context) -> Result<(String, Option<String>), OpsError>,
    ) -> Result<Outcome, OpsError> {
        let id = SourceId::new(source).map_err(|e| OpsError::Invalid(e.to_string()))?;
        let path = self.cx.ws.notes_path(&id);
        let stale = self.watch.is_stale(&path);
        let before = store::load_notes(&self.cx.ws, &id)?;
        let (message, select) = change(&mut self.cx)?;
        self.watch.remember(&path);
        let after = store::load_notes(&self.cx.ws, &id)?;
        let undo = match (before, after) {
            (Some(before), Some(after)) => Some(UndoStep {
                label: message.clone(),
                before,
                after,
            }),
            _ => None,
        };
        let doc = loader::load_source(&self.cx, source)?;
        self.count_pending();
        Ok(Outcome {
            message,
            source: Some(doc),
            wrote: true,
            undo,
            select,
            forget: if stale {
                vec![source.to_string()]
            } else {
                Vec::new()
            },
            ..Outcome::default()
        })
    }

    fn checkpoint(&mut self) -> Result<Outcome, OpsError> {
        let message = match ops::checkpoint(&self.cx)? {
            Some(done) => format!("committed: {}", first_line(&done.message)),
            None => "nothing to commit".to_string(),
        };
        self.count_pending();
        Ok(Outcome {
            message,
            pending: Some(0),
            ..Outcome::default()
        })
    }

    fn history(&mut self, since_review: bool) -> Result<Outcome, OpsError> {
        let filter = LogFilter {
            since: if since_review {
                Since::LastReview
            } else {
                Since::Everything
            },
            ..LogFilter::default()
        };
        let history = ops::log(&self.cx, &filter)?;
        Ok(Outcome {
            message: format!("{} commit(s) read", history.commits.len()),
            history: Some(Box::new(history)),
            ..Outcome::default()
        })
    }

    fn mark_reviewed(&mut self) -> Result<Outcome, OpsError> {
        ops::checkpoint(&self.cx)?;
        let marked = ops::mark_reviewed(&self.cx)?;
        self.count_pending();
        Ok(Outcome {
            message: format!(
                "marked as reviewed up to {}",
                marked.commit.get(..8).unwrap_or(&marked.commit)
            ),
            history: Some(Box::new(History {
                reviewed: Some(marked.commit),
                commits: Vec::new(),
            })),
            pending: Some(0),
            ..Outcome::default()
        })
    }

    fn check(&mut self) -> Result<Outcome, OpsError> {
        let findings = ops::check(&self.cx)?;
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let unsupported = findings
            .iter()
            .filter(|f| f.code == "unsupported-claim")
            .count();
        let warnings = findings.len() - errors;
        Ok(Outcome {
            message: format!(
                "check: {errors} errors, {warnings} warnings ({unsupported} unsupported claims)"
            ),
            ..Outcome::default()
        })
    }

    /// Refuses to write back an undo step over a notes file changed outside glose, and reads it again.
    fn dropped(&mut self, source: &str, path: &std::path::Path, label: &str) -> Action {
        let name = self.cx.ws.relative(path).display().to_string();
        self.watch.remember(path);
        self.count_pending();
        match loader::load_source(&self.cx, source) {
            Ok(doc) => Action::Done(Box::new(Outcome {
                message: format!(
                    "{name} changed outside glose: {label} dropped (undo history of {source} cleared), file reloaded"
                ),
                source: Some(doc),
                forget: vec![source.to_string()],
                ..Outcome::default()
            })),
            Err(error) => Action::Failed {
                message: format!("{name} changed outside glose and cannot be read: {error}"),
                source: None,
            },
        }
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or_default().to_string()
}
