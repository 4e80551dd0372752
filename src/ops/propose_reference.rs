use std::path::Path;

use super::{Context, OpsError};
use crate::bib::{self, Library, SkipReason};
use crate::import::ProposedEntry;
use crate::store;

/// The reference an import proposed, and whether it was new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedReference {
    /// The new entry's key, or the key of the entry already there.
    pub key: String,
    pub bibtex: String,
    pub added: bool,
    /// Why nothing was added, when an entry was already there.
    pub note: Option<String>,
}

/// Decides the key of `proposed` and the new text of `library/references.bib` (`None` if the entry is already there).
pub(super) fn propose(
    cx: &Context,
    library: &Library,
    proposed: &ProposedEntry,
    origin: &str,
) -> Result<(ProposedReference, Option<String>), OpsError> {
    let key = proposed.key(|k| library.get(k).is_some());
    let bibtex = proposed.to_bibtex(&key);
    if let Some(existing) = proposed.get("url").and_then(|url| same_url(library, url)) {
        let note = format!("its URL is already in the library as `{existing}`");
        return Ok((already(existing, bibtex, note), None));
    }
    let target = cx.ws.references_path();
    let target_text = if target.exists() {
        store::read_text(&target)?
    } else {
        String::new()
    };
    let relative = cx.ws.relative(&target);
    let appended =
        bib::append_entries(&relative, &target_text, library, Path::new(origin), &bibtex);
    if appended.added.contains(&key) {
        let reference = ProposedReference {
            key,
            bibtex,
            added: true,
            note: None,
        };
        return Ok((reference, Some(appended.text)));
    }
    match appended.skipped.first().map(|s| &s.reason) {
        Some(SkipReason::DuplicateDoi { existing_key }) => {
            let note = format!("its DOI is already in the library as `{existing_key}`");
            Ok((already(existing_key.clone(), bibtex, note), None))
        }
        _ => Err(OpsError::Invalid(format!(
            "the proposed entry could not be added:\n{bibtex}give the source's reference with --cite KEY instead"
        ))),
    }
}

fn already(key: String, bibtex: String, note: String) -> ProposedReference {
    ProposedReference {
        key,
        bibtex,
        added: false,
        note: Some(note),
    }
}

fn same_url(library: &Library, url: &str) -> Option<String> {
    let wanted = comparable(url);
    library
        .entries()
        .iter()
        .find(|e| e.get("url").is_some_and(|u| comparable(u) == wanted))
        .map(|e| e.key.clone())
}

fn comparable(url: &str) -> String {
    let url = url.trim().trim_end_matches('/');
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    url.strip_prefix("www.").unwrap_or(url).to_string()
}
