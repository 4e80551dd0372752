//! Formatting references in a CSL style with hayagriva, cached so nothing is formatted twice.
//!
//! A `Formatter` is tied to one style and one locale. It memoises each entry's conversion and
//! single rendering by (key, content fingerprint), and the last whole bibliography by the
//! fingerprint of its entry list: the TUI should keep one alive and call it on every redraw.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChildren, ElemMeta,
};

use super::disambiguate::{adding_names_only, needing_suffix};
use super::labels::{is_french, labels, langid_of};
use super::locales::{locales_for, primary};
use super::markdown::{escape, to_markdown};
use super::presort::presort;
use super::runs;
use super::year_letters::SuffixStyles;
use super::{ExportError, Exported, Style};
use crate::bib::{self, ConvertError, Entry};
use crate::cores::map_on_cores;

/// One formatted reference: its key, its label in numbered styles (`[1]`) and its Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormattedItem {
    pub key: String,
    pub label: Option<String>,
    pub markdown: String,
}

/// A bibliography in the style's order, with a heading in the locale's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormattedBibliography {
    pub heading: String,
    pub items: Vec<FormattedItem>,
    pub warnings: Vec<String>,
}

type Converted = Result<hayagriva::Entry, ConvertError>;

pub struct Formatter {
    style: Style,
    plain: IndependentStyle,
    suffixed: Option<SuffixStyles>,
    locale: String,
    locales: Vec<Locale>,
    converted: HashMap<(String, u64), Converted>,
    singles: HashMap<(String, u64), FormattedItem>,
    last: Option<(u64, FormattedBibliography)>,
    run: usize,
    runs_allowed: bool,
    ties: runs::Ties,
}

impl Formatter {
    /// A formatter for `style` in `locale` (a tag such as `fr-FR` that hayagriva knows).
    pub fn new(style: Style, locale: &str) -> Result<Formatter, ExportError> {
        let locales = locales_for(locale);
        let language = primary(locale);
        let known = locales
            .iter()
            .filter_map(|l| l.lang.as_ref())
            .any(|code| primary(&code.0) == language);
        if !known || language.is_empty() {
            return Err(ExportError::UnknownLocale(locale.to_string()));
        }
        let plain = adding_names_only(&style.csl);
        Ok(Formatter {
            runs_allowed: runs::allows_runs(&plain),
            ties: runs::Ties::of(&plain),
            plain,
            suffixed: SuffixStyles::of(&style.csl),
            style,
            locale: locale.trim().to_string(),
            locales,
            converted: HashMap::new(),
            singles: HashMap::new(),
            last: None,
            run: runs::RUN,
        })
    }

    /// The same formatter rendering long bibliographies in runs of `size` entries.
    #[cfg(test)]
    pub(crate) fn with_runs_of(self, size: usize) -> Formatter {
        Formatter { run: size, ..self }
    }

    /// The same formatter rendering every group of entries a year suffix tells apart whole.
    #[cfg(test)]
    pub(crate) fn rendering_every_suffix_group_whole(self) -> Formatter {
        Formatter {
            suffixed: self.suffixed.map(SuffixStyles::rendering_every_group_whole),
            ..self
        }
    }

    pub fn style(&self) -> &Style {
        &self.style
    }

    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The whole bibliography of `entries`, formatted together (sorting, numbering, disambiguation).
    pub fn bibliography(&mut self, entries: &[&Entry]) -> FormattedBibliography {
        let fingerprints: Vec<u64> = entries.iter().map(|e| fingerprint(e)).collect();
        let whole = {
            let mut h = DefaultHasher::new();
            for (entry, fp) in entries.iter().zip(&fingerprints) {
                entry.key.hash(&mut h);
                fp.hash(&mut h);
            }
            h.finish()
        };
        if let Some((hash, cached)) = &self.last
            && *hash == whole
        {
            return cached.clone();
        }
        self.convert_all(entries, &fingerprints);
        let result = self.render(entries, &fingerprints, true);
        self.last = Some((whole, result.clone()));
        result
    }

