//! glose: annotate sources, tie claims to references, keep notes in git, export the bibliography.

pub mod anchor;
pub mod bib;
pub mod cli;
pub mod cores;
pub mod export;
pub mod import;
pub mod model;
pub mod net;
pub mod ops;
pub mod store;
pub mod tui;

/// mimalloc for the binary, the tests and the benchmarks alike: loading a library or a history
/// allocates and frees millions of small strings, where it is markedly faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
