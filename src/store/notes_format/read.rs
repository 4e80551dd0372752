//! The reader: any valid TOML with the expected keys, in any order and spacing.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::blocks::read_as_written;
use super::{NotesFile, NotesParseError, line_column};
use crate::model::{
    Anchor, AnchorState, Annotation, AnnotationId, Citation, Conflict, Kind, Locator, LocatorKind,
    Relation, ReviewStatus, Source, SourceFormat, SourceId,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    source: RawSource,
    #[serde(default)]
    annotation: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: SourceId,
    #[serde(default)]
    title: String,
    file: String,
    #[serde(default)]
    format: SourceFormat,
    #[serde(default)]
    hash: String,
    cite: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnotation {
    id: Spanned<String>,
    kind: Kind,
    #[serde(default)]
    state: AnchorState,
    #[serde(default)]
    author: String,
    #[serde(default)]
    created: String,
    #[serde(default)]
    updated: String,
    #[serde(default)]
    tags: Vec<String>,
    start: usize,
    end: Spanned<usize>,
    quote: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    citation: Vec<RawCitation>,
    status: Option<ReviewStatus>,
    reply_to: Option<String>,
    #[serde(default)]
    conflict: Vec<RawConflict>,
}

/// Another version of the annotation left by a merge: its fields, or `deleted = true`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawConflict {
    deleted: bool,
    kind: Kind,
    status: Option<ReviewStatus>,
    reply_to: Option<String>,
    state: AnchorState,
    author: String,
    created: String,
    updated: String,
    tags: Vec<String>,
    start: usize,
    end: usize,
    quote: String,
    prefix: String,
    suffix: String,
    body: String,
    citation: Vec<RawCitation>,
}

impl RawConflict {
    fn into_conflict(self, id: &str) -> Conflict {
        if self.deleted {
            return Conflict::Deleted;
        }
        Conflict::Changed(Box::new(Annotation {
            id: AnnotationId(id.to_string()),
            kind: self.kind,
            anchor: Anchor {
                exact: self.quote,
                prefix: self.prefix,
                suffix: self.suffix,
                start: self.start,
                end: self.end.max(self.start),
            },
            state: self.state,
            body: self.body,
            tags: self.tags,
            author: self.author,
            created: self.created,
            updated: self.updated,
            citations: self.citation.into_iter().map(citation).collect(),
            reply_to: self.reply_to.map(AnnotationId),
            status: self.status,
            conflicts: Vec::new(),
        }))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCitation {
    key: String,
    locator: Option<String>,
    #[serde(default)]
    relation: Relation,
}

/// Reads a notes file in any key order; unknown keys are refused so that no typo is lost on the next save.
///
/// A file exactly as the writer writes it is read block by block without the TOML parser, which
/// needs about 7 KB per annotation (7 GB for a million); any other file goes to the parser.
pub fn parse_notes(text: &str) -> Result<NotesFile, NotesParseError> {
    match read_as_written(text) {
        Some(notes) => Ok(notes),
        None => parse_toml(text),
    }
}

/// The TOML parser's reading. The writer never puts a raw CR in a file, so CRLF line endings (from
/// git's `autocrlf`) are read as LF.
pub(super) fn parse_toml(text: &str) -> Result<NotesFile, NotesParseError> {
    let unix;
    let text = if text.contains('\r') {
        unix = text.replace("\r\n", "\n");
        unix.as_str()
    } else {
        text
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_string();
        at(text, e.span().map_or(0, |s| s.start), message)
    })?;
    let mut seen = HashSet::new();
    let mut annotations = Vec::with_capacity(raw.annotation.len());
    for a in raw.annotation {
        let id_span = a.id.span();
        let id = a.id.into_inner();
        if !seen.insert(id.clone()) {
            return Err(at(
                text,
                id_span.start,
                format!("two annotations have the id {id}: give one of them another id"),
            ));
        }
        let end_span = a.end.span();
        let end = a.end.into_inner();
        if end < a.start {
            return Err(at(
                text,
                end_span.start,
                format!(
                    "end ({end}) is before start ({}) in annotation {id}",
                    a.start
                ),
            ));
        }
        annotations.push(Annotation {
            kind: a.kind,
            anchor: Anchor {
                exact: a.quote,
                prefix: a.prefix,
                suffix: a.suffix,
                start: a.start,
                end,
            },
            state: a.state,
            body: a.body,
            tags: a.tags,
            author: a.author,
            created: a.created,
            updated: a.updated,
            citations: a.citation.into_iter().map(citation).collect(),
            conflicts: a
                .conflict
                .into_iter()
                .map(|c| c.into_conflict(&id))
                .collect(),
            reply_to: a.reply_to.map(AnnotationId),
            status: a.status,
            id: AnnotationId(id),
        });
    }
    let source = raw.source;
    let mut notes = NotesFile {
        source: Source {
            id: source.id,
            title: source.title,
            file: source.file,
            format: source.format,
            hash: source.hash,
            cite: source.cite,
        },
        annotations,
    };
    notes.sort();
    Ok(notes)
}

fn citation(raw: RawCitation) -> Citation {
    citation_from(raw.key, raw.locator, raw.relation)
}

/// The locator's kind is parsed again from its text, which is the only thing stored.
pub(super) fn citation_from(key: String, locator: Option<String>, relation: Relation) -> Citation {
    Citation {
        key,
        locator: locator.map(|text| {
            Locator::parse(&text).unwrap_or(Locator {
                kind: LocatorKind::Other,
                text,
            })
        }),
        relation,
    }
}

fn at(text: &str, offset: usize, message: String) -> NotesParseError {
    let (line, column) = line_column(text, offset);
    NotesParseError {
        line,
        column,
        message,
    }
}
