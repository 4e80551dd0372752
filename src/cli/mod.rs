//! The command line: clap definitions, one file per subcommand, formatting only.

/// `println!` for the command line's output, quiet when its reader has gone (see `stdout`).
macro_rules! outln {
    () => {
        $crate::cli::stdout::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::stdout::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` for the command line's output, quiet when its reader has gone (see `stdout`).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::stdout::write(format_args!($($arg)*))
    };
}

mod add;
mod annotate;
mod bib;
mod check;
mod cite;
mod claims;
mod demo;
mod doctor;
mod edit;
mod export;
mod init;
mod log;
mod merge_driver;
mod printable;
mod reanchor;
mod refs;
mod replace;
mod review;
mod settle;
mod show;
mod stdout;
mod styles;
mod sync;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jiff::Timestamp;

use crate::ops::{Context, OpsError, RunOptions};
use crate::store::git::Identity;

#[derive(Debug, Parser)]
#[command(
    name = "glose",
    version,
    about = "Annotate sources, tie every claim to its references, keep the notes in git."
)]
pub struct Cli {
    /// Run as if glose was started in DIR.
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub directory: Option<PathBuf>,
    /// Commit as this person instead of the git identity: "Name <email>".
    #[arg(long, global = true, value_name = "NAME <EMAIL>")]
    pub author: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Demo(demo::Args),
    Add(add::Args),
    /// List the sources with their annotation and claim counts.
    Sources,
    Bib(bib::Args),
    Refs(refs::Args),
    Annotate(annotate::Args),
    Cite(cite::CiteArgs),
    Uncite(cite::UnciteArgs),
    Edit(edit::EditArgs),
    Rm(edit::RmArgs),
    Show(show::Args),
    Claims(claims::Args),
    Check(check::Args),
    Reanchor(reanchor::Args),
    Log(log::Args),
    ShowCommit(log::ShowArgs),
    Review(review::Args),
    Settle(settle::Args),
    Doctor(doctor::Args),
    Sync(sync::Args),
    /// Git merge driver for notes files: merges by annotation id (registered by `glose init`).
    MergeNotes(merge_driver::Args),
    /// Git merge driver for .bib files: merges entry by entry (registered by `glose init`).
    MergeBib(merge_driver::Args),
    Export(export::Args),
    /// List the citation styles available to exports.
    Styles,
}

/// What a command asks `main` to exit with.
pub enum Outcome {
    Success,
    /// The command ran and found problems (`glose check`).
    Problems,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let start = match &cli.directory {
        Some(dir) => dir.clone(),
        None => std::env::current_dir()?,
    };
    let author = cli.author.clone();
    let options = || -> anyhow::Result<RunOptions> {
        Ok(RunOptions {
            now: clock()?,
            author: author.as_deref().map(Identity::parse).transpose()?,
            seed: seed()?,
        })
    };
    let open = || -> anyhow::Result<Context> { Ok(Context::discover(&start, options()?)?) };
    let Some(command) = cli.command else {
        if crate::store::discover(&start).is_err() {
            return demo::print_usage();
        }
        return open_tui(open()?);
    };
    match command {
        Command::Init(args) => init::run(&start, args, options()?),
        Command::Demo(args) => demo::run(args, options()?),
        Command::Add(args) => add::run(&mut open()?, args),
        Command::Sources => add::list(&open()?),
        Command::Bib(args) => bib::run(&mut open()?, args),
        Command::Refs(args) => refs::run(&open()?, args),
        Command::Annotate(args) => annotate::run(&mut open()?, args),
        Command::Cite(args) => cite::run_cite(&mut open()?, args),
        Command::Uncite(args) => cite::run_uncite(&mut open()?, args),
        Command::Edit(args) => edit::run_edit(&mut open()?, args),
        Command::Rm(args) => edit::run_rm(&mut open()?, args),
        Command::Show(args) => show::run(&open()?, args),
        Command::Claims(args) => claims::run(&open()?, args),
        Command::Check(args) => check::run(&open()?, args),
        Command::Reanchor(args) => reanchor::run(&open()?, args),
        Command::Log(args) => {
            let cx = Context::discover(&start, RunOptions::default())?;
            log::run(&cx, args, cli.author)
        }
        Command::ShowCommit(args) => log::run_show(&open()?, args),
        Command::Review(args) => review::run(&mut open()?, args),
        Command::Settle(args) => settle::run(&mut open()?, args),
        Command::Doctor(args) => doctor::run(&open()?, args),
        Command::Sync(args) => sync::run(&open()?, args),
        Command::MergeNotes(args) => merge_driver::run_notes(args),
        Command::MergeBib(args) => merge_driver::run_bib(args),
        Command::Export(args) => export::run(&open()?, args),
        Command::Styles => styles::run(open().ok().as_ref()),
    }
}

/// Runs the terminal UI, then prints what it has to say once the terminal is restored.
pub fn open_tui(cx: Context) -> anyhow::Result<Outcome> {
    let fixed_clock = std::env::var_os("GLOSE_NOW").is_some();
    if let Some(message) = crate::tui::run(cx, fixed_clock)? {
        eprintln!("{}", printable::clean(&message));
    }
    Ok(Outcome::Success)
}

/// `GLOSE_NOW` (RFC 3339) fixes the clock, for tests and reproducible demos.
fn clock() -> anyhow::Result<Option<Timestamp>> {
    match std::env::var("GLOSE_NOW") {
        Ok(text) => Ok(Some(text.parse().map_err(|e| {
            anyhow::anyhow!(
                "GLOSE_NOW=`{text}` is not an RFC 3339 time like 2026-01-31T12:00:00Z: {e}"
            )
        })?)),
        Err(_) => Ok(None),
    }
}

/// `GLOSE_SEED` makes annotation ids reproducible.
fn seed() -> anyhow::Result<Option<u64>> {
    match std::env::var("GLOSE_SEED") {
        Ok(text) => {
            Ok(Some(text.parse().map_err(|_| {
                anyhow::anyhow!("GLOSE_SEED=`{text}` is not a number")
            })?))
        }
        Err(_) => Ok(None),
    }
}

/// Turns an ops error into the message `main` prints.
pub fn explain(error: &anyhow::Error) -> String {
    let message = match error.downcast_ref::<OpsError>() {
        Some(ops) => ops.to_string(),
        None => format!("{error:#}"),
    };
    printable::clean(&message).into_owned()
}