    /// One reference formatted alone, without a number label (a source's heading, a preview).
    pub fn reference(&mut self, entry: &Entry) -> FormattedItem {
        let fp = fingerprint(entry);
        let slot = (entry.key.clone(), fp);
        if let Some(item) = self.singles.get(&slot) {
            return item.clone();
        }
        self.convert(entry, fp);
        let mut rendered = self.render(&[entry], &[fp], false);
        let mut item = rendered.items.pop().unwrap_or_else(|| fallback(entry));
        item.label = None;
        self.singles.insert(slot, item.clone());
        item
    }

    fn convert(&mut self, entry: &Entry, fp: u64) {
        let langid = langid_of(&self.locale);
        self.converted
            .entry((entry.key.clone(), fp))
            .or_insert_with(|| bib::to_hayagriva(entry, langid));
    }

    /// Converts the entries not converted yet, on every core.
    fn convert_all(&mut self, entries: &[&Entry], fingerprints: &[u64]) {
        let langid = langid_of(&self.locale);
        let missing: Vec<(&Entry, u64)> = entries
            .iter()
            .zip(fingerprints)
            .filter(|(entry, fp)| !self.converted.contains_key(&(entry.key.clone(), **fp)))
            .map(|(entry, fp)| (*entry, *fp))
            .collect();
        let converted = map_on_cores(&missing, |(entry, _)| bib::to_hayagriva(entry, langid));
        for ((entry, fp), result) in missing.into_iter().zip(converted) {
            self.converted.insert((entry.key.clone(), fp), result);
        }
    }

    fn render(&self, entries: &[&Entry], fps: &[u64], warn: bool) -> FormattedBibliography {
        let mut warnings = Vec::new();
        let mut fallbacks = Vec::new();
        let mut convertible = Vec::new();
        for (entry, fp) in entries.iter().zip(fps) {
            match self.converted.get(&(entry.key.clone(), *fp)) {
                Some(Ok(converted)) => convertible.push(converted),
                Some(Err(error)) => {
                    warnings.push(format!("{error}; it is listed unformatted"));
                    fallbacks.push(fallback(entry));
                }
                None => fallbacks.push(fallback(entry)),
            }
            if warn && let Some(missing) = missing_fields(entry) {
                warnings.push(missing);
            }
        }
        presort(&self.style, &self.locale, &mut convertible);
        let mut items = match self.drive(&convertible) {
            Some(items) => items,
            None => self.drive_around_failures(&convertible, &mut warnings),
        };
        let mut listed: HashSet<String> = items
            .iter()
            .chain(&fallbacks)
            .map(|i| i.key.clone())
            .collect();
        for entry in entries {
            if !listed.contains(&entry.key) {
                listed.insert(entry.key.clone());
                warnings.push(format!(
                    "style `{}` printed nothing for `{}`: it is listed unformatted",
                    self.style.name, entry.key
                ));
                fallbacks.push(fallback(entry));
            }
        }
        items.extend(fallbacks);
        FormattedBibliography {
            heading: labels(&self.locale).bibliography.to_string(),
            items,
            warnings,
        }
    }

