//! One volume of a multi-volume work (`maintitle`, `volume`, `part`), as pandoc's BibTeX reader maps it to CSL.

use hayagriva::types::{EntryType, FormatString};

/// Entry types whose `booktitle` is the title of the book they are in.
pub(crate) const IN_A_BOOK: &[&str] = &[
    "inbook",
    "incollection",
    "inproceedings",
    "inreference",
    "bookinbook",
];

/// `fields` (name, biblatex text, titles joined to their subtitles) with the main title as the
/// work's title (a book's) or its container's (a chapter's), and the title of the volume taken
/// out, to be CSL's volume-title; `part` is run on to the volume (`7.2`).
pub(crate) fn multi_volume(
    entry_type: &str,
    mut fields: Vec<(String, String)>,
) -> (Vec<(String, String)>, Option<String>) {
    run_on_part(&mut fields);
    let Some(main) = take(&mut fields, "maintitle") else {
        return (fields, None);
    };
    let own = if IN_A_BOOK.contains(&entry_type) {
        "booktitle"
    } else {
        take(&mut fields, "shorttitle");
        "title"
    };
    let volume_title = take(&mut fields, own);
    fields.push((own.to_string(), main));
    (fields, volume_title)
}

/// `converted` with `volume_title` (read like its other titles) as the title of its volume.
pub(crate) fn with_volume_title(
    mut converted: hayagriva::Entry,
    volume_title: Option<hayagriva::Entry>,
) -> hayagriva::Entry {
    let Some(title) = volume_title.as_ref().and_then(|v| v.title()) else {
        return converted;
    };
    let mut volume = hayagriva::Entry::new(converted.key(), EntryType::Scene);
    volume.set_title(FormatString {
        value: title.value.clone(),
        short: None,
    });
    let mut parents = converted.parents().to_vec();
    parents.push(volume);
    converted.set_parents(parents);
    converted
}

/// `volume = {7}, part = {2}` as `volume = {7.2}`, a part alone as the volume.
fn run_on_part(fields: &mut Vec<(String, String)>) {
    let Some(part) = take(fields, "part") else {
        return;
    };
    match fields.iter_mut().find(|(name, _)| name == "volume") {
        Some((_, volume)) => *volume = format!("{volume}.{part}"),
        None => fields.push(("volume".to_string(), part)),
    }
}

fn take(fields: &mut Vec<(String, String)>, name: &str) -> Option<String> {
    let at = fields.iter().position(|(n, _)| n == name)?;
    Some(fields.remove(at).1).filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::to_hayagriva_titles::tests::fields;

    #[test]
    fn a_volume_of_a_book_has_the_main_title_and_its_own_as_volume_title() {
        let (out, volume) = multi_volume(
            "book",
            fields(&[
                ("title", "Biographia literaria"),
                ("shorttitle", "Biographia"),
                ("maintitle", "The collected works"),
                ("volume", "7"),
                ("part", "2"),
            ]),
        );
        assert_eq!(volume.as_deref(), Some("Biographia literaria"));
        assert_eq!(
            out,
            fields(&[("volume", "7.2"), ("title", "The collected works")])
        );
    }

    #[test]
    fn a_chapter_is_in_the_main_work_and_its_book_is_the_volume_title() {
        let (out, volume) = multi_volume(
            "inbook",
            fields(&[
                ("title", "Kritik der Urtheilskraft"),
                ("booktitle", "Kritik der praktischen Vernunft"),
                ("maintitle", "Kants Werke"),
            ]),
        );
        assert_eq!(volume.as_deref(), Some("Kritik der praktischen Vernunft"));
        assert_eq!(
            out,
            fields(&[
                ("title", "Kritik der Urtheilskraft"),
                ("booktitle", "Kants Werke")
            ])
        );
    }

    #[test]
    fn without_a_main_title_only_the_part_moves() {
        let kept = fields(&[("title", "T"), ("volume", "2")]);
        assert_eq!(multi_volume("book", kept.clone()), (kept, None));
        let (out, _) = multi_volume("book", fields(&[("title", "T"), ("part", "3")]));
        assert_eq!(out, fields(&[("title", "T"), ("volume", "3")]));
    }
}
