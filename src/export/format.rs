//! Formatting references in a CSL style with hayagriva, cached so nothing is formatted twice.
//!
//! A `Formatter` is tied to one style and one locale. It memoises each entry's conversion and
//! single rendering by (key, content fingerprint), and the last whole bibliography by the
//! fingerprint of its entry list: the TUI should keep one alive and call it on every redraw.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode};
use hayagriva::{BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest};

use super::disambiguate::{adding_names_only, adds_only_suffix, needing_suffix, year_suffix_only};
use super::labels::{is_french, labels, langid_of};
use super::locales::{locales_for, primary};
use super::markdown::{escape, to_markdown};
use super::presort::presort;
use super::runs;
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
    suffixed: Option<IndependentStyle>,
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
            suffixed: year_suffix_only(&style.csl),
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
        for (entry, fp) in entries.iter().zip(&fingerprints) {
            self.convert(entry, *fp);
        }
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
        let groups = needing_suffix(entries, &citations);
        let suffixed_groups = map_on_cores(&groups, |group| {
            let subset: Vec<&hayagriva::Entry> = group.iter().map(|&i| entries[i]).collect();
            self.drive_with(suffixed, &subset, 0)
                .map(|(items, _)| items)
        });
        for again in suffixed_groups.into_iter().flatten().flatten() {
            let Some(old) = position.get(&again.key).map(|&i| &mut items[i]) else {
                continue;
            };
            if adds_only_suffix(&old.markdown, &again.markdown) {
                old.markdown = again.markdown;
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
                .map(|c| to_markdown(&c.citation.0, false))
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

    #[test]
    fn a_group_of_terms_alone_does_not_keep_a_group_whose_variables_are_empty() {
        let text = "@article{plain, author = {Smith, John}, title = {Pair creation}, journal = {Physical Review E}, year = {2019}, volume = {9}, pages = {1--4}, url = {https://example.org/pairs}}
@article{accessed, author = {Smith, John}, title = {Pair decay}, journal = {Physical Review E}, year = {2020}, volume = {9}, pages = {5--8}, url = {https://example.org/decay}, urldate = {2021-01-05}}";
        let items = items_in("ieee", text, "en-US");
        let text = |key: &str| markdown_of(&items, key);
        assert!(text("plain").contains("Available:"), "{}", text("plain"));
        assert!(!text("plain").contains("Online"), "{}", text("plain"));
        assert!(
            text("accessed").contains("Accessed: Jan. 05, 2021. \\[Online\\]."),
            "{}",
            text("accessed")
        );
    }

    #[test]
    fn howpublished_is_the_publisher_of_a_misc_without_one() {
        let text = "@misc{Brown02, author = {Daniel R. L. Brown}, title = {Generic Groups, Collision Resistance, and {ECDSA}}, howpublished = {Contributions to {IEEE P1363a}}, year = 2002}
@misc{both, author = {Smith, John}, title = {Pairs}, howpublished = {Preprint}, publisher = {ACM}, year = 2003}";
        let items = items_in("apa", text, "en-US");
        assert_eq!(
            markdown_of(&items, "Brown02"),
            "Brown, D. R. L. (2002). *Generic groups, collision resistance, and ECDSA*. Contributions to IEEE P1363a."
        );
        let both = markdown_of(&items, "both");
        assert!(both.ends_with("*Pairs*. ACM."), "{both}");
    }

    #[test]
    fn an_incollection_is_a_chapter_in_its_book() {
        let text = "@incollection{romero_2004, title = {Fundamentals of {Gamma}-{Ray} {Astrophysics}}, booktitle = {Cosmic {Gamma}-{Ray} {Sources}}, publisher = {Springer Netherlands}, address = {Dordrecht}, author = {Romero, G. E. and Cheng, K. S.}, editor = {Cheng, K. S. and Romero, G. E.}, year = {2004}, pages = {21--46}}";
        let items = items_in("ieee", text, "en-US");
        assert_eq!(
            markdown_of(&items, "romero_2004"),
            "G. E. Romero and K. S. Cheng, “Fundamentals of Gamma-Ray Astrophysics,” in *Cosmic Gamma-Ray Sources*, K. S. Cheng and G. E. Romero, Eds., Dordrecht: Springer Netherlands, 2004, pp. 21–46."
        );
    }

    #[test]
    fn a_stop_word_in_parentheses_stays_lower_case_in_a_title_cased_journal() {
        let text = "@article{k, author = {Castellan, G.~W.}, title = {Diffusion}, journal = {Physica Status Solidi (a)}, year = {1970}, volume = {3}}";
        let items = apa_items(text, "en-US");
        let entry = markdown_of(&items, "k");
        assert!(entry.starts_with("Castellan, G. W. (1970)."), "{entry}");
        assert!(entry.contains("*Physica Status Solidi (a)*"), "{entry}");
    }

    #[test]
    fn french_spacing_stays_out_of_entries_in_another_language() {
        let text = "@book{en, author = {Smith, John}, title = {Physica D: Nonlinear Phenomena}, year = {2001}, publisher = {Elsevier}, langid = {english}}
@book{fr, author = {Martin, Paul}, title = {Droit pénal: chronique}, year = {2002}, publisher = {Dalloz}, langid = {french}}
@book{none, author = {Durand, Anne}, title = {Cybercriminalité: enjeux}, year = {2003}, publisher = {PUF}}";
        let items = apa_items(text, "fr-FR");
        let text = |key: &str| markdown_of(&items, key);
        assert!(
            text("en").contains("Physica D: Nonlinear"),
            "{}",
            text("en")
        );
        assert!(
            text("fr").contains("pénal\u{a0}: chronique"),
            "{}",
            text("fr")
        );
        assert!(
            text("none").contains("Cybercriminalité\u{a0}: enjeux"),
            "{}",
            text("none")
        );
    }

    #[test]
    fn an_english_title_without_langid_keeps_english_spacing_in_french() {
        let text = "@article{bourdier_2005, title = {Stochastic heating in ultra high intensity laser-plasma interaction}, volume = {206}, number = {1}, journal = {Physica D: Nonlinear Phenomena}, author = {Bourdier, A. and Patin, D. and Lefebvre, E.}, year = {2005}, pages = {1--31}}
@book{fr, author = {Martin, Paul}, title = {Droit pénal: chronique de la jurisprudence de la chambre criminelle}, year = {2002}, publisher = {Dalloz}}
@book{short, author = {Durand, Anne}, title = {Laser: 500TW}, year = {2003}, publisher = {PUF}}";
        let items = apa_items(text, "fr-FR");
        let text = |key: &str| markdown_of(&items, key);
        let english = text("bourdier_2005");
        assert!(english.contains("Physica D: Nonlinear"), "{english}");
        assert!(
            text("fr").contains("pénal\u{a0}: chronique"),
            "{}",
            text("fr")
        );
        assert!(
            text("short").contains("Laser\u{a0}: 500TW"),
            "{}",
            text("short")
        );
    }

    #[test]
    fn a_french_title_stays_in_sentence_case_and_a_sign_keeps_its_small_letter_in_title_case() {
        let text = "@book{zitoun_2009, title = {Introduction à la physique des particules}, publisher = {Dunod}, author = {Zitoun, Robert}, year = {2009}}
@article{hartin_2007, title = {The stimulated {Breit}-{Wheeler} process as a source of background e+e− pairs at the international linear collider}, journal = {Pramana}, author = {Hartin, A.}, year = {2007}}";
        let items = items_in("chicago-author-date", text, "en-US");
        let zitoun = markdown_of(&items, "zitoun_2009");
        assert!(
            zitoun.contains("Introduction à la physique des particules"),
            "{zitoun}"
        );
        let hartin = markdown_of(&items, "hartin_2007");
        assert!(
            hartin.contains("Source of Background e+e− Pairs at the International"),
            "{hartin}"
        );
    }

    #[test]
    fn a_name_particle_in_small_letters_stays_so_in_title_case() {
        let text = "@article{kessler_1974, title = {The equivalent photon approximation}, journal = {Le Journal de Physique Colloques}, author = {Kessler, P.}, year = {1974}}
@article{landau_1934, title = {On the production of electrons}, journal = {Physikalische Zeitschrift der Sowjetunion}, author = {Landau, L. D.}, year = {1934}}";
        let items = items_in("chicago-author-date", text, "en-US");
        let kessler = markdown_of(&items, "kessler_1974");
        assert!(
            kessler.contains("Le Journal de Physique Colloques"),
            "{kessler}"
        );
        let landau = markdown_of(&items, "landau_1934");
        assert!(landau.contains("Zeitschrift Der Sowjetunion"), "{landau}");
    }

    #[test]
    fn title_case_keeps_lone_small_letters_and_capitalises_the_last_word_and_after_a_slash() {
        let text = "@article{solidi, title = {Lattice vibrations of {Cu$_2$O} at the long wave limit}, journal = {Physica Status Solidi (b)}, author = {Carabatos, C.}, year = {1970}}
@article{letters, title = {High temperature photoconductivity of p-type films}, journal = {Physics Letters A}, author = {Fortin, E.}, year = {1967}}
@article{slash, title = {Cuprous oxide/chitosan layers and x rays}, journal = {J}, author = {Righi, A.}, year = {1990}}
@article{braced, title = {Risposta alle osservation del sig. {H}allwachs}, journal = {Il Nuovo Cimento}, author = {Righi, A.}, year = {1890}, langid = {english}}";
        let items = items_in("chicago-author-date", text, "en-US");
        let solidi = markdown_of(&items, "solidi");
        assert!(solidi.contains("Physica Status Solidi (b)"), "{solidi}");
        let letters = markdown_of(&items, "letters");
        assert!(
            letters.contains("Photoconductivity of p-Type Films") && letters.contains("Letters A"),
            "{letters}"
        );
        let slash = markdown_of(&items, "slash");
        assert!(
            slash.contains("Oxide/Chitosan Layers and x Rays"),
            "{slash}"
        );
        let braced = markdown_of(&items, "braced");
        assert!(braced.contains("Sig. Hallwachs"), "{braced}");
    }

    #[test]
    fn a_family_name_beginning_with_a_capital_particle_is_whole() {
        let text = "@book{deangelis_2018, title = {Introduction to particle and astroparticle physics}, author = {De Angelis, A. and Pimenta, M. J. M.}, publisher = {Springer}, year = {2018}}
@article{dipiazza_2012, title = {Extremely high-intensity laser interactions}, journal = {Reviews of Modern Physics}, author = {Di Piazza, A. and Müller, C.}, year = {2012}}";
        let items = items_in("chicago-author-date", text, "en-US");
        let deangelis = markdown_of(&items, "deangelis_2018");
        assert!(deangelis.starts_with("De Angelis, A., and"), "{deangelis}");
        let dipiazza = markdown_of(&items, "dipiazza_2012");
        assert!(dipiazza.starts_with("Di Piazza, A., and"), "{dipiazza}");
    }

    #[test]
    fn a_misc_with_a_url_is_no_web_page_and_a_proceedings_title_no_special_issue() {
        let text = "@misc{nrl, title = {{NRL} plasma formulary}, url = {https://www.nrl.navy.mil/formulary.pdf}, year = {2018}}
@inproceedings{biccari, title = {Metastability effects in solar cells}, booktitle = {Proceedings of the 23rd European Photovoltaic Solar Energy Conference}, author = {Biccari, Francesco}, year = {2008}, pages = {583--587}}";
        let ieee = items_in("ieee", text, "en-US");
        let nrl = markdown_of(&ieee, "nrl");
        assert!(nrl.contains("2018") && !nrl.contains("[Online]"), "{nrl}");
        let chicago = items_in("chicago-author-date", text, "en-US");
        let biccari = markdown_of(&chicago, "biccari");
        assert!(
            biccari.contains("Photovoltaic Solar Energy Conference")
                && !biccari.contains("Special issue"),
            "{biccari}"
        );
    }

    #[test]
    fn a_misc_title_is_a_work_of_its_own_not_in_quotes() {
        let text = "@misc{geant4_web, title = {Geant4 {Documentation}}, url = {https://geant4.web.cern.ch/support}}";
        for style in ["chicago-author-date", "modern-language-association"] {
            let items = items_in(style, text, "en-US");
            let geant4 = markdown_of(&items, "geant4_web");
            assert!(
                geant4.contains("Geant4 Documentation") && !geant4.contains('“'),
                "{style}: {geant4}"
            );
        }
    }

    #[test]
    fn title_case_keeps_the_inner_capitals_of_a_word() {
        let text = "@article{omega, title = {Laser OMEGA EP and MeV rays}, journal = {LaserNetUS and ChemSusChem}, author = {Doe, J.}, year = {2021}}";
        let items = items_in("chicago-author-date", text, "en-US");
        let omega = markdown_of(&items, "omega");
        assert!(
            omega.contains("Laser OMEGA EP and MeV Rays")
                && omega.contains("LaserNetUS and ChemSusChem"),
            "{omega}"
        );
    }

    #[test]
    fn a_year_a_substitute_printed_is_printed_again_by_the_date() {
        let text = "@misc{titan, title = {Laser {Titan}}, url = {https://jlf.llnl.gov/titan}, year = {2021}}";
        let Some(items) = iso690_fr_items(text) else {
            return;
        };
        let titan = markdown_of(&items, "titan").replace(['*', '\\'], "");
        let titan = titan.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            titan.starts_with("Laser Titan, 2021. [en ligne]. 2021. Disponible"),
            "{titan}"
        );
    }

    #[test]
    fn a_subtitle_follows_its_title_after_a_colon() {
        let text = "@book{gerhardt, title = {The Federal Appointments Process}, subtitle = {A Constitutional and Historical Analysis}, author = {Gerhardt, Michael J.}, publisher = {Duke University Press}, year = {2000}, langid = {english}}";
        let apa = markdown_of(&apa_items(text, "en-US"), "gerhardt");
        assert!(
            apa.contains(
                "*The federal appointments process: A constitutional and historical analysis*"
            ),
            "{apa}"
        );
        let items = items_in("modern-language-association", text, "en-US");
        let mla = markdown_of(&items, "gerhardt");
        assert!(
            mla.contains(
                "*The Federal Appointments Process: A Constitutional and Historical Analysis*"
            ),
            "{mla}"
        );
    }

    #[test]
    fn a_block_is_apart_from_the_text_before_it() {
        let text = "@misc{gp3m2, title = {lesnat/gp3m2}, url = {https://github.com/lesnat/gp3m2}, abstract = {Geant4 simulation.}, author = {Esnault, L.}}";
        let Some(items) = iso690_fr_items(text) else {
            return;
        };
        let gp3m2 = markdown_of(&items, "gp3m2");
        assert!(gp3m2.ends_with("gp3m2) Geant4 simulation."), "{gp3m2}");
    }

    #[test]
    fn a_list_of_publishers_is_joined_by_semicolons() {
        let text = "@book{malinowski, title = {Argonauts of the Western Pacific}, author = {Malinowski, Bronisław}, publisher = {Routledge and Kegan Paul}, year = {1972}, langid = {english}}";
        let apa = markdown_of(&apa_items(text, "en-US"), "malinowski");
        assert!(apa.contains("Routledge; Kegan Paul."), "{apa}");
    }

    #[test]
    fn a_biblatex_key_in_a_type_is_printed_as_words() {
        let text = "@patent{sorace, title = {High-Speed Digital-to-{RF} Converter}, author = {Sorace, Ronald E.}, number = {5668842}, type = {patentus}, year = {1997}, langid = {english}}";
        let apa = markdown_of(&apa_items(text, "en-US"), "sorace");
        assert!(apa.contains("(U.S. patent No. 5668842)"), "{apa}");
    }

    #[test]
    fn a_closing_and_others_is_et_al_unless_the_list_is_long_enough_to_be_cut() {
        let text = "@incollection{madelung, title = {Cuprous oxide excitons}, booktitle = {Landolt-B\\\"ornstein}, author = {Madelung, O. and others}, publisher = {Springer}, year = {1998}}
@article{many, title = {A big collaboration}, journal = {J}, author = {Aa, A. and Bb, B. and Cc, C. and Dd, D. and Ee, E. and Ff, F. and Gg, G. and others}, year = {2000}}";
        for (style, start) in [
            ("apa", "Madelung, O. et al. (1998)"),
            ("chicago-author-date", "Madelung, O. et al. 1998."),
            ("ieee", "O. Madelung *et al.*,"),
            ("modern-language-association", "Madelung, O., et al."),
        ] {
            let items = items_in(style, text, "en-US");
            let madelung = markdown_of(&items, "madelung");
            assert!(madelung.starts_with(start), "{style}: {madelung}");
        }
        let ieee = markdown_of(&items_in("ieee", text, "en-US"), "many");
        assert!(ieee.starts_with("A. Aa *et al.*,"), "{ieee}");
    }

    #[test]
    fn a_doi_link_has_its_angle_brackets_percent_encoded() {
        let text = "@article{sici, title = {Kinetic study}, journal = {Chemical Vapor Deposition}, author = {Condorelli, G. G.}, year = {1999}, doi = {10.1002/(SICI)1521-3862(199901)5:1<21::AID-CVDE21>3.0.CO;2-9}}";
        let apa = markdown_of(&items_in("apa", text, "en-US"), "sici");
        assert!(
            apa.contains(
                "https://doi.org/10.1002/(SICI)1521-3862(199901)5:1%3C21::AID-CVDE21%3E3.0.CO;2-9"
            ),
            "{apa}"
        );
    }
}
