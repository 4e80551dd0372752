//! A standalone .bib of the selected entries: their original bytes (or a normalized form),
//! the @string definitions they use, every @preamble and their crossref/xdata parents.

use std::collections::{HashMap, HashSet};

use super::normalize::normalized_entry;
use super::{Exported, Input};
use crate::bib::{self, DiagnosticKind, Entry, Severity};

/// Exports `entries` and their parents; parents come after their children, as BibTeX requires.
pub fn bibtex(input: &Input<'_>, entries: &[&Entry], normalize: bool) -> Exported {
    let mut warnings = Vec::new();
    let all = with_parents(input, entries);
    let broken: HashSet<(&str, &std::path::Path)> = input
        .library
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error && d.kind == DiagnosticKind::Syntax)
        .filter_map(|d| Some((d.key.as_deref()?, d.file.as_path())))
        .collect();
    let mut text = format!(
        "% Exported by glose: {} entries{}.\n\n",
        all.len(),
        if normalize { ", normalized" } else { "" }
    );
    let preambles = bib::preambles(input.files);
    let macros: Vec<String> = preambles.iter().flat_map(|p| p.macros.clone()).collect();
    let copied: &[&Entry] = if normalize { &[] } else { &all };
    push_blocks(&mut text, bib::strings_used(input.files, copied, &macros));
    push_blocks(&mut text, preambles.into_iter().map(|p| p.text).collect());
    let exported: HashSet<(&str, &std::path::Path)> = all
        .iter()
        .map(|e| (e.key.as_str(), e.file.as_path()))
        .collect();
    warnings.extend(
        input
            .library
            .diagnostics()
            .iter()
            .filter(|d| d.kind == DiagnosticKind::UnreadableKey)
            .filter(|d| {
                d.key
                    .as_deref()
                    .is_some_and(|key| exported.contains(&(key, d.file.as_path())))
            })
            .map(|d| format!("{}:{}: {}", d.file.display(), d.line, d.message)),
    );
    for entry in &all {
        let original = input
            .files
            .iter()
            .find(|f| f.path == entry.file)
            .and_then(|f| f.text.get(entry.span.clone()));
        let is_broken = broken.contains(&(entry.key.as_str(), entry.file.as_path()));
        match original {
            Some(original) if !normalize && !is_broken => text.push_str(original),
            _ => {
                if is_broken {
                    warnings.push(format!(
                        "`{}` ({}:{}) has a syntax error: it is exported in normalized form; check its fields",
                        entry.key,
                        entry.file.display(),
                        entry.line
                    ));
                }
                text.push_str(&normalized_entry(entry));
            }
        }
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    Exported { text, warnings }
}

/// Blocks one per line, then a blank line when there were any.
fn push_blocks(text: &mut String, blocks: Vec<String>) {
    for block in &blocks {
        text.push_str(block);
        text.push('\n');
    }
    if !blocks.is_empty() {
        text.push('\n');
    }
}

