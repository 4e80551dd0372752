//! Problems found while loading .bib files, located by file, line and column, with a hint.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::position::LineIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// What a diagnostic is about, for callers that filter or count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiagnosticKind {
    Syntax,
    DuplicateKey,
    /// A key biber's BibTeX parser cannot read (`Dobrovol'skii_1963`).
    UnreadableKey,
    DuplicateDoi,
    MissingParent,
    CrossrefCycle,
    UndefinedMacro,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub kind: DiagnosticKind,
    pub message: String,
    pub key: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// A diagnostic at byte `offset` of the file at `file`.
pub(crate) fn at(
    file: &Path,
    index: &LineIndex<'_>,
    offset: usize,
    severity: Severity,
    kind: DiagnosticKind,
    message: String,
    key: Option<&str>,
) -> Diagnostic {
    let (line, column) = index.line_column(offset);
    Diagnostic {
        file: file.to_path_buf(),
        line,
        column,
        severity,
        kind,
        message,
        key: key.map(str::to_string),
    }
}

/// The message for a block bibtex-parser rejected, from its diagnostic code.
pub(crate) fn syntax_message(code: &str, key: Option<&str>) -> String {
    let what = key.map_or_else(|| "this entry".to_string(), |k| format!("entry `{k}`"));
    match code {
        "missing-entry-key" => {
            format!("{what} has no citation key: write one after `@type{{`, followed by a comma")
        }
        "missing-field-separator" => format!(
            "{what}: expected `,` after the key or `=` after a field name: add the missing one"
        ),
        "expected-field-name" => {
            format!("{what}: expected a field name here: check for a stray character or comma")
        }
        "empty-field-value" => {
            format!("{what}: a field has no value: write `{{}}` after `=` or remove the field")
        }
        "expected-value-atom" => format!(
            "{what}: expected a value (`{{...}}`, `\"...\"`, a number or an @string name): fix the value"
        ),
        "bad-field-boundary" => {
            format!(
                "{what}: expected `,` or the closing `}}` after this value: add the missing comma"
            )
        }
        "bad-value-boundary" => format!("{what}: expected a value after `#`: add it or remove `#`"),
        "unclosed-entry" => format!("{what} is not closed: add the missing `}}`"),
        "unclosed-braced-value" => {
            format!("{what}: a `{{` in a value is not closed: add the missing `}}`")
        }
        "unclosed-quoted-value" => {
            format!("{what}: a `\"` value is not closed: add the missing `\"`")
        }
        super::parse::CRASH => format!(
            "the BibTeX parser crashed on {what}: check its syntax; the other entries are loaded"
        ),
        _ => format!("cannot read {what}: check the syntax from here to its closing `}}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_file_line_column_severity_message() {
        let d = Diagnostic {
            file: PathBuf::from("library/references.bib"),
            line: 12,
            column: 3,
            severity: Severity::Error,
            kind: DiagnosticKind::Syntax,
            message: syntax_message("unclosed-entry", Some("x")),
            key: Some("x".into()),
        };
        assert_eq!(
            d.to_string(),
            "library/references.bib:12:3: error: entry `x` is not closed: add the missing `}`"
        );
    }

    #[test]
    fn unknown_codes_still_give_a_hint() {
        assert!(syntax_message("whatever", None).contains("check the syntax"));
    }
}
