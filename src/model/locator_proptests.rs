//! Hostile input for the locator parser: any text, no panic, and the text is kept as typed.

use proptest::prelude::*;

use super::{Locator, LocatorError};

proptest! {
    #[test]
    fn any_text_parses_or_is_empty(text in any::<String>()) {
        match Locator::parse(&text) {
            Ok(locator) => {
                prop_assert_eq!(&locator.text, text.trim());
                prop_assert_eq!(Locator::parse(&locator.to_string()), Ok(locator));
            }
            Err(LocatorError::Empty) => prop_assert!(text.trim().is_empty()),
        }
    }

    #[test]
    fn label_like_text_never_panics(text in "[pPaArRtTlLnN§¶°º. \u{a0}\u{202f}0-9İßﬁ\u{301}-]{0,12}") {
        let parsed = Locator::parse(&text);
        prop_assert_eq!(parsed.is_ok(), !text.trim().is_empty());
    }
}
