//! Loading several .bib files into one library: macros, display values, inheritance, checks.

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::diagnostic::{self, Diagnostic, DiagnosticKind, Severity};
use super::entry::{Entry, normalize_doi};
use super::field::{Field, Text};
use super::macros::Macros;
use super::parse::{self, ParsedFile, RawEntry};
use super::position::LineIndex;
use super::resolve;

/// A .bib file's text and the path shown to users (e.g. `library/references.bib`).
#[derive(Debug, Clone, Copy)]
pub struct BibSource<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

/// Every entry of the loaded files, in file order, and what was wrong with them.
#[derive(Debug)]
pub struct Library {
    pub(crate) entries: Vec<Entry>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) first_by_key: HashMap<String, usize>,
    pub(crate) macros: Macros,
    pub(crate) search_index: OnceLock<Vec<String>>,
    /// Each file's text, shared by the fields read from it.
    pub(crate) texts: Vec<Arc<str>>,
}

/// Loads the files in order; they share @string macros. Never fails: problems become diagnostics.
pub fn load(files: &[BibSource<'_>]) -> Library {
    load_in_pieces(files, parse::PIECE_BYTES)
}

/// Like `load`, parsing in pieces of about `piece_bytes`.
pub(crate) fn load_in_pieces(files: &[BibSource<'_>], piece_bytes: usize) -> Library {
    let parsed: Vec<ParsedFile> = files
        .iter()
        .map(|f| parse::parse_in_pieces(f.text, piece_bytes))
        .collect();
    let indexes: Vec<LineIndex<'_>> = files.iter().map(|f| LineIndex::new(f.text)).collect();
    let mut diagnostics = Vec::new();
    let mut macros = Macros::default();
    for ((file, parsed), index) in files.iter().zip(&parsed).zip(&indexes) {
        for problem in &parsed.problems {
            let message = diagnostic::syntax_message(&problem.code, problem.key.as_deref());
            diagnostics.push(diagnostic::at(
                file.path,
                index,
                problem.offset,
                Severity::Error,
                DiagnosticKind::Syntax,
                message,
                problem.key.as_deref(),
            ));
        }
        for string in &parsed.strings {
            for name in macros.define(&string.name, &string.atoms) {
                let message = undefined_message(&name, &format!("@string `{}`", string.name));
                diagnostics.push(diagnostic::at(
                    file.path,
                    index,
                    string.span.start,
                    Severity::Warning,
                    DiagnosticKind::UndefinedMacro,
                    message,
                    None,
                ));
            }
        }
    }
    let mut entries = Vec::with_capacity(parsed.iter().map(|p| p.entries.len()).sum());
    let mut origin = Vec::with_capacity(entries.capacity());
    let texts: Vec<Arc<str>> = files.iter().map(|f| Arc::from(f.text)).collect();
    for (i, (file, parsed)) in files.iter().zip(parsed).enumerate() {
        let (built, found) =
            build_entries(parsed.entries, file.path, &texts[i], &indexes[i], &macros);
        origin.resize(origin.len() + built.len(), i);
        entries.extend(built);
        diagnostics.extend(found);
    }
    let first_by_key = index_keys(&entries, &origin, files, &indexes, &mut diagnostics);
    for issue in resolve::resolve(&mut entries, &first_by_key) {
        let entry = &entries[issue.entry];
        let offset = entry
            .field(issue.field)
            .map_or(entry.span.start, |f| f.value_span().start);
        diagnostics.push(diagnostic::at(
            &entry.file,
            &indexes[origin[issue.entry]],
            offset,
            issue.severity,
            issue.kind,
            issue.message,
            Some(&entry.key),
        ));
    }
    check_dois(&entries, &origin, &indexes, &mut diagnostics);
    let file_order: HashMap<&Path, usize> =
        files.iter().enumerate().map(|(i, f)| (f.path, i)).collect();
    diagnostics.sort_by_key(|d| (file_order.get(d.file.as_path()).copied(), d.line, d.column));
    Library {
        entries,
        diagnostics,
        first_by_key,
        macros,
        search_index: OnceLock::new(),
        texts,
    }
}

fn undefined_message(name: &str, place: &str) -> String {
    format!(
        "{place} uses the @string `{name}`, which no loaded file defines: define it or put the value in braces"
    )
}

/// Builds entries from parsed ones, on several threads for large files, keeping their order.
fn build_entries(
    mut raws: Vec<RawEntry>,
    path: &Path,
    source: &Arc<str>,
    index: &LineIndex<'_>,
    macros: &Macros,
) -> (Vec<Entry>, Vec<Diagnostic>) {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    let per_thread = raws.len().div_ceil(threads).max(PARALLEL_ENTRIES);
    let mut chunks = Vec::new();
    while raws.len() > per_thread {
        chunks.push(raws.split_off(raws.len() - per_thread));
    }
    chunks.push(raws);
    chunks.reverse();
    let build = |chunk: Vec<RawEntry>| {
        let mut diagnostics = Vec::new();
        let entries: Vec<Entry> = chunk
            .into_iter()
            .map(|raw| build_entry(raw, path, source, index, macros, &mut diagnostics))
            .collect();
        (entries, diagnostics)
    };
    let parts: Vec<(Vec<Entry>, Vec<Diagnostic>)> = if chunks.len() == 1 {
        chunks.into_iter().map(build).collect()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|c| scope.spawn(move || build(c)))
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        })
    };
    let mut entries = Vec::new();
    let mut diagnostics = Vec::new();
    for (built, found) in parts {
        entries.extend(built);
        diagnostics.extend(found);
    }
    (entries, diagnostics)
}