    /// Formats the entries together; `None` when hayagriva panics on them.
    fn drive(&self, entries: &[&hayagriva::Entry]) -> Option<Vec<FormattedItem>> {
        let (mut items, citations) = self.drive_in_runs(entries)?;
        let Some(suffixed) = &self.suffixed else {
            return Some(items);
        };
        let mut position: HashMap<String, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            position.entry(item.key.clone()).or_insert(i);
        }
        let groups = needing_suffix(&self.style.csl, entries, &citations);
        let lettered = map_on_cores(&groups, |group| {
            // Entries the style sorts alike take their letters in citation-key order, as
            // pandoc cites them all (`@*`) in that order.
            let mut subset: Vec<&hayagriva::Entry> = group.iter().map(|&i| entries[i]).collect();
            subset.sort_by(|a, b| a.key().cmp(b.key()));
            suffixed.lettered(
                &subset,
                |key| position.get(key).map(|&i| items[i].markdown.as_str()),
                |csl, run| self.drive_with(csl, run, 0).map(|(items, _)| items),
            )
        });
        for (key, markdown) in lettered.into_iter().flatten() {
            if let Some(&i) = position.get(&key) {
                items[i].markdown = markdown;
            }
        }
        Some(items)
    }

    /// The bibliography of `entries` without disambiguation, rendered in runs on every core
    /// when the style allows it (`runs.rs`).
    fn drive_in_runs(&self, entries: &[&hayagriva::Entry]) -> Option<runs::Rendered> {
        if !self.runs_allowed {
            return self.drive_with(&self.plain, entries, 0);
        }
        runs::render_in_runs(entries, self.run, self.ties, |run, before| {
            self.drive_with(&self.plain, run, before)
        })
    }

    /// The bibliography of `entries` in `csl`, numbered from `offset` + 1, and their citations
    /// in the order of `entries`.
    fn drive_with(
        &self,
        csl: &IndependentStyle,
        entries: &[&hayagriva::Entry],
        offset: usize,
    ) -> Option<runs::Rendered> {
        let locale = LocaleCode(self.locale.clone());
        let french = is_french(&self.locale);
        bib::contained(|| {
            let mut driver = BibliographyDriver::new().with_citation_number_offset(offset);
            for entry in entries {
                driver.citation(CitationRequest::new(
                    vec![CitationItem::with_entry(*entry)],
                    csl,
                    Some(locale.clone()),
                    &self.locales,
                    None,
                ));
            }
            let request = BibliographyRequest::new(csl, Some(locale), &self.locales);
            let rendered = driver.finish(request);
            let citations = rendered
                .citations
                .iter()
                .map(|c| citation_telling_apart(&c.citation))
                .collect();
            let foreign = foreign_keys(entries);
            let items = rendered
                .bibliography
                .map(|b| b.items)
                .unwrap_or_default()
                .into_iter()
                .map(|item| FormattedItem {
                    label: item.first_field.as_ref().map(|f| to_markdown([f], french)),
                    markdown: to_markdown(
                        &item.content.0,
                        french && !foreign.contains(item.key.as_str()),
                    ),
                    key: item.key,
                })
                .collect();
            (items, citations)
        })
    }

    /// After hayagriva failed on the whole list: each entry is formatted alone (so without
    /// numbering or disambiguation), and the ones it fails on even alone are left unformatted.
    fn drive_around_failures(
        &self,
        entries: &[&hayagriva::Entry],
        warnings: &mut Vec<String>,
    ) -> Vec<FormattedItem> {
        warnings.push(format!(
            "the formatter failed on this bibliography in style `{}` (a fault of the CSL engine, not of the entries): each entry is formatted alone and sorted by its text, without numbering or disambiguation",
            self.style.name
        ));
        let mut items = Vec::new();
        for entry in entries {
            match self.drive(&[*entry]) {
                Some(alone) => items.extend(alone.into_iter().map(|item| FormattedItem {
                    label: None,
                    ..item
                })),
                None => warnings.push(format!(
                    "the formatter failed on `{}` in style `{}`: it is listed unformatted",
                    entry.key(),
                    self.style.name
                )),
            }
        }
        items.sort_by_cached_key(|item| {
            item.markdown
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        items
    }
}

/// The bibliography of `entries` as a Markdown document with its heading.
pub fn markdown_bibliography(formatter: &mut Formatter, entries: &[&Entry]) -> Exported {
    let bibliography = formatter.bibliography(entries);
    let mut text = format!("# {}\n", bibliography.heading);
    for item in &bibliography.items {
        text.push('\n');
        if let Some(label) = &item.label {
            text.push_str(label);
            text.push(' ');
        }
        text.push_str(&item.markdown);
        text.push('\n');
    }
    Exported {
        text,
        warnings: bibliography.warnings,
    }
}

fn fallback(entry: &Entry) -> FormattedItem {
    FormattedItem {
        key: entry.key.clone(),
        label: None,
        markdown: escape(&entry.summary()),
    }
}

fn fingerprint(entry: &Entry) -> u64 {
    let mut h = DefaultHasher::new();
    entry.entry_type.hash(&mut h);
    for field in &entry.fields {
        field.name().hash(&mut h);
        field.expanded().hash(&mut h);
    }
    h.finish()
}

/// Fields biblatex requires for the entry's type, as alternatives (`date` or `year`).
fn required(entry_type: &str) -> &'static [&'static [&'static str]] {
    const WHO: &[&str] = &["author", "editor"];
    const DATE: &[&str] = &["date", "year"];
    const TITLE: &[&str] = &["title"];
    match entry_type {
        "article" => &[WHO, TITLE, &["journaltitle", "journal"], DATE],
        "book" | "mvbook" | "collection" | "proceedings" => &[TITLE, DATE],
        "inbook" | "incollection" | "inproceedings" => &[WHO, TITLE, &["booktitle"], DATE],
        "online" => &[TITLE, DATE, &["url", "doi", "eprint"]],
        "thesis" | "phdthesis" | "mastersthesis" => {
            &[&["author"], TITLE, &["institution", "school"], DATE]
        }
        "report" | "techreport" => &[WHO, TITLE, &["institution"], DATE],
        _ => &[TITLE, DATE],
    }
}

fn missing_fields(entry: &Entry) -> Option<String> {
    let missing: Vec<String> = required(&entry.entry_type)
        .iter()
        .filter(|alternatives| alternatives.iter().all(|f| entry.get(f).is_none()))
        .map(|alternatives| alternatives.join(" or "))
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "`{}` ({}:{}) lacks {}: it is listed, but the style cannot show it in full; add {} to the entry",
            entry.key,
            entry.file.display(),
            entry.line,
            missing.join(", "),
            if missing.len() == 1 { "it" } else { "them" }
        )
    })
}

