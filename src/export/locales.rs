//! The CSL locales a formatter needs, decoded from hayagriva's archive alone rather than all 60.

use hayagriva::citationberg::Locale;
use hayagriva_archive::archive::LOCALES;

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

/// Whether the encoded locale may be `language`'s: its `@xml:lang`, the map's first entry, is
/// read without decoding the rest; bytes laid out otherwise are decoded to be sure.
fn names_language(bytes: &[u8], language: &str) -> bool {
    const KEY: &[u8] = b"\x69@xml:lang";
    let Some(at) = bytes
        .get(..32)
        .and_then(|head| head.windows(KEY.len()).position(|w| w == KEY))
    else {
        return true;
    };
    let start = at + KEY.len() + 1;
    let lang = bytes.get(start - 1).and_then(|&header| {
        let len = usize::from(header.checked_sub(0x60)?);
        (len < 24).then(|| bytes.get(start..start + len))?
    });
    match lang.and_then(|l| std::str::from_utf8(l).ok()) {
        Some(lang) => primary(lang) == language,
        None => true,
    }
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
        let all: Vec<String> = hayagriva_archive::archive::locales()
            .iter()
            .filter_map(|l| l.lang.as_ref().map(|c| c.0.clone()))
            .filter(|l| l.starts_with("fr-") || l == "en-US")
            .collect();
        assert_eq!(fr.len(), all.len(), "{fr:?} vs {all:?}");
        assert_eq!(langs("de"), {
            let mut de: Vec<String> = hayagriva_archive::archive::locales()
                .iter()
                .filter_map(|l| l.lang.as_ref().map(|c| c.0.clone()))
                .filter(|l| l.starts_with("de") || l == "en-US")
                .collect();
            de.sort();
            de
        });
        let sieved = LOCALES.iter().filter(|b| names_language(b, "fr")).count();
        assert_eq!(
            sieved,
            fr.len() - 1,
            "the sieve decodes only French locales"
        );
        assert!(langs("").is_empty());
        assert_eq!(langs("xx-YY"), ["en-US"]);
    }
}