/// Below this many entries per thread, building on one thread is faster.
const PARALLEL_ENTRIES: usize = 5_000;

fn build_entry(
    raw: RawEntry,
    path: &Path,
    source: &Arc<str>,
    index: &LineIndex<'_>,
    macros: &Macros,
    diagnostics: &mut Vec<Diagnostic>,
) -> Entry {
    let mut undefined = Vec::new();
    let fields = raw
        .fields
        .into_iter()
        .map(|field| {
            let expanded = match field.literal {
                Some(range) => Text::Source(range),
                None => Text::Owned(macros.expand(&field.atoms, &mut undefined).into()),
            };
            for name in undefined.drain(..) {
                let place = format!("field `{}` of entry `{}`", field.name, raw.key);
                diagnostics.push(diagnostic::at(
                    path,
                    index,
                    field.span.start,
                    Severity::Warning,
                    DiagnosticKind::UndefinedMacro,
                    undefined_message(&name, &place),
                    Some(&raw.key),
                ));
            }
            Field::read(field.name, source.clone(), field.span, expanded)
        })
        .collect();
    Entry {
        line: index.line(raw.span.start),
        key: raw.key,
        entry_type: raw.entry_type,
        file: path.to_path_buf(),
        span: raw.span,
        fields,
    }
}

