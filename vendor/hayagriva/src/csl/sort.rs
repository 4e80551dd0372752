use std::cmp::Ordering;

use citationberg::taxonomy::Variable;
use citationberg::{
    DemoteNonDroppingParticle, InheritableNameOptions, LocaleCode, LongShortForm, Sort,
    SortDirection, SortKey,
};
use icu_collator::options::{AlternateHandling, CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale::Locale as IcuLocale;

use crate::csl::BufWriteFormat;
use crate::csl::rendering::RenderCsl;
use crate::lang::is_glose_mark;

use super::taxonomy::EntryLike;
use super::{CitationItem, InstanceContext, StyleContext};

trait CollationOrd: Ord {
    fn collation_cmp(&self, other: &Self, locale: LocaleCode) -> Ordering;
}

impl CollationOrd for str {
    fn collation_cmp(&self, other: &Self, locale: LocaleCode) -> Ordering {
        let (this, other) = (unmarked(self), unmarked(other));
        with_collator(&locale.0, |collator| {
            let mut these = words(&this);
            let mut others = words(&other);
            loop {
                let ordering = match (these.next(), others.next()) {
                    (None, None) => return Ordering::Equal,
                    (None, Some(_)) => return Ordering::Less,
                    (Some(_), None) => return Ordering::Greater,
                    (Some(a), Some(b)) => match collator {
                        Some(collator) => collator.compare(a, b),
                        None => a.cmp(b),
                    },
                };
                if ordering != Ordering::Equal {
                    return ordering;
                }
            }
        })
    }
}

/// glose: the words of a sort key, compared one by one (a shorter title that begins a longer
/// one sorts first: `Part I:` before `Part II:`), as citeproc (pandoc) compares them.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | ',' | 'ʾ' | 'ʿ'))
        .filter(|word| !word.is_empty())
}