/// The entries, then every crossref/xdata ancestor not already among them, deepest last.
fn with_parents<'a>(input: &Input<'a>, entries: &[&'a Entry]) -> Vec<&'a Entry> {
    let library = input.library;
    let lower: HashMap<String, &Entry> = if entries.iter().any(|e| has_parent_field(e)) {
        library
            .entries()
            .iter()
            .rev()
            .map(|e| (e.key.to_lowercase(), e))
            .collect()
    } else {
        return entries.to_vec();
    };
    let find = |key: &str| {
        library
            .get(key)
            .or_else(|| lower.get(&key.to_lowercase()).copied())
    };
    let mut seen: HashSet<*const Entry> = entries.iter().map(|e| *e as *const Entry).collect();
    let mut out: Vec<&Entry> = entries.to_vec();
    let mut level: Vec<&Entry> = entries.to_vec();
    while !level.is_empty() {
        let mut next = Vec::new();
        for entry in level {
            for key in parent_keys(entry) {
                if let Some(parent) = find(&key) {
                    if seen.insert(parent as *const Entry) {
                        next.push(parent);
                    } else if let Some(at) = out.iter().position(|e| std::ptr::eq(*e, parent)) {
                        let moved = out.remove(at);
                        out.push(moved);
                    }
                }
            }
        }
        out.extend(next.iter().copied());
        level = next;
        if out.len() > library.entries().len() {
            break;
        }
    }
    out
}

fn has_parent_field(entry: &Entry) -> bool {
    entry
        .fields
        .iter()
        .any(|f| f.inherited_from().is_none() && (f.name() == "crossref" || f.name() == "xdata"))
}

fn parent_keys(entry: &Entry) -> Vec<String> {
    entry
        .fields
        .iter()
        .filter(|f| f.inherited_from().is_none())
        .filter(|f| f.name() == "crossref" || f.name() == "xdata")
        .flat_map(|f| f.value().split(',').map(|k| k.trim().to_string()))
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::{BibSource, load};
    use std::path::Path;

    const TEXT: &str = "@string{coe = \"{Conseil de l'Europe}\"}\n@string{other = {O}}\n\n@inproceedings{child,\n  author = coe,\n  crossref = {Parent},\n}\n@proceedings{parent, title = {Actes}, crossref = {grand}}\n@misc{grand, publisher = {P}}\n@misc{alone, title = {A}}\n";

    fn export(keys: &[&str], normalize: bool) -> Exported {
        export_from(TEXT, keys, normalize)
    }

    fn export_from(text: &str, keys: &[&str], normalize: bool) -> Exported {
        let files = [BibSource {
            path: Path::new("refs.bib"),
            text,
        }];
        let library = load(&files);
        let input = Input {
            library: &library,
            files: &files,
            notes: &[],
        };
        let entries: Vec<&Entry> = keys.iter().filter_map(|k| library.get(k)).collect();
        bibtex(&input, &entries, normalize)
    }

    #[test]
    fn a_key_biber_cannot_read_is_named_in_a_warning() {
        let text =
            "@article{Dobrovol'skii_1963, title = {Use}}\n@article{O’Hara_1999, title = {Auger}}";
        let out = export_from(text, &["Dobrovol'skii_1963", "O’Hara_1999"], false);
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert!(out.warnings[0].contains("`Dobrovol'skii_1963` holds `'`"));
        assert!(out.text.contains("@article{Dobrovol'skii_1963,"));
    }

    #[test]
    fn original_bytes_with_used_strings_and_parents() {
        let out = export(&["child"], false);
        assert!(out.warnings.is_empty());
        assert_eq!(
            out.text,
            "% Exported by glose: 3 entries.\n\n@string{coe = \"{Conseil de l'Europe}\"}\n\n@inproceedings{child,\n  author = coe,\n  crossref = {Parent},\n}\n\n@proceedings{parent, title = {Actes}, crossref = {grand}}\n\n@misc{grand, publisher = {P}}\n"
        );
    }

    #[test]
    fn a_parent_also_selected_moves_after_its_child() {
        let out = export(&["grand", "child"], false);
        let order: Vec<usize> = ["@inproceedings{child", "@proceedings{parent", "@misc{grand"]
            .iter()
            .map(|k| out.text.find(k).unwrap_or(usize::MAX))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", out.text);
    }

    #[test]
    fn normalized_export_expands_macros() {
        let out = export(&["child", "alone"], true);
        assert!(!out.text.contains("@string"));
        assert!(
            out.text.contains("author   = {{Conseil de l'Europe}}"),
            "{}",
            out.text
        );
        assert!(
            out.text.contains("@misc{alone,\n  title = {{A}},\n}"),
            "{}",
            out.text
        );
    }

    #[test]
    fn preambles_and_the_strings_they_use_are_copied_either_way() {
        let text = "@string{defs = \"\\def\\x{X}\"}\n@string{t = {T}}\n@PREAMBLE{ defs # \"\\input a.sty\" }\n@misc{a, title = t}\n@preamble(\"\\hyphenation{Jac-kow-ski}\")\n";
        for normalize in [false, true] {
            let out = export_from(text, &["a"], normalize);
            let defs = out.text.find("@string{defs").unwrap_or(usize::MAX);
            let first = out.text.find("@PREAMBLE{ defs").unwrap_or(usize::MAX);
            let second = out.text.find("@preamble(").unwrap_or(usize::MAX);
            let entry = out.text.find("@misc{a").unwrap_or(usize::MAX);
            assert!(
                defs < first && first < second && second < entry,
                "{}",
                out.text
            );
            assert_eq!(
                out.text.contains("@string{t = {T}}"),
                !normalize,
                "{}",
                out.text
            );
        }
        let reloaded = export_from(text, &["a"], false).text;
        let files = [BibSource {
            path: Path::new("out.bib"),
            text: &reloaded,
        }];
        assert_eq!(crate::bib::preambles(&files).len(), 2);
        assert!(load(&files).diagnostics().is_empty());
    }
}
