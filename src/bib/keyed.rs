//! A .bib file seen as its entries' bytes by cite key, for diffs and merges.

use std::collections::HashMap;
use std::ops::Range;

use super::parse;

/// One entry's cite key and the bytes it spans, `@type{` to its closing brace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub key: String,
    pub span: Range<usize>,
}

/// The entries of `text` in file order.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    parse::parse(text)
        .entries
        .into_iter()
        .map(|entry| Block {
            key: entry.key,
            span: entry.span,
        })
        .collect()
}

/// Each key's bytes (the first entry when a key is written twice).
pub(crate) fn by_key<'a>(text: &'a str, blocks: &'a [Block]) -> HashMap<&'a str, &'a str> {
    let mut map = HashMap::new();
    for block in blocks {
        if let Some(bytes) = text.get(block.span.clone()) {
            map.entry(block.key.as_str()).or_insert(bytes);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_spans_the_whole_entry() {
        let text = "% mine\n@book{a,\n  title = {A}\n}\n\n@misc{b}\n@string{x = {y}}\n";
        let blocks = blocks(text);
        let keys: Vec<&str> = blocks.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["a", "b"]);
        let map = by_key(text, &blocks);
        assert_eq!(map["a"], "@book{a,\n  title = {A}\n}");
        assert_eq!(map["b"], "@misc{b}");
    }
}