thread_local! {
    static COLLATOR: std::cell::RefCell<Option<(String, Option<CollatorBorrowed<'static>>)>> =
        const { std::cell::RefCell::new(None) };
}

/// glose: the collator of `locale`, made once per thread instead of on every comparison, and
/// weighing punctuation only after letters, accents and case, as citeproc (pandoc) sorts.
fn with_collator<R>(
    locale: &str,
    f: impl FnOnce(Option<&CollatorBorrowed<'static>>) -> R,
) -> R {
    COLLATOR.with_borrow_mut(|cached| {
        if cached.as_ref().is_none_or(|(l, _)| l != locale) {
            let mut options = CollatorOptions::default();
            options.alternate_handling = Some(AlternateHandling::Shifted);
            options.strength = Some(Strength::Quaternary);
            let collator = locale
                .parse::<IcuLocale>()
                .ok()
                .and_then(|l| Collator::try_new(l.into(), options).ok());
            *cached = Some((locale.to_string(), collator));
        }
        f(cached.as_ref().and_then(|(_, c)| c.as_ref()))
    })
}

/// glose: text without glose's formatting marks (U+E000 to U+E007) and raw TeX (written in
/// the private use plane 15), which are not sorted on, as pandoc sorts on the words shown.
fn unmarked(text: &str) -> std::borrow::Cow<'_, str> {
    let mark = |c: char| is_glose_mark(c) || matches!(c, '\u{F0000}'..='\u{FFFFD}');
    if text.is_ascii() || !text.chars().any(mark) {
        return std::borrow::Cow::Borrowed(text);
    }
    // The line break mark (U+E007) parts words, as a line break does.
    let text = text.chars().map(|c| if c == '\u{E007}' { ' ' } else { c });
    std::borrow::Cow::Owned(text.filter(|&c| !mark(c)).collect())
}

impl<T: CollationOrd> CollationOrd for Option<T> {
    fn collation_cmp(&self, other: &Self, locale: LocaleCode) -> Ordering {
        match (self, other) {
            (Some(a), Some(b)) => a.collation_cmp(b, locale),
            (Some(_), None) => Ordering::Greater,
            (None, Some(_)) => Ordering::Less,
            (None, None) => Ordering::Equal,
        }
    }
}

impl CollationOrd for String {
    fn collation_cmp(&self, other: &Self, locale: LocaleCode) -> Ordering {
        CollationOrd::collation_cmp(self as &str, other, locale)
    }
}

impl StyleContext<'_> {
    /// Retrieve the ordering of two entries according to the given sort key.
    fn cmp_entries<T: EntryLike>(
        &self,
        a: &CitationItem<T>,
        a_idx: usize,
        b: &CitationItem<T>,
        b_idx: usize,
        key: &SortKey,
        term_locale: Option<&LocaleCode>,
    ) -> Ordering {
        let (ordering, empty_value) = match key {
            SortKey::Variable { variable: Variable::Standard(s), .. } => {
                let a = InstanceContext::variable_sort_instance(a, a_idx)
                    .resolve_standard_variable(LongShortForm::default(), *s)
                    .map(|s| s.to_string().to_lowercase());
                let b = InstanceContext::variable_sort_instance(b, b_idx)
                    .resolve_standard_variable(LongShortForm::default(), *s)
                    .map(|s| s.to_string().to_lowercase());

                (a.collation_cmp(&b, self.locale()), a.is_none() || b.is_none())
            }
            SortKey::Variable { variable: Variable::Date(d), .. } => {
                let a = a.entry.resolve_date_variable(*d);
                let b = b.entry.resolve_date_variable(*d);

                match (a, b) {
                    (Some(a), Some(b)) => (a.csl_cmp(&b), false),
                    (Some(_), None) => (Ordering::Greater, true),
                    (None, Some(_)) => (Ordering::Less, true),
                    (None, None) => (Ordering::Equal, true),
                }
            }
            SortKey::Variable { variable: Variable::Name(n), .. } => {
                let a = a.entry.resolve_name_variable(*n);
                let b = b.entry.resolve_name_variable(*n);

                for (a_pers, b_pers) in a.iter().zip(b.iter()) {
                    let ord = a_pers.csl_cmp(
                        b_pers,
                        LongShortForm::Long,
                        self.csl.settings.demote_non_dropping_particle
                            != DemoteNonDroppingParticle::Never,
                    );
                    if ord != Ordering::Equal {
                        return ord;
                    }
                }

                (
                    if a.len() < b.len() {
                        Ordering::Less
                    } else if a.len() > b.len() {
                        Ordering::Greater
                    } else {
                        Ordering::Equal
                    },
                    false,
                )
            }
            SortKey::Variable { variable: Variable::Number(n), .. } => {
                let a = InstanceContext::variable_sort_instance(a, a_idx)
                    .resolve_number_variable(*n);
                let b = InstanceContext::variable_sort_instance(b, b_idx)
                    .resolve_number_variable(*n);

                match (a, b) {
                    (Some(a), Some(b)) => (a.csl_cmp(&b), false),
                    (Some(_), None) => (Ordering::Greater, true),
                    (None, Some(_)) => (Ordering::Less, true),
                    (None, None) => (Ordering::Equal, true),
                }
            }
            SortKey::Variable { variable: Variable::Page(pv), .. } => {
                let a = InstanceContext::variable_sort_instance(a, a_idx)
                    .resolve_page_variable(*pv);
                let b = InstanceContext::variable_sort_instance(b, b_idx)
                    .resolve_page_variable(*pv);

                match (a, b) {
                    (Some(a), Some(b)) => (a.csl_cmp(&b), false),
                    (Some(_), None) => (Ordering::Greater, true),
                    (None, Some(_)) => (Ordering::Less, true),
                    (None, None) => (Ordering::Equal, true),
                }
            }
            SortKey::MacroName { .. } => {
                let a_rendered = self.render_sort_macro(a, a_idx, key, term_locale, None);
                let b_rendered = self.render_sort_macro(b, b_idx, key, term_locale, None);

                (a_rendered.collation_cmp(&b_rendered, self.locale()), false)
            }
        };

        directed(ordering, empty_value, key)
    }

    /// The text of a macro sort key for one entry (glose: split out of `cmp_entries` so that
    /// `sort` renders it once per entry instead of on every comparison).
    fn render_sort_macro<T: EntryLike>(
        &self,
        entry: &CitationItem<T>,
        idx: usize,
        key: &SortKey,
        term_locale: Option<&LocaleCode>,
        inherited: Option<&InheritableNameOptions>,
    ) -> Option<String> {
        let SortKey::MacroName {
            name, names_min, names_use_first, names_use_last, ..
        } = key
        else {
            return None;
        };
        let mut ctx =
            self.macro_sorting_ctx(entry, idx, entry.locale.as_ref(), term_locale, false);
        // glose: the key's name options apply over the bibliography's (its `et-al-min`), as
        // CSL asks, instead of replacing every inherited option.
        if let Some(inherited) = inherited {
            ctx.writing.push_name_options(inherited);
        }
        ctx.writing.push_name_options(&InheritableNameOptions {
            et_al_min: *names_min,
            et_al_subsequent_min: *names_min,
            et_al_use_first: *names_use_first,
            et_al_subsequent_use_first: *names_use_first,
            et_al_use_last: *names_use_last,
            ..Default::default()
        });

        self.get_macro(name).map(|m| {
            for child in &m.children {
                child.render(&mut ctx)
            }
            ctx.flush().0.into_iter().fold(String::new(), |mut s, f| {
                f.write_buf(&mut s, BufWriteFormat::Plain).unwrap();
                s.to_lowercase()
            })
        })
    }

    /// Sorts the given citation items by the style's sort keys.
    pub fn sort<T: EntryLike>(
        &self,
        cites: &mut [CitationItem<T>],
        sort: Option<&Sort>,
        term_locale: Option<&LocaleCode>,
        citation_number: impl Fn(&T) -> usize,
    ) {
        // glose: one item or none is in order already; its sort keys are not rendered.
        if let Some(sort) = sort.filter(|_| cites.len() > 1) {
            // glose: macro keys are rendered once per entry, then the entries' indexes are
            // sorted (stably, as before) and the items put in that order.
            let inherited = self
                .csl
                .bibliography
                .as_ref()
                .filter(|b| b.sort.as_ref().is_some_and(|own| std::ptr::eq(own, sort)))
                .map(|b| &b.name_options);
            let numbers: Vec<usize> =
                cites.iter().map(|c| citation_number(c.entry)).collect();
            let macros: Vec<Vec<Option<Option<String>>>> = cites
                .iter()
                .zip(&numbers)
                .map(|(item, &idx)| {
                    sort.keys
                        .iter()
                        .map(|key| {
                            matches!(key, SortKey::MacroName { .. }).then(|| {
                                self.render_sort_macro(
                                    item,
                                    idx,
                                    key,
                                    term_locale,
                                    inherited,
                                )
                            })
                        })
                        .collect()
                })
                .collect();
            let mut order: Vec<usize> = (0..cites.len()).collect();
            order.sort_by(|&a, &b| {
                let mut ordering = Ordering::Equal;
                for (k, key) in sort.keys.iter().enumerate() {
                    ordering = match (&macros[a][k], &macros[b][k]) {
                        (Some(a), Some(b)) => {
                            directed(a.collation_cmp(b, self.locale()), false, key)
                        }
                        _ => self.cmp_entries(
                            &cites[a],
                            numbers[a],
                            &cites[b],
                            numbers[b],
                            key,
                            term_locale,
                        ),
                    };
                    if ordering != Ordering::Equal {
                        break;
                    }
                }
                ordering
            });
            let mut at: Vec<usize> = (0..cites.len()).collect();
            let mut position: Vec<usize> = (0..cites.len()).collect();
            for (k, wanted) in order.into_iter().enumerate() {
                let p = position[wanted];
                cites.swap(k, p);
                let displaced = at[k];
                at[p] = displaced;
                position[displaced] = p;
                at[k] = wanted;
                position[wanted] = k;
            }
        }
    }
}

/// Per CSL 1.0.2 spec (https://docs.citationstyles.org/en/v1.0.2/specification.html):
/// Entries with empty values are always displayed at the end, even with reversed order.
/// So we always reverse the order if either entry is empty.
fn directed(ordering: Ordering, empty_value: bool, key: &SortKey) -> Ordering {
    if empty_value || key.sort_direction() == SortDirection::Descending {
        ordering.reverse()
    } else {
        ordering
    }
}
