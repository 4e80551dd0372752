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

    /// The annotations [`parse_notes`] reads from `text`, owned, for a version no other read shares
    /// blocks with (a file added or removed): it is not kept for the next read.
    pub fn annotations_alone(&mut self, text: &str) -> Result<Vec<Annotation>, NotesParseError> {
        if !text.contains('\r') {
            let (head, blocks) = split_blocks(text);
            if self.known_head(&text[..head]).is_some()
                && let Some(annotations) = read_blocks(text, &blocks, |_| None)
            {
                return Ok(annotations.into_iter().map(Arc::unwrap_or_clone).collect());
            }
        }
        Ok(parse_toml(text)?.annotations)
    }

    /// The annotations of the blocks that differ between two versions of a notes file, read
    /// without reading the blocks both share byte for byte (their annotations are the same).
    ///
    /// `None` when a head or a differing block is not exactly what the writer writes, or the
    /// differing blocks repeat an id: then read both versions whole.
    pub fn changed(&mut self, old: &str, new: &str) -> Option<(Vec<Annotation>, Vec<Annotation>)> {
        if old.contains('\r') || new.contains('\r') {
            return None;
        }
        let (old_head, old_blocks) = split_blocks(old);
        let (new_head, new_blocks) = split_blocks(new);
        self.known_head(&old[..old_head])?;
        self.known_head(&new[..new_head])?;
        let old_blocks: Vec<&str> = old_blocks.into_iter().map(|r| &old[r]).collect();
        let new_blocks: Vec<&str> = new_blocks.into_iter().map(|r| &new[r]).collect();
        let (removed, added) = differing_blocks(&old_blocks, &new_blocks);
        let read = |blocks: Vec<&str>| -> Option<Vec<Annotation>> {
            let annotations: Vec<Annotation> =
                blocks.into_iter().map(read_block).collect::<Option<_>>()?;
            let ids: HashSet<&str> = annotations.iter().map(|a| a.id.0.as_str()).collect();
            (ids.len() == annotations.len()).then_some(annotations)
        };
        Some((read(removed)?, read(added)?))
    }

    /// `Some` when `head` is what the writer writes before the first annotation.
    fn known_head(&mut self, head: &str) -> Option<()> {
        if !self.heads.contains(head) {
            written_head(head)?;
            self.heads.insert(head.to_owned());
        }
        Some(())
    }

    /// The annotations when the file is byte for byte what the writer writes (then the parser
    /// would read the same), else `None`.
    pub(super) fn quick(&mut self, text: &str) -> Option<Vec<Arc<Annotation>>> {
        if text.contains('\r') {
            return None;
        }
        let (head, blocks) = split_blocks(text);
        self.known_head(&text[..head])?;
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

/// The blocks only `old` has and those only `new` has, each as often as it is missing from the
/// other; the runs both versions start and end with are compared in place, without hashing.
fn differing_blocks<'a>(old: &[&'a str], new: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old, new) = (&old[prefix..], &new[prefix..]);
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old, new) = (&old[..old.len() - suffix], &new[..new.len() - suffix]);
    let mut unmatched: HashMap<&str, usize> = HashMap::new();
    for block in old {
        *unmatched.entry(block).or_default() += 1;
    }
    let mut added = Vec::new();
    for &block in new {
        match unmatched.get_mut(block) {
            Some(count) if *count > 0 => *count -= 1,
            _ => added.push(block),
        }
    }
    let mut removed = Vec::new();
    for &block in old {
        if let Some(count) = unmatched.get_mut(block).filter(|c| **c > 0) {
            *count -= 1;
            removed.push(block);
        }
    }
    (removed, added)
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
