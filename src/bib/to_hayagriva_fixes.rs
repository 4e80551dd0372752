//! What hayagriva's BibLaTeX reader leaves out or misreads, put right after conversion.

use hayagriva::types::{EntryType, FormatString, Publisher};

use super::entry::Entry;
use super::latex;
use super::math;
use super::to_hayagriva_numeric::{fix_numbers, text_volumes};
use super::to_hayagriva_prefix::use_prefix;
use super::to_hayagriva_series::fix_chapter_series_number;

/// TeX that the biblatex crate would keep as commands: math (`$\gamma$`), superscripts, `` `` ''``.
pub(crate) fn plain_tex(tex: &str) -> String {
    let tex = replace_commands(tex, "\\textsuperscript{", '}');
    let tex = unwrapped_urls(&tex);
    let tex = replace_math(&tex);
    tex.replace("``", "\u{201c}").replace("''", "\u{201d}")
}

/// `\url{https://x.org}` in a text field as the braced address, which pandoc prints as is.
fn unwrapped_urls(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(at) = rest.find("\\url{") {
        let after = &rest[at + "\\url{".len()..];
        let Some(end) = after
            .find('}')
            .filter(|&end| !after[..end].contains(['{', '%', '~']))
        else {
            break;
        };
        out.push_str(&rest[..at]);
        out.push('{');
        out.push_str(&after[..end]);
        out.push('}');
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `\textsuperscript{o}` as `ᵒ`.
fn replace_commands(tex: &str, command: &str, close: char) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(at) = rest.find(command) {
        out.push_str(&rest[..at]);
        let after = &rest[at + command.len()..];
        let Some(end) = after.find(close) else {
            out.push_str(&rest[at..]);
            return out;
        };
        out.push_str(&latex::display(&rest[at..at + command.len() + end + 1]));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Each `$...$` that `math::marked` reads, or whose display text is plain Unicode (`$\gamma$`
/// → `{γ}`, braced as math is never case-changed by a style); the others are kept.
fn replace_math(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(open) = unescaped_dollar(rest, 0) {
        let Some(close) = unescaped_dollar(rest, open + 1) else {
            break;
        };
        out.push_str(&rest[..open]);
        let math = &rest[open..=close];
        let inner = &math[1..math.len() - 1];
        let shown = math::marked(inner).or_else(|| {
            let shown = latex::display(&format!("${}$", with_scripts(inner)));
            let plain = !shown.is_empty() && !shown.contains(['\\', '$', '^', '_', '{', '}']);
            plain.then_some(shown)
        });
        let mut after = close + 1;
        if let Some(shown) = shown {
            if rest[after..].starts_with('}') && drop_command_opening(&mut out) {
                after += 1;
            }
            out.push('{');
            out.push_str(&shown);
            out.push('}');
        } else {
            out.push_str(math);
        }
        rest = &rest[after..];
    }
    out.push_str(rest);
    out
}

/// Drops a `\\textit{` (any command with one argument) that `out` ends with: the math it
/// wraps is shown as text, which such a command would only restyle.
fn drop_command_opening(out: &mut String) -> bool {
    let Some(before) = out.strip_suffix('{') else {
        return false;
    };
    let name = before.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if name.len() == before.len() || !name.ends_with('\\') {
        return false;
    }
    out.truncate(name.len() - 1);
    true
}

/// Math with its digit superscripts and subscripts as Unicode (`10^{21}` → `10²¹`), its groups
/// unbraced and its spaces dropped, as TeX sets math; anything else is left for `display` to judge.
fn with_scripts(math: &str) -> String {
    const SUPER: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    const SUB: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    let mut out = String::with_capacity(math.len());
    let mut chars = math.chars().peekable();
    while let Some(c) = chars.next() {
        let digits = match c {
            '^' => &SUPER,
            '_' => &SUB,
            ' ' if !out.ends_with(|c: char| c.is_alphabetic() && c.is_ascii()) => continue,
            _ => {
                out.push(c);
                continue;
            }
        };
        let script: String = if chars.peek() == Some(&'{') {
            chars.next();
            chars.by_ref().take_while(|&c| c != '}').collect()
        } else {
            chars.next().map(String::from).unwrap_or_default()
        };
        match script
            .chars()
            .map(|d| d.to_digit(10))
            .collect::<Option<Vec<u32>>>()
        {
            Some(numbers) if !numbers.is_empty() => {
                out.extend(numbers.iter().map(|&n| digits[n as usize]));
            }
            _ => {
                out.push(c);
                out.push('{');
                out.push_str(&script);
                out.push('}');
            }
        }
    }
    strip_groups(&out)
}

/// `{W}` as `W`: braces that only group, once no command needs them.
fn strip_groups(math: &str) -> String {
    if math.contains('\\') || math.contains(['^', '_']) {
        return math.to_string();
    }
    math.replace(['{', '}'], "")
}

fn unescaped_dollar(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find(|&i| bytes[i] == b'$' && (i == 0 || bytes[i - 1] != b'\\'))
}

/// `converted` with what biblatex means and hayagriva's reader drops or misreads.
pub(crate) fn fix(
    entry: &Entry,
    mut converted: hayagriva::Entry,
    langid: Option<&str>,
) -> hayagriva::Entry {
    fix_numbers(entry, &mut converted);
    use_prefix(entry, &mut converted);
    fix_chapter_series_number(entry, &mut converted);
    match entry.entry_type.as_str() {
        "phdthesis" | "mastersthesis" | "thesis" => fix_thesis(entry, &mut converted, langid),
        "techreport" | "report" => institution_as_publisher(entry, &mut converted),
        "incollection" => fix_collection(&mut converted),
        "book" | "mvbook" | "collection" | "mvcollection" | "proceedings" | "mvproceedings" => {
            fix_series_number(entry, &mut converted);
        }
        _ => {}
    }
    text_volumes(&mut converted);
    match converted.entry_type() {
        EntryType::Misc | EntryType::Web => fix_container(entry, converted),
        _ => converted,
    }
}

/// A book's `number` is its number in its series (CSL's collection-number), which hayagriva's
/// reader makes the book's own issue ("Issue v. 2"); without a series, no style shows it.
fn fix_series_number(entry: &Entry, converted: &mut hayagriva::Entry) {
    let Some(issue) = converted
        .issue()
        .cloned()
        .filter(|_| entry.get("number").is_some())
    else {
        return;
    };
    let own_type = *converted.entry_type();
    let mut parents = converted.parents().to_vec();
    let series = parents.iter_mut().find(|p| {
        (*p.entry_type() == own_type || *p.entry_type() == EntryType::Anthology)
            && p.volume().is_none()
    });
    if let Some(series) = series.filter(|_| entry.get("series").is_some()) {
        series.set_volume(issue);
    }
    let mut to = rebuilt(converted, converted.key(), own_type, false);
    to.set_parents(parents);
    *converted = to;
}

/// biblatex names the default type of a thesis "PhD thesis" ("thèse de doctorat" in French).
fn fix_thesis(entry: &Entry, converted: &mut hayagriva::Entry, langid: Option<&str>) {
    if entry.get("type").is_none() {
        let french = entry
            .get("langid")
            .or(langid)
            .is_some_and(|l| l.trim().eq_ignore_ascii_case("french"));
        let genre = match (entry.entry_type.as_str(), french) {
            ("phdthesis", false) => Some("PhD thesis"),
            ("phdthesis", true) => Some("thèse de doctorat"),
            ("mastersthesis", false) => Some("Master's thesis"),
            ("mastersthesis", true) => Some("mémoire de master"),
            _ => None,
        };
        if let Some(genre) = genre {
            converted.set_genre(FormatString::with_value(genre));
        }
    }
    institution_as_publisher(entry, converted);
}

/// The school or institution of a thesis or report is its publisher in CSL, as pandoc reads it;
/// hayagriva's reader makes it an organization, which CSL styles print as no publisher.
fn institution_as_publisher(entry: &Entry, converted: &mut hayagriva::Entry) {
    let school = entry.get("school").or_else(|| entry.get("institution"));
    let Some(school) = school.filter(|_| converted.publisher().and_then(|p| p.name()).is_none())
    else {
        return;
    };
    let location = match converted.publisher() {
        Some(publisher) => publisher.location().cloned(),
        None => converted.location().cloned(),
    };
    let school = FormatString::with_value(latex::display(school));
    converted.set_publisher(Publisher::new(Some(school), location));
}

/// hayagriva reads an Anthology parent as both container and volume title, printing it twice.
fn fix_collection(converted: &mut hayagriva::Entry) {
    let parents: Vec<hayagriva::Entry> = converted
        .parents()
        .iter()
        .map(|p| match p.entry_type() {
            EntryType::Anthology => retyped(p, p.key(), EntryType::Book),
            _ => p.clone(),
        })
        .collect();
    converted.set_parents(parents);
}

/// The site or journal of an @online or @misc entry with a URL (`journal`, `journaltitle`)
/// becomes its container title; hayagriva's reader keeps it only for articles. An @online is a
/// web page in it, a @misc stays a work of no CSL type, as pandoc's BibTeX reader has it.
fn fix_container(entry: &Entry, converted: hayagriva::Entry) -> hayagriva::Entry {
    let container = entry
        .get("journaltitle")
        .or_else(|| entry.get("journal"))
        .or_else(|| entry.get("booktitle"));
    let has_container = converted.parents().iter().any(|p| p.title().is_some());
    let Some(container) = container.filter(|_| !has_container) else {
        return converted;
    };
    if converted.url().is_none() {
        return converted;
    }
    let kind = if entry.entry_type == "misc" {
        EntryType::Misc
    } else {
        EntryType::Web
    };
    let mut web = retyped(&converted, converted.key(), kind);
    let mut parent = hayagriva::Entry::new(converted.key(), EntryType::Web);
    parent.set_title(FormatString::with_value(latex::display(container)));
    let mut parents = vec![parent];
    parents.extend(converted.parents().iter().cloned());
    web.set_parents(parents);
    web
}

/// A copy of `from` under another key and type (hayagriva has no setter for either).
pub(crate) fn retyped(
    from: &hayagriva::Entry,
    key: &str,
    entry_type: EntryType,
) -> hayagriva::Entry {
    rebuilt(from, key, entry_type, true)
}

/// A copy of `from`, with or without its issue (hayagriva cannot unset a field).
pub(crate) fn rebuilt(
    from: &hayagriva::Entry,
    key: &str,
    entry_type: EntryType,
    with_issue: bool,
) -> hayagriva::Entry {
    let mut to = hayagriva::Entry::new(key, entry_type);
    macro_rules! copy {
        ($($get:ident => $set:ident),* $(,)?) => {
            $(if let Some(value) = from.$get() {
                to.$set(value.to_owned());
            })*
        };
    }
    copy!(
        title => set_title, date => set_date, publisher => set_publisher,
        location => set_location, organization => set_organization,
        chapter => set_chapter, volume => set_volume, volume_total => set_volume_total,
        edition => set_edition, page_range => set_page_range, page_total => set_page_total,
        time_range => set_time_range, runtime => set_runtime, url => set_url,
        serial_number => set_serial_number, language => set_language, archive => set_archive,
        archive_location => set_archive_location, call_number => set_call_number,
        note => set_note, abstract_ => set_abstract_, genre => set_genre,
        authors => set_authors, editors => set_editors, affiliated => set_affiliated,
    );
    if let Some(issue) = from.issue().filter(|_| with_issue) {
        to.set_issue(issue.to_owned());
    }
    to.set_parents(from.parents().to_vec());
    to
}

#[cfg(test)]
pub(crate) mod tests {
    use super::with_scripts;
    use crate::bib::{BibSource, load, to_hayagriva};
    use hayagriva::types::{EntryType, FormatString, MaybeTyped};
    use std::path::Path;

    /// The first entry of `text`, converted for hayagriva.
    pub(crate) fn convert(text: &str) -> hayagriva::Entry {
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text,
        }]);
        let entry = lib.entries().first().expect("one entry");
        to_hayagriva(entry, None).unwrap_or_else(|e| panic!("{e}"))
    }

    fn title(entry: &hayagriva::Entry) -> Option<String> {
        entry.title().map(|t| t.value.to_string())
    }

    #[test]
    fn a_misc_or_online_entry_keeps_its_site_as_container() {
        for kind in ["misc", "online"] {
            let e = convert(&format!(
                "@{kind}{{k, title = {{About cores}}, url = {{https://kb.iu.edu/d/avfb}}, urldate = {{2021-01-25}}, journal = {{Indiana University Knowledge Database}}}}"
            ));
            let expected = if kind == "misc" {
                EntryType::Misc
            } else {
                EntryType::Web
            };
            assert_eq!(*e.entry_type(), expected, "{kind}");
            let parent = e.parents().first().expect("a container");
            assert_eq!(
                title(parent).as_deref(),
                Some("Indiana University Knowledge Database")
            );
            assert_eq!(
                e.url().and_then(|u| u.visit_date.as_ref()).map(|d| d.year),
                Some(2021)
            );
        }
        let no_url = convert("@misc{k, title = {T}, journal = {J}}");
        assert_eq!(*no_url.entry_type(), EntryType::Misc);
    }

    #[test]
    fn a_text_edition_stays_text_and_a_number_stays_a_number() {
        let text = convert(
            "@incollection{k, title = {T}, booktitle = {B}, edition = {Summer 2017}, year = {2017}}",
        );
        let edition = |e: &hayagriva::Entry| {
            e.edition()
                .or_else(|| e.parents().first().and_then(|p| p.edition()))
                .cloned()
        };
        assert_eq!(
            edition(&text),
            Some(MaybeTyped::String("Summer 2017".into()))
        );
        let number = convert("@book{k, title = {T}, edition = {2}, year = {2017}}");
        assert!(matches!(edition(&number), Some(MaybeTyped::Typed(_))));
        let ordinal = convert("@book{k, title = {T}, edition = {3rd}, year = {2017}}");
        assert!(matches!(edition(&ordinal), Some(MaybeTyped::Typed(_))));
    }

    #[test]
    fn article_numbers_keep_their_leading_zeros() {
        let e = convert("@article{k, title = {T}, journal = {J}, pages = {054006}}");
        assert_eq!(
            e.page_range().map(ToString::to_string).as_deref(),
            Some("054006")
        );
        let plain = convert("@article{k, title = {T}, journal = {J}, pages = {12--20}}");
        assert!(matches!(plain.page_range(), Some(MaybeTyped::Typed(_))));
    }

    #[test]
    fn a_url_command_in_a_text_field_is_its_address() {
        let e = convert(
            "@misc{k, title = {T}, note = {available at \\url{http://www.secg.org/secg_docs.htm}}}",
        );
        assert_eq!(
            e.note().map(|n| n.value.to_string()).as_deref(),
            Some("available at http://www.secg.org/secg_docs.htm")
        );
    }

    #[test]
    fn a_report_has_its_institution_as_publisher() {
        let publisher = |text: &str| {
            convert(text)
                .publisher()
                .and_then(|p| p.name())
                .map(|n| n.value.to_string())
        };
        assert_eq!(
            publisher(
                "@techreport{k, title = {T}, institution = {{N}ational {I}nstitute of {S}tandards and {T}echnology}, year = 2017}"
            )
            .as_deref(),
            Some("National Institute of Standards and Technology")
        );
        assert_eq!(
            publisher("@report{k, title = {T}, institution = {BRICS}, publisher = {P}}").as_deref(),
            Some("P")
        );
    }

    #[test]
    fn a_report_with_an_address_keeps_its_institution_and_gets_no_type() {
        let e = convert(
            "@techreport{k, title = {T}, institution = {University of Victoria}, address = {Victoria, Canada}, year = 1990}",
        );
        let publisher = e.publisher();
        let text = |f: Option<&FormatString>| f.map(|n| n.value.to_string());
        assert_eq!(
            text(publisher.and_then(|p| p.name())).as_deref(),
            Some("University of Victoria")
        );
        assert_eq!(
            text(publisher.and_then(|p| p.location())).as_deref(),
            Some("Victoria, Canada")
        );
        assert_eq!(e.genre(), None);
        let typed = convert("@techreport{k, title = {T}, institution = {I}, type = {Memo}}");
        assert_eq!(text(typed.genre()).as_deref(), Some("Memo"));
    }

    #[test]
    fn a_report_number_is_kept_as_written() {
        for number in ["89-18", "TR97-017", "zaik2005-501"] {
            let e = convert(&format!(
                "@techreport{{k, title = {{T}}, institution = {{I}}, number = {{{number}}}}}"
            ));
            let serial = e.serial_number().and_then(|s| s.0.get("serial").cloned());
            assert_eq!(serial.as_deref(), Some(number));
        }
    }

    #[test]
    fn a_thesis_has_its_school_as_publisher_and_biblatex_default_type() {
        let e = convert("@phdthesis{k, title = {T}, school = {Bordeaux}, year = {2013}}");
        assert_eq!(
            e.publisher()
                .and_then(|p| p.name())
                .map(|n| n.value.to_string())
                .as_deref(),
            Some("Bordeaux")
        );
        assert_eq!(
            e.genre().map(|g| g.value.to_string()).as_deref(),
            Some("PhD thesis")
        );
        let typed = convert("@phdthesis{k, title = {T}, type = {Thèse}, school = {B}}");
        assert_eq!(
            typed.genre().map(|g| g.value.to_string()).as_deref(),
            Some("Thèse")
        );
    }

    #[test]
    fn an_incollection_booktitle_is_its_container_only() {
        let e = convert("@incollection{k, title = {T}, booktitle = {The book}, year = {2017}}");
        let parent = e.parents().first().expect("a container");
        assert_eq!(*parent.entry_type(), EntryType::Book);
        assert_eq!(title(parent).as_deref(), Some("The book"));
    }

    #[test]
    fn math_quotes_and_superscripts_become_unicode() {
        let e = convert(
            "@article{k, title = {Collimated $\\gamma$ rays, ``quoted'' and n\\textsuperscript{o} 5, $x^{21}_{k}$}}",
        );
        let shown = title(&e).unwrap_or_default();
        assert!(
            shown.starts_with("Collimated γ rays, \u{201c}quoted\u{201d} and nº 5"),
            "{shown}"
        );
        assert!(!shown.contains("\\gamma"), "{shown}");
    }

    #[test]
    fn math_with_digit_scripts_and_math_inside_a_command_become_unicode() {
        let e = convert(
            "@article{k, title = {All-{Optical} {Radiation} {Reaction} at $10^{21} {W} / cm^2$}}",
        );
        let shown = title(&e).unwrap_or_default();
        assert!(shown.ends_with("at 10²¹W/cm²"), "{shown}");
        let e = convert(
            "@article{k, title = {Feasibility of a compact \\textit{$\\gamma$} -ray blaster}}",
        );
        let shown = crate::bib::markup::plain(&title(&e).unwrap_or_default());
        assert!(shown.contains("compact γ -ray"), "{shown}");
        assert_eq!(with_scripts("x_{k} + 2^n"), "x_{k}+2^{n}");
        assert_eq!(with_scripts("\\alpha x"), "\\alpha x");
    }

    #[test]
    fn a_book_number_is_its_number_in_the_series_not_an_issue() {
        let e = convert(
            "@book{landau_1975, address = {Oxford ; New York}, edition = {4th rev. English ed}, series = {Course of theoretical physics}, title = {The classical theory of fields}, number = {v. 2}, publisher = {Pergamon Press}, author = {Landau, L. D. and Lifshitz, E. M.}, year = {1975}}",
        );
        assert_eq!(e.issue(), None);
        let series = e.parents().first().expect("the series");
        assert_eq!(
            title(series).as_deref(),
            Some("Course of theoretical physics")
        );
        assert_eq!(
            series.volume().map(ToString::to_string).as_deref(),
            Some("v. 2")
        );
        assert!(
            matches!(series.volume(), Some(MaybeTyped::String(_))),
            "not numeric in CSL: no label, and a comma after the series"
        );
        assert_eq!(title(&e).as_deref(), Some("The classical theory of fields"));
        let alone = convert("@book{k, title = {T}, number = {3}, year = {1975}}");
        assert_eq!(alone.issue(), None);
    }

    #[test]
    fn a_french_thesis_is_a_these_de_doctorat() {
        let text = "@phdthesis{capdessus_phd, title = {Dynamique d'un plasma non collisionnel interagissant avec une impulsion laser ultra-intense}, author = {Capdessus, R.}, year = {2013}}";
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text,
        }]);
        let entry = lib.entries().first().expect("one entry");
        let genre = |langid| {
            to_hayagriva(entry, langid)
                .ok()
                .and_then(|e| e.genre().map(|g| g.value.to_string()))
        };
        assert_eq!(genre(Some("french")).as_deref(), Some("thèse de doctorat"));
        assert_eq!(genre(Some("english")).as_deref(), Some("PhD thesis"));
    }

    #[test]
    fn unicode_math_is_kept_out_of_title_case() {
        let e = convert(
            "@article{balakin_1971, title = {Experiment on 2 $\\gamma$-quantum annihilation on the {VEPP}-2}, journal = {Physics Letters B}, year = {1971}}",
        );
        let shown = e
            .title()
            .map(|t| format!("{:?}", t.value))
            .unwrap_or_default();
        assert!(shown.contains(r#"value: "γ", kind: Verbatim"#), "{shown}");
    }
}
