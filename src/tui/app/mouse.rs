//! Mouse: click to place the cursor or pick an item, drag to select, wheel to scroll.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{App, Pane};
use crate::tui::layout::{self, rows};
use crate::tui::ui;

impl App {
    pub(super) fn mouse(&mut self, event: MouseEvent) {
        let Some(areas) = layout::areas(Rect::new(0, 0, self.size.0, self.size.1)) else {
            return;
        };
        if !matches!(self.overlay, super::Overlay::None)
            || self.prompt.is_some()
            || !matches!(self.screen, crate::tui::screens::Screen::Reader)
        {
            return;
        }
        let at = Position::new(event.column, event.row);
        match event.kind {
            MouseEventKind::ScrollDown if areas.text_block.contains(at) => self.scroll(3),
            MouseEventKind::ScrollUp if areas.text_block.contains(at) => self.scroll(-3),
            MouseEventKind::Down(MouseButton::Left) if areas.text.contains(at) => {
                if let Some(offset) = self.offset_at(areas.text, at) {
                    self.focus = Pane::Text;
                    self.anchor = None;
                    self.drag_from = Some(offset);
                    self.move_to(offset);
                }
            }
            MouseEventKind::Drag(MouseButton::Left) => {
                if let (Some(from), Some(offset)) = (self.drag_from, self.offset_at(areas.text, at))
                {
                    self.anchor = Some(from);
                    self.move_to(offset);
                }
            }
            MouseEventKind::Up(MouseButton::Left) => self.drag_from = None,
            MouseEventKind::Down(MouseButton::Left) if areas.sources.contains(at) => {
                let height = usize::from(areas.sources.height.saturating_sub(2));
                let index = ui::sources_offset(self, height)
                    + usize::from(at.y.saturating_sub(areas.sources.y + 1));
                self.focus = Pane::Sources;
                self.open_source(index);
            }
            MouseEventKind::Down(MouseButton::Left)
                if ui::annotations_split(areas.annotations)[0].contains(at) =>
            {
                let list = ui::annotations_split(areas.annotations)[0];
                let height = usize::from(list.height.saturating_sub(2));
                let index = ui::list_offset(self.selected, height)
                    + usize::from(at.y.saturating_sub(list.y + 1));
                let count = self.doc().map_or(0, |d| d.annotations.len());
                if index < count {
                    self.focus = Pane::Annotations;
                    self.selected = Some(index);
                    if let Some(start) = self.doc().map(|d| d.annotations[index].anchor.start) {
                        self.move_to(start);
                    }
                }
            }
            _ => {}
        }
    }

    /// The text offset under a screen position inside the text pane (clamped to it while dragging).
    fn offset_at(&self, text: Rect, at: Position) -> Option<usize> {
        let doc = self.doc()?;
        let (width, height) = (usize::from(text.width), usize::from(text.height));
        let shown = rows::visible(doc, width, self.top, height);
        let y = usize::from(at.y.clamp(text.y, text.y + text.height.saturating_sub(1)) - text.y);
        let row = shown.get(y).or(shown.last())?;
        let x = usize::from(at.x.saturating_sub(text.x));
        Some(rows::offset_at(doc, row, x))
    }
}
