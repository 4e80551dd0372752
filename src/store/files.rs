//! Reading files the user names (a .bib to import, an article) with errors that carry the path.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::StoreError;

pub fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    fs::read(path).map_err(|e| StoreError::io("read", path, e))
}

/// The largest file glose imports (a source or a .bib): 50 MB, far above any article or library.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// A file to import, refused past [`MAX_IMPORT_BYTES`] (read with a cap, so `/dev/zero` cannot hang glose).
pub fn read_import(path: &Path) -> Result<Vec<u8>, StoreError> {
    let file = fs::File::open(path).map_err(|e| StoreError::io("read", path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io("read", path, e))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    Ok(bytes)
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
