//! crossref/xdata inheritance, resolved by glose with a cycle check (parents before children).

use std::collections::HashMap;

use super::diagnostic::{DiagnosticKind, Severity};
use super::entry::Entry;
use super::field::Field;

/// Fields biblatex never inherits, plus identifiers that belong to one work only.
const NOT_INHERITED: &[&str] = &[
    "ids",
    "crossref",
    "xdata",
    "xref",
    "entryset",
    "entrysubtype",
    "execute",
    "label",
    "options",
    "presort",
    "related",
    "relatedoptions",
    "relatedstring",
    "relatedtype",
    "shorthand",
    "shorthandintro",
    "sortkey",
    "doi",
];

/// A problem found while resolving, located at a field of `entry`.
pub(crate) struct Issue {
    pub entry: usize,
    pub field: &'static str,
    pub severity: Severity,
    pub kind: DiagnosticKind,
    pub message: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    Active,
    Done,
}

/// Adds inherited fields to every entry whose parents are found and not in a cycle.
pub(crate) fn resolve(entries: &mut [Entry], first_by_key: &HashMap<String, usize>) -> Vec<Issue> {
    let mut issues = Vec::new();
    let lower: HashMap<String, usize> = if entries.iter().any(has_parents) {
        first_by_key
            .iter()
            .map(|(k, &i)| (k.to_lowercase(), i))
            .collect()
    } else {
        return issues;
    };
    let edges: Vec<Vec<usize>> = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            parent_keys(entry)
                .filter_map(|(field, key)| {
                    let found = first_by_key.get(&key).or_else(|| lower.get(&key.to_lowercase()));
                    if found.is_none() {
                        issues.push(Issue {
                            entry: i,
                            field,
                            severity: Severity::Warning,
                            kind: DiagnosticKind::MissingParent,
                            message: format!(
                                "entry `{}` has {field} `{key}`, which no loaded file defines: add `{key}` or remove the {field}",
                                entry.key
                            ),
                        });
                    }
                    found.copied().filter(|&p| p != i || report_self(&mut issues, entry, i, field))
                })
                .collect()
        })
        .collect();
    let (order, cycles) = post_order(&edges);
    let mut in_cycle = vec![false; entries.len()];
    for cycle in &cycles {
        let names: Vec<&str> = cycle.iter().map(|&i| entries[i].key.as_str()).collect();
        let chain = format!("{} -> {}", names.join(" -> "), names[0]);
        for &i in cycle {
            in_cycle[i] = true;
            issues.push(Issue {
                entry: i,
                field: "crossref",
                severity: Severity::Error,
                kind: DiagnosticKind::CrossrefCycle,
                message: format!(
                    "crossref cycle {chain}: remove one of these crossrefs; the entries are loaded without inheritance"
                ),
            });
        }
    }
    for node in order {
        if in_cycle[node] {
            continue;
        }
        for &parent in &edges[node] {
            let inherited = inherited_fields(&entries[parent], &entries[node]);
            entries[node].fields.extend(inherited);
        }
    }
    issues
}

fn report_self(issues: &mut Vec<Issue>, entry: &Entry, i: usize, field: &'static str) -> bool {
    issues.push(Issue {
        entry: i,
        field,
        severity: Severity::Error,
        kind: DiagnosticKind::CrossrefCycle,
        message: format!(
            "entry `{}` names itself in its {field}: remove it",
            entry.key
        ),
    });
    false
}

fn has_parents(entry: &Entry) -> bool {
    parent_keys(entry).next().is_some()
}

fn parent_keys(entry: &Entry) -> impl Iterator<Item = (&'static str, String)> + '_ {
    let crossref = entry
        .field("crossref")
        .map(|f| ("crossref", f.value().trim().to_string()));
    let xdata = entry.field("xdata").into_iter().flat_map(|f| {
        f.value()
            .split(',')
            .map(|k| ("xdata", k.trim().to_string()))
            .collect::<Vec<_>>()
    });
    crossref
        .into_iter()
        .chain(xdata)
        .filter(|(_, k)| !k.is_empty())
}

/// Depth-first post-order over parent edges without recursion, and the cycles met.
fn post_order(edges: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut state = vec![State::New; edges.len()];
    let mut order = Vec::with_capacity(edges.len());
    let mut cycles = Vec::new();
    for root in 0..edges.len() {
        if state[root] != State::New || edges[root].is_empty() {
            continue;
        }
        state[root] = State::Active;
        let mut stack = vec![(root, 0usize)];
        while let Some((node, next)) = stack.last().copied() {
            if let Some(&parent) = edges[node].get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match state[parent] {
                    State::New => {
                        state[parent] = State::Active;
                        stack.push((parent, 0));
                    }
                    State::Active => {
                        let from = stack.iter().position(|&(n, _)| n == parent).unwrap_or(0);
                        cycles.push(stack[from..].iter().map(|&(n, _)| n).collect());
                    }
                    State::Done => {}
                }
            } else {
                state[node] = State::Done;
                order.push(node);
                stack.pop();
            }
        }
    }
    (order, cycles)
}

