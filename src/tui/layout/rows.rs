//! Visual rows of a source at a given width, laid out one line at a time around the viewport.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::wrap;
use crate::tui::data::SourceDoc;

/// The rows of line `line`, as absolute byte ranges.
pub fn line_rows(doc: &SourceDoc, width: usize, line: usize) -> Vec<Range<usize>> {
    let (start, end) = doc.line_bounds(line);
    wrap::rows(&doc.text[start..end], width)
        .into_iter()
        .map(|r| start + r.start..start + r.end)
        .collect()
}

/// The row that shows `offset` (a row's end belongs to the next row, except on the last row of a line).
pub fn row_at(doc: &SourceDoc, width: usize, offset: usize) -> Range<usize> {
    let rows = line_rows(doc, width, doc.line_of(offset));
    let last = rows.len() - 1;
    rows.iter()
        .enumerate()
        .find(|(i, r)| offset < r.end || *i == last)
        .map_or(0..0, |(_, r)| r.clone())
}

pub fn next_row(doc: &SourceDoc, width: usize, row: &Range<usize>) -> Option<Range<usize>> {
    let line = doc.line_of(row.start);
    let rows = line_rows(doc, width, line);
    if let Some(i) = rows.iter().position(|r| r.start == row.start)
        && let Some(next) = rows.get(i + 1)
    {
        return Some(next.clone());
    }
    (line + 1 < doc.line_count()).then(|| line_rows(doc, width, line + 1)[0].clone())
}

pub fn prev_row(doc: &SourceDoc, width: usize, row: &Range<usize>) -> Option<Range<usize>> {
    let line = doc.line_of(row.start);
    let rows = line_rows(doc, width, line);
    match rows.iter().position(|r| r.start == row.start) {
        Some(i) if i > 0 => Some(rows[i - 1].clone()),
        _ if line > 0 => line_rows(doc, width, line - 1).pop(),
        _ => None,
    }
}

/// The rows on screen from the row that starts at `top`, at most `height` of them.
pub fn visible(doc: &SourceDoc, width: usize, top: usize, height: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(height);
    let mut row = Some(row_at(doc, width, top));
    while let Some(r) = row {
        if out.len() >= height {
            break;
        }
        row = next_row(doc, width, &r);
        out.push(r);
    }
    out
}

/// The display column of `offset` within `row`.
pub fn column(doc: &SourceDoc, row: &Range<usize>, offset: usize) -> usize {
    wrap::columns(&doc.text[row.start..offset.clamp(row.start, row.end)])
}

/// The offset shown at display column `col` of `row` (its end when the row is shorter).
pub fn offset_at(doc: &SourceDoc, row: &Range<usize>, col: usize) -> usize {
    let text = &doc.text[row.clone()];
    let mut at_col = 0;
    for (i, g) in text.grapheme_indices(true) {
        let w = wrap::width_at(g, at_col);
        if col < at_col + w {
            return row.start + i;
        }
        at_col += w;
    }
    let end = row.end;
    let trailing_space = text.ends_with(' ') && next_is_same_line(doc, row);
    if trailing_space { end - 1 } else { end }
}

fn next_is_same_line(doc: &SourceDoc, row: &Range<usize>) -> bool {
    let (_, line_end) = doc.line_bounds(doc.line_of(row.start));
    row.end < line_end
}
