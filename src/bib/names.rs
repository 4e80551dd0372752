//! Person names split into their parts, in display form, for structured exports (CSL-JSON).

use super::latex;

/// One name of an author or editor list; a corporate name is `literal` only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Name {
    pub given: String,
    pub particle: String,
    pub family: String,
    pub suffix: String,
    pub literal: Option<String>,
}

/// The names of a TeX name list (`A and B and others`); `others` is dropped, and a family name
/// that begins with a capital is whole (`De Angelis, A.`: BibTeX's von part is lower-case).
pub fn names(tex: &str) -> Vec<Name> {
    bibtex_parser::parse_names(tex)
        .into_iter()
        .filter(|n| n.raw != "others")
        .map(|n| match &n.literal {
            Some(literal) => Name {
                literal: Some(latex::display(literal)),
                ..Name::default()
            },
            None if n.von.starts_with(char::is_uppercase) => Name {
                given: latex::display(&n.first),
                family: latex::display(&format!("{} {}", n.von, n.last)),
                suffix: latex::display(&n.jr),
                ..Name::default()
            },
            None => Name {
                given: latex::display(&n.first),
                particle: latex::display(&n.von),
                family: latex::display(&n.last),
                suffix: latex::display(&n.jr),
                literal: None,
            },
        })
        .filter(|n| n.literal.is_some() || !n.family.is_empty() || !n.given.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_literals_and_accents() {
        let list = names(
            "Qu{\\'e}m{\\'e}ner, Myriam and {Conseil de l'Europe} and van der Berg, Jr., Piet and others",
        );
        assert_eq!(list.len(), 3);
        assert_eq!(
            (list[0].family.as_str(), list[0].given.as_str()),
            ("Quéméner", "Myriam")
        );
        assert_eq!(list[1].literal.as_deref(), Some("Conseil de l'Europe"));
        assert_eq!(
            (
                list[2].particle.as_str(),
                list[2].family.as_str(),
                list[2].suffix.as_str()
            ),
            ("van der", "Berg", "Jr.")
        );
    }

    #[test]
    fn a_capitalised_first_word_is_part_of_the_family_name() {
        let list =
            names("De Angelis, A. and Gonzalez de Alaiza Martinez, P. and de Gaulle, Charles");
        let parts: Vec<(&str, &str)> = list
            .iter()
            .map(|n| (n.particle.as_str(), n.family.as_str()))
            .collect();
        assert_eq!(
            parts,
            [
                ("", "De Angelis"),
                ("", "Gonzalez de Alaiza Martinez"),
                ("de", "Gaulle")
            ]
        );
    }
}
