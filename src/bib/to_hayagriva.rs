//! One resolved entry as hayagriva sees it, through biblatex's field semantics (names, dates, langid).

use hayagriva::types::{EntryType, FormatString};

use super::entry::Entry;
use super::langid::is_english;
use super::markup;
use super::to_hayagriva_case::{french_sentence_case, sentence_case};
use super::to_hayagriva_fixes::{fix, plain_tex, retyped};
use super::to_hayagriva_keys::{journal_series, resolved_key};
use super::to_hayagriva_language::guessed_langid;
use super::to_hayagriva_text::prepared;
use super::to_hayagriva_titles::joined_titles;
use super::to_hayagriva_volumes::{multi_volume, with_volume_title};

/// Why an entry could not be given to the citation formatter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error(
        "entry `{key}` could not be read for formatting ({detail}): check its braces, math and accents"
    )]
    Syntax { key: String, detail: String },
    #[error("entry `{key}` has a field the formatter cannot use ({detail}): correct that field")]
    Field { key: String, detail: String },
}

/// Fields resolved by glose before conversion, or meaningless to a formatter.
const SKIPPED: &[&str] = &["crossref", "xdata", "xref", "ids", "entryset", "file"];

/// Converts `entry` (with its inherited fields); without a `langid`, it is in the language its
/// titles are reliably detected in, or else in `default_langid` (e.g. `french`).
pub fn to_hayagriva(
    entry: &Entry,
    default_langid: Option<&str>,
) -> Result<hayagriva::Entry, ConvertError> {
    let safe_key = entry
        .key
        .chars()
        .all(|c| c.is_alphanumeric() || "-_:./+".contains(c))
        && !entry.key.is_empty();
    let key = if safe_key {
        entry.key.as_str()
    } else {
        "glose"
    };
    let written = entry.field("langid").map(|f| f.expanded());
    let guessed = written
        .is_none()
        .then(|| guessed_langid(entry, default_langid))
        .flatten();
    let language = written
        .is_none()
        .then_some(guessed.or(default_langid))
        .flatten();
    let casing = if legal_type(&entry.entry_type).is_some() {
        Casing::AsWritten
    } else if guessed == Some("french") {
        Casing::FrenchSentence
    } else if is_english(written, default_langid) && is_english(default_langid, None) {
        Casing::EnglishSentence
    } else {
        Casing::AsWritten
    };
    let (text, volume_title) = biblatex_text(entry, key, language, casing, default_langid);
    let converted = parsed(entry, &text)?;
    let volume_title = match volume_title {
        Some(title) => Some(parsed(
            entry,
            &format!("@book{{{key},\n  title = {{{title}}},\n}}"),
        )?),
        None => None,
    };
    let converted = with_volume_title(fix(entry, converted, default_langid), volume_title);
    match legal_type(&entry.entry_type) {
        None if safe_key => Ok(converted),
        None => {
            let entry_type = *converted.entry_type();
            Ok(with_type(&converted, &entry.key, entry_type, None))
        }
        Some(entry_type) => {
            let container = entry.get("journaltitle").or_else(|| entry.get("journal"));
            Ok(with_type(&converted, &entry.key, entry_type, container))
        }
    }
}

/// The hayagriva entry of `text`, the biblatex source written for `entry`.
fn parsed(entry: &Entry, text: &str) -> Result<hayagriva::Entry, ConvertError> {
    let syntax = |detail: String| ConvertError::Syntax {
        key: entry.key.clone(),
        detail,
    };
    let bibliography =
        biblatex::Bibliography::parse(text).map_err(|e| syntax(format!("{:?}", e.kind)))?;
    let parsed = bibliography
        .iter()
        .next()
        .ok_or_else(|| syntax("no entry".into()))?;
    hayagriva::Entry::try_from(parsed).map_err(|e| ConvertError::Field {
        key: entry.key.clone(),
        detail: format!("{e:?}"),
    })
}

/// How titles are recased before formatting (see `to_hayagriva_case.rs`).
#[derive(Clone, Copy)]
enum Casing {
    /// Legal texts, whose titles are official, and titles in a language CSL never recases.
    AsWritten,
    /// English titles in an English export, which a style may put back in title case (pandoc
    /// leaves them as written for a bibliography in another language).
    EnglishSentence,
    /// French titles in an English export: their title-case spelling from BibTeX's convention
    /// is undone, as French writes titles in sentence case.
    FrenchSentence,
}

