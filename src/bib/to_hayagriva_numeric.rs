//! Numbers as CSL judges them: what a style may call numeric, and text that must stay text.

use hayagriva::types::{MaybeTyped, Numeric, PageRanges};

use super::entry::Entry;

/// A text edition (`Summer 2017`) stays text, a volume without digits (`D`) stays letters, and
/// volumes and page numbers keep their leading zeros (`09001`, `054006`): hayagriva would read
/// the first as a number with a prefix, the second as a Roman numeral (`500`) and drop the zeros.
pub(crate) fn fix_numbers(entry: &Entry, converted: &mut hayagriva::Entry) {
    if let Some(edition) = entry.get("edition").filter(|e| !is_ordinal(e)) {
        let text = MaybeTyped::<Numeric>::String(edition.to_string());
        if converted.edition().is_some() {
            converted.set_edition(text);
        } else if let Some(parent) = converted
            .parents()
            .first()
            .filter(|p| p.edition().is_some())
        {
            let mut parents = converted.parents().to_vec();
            let mut parent = parent.clone();
            parent.set_edition(text);
            parents[0] = parent;
            converted.set_parents(parents);
        }
    }
    if let Some(text) = entry.get("volume").and_then(volume_as_written) {
        if converted.volume().is_some() {
            converted.set_volume(text);
        } else if let Some(at) = converted
            .parents()
            .iter()
            .position(|p| p.volume().is_some())
        {
            let mut parents = converted.parents().to_vec();
            parents[at].set_volume(text);
            converted.set_parents(parents);
        }
    }
    if let Some(pages) = entry.get("pages").filter(|p| has_leading_zero(p)) {
        let text = pages.replace("--", "\u{2013}");
        converted.set_page_range(MaybeTyped::<PageRanges>::String(text));
    }
}

/// Each volume (the entry's, its container's, its series' number) that CSL would not call
/// numeric (`v. 2`, `Vol: 41`) as text, so that no style labels it "vol." or runs it on.
pub(crate) fn text_volumes(converted: &mut hayagriva::Entry) {
    if let Some(MaybeTyped::Typed(volume)) = converted.volume() {
        let shown = volume.to_string();
        if !is_csl_numeric(&shown) {
            converted.set_volume(MaybeTyped::String(shown));
        }
    }
    let mut parents = converted.parents().to_vec();
    parents.iter_mut().for_each(text_volumes);
    converted.set_parents(parents);
}

/// Numbers, each maybe with letters run on (`12a`, `C3`), joined by `-`, `,` or `&`.
fn is_csl_numeric(text: &str) -> bool {
    text.split([',', '&', '-', '\u{2013}']).all(|part| {
        let part = part.trim();
        part.chars().any(|c| c.is_ascii_digit()) && part.chars().all(char::is_alphanumeric)
    })
}

/// `2`, `2nd`, `2e`, `3rd`: what CSL calls numeric.
fn is_ordinal(text: &str) -> bool {
    let digits = text
        .trim()
        .trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// A volume without digits as letters, a volume with a leading zero (`09001`, which the biblatex
/// crate reads as an integer) as the number written; `None` for any other.
fn volume_as_written(volume: &str) -> Option<MaybeTyped<Numeric>> {
    let volume = volume.trim();
    if !volume.is_empty() && !volume.contains(|c: char| c.is_ascii_digit()) {
        Some(MaybeTyped::String(volume.to_string()))
    } else if has_leading_zero(volume) {
        Some(volume.parse().map_or_else(
            |_| MaybeTyped::String(volume.to_string()),
            MaybeTyped::Typed,
        ))
    } else {
        None
    }
}

fn has_leading_zero(pages: &str) -> bool {
    pages
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() > 1 && n.starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::is_csl_numeric;
    use crate::bib::to_hayagriva_fixes::tests::convert;
    use hayagriva::types::MaybeTyped;

    #[test]
    fn numeric_is_numbers_with_letters_run_on() {
        for numeric in ["41", "12a", "C3", "1-3", "2 & 3", "4, 6"] {
            assert!(is_csl_numeric(numeric), "{numeric}");
        }
        for text in ["v. 2", "Vol: 41", "Suppl. 2", "12 B"] {
            assert!(!is_csl_numeric(text), "{text}");
        }
    }

    #[test]
    fn a_volume_written_as_text_stays_text() {
        let e = convert(
            "@article{k, title = {T}, journal = {Zhur. Eksptl'. i Teoret. Fiz.}, volume = {Vol: 41}, year = {1961}}",
        );
        let volume = e
            .volume()
            .or_else(|| e.parents().first().and_then(|p| p.volume()));
        assert_eq!(volume, Some(&MaybeTyped::String("Vol: 41".into())));
        let plain = convert("@article{k, title = {T}, journal = {J}, volume = {41}}");
        let volume = plain
            .volume()
            .or_else(|| plain.parents().first().and_then(|p| p.volume()));
        assert!(matches!(volume, Some(MaybeTyped::Typed(_))), "{volume:?}");
    }
}
