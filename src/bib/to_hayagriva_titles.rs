//! Subtitles and title addenda joined to their title, which hayagriva's reader would drop.

/// Each title field with its subtitle and addendum, as pandoc's BibTeX reader joins them.
const TITLE_PARTS: &[[&str; 3]] = &[
    ["title", "subtitle", "titleaddon"],
    ["booktitle", "booksubtitle", "booktitleaddon"],
    ["maintitle", "mainsubtitle", "maintitleaddon"],
    ["journaltitle", "journalsubtitle", "journaltitleaddon"],
    ["issuetitle", "issuesubtitle", "issuetitleaddon"],
];

/// `fields` (name, biblatex text) with every subtitle and addendum that has its title joined to
/// it: `Title: Subtitle. Addon`, with only a space after a title already ending in punctuation.
pub(crate) fn joined_titles(mut fields: Vec<(String, String)>) -> Vec<(String, String)> {
    for [title, subtitle, addon] in TITLE_PARTS {
        let Some(at) = fields.iter().position(|(name, _)| name == title) else {
            continue;
        };
        let part = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let (subtitle_text, addon_text) = (part(subtitle), part(addon));
        let mut value = fields[at].1.clone();
        append(&mut value, ':', subtitle_text.as_deref());
        append(&mut value, '.', addon_text.as_deref());
        fields[at].1 = value;
        fields.retain(|(name, _)| name != subtitle && name != addon);
    }
    fields
}

fn append(value: &mut String, separator: char, part: Option<&str>) {
    let Some(part) = part.map(str::trim).filter(|p| !p.is_empty()) else {
        return;
    };
    if value.trim().is_empty() {
        *value = part.to_string();
        return;
    }
    if !value.ends_with(['!', '?', '.', ',', ':', ';']) {
        value.push(separator);
    }
    value.push(' ');
    value.push_str(part);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Field pairs as the conversion holds them.
    pub(crate) fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_subtitle_and_an_addon_join_their_title() {
        let joined = joined_titles(fields(&[
            ("title", "Space and Beyond"),
            ("subtitle", "The Frontier Theme"),
            ("titleaddon", "A Study"),
            ("booktitle", "Why?"),
            ("booksubtitle", "Because"),
            ("year", "2000"),
        ]));
        assert_eq!(
            joined,
            fields(&[
                ("title", "Space and Beyond: The Frontier Theme. A Study"),
                ("booktitle", "Why? Because"),
                ("year", "2000"),
            ])
        );
    }

    #[test]
    fn a_subtitle_without_its_title_stays() {
        let kept = fields(&[("subtitle", "Alone"), ("booktitle", "Book")]);
        assert_eq!(joined_titles(kept.clone()), kept);
    }
}
