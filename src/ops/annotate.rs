use std::ops::Range;
use std::str::FromStr;

use super::commit::{Committed, Pending};
use super::loaded::require_key;
use super::page_locator::fill_page_locators;
use super::reanchor::{Reanchoring, current_text};
use super::{Context, Loaded, OpsError, message, read_library};
use crate::anchor::{self, QuoteMatch};
use crate::model::{AnchorState, Annotation, Citation, Kind, Locator, Relation, SourceId};
use crate::store::{self, NotesFile, StoreError};

/// A cite key with an optional locator, written `KEY` or `KEY@LOCATOR` on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiteSpec {
    pub key: String,
    pub locator: Option<String>,
}

impl FromStr for CiteSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (key, locator) = match s.split_once('@') {
            Some((key, locator)) => (key.trim(), Some(locator.trim().to_string())),
            None => (s.trim(), None),
        };
        if key.is_empty() {
            return Err(format!(
                "`{s}` has no cite key: write KEY or KEY@LOCATOR (loi2016-444@art. 225-5)"
            ));
        }
        Ok(CiteSpec {
            key: key.to_string(),
            locator: locator.filter(|l| !l.is_empty()),
        })
    }
}

impl CiteSpec {
    pub fn to_citation(&self, relation: Relation) -> Result<Citation, OpsError> {
        let locator = match &self.locator {
            Some(text) => Some(Locator::parse(text).map_err(|e| OpsError::Invalid(e.to_string()))?),
            None => None,
        };
        Ok(Citation {
            key: self.key.clone(),
            locator,
            relation,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct AnnotateRequest {
    pub source: String,
    pub quote: String,
    pub occurrence: Option<usize>,
    pub kind: Option<Kind>,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub cites: Vec<CiteSpec>,
    pub relation: Relation,
}

#[derive(Debug)]
pub struct Annotated {
    pub source: String,
    pub annotation: Annotation,
    pub committed: Committed,
    pub reanchoring: Option<Reanchoring>,
}

/// Anchors a new annotation on a quote of a source, saves and commits it.
pub fn annotate(cx: &mut Context, request: AnnotateRequest) -> Result<Annotated, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let kind = match (request.kind, request.cites.is_empty()) {
        (Some(kind), true) => kind,
        (None, true) => Kind::Highlight,
        (None | Some(Kind::Claim), false) => Kind::Claim,
        (Some(kind), false) => {
            return Err(OpsError::Invalid(format!(
                "only claims cite references: drop --kind {kind} or make it a claim"
            )));
        }
    };
    let mut notes = notes_of(cx, &request.source)?;
    if !request.cites.is_empty() {
        let library = read_library(cx)?;
        for cite in &request.cites {
            require_key(&library, &cite.key)?;
        }
    }
    let mut citations = request
        .cites
        .iter()
        .map(|c| c.to_citation(request.relation))
        .collect::<Result<Vec<_>, _>>()?;
    let pending = Pending::start(cx)?;
    let (text, reanchoring) = current_text(cx, &mut notes)?;
    let range = locate(&text, &request, notes.source.id.as_str())?;
    let anchor = anchor::anchor_at(&text, range);
    fill_page_locators(&cx.ws, &notes.source, &anchor, &mut citations);
    let stamp = cx.timestamp();
    let annotation = Annotation {
        id: cx.new_annotation_id_in(&notes),
        kind,
        anchor,
        state: AnchorState::Exact,
        body: request.note.unwrap_or_default(),
        tags: normalize_tags(request.tags),
        author: pending.author(),
        reply_to: None,
        status: None,
        conflicts: Vec::new(),
        created: stamp.clone(),
        updated: stamp,
        citations,
    };
    notes.annotations.push(annotation.clone());
    let message = message::annotation_added(&notes.source.id, &annotation);
    let committed = pending.save_notes(cx, &notes, message)?;
    Ok(Annotated {
        source: notes.source.id.to_string(),
        annotation,
        committed,
        reanchoring,
    })
}

/// One source's notes, read alone; for an unknown source, the whole workspace is read to suggest ids.
fn notes_of(cx: &Context, source: &str) -> Result<NotesFile, OpsError> {
    let found = match SourceId::new(source) {
        Ok(id) => store::load_notes(&cx.ws, &id),
        Err(_) => Ok(None),
    };
    match found {
        Ok(Some(notes)) => Ok(notes),
        Ok(None) | Err(StoreError::Notes { .. }) => Err(Loaded::read(cx)?.unknown_source(source)),
        Err(error) => Err(error.into()),
    }
}

/// Finds the quote's range, asking for `--occurrence` when it occurs several times.
pub fn locate(
    text: &str,
    request: &AnnotateRequest,
    source_id: &str,
) -> Result<Range<usize>, OpsError> {
    if request.quote.trim().is_empty() {
        return Err(OpsError::EmptyQuote);
    }
    let occurrences = match anchor::find_quote(text, &request.quote) {
        QuoteMatch::Unique(range) => vec![range],
        QuoteMatch::Several(ranges) => ranges,
        QuoteMatch::NotFound { nearest } => {
            return Err(OpsError::QuoteNotFound {
                source_id: source_id.to_string(),
                nearest: nearest.map(|n| excerpt(text, &n.range, 0)),
            });
        }
    };
    match (request.occurrence, occurrences.len()) {
        (None, 1) => Ok(occurrences[0].clone()),
        (None, _) => Err(OpsError::QuoteAmbiguous {
            source_id: source_id.to_string(),
            occurrences: occurrences.iter().map(|r| excerpt(text, r, 30)).collect(),
        }),
        (Some(n), count) if n >= 1 && n <= count => Ok(occurrences[n - 1].clone()),
        (Some(given), count) => Err(OpsError::OccurrenceOutOfRange { given, count }),
    }
}

/// "line 12: …context [quote] context…", on one line.
pub fn excerpt(text: &str, range: &Range<usize>, context_chars: usize) -> String {
    let line = text[..range.start].matches('\n').count() + 1;
    let before: String = text[..range.start]
        .chars()
        .rev()
        .take(context_chars)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[range.end..].chars().take(context_chars).collect();
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if context_chars == 0 {
        return flat(&text[range.clone()]);
    }
    let marked = format!("{before}[{}]{after}", &text[range.clone()]);
    format!("line {line}: …{}…", flat(&marked))
}

pub fn normalize_tags(tags: Vec<String>) -> Vec<String> {
    let mut tags: Vec<String> = tags
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}
