use serde::Serialize;

use super::{Context, OpsError};
use crate::anchor::{self, Reanchored};
use crate::model::AnnotationId;
use crate::store::{self, NotesFile};

/// What re-anchoring did to the annotations of one source after its text changed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Reanchoring {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: Vec<Displaced>,
    pub orphaned: Vec<Displaced>,
}

/// An annotation that did not re-attach word for word: its quote before, and the words it now covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Displaced {
    pub id: AnnotationId,
    pub quote: String,
    /// The words of the new text it attached to (fuzzy), `None` for an orphan.
    pub now: Option<String>,
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
    if store::content_hash(&text) == notes.source.hash {
        return Ok((text, None));
    }
    let report = reanchor_notes(notes, &text);
    Ok((text, Some(report)))
}

/// Re-anchors every annotation of `notes` in `text` and records the text's hash as the one they are anchored on.
pub fn reanchor_notes(notes: &mut NotesFile, text: &str) -> Reanchoring {
    let mut report = Reanchoring::default();
    for annotation in &mut notes.annotations {
        let (id, quote) = (annotation.id.clone(), annotation.anchor.exact.clone());
        let displaced = move |now| Displaced { id, quote, now };
        match anchor::reanchor_annotation(annotation, text) {
            Reanchored::Exact(_) => report.exact += 1,
            Reanchored::Moved(_) => report.moved += 1,
            Reanchored::Fuzzy { range, .. } => {
                let now = text.get(range).map(String::from);
                report.fuzzy.push(displaced(now));
            }
            Reanchored::Orphaned => report.orphaned.push(displaced(None)),
        }
    }
    notes.source.hash = store::content_hash(text);
    report
}
