//! The CSL locales a formatter needs, read from hayagriva's archive one by one rather than all 60.

use hayagriva::archive::LOCALES;
use hayagriva::citationberg::Locale;

/// The archived locales of `tag`'s language (`fr` for `fr-FR`) and `en-US`, CSL's fallback.
pub(crate) fn locales_for(tag: &str) -> Vec<Locale> {
    let language = primary(tag);
    if language.is_empty() {
        return Vec::new();
    }
    LOCALES
        .iter()
        .filter(|bytes| names_language(bytes, &language) || names_language(bytes, "en"))
        .filter_map(|bytes| ciborium::de::from_reader::<Locale, _>(*bytes).ok())
        .filter(|locale| {
            locale.lang.as_ref().is_some_and(|code| {
                let code = code.0.to_lowercase();
                primary(&code) == language || code == "en-us"
            })
        })
        .collect()
}

/// `fr` for `fr-FR`, lower-cased.
pub(crate) fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

/// Whether the CBOR bytes hold a text string `language` or `language-…` (a cheap sieve: every
/// candidate is then decoded and its `lang` checked).
fn names_language(bytes: &[u8], language: &str) -> bool {
    let needle = language.as_bytes();
    bytes.windows(needle.len() + 2).enumerate().any(|(at, w)| {
        let header = w[0];
        let text_len = header.wrapping_sub(0x60) as usize;
        header >= 0x60
            && text_len < 24
            && w[1..=needle.len()].eq_ignore_ascii_case(needle)
            && (text_len == needle.len()
                || (text_len > needle.len() && w[needle.len() + 1] == b'-'))
            && at + 1 + text_len <= bytes.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(tag: &str) -> Vec<String> {
        let mut langs: Vec<String> = locales_for(tag)
            .iter()
            .filter_map(|l| l.lang.as_ref().map(|c| c.0.clone()))
            .collect();
        langs.sort();
        langs
    }

    #[test]
    fn the_language_s_locales_and_the_english_fallback() {
        let fr = langs("fr-FR");
        assert!(
            fr.contains(&"fr-FR".to_string()) && fr.contains(&"fr-CA".to_string()),
            "{fr:?}"
        );
        assert!(fr.contains(&"en-US".to_string()), "{fr:?}");
        assert!(
            fr.iter().all(|l| l.starts_with("fr") || l == "en-US"),
            "{fr:?}"
        );
        let all: Vec<String> = hayagriva::archive::locales()
            .iter()
            .filter_map(|l| l.lang.as_ref().map(|c| c.0.clone()))
            .filter(|l| l.starts_with("fr-") || l == "en-US")
            .collect();
        assert_eq!(fr.len(), all.len(), "{fr:?} vs {all:?}");
        assert_eq!(langs("de"), {
            let mut de: Vec<String> = hayagriva::archive::locales()
                .iter()
                .filter_map(|l| l.lang.as_ref().map(|c| c.0.clone()))
                .filter(|l| l.starts_with("de") || l == "en-US")
                .collect();
            de.sort();
            de
        });
        assert!(langs("").is_empty());
        assert_eq!(langs("xx-YY"), ["en-US"]);
    }
}