fn inherited_fields(parent: &Entry, child: &Entry) -> Vec<Field> {
    let contained = child.entry_type.starts_with("in");
    let mut out: Vec<Field> = Vec::new();
    let has = |name: &str, out: &[Field]| child.fields.iter().chain(out).any(|f| f.name() == name);
    for field in &parent.fields {
        let name = if contained && field.name() == "title" {
            "booktitle"
        } else {
            field.name()
        };
        if NOT_INHERITED.contains(&name) || has(name, &out) {
            continue;
        }
        if contained
            && name == "booktitle"
            && field.name() == "booktitle"
            && parent.get("title").is_some()
        {
            continue;
        }
        out.push(field.inherited(name, &parent.key));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::entry::tests::entry;

    fn run(entries: &mut [Entry]) -> Vec<Issue> {
        let mut map = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            map.entry(e.key.clone()).or_insert(i);
        }
        resolve(entries, &map)
    }

    #[test]
    fn child_inherits_missing_fields_and_title_as_booktitle() {
        let mut child = entry(
            "c",
            &[("title", "Child"), ("crossref", "p"), ("year", "2021")],
        );
        child.entry_type = "inproceedings".into();
        let parent = entry(
            "p",
            &[
                ("title", "Proc"),
                ("year", "2020"),
                ("publisher", "ACM"),
                ("doi", "10.1/p"),
            ],
        );
        let mut entries = vec![child, parent];
        let issues = run(&mut entries);
        assert!(issues.is_empty());
        let c = &entries[0];
        assert_eq!(c.get("booktitle"), Some("Proc"));
        assert_eq!(c.get("title"), Some("Child"));
        assert_eq!(c.get("year"), Some("2021"));
        assert_eq!(c.get("publisher"), Some("ACM"));
        assert_eq!(c.get("doi"), None);
        assert_eq!(
            c.field("publisher").and_then(Field::inherited_from),
            Some("p")
        );
    }

    #[test]
    fn cascading_crossrefs_and_xdata() {
        let a = entry("a", &[("crossref", "b")]);
        let b = entry("b", &[("crossref", "c"), ("xdata", "x1, x2")]);
        let c = entry("c", &[("location", "Paris")]);
        let x1 = entry("x1", &[("publisher", "P")]);
        let x2 = entry("x2", &[("series", "S")]);
        let mut entries = vec![a, b, c, x1, x2];
        assert!(run(&mut entries).is_empty());
        assert_eq!(entries[0].get("location"), Some("Paris"));
        assert_eq!(entries[0].get("series"), Some("S"));
        assert_eq!(
            entries[0].field("location").and_then(Field::inherited_from),
            Some("c")
        );
    }

    #[test]
    fn a_cycle_is_an_error_and_its_entries_load_without_inheritance() {
        let circ1 = entry("circ1", &[("crossref", "circ3"), ("note", "1")]);
        let circ2 = entry("circ2", &[("crossref", "circ1"), ("title", "2")]);
        let circ3 = entry("circ3", &[("crossref", "circ2"), ("year", "3")]);
        let outside = entry("o", &[("crossref", "circ1")]);
        let mut entries = vec![circ1, circ2, circ3, outside];
        let issues = run(&mut entries);
        let cycle: Vec<_> = issues
            .iter()
            .filter(|i| i.kind == DiagnosticKind::CrossrefCycle)
            .collect();
        assert_eq!(cycle.len(), 3);
        assert!(cycle.iter().all(|i| i.severity == Severity::Error));
        assert!(
            cycle[0]
                .message
                .contains("circ1 -> circ3 -> circ2 -> circ1")
        );
        assert_eq!(entries[0].fields.len(), 2);
        assert_eq!(entries[3].get("note"), Some("1"));
    }

    #[test]
    fn missing_parent_and_self_reference() {
        let mut entries = vec![
            entry("a", &[("crossref", "nowhere")]),
            entry("s", &[("crossref", "s")]),
        ];
        let issues = run(&mut entries);
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].kind, DiagnosticKind::MissingParent);
        assert!(issues[0].message.contains("`nowhere`"));
        assert_eq!(issues[1].kind, DiagnosticKind::CrossrefCycle);
    }

    #[test]
    fn long_chains_do_not_overflow_the_stack() {
        let mut entries: Vec<Entry> = (0..20_000)
            .map(|i| entry(&format!("k{i}"), &[("crossref", &format!("k{}", i + 1))]))
            .collect();
        entries.push(entry("k20000", &[("publisher", "End")]));
        assert!(run(&mut entries).is_empty());
        assert_eq!(entries[0].get("publisher"), Some("End"));
    }
}
