//! Locating quotes in text and re-anchoring annotations after the text changes.
