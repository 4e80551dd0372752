//! Citation styles: hayagriva's built-in archive, or any CSL 1.0 file the caller has read.

use hayagriva::citationberg::{self, IndependentStyle};
use hayagriva_archive::archive::ArchivedStyle;

use super::ExportError;
use crate::model::closest;

/// A loaded independent CSL style and the name the user knows it by.
#[derive(Debug, Clone)]
pub struct Style {
    pub name: String,
    pub csl: IndependentStyle,
}

impl Style {
    /// A built-in style by one of its names (`apa`, `chicago-author-date`, `ieee`, `mla`...).
    pub fn archived(name: &str) -> Result<Style, ExportError> {
        let wanted = name.trim().to_lowercase();
        let archived =
            ArchivedStyle::by_name(&wanted).ok_or_else(|| ExportError::UnknownStyle {
                name: name.to_string(),
                suggestions: closest(
                    &wanted,
                    ArchivedStyle::all()
                        .iter()
                        .flat_map(|s| s.names().iter().copied()),
                ),
            })?;
        Style::from_parsed(name, archived.get())
    }

    /// A style from the text of a CSL file; a dependent style uses its built-in parent.
    pub fn from_csl(name: &str, xml: &str) -> Result<Style, ExportError> {
        let parsed = citationberg::Style::from_xml(xml).map_err(|e| ExportError::BadStyle {
            name: name.to_string(),
            detail: e.to_string(),
        })?;
        Style::from_parsed(name, parsed)
    }

    fn from_parsed(name: &str, style: citationberg::Style) -> Result<Style, ExportError> {
        match style {
            citationberg::Style::Independent(csl) => Ok(Style {
                name: name.to_string(),
                csl,
            }),
            citationberg::Style::Dependent(dependent) => {
                let parent = dependent.parent_link.href.to_string();
                let archived =
                    ArchivedStyle::by_id(&parent).ok_or_else(|| ExportError::DependentStyle {
                        name: name.to_string(),
                        parent: parent.clone(),
                    })?;
                match archived.get() {
                    citationberg::Style::Independent(mut csl) => {
                        if dependent.default_locale.is_some() {
                            csl.default_locale = dependent.default_locale;
                        }
                        Ok(Style {
                            name: name.to_string(),
                            csl,
                        })
                    }
                    citationberg::Style::Dependent(_) => Err(ExportError::DependentStyle {
                        name: name.to_string(),
                        parent,
                    }),
                }
            }
        }
    }

    /// Whether the style numbers its entries (`[1]`), so a lone reference should drop the label.
    pub fn is_numeric(&self) -> bool {
        self.csl
            .bibliography
            .as_ref()
            .is_some_and(|b| b.second_field_align.is_some())
    }
}

/// Every built-in style: its names (the first is the usual one) and its full title.
pub fn archived_styles() -> Vec<(Vec<&'static str>, &'static str)> {
    ArchivedStyle::all()
        .iter()
        .map(|s| (s.names().to_vec(), s.display_name()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_names_and_suggestions() {
        assert!(Style::archived("APA").is_ok());
        assert!(Style::archived("chicago-author-date").is_ok());
        match Style::archived("apa7x") {
            Err(ExportError::UnknownStyle { suggestions, .. }) => {
                assert!(
                    suggestions.iter().any(|s| s.starts_with("apa")),
                    "{suggestions:?}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(
            archived_styles()
                .iter()
                .any(|(names, _)| names.contains(&"ieee"))
        );
    }

    #[test]
    fn a_broken_csl_file_is_a_clear_error() {
        let err = Style::from_csl("mine.csl", "<style>").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("mine.csl: not a usable CSL style"),
            "{err}"
        );
    }
}
