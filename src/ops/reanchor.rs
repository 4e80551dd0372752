use serde::Serialize;

use super::{Context, OpsError};
use crate::anchor::{self, Reanchored};
use crate::store::{self, NotesFile};

/// What re-anchoring did to the annotations of one source after its text changed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Reanchoring {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: Vec<String>,
    pub orphaned: Vec<String>,
}

impl Reanchoring {
    pub fn summary(&self) -> String {
        format!(
            "{} exact, {} moved, {} fuzzy, {} orphaned",
            self.exact,
            self.moved,
            self.fuzzy.len(),
            self.orphaned.len()
        )
    }
}

/// Reads a source's text; when it differs from the text its notes were anchored on, re-anchors them.
pub fn current_text(
    cx: &Context,
    notes: &mut NotesFile,
) -> Result<(String, Option<Reanchoring>), OpsError> {
    let text = store::read_source(&cx.ws, &notes.source)?;
    let hash = store::content_hash(&text);
    if hash == notes.source.hash {
        return Ok((text, None));
    }
    let mut report = Reanchoring::default();
    for annotation in &mut notes.annotations {
        match anchor::reanchor_annotation(annotation, &text) {
            Reanchored::Exact(_) => report.exact += 1,
            Reanchored::Moved(_) => report.moved += 1,
            Reanchored::Fuzzy { .. } => report.fuzzy.push(annotation.anchor.exact.clone()),
            Reanchored::Orphaned => report.orphaned.push(annotation.anchor.exact.clone()),
        }
    }
    notes.source.hash = hash;
    Ok((text, Some(report)))
}
