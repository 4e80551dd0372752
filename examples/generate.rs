//! Writes a large, deterministic glose workspace for benchmarks.
//!
//! Usage: `cargo run --release --example generate -- DIR [SOURCES] [ANNOTATIONS] [ENTRIES] [SEED]`
//! (defaults: 1000 sources, 100000 annotations, 100000 references, seed 1).

#[path = "../benches/support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: generate DIR [SOURCES] [ANNOTATIONS] [ENTRIES] [SEED]");
        return ExitCode::from(2);
    };
    let number =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (sources, annotations, entries) = (number(1, 1000), number(2, 100_000), number(3, 100_000));
    match generator::generate(&dir, sources, annotations, entries, number(4, 1) as u64) {
        Ok(()) => {
            println!(
                "wrote {sources} sources, {annotations} annotations, {entries} references in {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("generate: {error}");
            ExitCode::from(1)
        }
    }
}
