//! What an exported subset of the library needs to stand alone: the @string blocks its entries use.

use std::collections::HashSet;

use super::entry::Entry;
use super::library::BibSource;
use super::parse::{self, Atom};

/// The original text of every @string definition `entries` use (directly or through other
/// @strings) or `also` names (a @preamble's), in file order; every definition of a used name is
/// kept, as the loader reads them all.
pub fn strings_used(files: &[BibSource<'_>], entries: &[&Entry], also: &[String]) -> Vec<String> {
    let defines = |text: &str| {
        text.as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"@string"))
    };
    if !files.iter().any(|f| defines(f.text)) {
        return Vec::new();
    }
    let parsed: Vec<_> = files.iter().map(|f| parse::parse(f.text)).collect();
    let mut wanted: Vec<String> = also.iter().map(|name| name.to_lowercase()).collect();
    for (file, parsed) in files.iter().zip(&parsed) {
        let spans: HashSet<(usize, usize)> = entries
            .iter()
            .filter(|e| e.file == file.path)
            .map(|e| (e.span.start, e.span.end))
            .collect();
        for raw in &parsed.entries {
            if spans.contains(&(raw.span.start, raw.span.end)) {
                wanted.extend(raw.fields.iter().flat_map(|f| macro_names(&f.atoms)));
            }
        }
    }
    let mut used: HashSet<String> = HashSet::new();
    while let Some(name) = wanted.pop() {
        if !used.insert(name.clone()) {
            continue;
        }
        for string in parsed.iter().flat_map(|p| &p.strings) {
            if string.name.to_lowercase() == name {
                wanted.extend(macro_names(&string.atoms));
            }
        }
    }
    let mut out = Vec::new();
    for (file, parsed) in files.iter().zip(&parsed) {
        for string in &parsed.strings {
            if used.contains(&string.name.to_lowercase())
                && let Some(text) = file.text.get(string.span.clone())
            {
                out.push(text.to_string());
            }
        }
    }
    out
}

fn macro_names(atoms: &[Atom]) -> impl Iterator<Item = String> + '_ {
    atoms.iter().filter_map(|atom| match atom {
        Atom::Macro(name) => Some(name.to_lowercase()),
        Atom::Text(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::load;
    use std::path::Path;

    #[test]
    fn only_used_strings_and_their_dependencies_in_file_order() {
        let defs = "@string{a = \"A\"}\n@string{unused = \"U\"}\n@STRING{b = a # \" B\"}\n";
        let refs = "@misc{x, title = B # { and } # jun}\n@misc{y, title = unused}\n";
        let files = [
            BibSource {
                path: Path::new("defs.bib"),
                text: defs,
            },
            BibSource {
                path: Path::new("refs.bib"),
                text: refs,
            },
        ];
        let lib = load(&files);
        let x = lib.get("x").into_iter().collect::<Vec<_>>();
        assert_eq!(
            strings_used(&files, &x, &[]),
            ["@string{a = \"A\"}", "@STRING{b = a # \" B\"}"]
        );
        assert!(strings_used(&files, &[], &[]).is_empty());
        assert_eq!(
            strings_used(&files, &[], &["Unused".into()]),
            ["@string{unused = \"U\"}"]
        );
    }
}
