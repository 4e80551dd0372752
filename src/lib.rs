//! glose: annotate sources, tie claims to references, keep notes in git, export the bibliography.

pub mod anchor;
pub mod bib;
pub mod cli;
pub mod export;
pub mod import;
pub mod model;
pub mod net;
pub mod ops;
pub mod store;
pub mod tui;
