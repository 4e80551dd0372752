//! A long bibliography rendered as runs of entries, one run per core at a time, then joined,
//! whenever that gives exactly what a single render gives.
//!
//! hayagriva's driver looks up each entry's number and its citation by comparing it with every
//! other entry, so one render of 10,000 entries makes some 100,000,000 comparisons. The entries
//! come presorted, and each run is sorted by hayagriva. At each seam, the last entry before it
//! and the first after it are rendered together: they must come out in that order, which proves
//! the runs are in the order a single sort gives, and that render gives the entry after the seam
//! its subsequent-author substitution ("———"). Runs never split entries sharing their first
//! author and year (whose citations may read the same); runs at a seam out of order, or between
//! two runs sharing a citation text (which hayagriva would disambiguate), are merged and rendered
//! again.

use std::collections::HashMap;
use std::ops::Range;

use hayagriva::citationberg::{IndependentStyle, SubsequentAuthorSubstituteRule};

use super::FormattedItem;
use super::presort::{named_people, sorts_by_content};
use crate::cores::map_on_cores;

/// Entries per run: small enough that the quadratic lookups vanish, large enough that seams are
/// few.
pub(crate) const RUN: usize = 400;

/// A run's bibliography items and its citations, in the order its entries were given.
pub(crate) type Rendered = (Vec<FormattedItem>, Vec<String>);

/// Whether `csl` allows rendering in runs: it has a bibliography, which does not show citation
/// numbers when it sorts by content (moving an entry would renumber all after it), and its
/// subsequent-author substitution, if any, only compares whole name lists (so an item depends
/// on the one before it alone).
pub(crate) fn allows_runs(csl: &IndependentStyle) -> bool {
    let Some(bibliography) = &csl.bibliography else {
        return false;
    };
    let numbered = || {
        serde_json::to_string(&(bibliography, &csl.macros))
            .map_or(true, |text| text.contains("citation-number"))
    };
    (bibliography.subsequent_author_substitute.is_none()
        || bibliography.subsequent_author_substitute_rule
            == SubsequentAuthorSubstituteRule::CompleteAll)
        && !(sorts_by_content(csl) && numbered())
}

/// The runs of `entries`, each of `size` entries or more: a run ends where the first author
/// changes, within `size` more entries, else where the first author or the year changes. A single
/// run when the entries are too few to split.
pub(crate) fn runs(entries: &[&hayagriva::Entry], size: usize) -> Vec<Range<usize>> {
    let cited: Vec<(Option<String>, Option<i32>)> = entries.iter().map(|e| cited_as(e)).collect();
    let mut runs = Vec::new();
    let mut start = 0;
    while entries.len() - start >= 2 * size {
        let changes = |from: usize, to: usize, same: &dyn Fn(usize) -> bool| {
            (from..to.min(entries.len())).find(|&end| !same(end))
        };
        let end = changes(start + size, start + 2 * size, &|e| {
            cited[e - 1].0 == cited[e].0
        })
        .or_else(|| changes(start + size, entries.len(), &|e| cited[e - 1] == cited[e]))
        .unwrap_or(entries.len());
        if entries.len() - end < size {
            break;
        }
        runs.push(start..end);
        start = end;
    }
    runs.push(start..entries.len());
    runs
}

/// What ties an entry to entries of other runs, besides a shared citation text.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ties {
    /// Whether an item's text depends on the one before it ("———").
    pub substitutes: bool,
    /// The citation's et-al-min, when citations add names to tell themselves apart.
    pub names_added_past: Option<usize>,
}

impl Ties {
    /// The ties `csl` makes between entries.
    pub(crate) fn of(csl: &IndependentStyle) -> Ties {
        Ties {
            substitutes: csl
                .bibliography
                .as_ref()
                .is_some_and(|b| b.subsequent_author_substitute.is_some()),
            names_added_past: csl.citation.disambiguate_add_names.then(|| {
                let min = csl.citation.name_options.et_al_min;
                min.or(csl.settings.options.et_al_min).unwrap_or(1) as usize
            }),
        }
    }

    /// What `entry`'s citation is compared on with other entries: its text, or its first author
    /// when citations add names and its own are cut short ("et al."), as the names added then
    /// depend on every entry cited so.
    fn key(&self, entry: &hayagriva::Entry, citation: &str) -> String {
        match (self.names_added_past, named_people(entry)) {
            (Some(min), Some(people)) if min > 0 && people.len() >= min => {
                format!("\u{1}{}", people[0].name.to_lowercase())
            }
            _ => citation.to_string(),
        }
    }
}

