//! The citation picker's state: a fuzzy query over the library, then a locator and a relation.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::action::Command;
use super::data::RefItem;
use crate::model::Relation;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    Search,
    Details {
        key: String,
        locator: String,
        relation: Relation,
    },
}

#[derive(Debug, Clone)]
pub struct Picker {
    /// The claim being cited.
    pub target: String,
    pub source: String,
    pub query: String,
    /// Indexes into the library, best match first.
    pub matches: Vec<usize>,
    pub selected: usize,
    pub stage: Stage,
    /// The locator offered once a reference is chosen (the quote's page in a PDF source).
    pub default_locator: String,
    /// The matches before each character typed, given back by Backspace.
    earlier: Vec<Vec<usize>>,
}

/// What the picker asks the app to do after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum PickerOutcome {
    Stay,
    Close,
    Cite {
        key: String,
        locator: Option<String>,
        relation: Relation,
    },
}

impl Picker {
    pub fn new(target: String, source: String, refs: &[RefItem], matcher: &mut Matcher) -> Picker {
        let mut picker = Picker {
            target,
            source,
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
            stage: Stage::Search,
            default_locator: String::new(),
            earlier: Vec::new(),
        };
        picker.refilter(refs, matcher);
        picker
    }

    pub fn highlighted<'a>(&self, refs: &'a [RefItem]) -> Option<&'a RefItem> {
        self.matches.get(self.selected).and_then(|i| refs.get(*i))
    }

    pub fn input(&mut self, c: char, refs: &[RefItem], matcher: &mut Matcher) {
        match &mut self.stage {
            Stage::Search => {
                let narrows =
                    !self.query.trim().is_empty() && plain(&self.query) && plain(&c.to_string());
                self.query.push(c);
                let before = if narrows {
                    let among = fuzzy_among(&self.query, refs, &self.matches, matcher);
                    std::mem::replace(&mut self.matches, among)
                } else {
                    let all = fuzzy(&self.query, refs, matcher);
                    std::mem::replace(&mut self.matches, all)
                };
                self.earlier.push(before);
                self.selected = 0;
            }
            Stage::Details { locator, .. } => locator.push(c),
        }
    }

    pub fn command(
        &mut self,
        command: Command,
        refs: &[RefItem],
        matcher: &mut Matcher,
    ) -> PickerOutcome {
        match (&mut self.stage, command) {
            (Stage::Search, Command::Cancel) => return PickerOutcome::Close,
            (Stage::Details { .. }, Command::Cancel) => self.stage = Stage::Search,
            (Stage::Search, Command::Down) => {
                self.selected = (self.selected + 1).min(self.matches.len().saturating_sub(1));
            }
            (Stage::Search, Command::Up) => self.selected = self.selected.saturating_sub(1),
            (Stage::Search, Command::Erase) => {
                self.query.pop();
                match self.earlier.pop() {
                    Some(before) => {
                        self.matches = before;
                        self.selected = 0;
                    }
                    None => self.refilter(refs, matcher),
                }
            }
            (Stage::Search, Command::Confirm) => {
                if let Some(item) = self.highlighted(refs) {
                    self.stage = Stage::Details {
                        key: item.key.clone(),
                        locator: self.default_locator.clone(),
                        relation: Relation::Supports,
                    };
                }
            }
            (Stage::Details { locator, .. }, Command::Erase) => {
                locator.pop();
            }
            (Stage::Details { relation, .. }, Command::Complete | Command::Down) => {
                *relation = next_relation(*relation);
            }
            (
                Stage::Details {
                    key,
                    locator,
                    relation,
                },
                Command::Confirm,
            ) => {
                let locator = locator.trim();
                return PickerOutcome::Cite {
                    key: key.clone(),
                    locator: (!locator.is_empty()).then(|| locator.to_string()),
                    relation: *relation,
                };
            }
            _ => {}
        }
        PickerOutcome::Stay
    }

    /// Filters again with the same query after the library changed.
    pub fn refresh(&mut self, refs: &[RefItem], matcher: &mut Matcher) {
        self.earlier.clear();
        self.refilter(refs, matcher);
    }

    fn refilter(&mut self, refs: &[RefItem], matcher: &mut Matcher) {
        self.selected = 0;
        self.matches = fuzzy(&self.query, refs, matcher);
    }
}

/// Indexes of the references matching `query`, best first; all of them for an empty query.
pub fn fuzzy(query: &str, refs: &[RefItem], matcher: &mut Matcher) -> Vec<usize> {
    if query.trim().is_empty() {
        return (0..refs.len()).collect();
    }
    score(query, refs, 0..refs.len(), matcher)
}

