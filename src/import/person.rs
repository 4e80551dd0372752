//! Authors as web pages name them, turned into BibTeX's `Last, First` form.

use super::tex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    /// A person's name as written: "Lucia Berdeil" or "Berdeil, Lucia".
    Person(String),
    Organization(String),
}

const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "d’", "van", "von", "der", "den", "da", "di", "del", "della", "le",
    "la", "ter", "ten",
];

impl Author {
    /// The name for a BibTeX `author` field, escaped: `Berdeil, Lucia`, `{Conseil de l'Europe}`.
    pub fn bibtex(&self) -> String {
        match self {
            Author::Organization(name) => format!("{{{}}}", tex::escape(name)),
            Author::Person(name) => {
                let (family, given) = split(name);
                match given.is_empty() {
                    true => tex::escape(&family),
                    false => format!("{}, {}", tex::escape(&family), tex::escape(&given)),
                }
            }
        }
    }

    /// The family name without its lowercase particles ("de La Fontaine" -> "La Fontaine").
    pub fn family(&self) -> String {
        match self {
            Author::Organization(name) => name.clone(),
            Author::Person(name) => {
                let (family, _) = split(name);
                let words: Vec<&str> = family
                    .split_whitespace()
                    .skip_while(|w| is_particle(w))
                    .collect();
                match words.is_empty() {
                    true => family,
                    false => words.join(" "),
                }
            }
        }
    }
}

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// (family, given) of a person's name.
fn split(name: &str) -> (String, String) {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((family, given)) = name.split_once(',') {
        return (family.trim().to_string(), given.trim().to_string());
    }
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 {
        return (name, String::new());
    }
    let start = (1..words.len())
        .find(|&i| is_particle(words[i]) && i + 1 < words.len())
        .unwrap_or(words.len() - 1);
    (words[start..].join(" "), words[..start].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Author {
        Author::Person(name.to_string())
    }

    #[test]
    fn names_are_written_last_name_first() {
        assert_eq!(person("Lucia Berdeil").bibtex(), "Berdeil, Lucia");
        assert_eq!(person(" Berdeil,  Lucia ").bibtex(), "Berdeil, Lucia");
        assert_eq!(
            person("Jean Marie de La Fontaine").bibtex(),
            "de La Fontaine, Jean Marie"
        );
        assert_eq!(
            person("Ludwig van Beethoven").bibtex(),
            "van Beethoven, Ludwig"
        );
        assert_eq!(person("Platon").bibtex(), "Platon");
        assert_eq!(
            Author::Organization("Mouvement du Nid & co".into()).bibtex(),
            "{Mouvement du Nid \\& co}"
        );
    }

    #[test]
    fn family_names_drop_particles() {
        assert_eq!(person("Jean de La Fontaine").family(), "La Fontaine");
        assert_eq!(person("Hélène Dubois").family(), "Dubois");
        assert_eq!(person("van Beethoven, Ludwig").family(), "Beethoven");
    }
}
