use std::cell::OnceCell;
use std::path::PathBuf;

use super::{Context, OpsError};
use crate::bib::{self, BibSource, Library};
use crate::model::{Annotation, AnnotationId, SourceId, closest};
use crate::store::{self, LibraryCache, NotesFile, NotesParseError, Workspace};

/// Every notes file of a workspace, read once per command, and the library, read when first needed.
pub struct Loaded {
    pub notes: Vec<NotesFile>,
    pub broken_notes: Vec<(PathBuf, NotesParseError)>,
    ws: Workspace,
    library: OnceCell<Library>,
}

impl Loaded {
    pub fn read(cx: &Context) -> Result<Loaded, OpsError> {
        Ok(Loaded::from_files(cx, store::load_notes_dir(&cx.ws)))
    }

    /// The notes files that hold the annotation `id` (or an id starting with it), found on their
    /// raw text so the others are never parsed; every file when the raw search finds nothing
    /// (a hand-edited file may space its `id =` line differently).
    pub fn read_holding(cx: &Context, id: &str) -> Result<Loaded, OpsError> {
        let needle = format!("id = \"{}", id.trim().to_lowercase());
        let holding = Loaded::from_files(cx, store::load_notes_containing(&cx.ws, &needle));
        if holding.annotation(id).is_ok() {
            return Ok(holding);
        }
        Loaded::read(cx)
    }

    fn from_files(
        cx: &Context,
        files: Vec<(PathBuf, Result<NotesFile, NotesParseError>)>,
    ) -> Loaded {
        let mut notes = Vec::new();
        let mut broken_notes = Vec::new();
        for (path, parsed) in files {
            match parsed {
                Ok(file) => notes.push(file),
                Err(error) => broken_notes.push((cx.ws.relative(&path), error)),
            }
        }
        Loaded {
            notes,
            broken_notes,
            ws: cx.ws.clone(),
            library: OnceCell::new(),
        }
    }

    /// The library, loaded on first use: commands that cite nothing never parse it.
    pub fn library(&self) -> Result<&Library, OpsError> {
        if let Some(library) = self.library.get() {
            return Ok(library);
        }
        let library = read_library_at(&self.ws)?;
        Ok(self.library.get_or_init(|| library))
    }

    pub fn source(&self, id: &str) -> Result<&NotesFile, OpsError> {
        self.notes
            .iter()
            .find(|n| n.source.id.as_str() == id)
            .ok_or_else(|| self.unknown_source(id))
    }

    /// Unknown, or known but its notes file does not parse: the error says which.
    pub fn unknown_source(&self, id: &str) -> OpsError {
        let broken = self.broken_notes.iter().find(|(path, _)| {
            path.file_stem()
                .is_some_and(|stem| stem.to_string_lossy() == id)
        });
        if let Some((path, error)) = broken {
            return OpsError::BrokenNotes {
                path: path.clone(),
                message: error.to_string(),
            };
        }
        let ids = self.notes.iter().map(|n| n.source.id.as_str());
        OpsError::UnknownSource {
            id: id.to_string(),
            suggestions: closest(id, ids),
        }
    }

    /// Finds an annotation by its id or a unique prefix of it, optionally written `SOURCE/ID`.
    pub fn annotation(&self, wanted: &str) -> Result<(&NotesFile, &Annotation), OpsError> {
        let wanted = wanted.trim().to_lowercase();
        let (source, prefix) = match wanted.split_once('/') {
            Some((source, prefix)) => (Some(source), prefix.to_string()),
            None => (None, wanted.clone()),
        };
        let matches: Vec<(&NotesFile, &Annotation)> = self
            .notes
            .iter()
            .filter(|n| source.is_none_or(|s| n.source.id.as_str() == s))
            .flat_map(|n| n.annotations.iter().map(move |a| (n, a)))
            .filter(|(_, a)| a.id.0.starts_with(&prefix))
            .collect();
        let exact: Vec<&(&NotesFile, &Annotation)> =
            matches.iter().filter(|(_, a)| a.id.0 == prefix).collect();
        match exact.as_slice() {
            [one] => return Ok(**one),
            [] => {}
            several => {
                return Err(OpsError::SharedId {
                    id: prefix,
                    sources: several
                        .iter()
                        .map(|(n, _)| n.source.id.to_string())
                        .collect(),
                });
            }
        }
        match matches.as_slice() {
            [] => Err(OpsError::UnknownAnnotation(wanted)),
            [one] => Ok(*one),
            many if prefix.is_empty() => Err(OpsError::UnknownAnnotation(format!(
                "{} annotations",
                many.len()
            ))),
            many => Err(OpsError::AmbiguousAnnotation {
                prefix: wanted,
                matches: many.iter().map(|(_, a)| a.id.to_string()).collect(),
            }),
        }
    }

    /// Fails with suggestions when `key` is not in the library.
    pub fn require_key(&self, key: &str) -> Result<(), OpsError> {
        require_key(self.library()?, key)
    }

    pub fn has_annotation_id(&self, id: &AnnotationId) -> bool {
        self.notes
            .iter()
            .any(|n| n.annotations.iter().any(|a| a.id == *id))
    }

    pub fn source_ids(&self) -> impl Iterator<Item = &SourceId> {
        self.notes.iter().map(|n| &n.source.id)
    }
}

/// Fails with suggestions when `key` is not in `library`.
pub fn require_key(library: &Library, key: &str) -> Result<(), OpsError> {
    if library.get(key).is_some() {
        return Ok(());
    }
    let suggestions = library
        .closest_keys(key, 3)
        .into_iter()
        .map(String::from)
        .collect();
    Err(OpsError::UnknownKey {
        key: key.to_string(),
        suggestions,
    })
}

pub fn read_library(cx: &Context) -> Result<Library, OpsError> {
    read_library_at(&cx.ws)
}

fn read_library_at(ws: &Workspace) -> Result<Library, OpsError> {
    let mut files = Vec::new();
    for path in ws.bib_paths()? {
        let text = store::read_text(&path)?;
        files.push((ws.relative(&path), text));
    }
    let sources: Vec<BibSource<'_>> = files
        .iter()
        .map(|(path, text)| BibSource { path, text })
        .collect();
    Ok(load_library(ws, &sources))
}

/// Loads the workspace's .bib files from its parse cache when they have not changed since it was
/// written; otherwise parses them and rewrites the cache, best effort.
pub fn load_library(ws: &Workspace, sources: &[BibSource<'_>]) -> Library {
    let Some(cache) = LibraryCache::of(ws) else {
        return bib::load(sources);
    };
    let cached = cache
        .read()
        .and_then(|bytes| bib::decode_cache(&bytes, sources, cache.stamp()));
    if let Some(library) = cached {
        return library;
    }
    let library = bib::load(sources);
    if let Some(bytes) = bib::encode_cache(&library, sources, cache.stamp()) {
        // A read-only git directory or a full disk only means no cache next time.
        let _ = cache.write(&bytes);
    }
    library
}
