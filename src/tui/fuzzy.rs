//! Fuzzy matching of the library with nucleo: key, authors, title, year and journal or publisher.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::data::RefItem;

/// How many references are scored between two looks at whether the work is still wanted.
const CHUNK: usize = 512;

pub fn new_matcher() -> Matcher {
    Matcher::new(Config::DEFAULT)
}

/// Indexes of the references matching `query`, best first; all of them for an empty query.
pub fn fuzzy(query: &str, refs: &[RefItem], matcher: &mut Matcher) -> Vec<usize> {
    scored(query, refs, None, matcher, &|| false).unwrap_or_default()
}

/// Like [`fuzzy`], looking only at `among` (the matches of a query this one narrows, when given);
/// `None` once `stop` says the result is no longer wanted.
pub fn scored(
    query: &str,
    refs: &[RefItem],
    among: Option<&[usize]>,
    matcher: &mut Matcher,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<usize>> {
    if query.trim().is_empty() {
        return Some((0..refs.len()).collect());
    }
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let all: Vec<usize>;
    let among = match among {
        Some(among) => among,
        None => {
            all = (0..refs.len()).collect();
            &all
        }
    };
    let mut scored: Vec<(u32, usize)> = Vec::new();
    for chunk in among.chunks(CHUNK) {
        if stop() {
            return None;
        }
        scored.extend(chunk.iter().filter_map(|&i| {
            let haystack = refs.get(i)?.haystack.slice(..);
            pattern.score(haystack, matcher).map(|score| (score, i))
        }));
    }
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Some(scored.into_iter().map(|(_, i)| i).collect())
}

/// Whether every match of `longer` is a match of `shorter`, its prefix: typing after a non-blank
/// query can only narrow it, unless negation, anchor, exact-match or escape syntax is involved,
/// whose meaning a further character can change.
pub fn narrows(shorter: &str, longer: &str) -> bool {
    longer.starts_with(shorter)
        && !shorter.trim().is_empty()
        && !longer.contains(['!', '^', '$', '\'', '\\'])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn item(key: &str, haystack: &str) -> RefItem {
        RefItem {
            key: key.into(),
            summary: key.into(),
            haystack: format!("{key} {haystack}").as_str().into(),
            fields: vec![],
            place: String::new(),
        }
    }

    #[test]
    fn best_first_and_everything_for_a_blank_query() {
        let refs = vec![
            item("a", "Droit pénal 2016"),
            item("b", "Prostitution et Internet"),
            item("c", "droit penal general"),
        ];
        let mut matcher = new_matcher();
        assert_eq!(fuzzy("  ", &refs, &mut matcher), vec![0, 1, 2]);
        let found = fuzzy("penal", &refs, &mut matcher);
        assert_eq!(found.len(), 2);
        assert!(found.contains(&0) && found.contains(&2));
        assert_eq!(fuzzy("internet", &refs, &mut matcher), vec![1]);
    }

    #[test]
    fn a_stopped_search_gives_nothing() {
        let refs: Vec<RefItem> = (0..2000).map(|i| item(&format!("r{i}"), "x")).collect();
        let mut matcher = new_matcher();
        assert_eq!(scored("r1", &refs, None, &mut matcher, &|| true), None);
        let among = [5, 10, 15];
        let some = scored("r", &refs, Some(&among), &mut matcher, &|| false);
        assert_eq!(some, Some(vec![5, 10, 15]));
    }

    #[test]
    fn narrowing_needs_a_plain_prefix() {
        assert!(narrows("dup", "dupont"));
        assert!(narrows("dup", "dup 2010"));
        assert!(!narrows("", "d"));
        assert!(!narrows(" ", " d"));
        assert!(!narrows("dup", "du"));
        assert!(!narrows("dup", "dup!ont"));
        assert!(!narrows("ab", "ab$"));
        assert!(!narrows("ab", "xab"));
    }
}
