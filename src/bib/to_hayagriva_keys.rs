//! biblatex's localisation keys (`type = {patentus}`, `series = {newseries}`) as English words.

/// The English words of biblatex's keys for types of theses, reports and patents and for series,
/// as pandoc's BibTeX reader has them.
const ENGLISH: &[(&str, &str)] = &[
    ("mathesis", "Master’s thesis"),
    ("phdthesis", "PhD thesis"),
    ("candthesis", "Candidate thesis"),
    ("techreport", "technical report"),
    ("resreport", "research report"),
    ("software", "computer software"),
    ("datacd", "data CD"),
    ("audiocd", "audio CD"),
    ("patent", "patent"),
    ("patentde", "German patent"),
    ("patenteu", "European patent"),
    ("patentfr", "French patent"),
    ("patentuk", "British patent"),
    ("patentus", "U.S. patent"),
    ("patreq", "patent request"),
    ("patreqde", "German patent request"),
    ("patreqeu", "European patent request"),
    ("patreqfr", "French patent request"),
    ("patrequk", "British patent request"),
    ("patrequs", "U.S. patent request"),
    ("newseries", "new series"),
    ("oldseries", "old series"),
];

/// The words for `value` when the field `name` (`type`, `series`) holds a key alone and the
/// bibliography is not in French (whose words glose does not know yet); else `value`.
pub(crate) fn resolved_key(name: &str, value: String, langid: Option<&str>) -> String {
    if !matches!(name, "type" | "series")
        || langid.is_some_and(|l| l.eq_ignore_ascii_case("french"))
    {
        return value;
    }
    let key = value.trim().to_ascii_lowercase();
    ENGLISH
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(value, |(_, words)| (*words).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_alone_in_a_type_or_series_becomes_words() {
        assert_eq!(
            resolved_key("type", "patentus".into(), Some("english")),
            "U.S. patent"
        );
        assert_eq!(
            resolved_key("series", "newseries".into(), None),
            "new series"
        );
        assert_eq!(resolved_key("type", "Patent".into(), None), "patent");
        assert_eq!(resolved_key("title", "patentus".into(), None), "patentus");
        assert_eq!(
            resolved_key("type", "mathesis".into(), Some("french")),
            "mathesis"
        );
        assert_eq!(
            resolved_key("type", "Rapport interne".into(), None),
            "Rapport interne"
        );
    }
}
