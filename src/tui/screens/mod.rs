//! The screens beside the reader: claims board, references, orphans, conflicts, history and review.

pub mod claims;
pub mod conflicts;
pub mod history;
pub mod orphans;
pub mod references;
pub mod review;

pub use claims::Board;
pub use conflicts::Conflicts;
pub use history::HistoryView;
pub use orphans::Orphans;
pub use references::RefList;
pub use review::ReviewWalk;

/// What fills the window above the status line.
#[derive(Debug, Clone)]
pub enum Screen {
    Reader,
    Claims(Board),
    References(RefList),
    Orphans(Orphans),
    Conflicts(Conflicts),
    History(Box<HistoryView>),
    Review(Box<ReviewWalk>),
}

/// An annotation by where it is: the source's index in the data, then its index in that source.
pub type Place = (usize, usize);

/// Moves a list cursor one step, staying inside `len` items.
pub fn step(cursor: usize, len: usize, down: bool) -> usize {
    if down {
        (cursor + 1).min(len.saturating_sub(1))
    } else {
        cursor.saturating_sub(1)
    }
}
