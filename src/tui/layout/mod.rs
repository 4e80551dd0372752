//! Where each pane goes, computed the same way for drawing and for mouse hits.

pub mod rows;
pub mod wrap;

use ratatui::layout::Rect;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// The panes of the reader screen; `text` is inside its border.
#[derive(Debug, Clone, Copy)]
pub struct Areas {
    pub sources: Rect,
    pub text_block: Rect,
    pub text: Rect,
    pub annotations: Rect,
    pub status: Rect,
}

/// `None` when the terminal is below the minimum size.
pub fn areas(size: Rect) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let body_height = size.height - 1;
    let sources_width = (size.width / 6).clamp(14, 26);
    let notes_width = (size.width * 3 / 10).clamp(26, 48);
    let text_width = size.width - sources_width - notes_width;
    let sources = Rect::new(size.x, size.y, sources_width, body_height);
    let text_block = Rect::new(size.x + sources_width, size.y, text_width, body_height);
    let annotations = Rect::new(text_block.x + text_width, size.y, notes_width, body_height);
    let text = Rect::new(
        text_block.x + 1,
        text_block.y + 1,
        text_width.saturating_sub(2),
        body_height.saturating_sub(2),
    );
    let status = Rect::new(size.x, size.y + body_height, size.width, 1);
    Some(Areas {
        sources,
        text_block,
        text,
        annotations,
        status,
    })
}