/// The render of all `entries`, made run by run on every core by `render` (given some entries
/// and the number of entries before them) and joined; rendered at once when joining cannot be
/// exact.
pub(crate) fn render_in_runs<'e>(
    entries: &[&'e hayagriva::Entry],
    size: usize,
    ties: Ties,
    render: impl Fn(&[&'e hayagriva::Entry], usize) -> Option<Rendered> + Sync,
) -> Option<Rendered> {
    let ranges = runs(entries, size);
    if ranges.len() > 1
        && let Some(joined) = joined(entries, ranges, ties, &render)
    {
        return Some(joined);
    }
    render(entries, 0)
}

/// Rounds of merging runs that share a citation text, before giving up on runs.
const ROUNDS: usize = 2;

fn joined<'e>(
    entries: &[&'e hayagriva::Entry],
    ranges: Vec<Range<usize>>,
    ties: Ties,
    render: &(impl Fn(&[&'e hayagriva::Entry], usize) -> Option<Rendered> + Sync),
) -> Option<Rendered> {
    let (ranges, renders) = apart(entries, ranges, ties, render)?;
    let index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key(), i))
        .collect();
    let sorted: Vec<Vec<usize>> = renders
        .iter()
        .map(|(items, _)| {
            items
                .iter()
                .map(|item| index.get(item.key.as_str()).copied())
                .collect()
        })
        .collect::<Option<_>>()?;
    let before = |x: usize, y: usize| {
        let pair = [entries[x.min(y)], entries[x.max(y)]];
        let (items, _) = render(&pair, 0)?;
        match items.as_slice() {
            [first, second] if first.key != second.key => Some(first.key == entries[x].key()),
            _ => None,
        }
    };
    let order = merge(&sorted, before, sorted.len() + 64 + entries.len() / 4)?;
    let citations: Vec<String> = renders
        .iter()
        .flat_map(|(_, c)| c.iter().cloned())
        .collect();
    if citations.len() != entries.len() {
        return None;
    }
    let keys: Vec<String> = entries
        .iter()
        .zip(&citations)
        .map(|(entry, citation)| ties.key(entry, citation))
        .collect();
    let mut items: HashMap<usize, FormattedItem> = sorted
        .iter()
        .flatten()
        .copied()
        .zip(renders.into_iter().flat_map(|(items, _)| items))
        .collect();
    if ties.substitutes {
        let follows: HashMap<usize, Option<usize>> = sorted
            .iter()
            .flat_map(|run| (0..run.len()).map(|j| (run[j], j.checked_sub(1).map(|p| run[p]))))
            .collect();
        let moved: Vec<usize> = (0..order.len())
            .filter(|&i| follows.get(&order[i]) != Some(&i.checked_sub(1).map(|p| order[p])))
            .collect();
        let again = map_on_cores(&moved, |&i| {
            after_its_neighbour(entries, &order, i, &keys, &ranges, render)
        });
        for (i, item) in moved.into_iter().zip(again) {
            items.insert(order[i], item?);
        }
    }
    let items = order
        .iter()
        .map(|i| items.remove(i))
        .collect::<Option<_>>()?;
    Some((items, citations))
}

/// `ranges` re-cut so that no citation key (`Ties::key`) is found in two runs, with each run's
/// render; `None` when that takes more than `ROUNDS` rounds or a render fails.
fn apart<'e>(
    entries: &[&'e hayagriva::Entry],
    mut ranges: Vec<Range<usize>>,
    ties: Ties,
    render: &(impl Fn(&[&'e hayagriva::Entry], usize) -> Option<Rendered> + Sync),
) -> Option<(Vec<Range<usize>>, Vec<Rendered>)> {
    let mut renders: Vec<Option<Rendered>> = vec![None; ranges.len()];
    for _ in 0..=ROUNDS {
        let missing: Vec<usize> = (0..ranges.len())
            .filter(|&i| renders[i].is_none())
            .collect();
        let made = map_on_cores(&missing, |&i| {
            render(&entries[ranges[i].clone()], ranges[i].start)
        });
        for (i, made) in missing.into_iter().zip(made) {
            renders[i] = Some(made?);
        }
        let keys: Vec<Vec<String>> = ranges
            .iter()
            .zip(renders.iter().flatten())
            .map(|(range, (_, citations))| {
                range
                    .clone()
                    .zip(citations)
                    .map(|(e, citation)| ties.key(entries[e], citation))
                    .collect()
            })
            .collect();
        let shared = sharing_citations(&keys);
        if shared.is_empty() {
            return Some((ranges, renders.into_iter().flatten().collect()));
        }
        (ranges, renders) = merged(ranges, renders, &shared);
    }
    None
}

/// The spans of runs (first and last index) between two runs sharing a citation key, which
/// must be rendered as one; sorted and disjoint.
fn sharing_citations(keys: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut run_of_citation: HashMap<&str, usize> = HashMap::new();
    for (index, citations) in keys.iter().enumerate() {
        for citation in citations {
            let first = *run_of_citation.entry(citation).or_insert(index);
            if first != index {
                spans.push((first, index));
            }
        }
    }
    spans.sort_unstable();
    let mut disjoint: Vec<(usize, usize)> = Vec::new();
    for (first, last) in spans {
        match disjoint.last_mut() {
            Some(span) if first <= span.1 => span.1 = span.1.max(last),
            _ => disjoint.push((first, last)),
        }
    }
    disjoint
}

/// `runs` with each span of `spans` made one run, left to be rendered again.
fn merged(
    runs: Vec<Range<usize>>,
    renders: Vec<Option<Rendered>>,
    spans: &[(usize, usize)],
) -> (Vec<Range<usize>>, Vec<Option<Rendered>>) {
    let mut new_runs: Vec<Range<usize>> = Vec::new();
    let mut new_renders = Vec::new();
    let mut spans = spans.iter().peekable();
    for (index, (run, render)) in runs.iter().zip(renders).enumerate() {
        match spans.peek() {
            Some(&&(first, last)) if index >= first => {
                if index == first {
                    new_runs.push(run.start..runs[last].end);
                    new_renders.push(None);
                }
                if index == last {
                    spans.next();
                }
            }
            _ => {
                new_runs.push(run.clone());
                new_renders.push(render);
            }
        }
    }
    (new_runs, new_renders)
}

/// The runs' sorted entries merged into one order, `before(x, y)` telling whether `x` comes
/// first: a run is appended when its first entry comes after the last one so far, else merged.
/// `None` beyond `budget` questions, or when one finds no answer.
fn merge(
    sorted: &[Vec<usize>],
    before: impl Fn(usize, usize) -> Option<bool>,
    budget: usize,
) -> Option<Vec<usize>> {
    let asked = std::cell::Cell::new(0);
    let ask = |x: usize, y: usize| {
        asked.set(asked.get() + 1);
        if asked.get() > budget {
            return None;
        }
        before(x, y)
    };
    let mut order: Vec<usize> = Vec::with_capacity(sorted.iter().map(Vec::len).sum());
    for run in sorted {
        match (order.last(), run.first()) {
            (Some(&last), Some(&first)) if !ask(last, first)? => {
                order = merge_two(&order, run, &ask)?;
            }
            _ => order.extend_from_slice(run),
        }
    }
    Some(order)
}

/// Two sequences in order merged into one, taking from each in turn the entries that come before
/// the other's next one: the questions asked grow with the number of such stretches, not with the
/// entries.
fn merge_two(
    a: &[usize],
    b: &[usize],
    before: &impl Fn(usize, usize) -> Option<bool>,
) -> Option<Vec<usize>> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let taken = i + first_where(&a[i..], |x| before(b[j], x))?;
        merged.extend_from_slice(&a[i..taken]);
        i = taken;
        if i == a.len() {
            break;
        }
        let taken = j + first_where(&b[j..], |y| before(a[i], y))?;
        merged.extend_from_slice(&b[j..taken]);
        j = taken;
    }
    merged.extend_from_slice(&a[i..]);
    merged.extend_from_slice(&b[j..]);
    Some(merged)
}

/// The first index of `items` where `holds` (false, then true, along `items`) is true, or their
/// length: looked for at 0, 2, 6, 14… from the start, then by halving.
fn first_where(items: &[usize], holds: impl Fn(usize) -> Option<bool>) -> Option<usize> {
    let (mut low, mut step) = (0, 1);
    let mut high = loop {
        let probe = low + step - 1;
        if probe >= items.len() {
            break items.len();
        }
        if holds(items[probe])? {
            break probe;
        }
        low = probe + 1;
        step *= 2;
    };
    while low < high {
        let middle = (low + high) / 2;
        if holds(items[middle])? {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    Some(low)
}

/// The item of the entry at `i` in `order` rendered after the entry before it there, with the
/// entries sharing its citation key (which disambiguation looks at), all in their given order;
/// `None` when that render does not put the two next to each other.
fn after_its_neighbour<'e>(
    entries: &[&'e hayagriva::Entry],
    order: &[usize],
    i: usize,
    keys: &[String],
    ranges: &[Range<usize>],
    render: &(impl Fn(&[&'e hayagriva::Entry], usize) -> Option<Rendered> + Sync),
) -> Option<FormattedItem> {
    let entry = order[i];
    let neighbour = i.checked_sub(1).map(|p| order[p]);
    let run = ranges.iter().find(|r| r.contains(&entry))?;
    let mut together: Vec<usize> = run
        .clone()
        .filter(|&e| keys[e] == keys[entry])
        .chain(neighbour)
        .collect();
    together.sort_unstable();
    together.dedup();
    let picked: Vec<&hayagriva::Entry> = together.into_iter().map(|e| entries[e]).collect();
    let (items, _) = render(&picked, i.saturating_sub(1))?;
    let at = items
        .iter()
        .position(|item| item.key == entries[entry].key())?;
    let follows = match neighbour {
        Some(n) => at > 0 && items[at - 1].key == entries[n].key(),
        None => at == 0,
    };
    follows.then(|| items[at].clone())
}

/// What a citation may show of an entry: its first author's family name and its year.
fn cited_as(entry: &hayagriva::Entry) -> (Option<String>, Option<i32>) {
    let first = named_people(entry).map(|people| people[0].name.to_lowercase());
    (first, entry.date().map(|d| d.year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::presort::tests::entry;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const SUBSTITUTES: Ties = Ties {
        substitutes: true,
        names_added_past: None,
    };

    /// A render as hayagriva's would be: items sorted by title, showing their author or "———"
    /// after the same author; citations in the given order.
    fn render(entries: &[&hayagriva::Entry]) -> Rendered {
        let mut sorted = entries.to_vec();
        sorted.sort_by_key(|e| e.title().map(|t| t.value.to_string()));
        let family = |e: &hayagriva::Entry| e.authors().unwrap()[0].name.clone();
        let items = sorted
            .iter()
            .enumerate()
            .map(|(i, e)| FormattedItem {
                key: e.key().to_string(),
                label: None,
                markdown: match i.checked_sub(1).map(|before| family(sorted[before])) {
                    Some(before) if before == family(e) => "———".to_string(),
                    _ => family(e),
                },
            })
            .collect();
        let citations = entries.iter().map(|e| family(e)).collect();
        (items, citations)
    }

    /// `render_in_runs` on entries given as (family, title), in runs of 3, the render of all of
    /// them at once, and how many runs it rendered (seam probes have two entries).
    fn in_runs(cited: &[(&str, &str)]) -> (Option<Rendered>, Rendered, usize) {
        let owned: Vec<_> = cited
            .iter()
            .enumerate()
            .map(|(i, (family, title))| entry(&format!("k{i}"), family, 1900 + i as i32, title))
            .collect();
        let entries: Vec<_> = owned.iter().collect();
        let calls = AtomicUsize::new(0);
        let joined = render_in_runs(&entries, 3, SUBSTITUTES, |run, _| {
            calls.fetch_add(usize::from(run.len() > 2), Ordering::Relaxed);
            Some(render(run))
        });
        (joined, render(&entries), calls.into_inner())
    }

    fn style(sort: &str, bibliography: &str) -> IndependentStyle {
        IndependentStyle::from_xml(&format!(
            r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
            <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
            <citation><layout><text variable="citation-number"/></layout></citation>
            <bibliography><sort><key variable="{sort}"/></sort><layout>{bibliography}</layout></bibliography>
            </style>"#
        ))
        .expect("a valid style")
    }

    #[test]
    fn a_bibliography_sorted_by_content_and_numbered_is_rendered_at_once() {
        let number = r#"<text variable="citation-number"/><text variable="title"/>"#;
        assert!(!allows_runs(&style("title", number)));
        assert!(allows_runs(&style("citation-number", number)));
        assert!(allows_runs(&style("title", r#"<text variable="title"/>"#)));
    }

    #[test]
    fn runs_end_where_the_first_author_changes_else_where_the_year_does() {
        let cited = [
            ("a", 2000),
            ("a", 2001),
            ("a", 2002),
            ("b", 2000),
            ("c", 2000),
            ("c", 2001),
            ("c", 2002),
            ("c", 2003),
            ("c", 2004),
            ("d", 2000),
            ("e", 2000),
        ];
        let owned: Vec<_> = cited
            .iter()
            .enumerate()
            .map(|(i, (family, year))| entry(&i.to_string(), family, *year, "t"))
            .collect();
        let entries: Vec<_> = owned.iter().collect();
        assert_eq!(runs(&entries, 2), vec![0..3, 3..5, 5..7, 7..9, 9..11]);
        assert_eq!(runs(&entries[..3], 2), vec![0..3]);
        assert_eq!(runs(&entries, 100), vec![0..11]);
    }

    #[test]
    fn merging_asks_about_the_overlap_of_runs_only() {
        let asked = AtomicUsize::new(0);
        let before = |x: usize, y: usize| {
            asked.fetch_add(1, Ordering::Relaxed);
            Some(x < y)
        };
        let mut first: Vec<usize> = (100..400).collect();
        first.push(1000);
        let mut second: Vec<usize> = vec![5];
        second.extend(400..900);
        let third: Vec<usize> = (1001..1300).collect();
        let order = merge(&[first, second, third], before, 100).expect("within budget");
        let mut expected: Vec<usize> = vec![5];
        expected.extend(100..900);
        expected.push(1000);
        expected.extend(1001..1300);
        assert_eq!(order, expected);
        assert!(asked.into_inner() < 40);
        assert_eq!(merge(&[vec![3, 4], vec![1, 2]], |_, _| None, 100), None);
    }

    #[test]
    fn runs_in_order_are_rendered_once_each_and_joined() {
        let cited: Vec<_> = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .map(|t| (*t, *t))
            .collect();
        let (joined, whole, calls) = in_runs(&cited);
        assert_eq!(joined, Some(whole));
        assert_eq!(calls, 3);
    }

    #[test]
    fn the_first_entry_of_a_run_takes_its_dash_from_the_entry_before_the_seam() {
        let cited = [
            ("a", "a"),
            ("b", "b"),
            ("x", "c"),
            ("x", "d"),
            ("x", "e"),
            ("f", "f"),
        ];
        let (joined, whole, _) = in_runs(&cited);
        let joined = joined.expect("a render");
        assert_eq!(joined.0[3].markdown, "———");
        assert_eq!(joined, whole);
    }

    #[test]
    fn an_entry_sorted_into_the_wrong_run_is_moved_where_it_belongs() {
        let cited = [
            ("a", "a"),
            ("b", "b"),
            ("c", "c"),
            ("d", "d"),
            ("e", "a2"),
            ("f", "f"),
            ("g", "g"),
            ("h", "h"),
            ("i", "i"),
        ];
        let (joined, whole, calls) = in_runs(&cited);
        assert_eq!(joined, Some(whole));
        assert_eq!(calls, 3, "each run once");
    }

    #[test]
    fn a_citation_read_in_two_runs_merges_the_runs_between_them() {
        let cited = [
            ("same", "a"),
            ("b", "b"),
            ("c", "c"),
            ("d", "d"),
            ("e", "e"),
            ("f", "f"),
            ("same", "g"),
            ("h", "h"),
            ("i", "i"),
            ("j", "j"),
            ("k", "k"),
            ("l", "l"),
        ];
        let (joined, whole, calls) = in_runs(&cited);
        assert_eq!(joined, Some(whole));
        assert_eq!(calls, 5, "four runs, then the first three again as one");
    }

    #[test]
    fn citations_cut_short_by_et_al_tie_runs_by_their_first_author_when_names_are_added() {
        let owned: Vec<_> = (0..12)
            .map(|i| {
                let family = match i {
                    0 | 6 => "same".to_string(),
                    _ => format!("other{i}"),
                };
                entry(&format!("k{i}"), &family, 1900 + i, &i.to_string())
            })
            .collect();
        let entries: Vec<_> = owned.iter().collect();
        let runs_rendered = |ties: Ties| {
            let calls = AtomicUsize::new(0);
            let joined = render_in_runs(&entries, 3, ties, |run, _| {
                calls.fetch_add(usize::from(run.len() > 2), Ordering::Relaxed);
                let (items, _) = render(run);
                let told_apart = run.iter().map(|e| e.key().to_string()).collect();
                Some((items, told_apart))
            });
            assert!(joined.is_some());
            calls.into_inner()
        };
        assert_eq!(runs_rendered(Ties::default()), 4, "citations all differ");
        let names_added = Ties {
            names_added_past: Some(1),
            ..Ties::default()
        };
        assert_eq!(
            runs_rendered(names_added),
            5,
            "the two works of `same` tie the first three runs"
        );
    }

    #[test]
    fn a_failed_run_means_one_render_of_all_and_a_failure_there_means_none() {
        let owned: Vec<_> = (0..9)
            .map(|i| entry(&format!("k{i}"), &i.to_string(), 1900 + i, &i.to_string()))
            .collect();
        let entries: Vec<_> = owned.iter().collect();
        let at_once = render_in_runs(&entries, 3, SUBSTITUTES, |run, before| {
            (before != 3).then(|| render(run))
        });
        assert_eq!(at_once, Some(render(&entries)));
        assert_eq!(render_in_runs(&entries, 3, SUBSTITUTES, |_, _| None), None);
    }
}
