//! Reading many versions of notes files, as history does: a file is cut into its annotation blocks,
//! and a block unchanged since the version read just before is not read again.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::quick_read::read_block;
use super::read::parse_toml;
use super::{NotesFile, NotesParseError, notes_to_string, parse_notes, position_order};
use crate::model::{Annotation, Source};

/// Where the writer starts each annotation: after a blank line.
const BLOCK_START: &str = "\n\n[[annotation]]\n";

/// Reads notes files like [`parse_notes`], reusing the blocks of the file read just before
/// (usually another version of the same file, where most blocks are unchanged).
#[derive(Debug, Default)]
pub struct BlockReader {
    /// Texts before the first annotation that are exactly what the writer writes.
    heads: HashSet<String>,
    last: Option<LastFile>,
}

/// The last file read by blocks: its text, where each block sits, and each block's annotation.
#[derive(Debug)]
struct LastFile {
    text: String,
    blocks: Vec<Range<usize>>,
    annotations: Vec<Arc<Annotation>>,
}

impl BlockReader {
    /// The annotations [`parse_notes`] reads from `text`, in the same order, or its error.
    pub fn annotations(&mut self, text: &str) -> Result<Vec<Arc<Annotation>>, NotesParseError> {
        if let Some(annotations) = self.quick(text) {
            return Ok(annotations);
        }
        let notes = parse_toml(text)?;
        Ok(notes.annotations.into_iter().map(Arc::new).collect())
    }

    /// The annotations when the file is byte for byte what the writer writes (then the parser
    /// would read the same), else `None`.
    pub(super) fn quick(&mut self, text: &str) -> Option<Vec<Arc<Annotation>>> {
        if text.contains('\r') {
            return None;
        }
        let (head, blocks) = split_blocks(text);
        let head = &text[..head];
        if !self.heads.contains(head) {
            written_head(head)?;
            self.heads.insert(head.to_owned());
        }
        let known: HashMap<&str, &Arc<Annotation>> = match &self.last {
            Some(last) => last
                .blocks
                .iter()
                .map(|range| &last.text[range.clone()])
                .zip(&last.annotations)
                .collect(),
            None => HashMap::new(),
        };
        let annotations = read_blocks(text, &blocks, |block| known.get(block).copied().cloned())?;
        self.last = Some(LastFile {
            text: text.to_owned(),
            blocks,
            annotations: annotations.clone(),
        });
        Some(annotations)
    }
}

/// A file with annotations, read without the TOML parser when it is byte for byte what the writer
/// writes (then the parser would read the same), else `None`.
pub(super) fn read_as_written(text: &str) -> Option<NotesFile> {
    if text.contains('\r') {
        return None;
    }
    let (head, blocks) = split_blocks(text);
    if blocks.is_empty() {
        return None;
    }
    let source = written_head(&text[..head])?;
    let annotations = read_blocks(text, &blocks, |_| None)?
        .into_iter()
        .map(|a| Arc::try_unwrap(a).ok())
        .collect::<Option<_>>()?;
    Some(NotesFile {
        source,
        annotations,
    })
}

/// The source of a text before the first block that is exactly what the writer writes.
fn written_head(head: &str) -> Option<Source> {
    let file = NotesFile::new(parse_notes(head).ok()?.source);
    (notes_to_string(&file) == head).then_some(file.source)
}

/// Each block as the writer writes it (`known` gives blocks read before), in file order, ids unique.
fn read_blocks<'t>(
    text: &'t str,
    blocks: &[Range<usize>],
    known: impl Fn(&'t str) -> Option<Arc<Annotation>>,
) -> Option<Vec<Arc<Annotation>>> {
    let mut annotations: Vec<Arc<Annotation>> = Vec::with_capacity(blocks.len());
    for block in blocks.iter().map(|range| &text[range.clone()]) {
        let annotation = match known(block) {
            Some(annotation) => annotation,
            None => Arc::new(read_block(block)?),
        };
        if let Some(previous) = annotations.last() {
            (position_order(previous, &annotation) == Ordering::Less).then_some(())?;
        }
        annotations.push(annotation);
    }
    let mut ids: Vec<&str> = annotations.iter().map(|a| a.id.0.as_str()).collect();
    ids.sort_unstable();
    ids.windows(2).all(|w| w[0] != w[1]).then_some(())?;
    Some(annotations)
}

/// Where the text before the first block ends, and where each block sits; joined with `\n`
/// these pieces give `text` back.
pub(super) fn split_blocks(text: &str) -> (usize, Vec<Range<usize>>) {
    let mut blanks = text.match_indices(BLOCK_START).map(|(at, _)| at + 1);
    let Some(head) = blanks.next() else {
        return (text.len(), Vec::new());
    };
    let mut blocks = Vec::new();
    let mut start = head + 1;
    for blank in blanks {
        blocks.push(start..blank);
        start = blank + 1;
    }
    blocks.push(start..text.len());
    (head, blocks)
}
