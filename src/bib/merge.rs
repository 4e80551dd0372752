//! Three-way merge of a .bib file entry by entry (by cite key); untouched entries keep their bytes.

use std::collections::HashMap;

use super::keyed::{Block, blocks, by_key};

/// Starts the comment block that holds the other side's version of a conflicting entry.
pub const CONFLICT_MARK: &str = "@comment{glose-conflict";

/// The merged text and the cite keys left in conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BibMerge {
    pub text: String,
    pub conflicts: Vec<String>,
}

/// Merges `ours` and `theirs`, two descendants of `base`, keeping the text between entries from `ours`.
///
/// An entry changed on one side takes that side's bytes; added on one side, it is added (at the end
/// for `theirs`). Changed differently on both sides, `ours` stays and `theirs` follows it inside a
/// `@comment{glose-conflict …}` block, which BibTeX and glose read as a comment.
pub fn merge_bib(base: &str, ours: &str, theirs: &str) -> BibMerge {
    if ours == theirs || theirs == base || ours == base {
        let text = if ours == base { theirs } else { ours };
        return BibMerge {
            text: text.to_string(),
            conflicts: Vec::new(),
        };
    }
    let (base_blocks, ours_blocks, theirs_blocks) = (blocks(base), blocks(ours), blocks(theirs));
    let b = by_key(base, &base_blocks);
    let o = by_key(ours, &ours_blocks);
    let t = by_key(theirs, &theirs_blocks);
    let mut text = String::with_capacity(ours.len().max(theirs.len()));
    let mut conflicts = Vec::new();
    let mut at = 0;
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for Block { key, span } in &ours_blocks {
        text.push_str(&ours[at..span.start]);
        at = span.end;
        let mine = &ours[span.clone()];
        if seen.insert(key.as_str(), ()).is_some() {
            text.push_str(mine);
            continue;
        }
        let (was, other) = (b.get(key.as_str()).copied(), t.get(key.as_str()).copied());
        match pick(was, Some(mine), other) {
            Some(Some(bytes)) => text.push_str(bytes),
            Some(None) => at = skip_line_end(ours, at),
            None => {
                text.push_str(mine);
                text.push_str(&conflict_block(key, other));
                conflicts.push(key.clone());
            }
        }
    }
    text.push_str(&ours[at..]);
    for Block { key, span } in &theirs_blocks {
        let key = key.as_str();
        if o.contains_key(key) || seen.insert(key, ()).is_some() {
            continue;
        }
        let added = &theirs[span.clone()];
        let was = b.get(key).copied();
        if was == Some(added) {
            continue;
        }
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(added);
        text.push('\n');
        if was.is_some() {
            text.push_str(&format!(
                "{CONFLICT_MARK}: `{key}` was deleted on this side and changed on the other; delete the entry above if it should go, then this block.}}\n"
            ));
            conflicts.push(key.to_string());
        }
    }
    BibMerge { text, conflicts }
}

/// The three-way choice: `Some(None)` deletes, `None` is a conflict.
fn pick<'a>(b: Option<&'a str>, o: Option<&'a str>, t: Option<&'a str>) -> Option<Option<&'a str>> {
    if o == t || b == t {
        Some(o)
    } else if b == o {
        Some(t)
    } else {
        None
    }
}

fn conflict_block(key: &str, other: Option<&str>) -> String {
    match other {
        Some(version) => format!(
            "\n{CONFLICT_MARK}: the other side's version of `{key}` (its @ written (at)), kept for you to choose; keep one, then delete this block.\n{}\n}}",
            version.replace('@', "(at)")
        ),
        None => format!(
            "\n{CONFLICT_MARK}: `{key}` was deleted on the other side and changed here; delete the entry above if it should go, then this block.}}"
        ),
    }
}

/// After a removed entry, also drops the rest of its line when only whitespace is left there.
fn skip_line_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    match rest.find('\n') {
        Some(end) if rest[..end].trim().is_empty() => at + end + 1,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::{BibSource, load};
    use std::path::Path;

    const BASE: &str = "% my references\n@book{a,\n  title = {A}\n}\n\n@book{b, title = {B}}\n@book{c, title = {C}}\n";

    fn entries(text: &str) -> Vec<String> {
        let library = load(&[BibSource {
            path: Path::new("x.bib"),
            text,
        }]);
        assert!(
            library.diagnostics().is_empty(),
            "{:?}\n{text}",
            library.diagnostics()
        );
        library.entries().iter().map(|e| e.key.clone()).collect()
    }

    #[test]
    fn changes_on_different_entries_merge_and_untouched_bytes_stay() {
        let ours = BASE.replace("{B}", "{B, 2nd ed.}") + "@misc{o, title = {O}}\n";
        let theirs = BASE.replace("@book{c, title = {C}}\n", "") + "@misc{t, title = {T}}\n";
        let merged = merge_bib(BASE, &ours, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(
            merged.text,
            "% my references\n@book{a,\n  title = {A}\n}\n\n@book{b, title = {B, 2nd ed.}}\n@misc{o, title = {O}}\n\n@misc{t, title = {T}}\n"
        );
        assert_eq!(entries(&merged.text), ["a", "b", "o", "t"]);
        assert_eq!(merge_bib(BASE, BASE, BASE).text, BASE);
        assert_eq!(merge_bib(BASE, &ours, BASE).text, ours);
        assert_eq!(merge_bib(BASE, BASE, &ours).text, ours);
    }

    #[test]
    fn the_same_entry_changed_twice_keeps_both_in_a_readable_file() {
        let ours = BASE.replace("{B}", "{Mine}");
        let theirs = BASE
            .replace("{B}", "{Yours}")
            .replace("@book{a,\n  title = {A}\n}\n\n", "");
        let mine_changed_a = ours.replace("{A}", "{A2}");
        let merged = merge_bib(BASE, &mine_changed_a, &theirs);
        assert_eq!(merged.conflicts, ["a", "b"]);
        assert!(merged.text.contains("title = {Mine}"));
        assert!(merged.text.contains("(at)book{b, title = {Yours}}"));
        assert_eq!(merged.text.matches(CONFLICT_MARK).count(), 2);
        assert_eq!(entries(&merged.text), ["a", "b", "c"]);
    }
}
