//! A loaded library as bytes for the on-disk cache, valid only for the very same files.
//!
//! Layout: the entries in chunks, the diagnostics, the macros, then the header (format, glose
//! version, build stamp, each file's path, length and xxh3 hash, the chunks' sizes), its length,
//! and an xxh3 checksum of everything before. Field texts stay in the .bib files: the cache holds
//! their spans. Chunks are decoded on several threads.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_128;

use super::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use super::entry::Entry;
use super::field::{Field, Text, common_name, common_name_index};
use super::library::{BibSource, Library};
use super::macros::Macros;

const MAGIC: &str = "glose library cache";
/// Bump when the layout below or what `load` computes changes.
pub(crate) const FORMAT: u32 = 2;
const CHECKSUM_BYTES: usize = 16;
const LENGTH_BYTES: usize = 4;
const CHUNK_ENTRIES: usize = 4096;

/// What the cache was written for: it is used only when all of it matches.
#[derive(Serialize, Deserialize, PartialEq)]
struct Key<'a> {
    magic: &'a str,
    format: u32,
    glose: &'a str,
    stamp: &'a str,
    #[serde(borrow)]
    files: Vec<FileKey<'a>>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct FileKey<'a> {
    path: &'a str,
    len: usize,
    hash: u128,
}

#[derive(Serialize, Deserialize)]
struct Header<'a> {
    #[serde(borrow)]
    key: Key<'a>,
    chunks: Vec<Chunk>,
}

/// A run of consecutive entries and the bytes they take.
#[derive(Serialize, Deserialize)]
struct Chunk {
    entries: usize,
    bytes: usize,
}

#[derive(Serialize, Deserialize)]
struct CachedEntry<'a> {
    key: &'a str,
    entry_type: &'a str,
    file: usize,
    line: usize,
    span: Range<usize>,
    #[serde(borrow)]
    fields: Vec<CachedField<'a>>,
}

#[derive(Serialize, Deserialize)]
struct CachedField<'a> {
    #[serde(borrow)]
    name: Name<'a>,
    file: usize,
    value_span: Range<usize>,
    #[serde(borrow)]
    expanded: CachedText<'a>,
    value: Option<&'a str>,
    inherited_from: Option<&'a str>,
}

#[derive(Serialize, Deserialize)]
enum Name<'a> {
    Common(u8),
    Other(&'a str),
}

#[derive(Serialize, Deserialize)]
enum CachedText<'a> {
    Source(Range<usize>),
    Owned(&'a str),
}

#[derive(Serialize, Deserialize)]
struct CachedDiagnostic<'a> {
    file: usize,
    line: usize,
    column: usize,
    severity: Severity,
    kind: DiagnosticKind,
    message: &'a str,
    key: Option<&'a str>,
}

