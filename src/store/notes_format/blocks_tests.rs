use std::sync::Arc;

use proptest::prelude::*;

use super::blocks::{self, BlockReader, split_blocks};
use super::hostile_proptests::damaged;
use super::read::parse_toml;
use super::tests::{annotation, arb_notes, source};
use super::*;

fn owned(annotations: Vec<Arc<Annotation>>) -> Vec<Annotation> {
    annotations.into_iter().map(Arc::unwrap_or_clone).collect()
}

/// The block reader and `parse_notes` give what the TOML parser gives: the same notes, or the same error.
fn same_as_parser(reader: &mut BlockReader, text: &str) -> Result<(), TestCaseError> {
    let parsed = parse_toml(text);
    let by_blocks = reader.annotations(text).map(owned);
    prop_assert_eq!(
        &by_blocks,
        &parsed.clone().map(|n| n.annotations),
        "{}",
        text
    );
    let alone = BlockReader::default().annotations_alone(text);
    prop_assert_eq!(alone, parsed.clone().map(|n| n.annotations), "{}", text);
    prop_assert_eq!(parse_notes(text), parsed, "{}", text);
    Ok(())
}

fn two_notes() -> NotesFile {
    let mut notes = NotesFile::new(source());
    notes.annotations.push(annotation("aaaaaaaa", 10, ""));
    notes
        .annotations
        .push(annotation("bbbbbbbb", 200, "Deux lignes\nde note.\n"));
    notes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn written_files_are_read_by_blocks_as_the_parser_reads_them(notes in arb_notes()) {
        let text = notes_to_string(&notes);
        let mut reader = BlockReader::default();
        let quick = reader.quick(&text).map(owned);
        prop_assert_eq!(quick, Some(parse_toml(&text).unwrap().annotations));
        prop_assert_eq!(blocks::read_as_written(&text).is_some(), !notes.annotations.is_empty());
        same_as_parser(&mut reader, &text)?;
    }

    #[test]
    fn damaged_files_are_read_as_the_parser_reads_them(text in damaged()) {
        same_as_parser(&mut BlockReader::default(), &text)?;
    }

    #[test]
    fn blocks_join_back_into_the_file(text in "(\n|\\[\\[annotation\\]\\]|x){0,12}") {
        let (head, blocks) = split_blocks(&text);
        let pieces = std::iter::once(0..head).chain(blocks);
        let joined = pieces.map(|r| &text[r]).collect::<Vec<_>>().join("\n");
        prop_assert_eq!(joined, text);
    }
}

#[test]
fn a_later_version_reuses_its_unchanged_blocks() {
    let mut notes = two_notes();
    let mut reader = BlockReader::default();
    let first = reader.annotations(&notes_to_string(&notes)).unwrap();
    notes.annotations[1].body = "Revue.".into();
    let second = reader.annotations(&notes_to_string(&notes)).unwrap();
    assert!(
        Arc::ptr_eq(&first[0], &second[0]),
        "unchanged block read again"
    );
    assert_eq!(second[1].body, "Revue.");
    assert_eq!(owned(second), notes.annotations);
}

#[test]
fn files_the_writer_would_not_write_fall_back_to_the_parser() {
    let mut notes = two_notes();
    notes.annotations[1].body = "dans la note :\n\n[[annotation]]\nid = \"x\"\n".into();
    let split_inside_a_body = notes_to_string(&notes);
    let canonical = notes_to_string(&two_notes());
    let (head, blocks) = split_blocks(&canonical);
    let [first, second] = [&blocks[0], &blocks[1]].map(|r| &canonical[r.clone()]);
    let reversed = format!("{}\n{second}\n{first}", &canonical[..head]);
    let duplicated = format!("{canonical}\n{second}");
    let unordered_keys = canonical.replacen(
        "kind = \"claim\"\nauthor = \"Ada <ada@example.org>\"\n",
        "author = \"Ada <ada@example.org>\"\nkind = \"claim\"\n",
        1,
    );
    let backwards = canonical.replacen("end = 34", "end = 3", 1);
    for text in [
        split_inside_a_body,
        reversed,
        duplicated,
        unordered_keys,
        backwards,
        canonical.replace('\n', "\r\n"),
        format!("\u{feff}{canonical}"),
        canonical.replacen("[source]", "# mine\n[source]", 1),
    ] {
        let mut reader = BlockReader::default();
        assert!(reader.quick(&text).is_none(), "{text}");
        same_as_parser(&mut reader, &text).unwrap();
    }
}

/// What `glose log` shows for two versions: changes between their annotations.
fn changes(old: &[Annotation], new: &[Annotation]) -> Vec<crate::model::Change> {
    crate::model::diff_annotations(old, new)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn changed_blocks_give_the_changes_whole_files_give(
        notes in arb_notes(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..4u8), 0..4),
    ) {
        let mut later = notes.clone();
        for (which, edit) in edits {
            if later.annotations.is_empty() {
                later.annotations.push(annotation("nouvelle", 5, "Ajoutée."));
                continue;
            }
            let i = which.index(later.annotations.len());
            match edit {
                0 => later.annotations[i].body.push_str(" (revu)"),
                1 => { later.annotations.remove(i); }
                2 => later.annotations[i].tags.push("revu".into()),
                _ => {
                    let mut copy = later.annotations[i].clone();
                    copy.id = crate::model::AnnotationId(format!("copie-{}", later.annotations.len()));
                    if later.annotations.iter().all(|a| a.id != copy.id) {
                        later.annotations.push(copy);
                    }
                }
            }
        }
        let (old, new) = (notes_to_string(&notes), notes_to_string(&later));
        let whole = changes(
            &parse_notes(&old).unwrap().annotations,
            &parse_notes(&new).unwrap().annotations,
        );
        let (before, after) = BlockReader::default().changed(&old, &new).expect("writer's files");
        prop_assert_eq!(changes(&before, &after), whole);
    }
}

#[test]
fn only_the_differing_blocks_are_read() {
    let notes = two_notes();
    let mut later = two_notes();
    later.annotations[1].body = "Revue.".into();
    let (old, new) = (notes_to_string(&notes), notes_to_string(&later));
    let (before, after) = BlockReader::default().changed(&old, &new).unwrap();
    assert_eq!(before, vec![notes.annotations[1].clone()]);
    assert_eq!(after, vec![later.annotations[1].clone()]);
    let same = BlockReader::default().changed(&old, &old).unwrap();
    assert_eq!(same, (Vec::new(), Vec::new()));
}

#[test]
fn a_differing_block_the_writer_would_not_write_needs_whole_files() {
    let canonical = notes_to_string(&two_notes());
    let unordered_keys = canonical.replacen(
        "kind = \"claim\"\nauthor = \"Ada <ada@example.org>\"\n",
        "author = \"Ada <ada@example.org>\"\nkind = \"claim\"\n",
        1,
    );
    let mut reader = BlockReader::default();
    assert!(reader.changed(&canonical, &unordered_keys).is_none());
    assert!(
        reader
            .changed(&canonical, &canonical.replace('\n', "\r\n"))
            .is_none()
    );
}
