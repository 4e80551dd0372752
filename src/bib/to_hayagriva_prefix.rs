//! biblatex's `useprefix` option: a name's particle (`von`) printed and sorted with the family name.

use hayagriva::types::{Person, PersonsWithRoles};

use super::entry::Entry;

/// With `options = {useprefix}` (or `useprefix=true`), each name's particle becomes part of its
/// family name, where CSL reads it as a non-dropping particle (`van Gennep, A.`), as pandoc's
/// BibTeX reader has it; hayagriva's reader keeps it apart, a dropping particle (`Gennep, A. van`).
pub(crate) fn use_prefix(entry: &Entry, converted: &mut hayagriva::Entry) {
    if !entry.get("options").is_some_and(has_useprefix) {
        return;
    }
    if let Some(authors) = converted.authors() {
        let authors = joined(authors);
        converted.set_authors(authors);
    }
    if let Some(editors) = converted.editors() {
        let editors = joined(editors);
        converted.set_editors(editors);
    }
    if let Some(affiliated) = converted.affiliated() {
        let affiliated = affiliated
            .iter()
            .map(|p| PersonsWithRoles::new(joined(&p.names), p.role.clone()))
            .collect();
        converted.set_affiliated(affiliated);
    }
}

fn joined(persons: &[Person]) -> Vec<Person> {
    persons
        .iter()
        .map(|p| {
            let mut p = p.clone();
            if let Some(prefix) = p.prefix.take() {
                p.name = format!("{prefix} {}", p.name);
                p.particle_in_name = true;
            }
            p
        })
        .collect()
}

/// `useprefix` or `useprefix=true` among the comma-separated options.
fn has_useprefix(options: &str) -> bool {
    options.split(',').any(|option| {
        let mut parts = option.splitn(2, '=').map(str::trim);
        parts.next() == Some("useprefix") && parts.next().is_none_or(|v| v == "true")
    })
}

#[cfg(test)]
mod tests {
    use super::has_useprefix;
    use crate::bib::to_hayagriva_fixes::tests::convert;

    #[test]
    fn useprefix_or_useprefix_true_only() {
        assert!(has_useprefix("useprefix"));
        assert!(has_useprefix("noroman=true, useprefix = true"));
        assert!(!has_useprefix("useprefix=false"));
        assert!(!has_useprefix("useprefixes"));
    }

    #[test]
    fn with_useprefix_the_particle_is_part_of_the_family_name() {
        let family = |options: &str| {
            let e = convert(&format!(
                "@book{{k, options = {{{options}}}, author = {{van Gennep, Arnold}}, editor = {{von Brandt, Ahasver}}, title = {{T}}}}"
            ));
            let names = |p: Option<&[hayagriva::types::Person]>| {
                p.and_then(|p| p.first())
                    .map(|p| (p.name.clone(), p.prefix.clone()))
            };
            (names(e.authors()), names(e.editors()))
        };
        assert_eq!(
            family("useprefix"),
            (
                Some(("van Gennep".into(), None)),
                Some(("von Brandt".into(), None))
            )
        );
        assert_eq!(
            family("useprefix=false"),
            (
                Some(("Gennep".into(), Some("van".into()))),
                Some(("Brandt".into(), Some("von".into())))
            )
        );
    }
}
