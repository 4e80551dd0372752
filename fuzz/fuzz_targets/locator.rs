//! Any text as a locator: no panic; accepted text is kept trimmed and parses back the same.
#![no_main]

use glose::model::Locator;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match Locator::parse(text) {
        Ok(locator) => {
            assert_eq!(locator.text, text.trim());
            assert_eq!(Locator::parse(&locator.to_string()), Ok(locator));
        }
        Err(_) => assert!(text.trim().is_empty()),
    }
});
