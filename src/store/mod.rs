//! The only code that touches files and git: load, save atomically, commit, history.
pub mod git;
