//! The source text: only the visible rows are laid out, annotations styled by kind, cursor and selection shown.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_segmentation::UnicodeSegmentation;

use super::theme;
use crate::model::{AnchorState, Annotation};
use crate::tui::app::{App, Pane};
use crate::tui::data::SourceDoc;
use crate::tui::layout::rows;
use crate::tui::layout::wrap::{self, clean};

pub fn render(app: &App, frame: &mut Frame<'_>, block_area: Rect, text_area: Rect) {
    let focused = app.focus == Pane::Text;
    let Some(doc) = app.doc() else {
        let block = Block::bordered().title(" No source ");
        let hint =
            Paragraph::new("Add a source with `glose add FILE`, then come back.").block(block);
        frame.render_widget(hint, block_area);
        return;
    };
    let percent = (app.top * 100).checked_div(doc.text.len()).unwrap_or(0);
    let block = Block::bordered()
        .title(format!(" {} ", clean(&doc.title)))
        .title_bottom(Line::from(format!(" {percent}% ")).right_aligned())
        .border_style(theme::focused_border(focused, app.color));
    frame.render_widget(block, block_area);
    let (width, height) = (usize::from(text_area.width), usize::from(text_area.height));
    let selection = app.selection();
    let lines: Vec<Line<'_>> = rows::visible(doc, width, app.top, height)
        .into_iter()
        .map(|row| {
            let painter = Painter {
                app,
                doc,
                selection: selection.clone(),
                matches: search_matches(app, doc, &row),
                annotations: overlapping(doc, &row),
                cursor: focused.then_some(app.cursor),
            };
            painter.line(&row, width)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
}

struct Painter<'a> {
    app: &'a App,
    doc: &'a SourceDoc,
    selection: Option<Range<usize>>,
    matches: Vec<Range<usize>>,
    annotations: Vec<(usize, &'a Annotation)>,
    cursor: Option<usize>,
}

impl Painter<'_> {
    fn line(&self, row: &Range<usize>, width: usize) -> Line<'static> {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut col = 0;
        let text = &self.doc.text[row.clone()];
        for (i, g) in text.grapheme_indices(true) {
            let at = row.start + i;
            let w = wrap::width_at(g, col);
            if col + w > width {
                break;
            }
            push(&mut spans, wrap::shown(g, col).into_owned(), self.style(at));
            col += w;
        }
        let (_, line_end) = self.doc.line_bounds(self.doc.line_of(row.start));
        if self.cursor == Some(row.end) && row.end == line_end && col < width {
            push(&mut spans, " ".into(), self.style(row.end));
        }
        Line::from(spans)
    }

    fn style(&self, at: usize) -> Style {
        let mut style = Style::default();
        if let Some((index, annotation)) = self
            .annotations
            .iter()
            .rev()
            .find(|(_, a)| a.anchor.start <= at && at < a.anchor.end)
        {
            style = style.patch(theme::annotation(annotation, self.app.color));
            if self.app.selected == Some(*index) {
                style = if self.app.color {
                    style.bg(Color::DarkGray)
                } else {
                    style.add_modifier(Modifier::BOLD)
                };
            }
        }
        if self.matches.iter().any(|m| m.contains(&at)) {
            style = style.patch(theme::search(self.app.color));
        }
        let selected = self.selection.as_ref().is_some_and(|s| s.contains(&at));
        if selected {
            style = style.patch(theme::selection());
        }
        if self.cursor == Some(at) {
            style = if selected {
                style
                    .remove_modifier(Modifier::REVERSED)
                    .add_modifier(Modifier::UNDERLINED)
            } else {
                style.add_modifier(Modifier::REVERSED)
            };
        }
        style
    }
}

fn push(spans: &mut Vec<Span<'static>>, text: String, style: Style) {
    match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(&text),
        _ => spans.push(Span::styled(text, style)),
    }
}

/// The annotations (with their index) that touch a row, orphans excepted.
fn overlapping<'a>(doc: &'a SourceDoc, row: &Range<usize>) -> Vec<(usize, &'a Annotation)> {
    doc.annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| a.state != AnchorState::Orphaned)
        .filter(|(_, a)| a.anchor.start < row.end.max(row.start + 1) && a.anchor.end > row.start)
        .collect()
}

fn search_matches(app: &App, doc: &SourceDoc, row: &Range<usize>) -> Vec<Range<usize>> {
    let Some(query) = app.search.as_deref().filter(|q| !q.is_empty()) else {
        return Vec::new();
    };
    let (line_start, line_end) = doc.line_bounds(doc.line_of(row.start));
    doc.text[line_start..line_end]
        .match_indices(query)
        .map(|(i, m)| line_start + i..line_start + i + m.len())
        .filter(|m| m.start < row.end && m.end > row.start)
        .collect()
}
