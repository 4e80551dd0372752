//! The workspace's `.gitattributes` lines that route notes and .bib files to glose's merge drivers.

use std::path::PathBuf;

use super::{StoreError, Workspace, write_atomic};

/// The lines glose needs in the workspace's `.gitattributes`.
pub const MERGE_ATTRIBUTES: [&str; 2] = [
    "notes/*.toml merge=glose-notes",
    "library/*.bib merge=glose-bib",
];

impl Workspace {
    pub fn gitattributes_path(&self) -> PathBuf {
        self.root.join(".gitattributes")
    }
}

/// The lines of [`MERGE_ATTRIBUTES`] that the workspace's `.gitattributes` lacks.
pub fn missing_attributes(ws: &Workspace) -> Result<Vec<&'static str>, StoreError> {
    let text = current(ws)?;
    Ok(MERGE_ATTRIBUTES
        .into_iter()
        .filter(|wanted| {
            !text
                .lines()
                .any(|line| line.split_whitespace().eq(wanted.split_whitespace()))
        })
        .collect())
}

/// Appends the missing lines, keeping the rest of the file; `true` when it wrote something.
pub fn add_attributes(ws: &Workspace) -> Result<bool, StoreError> {
    let missing = missing_attributes(ws)?;
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = current(ws)?;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if text.is_empty() {
        text.push_str("# glose merges notes by annotation id and .bib files entry by entry (`glose doctor`).\n");
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    write_atomic(&ws.gitattributes_path(), text.as_bytes())?;
    Ok(true)
}

fn current(ws: &Workspace) -> Result<String, StoreError> {
    let path = ws.gitattributes_path();
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(StoreError::io("read", path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_lines_are_appended_once_and_other_lines_kept() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        std::fs::write(ws.gitattributes_path(), "*.pdf binary").unwrap();
        assert_eq!(missing_attributes(&ws).unwrap().len(), 2);
        assert!(add_attributes(&ws).unwrap());
        assert!(!add_attributes(&ws).unwrap());
        let text = std::fs::read_to_string(ws.gitattributes_path()).unwrap();
        assert_eq!(
            text,
            "*.pdf binary\nnotes/*.toml merge=glose-notes\nlibrary/*.bib merge=glose-bib\n"
        );
    }
}
