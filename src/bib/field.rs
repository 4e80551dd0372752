//! One field of an entry, stored compactly: its source text is shared with the file it comes from.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use super::latex;

/// Fields shown as written, without TeX conversion.
const VERBATIM: &[&str] = &[
    "url", "doi", "file", "eprint", "pdf", "urlraw", "verba", "verbb",
];

#[derive(Clone)]
pub struct Field {
    name: Cow<'static, str>,
    /// Whole text of the file that holds the value (the parent's file when inherited).
    source: Arc<str>,
    value_span: Range<usize>,
    expanded: Text,
    /// `None` when the display text equals `expanded`.
    value: Option<Box<str>>,
    inherited_from: Option<Box<str>>,
}

/// TeX text: bytes of the source when the value is written as one literal, else its own copy.
#[derive(Clone)]
pub(crate) enum Text {
    Source(Range<usize>),
    Owned(Box<str>),
}

impl Field {
    /// A field whose value is the text `raw` alone, e.g. one built in memory rather than read.
    pub fn new(name: &str, raw: &str, expanded: &str) -> Self {
        Self::read(
            intern_lowercase(name),
            raw.into(),
            0..raw.len(),
            Text::Owned(expanded.into()),
        )
    }

    /// A field read from `source`, whose value is written at `value_span` and expands to `expanded`.
    pub(crate) fn read(
        name: Cow<'static, str>,
        source: Arc<str>,
        value_span: Range<usize>,
        expanded: Text,
    ) -> Self {
        let mut field = Self {
            name,
            source,
            value_span,
            expanded,
            value: None,
            inherited_from: None,
        };
        let tex = field.expanded();
        let value = if VERBATIM.contains(&&*field.name) {
            latex::verbatim_changed(tex)
        } else {
            latex::display_changed(tex)
        };
        field.value = value.map(String::into_boxed_str);
        field
    }

    /// This field as inherited by another entry, under `name`, from the entry `from`.
    pub(crate) fn inherited(&self, name: &str, from: &str) -> Self {
        Self {
            name: intern(name),
            inherited_from: Some(self.inherited_from.clone().unwrap_or_else(|| from.into())),
            ..self.clone()
        }
    }

    /// Lower-case name, as written in the file.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Exact source text of the value (of the parent's field when inherited).
    pub fn raw(&self) -> &str {
        self.source.get(self.value_span.clone()).unwrap_or_default()
    }

    /// Bytes of `raw` in the file of the entry that holds it.
    pub fn value_span(&self) -> Range<usize> {
        self.value_span.clone()
    }

    /// TeX text with @string macros expanded, as BibTeX would see it.
    pub fn expanded(&self) -> &str {
        match &self.expanded {
            Text::Source(range) => self.source.get(range.clone()).unwrap_or_default(),
            Text::Owned(text) => text,
        }
    }

    /// Display text: LaTeX as Unicode, protective braces stripped, whitespace collapsed.
    pub fn value(&self) -> &str {
        self.value.as_deref().unwrap_or_else(|| self.expanded())
    }

    /// Key of the entry this field is inherited from (through crossref or xdata), if any.
    pub fn inherited_from(&self) -> Option<&str> {
        self.inherited_from.as_deref()
    }

    /// The parts the cache stores besides the spans: the shared file text, the TeX text, and the
    /// display text when it differs from the TeX text.
    pub(crate) fn cached_parts(&self) -> (&Arc<str>, &Text, Option<&str>) {
        (&self.source, &self.expanded, self.value.as_deref())
    }

    /// A field exactly as the cache stored it, without converting its TeX again.
    pub(crate) fn from_cache(
        name: Cow<'static, str>,
        source: Arc<str>,
        value_span: Range<usize>,
        expanded: Text,
        value: Option<Box<str>>,
        inherited_from: Option<Box<str>>,
    ) -> Self {
        Self {
            name,
            source,
            value_span,
            expanded,
            value,
            inherited_from,
        }
    }

