//! Editing an annotation's note in `$EDITOR` on a temporary file (the terminal is suspended around it).

use std::process::Command;

/// An annotation whose note (or a new review comment on it) is being written outside the TUI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalEdit {
    pub source: String,
    pub id: String,
    pub body: String,
    /// The text is a new review comment on the annotation, not its note.
    pub comment: bool,
}

/// The editor to run: `$VISUAL`, then `$EDITOR`.
pub fn editor_from_env() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
}

/// Runs `editor` (a shell command, as git does) on a temporary file holding `body`; returns what it left there.
pub fn run(editor: Option<&str>, body: &str) -> Result<String, String> {
    let Some(editor) = editor else {
        return Err("set $EDITOR (or $VISUAL) to edit in an editor; e edits here".to_string());
    };
    let file = tempfile::Builder::new()
        .prefix("glose-note-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot create a temporary file for the editor: {e}"))?;
    std::fs::write(file.path(), body)
        .map_err(|e| format!("cannot write the temporary file for the editor: {e}"))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("glose-editor")
        .arg(file.path())
        .status()
        .map_err(|e| format!("cannot run the editor `{editor}`: {e}"))?;
    if !status.success() {
        return Err(format!(
            "the editor `{editor}` failed ({status}); the note is unchanged"
        ));
    }
    std::fs::read_to_string(file.path())
        .map_err(|e| format!("cannot read back the editor's file: {e}"))
}

/// The new body from the editor's text (its final newlines dropped), or `None` when nothing changed.
pub fn new_body(old: &str, edited: &str) -> Option<String> {
    let edited = edited.trim_end_matches(['\n', '\r']);
    (edited != old.trim_end_matches(['\n', '\r'])).then(|| edited.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_a_shell_editor_and_reads_its_file_back() {
        let script = r#"sh -c 'printf "%s!\n" "$(cat "$1")" > "$1"' _"#;
        assert_eq!(run(Some(script), "note").as_deref(), Ok("note!\n"));
        let failed = run(Some("false"), "note").unwrap_err();
        assert!(failed.contains("unchanged"), "{failed}");
        assert!(run(None, "note").unwrap_err().contains("$EDITOR"));
    }

    #[test]
    fn final_newlines_are_not_a_change() {
        assert_eq!(new_body("a", "a\n"), None);
        assert_eq!(new_body("a", "b\n\n").as_deref(), Some("b"));
        assert_eq!(new_body("", "x\ny\n").as_deref(), Some("x\ny"));
    }
}
