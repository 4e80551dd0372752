//! Hostile input for the notes parser: any text, and any damage to a real file, parses or fails at a real line.

use proptest::prelude::*;

use super::tests::{annotation, source};
use super::*;

fn valid_file() -> String {
    let mut notes = NotesFile::new(source());
    notes
        .annotations
        .push(annotation("aaaaaaaa", 10, "Chiffre à vérifier.\n"));
    notes
        .annotations
        .push(annotation("bbbbbbbb", 200, "\u{1b}[31mrouge\u{202e}"));
    notes_to_string(&notes)
}

/// Fragments that break TOML or the notes schema in interesting ways.
const DAMAGE: &[&str] = &[
    "",
    "\"",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "[[annotation]]\n",
    "[source]\n",
    "=",
    "\n",
    "\r",
    "#",
    "\\",
    "\\u{0}",
    "\\uD800",
    "\0",
    "start = -1\n",
    "end = 99999999999999999999\n",
    "id = \"../x\"\n",
    "kind = \"bogus\"\n",
    "é",
    "\u{feff}",
    "\u{1b}]0;x\u{7}",
];

pub(super) fn damaged() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            0usize..20,
            prop::sample::select(DAMAGE),
        ),
        1..6,
    );
    edits.prop_map(|edits| {
        let mut text = valid_file();
        for (at, cut, insert) in edits {
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let start = bounds[at.index(bounds.len())];
            let end = bounds[(at.index(bounds.len()) + cut).min(bounds.len() - 1)];
            text.replace_range(start..end, insert);
        }
        text
    })
}

/// An error points at a line of the text; an accepted file writes back to a file that reads the same.
fn parses_or_points_inside(text: &str) -> Result<(), TestCaseError> {
    match parse_notes(text) {
        Ok(notes) => {
            let written = notes_to_string(&notes);
            let again = parse_notes(&written)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{written}")))?;
            prop_assert_eq!(notes_to_string(&again), written);
        }
        Err(e) => {
            let lines = text.split('\n').count();
            prop_assert!(e.line >= 1 && e.line <= lines, "{e} ({lines} lines)");
            prop_assert!(e.column >= 1, "{e}");
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_text_parses_or_fails_cleanly(text in any::<String>()) {
        parses_or_points_inside(&text)?;
    }

    #[test]
    fn a_damaged_file_parses_or_fails_cleanly(text in damaged()) {
        parses_or_points_inside(&text)?;
    }
}
