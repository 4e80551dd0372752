use std::path::Path;

use super::bib_add::append_locked;
use super::import_web::limits;
use super::loaded::read_library;
use super::{Context, OpsError, ReferencesAdded};
use crate::bib::{SkipReason, Skipped};
use crate::import::key::unique_key;
use crate::net::{self, NetError};
use crate::store;

/// Fetches the BibTeX of a DOI from the `[net] doi_base` resolver and appends it like `glose bib add`.
pub fn bib_doi(cx: &mut Context, input: &str) -> Result<ReferencesAdded, OpsError> {
    let doi = net::doi_from_input(input).ok_or_else(|| {
        OpsError::Invalid(format!(
            "`{input}` is not a DOI: give it as 10.1234/abc, doi:10.1234/abc or https://doi.org/10.1234/abc"
        ))
    })?;
    let url = net::doi_url(&cx.config.net.doi_base, &doi);
    let fetched = net::get(
        &url,
        "application/x-bibtex; charset=utf-8",
        &limits(cx),
        |media_type| match media_type {
            "text/html" | "application/xhtml+xml" => Err((
                "BibTeX",
                "the DOI service sent a web page instead; check `doi_base` under [net] in glose.toml",
            )),
            _ => Ok(()),
        },
    )
    .map_err(|error| match error {
        NetError::Status { code: 404, .. } => OpsError::Invalid(format!(
            "the DOI {doi} was not found ({url} answered 404 Not Found): check the DOI"
        )),
        other => other.into(),
    })?;
    let decoded = store::decode_source(&fetched.body)?;
    if !decoded.text.trim_start().starts_with('@') {
        return Err(OpsError::Invalid(format!(
            "{url} did not send BibTeX for {doi}: add the entry by hand with `glose bib add FILE.bib`"
        )));
    }
    let _lock = cx.lock_for_writing()?;
    let library = read_library(cx)?;
    let known = library
        .entries()
        .iter()
        .find(|e| e.doi().as_deref() == Some(doi.to_lowercase().as_str()));
    if let Some(existing) = known {
        return Ok(ReferencesAdded {
            added: Vec::new(),
            skipped: vec![Skipped {
                key: entry_key(&decoded.text).unwrap_or(&doi).to_string(),
                reason: SkipReason::DuplicateDoi {
                    existing_key: existing.key.clone(),
                },
            }],
            diagnostics: Vec::new(),
            notice: decoded.notice,
            committed: None,
        });
    }
    let text = rename_taken_key(&decoded.text, |k| library.get(k).is_some());
    let origin = format!("doi:{doi}");
    append_locked(cx, &library, Path::new(&origin), &text, decoded.notice)
}

/// Gives the first entry a free key when its key is taken by another work (`Smith_2020` -> `Smith_2020b`).
fn rename_taken_key(text: &str, taken: impl Fn(&str) -> bool) -> String {
    let Some((open, comma)) = key_span(text) else {
        return text.to_string();
    };
    let key = text[open + 1..comma].trim();
    if key.is_empty() || !taken(key) {
        return text.to_string();
    }
    let renamed = unique_key(key, taken);
    format!("{}{renamed}{}", &text[..=open], &text[comma..])
}

fn entry_key(text: &str) -> Option<&str> {
    let (open, comma) = key_span(text)?;
    Some(text[open + 1..comma].trim()).filter(|k| !k.is_empty())
}

/// Byte offsets of the `{` before the first entry's key and of the `,` after it.
fn key_span(text: &str) -> Option<(usize, usize)> {
    let open = text.find('{')?;
    let comma = open + text[open..].find(',')?;
    Some((open, comma))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_key_is_renamed_and_a_free_one_kept() {
        let text = "@article{Smith_2020, title={T}, doi={10.1/x}}";
        assert_eq!(
            rename_taken_key(text, |k| k == "Smith_2020"),
            "@article{Smith_2020b, title={T}, doi={10.1/x}}"
        );
        assert_eq!(rename_taken_key(text, |_| false), text);
        assert_eq!(entry_key(text), Some("Smith_2020"));
        assert_eq!(entry_key("no entry"), None);
    }
}
