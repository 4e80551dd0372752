//! The `number` of a chapter or paper is its book's number in its series, as pandoc's BibTeX reader reads it.

use super::entry::Entry;
use super::to_hayagriva_fixes::rebuilt;
use super::to_hayagriva_volumes::IN_A_BOOK;

/// Supplements to a book, whose `number` is, as for the other parts of a book, the book's.
const SUPPLEMENTS: &[&str] = &["suppbook", "suppcollection"];

/// hayagriva's reader makes the number the issue of the book (APA's `(Issue 2, pp. 884–917)`);
/// it is the volume of the book's series, printed with the series and never without it.
pub(crate) fn fix_chapter_series_number(entry: &Entry, converted: &mut hayagriva::Entry) {
    let entry_type = entry.entry_type.as_str();
    let in_a_book = IN_A_BOOK.contains(&entry_type) || SUPPLEMENTS.contains(&entry_type);
    if !in_a_book || entry.get("number").is_none() {
        return;
    }
    let mut parents = converted.parents().to_vec();
    let Some(book) = parents.first_mut() else {
        return;
    };
    let Some(issue) = book.issue().cloned() else {
        return;
    };
    let book_type = *book.entry_type();
    let mut series = book.parents().to_vec();
    let in_series = series.iter_mut().find(|p| {
        (*p.entry_type() == book_type || *p.entry_type() == hayagriva::types::EntryType::Anthology)
            && p.title().is_some()
            && p.volume().is_none()
    });
    if let Some(in_series) = in_series.filter(|_| entry.get("series").is_some()) {
        in_series.set_volume(issue);
    }
    let mut without_issue = rebuilt(book, book.key(), book_type, false);
    without_issue.set_parents(series);
    *book = without_issue;
    converted.set_parents(parents);
}

#[cfg(test)]
mod tests {
    use crate::bib::to_hayagriva_fixes::tests::convert;

    #[test]
    fn a_chapters_number_is_its_books_number_in_the_series() {
        let e = convert(
            "@incollection{k, title = {T}, booktitle = {B}, series = {Handbuch}, number = {2}, year = {1987}}",
        );
        let book = e.parents().first().expect("the book");
        assert_eq!(book.issue(), None);
        let series = book.parents().first().expect("the series");
        assert_eq!(
            series.title().map(|t| t.value.to_string()).as_deref(),
            Some("Handbuch")
        );
        assert_eq!(
            series.volume().map(ToString::to_string).as_deref(),
            Some("2")
        );
        let alone = convert("@inbook{k, title = {T}, booktitle = {B}, number = {3}}");
        assert_eq!(alone.parents().first().and_then(|b| b.issue()), None);
    }
}
