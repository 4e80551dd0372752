//! The annotated report: per source its reference, then its claims in reading order with their
//! quotes and Pandoc citations, then the bibliography of everything cited.

use super::labels::{Labels, labels};
use super::locator::pandoc_locator;
use super::markdown::escape;
use super::select::notes_in_scope;
use super::{ExportError, Exported, Formatter, Input, Scope, select};
use crate::model::{AnchorState, Annotation, Citation, Kind, Relation};
use crate::store::NotesFile;

/// Markdown that `pandoc --citeproc --bibliography <exported .bib>` renders; the bibliography is ours.
pub fn report(
    input: &Input<'_>,
    sources: &[String],
    formatter: &mut Formatter,
) -> Result<Exported, ExportError> {
    let words = labels(formatter.locale());
    let notes = notes_in_scope(input.notes, sources)?;
    let (cited, mut warnings) = select(input, Scope::Cited, sources)?;
    let mut text = format!(
        "---\ntitle: \"{}\"\nlang: {}\nsuppress-bibliography: true\n---\n",
        words.report,
        formatter.locale()
    );
    for file in &notes {
        text.push('\n');
        source_section(input, file, formatter, words, &mut text, &mut warnings);
    }
    let bibliography = formatter.bibliography(&cited);
    warnings.extend(bibliography.warnings.iter().cloned());
    text.push_str(&format!("\n## {}\n", bibliography.heading));
    for item in &bibliography.items {
        text.push('\n');
        if let Some(label) = &item.label {
            text.push_str(label);
            text.push(' ');
        }
        text.push_str(&item.markdown);
        text.push('\n');
    }
    Ok(Exported { text, warnings })
}

fn source_section(
    input: &Input<'_>,
    file: &NotesFile,
    formatter: &mut Formatter,
    words: &Labels,
    text: &mut String,
    warnings: &mut Vec<String>,
) {
    let source = &file.source;
    text.push_str(&format!(
        "## {} {{#{}}}\n\n",
        escape(&source.title),
        source.id
    ));
    let reference = source
        .cite
        .as_deref()
        .and_then(|key| input.library.get(key));
    match reference {
        Some(entry) => {
            let item = formatter.reference(entry);
            text.push_str(&format!(
                "{}{} {}\n",
                words.reference, words.colon, item.markdown
            ));
        }
        None => {
            if let Some(key) = &source.cite {
                warnings.push(format!(
                    "source `{}` names the reference `{key}`, which the library lacks",
                    source.id
                ));
            }
            text.push_str(&format!(
                "{}{} *{}*\n",
                words.reference, words.colon, words.no_reference
            ));
        }
    }
    let mut claims: Vec<&Annotation> = file
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Claim)
        .collect();
    claims.sort_by_key(|a| (a.state == AnchorState::Orphaned, a.anchor.start));
    if claims.is_empty() {
        text.push_str(&format!("\n{}\n", words.no_claims));
    }
    for (n, claim) in claims.iter().enumerate() {
        text.push_str(&format!(
            "\n### {} {} (`{}`)\n\n",
            words.claim,
            n + 1,
            claim.id
        ));
        let quote = claim
            .anchor
            .exact
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        text.push_str(&format!("> {}\n", escape(&quote)));
        if claim.state == AnchorState::Orphaned {
            text.push_str(&format!("\n*({})*\n", words.anchor_lost));
        }
        if claim.citations.is_empty() {
            text.push_str(&format!("\n{}\n", words.unsupported));
        } else {
            text.push('\n');
            for citation in &claim.citations {
                text.push_str(&format!(
                    "- {} — {}\n",
                    pandoc_citation(citation, words),
                    relation_word(citation.relation, words)
                ));
            }
        }
        if !claim.body.trim().is_empty() {
            text.push_str(&format!("\n{}\n", claim.body.trim()));
        }
        if !claim.tags.is_empty() {
            text.push_str(&format!(
                "\n{}{} {}\n",
                words.tags,
                words.colon,
                escape(&claim.tags.join(", "))
            ));
        }
    }
}

/// `[@loi2016-444, art. 225-5]`, `[see @dsa2022, p. 12]`, `[contra @{odd key}]`.
pub(crate) fn pandoc_citation(citation: &Citation, words: &Labels) -> String {
    let prefix = match citation.relation {
        Relation::Supports => String::new(),
        Relation::Mentions => format!("{} ", words.see),
        Relation::Contradicts => format!("{} ", words.contra),
    };
    let locator = citation
        .locator
        .as_ref()
        .map(|l| format!(", {}", pandoc_locator(l)))
        .unwrap_or_default();
    format!("[{prefix}@{}{locator}]", pandoc_key(&citation.key))
}

/// A key as Pandoc reads it, in braces when it holds characters a bare key cannot.
fn pandoc_key(key: &str) -> String {
    let inner_ok = |c: char| c.is_alphanumeric() || "_:.#$%&-+?<>~/".contains(c);
    let bare = key.starts_with(|c: char| c.is_alphanumeric() || c == '_')
        && key.ends_with(|c: char| c.is_alphanumeric() || c == '_')
        && key.chars().all(inner_ok);
    if bare {
        key.to_string()
    } else {
        format!("{{{key}}}")
    }
}

fn relation_word(relation: Relation, words: &Labels) -> &'static str {
    match relation {
        Relation::Supports => words.supports,
        Relation::Contradicts => words.contradicts,
        Relation::Mentions => words.mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Locator;

    fn cite(key: &str, locator: Option<&str>, relation: Relation) -> String {
        let citation = Citation {
            key: key.into(),
            locator: locator.and_then(|l| Locator::parse(l).ok()),
            relation,
        };
        pandoc_citation(&citation, labels("en-US"))
    }

    #[test]
    fn pandoc_syntax() {
        assert_eq!(
            cite("loi2016-444", Some("art. 225-5"), Relation::Supports),
            "[@loi2016-444, art. 225-5]"
        );
        assert_eq!(
            cite("dsa2022", Some("p. 12"), Relation::Mentions),
            "[see @dsa2022, p. 12]"
        );
        assert_eq!(
            cite("a b'", None, Relation::Contradicts),
            "[contra @{a b'}]"
        );
        assert_eq!(
            cite("trailing.", None, Relation::Supports),
            "[@{trailing.}]"
        );
    }
}
