//! Why an export could not be made; each message says what to do.

use crate::model::closest;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("no source `{id}`{}: `glose sources` lists them", did_you_mean(.suggestions))]
    UnknownSource {
        id: String,
        suggestions: Vec<String>,
    },
    #[error("no style `{name}`{}: `glose styles` lists the built-in styles; a CSL file works by path or in the workspace's styles/ folder", did_you_mean(.suggestions))]
    UnknownStyle {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("{name}: not a usable CSL style ({detail}): check that it is a CSL 1.0 file")]
    BadStyle { name: String, detail: String },
    #[error(
        "{name} is a dependent CSL style whose parent `{parent}` is not built in: use the parent style's file instead"
    )]
    DependentStyle { name: String, parent: String },
    #[error("unknown locale `{0}`: use a language tag such as fr-FR, en-US or de-DE")]
    UnknownLocale(String),
}

impl ExportError {
    pub(crate) fn unknown_source<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Self {
        ExportError::UnknownSource {
            id: id.to_string(),
            suggestions: closest(id, known),
        }
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        _ => format!(" (did you mean {}?)", suggestions.join(", ")),
    }
}
