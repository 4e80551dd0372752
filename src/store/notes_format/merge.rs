//! Three-way merge of a notes file's text: the source table field by field, annotations by id.

use super::{NotesFile, NotesParseError, notes_to_string, parse_notes};
use crate::model::{AnnotationId, Source, merge_annotations};

/// The merged file, and the annotations that now carry the other side's version as a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesMerge {
    pub text: String,
    pub conflicted: Vec<AnnotationId>,
}

/// Which of the three versions could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {side} version of the notes file does not parse ({error})")]
pub struct NotesMergeError {
    pub side: &'static str,
    pub error: NotesParseError,
}

/// Merges three versions of one notes file; `base` is `None` when both sides created the file.
pub fn merge_notes_text(
    base: Option<&str>,
    ours: &str,
    theirs: &str,
) -> Result<NotesMerge, NotesMergeError> {
    let read = |side: &'static str, text: &str| {
        parse_notes(text).map_err(|error| NotesMergeError { side, error })
    };
    let ours = read("current", ours)?;
    let theirs = read("other", theirs)?;
    let base = match base {
        Some(text) if !text.trim().is_empty() => read("common ancestor", text)?,
        _ => NotesFile::new(ours.source.clone()),
    };
    let merged = merge_annotations(&base.annotations, &ours.annotations, &theirs.annotations);
    let notes = NotesFile {
        source: merge_source(&base.source, &ours.source, &theirs.source),
        annotations: merged.annotations,
    };
    Ok(NotesMerge {
        text: notes_to_string(&notes),
        conflicted: merged.conflicted,
    })
}

/// Each field from the side that changed it; ours when both did.
fn merge_source(b: &Source, o: &Source, t: &Source) -> Source {
    fn pick<T: PartialEq + Clone>(b: &T, o: &T, t: &T) -> T {
        if b == o { t.clone() } else { o.clone() }
    }
    Source {
        id: o.id.clone(),
        title: pick(&b.title, &o.title, &t.title),
        file: pick(&b.file, &o.file, &t.file),
        format: pick(&b.format, &o.format, &t.format),
        hash: pick(&b.hash, &o.hash, &t.hash),
        cite: pick(&b.cite, &o.cite, &t.cite),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{annotation, source};
    use super::*;

    fn text(annotations: Vec<crate::model::Annotation>) -> String {
        notes_to_string(&NotesFile {
            source: source(),
            annotations,
        })
    }

    #[test]
    fn both_sides_notes_are_kept_and_a_double_edit_is_a_parseable_conflict() {
        let base = text(vec![annotation("aaaa0001", 10, "")]);
        let ours = text(vec![
            annotation("aaaa0001", 10, "mine"),
            annotation("oooo0002", 100, ""),
        ]);
        let theirs = text(vec![
            annotation("aaaa0001", 10, "yours"),
            annotation("tttt0003", 50, ""),
        ]);
        let merged = merge_notes_text(Some(&base), &ours, &theirs).unwrap();
        assert_eq!(merged.conflicted, [AnnotationId("aaaa0001".to_string())]);
        let back = parse_notes(&merged.text).unwrap();
        let ids: Vec<&str> = back.annotations.iter().map(|a| a.id.0.as_str()).collect();
        assert_eq!(ids, ["aaaa0001", "tttt0003", "oooo0002"]);
        assert!(merged.text.contains("body = \"mine\"\n"));
        assert!(
            merged
                .text
                .contains("[[annotation.conflict]]\nkind = \"claim\"")
        );
        assert!(merged.text.contains("body = \"yours\"\n"));
        assert!(
            merge_notes_text(None, &ours, &ours)
                .unwrap()
                .conflicted
                .is_empty()
        );
    }

    #[test]
    fn a_broken_side_is_named() {
        let good = text(vec![]);
        let err = merge_notes_text(Some(&good), &good, "[[annotation]]\nkind = 3").unwrap_err();
        assert_eq!(err.side, "other");
    }
}
