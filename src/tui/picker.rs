//! The citation picker's state: a fuzzy query over the library, then a locator and a relation.

use nucleo_matcher::Matcher;

use super::action::Command;
use super::awaited::Awaited;
use super::data::{RefItem, Refs};
use super::fuzzy;
use super::matching::Matched;
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
    awaited: Awaited,
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
    pub fn new(target: String, source: String, refs: &Refs) -> Picker {
        let mut picker = Picker {
            target,
            source,
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
            stage: Stage::Search,
            default_locator: String::new(),
            awaited: Awaited::default(),
        };
        picker.show_blank(refs);
        picker
    }

    pub fn highlighted<'a>(&self, refs: &'a [RefItem]) -> Option<&'a RefItem> {
        self.matches.get(self.selected).and_then(|i| refs.get(*i))
    }

    /// Whether the matches shown are not yet those of the query typed in this library.
    pub fn matching(&self, refs: &Refs) -> bool {
        self.awaited.stale(&self.query, refs)
    }

    /// The query to have matched in `refs`, once per query: the matches shown are of another one.
    pub fn wanted(&mut self, refs: &Refs) -> Option<String> {
        self.show_blank(refs);
        self.awaited.ask(&self.query, refs)
    }

    /// Shows matches that came back, if they are those of the query typed in `refs`.
    pub fn matched(&mut self, matched: Matched, refs: &Refs) {
        if self.awaited.answers(&matched, &self.query, refs) {
            self.show(matched.matches, refs);
        }
    }

    pub fn input(&mut self, c: char, refs: &Refs) {
        match &mut self.stage {
            Stage::Search => {
                self.query.push(c);
                self.show_blank(refs);
            }
            Stage::Details { locator, .. } => locator.push(c),
        }
    }

    /// Handles a command; choosing before the matches came matches the query here and now.
    pub fn command(
        &mut self,
        command: Command,
        refs: &Refs,
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
                self.show_blank(refs);
            }
            (Stage::Search, Command::Confirm) => {
                if self.matching(refs) {
                    let matches = fuzzy::fuzzy(&self.query, refs, matcher);
                    self.show(matches, refs);
                }
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

    /// A blank query shows the whole library at once, without asking the matching thread.
    fn show_blank(&mut self, refs: &Refs) {
        if self.query.trim().is_empty() && self.matching(refs) {
            self.show((0..refs.len()).collect(), refs);
        }
    }

    fn show(&mut self, matches: Vec<usize>, refs: &Refs) {
        self.matches = matches;
        self.selected = 0;
        self.awaited.showing(&self.query, refs);
    }
}

fn next_relation(relation: Relation) -> Relation {
    let all = Relation::ALL;
    let at = all.iter().position(|r| *r == relation).unwrap_or(0);
    all[(at + 1) % all.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fuzzy::tests::item;

    fn library() -> Refs {
        vec![
            item(
                "loi2016-444",
                "Loi visant à renforcer la lutte contre le système prostitutionnel 2016",
            ),
            item(
                "mouvementdunid-internet",
                "Mouvement du Nid Prostitution et Internet 2020",
            ),
        ]
        .into()
    }

    /// Answers the query the picker wants matched, as the matching thread would.
    fn answer(picker: &mut Picker, refs: &Refs) {
        while let Some(query) = picker.wanted(refs) {
            let matches = fuzzy::fuzzy(&query, refs, &mut fuzzy::new_matcher());
            let refs_sent = refs.clone();
            picker.matched(
                Matched {
                    query,
                    refs: refs_sent,
                    matches,
                },
                refs,
            );
        }
    }

    #[test]
    fn only_the_matches_of_the_query_typed_are_shown() {
        let refs = library();
        let mut picker = Picker::new("a1".into(), "s".into(), &refs);
        assert_eq!(picker.matches, vec![0, 1]);
        assert!(!picker.matching(&refs));
        assert_eq!(picker.wanted(&refs), None, "a blank query is shown at once");
        picker.input('l', &refs);
        assert!(picker.matching(&refs));
        assert_eq!(picker.wanted(&refs).as_deref(), Some("l"));
        assert_eq!(picker.wanted(&refs), None, "asked once");
        picker.input('o', &refs);
        assert_eq!(picker.wanted(&refs).as_deref(), Some("lo"));
        let late = Matched {
            query: "l".into(),
            refs: refs.clone(),
            matches: vec![1],
        };
        picker.matched(late, &refs);
        assert_eq!(
            picker.matches,
            vec![0, 1],
            "matches of an older query are dropped"
        );
        let other = library();
        let stale = Matched {
            query: "lo".into(),
            refs: other.clone(),
            matches: vec![1],
        };
        picker.matched(stale, &refs);
        assert!(
            picker.matching(&refs),
            "matches in another library are dropped"
        );
        picker.matched(
            Matched {
                query: "lo".into(),
                refs: refs.clone(),
                matches: vec![0],
            },
            &refs,
        );
        assert!(!picker.matching(&refs));
        assert_eq!(picker.matches, vec![0]);
        assert!(
            picker.matching(&other),
            "a new read of the library is matched again"
        );
        assert_eq!(picker.wanted(&other).as_deref(), Some("lo"));
        picker.command(Command::Erase, &refs, &mut fuzzy::new_matcher());
        picker.command(Command::Erase, &refs, &mut fuzzy::new_matcher());
        assert!(!picker.matching(&refs));
        assert_eq!(picker.matches, vec![0, 1]);
    }

    #[test]
    fn fuzzy_query_then_locator_and_relation() {
        let refs = library();
        let mut matcher = fuzzy::new_matcher();
        let mut picker = Picker::new("a1".into(), "s".into(), &refs);
        for c in "mvtnid".chars() {
            picker.input(c, &refs);
            answer(&mut picker, &refs);
        }
        assert_eq!(picker.matches, vec![1]);
        assert_eq!(
            picker.command(Command::Confirm, &refs, &mut matcher),
            PickerOutcome::Stay
        );
        for c in "p. 4".chars() {
            picker.input(c, &refs);
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
    fn choosing_before_the_matches_come_chooses_among_those_of_the_query_typed() {
        let refs = library();
        let mut matcher = fuzzy::new_matcher();
        let mut picker = Picker::new("a1".into(), "s".into(), &refs);
        for c in "mvtnid".chars() {
            picker.input(c, &refs);
        }
        assert_eq!(
            picker.highlighted(&refs).map(|r| r.key.as_str()),
            Some("loi2016-444")
        );
        picker.command(Command::Confirm, &refs, &mut matcher);
        assert!(matches!(
            &picker.stage,
            Stage::Details { key, .. } if key == "mouvementdunid-internet"
        ));
        assert!(!picker.matching(&refs));
    }

    #[test]
    fn the_page_of_the_quote_is_offered_and_can_be_edited() {
        let refs: Refs = vec![item("dupont2021", "Dupont 2021")].into();
        let mut matcher = fuzzy::new_matcher();
        let mut picker = Picker::new("a1".into(), "s".into(), &refs);
        picker.default_locator = "p. 202".into();
        picker.command(Command::Confirm, &refs, &mut matcher);
        picker.command(Command::Erase, &refs, &mut matcher);
        picker.input('3', &refs);
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