/// Keys of the entries whose language is given and is not French: French typography (a
/// no-break space before `:` `;` `?` `!`) stays out of their titles, as French usage has it.
fn foreign_keys<'e>(entries: &[&'e hayagriva::Entry]) -> HashSet<&'e str> {
    entries
        .iter()
        .filter(|entry| {
            entry
                .language()
                .is_some_and(|language| language.language.as_str() != "fr")
        })
        .map(|entry| entry.key())
        .collect()
}

/// The Markdown of `citation` without the delimiters ending open date ranges, which tell no
/// citation apart: pandoc's `1034` and `1034–` take the letters `1034a` and `1034–b`.
fn citation_telling_apart(citation: &ElemChildren) -> String {
    let mut citation = citation.clone();
    citation.remove_meta(&ElemMeta::OpenRangeDelimiter);
    to_markdown(&citation.0, false)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use super::*;
    use crate::bib::{BibSource, load};

    /// The APA bibliography of the entries in `text`, in `locale`.
    pub(crate) fn apa_items(text: &str, locale: &str) -> Vec<FormattedItem> {
        items_in("apa", text, locale)
    }

    /// The bibliography of the entries in `text` in the built-in style `name`, in `locale`.
    pub(crate) fn items_in(name: &str, text: &str, locale: &str) -> Vec<FormattedItem> {
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text,
        }]);
        let style = Style::archived(name).expect("a built-in style");
        let mut formatter = Formatter::new(style, locale).expect("a known locale");
        let entries: Vec<_> = lib.entries().iter().collect();
        formatter.bibliography(&entries).items
    }

    /// The ISO 690 author-date (fr) bibliography of `text`, from ../shared's CSL file; `None`
    /// with a notice when it is missing (a failure when `CI` is set).
    pub(crate) fn iso690_fr_items(text: &str) -> Option<Vec<FormattedItem>> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/csl/styles/iso690-author-date-fr.csl");
        let Ok(xml) = std::fs::read_to_string(&path) else {
            assert!(
                std::env::var_os("CI").is_none(),
                "{} is missing",
                path.display()
            );
            eprintln!("skipped: {} is missing", path.display());
            return None;
        };
        let style = Style::from_csl("iso690-author-date-fr", &xml).expect("a valid CSL style");
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text,
        }]);
        let mut formatter = Formatter::new(style, "fr-FR").expect("a known locale");
        let entries: Vec<_> = lib.entries().iter().collect();
        Some(formatter.bibliography(&entries).items)
    }

    /// The Markdown of the item for `key`, or nothing.
    pub(crate) fn markdown_of(items: &[FormattedItem], key: &str) -> String {
        items
            .iter()
            .find(|i| i.key == key)
            .map(|i| i.markdown.clone())
            .unwrap_or_default()
    }

    /// Entries whose sort order the presort gets wrong in several ways (names with a particle or
    /// punctuation, no author, editors only), many works of one author, split across runs, and
    /// citations that adding names tells apart.
    fn tricky_library(count: usize) -> String {
        let families = [
            "Dupont",
            "van Dijk",
            "Dupont",
            "\\NTG",
            "Dupont",
            "Zola",
            "Ämter",
            "de Gaulle",
        ];
        let mut text = String::new();
        for i in 0..count {
            let family = families[i % families.len()];
            let year = 1990 + (i % 5);
            let who = match i % 9 {
                0 => String::new(),
                1 => format!("editor = {{{family}, Marie}},"),
                2 => format!("author = {{{family}, Jean and Martin, Luc}},"),
                3 => format!(
                    "author = {{{family}, Jean and Martin, Luc and {}, Anne}},",
                    ["Roux", "Petit", "Blanc"][(i / 9) % 3]
                ),
                _ => format!("author = {{{family}, Jean}},"),
            };
            text.push_str(&format!(
                "@book{{k{i}, {who} title = {{The {} work {i}}}, year = {{{year}}}, publisher = {{P}}}}\n",
                ["first", "second", "other", "last"][i % 4]
            ));
        }
        text
    }

    #[test]
    fn rendering_in_runs_gives_what_one_render_gives() {
        let text = tricky_library(150);
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text: &text,
        }]);
        let entries: Vec<_> = lib.entries().iter().collect();
        let dashed = |name: &str| {
            let mut style = Style::archived(name).expect("built in");
            if let Some(bibliography) = &mut style.csl.bibliography {
                bibliography.subsequent_author_substitute = Some("———".into());
            }
            style
        };
        for (name, dashes) in [
            ("apa", false),
            ("chicago-author-date", true),
            ("modern-language-association", false),
            ("ieee", false),
        ] {
            let style = || match dashes {
                true => dashed(name),
                false => Style::archived(name).expect("built in"),
            };
            let whole = Formatter::new(style(), "en-US")
                .expect("a known locale")
                .with_runs_of(usize::MAX / 4)
                .bibliography(&entries);
            let in_runs = Formatter::new(style(), "en-US")
                .expect("a known locale")
                .with_runs_of(7)
                .bibliography(&entries);
            assert_eq!(whole.items.len(), 150, "{name}");
            assert_eq!(in_runs, whole, "{name}");
        }
    }

    /// Groups of works by one author in one year, some without a date, some with another
    /// name before the year (an editor), more than 26 in a group.
    fn lettered_library() -> String {
        let mut text = String::new();
        for i in 0..70 {
            let who = match i % 7 {
                0 => "editor = {Dupont, Marie},",
                1 | 2 => "author = {Dupont, Marie},",
                3 => "author = {Dupont, Marie and Martin, Luc},",
                _ => "author = {Zola, Émile},",
            };
            let year = match i % 5 {
                0 => String::new(),
                1 => "year = {1990}, month = may,".to_string(),
                _ => format!("year = {{{}}},", 1990 + i % 2),
            };
            text.push_str(&format!(
                "@book{{k{i:02}, {who} {year} title = {{Work {}}}, publisher = {{P}}}}\n",
                (i * 37) % 70
            ));
        }
        text
    }

    #[test]
    fn year_letters_placed_read_as_letters_rendered_with_their_entries() {
        let text = lettered_library();
        let lib = load(&[BibSource {
            path: Path::new("refs.bib"),
            text: &text,
        }]);
        let entries: Vec<_> = lib.entries().iter().collect();
        for (name, locale) in [
            ("apa", "en-US"),
            ("chicago-author-date", "en-US"),
            ("apa", "fr-FR"),
            ("harvard-cite-them-right", "en-GB"),
        ] {
            let style = || Style::archived(name).expect("built in");
            let placed = Formatter::new(style(), locale)
                .expect("a known locale")
                .bibliography(&entries);
            let whole = Formatter::new(style(), locale)
                .expect("a known locale")
                .rendering_every_suffix_group_whole()
                .bibliography(&entries);
            assert_eq!(placed.items.len(), 70, "{name}");
            assert_eq!(placed, whole, "{name} {locale}");
            let lettered = |letters: &str| {
                let year = format!("1991{letters}");
                placed
                    .items
                    .iter()
                    .any(|item| item.markdown.starts_with("Zola") && item.markdown.contains(&year))
            };
            assert!(
                lettered("a") && lettered("b"),
                "{name}: {:#?}",
                placed.items
            );
        }
    }
}
