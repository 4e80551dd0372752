//! How dates render in the built-in and shared CSL styles: ranges, their year letters, years of
//! two years and original dates; each test is an entry on which glose once differed from pandoc
//! --citeproc (see docs/conformance.md).

use super::format::tests::{apa_items, items_in, markdown_of};

/// Entries dated by a range: the same year and month, across years, and open.
const DATE_RANGES: &str = "@online{days, author = {Smith, John}, title = {Days}, date = {1996-12-10/1996-12-12}, url = {https://example.org/days}}
@online{years, author = {Jones, Ann}, title = {Years}, date = {2004-03-03/2005-08-09}, url = {https://example.org/years}}
@article{issue, author = {Black, Bea}, title = {Issue}, journaltitle = {Mag}, entrysubtype = {magazine}, date = {2004-03-03/2005-08-09}}
@book{open, author = {Red, Rob}, title = {Open}, date = {1034/}, publisher = {P}}";

#[test]
fn a_date_range_within_a_month_writes_its_month_and_year_once() {
    let apa = apa_items(DATE_RANGES, "en-US");
    let days = markdown_of(&apa, "days");
    assert!(
        days.starts_with("Smith, J. (1996, December 10–12)."),
        "{days}"
    );
    let chicago = items_in("chicago-author-date", DATE_RANGES, "en-US");
    let days = markdown_of(&chicago, "days");
    assert!(
        days.starts_with("Smith, John. 1996. “Days.” December 10–12."),
        "{days}"
    );
}

#[test]
fn a_date_range_across_years_writes_both_dates_whole() {
    let apa = apa_items(DATE_RANGES, "en-US");
    let years = markdown_of(&apa, "years");
    assert!(
        years.starts_with("Jones, A. (2004–2005, March 3–August 9)."),
        "{years}"
    );
    let chicago = items_in("chicago-author-date", DATE_RANGES, "en-US");
    let issue = markdown_of(&chicago, "issue");
    assert!(
        issue.starts_with("Black, Bea. 2004–2005. “Issue.” *Mag*, March 3–August 9."),
        "{issue}"
    );
}

#[test]
fn an_open_date_range_ends_with_its_delimiter() {
    let apa = apa_items(DATE_RANGES, "en-US");
    let open = markdown_of(&apa, "open");
    assert!(open.starts_with("Red, R. (1034–)."), "{open}");
    let chicago = items_in("chicago-author-date", DATE_RANGES, "en-US");
    let open = markdown_of(&chicago, "open");
    assert!(open.starts_with("Red, Rob. 1034–."), "{open}");
}

#[test]
fn the_year_suffix_of_a_date_range_follows_its_last_year() {
    let text =
        "@book{one, author = {Brown, Bob}, title = {One}, date = {1996/1997}, publisher = {P}}
@book{two, author = {Brown, Bob}, title = {Two}, date = {1996/1997}, publisher = {P}}
@book{open, author = {Brown, Bob}, title = {Open}, date = {1034/}, publisher = {P}}
@book{again, author = {Brown, Bob}, title = {Open again}, date = {1034/}, publisher = {P}}";
    for style in ["apa", "chicago-author-date"] {
        let items = items_in(style, text, "en-US");
        let one = markdown_of(&items, "one");
        assert!(one.contains("1996–1997a"), "{style}: {one}");
        let again = markdown_of(&items, "again");
        assert!(again.contains("1034–b"), "{style}: {again}");
    }
}

#[test]
fn a_year_and_open_ranges_from_it_take_letters_together() {
    let text = "@book{single, author = {Smith, Alan}, title = {T1}, date = {1034}, publisher = {P}}
@book{open, author = {Smith, Alan}, title = {T2}, date = {1034/}, publisher = {P}}
@book{again, author = {Smith, Alan}, title = {T3}, date = {1034/}, publisher = {P}}";
    for style in ["apa", "chicago-author-date"] {
        let items = items_in(style, text, "en-US");
        let years: Vec<String> = ["single", "open", "again"]
            .iter()
            .map(|key| markdown_of(&items, key))
            .collect();
        assert!(years[0].contains("1034a"), "{style}: {years:?}");
        assert!(years[1].contains("1034–b"), "{style}: {years:?}");
        assert!(years[2].contains("1034–c"), "{style}: {years:?}");
    }
}

#[test]
fn a_range_of_years_drops_the_prefix_of_its_second_year() {
    let text = "@inproceedings{years, author = {Smith, Alan}, title = {Talk}, booktitle = {Book}, date = {1990/1999}}";
    let items = items_in("ieee", text, "en-US");
    let years = markdown_of(&items, "years");
    assert!(years.ends_with("1990–1999."), "{years}");
}

#[test]
fn a_year_of_two_years_is_a_range() {
    let text = "@article{herion, author = {Herion, J.}, title = {Ion beams}, journal = {Applications of Surface Science}, year = {1982--1983}, volume = 14}
@article{dated, author = {Herion, J.}, title = {Dated}, journal = {J}, year = {1982--1983}, date = {1984}}";
    let items = apa_items(text, "en-US");
    assert!(
        markdown_of(&items, "herion").contains("(1982–1983)"),
        "{items:?}"
    );
    assert!(markdown_of(&items, "dated").contains("(1984)"), "{items:?}");
}

#[test]
fn an_original_date_is_printed_as_the_style_asks() {
    let text = "@book{freud, author = {Freud, Sigmund}, title = {The interpretation of dreams}, publisher = {Basic Books}, date = {2010}, origdate = {1900}}
@book{undated, author = {Freud, Anna}, title = {Undated}, publisher = {P}, origdate = {1936}}";
    let apa = apa_items(text, "en-US");
    let book = markdown_of(&apa, "freud");
    assert!(
        book.contains("(2010)") && book.ends_with("(Original work published 1900)"),
        "{book}"
    );
    assert!(markdown_of(&apa, "undated").contains("(n.d.)"), "{apa:?}");
    let chicago = markdown_of(&items_in("chicago-author-date", text, "en-US"), "freud");
    assert!(chicago.contains("(1900) 2010"), "{chicago}");
}