/// Like [`fuzzy`], looking only at the references `among` (the matches of a shorter query).
fn fuzzy_among(
    query: &str,
    refs: &[RefItem],
    among: &[usize],
    matcher: &mut Matcher,
) -> Vec<usize> {
    score(query, refs, among.iter().copied(), matcher)
}

fn score(
    query: &str,
    refs: &[RefItem],
    among: impl Iterator<Item = usize>,
    matcher: &mut Matcher,
) -> Vec<usize> {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut scored: Vec<(u32, usize)> = among
        .filter_map(|i| {
            let haystack = refs.get(i)?.haystack.slice(..);
            pattern.score(haystack, matcher).map(|score| (score, i))
        })
        .collect();
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Whether typing after `text` can only narrow the matches: no negation, anchor, exact-match or
/// escape syntax, whose meaning a further character can change.
fn plain(text: &str) -> bool {
    !text.contains(['!', '^', '$', '\'', '\\'])
}

pub fn new_matcher() -> Matcher {
    Matcher::new(Config::DEFAULT)
}

fn next_relation(relation: Relation) -> Relation {
    let all = Relation::ALL;
    let at = all.iter().position(|r| *r == relation).unwrap_or(0);
    all[(at + 1) % all.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &str, haystack: &str) -> RefItem {
        RefItem {
            key: key.into(),
            summary: key.into(),
            haystack: format!("{key} {haystack}").as_str().into(),
            fields: vec![],
            place: String::new(),
        }
    }

    #[test]
    fn typing_narrows_and_backspace_restores_the_same_matches_as_a_fresh_search() {
        let words = [
            "droit", "pénal", "Müller", "revue", "cyber", "2016", "loi", "nid",
        ];
        let refs: Vec<RefItem> = (0..200)
            .map(|i| {
                let text = format!("{} {} {i}", words[i % 8], words[(i * 3 + 1) % 8]);
                item(&format!("ref{i}"), &text)
            })
            .collect();
        let mut matcher = new_matcher();
        let mut picker = Picker::new("a1".into(), "s".into(), &refs, &mut matcher);
        for query in ["dr pen", "muller 1", "ref1!2", "cyb^er", "loi$ 3"] {
            for c in query.chars() {
                picker.input(c, &refs, &mut matcher);
                let fresh = fuzzy(&picker.query, &refs, &mut matcher);
                assert_eq!(picker.matches, fresh, "after typing {:?}", picker.query);
            }
            for _ in query.chars() {
                picker.command(Command::Erase, &refs, &mut matcher);
                let fresh = fuzzy(&picker.query, &refs, &mut matcher);
                assert_eq!(picker.matches, fresh, "after erasing to {:?}", picker.query);
            }
        }
        assert!(picker.query.is_empty());
    }

    #[test]
    fn fuzzy_query_then_locator_and_relation() {
        let refs = vec![
            item(
                "loi2016-444",
                "Loi visant à renforcer la lutte contre le système prostitutionnel 2016",
            ),
            item(
                "mouvementdunid-internet",
                "Mouvement du Nid Prostitution et Internet 2020",
            ),
        ];
        let mut matcher = new_matcher();
        let mut picker = Picker::new("a1".into(), "s".into(), &refs, &mut matcher);
        assert_eq!(picker.matches, vec![0, 1]);
        for c in "mvtnid".chars() {
            picker.input(c, &refs, &mut matcher);
        }
        assert_eq!(picker.matches, vec![1]);
        assert_eq!(
            picker.command(Command::Confirm, &refs, &mut matcher),
            PickerOutcome::Stay
        );
        for c in "p. 4".chars() {
            picker.input(c, &refs, &mut matcher);
        }
        picker.command(Command::Complete, &refs, &mut matcher);
        assert_eq!(
            picker.command(Command::Confirm, &refs, &mut matcher),
            PickerOutcome::Cite {
                key: "mouvementdunid-internet".into(),
                locator: Some("p. 4".into()),
                relation: Relation::ALL[1],
            }
        );
    }

    #[test]
    fn the_page_of_the_quote_is_offered_and_can_be_edited() {
        let refs = vec![item("dupont2021", "Dupont 2021")];
        let mut matcher = new_matcher();
        let mut picker = Picker::new("a1".into(), "s".into(), &refs, &mut matcher);
        picker.default_locator = "p. 202".into();
        picker.command(Command::Confirm, &refs, &mut matcher);
        picker.command(Command::Erase, &refs, &mut matcher);
        picker.input('3', &refs, &mut matcher);
        assert_eq!(
            picker.command(Command::Confirm, &refs, &mut matcher),
            PickerOutcome::Cite {
                key: "dupont2021".into(),
                locator: Some("p. 203".into()),
                relation: Relation::Supports,
            }
        );
    }
}