/// The bytes to cache for `library`, loaded from `files`; `stamp` names the build of glose.
/// `None` when a path is not UTF-8 or a field's text is not one of the files.
pub fn encode_cache(library: &Library, files: &[BibSource<'_>], stamp: &str) -> Option<Vec<u8>> {
    encode(library, files, stamp, FORMAT)
}

/// Like `encode_cache`, writing `format` as the format version.
pub(crate) fn encode(
    library: &Library,
    files: &[BibSource<'_>],
    stamp: &str,
    format: u32,
) -> Option<Vec<u8>> {
    if library.texts.len() != files.len() {
        return None;
    }
    let file_of = |path: &Path| files.iter().position(|f| f.path == path);
    let capacity = files.iter().map(|f| f.text.len()).sum::<usize>();
    let mut out = Vec::with_capacity(capacity);
    let mut chunks = Vec::new();
    for chunk in library.entries.chunks(CHUNK_ENTRIES) {
        let start = out.len();
        for entry in chunk {
            let fields = entry
                .fields
                .iter()
                .map(|f| cached_field(f, &library.texts))
                .collect::<Option<Vec<_>>>()?;
            let cached = CachedEntry {
                key: &entry.key,
                entry_type: &entry.entry_type,
                file: file_of(&entry.file)?,
                line: entry.line,
                span: entry.span.clone(),
                fields,
            };
            out = postcard::to_extend(&cached, out).ok()?;
        }
        chunks.push(Chunk {
            entries: chunk.len(),
            bytes: out.len() - start,
        });
    }
    let diagnostics = library
        .diagnostics
        .iter()
        .map(|d| {
            Some(CachedDiagnostic {
                file: file_of(&d.file)?,
                line: d.line,
                column: d.column,
                severity: d.severity,
                kind: d.kind,
                message: &d.message,
                key: d.key.as_deref(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    out = postcard::to_extend(&diagnostics, out).ok()?;
    let mut macros: Vec<(&str, &str)> = library.macros.pairs().collect();
    macros.sort_unstable();
    out = postcard::to_extend(&macros, out).ok()?;
    let header = Header {
        key: key(files, stamp, format)?,
        chunks,
    };
    let header_start = out.len();
    out = postcard::to_extend(&header, out).ok()?;
    let header_len = u32::try_from(out.len() - header_start).ok()?;
    out.extend_from_slice(&header_len.to_le_bytes());
    let checksum = xxh3_128(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    Some(out)
}

fn cached_field<'a>(field: &'a Field, texts: &[Arc<str>]) -> Option<CachedField<'a>> {
    let (source, expanded, value) = field.cached_parts();
    let name = match common_name_index(field.name()) {
        Some(i) => Name::Common(u8::try_from(i).ok()?),
        None => Name::Other(field.name()),
    };
    Some(CachedField {
        name,
        file: texts.iter().position(|t| Arc::ptr_eq(t, source))?,
        value_span: field.value_span(),
        expanded: match expanded {
            Text::Source(range) => CachedText::Source(range.clone()),
            Text::Owned(text) => CachedText::Owned(text),
        },
        value,
        inherited_from: field.inherited_from(),
    })
}

/// The library cached in `bytes`, when they were written for exactly these files by this build;
/// `None` when they are corrupt, truncated, of another version or for other files.
pub fn decode_cache(bytes: &[u8], files: &[BibSource<'_>], stamp: &str) -> Option<Library> {
    let (body, checksum) = bytes.split_at_checked(bytes.len().checked_sub(CHECKSUM_BYTES)?)?;
    let (content, header_len) = body.split_at_checked(body.len().checked_sub(LENGTH_BYTES)?)?;
    let header_len = usize::try_from(u32::from_le_bytes(header_len.try_into().ok()?)).ok()?;
    let (data, header) = content.split_at_checked(content.len().checked_sub(header_len)?)?;
    let header: Header<'_> = postcard::from_bytes(header).ok()?;
    if header.key != key(files, stamp, FORMAT)? || xxh3_128(body).to_le_bytes() != checksum {
        return None;
    }
    let mut slices = Vec::with_capacity(header.chunks.len());
    let mut rest = data;
    for chunk in &header.chunks {
        let (slice, more) = rest.split_at_checked(chunk.bytes)?;
        if chunk.entries > slice.len() {
            return None;
        }
        slices.push((chunk.entries, slice));
        rest = more;
    }
    let texts: Vec<Arc<str>> = files.iter().map(|f| Arc::from(f.text)).collect();
    let entries = decode_chunks(&slices, files, &texts)?;
    let (diagnostics, rest) = postcard::take_from_bytes::<Vec<CachedDiagnostic<'_>>>(rest).ok()?;
    let (macros, rest) = postcard::take_from_bytes::<Vec<(&str, &str)>>(rest).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let diagnostics = diagnostics
        .into_iter()
        .map(|d| {
            Some(Diagnostic {
                file: files.get(d.file)?.path.to_path_buf(),
                line: d.line,
                column: d.column,
                severity: d.severity,
                kind: d.kind,
                message: d.message.to_string(),
                key: d.key.map(str::to_string),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let mut first_by_key = HashMap::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        first_by_key.entry(entry.key.clone()).or_insert(i);
    }
    Some(Library {
        entries,
        diagnostics,
        first_by_key,
        macros: Macros::from_pairs(macros),
        search_index: OnceLock::new(),
        texts,
    })
}

/// The entries of all chunks in order, decoded on up to 8 threads.
fn decode_chunks(
    slices: &[(usize, &[u8])],
    files: &[BibSource<'_>],
    texts: &[Arc<str>],
) -> Option<Vec<Entry>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8)
        .min(slices.len().max(1));
    let per_thread = slices.len().div_ceil(threads).max(1);
    let decode = |group: &[(usize, &[u8])]| -> Option<Vec<Entry>> {
        let mut entries = Vec::with_capacity(group.iter().map(|(n, _)| *n).sum());
        for &(count, mut bytes) in group {
            for _ in 0..count {
                let (cached, more) = postcard::take_from_bytes::<CachedEntry<'_>>(bytes).ok()?;
                bytes = more;
                entries.push(entry(cached, files, texts)?);
            }
            if !bytes.is_empty() {
                return None;
            }
        }
        Some(entries)
    };
    if threads == 1 {
        return decode(slices);
    }
    let parts: Vec<Option<Vec<Entry>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = slices
            .chunks(per_thread)
            .map(|group| scope.spawn(move || decode(group)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut entries = Vec::with_capacity(slices.iter().map(|(n, _)| *n).sum());
    for part in parts {
        entries.extend(part?);
    }
    Some(entries)
}

fn entry(cached: CachedEntry<'_>, files: &[BibSource<'_>], texts: &[Arc<str>]) -> Option<Entry> {
    let text = texts.get(cached.file)?;
    text.get(cached.span.clone())?;
    let mut fields = Vec::with_capacity(cached.fields.len());
    for cached in cached.fields {
        fields.push(field(cached, texts)?);
    }
    Some(Entry {
        key: cached.key.to_string(),
        entry_type: cached.entry_type.to_string(),
        file: files[cached.file].path.to_path_buf(),
        line: cached.line,
        span: cached.span,
        fields,
    })
}

fn field(cached: CachedField<'_>, texts: &[Arc<str>]) -> Option<Field> {
    let source = texts.get(cached.file)?;
    source.get(cached.value_span.clone())?;
    let expanded = match cached.expanded {
        CachedText::Source(range) => {
            source.get(range.clone())?;
            Text::Source(range)
        }
        CachedText::Owned(text) => Text::Owned(text.into()),
    };
    let name = match cached.name {
        Name::Common(i) => common_name(usize::from(i))?.into(),
        Name::Other(name) => name.to_string().into(),
    };
    Some(Field::from_cache(
        name,
        source.clone(),
        cached.value_span,
        expanded,
        cached.value.map(Into::into),
        cached.inherited_from.map(Into::into),
    ))
}

/// What a cache for `files` written by this build in `format` must carry; `None` when a path is
/// not UTF-8.
fn key<'a>(files: &[BibSource<'a>], stamp: &'a str, format: u32) -> Option<Key<'a>> {
    let files = files
        .iter()
        .map(|f| {
            Some(FileKey {
                path: f.path.to_str()?,
                len: f.text.len(),
                hash: xxh3_128(f.text.as_bytes()),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Key {
        magic: MAGIC,
        format,
        glose: env!("CARGO_PKG_VERSION"),
        stamp,
        files,
    })
}