/// The entry as biblatex source for the biblatex crate, its titles recased by `casing`, and the
/// title of its volume in a multi-volume work (see `to_hayagriva_volumes.rs`).
fn biblatex_text(
    entry: &Entry,
    key: &str,
    language: Option<&str>,
    casing: Casing,
    locale_langid: Option<&str>,
) -> (String, Option<String>) {
    let mut text = format!("@{}{{{key},\n", entry.entry_type);
    let mut fields = Vec::with_capacity(entry.fields.len());
    for field in &entry.fields {
        if SKIPPED.contains(&field.name()) || !balanced(field.expanded()) {
            continue;
        }
        let value = markup::marked_field(field.name(), field.expanded());
        // A field left empty (a name that was only an unknown command, `\Thanh`) is no field:
        // an empty author left the period after the title standing in for it outside its quotes.
        if value.trim().is_empty() {
            continue;
        }
        let value = match (entry.entry_type.as_str(), field.name()) {
            ("article", "series") => journal_series(plain_tex(&value), locale_langid),
            _ => resolved_key(field.name(), plain_tex(&value), locale_langid),
        };
        let value = match casing {
            Casing::AsWritten => value,
            Casing::EnglishSentence => sentence_case(field.name(), &value),
            Casing::FrenchSentence => french_sentence_case(field.name(), &value),
        };
        let value = markup::unprotected_styles(&value);
        match year_range(field.name(), &value).filter(|_| entry.get("date").is_none()) {
            Some(range) => fields.push(("date".to_string(), range)),
            None => fields.push((field.name().to_string(), prepared(field.name(), &value))),
        }
    }
    let (fields, volume_title) = multi_volume(&entry.entry_type, joined_titles(fields));
    for (name, value) in fields {
        text.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    if let Some(langid) = language {
        text.push_str(&format!("  langid = {{{langid}}},\n"));
    }
    text.push('}');
    (text, volume_title)
}

/// A `year` of two years (`1982--1983`, `1982-1983`, `1982/1983`) as biblatex's date range
/// (`1982/1983`): the biblatex crate kept its first year only.
fn year_range(name: &str, value: &str) -> Option<String> {
    if name != "year" {
        return None;
    }
    let (start, end) = value
        .split_once(['-', '–', '/'])
        .map(|(start, end)| (start.trim(), end.trim_start_matches(['-', '–']).trim()))?;
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    (year(start) && year(end) && start < end).then(|| format!("{start}/{end}"))
}

fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for b in text.bytes() {
        match b {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// The hayagriva type of biblatex's legal entry types, which hayagriva reads as `misc`.
fn legal_type(entry_type: &str) -> Option<EntryType> {
    match entry_type {
        "legislation" | "legal" | "act" | "statute" | "regulation" => Some(EntryType::Legislation),
        "jurisdiction" | "case" | "legalcase" => Some(EntryType::Case),
        _ => None,
    }
}

/// A copy of `from` under another key and type, with a container for legal types.
fn with_type(
    from: &hayagriva::Entry,
    key: &str,
    entry_type: EntryType,
    container: Option<&str>,
) -> hayagriva::Entry {
    let mut to = retyped(from, key, entry_type);
    let mut parents = from.parents().to_vec();
    if let Some(container) = container.filter(|_| parents.is_empty()) {
        let mut parent = hayagriva::Entry::new(&format!("{key}-container"), EntryType::Periodical);
        parent.set_title(FormatString::with_value(container));
        parents.push(parent);
    }
    to.set_parents(parents);
    to
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::{BibSource, load};
    use std::path::Path;

    fn convert(text: &str, key: &str, langid: Option<&str>) -> hayagriva::Entry {
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text,
        }]);
        let entry = lib.get(key).unwrap_or_else(|| panic!("no {key}"));
        to_hayagriva(entry, langid).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn macros_crossref_and_langid_reach_hayagriva() {
        let text = "@string{pub = {Economica}}\n@inbook{c, title={Chapitre}, crossref={b}, langid={french}}\n@book{b, title={Livre}, publisher=pub, date={2010}, author={Qu{\\'e}m{\\'e}ner, Myriam}}";
        let e = convert(text, "c", None);
        assert_eq!(e.key(), "c");
        assert_eq!(
            e.title().map(|t| t.value.to_string()).as_deref(),
            Some("Chapitre")
        );
        assert_eq!(e.language().map(ToString::to_string).as_deref(), Some("fr"));
        let debug = format!("{e:?}");
        assert!(
            debug.contains("Quéméner") && debug.contains("Economica"),
            "{debug}"
        );
    }

    #[test]
    fn english_titles_are_in_sentence_case_in_an_english_export_only_and_not_legal_texts() {
        let text = "@article{en, title = {The Fine Structure of Excitons}, langid = {english}}
@article{fr, title = {Le Droit Pénal des Affaires}}
@legislation{dsa, title = {Regulation (EU) 2022/2065 on a Single Market For Digital Services}, langid = {english}}";
        let title_in = |key: &str, export: &str| {
            convert(text, key, Some(export))
                .title()
                .map(|t| t.value.to_string())
                .unwrap_or_default()
        };
        let title = |key: &str| title_in(key, "french");
        assert_eq!(title_in("en", "english"), "The fine structure of excitons");
        assert_eq!(title("en"), "The Fine Structure of Excitons");
        assert_eq!(title("fr"), "Le Droit Pénal des Affaires");
        assert_eq!(
            title("dsa"),
            "Regulation (EU) 2022/2065 on a Single Market For Digital Services"
        );
    }

    #[test]
    fn a_french_title_in_an_english_export_is_french_and_in_french_sentence_case() {
        let text = "@article{Nikitine_1961, title = {Etude Spectrophotometrique De La Serie Jaune De {Cu$_2$O} Aux Basses Temperatures}, journal = {Journal of Physics and Chemistry of Solids}}
@book{rax_2007, title = {Physique des plasmas: cours et applications}, publisher = {Dunod}}
@article{derouillat_2018, title = {Smilei : {A} collaborative, open-source, multi-purpose particle-in-cell code for plasma simulation}, journal = {Computer Physics Communications}}";
        let converted = |key: &str| {
            let e = convert(text, key, Some("english"));
            let language = e.language().map(|l| l.language.to_string());
            (
                e.title().map(|t| t.value.to_string()).unwrap_or_default(),
                language,
            )
        };
        let (title, language) = converted("Nikitine_1961");
        assert_eq!(language.as_deref(), Some("fr"));
        assert!(
            title.starts_with("Etude spectrophotometrique de la serie jaune de Cu"),
            "{title}"
        );
        assert_eq!(
            converted("rax_2007"),
            (
                "Physique des plasmas: cours et applications".to_string(),
                Some("fr".to_string())
            )
        );
        let (title, language) = converted("derouillat_2018");
        assert_eq!(language.as_deref(), Some("en"), "{title}");
        assert!(title.starts_with("Smilei : A collaborative"), "{title}");
    }

    #[test]
    fn legal_types_and_odd_keys_are_kept() {
        let text = "@legislation{loi/2016?444, title={Loi}, journaltitle={Journal officiel}, date={2016-04-13}}\n@jurisdiction{arret, title={Cass. crim.}, date={2020}}";
        let loi = convert(text, "loi/2016?444", Some("french"));
        assert_eq!(loi.key(), "loi/2016?444");
        assert_eq!(*loi.entry_type(), EntryType::Legislation);
        assert_eq!(
            loi.parents()
                .first()
                .and_then(|p| p.title())
                .map(|t| t.value.to_string())
                .as_deref(),
            Some("Journal officiel")
        );
        assert_eq!(
            loi.language().map(ToString::to_string).as_deref(),
            Some("fr")
        );
        let arret = convert(text, "arret", None);
        assert_eq!(*arret.entry_type(), EntryType::Case);
        let coe = convert(
            "@legislation{c, author = {{Conseil de l'Europe}}, title = {STE n\\textsuperscript{o} 185}}",
            "c",
            None,
        );
        let debug = format!("{:?} {:?}", coe.authors(), coe.title());
        assert!(
            debug.contains("Conseil de l'Europe") && debug.contains("STE nº 185"),
            "{debug}"
        );
    }
}
