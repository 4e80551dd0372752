use std::collections::BTreeMap;

use serde::Serialize;

use super::reanchor::current_text;
use super::{Context, Loaded, OpsError, read_library};
use crate::bib;
use crate::model::AnchorState;
use crate::store::NotesFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found by `glose check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable name for tools: `unsupported-claim`, `unknown-key`, ...
    pub code: &'static str,
    /// `library/references.bib:12:3` or `berdeil-2023/a1b2c3d4`.
    pub location: String,
    pub message: String,
}

impl Finding {
    fn new(severity: Severity, code: &'static str, location: String, message: String) -> Finding {
        Finding {
            severity,
            code,
            location,
            message,
        }
    }
}

/// Every problem in the workspace, errors first.
pub fn check(cx: &Context) -> Result<Vec<Finding>, OpsError> {
    let mut loaded = Loaded::read(cx)?;
    let library = read_library(cx)?;
    let mut findings: Vec<Finding> = library.diagnostics().iter().map(from_bib).collect();
    for (path, error) in &loaded.broken_notes {
        findings.push(Finding::new(
            Severity::Error,
            "broken-notes",
            format!("{}:{}", path.display(), error.line),
            format!("{error}"),
        ));
    }
    let mut registered = Vec::new();
    for notes in &mut loaded.notes {
        let id = notes.source.id.to_string();
        registered.push(notes.source.file.clone());
        registered.extend(crate::import::companion_files(&notes.source));
        let expected = cx.ws.notes_path(&notes.source.id);
        if !expected.exists() {
            findings.push(Finding::new(
                Severity::Error,
                "misnamed-notes",
                id.clone(),
                format!("the notes of `{id}` are not in {}: rename the file to match the id in its [source] table", cx.ws.relative(&expected).display()),
            ));
        }
        match current_text(cx, notes) {
            Ok((_, Some(report))) => findings.push(Finding::new(
                Severity::Warning,
                "source-changed",
                id.clone(),
                format!("the text changed since it was annotated ({}): run `glose reanchor {id}` to record the new anchors", report.summary()),
            )),
            Ok((_, None)) => {}
            Err(error) => findings.push(Finding::new(Severity::Error, "missing-source", id.clone(), error.to_string())),
        }
        for annotation in &notes.annotations {
            let location = format!("{id}/{}", annotation.id);
            let quote = short_quote(&annotation.anchor.exact);
            if annotation.is_unsupported() {
                findings.push(Finding::new(
                    Severity::Warning,
                    "unsupported-claim",
                    location.clone(),
                    format!(
                        "claim cites nothing: « {quote} » (`glose cite {} KEY --locator …`)",
                        annotation.id
                    ),
                ));
            }
            for citation in &annotation.citations {
                if library.get(&citation.key).is_none() {
                    let hint = match library.closest_keys(&citation.key, 1).first() {
                        Some(close) => format!(": did you mean `{close}`?"),
                        None => ": add it with `glose bib add FILE.bib`".to_string(),
                    };
                    findings.push(Finding::new(
                        Severity::Error,
                        "unknown-key",
                        location.clone(),
                        format!(
                            "cites `{}`, which is not in the library{hint}",
                            citation.key
                        ),
                    ));
                }
            }
            if annotation.is_open_review() {
                findings.push(Finding::new(
                    Severity::Warning,
                    "open-review",
                    location.clone(),
                    format!(
                        "open review comment by {}: \"{}\" on « {quote} » (`glose review reply {} \"…\"`, then `glose review resolve {}`)",
                        annotation.author.split(" <").next().unwrap_or_default(),
                        short_quote(&annotation.body),
                        annotation.id,
                        annotation.id
                    ),
                ));
            }
            if !annotation.conflicts.is_empty() {
                findings.push(Finding::new(
                    Severity::Error,
                    "merge-conflict",
                    location.clone(),
                    format!(
                        "a merge kept {} other version(s) of this {} beside it: « {quote} » (settle it with `glose settle {} --keep ours|theirs|both`, or M in the reader)",
                        annotation.conflicts.len(),
                        annotation.kind,
                        annotation.id
                    ),
                ));
            }
            match annotation.state {
                AnchorState::Exact => {}
                AnchorState::Fuzzy => findings.push(Finding::new(Severity::Warning, "fuzzy-anchor", location.clone(),
                    format!("anchor moved or changed, check it: « {quote} » (`glose edit {} --confirm` when right)", annotation.id))),
                AnchorState::Orphaned => findings.push(Finding::new(Severity::Warning, "orphaned-anchor", location.clone(),
                    format!("quote no longer found in the source: « {quote} »"))),
            }
        }
    }
    findings.extend(shared_ids(&loaded.notes));
    for path in cx.ws.bib_paths()? {
        let text = crate::store::read_text(&path)?;
        for (number, line) in text.lines().enumerate() {
            if line.starts_with(bib::CONFLICT_MARK) {
                findings.push(Finding::new(
                    Severity::Error,
                    "bib-conflict",
                    format!("{}:{}", cx.ws.relative(&path).display(), number + 1),
                    "a merge kept two versions of a reference here: keep one, then delete the @comment{glose-conflict …} block".to_string(),
                ));
            }
        }
    }
    for file in cx.ws.source_files()? {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !registered.contains(&name) {
            findings.push(Finding::new(
                Severity::Warning,
                "unregistered-source",
                cx.ws.relative(&file).display().to_string(),
                "this file has no notes: import it with `glose add` instead of copying it"
                    .to_string(),
            ));
        }
    }
    findings.sort_by_key(|f| f.severity);
    Ok(findings)
}

/// Ids that two sources' annotations share, which commands then need written `SOURCE/ID`.
fn shared_ids(notes: &[NotesFile]) -> Vec<Finding> {
    let mut sources_of: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for file in notes {
        for annotation in &file.annotations {
            sources_of
                .entry(annotation.id.0.as_str())
                .or_default()
                .push(file.source.id.as_str());
        }
    }
    sources_of
        .into_iter()
        .filter(|(_, sources)| sources.len() > 1)
        .map(|(id, sources)| {
            Finding::new(
                Severity::Warning,
                "shared-id",
                format!("{}/{id}", sources[0]),
                format!(
                    "the id `{id}` is also used in {}: name each as SOURCE/ID in commands",
                    sources[1..].join(", ")
                ),
            )
        })
        .collect()
}

/// The imported original kept beside the text (`<id>.html` for a web page), which is no stray file.
fn from_bib(diagnostic: &bib::Diagnostic) -> Finding {
    let severity = match diagnostic.severity {
        bib::Severity::Error => Severity::Error,
        bib::Severity::Warning => Severity::Warning,
    };
    Finding::new(
        severity,
        "bib",
        format!(
            "{}:{}:{}",
            diagnostic.file.display(),
            diagnostic.line,
            diagnostic.column
        ),
        diagnostic.message.clone(),
    )
}

fn short_quote(quote: &str) -> String {
    let flat: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = flat.chars().take(80).collect();
    if short.len() < flat.len() {
        format!("{short}…")
    } else {
        short
    }
}
