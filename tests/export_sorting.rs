//! The order of a bibliography and its year suffixes, as pandoc 3.9 --citeproc gives them with
//! the same CSL files: sort keys compared word by word, punctuation weighed last, and letters in
//! the bibliography's order, with entries the style sorts alike in citation-key order.

mod common;

use std::path::Path;

use glose::bib::{BibSource, load};
use glose::export::{Formatter, Style};

/// The Markdown entries of `bib` in the shared CSL style `name`, in the bibliography's order, or
/// `None` when ../shared/csl is missing.
fn listed(name: &str, bib: &str) -> Option<Vec<String>> {
    let path = common::shared(&format!("csl/styles/{name}.csl"))?;
    let xml = std::fs::read_to_string(path).expect("a readable CSL file");
    let style = Style::from_csl(name, &xml).expect("a valid CSL style");
    let lib = load(&[BibSource {
        path: Path::new("sorting.bib"),
        text: bib,
    }]);
    let mut formatter = Formatter::new(style, "en-US").expect("a known locale");
    let entries: Vec<_> = lib.entries().iter().collect();
    let items = formatter.bibliography(&entries).items;
    Some(items.into_iter().map(|i| i.markdown).collect())
}

/// The entry of `items` that contains `text`.
fn with<'a>(items: &'a [String], text: &str) -> &'a str {
    items
        .iter()
        .find(|i| i.contains(text))
        .unwrap_or_else(|| panic!("no entry contains {text:?} in {items:#?}"))
}

#[test]
fn entries_sorted_alike_take_their_letters_in_citation_key_order() {
    // ISO 690 sorts by author and year only: both works tie, and `a_later` comes first by key.
    let bib = "@article{b_earlier, author = {Beeton, Barbara}, title = {Another title}, journal = {TUGboat}, year = {1990}}
@article{a_later, author = {Beeton, Barbara}, title = {Zebra title}, journal = {TUGboat}, year = {1990}}";
    let Some(items) = listed("iso690-author-date-fr", bib) else {
        return;
    };
    assert!(with(&items, "Zebra").contains("1990a"), "{items:#?}");
    assert!(with(&items, "Another").contains("1990b"), "{items:#?}");
}

#[test]
fn letters_follow_the_titles_when_the_style_sorts_by_title() {
    let bib = "@article{a_first, author = {Beeton, Barbara}, title = {Zebra title}, journal = {TUGboat}, year = {1990}}
@article{b_second, author = {Beeton, Barbara}, title = {Another title}, journal = {TUGboat}, year = {1990}}";
    let Some(items) = listed("apa", bib) else {
        return;
    };
    assert!(with(&items, "Another").contains("1990a"), "{items:#?}");
    assert!(with(&items, "Zebra").contains("1990b"), "{items:#?}");
}

#[test]
fn a_date_shown_by_year_only_sorts_alike_with_a_date_of_only_a_year() {
    // APA sorts a @misc by its full date and an article by its year: with only a year given,
    // both tie, and the work without a title (an empty sort key) comes first.
    let bib = "@misc{Fellows89, author = {Michael R. Fellows}, note = {Personal communication}, year = 1989}
@article{Fellows89a, author = {Michael R. Fellows}, title = {The {R}obertson-{S}eymour theorems: {A} survey of applications}, journal = {Contemporary Mathematics}, volume = 89, year = 1989, pages = {1-18}}";
    let Some(items) = listed("apa", bib) else {
        return;
    };
    assert_eq!(items[0], "Fellows, M. R. (1989a).", "{items:#?}");
    assert!(items[1].contains("(1989b). The Robertson"), "{items:#?}");
}

#[test]
fn a_title_that_begins_a_longer_one_sorts_first_whatever_its_punctuation() {
    let bib = "@article{revised, author = {Beeton, Barbara}, title = {Mathematical Symbols Ready for Distribution (Revised)}, journal = {TUGboat}, year = {1985}}
@article{first, author = {Beeton, Barbara}, title = {Mathematical Symbols Ready for Distribution}, journal = {TUGboat}, year = {1985}}
@article{part2, author = {Porat, O.}, title = {Defect Chemistry. Part II: Electrical Conductivity}, journal = {Solid State Ionics}, year = {1994}}
@article{part1, author = {Porat, O.}, title = {Defect Chemistry. Part I: Non-Stoichiometry}, journal = {Solid State Ionics}, year = {1994}}";
    let Some(items) = listed("chicago-author-date", bib) else {
        return;
    };
    assert!(
        with(&items, "Distribution.”").contains("1985a"),
        "{items:#?}"
    );
    assert!(with(&items, "(Revised)").contains("1985b"), "{items:#?}");
    let Some(items) = listed("modern-language-association", bib) else {
        return;
    };
    let part1 = items.iter().position(|i| i.contains("Part I:"));
    let part2 = items.iter().position(|i| i.contains("Part II:"));
    assert!(part1 < part2, "{items:#?}");
    assert!(with(&items, "Part II:").starts_with("———."), "{items:#?}");
}
