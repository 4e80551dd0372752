//! Printed page labels from the catalog's `/PageLabels` number tree ("201", "iv", "A-3").

use pdf_extract::{Dictionary, Document, Object, decode_text_string};

/// The numbering style of a label range (`/S`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Decimal,
    LowerRoman,
    UpperRoman,
    LowerLetters,
    UpperLetters,
    /// Prefix only.
    None,
}

/// Pages from `first_page` (0-based) on are labelled `prefix` + the number `start`, `start + 1`, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRange {
    pub first_page: usize,
    pub style: Style,
    pub prefix: String,
    pub start: u32,
}

/// The label of each of `count` pages; pages no range covers are numbered 1, 2, 3…
pub fn labels(ranges: &[LabelRange], count: usize) -> Vec<String> {
    let mut ranges = ranges.to_vec();
    ranges.sort_by_key(|r| r.first_page);
    (0..count)
        .map(
            |page| match ranges.iter().rev().find(|r| r.first_page <= page) {
                Some(range) => {
                    let number = range.start as usize + (page - range.first_page);
                    format!("{}{}", range.prefix, numeral(range.style, number))
                }
                None => (page + 1).to_string(),
            },
        )
        .collect()
}

/// The label ranges of a document's `/PageLabels`; none when it has no such tree or an unreadable one.
pub fn ranges(doc: &Document) -> Vec<LabelRange> {
    let Some(tree) = doc
        .catalog()
        .ok()
        .and_then(|catalog| dictionary(doc, catalog.get(b"PageLabels").ok()?))
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    collect(doc, tree, &mut found, 0);
    found
}

fn collect(doc: &Document, node: &Dictionary, found: &mut Vec<LabelRange>, depth: usize) {
    if depth > 16 {
        return;
    }
    if let Some(nums) = node.get(b"Nums").ok().and_then(|o| array(doc, o)) {
        for pair in nums.chunks(2) {
            let [index, range] = pair else { continue };
            let index = deref(doc, index).and_then(|o| o.as_i64().ok());
            let range = dictionary(doc, range);
            let first_page = index.and_then(|i| usize::try_from(i).ok());
            if let (Some(first_page), Some(range)) = (first_page, range) {
                found.push(range_of(doc, first_page, range));
            }
        }
    }
    if let Some(kids) = node.get(b"Kids").ok().and_then(|o| array(doc, o)) {
        for kid in kids {
            if let Some(kid) = dictionary(doc, kid) {
                collect(doc, kid, found, depth + 1);
            }
        }
    }
}

fn range_of(doc: &Document, first_page: usize, range: &Dictionary) -> LabelRange {
    let style = match range.get(b"S").ok().and_then(|o| o.as_name().ok()) {
        Some(b"D") => Style::Decimal,
        Some(b"r") => Style::LowerRoman,
        Some(b"R") => Style::UpperRoman,
        Some(b"a") => Style::LowerLetters,
        Some(b"A") => Style::UpperLetters,
        _ => Style::None,
    };
    let prefix = range
        .get(b"P")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| decode_text_string(o).ok())
        .unwrap_or_default();
    let start = range
        .get(b"St")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_i64().ok())
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1);
    LabelRange {
        first_page,
        style,
        prefix,
        start,
    }
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

fn dictionary<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    deref(doc, object).and_then(|o| o.as_dict().ok())
}

fn array<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Vec<Object>> {
    deref(doc, object).and_then(|o| o.as_array().ok())
}

fn numeral(style: Style, number: usize) -> String {
    match style {
        Style::Decimal => number.to_string(),
        Style::LowerRoman => roman(number).to_lowercase(),
        Style::UpperRoman => roman(number),
        Style::LowerLetters => letters(number).to_lowercase(),
        Style::UpperLetters => letters(number),
        Style::None => String::new(),
    }
}

/// 1 -> "I", 1994 -> "MCMXCIV"; numbers past 3999 stay decimal.
fn roman(number: usize) -> String {
    if number == 0 || number > 3999 {
        return number.to_string();
    }
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = number;
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

/// 1 -> "A", 26 -> "Z", 27 -> "AA", 28 -> "BB" (the PDF rule: the letter repeated).
fn letters(number: usize) -> String {
    if number == 0 || number > 26 * 100 {
        return number.to_string();
    }
    let letter = char::from(b'A' + ((number - 1) % 26) as u8);
    std::iter::repeat_n(letter, (number - 1) / 26 + 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(first_page: usize, style: Style, prefix: &str, start: u32) -> LabelRange {
        LabelRange {
            first_page,
            style,
            prefix: prefix.into(),
            start,
        }
    }

    #[test]
    fn decimal_from_201() {
        let ranges = [range(0, Style::Decimal, "", 201)];
        assert_eq!(labels(&ranges, 3), ["201", "202", "203"]);
    }

    #[test]
    fn roman_front_matter_then_arabic() {
        let ranges = [
            range(0, Style::LowerRoman, "", 1),
            range(4, Style::Decimal, "", 1),
        ];
        assert_eq!(labels(&ranges, 6), ["i", "ii", "iii", "iv", "1", "2"]);
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(numeral(Style::UpperRoman, 9), "IX");
    }

    #[test]
    fn prefix_letters_and_unordered_ranges() {
        let ranges = [
            range(2, Style::Decimal, "A-", 8),
            range(0, Style::UpperLetters, "", 26),
        ];
        assert_eq!(labels(&ranges, 4), ["Z", "AA", "A-8", "A-9"]);
        assert_eq!(numeral(Style::LowerLetters, 28), "bb");
        assert_eq!(labels(&[range(0, Style::None, "Cover", 1)], 1), ["Cover"]);
    }

    #[test]
    fn without_ranges_pages_count_from_one() {
        assert_eq!(labels(&[], 3), ["1", "2", "3"]);
        assert_eq!(
            labels(&[range(1, Style::Decimal, "", 5)], 3),
            ["1", "5", "6"]
        );
    }
}
