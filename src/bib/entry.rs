//! A loaded reference: its place in its file, its fields, and display helpers.

use std::ops::Range;
use std::path::PathBuf;

use super::contained::contained;
use super::field::Field;
use super::latex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub entry_type: String,
    pub file: PathBuf,
    pub line: usize,
    pub span: Range<usize>,
    pub fields: Vec<Field>,
}

/// One person of an author or editor list, in display form.
struct Person {
    family: String,
    sorted: String,
}

impl Entry {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.field(name).map(Field::value).filter(|v| !v.is_empty())
    }

    pub fn title(&self) -> Option<&str> {
        self.get("title")
    }

    /// Authors as "Family, Given", or the editors when there is no author.
    pub fn authors(&self) -> Vec<String> {
        self.people().0.into_iter().map(|p| p.sorted).collect()
    }

    pub fn year(&self) -> Option<String> {
        if let Some(year) = self.get("year") {
            return Some(year.to_string());
        }
        let date = self.get("date")?.trim();
        let sign = usize::from(date.starts_with('-'));
        let digits = date[sign..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        (digits > 0).then(|| date[..sign + digits].to_string())
    }

    pub fn doi(&self) -> Option<String> {
        normalize_doi(self.get("doi")?)
    }

    /// "Quéméner & Charpenel (2010) Cybercriminalité : droit pénal appliqué".
    pub fn summary(&self) -> String {
        let (people, others) = self.people();
        let families: Vec<String> = people.into_iter().map(|p| p.family).collect();
        let mut parts = Vec::new();
        match (families.as_slice(), others) {
            ([], _) => {}
            ([one], false) => parts.push(one.clone()),
            ([a, b], false) => parts.push(format!("{a} & {b}")),
            ([a, ..], _) => parts.push(format!("{a} et al.")),
        }
        if let Some(year) = self.year() {
            parts.push(format!("({year})"));
        }
        parts.push(self.title().unwrap_or(&self.key).to_string());
        parts.join(" ")
    }

    /// The author (or editor) list, and whether it ends with `and others`.
    fn people(&self) -> (Vec<Person>, bool) {
        let field = self
            .field("author")
            .filter(|f| !f.expanded().trim().is_empty())
            .or_else(|| self.field("editor"));
        field.map_or_else(|| (Vec::new(), false), |f| people(f.expanded()))
    }
}

fn people(tex: &str) -> (Vec<Person>, bool) {
    let parsed = contained(|| bibtex_parser::parse_names(tex));
    let Some(mut names) = parsed else {
        let text = latex::display(tex);
        return (
            vec![Person {
                family: text.clone(),
                sorted: text,
            }],
            false,
        );
    };
    let others = names.last().is_some_and(|n| n.raw == "others");
    if others {
        names.pop();
    }
    let people = names
        .into_iter()
        .map(|name| {
            if let Some(literal) = &name.literal {
                let text = latex::display(literal);
                return Person {
                    family: text.clone(),
                    sorted: text,
                };
            }
            let family = latex::display(&format!("{} {}", name.von, name.last));
            let mut sorted = family.clone();
            for part in [&name.jr, &name.first] {
                let part = latex::display(part);
                if !part.is_empty() {
                    sorted.push_str(", ");
                    sorted.push_str(&part);
                }
            }
            Person { family, sorted }
        })
        .filter(|p| !p.sorted.is_empty())
        .collect();
    (people, others)
}

/// Lowercase DOI without a resolver prefix, or `None` when nothing is left.
pub(crate) fn normalize_doi(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let mut doi = lower.as_str();
    for prefix in ["https://", "http://", "dx.", "doi.org/", "doi:"] {
        doi = doi.strip_prefix(prefix).unwrap_or(doi).trim_start();
    }
    (!doi.is_empty()).then(|| doi.to_string())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn entry(key: &str, fields: &[(&str, &str)]) -> Entry {
        Entry {
            key: key.into(),
            entry_type: "book".into(),
            file: PathBuf::from("refs.bib"),
            line: 1,
            span: 0..0,
            fields: fields
                .iter()
                .map(|(name, tex)| Field::new(name, &format!("{{{tex}}}"), tex))
                .collect(),
        }
    }

    #[test]
    fn authors_and_summary() {
        let e = entry(
            "q",
            &[
                ("author", r"Qu{\'e}m{\'e}ner, Myriam and Yves Charpenel"),
                (
                    "title",
                    "Cybercriminalit{\\'e} : droit p{\\'e}nal appliqu{\\'e}",
                ),
                ("date", "2010-03"),
            ],
        );
        assert_eq!(e.authors(), ["Quéméner, Myriam", "Charpenel, Yves"]);
        assert_eq!(e.year().as_deref(), Some("2010"));
        assert_eq!(
            e.summary(),
            "Quéméner & Charpenel (2010) Cybercriminalité : droit pénal appliqué"
        );
    }

    #[test]
    fn editors_literals_von_and_et_al() {
        let e = entry(
            "e",
            &[(
                "editor",
                "{Conseil de l'Europe} and van der Berg, Jr., Piet and C",
            )],
        );
        assert_eq!(
            e.authors(),
            ["Conseil de l'Europe", "van der Berg, Jr., Piet", "C"]
        );
        assert_eq!(e.summary(), "Conseil de l'Europe et al. e");
    }

    #[test]
    fn and_others_is_et_al() {
        let e = entry(
            "o",
            &[
                ("author", "Madelung, O. and Rössler, U. and others"),
                ("year", "1998"),
            ],
        );
        assert_eq!(e.authors(), ["Madelung, O.", "Rössler, U."]);
        assert_eq!(e.summary(), "Madelung et al. (1998) o");
    }

    #[test]
    fn doi_is_normalized() {
        let e = entry("d", &[("doi", "https://doi.org/10.1000/ABC")]);
        assert_eq!(e.doi().as_deref(), Some("10.1000/abc"));
        assert_eq!(normalize_doi("doi: 10.1/X").as_deref(), Some("10.1/x"));
        assert_eq!(normalize_doi("  "), None);
    }

    #[test]
    fn year_from_year_or_date() {
        assert_eq!(
            entry("a", &[("year", "1999")]).year().as_deref(),
            Some("1999")
        );
        assert_eq!(
            entry("a", &[("date", "-0044-03-15")]).year().as_deref(),
            Some("-0044")
        );
        assert_eq!(
            entry("a", &[("date", "2020/2021")]).year().as_deref(),
            Some("2020")
        );
        assert_eq!(entry("a", &[("date", "")]).year(), None);
    }
}
