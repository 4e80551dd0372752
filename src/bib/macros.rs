//! @string macros shared by all loaded files, plus BibTeX's month names.

use std::collections::HashMap;

use super::parse::Atom;

const MONTHS: [(&str, &str); 12] = [
    ("jan", "January"),
    ("feb", "February"),
    ("mar", "March"),
    ("apr", "April"),
    ("may", "May"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
];

/// Macro names (case-insensitive, as in BibTeX) to their expanded TeX text.
#[derive(Debug, Clone)]
pub(crate) struct Macros {
    map: HashMap<String, String>,
}

impl Default for Macros {
    fn default() -> Self {
        let map = MONTHS
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        Self { map }
    }
}

impl Macros {
    /// Every macro as (lower-case name, TeX text), in no particular order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn from_pairs(pairs: Vec<(&str, &str)>) -> Self {
        let map = pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Self { map }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.map.contains_key(&name.to_lowercase())
    }

    /// Defines `name` from atoms expanded with the macros known so far; returns the undefined ones.
    pub fn define(&mut self, name: &str, atoms: &[Atom]) -> Vec<String> {
        let mut undefined = Vec::new();
        let value = self.expand(atoms, &mut undefined);
        self.map.insert(name.to_lowercase(), value);
        undefined
    }

    /// Concatenated TeX text; an undefined macro stands for its own name and is reported.
    pub fn expand(&self, atoms: &[Atom], undefined: &mut Vec<String>) -> String {
        let mut out = String::new();
        for atom in atoms {
            match atom {
                Atom::Text(text) => out.push_str(text),
                Atom::Macro(name) => match self.map.get(&name.to_lowercase()) {
                    Some(value) => out.push_str(value),
                    None => {
                        out.push_str(name);
                        undefined.push(name.clone());
                    }
                },
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_months_macros_and_concatenation() {
        let mut macros = Macros::default();
        assert!(
            macros
                .define("JFR", &[Atom::Text("J. Fr.".into())])
                .is_empty()
        );
        let undefined = macros.define(
            "jfrs",
            &[Atom::Macro("jfr".into()), Atom::Text(" S".into())],
        );
        assert!(undefined.is_empty());
        let mut undefined = Vec::new();
        let atoms = [
            Atom::Macro("Jfrs".into()),
            Atom::Text(", ".into()),
            Atom::Macro("jun".into()),
        ];
        assert_eq!(macros.expand(&atoms, &mut undefined), "J. Fr. S, June");
        assert!(undefined.is_empty());
    }

    #[test]
    fn undefined_macros_are_reported_and_kept_as_names() {
        let macros = Macros::default();
        let mut undefined = Vec::new();
        assert_eq!(
            macros.expand(&[Atom::Macro("AAAI-91".into())], &mut undefined),
            "AAAI-91"
        );
        assert_eq!(undefined, ["AAAI-91"]);
    }
}
