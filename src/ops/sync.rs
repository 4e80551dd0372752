//! `glose sync`: fetch, merge notes by annotation id and .bib files by entry, push; reviewed marks travel too.

use std::path::Path;

use super::history::identity;
use super::{Context, OpsError};
use crate::bib::merge_bib;
use crate::store::git::{FETCHED_PREFIX, GitError, Integrated, MergedFile, REVIEWED_PREFIX, Repo};
use crate::store::merge_notes_text;

/// What a sync did.
#[derive(Debug, Clone)]
pub struct SyncReport {
    pub url: String,
    pub integrated: Integrated,
    pub pushed: bool,
    /// Reviewers whose reviewed-up-to mark came from the remote.
    pub marks_received: Vec<String>,
}

/// Fetches from `remote` (a remote name, a path or a URL; `origin` by default), merges, pushes.
pub fn sync(cx: &Context, remote: Option<&str>) -> Result<SyncReport, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    repo.check_ready()?;
    let who = identity(cx, &repo)?;
    let pending = repo.pending_paths(&cx.ws.own_paths())?;
    if !pending.is_empty() {
        return Err(GitError::UncommittedChanges {
            paths: pending.iter().map(|p| p.display().to_string()).collect(),
        }
        .into());
    }
    let branch = repo.branch().ok_or(GitError::DetachedHead)?;
    let remote = remote.unwrap_or("origin");
    let url = repo.remote_url(remote)?;
    let fetched_heads = format!("{FETCHED_PREFIX}heads/");
    let fetched_marks = format!("{FETCHED_PREFIX}reviewed/");
    repo.fetch(
        &url,
        &[
            format!("+refs/heads/*:{fetched_heads}*"),
            format!("+{REVIEWED_PREFIX}*:{fetched_marks}*"),
        ],
    )?;
    let theirs = repo.read_ref(&format!("{fetched_heads}{branch}"))?;
    let integrated = match &theirs {
        Some(theirs) => repo.integrate(
            theirs,
            &[Path::new("notes"), Path::new("library")],
            &merge_file,
            &who,
            cx.now,
            &format!("glose sync: merge {branch} from {remote}"),
        )?,
        None => Integrated::UpToDate,
    };
    let mut marks_received = Vec::new();
    for (fetched, id) in repo.refs_under(&fetched_marks)? {
        let who = fetched.trim_start_matches(&fetched_marks).to_owned();
        let local = format!("{REVIEWED_PREFIX}{who}");
        let newer = match repo.read_ref(&local)? {
            None => true,
            Some(mine) => mine != id && repo.contains_commit(&id, &mine)?,
        };
        if newer {
            repo.write_ref(&local, &id, "glose sync: reviewed mark from the remote")?;
            marks_received.push(who);
        }
    }
    let mut refspecs = Vec::new();
    let head = repo.head_id()?;
    if head.is_some() && head != theirs {
        refspecs.push(format!("refs/heads/{branch}:refs/heads/{branch}"));
    }
    for (name, id) in repo.refs_under(REVIEWED_PREFIX)? {
        let remote_id = repo.read_ref(&name.replacen(REVIEWED_PREFIX, &fetched_marks, 1))?;
        if remote_id.as_deref() != Some(id.as_str()) {
            refspecs.push(format!("+{name}:{name}"));
        }
    }
    repo.push(&url, &refspecs)?;
    Ok(SyncReport {
        url,
        integrated,
        pushed: !refspecs.is_empty(),
        marks_received,
    })
}

/// Notes by annotation id, .bib files entry by entry; anything else is left to git's own merge.
fn merge_file(path: &Path, base: Option<&[u8]>, ours: &[u8], theirs: &[u8]) -> Option<MergedFile> {
    let folder = path.parent()?.to_str()?;
    let extension = path.extension()?.to_str()?;
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).ok();
    let base = match base {
        Some(bytes) => Some(text(bytes)?),
        None => None,
    };
    let (ours, theirs) = (text(ours)?, text(theirs)?);
    match (folder, extension) {
        ("notes", "toml") => {
            let merged = merge_notes_text(base.as_deref(), &ours, &theirs).ok()?;
            Some(MergedFile {
                bytes: merged.text.into_bytes(),
                conflicts: merged.conflicted.iter().map(ToString::to_string).collect(),
            })
        }
        ("library", "bib") => {
            let merged = merge_bib(base.as_deref().unwrap_or_default(), &ours, &theirs);
            Some(MergedFile {
                bytes: merged.text.into_bytes(),
                conflicts: merged.conflicts,
            })
        }
        _ => None,
    }
}
