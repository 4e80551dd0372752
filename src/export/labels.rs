//! The few words exports print themselves, in French or English after the locale.

pub(crate) struct Labels {
    pub bibliography: &'static str,
    pub colon: &'static str,
    pub report: &'static str,
    pub reference: &'static str,
    pub no_reference: &'static str,
    pub claim: &'static str,
    pub unsupported: &'static str,
    pub supports: &'static str,
    pub contradicts: &'static str,
    pub mentions: &'static str,
    pub see: &'static str,
    pub contra: &'static str,
    pub tags: &'static str,
    pub no_claims: &'static str,
    pub anchor_lost: &'static str,
}

const FRENCH: Labels = Labels {
    bibliography: "Bibliographie",
    colon: "\u{a0}:",
    report: "Rapport annoté",
    reference: "Référence",
    no_reference: "aucune référence associée à cette source",
    claim: "Affirmation",
    unsupported: "**Non étayée**\u{a0}: aucune référence ne l’appuie.",
    supports: "appuie",
    contradicts: "contredit",
    mentions: "mentionne",
    see: "voir",
    contra: "contra",
    tags: "Étiquettes",
    no_claims: "Aucune affirmation.",
    anchor_lost: "citation introuvable dans le texte actuel",
};

const ENGLISH: Labels = Labels {
    bibliography: "Bibliography",
    colon: ":",
    report: "Annotated report",
    reference: "Reference",
    no_reference: "no reference linked to this source",
    claim: "Claim",
    unsupported: "**Unsupported**: no reference backs it.",
    supports: "supports",
    contradicts: "contradicts",
    mentions: "mentions",
    see: "see",
    contra: "contra",
    tags: "Tags",
    no_claims: "No claims.",
    anchor_lost: "quote not found in the current text",
};

pub(crate) fn is_french(locale: &str) -> bool {
    locale.to_lowercase().starts_with("fr")
}

pub(crate) fn labels(locale: &str) -> &'static Labels {
    if is_french(locale) { &FRENCH } else { &ENGLISH }
}

/// The biblatex `langid` matching a locale's language, used for entries that have none.
pub(crate) fn langid_of(locale: &str) -> Option<&'static str> {
    let language = locale.split(['-', '_']).next()?.to_lowercase();
    Some(match language.as_str() {
        "fr" => "french",
        "en" => "english",
        "de" => "ngerman",
        "es" => "spanish",
        "it" => "italian",
        "pt" => "portuguese",
        "nl" => "dutch",
        _ => return None,
    })
}
