//! Any text as a notes file: no panic; an error points at a real line; an accepted file writes back stably.
#![no_main]

use glose::store::{notes_to_string, parse_notes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match parse_notes(text) {
        Ok(notes) => {
            let written = notes_to_string(&notes);
            let again = parse_notes(&written).expect("glose reads what it writes");
            assert_eq!(notes_to_string(&again), written);
        }
        Err(e) => assert!(e.line >= 1 && e.line <= text.split('\n').count() && e.column >= 1),
    }
});
