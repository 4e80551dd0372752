use std::process::ExitCode;

use clap::Parser;
use glose::cli::{self, Cli, Outcome};

fn main() -> ExitCode {
    match cli::run(Cli::parse()) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(error) => {
            eprintln!("glose: {}", cli::explain(&error));
            ExitCode::from(2)
        }
    }
}
