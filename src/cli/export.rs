use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Outcome;
use crate::bib::{BibSource, Library};
use crate::export::{self, Exported, Formatter, Input, Scope, Style};
use crate::ops::{self, Context};
use crate::store::{self, NotesFile};

/// Export the bibliography, an annotated report, CSL-JSON or W3C annotations.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, Subcommand)]
pub enum What {
    /// A standalone .bib: original bytes plus the @string and crossref parents they need.
    Bibtex {
        #[command(flatten)]
        scope: ScopeArgs,
        /// Write a clean canonical form (fields ordered, capitals braced, specials escaped).
        #[arg(long)]
        normalize: bool,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The bibliography in Markdown, formatted in a CSL style.
    Markdown {
        #[command(flatten)]
        scope: ScopeArgs,
        #[command(flatten)]
        style: StyleArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Per source: its reference, its claims with quotes and Pandoc citations; then the bibliography.
    Report {
        /// Only these sources (repeatable).
        #[arg(long = "source", value_name = "SOURCE")]
        sources: Vec<String>,
        #[command(flatten)]
        style: StyleArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// CSL-JSON, as Zotero and Pandoc read it.
    CslJson {
        #[command(flatten)]
        scope: ScopeArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The annotations as W3C Web Annotations (JSON-LD).
    Annotations {
        /// Only `w3c` for now.
        #[arg(long, default_value = "w3c", value_parser = ["w3c"])]
        format: String,
        /// Only these sources (repeatable).
        #[arg(long = "source", value_name = "SOURCE")]
        sources: Vec<String>,
        #[command(flatten)]
        out: OutArgs,
    },
}

#[derive(Debug, clap::Args)]
pub struct ScopeArgs {
    /// The references cited in the notes (the default).
    #[arg(long, conflicts_with = "all")]
    pub cited: bool,
    /// Every reference of the library.
    #[arg(long)]
    pub all: bool,
    /// Only what these sources cite (repeatable).
    #[arg(long = "source", value_name = "SOURCE")]
    pub sources: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct StyleArgs {
    /// A built-in style (`glose styles`), a CSL file, or the name of one in the workspace's styles/.
    #[arg(long)]
    pub style: Option<String>,
    /// A locale such as fr-FR or en-US (default: glose.toml's `locale`).
    #[arg(long)]
    pub locale: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct OutArgs {
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The workspace's .bib texts, library and notes, read once.
struct Read {
    files: Vec<(PathBuf, String)>,
    notes: Vec<NotesFile>,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let read = read(cx)?;
    let sources: Vec<BibSource<'_>> = read
        .files
        .iter()
        .map(|(path, text)| BibSource { path, text })
        .collect();
    let library: Library = ops::load_library(&cx.ws, &sources);
    let input = Input {
        library: &library,
        files: &sources,
        notes: &read.notes,
    };
    let (exported, output) = match args.what {
        What::Bibtex {
            scope,
            normalize,
            out,
        } => {
            let (entries, mut warnings) = export::select(&input, scope.scope(), &scope.sources)?;
            let mut exported = export::bibtex(&input, &entries, normalize);
            warnings.append(&mut exported.warnings);
            (
                Exported {
                    warnings,
                    ..exported
                },
                out.output,
            )
        }
        What::Markdown { scope, style, out } => {
            let (entries, mut warnings) = export::select(&input, scope.scope(), &scope.sources)?;
            let mut formatter = formatter(cx, &style)?;
            let mut exported = export::markdown_bibliography(&mut formatter, &entries);
            warnings.append(&mut exported.warnings);
            (
                Exported {
                    warnings,
                    ..exported
                },
                out.output,
            )
        }
        What::Report {
            sources,
            style,
            out,
        } => {
            let mut formatter = formatter(cx, &style)?;
            (
                export::report(&input, &sources, &mut formatter)?,
                out.output,
            )
        }
        What::CslJson { scope, out } => {
            let (entries, mut warnings) = export::select(&input, scope.scope(), &scope.sources)?;
            let mut exported = export::csl_json(&entries);
            warnings.append(&mut exported.warnings);
            (
                Exported {
                    warnings,
                    ..exported
                },
                out.output,
            )
        }
        What::Annotations { sources, out, .. } => {
            let mut texts = HashMap::new();
            for notes in &read.notes {
                if let Ok(text) = store::read_source(&cx.ws, &notes.source) {
                    texts.insert(notes.source.id.to_string(), text);
                }
            }
            (
                export::w3c_annotations(&input, &sources, &texts)?,
                out.output,
            )
        }
    };
    for warning in &exported.warnings {
        eprintln!("glose: warning: {warning}");
    }
    match output {
        Some(path) => {
            store::write_atomic(&path, exported.text.as_bytes())?;
            eprintln!("Wrote {}", path.display());
        }
        None => out!("{}", exported.text),
    }
    Ok(Outcome::Success)
}

impl ScopeArgs {
    fn scope(&self) -> Scope {
        if self.all { Scope::All } else { Scope::Cited }
    }
}

fn read(cx: &Context) -> anyhow::Result<Read> {
    let mut files = Vec::new();
    for path in cx.ws.bib_paths()? {
        let text = store::read_text(&path)?;
        files.push((cx.ws.relative(&path), text));
    }
    let mut notes = Vec::new();
    for (path, parsed) in store::load_notes_dir(&cx.ws) {
        match parsed {
            Ok(file) => notes.push(file),
            Err(error) => eprintln!("glose: warning: {} is skipped: {error}", path.display()),
        }
    }
    Ok(Read { files, notes })
}

fn formatter(cx: &Context, args: &StyleArgs) -> anyhow::Result<Formatter> {
    let name = args
        .style
        .clone()
        .or_else(|| cx.config.style.clone())
        .unwrap_or_else(|| "apa".to_string());
    let locale = args
        .locale
        .clone()
        .unwrap_or_else(|| cx.config.locale.clone());
    let style = load_style(&cx.ws.root, &name)?;
    Ok(Formatter::new(style, &locale)?)
}

/// A CSL file by path, `styles/NAME.csl` of the workspace, or a built-in style.
pub(super) fn load_style(root: &Path, name: &str) -> anyhow::Result<Style> {
    let in_workspace = root.join("styles").join(format!("{name}.csl"));
    let path = if name.ends_with(".csl") || name.contains(['/', '\\']) {
        let given = PathBuf::from(name);
        Some(if given.exists() {
            given
        } else {
            root.join(name)
        })
    } else {
        in_workspace.exists().then_some(in_workspace)
    };
    match path {
        Some(path) => {
            let xml = store::read_text(&path)?;
            Ok(Style::from_csl(&path.display().to_string(), &xml)?)
        }
        None => Ok(Style::archived(name)?),
    }
}
