//! biblatex language names (`langid`) and the BCP 47 tags they stand for.

/// A biblatex language name as a BCP 47 tag.
pub(crate) fn bcp47(langid: &str) -> Option<&'static str> {
    Some(match langid.trim().to_lowercase().as_str() {
        "french" | "francais" | "fr" => "fr-FR",
        "english" | "american" | "usenglish" | "en" | "en-us" => "en-US",
        "british" | "ukenglish" | "en-gb" => "en-GB",
        "canadian" => "en-CA",
        "australian" => "en-AU",
        "newzealand" => "en-NZ",
        "german" | "ngerman" | "de" => "de-DE",
        "spanish" | "es" => "es-ES",
        "italian" | "it" => "it-IT",
        "portuguese" | "pt" => "pt-PT",
        "dutch" | "nl" => "nl-NL",
        "russian" | "ru" => "ru-RU",
        _ => return None,
    })
}

/// Whether a title written with `langid` (or, without one, in `default_langid`) is English;
/// without either it is taken to be.
pub(crate) fn is_english(langid: Option<&str>, default_langid: Option<&str>) -> bool {
    langid
        .or(default_langid)
        .is_none_or(|id| bcp47(id).is_some_and(|tag| tag.starts_with("en-")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_told_by_langid_or_default() {
        assert!(is_english(Some("american"), Some("french")));
        assert!(is_english(Some("newzealand"), None));
        assert!(is_english(None, Some("english")));
        assert!(is_english(None, None));
        assert!(!is_english(None, Some("french")));
        assert!(!is_english(Some("ngerman"), Some("english")));
        assert_eq!(bcp47(" French "), Some("fr-FR"));
        assert_eq!(bcp47("klingon"), None);
    }
}
