//! Three notes files separated by NUL bytes (base, ours, theirs): merging never panics, keeps every
//! annotation both sides have or one side added, and writes a file glose reads back.
#![no_main]

use std::collections::BTreeSet;

use glose::store::{merge_notes_text, parse_notes};
use libfuzzer_sys::fuzz_target;

fn ids(text: &str) -> BTreeSet<String> {
    parse_notes(text)
        .map(|n| n.annotations.into_iter().map(|a| a.id.0).collect())
        .unwrap_or_default()
}

fuzz_target!(|text: &str| {
    let mut parts = text.splitn(3, '\0');
    let (base, ours, theirs) = (parts.next(), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let Ok(merged) = merge_notes_text(base, ours, theirs) else {
        return;
    };
    let back = parse_notes(&merged.text).expect("glose reads the file it merged");
    let kept: BTreeSet<String> = back.annotations.into_iter().map(|a| a.id.0).collect();
    let (base, ours, theirs) = (ids(base.unwrap_or("")), ids(ours), ids(theirs));
    let added = ours.union(&theirs).filter(|id| !base.contains(*id));
    for id in ours.intersection(&theirs).chain(added) {
        assert!(kept.contains(id), "{id} lost");
    }
});
