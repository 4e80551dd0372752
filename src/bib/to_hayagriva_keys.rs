//! biblatex's localisation keys (`type = {patentus}`, `series = {newseries}`) as English words,
//! and a journal's numbered series (`series = {3}`) as biblatex prints it.

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

/// A journal's `series` in the bibliography's language: a number is an ordinal series (`3rd
/// series`, `3e série`), a key its words; any other value as written.
pub(crate) fn journal_series(value: String, langid: Option<&str>) -> String {
    let french = langid.is_some_and(|l| l.eq_ignore_ascii_case("french"));
    let Ok(number) = value.trim().parse::<u32>() else {
        let key = value.trim().to_ascii_lowercase();
        return match (key.as_str(), french) {
            ("newseries", true) => "nouvelle série".into(),
            ("oldseries", true) => "ancienne série".into(),
            _ => resolved_key("series", value, langid),
        };
    };
    match (french, number % 10, number % 100) {
        (true, _, _) if number == 1 => "1re série".into(),
        (true, _, _) => format!("{number}e série"),
        (false, _, 11..=13) => format!("{number}th series"),
        (false, 1, _) => format!("{number}st series"),
        (false, 2, _) => format!("{number}nd series"),
        (false, 3, _) => format!("{number}rd series"),
        (false, _, _) => format!("{number}th series"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journals_numbered_series_is_an_ordinal_series() {
        let english = |v: &str| journal_series(v.into(), Some("english"));
        assert_eq!(english("3"), "3rd series");
        assert_eq!(english("1"), "1st series");
        assert_eq!(english("12"), "12th series");
        assert_eq!(english("22"), "22nd series");
        assert_eq!(english("newseries"), "new series");
        assert_eq!(english("Neue Folge"), "Neue Folge");
        let french = |v: &str| journal_series(v.into(), Some("french"));
        assert_eq!(french("1"), "1re série");
        assert_eq!(french("3"), "3e série");
        assert_eq!(french("oldseries"), "ancienne série");
    }

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
