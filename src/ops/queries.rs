use serde::Serialize;

use super::commit::{Committed, Pending};
use super::reanchor::{Reanchoring, current_text};
use super::{Context, Loaded, OpsError, message};
use crate::model::{Annotation, Kind};
use crate::store;

/// A claim as `glose claims` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow {
    pub source: String,
    #[serde(flatten)]
    pub annotation: Annotation,
    pub unsupported: bool,
}

#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub unsupported_only: bool,
    pub source: Option<String>,
}

/// Every claim of the workspace in source then reading order, with anchors checked against the current texts.
pub fn claims(cx: &Context, filter: &ClaimFilter) -> Result<Vec<ClaimRow>, OpsError> {
    let mut loaded = Loaded::read(cx)?;
    if let Some(id) = &filter.source {
        loaded.source(id)?;
    }
    let mut rows = Vec::new();
    for notes in &mut loaded.notes {
        if filter
            .source
            .as_ref()
            .is_some_and(|id| id != notes.source.id.as_str())
        {
            continue;
        }
        current_text(cx, notes)?;
        for annotation in &notes.annotations {
            if annotation.kind != Kind::Claim
                || (filter.unsupported_only && !annotation.is_unsupported())
            {
                continue;
            }
            rows.push(ClaimRow {
                source: notes.source.id.to_string(),
                annotation: annotation.clone(),
                unsupported: annotation.is_unsupported(),
            });
        }
    }
    Ok(rows)
}

/// Each re-anchored source with its report, and the commit that recorded them.
pub type Reanchored = (Vec<(String, Reanchoring)>, Option<Committed>);

/// Re-anchors the sources whose text changed and commits the new anchors in one commit.
pub fn reanchor(cx: &Context, source: Option<&str>) -> Result<Reanchored, OpsError> {
    let _lock = cx.lock_for_writing()?;
    let mut loaded = Loaded::read(cx)?;
    if let Some(id) = source {
        loaded.source(id)?;
    }
    let pending = Pending::start(cx)?;
    let mut reports = Vec::new();
    let mut paths = Vec::new();
    for notes in &mut loaded.notes {
        if source.is_some_and(|id| id != notes.source.id.as_str()) {
            continue;
        }
        if let (_, Some(report)) = current_text(cx, notes)? {
            paths.push(store::save_notes(&cx.ws, notes)?);
            reports.push((notes.source.id.to_string(), report));
        }
    }
    let subject = match reports.as_slice() {
        [] => return Ok((reports, None)),
        [(id, report)] => message::reanchored(id, &report.summary()),
        many => format!(
            "{} sources: annotations re-anchored after their text changed\n\n{}",
            many.len(),
            many.iter()
                .map(|(id, r)| format!("{id}: {}", r.summary()))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    let committed = pending.commit(cx, paths, subject)?;
    Ok((reports, Some(committed)))
}
