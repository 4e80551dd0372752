//! `glose add --replace SOURCE FILE`: a new version of a source's text.

use std::path::PathBuf;

use super::reanchor::print_displaced;
use super::{Outcome, add, printable};
use crate::ops::{self, Context, ReplaceRequest};

pub fn run(cx: &Context, source: String, file: PathBuf) -> anyhow::Result<Outcome> {
    let done = ops::replace_source(cx, &ReplaceRequest { source, file })?;
    if let Some(notice) = &done.notice {
        outln!("note: {}", printable::line(notice));
    }
    if let Some(pdf) = &done.pdf {
        add::report_pdf(pdf);
    }
    let Some(replaced) = done.replaced else {
        outln!(
            "{}: the new text is the same as the current one; nothing changed.",
            done.source
        );
        return Ok(Outcome::Success);
    };
    let report = &replaced.report;
    outln!(
        "{}: text replaced; annotations: {}",
        done.source,
        report.summary()
    );
    if replaced.locators_updated > 0 {
        outln!(
            "{} page locators now give the new page of their quote.",
            replaced.locators_updated
        );
    }
    print_displaced(report);
    if !report.fuzzy.is_empty() {
        outln!("Check each fuzzy one and accept it with `glose edit ID --confirm`.");
    }
    if !report.orphaned.is_empty() {
        outln!(
            "Orphans keep their quote: re-attach each in `glose` (O lists them; r, select the words, r)."
        );
    }
    Ok(Outcome::Success)
}
