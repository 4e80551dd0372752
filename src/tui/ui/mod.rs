//! Drawing: every screen renders from `&App` and nothing else.

mod annotations;
mod changes;
mod claims;
mod conflicts;
mod editor;
mod help;
mod history;
mod lists;
mod orphans;
mod picker;
mod references;
mod review;
mod sources;
mod status;
mod text_view;
pub mod theme;
mod threads;

pub use annotations::{list_offset, split as annotations_split};
pub use help::text as help_text;
pub use sources::offset as sources_offset;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Overlay};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::screens::Screen;

pub fn draw(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    let Some(areas) = layout::areas(area) else {
        too_small(frame, area);
        return;
    };
    let body = Rect::new(area.x, area.y, area.width, areas.status.y - area.y);
    match &app.screen {
        Screen::Reader => {
            sources::render(app, frame, areas.sources);
            text_view::render(app, frame, areas.text_block, areas.text);
            annotations::render(app, frame, areas.annotations);
        }
        Screen::Claims(board) => claims::render(app, board, frame, body),
        Screen::References(list) => references::render(app, list, frame, body),
        Screen::Orphans(orphans) => orphans::render(app, orphans, frame, body),
        Screen::Conflicts(conflicts) => conflicts::render(app, conflicts, frame, body),
        Screen::History(view) => history::render(app, view, frame, body),
        Screen::Review(walk) => review::render(app, walk, frame, body),
    }
    status::render(app, frame, areas.status);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render(app, frame, area, *scroll),
        Overlay::Picker(state) => picker::render(app, state, frame, area),
        Overlay::Editor(state) => editor::render(app, state, frame, area),
    }
}

fn too_small(frame: &mut Frame<'_>, area: Rect) {
    let message = format!(
        "glose needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. Enlarge it, or press q to quit.",
        area.width, area.height
    );
    let top = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + top.saturating_sub(1),
        area.width,
        area.height - top.saturating_sub(1),
    );
    frame.render_widget(
        Paragraph::new(message)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A rectangle of at most `width`×`height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