/// The first entry of each key; later ones are reported with both locations.
fn index_keys(
    entries: &[Entry],
    origin: &[usize],
    files: &[BibSource<'_>],
    indexes: &[LineIndex<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) -> HashMap<String, usize> {
    let mut first = HashMap::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let mut warn = |kind, message| {
            diagnostics.push(diagnostic::at(
                files[origin[i]].path,
                &indexes[origin[i]],
                entry.span.start,
                Severity::Warning,
                kind,
                message,
                Some(&entry.key),
            ));
        };
        if let Some(c) = unreadable_key_char(&entry.key) {
            warn(
                DiagnosticKind::UnreadableKey,
                format!(
                    "the key `{}` holds `{c}`, which biber and BibTeX do not read in a key: rename the entry and the citations of it",
                    entry.key
                ),
            );
        }
        match first.entry(entry.key.clone()) {
            Slot::Vacant(slot) => {
                slot.insert(i);
            }
            Slot::Occupied(slot) => {
                let kept = &entries[*slot.get()];
                warn(
                    DiagnosticKind::DuplicateKey,
                    format!(
                        "duplicate key `{}`: also at {}:{}, which is the one used: rename or delete one of them",
                        entry.key,
                        kept.file.display(),
                        kept.line
                    ),
                );
            }
        }
    }
    first
}

/// The first character of `key` that ends a key for biber's BibTeX parser (`Dobrovol'skii`).
fn unreadable_key_char(key: &str) -> Option<char> {
    key.chars()
        .find(|c| c.is_whitespace() || "'\"#%(),={}~\\@".contains(*c))
}

fn check_dois(
    entries: &[Entry],
    origin: &[usize],
    indexes: &[LineIndex<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let Some(field) = entry.field("doi").filter(|f| f.inherited_from().is_none()) else {
            continue;
        };
        let Some(doi) = normalize_doi(field.value()) else {
            continue;
        };
        match seen.entry(doi) {
            Slot::Vacant(slot) => {
                slot.insert(i);
            }
            Slot::Occupied(slot) => {
                let kept = &entries[*slot.get()];
                if kept.key == entry.key {
                    continue;
                }
                let message = format!(
                    "entry `{}` has the same DOI {} as `{}` ({}:{}): if they are the same work, keep one",
                    entry.key,
                    slot.key(),
                    kept.key,
                    kept.file.display(),
                    kept.line
                );
                diagnostics.push(diagnostic::at(
                    &entry.file,
                    &indexes[origin[i]],
                    field.value_span().start,
                    Severity::Warning,
                    DiagnosticKind::DuplicateDoi,
                    message,
                    Some(&entry.key),
                ));
            }
        }
    }
}

impl Library {
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The first entry with this key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.first_by_key.get(key).map(|&i| &self.entries[i])
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn find_doi(&self, doi: &str) -> Option<&Entry> {
        let doi = normalize_doi(doi)?;
        self.entries
            .iter()
            .find(|e| e.doi().as_deref() == Some(doi.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_key_biber_cannot_read_is_a_warning() {
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text: "@article{Dobrovol'skii_1963, title = {Use}}\n@article{O’Hara_1999, title = {Auger}}",
        }]);
        let unreadable: Vec<_> = lib
            .diagnostics()
            .iter()
            .filter(|d| d.kind == DiagnosticKind::UnreadableKey)
            .collect();
        assert_eq!(unreadable.len(), 1, "{:?}", lib.diagnostics());
        assert_eq!(unreadable[0].severity, Severity::Warning);
        assert!(
            unreadable[0]
                .message
                .contains("`Dobrovol'skii_1963` holds `'`")
        );
        assert_eq!(lib.entries().len(), 2);
    }

    proptest! {
        #[test]
        fn any_text_loads_without_panicking(text in "[@{}(),=\"#%a-cé \n\\'~$]{0,120}") {
            let lib = one(&text);
            for entry in lib.entries() {
                prop_assert!(text.get(entry.span.clone()).is_some());
                prop_assert!(entry.fields.iter().all(|f| text.get(f.value_span()) == Some(f.raw())));
            }
        }
    }

    fn one(text: &str) -> Library {
        load(&[BibSource {
            path: Path::new("refs.bib"),
            text,
        }])
    }

    #[test]
    fn odd_keys_and_percent_fields_load_fully() {
        let lib = one(
            "@article{2005A&A...1+/x'y?, title={T}}\n@book{назаренко2007,\n  %abstract = {x\n  y},\n  author = {Nazarenko, V.},\n  year = 2007,\n}",
        );
        // Only biber cannot read the apostrophe of the first key.
        let kinds: Vec<_> = lib.diagnostics().iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiagnosticKind::UnreadableKey]);
        assert_eq!(
            lib.get("2005A&A...1+/x'y?").and_then(Entry::title),
            Some("T")
        );
        let book = lib
            .get("назаренко2007")
            .map(|e| (e.year(), e.authors(), e.fields.len()));
        assert_eq!(
            book,
            Some((Some("2007".into()), vec!["Nazarenko, V.".into()], 2))
        );
    }

    #[test]
    fn broken_entry_has_line_and_column_and_the_rest_loads() {
        let lib = one(
            "@misc{a, title={A}}\n\n@article{bad,\n  title = {x}\n  year = {2}\n}\n@book{good, title={G}}\n",
        );
        let errors: Vec<_> = lib
            .diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].key.as_deref()), (5, Some("bad")));
        assert!(errors[0].column > 1);
        assert!(errors[0].to_string().starts_with("refs.bib:5:"));
        assert!(lib.get("a").is_some() && lib.get("good").is_some());
    }

    #[test]
    fn duplicate_keys_name_both_lines() {
        let lib = one("@misc{k, title={First}}\n@misc{other}\n@misc{k, title={Second}}\n");
        assert_eq!(lib.get("k").and_then(Entry::title), Some("First"));
        let d = &lib.diagnostics()[0];
        assert_eq!((d.kind, d.line), (DiagnosticKind::DuplicateKey, 3));
        assert!(d.message.contains("refs.bib:1"), "{}", d.message);
    }

    #[test]
    fn macros_are_shared_across_files_in_order() {
        let defs =
            "@string{jfr = {Journal Fran{\\c c}ais}}\n@string{coe = \"{Conseil de l'Europe}\"}";
        let refs =
            "@article{a, journal = jfr # \" (suppl.)\", author = coe, month = jun, note = nowhere}";
        let lib = load(&[
            BibSource {
                path: Path::new("defs.bib"),
                text: defs,
            },
            BibSource {
                path: Path::new("refs.bib"),
                text: refs,
            },
        ]);
        let a = lib.get("a");
        assert_eq!(
            a.and_then(|e| e.get("journal")),
            Some("Journal Français (suppl.)")
        );
        assert_eq!(
            a.map(Entry::authors),
            Some(vec!["Conseil de l'Europe".to_string()])
        );
        assert_eq!(a.and_then(|e| e.get("month")), Some("June"));
        assert_eq!(
            a.and_then(|e| e.field("journal")).map(Field::raw),
            Some("jfr # \" (suppl.)\"")
        );
        let warnings: Vec<_> = lib
            .diagnostics()
            .iter()
            .map(|d| (d.kind, d.file.clone()))
            .collect();
        assert_eq!(
            warnings,
            [(DiagnosticKind::UndefinedMacro, "refs.bib".into())]
        );
    }

    #[test]
    fn duplicate_dois_and_crossref_diagnostics() {
        let lib = one(
            "@misc{a, doi={10.1/X}}\n@misc{b, doi={https://doi.org/10.1/x}}\n@inproceedings{c, crossref={p}}\n@proceedings{p, title={P}}\n",
        );
        let kinds: Vec<_> = lib.diagnostics().iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiagnosticKind::DuplicateDoi]);
        assert_eq!(lib.get("c").and_then(|e| e.get("booktitle")), Some("P"));
        assert_eq!(
            lib.find_doi("DOI:10.1/x").map(|e| e.key.as_str()),
            Some("a")
        );
    }

    #[test]
    fn comments_and_preambles_are_not_diagnostics() {
        let lib = one(
            "% x\n@comment{jabref-meta: y}\n@Comment Len Schubert\n@preamble{\"\\x\"}\n@misc{a}\n",
        );
        assert!(lib.diagnostics().is_empty(), "{:?}", lib.diagnostics());
        assert_eq!(lib.entries().len(), 1);
    }

    #[test]
    fn large_files_build_in_order_on_several_threads() {
        let text: String = (0..12_000)
            .map(|i| format!("@misc{{k{i}, note = n{}}}\n", i % 7000))
            .collect();
        let lib = one(&text);
        assert_eq!(lib.entries().len(), 12_000);
        assert!(
            lib.entries()
                .iter()
                .enumerate()
                .all(|(i, e)| e.key == format!("k{i}") && e.line == i + 1)
        );
        let lines: Vec<usize> = lib.diagnostics().iter().map(|d| d.line).collect();
        assert_eq!(lines, (1..=12_000).collect::<Vec<_>>());
    }

    #[test]
    fn entry_span_and_line() {
        let text = "% c\n\n@book{k,\n  title = {T},\n}\n";
        let lib = one(text);
        let e = &lib.entries()[0];
        assert_eq!(e.line, 3);
        assert_eq!(&text[e.span.clone()], "@book{k,\n  title = {T},\n}");
        assert_eq!(&text[e.fields[0].value_span()], "{T}");
    }
}
