//! Reading files the user names (a .bib to import, an article) with errors that carry the path.

use std::fs;
use std::path::Path;

use super::StoreError;

pub fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    fs::read(path).map_err(|e| StoreError::io("read", path, e))
}

/// A UTF-8 text file (a .bib of the library).
pub fn read_text(path: &Path) -> Result<String, StoreError> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| StoreError::UndecodableFile {
        path: path.to_path_buf(),
        detail: format!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })
}
