use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{OpsError, message};
use crate::model::Annotation;
use crate::store::git::{Identity, Repo};
use crate::store::{self, NotesFile, Workspace};

const CONFIG: &str = "# glose workspace settings (the demo)\nlocale = \"fr-FR\"\n";
const REFERENCES: &str = include_str!("../../library/references.bib");
const SOURCE_FILE: &str = "berdeil-2023.txt";
const SOURCE_TEXT: &str = include_str!("../../library/sources/berdeil-2023.txt");
const NOTES: &str = include_str!("../../notes/berdeil-2023.toml");
const FOUNDER: &str = "Camille Martin <camille.martin@etu.example.fr>";

#[derive(Debug)]
pub struct DemoCreated {
    pub root: PathBuf,
    pub commits: usize,
}

/// Writes the example workspace into `dir` with a fresh git history by a student and a supervisor.
pub fn demo(dir: &Path) -> Result<DemoCreated, OpsError> {
    if dir.exists()
        && dir
            .read_dir()
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(OpsError::Invalid(format!(
            "{} is not empty: give `glose demo` a new folder, or none to use a temporary one",
            dir.display()
        )));
    }
    let notes = store::parse_notes(NOTES)
        .map_err(|e| OpsError::Invalid(format!("the embedded demo notes are broken: {e}")))?;
    store::init_layout(dir)?;
    let ws = Workspace {
        root: dir.to_path_buf(),
    };
    let repo = Repo::init(dir)?;
    let founder = Identity::parse(FOUNDER)?;
    let start = first_timestamp(&notes.annotations)?;
    let mut commits = 0;

    store::write_atomic(&ws.config_path(), CONFIG.as_bytes())?;
    store::write_atomic(&ws.references_path(), REFERENCES.as_bytes())?;
    repo.commit_paths(&ws.own_paths(), "glose: workspace created", &founder, start)?;
    commits += 1;

    let mut partial = NotesFile {
        source: notes.source.clone(),
        annotations: Vec::new(),
    };
    store::write_atomic(&ws.source_path(SOURCE_FILE)?, SOURCE_TEXT.as_bytes())?;
    let notes_path = store::save_notes(&ws, &partial)?;
    let source_paths = vec![
        ws.relative(&ws.source_path(SOURCE_FILE)?),
        notes_path.clone(),
    ];
    repo.commit_paths(
        &source_paths,
        &message::source_added(&partial.source.id, &partial.source.title),
        &founder,
        start,
    )?;
    commits += 1;

    let mut ordered = notes.annotations;
    ordered.sort_by(|a, b| a.created.cmp(&b.created));
    for group in ordered
        .chunk_by(|a, b| a.author == b.author)
        .flat_map(|g| g.chunks(5))
    {
        partial.annotations.extend(group.iter().cloned());
        store::save_notes(&ws, &partial)?;
        let author = Identity::parse(&group[0].author)?;
        let when = parse_time(&group[group.len() - 1].created)?;
        let added: Vec<&Annotation> = group.iter().collect();
        let message = message::annotations_added(&partial.source.id, &added);
        repo.commit_paths(std::slice::from_ref(&notes_path), &message, &author, when)?;
        commits += 1;
    }
    Ok(DemoCreated {
        root: ws.root,
        commits,
    })
}

/// A new, empty folder under the system's temporary directory.
pub fn temporary_dir() -> Result<PathBuf, OpsError> {
    let dir = tempfile::Builder::new()
        .prefix("glose-demo-")
        .tempdir()
        .map_err(|e| {
            OpsError::Invalid(format!(
                "cannot create a temporary folder for the demo: {e}"
            ))
        })?;
    Ok(dir.keep())
}

fn first_timestamp(annotations: &[Annotation]) -> Result<Timestamp, OpsError> {
    match annotations.iter().map(|a| a.created.as_str()).min() {
        Some(created) => parse_time(created),
        None => Ok(Timestamp::UNIX_EPOCH),
    }
}

fn parse_time(text: &str) -> Result<Timestamp, OpsError> {
    text.parse()
        .map_err(|e| OpsError::Invalid(format!("bad timestamp `{text}` in the demo notes: {e}")))
}