    #[cfg(test)]
    pub(crate) fn set_inherited_from(&mut self, key: &str) {
        self.inherited_from = Some(key.into());
    }
}

/// Common field names, shared rather than allocated for each field.
const NAMES: &[&str] = &[
    "abstract",
    "address",
    "annote",
    "author",
    "booktitle",
    "chapter",
    "crossref",
    "date",
    "doi",
    "edition",
    "editor",
    "eprint",
    "eprinttype",
    "file",
    "howpublished",
    "institution",
    "isbn",
    "issn",
    "journal",
    "journaltitle",
    "keywords",
    "langid",
    "language",
    "location",
    "month",
    "note",
    "number",
    "organization",
    "pages",
    "publisher",
    "school",
    "series",
    "shorttitle",
    "title",
    "type",
    "url",
    "urldate",
    "volume",
    "xdata",
    "year",
];

/// `name` in lower case, shared when it is a common field name.
pub(crate) fn intern_lowercase(name: &str) -> Cow<'static, str> {
    if name
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return intern(&name.to_lowercase());
    }
    intern(name)
}

/// Where `name` is among the common field names, for the cache.
pub(crate) fn common_name_index(name: &str) -> Option<usize> {
    NAMES.binary_search(&name).ok()
}

pub(crate) fn common_name(index: usize) -> Option<&'static str> {
    NAMES.get(index).copied()
}

fn intern(name: &str) -> Cow<'static, str> {
    match NAMES.binary_search(&name) {
        Ok(i) => Cow::Borrowed(NAMES[i]),
        Err(_) => Cow::Owned(name.to_string()),
    }
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.raw() == other.raw()
            && self.value_span == other.value_span
            && self.expanded() == other.expanded()
            && self.inherited_from == other.inherited_from
    }
}

impl Eq for Field {}

impl fmt::Debug for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Field")
            .field("name", &self.name())
            .field("raw", &self.raw())
            .field("value_span", &self.value_span)
            .field("expanded", &self.expanded())
            .field("value", &self.value())
            .field("inherited_from", &self.inherited_from())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_value_shares_the_source_and_keeps_every_view() {
        let source: Arc<str> = "@misc{k, title = {Caf{\\'e}}, url = {a\\_b}, note = {x}}".into();
        let field = |name: &str| {
            let start = source.find(&format!("{name} = ")).unwrap_or(0) + name.len() + 3;
            let end = start + source[start..].find("}, ").map_or(0, |i| i + 1);
            let end = if name == "note" {
                source.len() - 1
            } else {
                end
            };
            Field::read(
                intern_lowercase(name),
                source.clone(),
                start..end,
                Text::Source(start + 1..end - 1),
            )
        };
        let title = field("title");
        assert_eq!(
            (title.raw(), title.expanded(), title.value()),
            ("{Caf{\\'e}}", "Caf{\\'e}", "Café")
        );
        let url = field("url");
        assert_eq!((url.expanded(), url.value()), ("a\\_b", "a_b"));
        let note = field("note");
        assert_eq!((note.raw(), note.value()), ("{x}", "x"));
        assert!(note.value.is_none());
    }

    #[test]
    fn new_and_inherited_fields() {
        let field = Field::new("title", "t # {x}", "T x");
        assert_eq!((field.raw(), field.value_span()), ("t # {x}", 0..7));
        assert_eq!(field.value(), "T x");
        let child = field.inherited("booktitle", "p");
        assert_eq!(
            (child.name(), child.inherited_from()),
            ("booktitle", Some("p"))
        );
        let grandchild = child.inherited("booktitle", "c");
        assert_eq!(grandchild.inherited_from(), Some("p"));
        assert_ne!(field, child);
        assert!(NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(matches!(intern("title"), Cow::Borrowed(_)));
        assert_eq!(intern_lowercase("Année"), "année");
        assert_eq!(intern_lowercase("TITLE"), Cow::Borrowed("title"));
    }
}
