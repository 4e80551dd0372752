//! Effects asked for by the app, run against the workspace by the one place that holds the Context.

use std::ops::Range;

use jiff::Timestamp;

use super::action::{Action, Outcome};
use super::data::{Data, RefItem, SourceDoc};
use super::undo::UndoStep;
use crate::anchor::{self, QuoteMatch};
use crate::model::{Kind, Relation, SourceId};
use crate::ops::{self, AnnotateRequest, CiteSpec, Context, Loaded, OpsError, Severity};
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
    Remove {
        source: String,
        id: String,
    },
    /// Write back one version of a notes file (undo, redo).
    Restore {
        notes: Box<NotesFile>,
        label: String,
    },
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
            let loaded = Loaded::read(cx)?;
            let mut notes = loaded.source(source)?.clone();
            let (text, _) = ops::current_text(cx, &mut notes)?;
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

    /// Runs a change to one source's notes and records its undo step.
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
            data: Some(self.load()?),
            undo,
            select,
        })
    }

    fn checkpoint(&mut self) -> Result<Outcome, OpsError> {
        let message = match ops::checkpoint(&self.cx)? {
            Some(done) => format!("committed: {}", first_line(&done.message)),
            None => "nothing to commit".to_string(),
        };
        Ok(Outcome {
            message,
            data: Some(self.load()?),
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
        let cx = &self.cx;
        let mut loaded = Loaded::read(cx)?;
        let mut sources = Vec::new();
        for notes in &mut loaded.notes {
            let (text, _) = ops::current_text(cx, notes)?;
            sources.push(SourceDoc::new(
                notes.source.id.to_string(),
                notes.source.title.clone(),
                text,
                notes.annotations.clone(),
            ));
        }
        let refs = loaded.library.entries().iter().map(ref_item).collect();
        let repo = store::git::Repo::open(&cx.ws.root).ok();
        Ok(Data {
            workspace: cx.ws.root.file_name().map_or_else(
                || cx.ws.root.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            branch: repo
                .as_ref()
                .and_then(|r| r.branch())
                .unwrap_or_else(|| "(no branch)".into()),
            pending: ops::pending_changes(cx).map_or(0, |p| p.len()),
            sources,
            refs,
        })
    }
}

fn ref_item(entry: &crate::bib::Entry) -> RefItem {
    let venue = [
        "journaltitle",
        "journal",
        "publisher",
        "institution",
        "howpublished",
    ]
    .iter()
    .find_map(|f| entry.get(f))
    .unwrap_or_default();
    let haystack = format!(
        "{} {} {} {} {venue}",
        entry.key,
        entry.authors().join(" "),
        entry.title().unwrap_or_default(),
        entry.year().unwrap_or_default()
    );
    RefItem {
        key: entry.key.clone(),
        summary: entry.summary(),
        haystack,
        fields: entry
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect(),
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or_default().to_string()
}
