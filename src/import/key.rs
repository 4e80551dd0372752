//! Cite keys for proposed entries: last name, year, first significant title word.

/// Articles and small words skipped when picking the title word (French and English).
const SKIPPED: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "et", "en", "qu",
    "the", "a", "an", "of", "and", "on", "in", "to", "for",
];

/// `berdeil2023cyberprostitution` from "Berdeil", "2023", "La cyberprostitution, un lourd enjeu";
/// `fallback` when all three are empty.
pub fn base_key(
    family: Option<&str>,
    year: Option<&str>,
    title: Option<&str>,
    fallback: &str,
) -> String {
    let name = family.map(|f| fold(f).replace(' ', "")).unwrap_or_default();
    let year: String = year
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let word = title
        .map(fold)
        .and_then(|t| {
            t.split(' ')
                .find(|w| !w.is_empty() && !SKIPPED.contains(w))
                .map(str::to_string)
        })
        .unwrap_or_default();
    let key = format!("{name}{year}{word}");
    if key.is_empty() {
        fallback.to_string()
    } else {
        key
    }
}

/// `base`, or `base` followed by b, c, … z, then 27, 28, … whichever is not taken.
pub fn unique_key(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    ('b'..='z')
        .map(|c| format!("{base}{c}"))
        .chain((27..).map(|n| format!("{base}{n}")))
        .find(|k| !taken(k))
        .unwrap_or_else(|| base.to_string())
}

/// Lowercase ASCII letters and digits, accents folded, every other run of characters a single space.
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            other => match fold_accent(other) {
                Some(folded) => out.push_str(folded),
                None if !out.ends_with(' ') => out.push(' '),
                None => {}
            },
        }
    }
    out.trim().to_string()
}

fn fold_accent(c: char) -> Option<&'static str> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_accents_and_skip_articles() {
        assert_eq!(
            base_key(
                Some("Berdeil"),
                Some("2023"),
                Some("La cyberprostitution, un lourd enjeu"),
                "web"
            ),
            "berdeil2023cyberprostitution"
        );
        assert_eq!(
            base_key(
                Some("Quéméner"),
                Some("2010"),
                Some("L’Été des œuvres"),
                "web"
            ),
            "quemener2010ete"
        );
        assert_eq!(
            base_key(Some("La Fontaine"), None, Some("The Art of War"), "web"),
            "lafontaineart"
        );
        assert_eq!(
            base_key(None, Some("2024"), Some("De l'esprit des lois"), "web"),
            "2024esprit"
        );
        assert_eq!(base_key(None, None, Some("« »"), "web"), "web");
        assert_eq!(fold("Straße  Œuvre—Ñu"), "strasse oeuvre nu");
    }

    #[test]
    fn a_taken_key_gets_the_next_letter() {
        let taken = ["berdeil2023cyber", "berdeil2023cyberb"];
        assert_eq!(
            unique_key("berdeil2023cyber", |k| taken.contains(&k)),
            "berdeil2023cyberc"
        );
        assert_eq!(unique_key("free", |k| taken.contains(&k)), "free");
        let letters: Vec<String> = ('b'..='z').map(|c| format!("k{c}")).collect();
        assert_eq!(
            unique_key("k", |k| k == "k" || letters.iter().any(|l| l == k)),
            "k27"
        );
    }
}
