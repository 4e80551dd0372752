//! Effects asked for by the app, run against the workspace by the one place that holds the Context.

use std::ops::Range;

use jiff::Timestamp;

use super::action::{Action, Outcome};
use super::data::Data;
use super::editor::EditChange;
use super::external::ExternalEdit;
use super::loader;
use super::undo::UndoStep;
use crate::anchor::{self, QuoteMatch};
use crate::model::{Kind, Relation, SourceId};
use crate::ops::{self, AnnotateRequest, CiteSpec, Context, EditRequest, OpsError, Severity};
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
}

/// Runs effects through `ops`; changes are written at once and committed at checkpoints.
pub struct Runner {
    cx: Context,
    fixed_clock: bool,
}

impl Runner {
    pub fn new(mut cx: Context, fixed_clock: bool) -> Runner {
        cx.commit_each = false;
        Runner { cx, fixed_clock }
    }

    pub fn context(&self) -> &Context {
        &self.cx
    }

    pub fn run(&mut self, effect: Effect) -> Action {
        if !self.fixed_clock {
            self.cx.now = Timestamp::now();
        }
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
        };
        match result {
            Ok(outcome) => Action::Done(Box::new(outcome)),
            Err(error) => Action::Failed {
                message: error.to_string(),
                data: self.load().ok().map(Box::new),
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
        let before = store::load_notes(&self.cx.ws, &id)?;
        let (message, select) = change(&mut self.cx)?;
        let after = store::load_notes(&self.cx.ws, &id)?;
        let undo = match (before, after) {
            (Some(before), Some(after)) => Some(UndoStep {
                label: message.clone(),
                before,
                after,
            }),
            _ => None,
        };
        Ok(Outcome {
            message,
            source: Some(loader::load_source(&self.cx, source)?),
            pending: Some(loader::pending(&self.cx)),
            undo,
            select,
            ..Outcome::default()
        })
    }

    fn checkpoint(&mut self) -> Result<Outcome, OpsError> {
        let message = match ops::checkpoint(&self.cx)? {
            Some(done) => format!("committed: {}", first_line(&done.message)),
            None => "nothing to commit".to_string(),
        };
        Ok(Outcome {
            message,
            pending: Some(loader::pending(&self.cx)),
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

    /// Reads every source, its current text and notes, and the library.
    pub fn load(&self) -> Result<Data, OpsError> {
        loader::load(&self.cx)
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or_default().to_string()
}
