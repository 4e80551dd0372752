//! Setting a workspace up so that plain git merges notes and .bib files the way glose does.

use std::path::PathBuf;

use super::{Context, OpsError};
use crate::store::git::{Identity, Repo};
use crate::store::{self, Workspace};

/// What `glose doctor` found, and what it changed with `--fix`.
#[derive(Debug, Clone, Default)]
pub struct DoctorReport {
    pub missing_drivers: Vec<&'static str>,
    pub missing_attributes: Vec<&'static str>,
    pub fixed: bool,
    /// The commit that recorded a new `.gitattributes`.
    pub commit: Option<String>,
}

impl DoctorReport {
    pub fn healthy(&self) -> bool {
        self.missing_drivers.is_empty() && self.missing_attributes.is_empty()
    }
}

/// Checks the merge drivers in the repository config and `.gitattributes`; `fix` registers them and commits `.gitattributes`.
pub fn doctor(cx: &Context, fix: bool) -> Result<DoctorReport, OpsError> {
    let repo = Repo::open(&cx.ws.root)?;
    let mut report = DoctorReport {
        missing_drivers: repo.missing_merge_drivers()?,
        missing_attributes: store::missing_attributes(&cx.ws)?,
        ..DoctorReport::default()
    };
    if fix && !report.healthy() {
        set_up_merges(&cx.ws, &repo)?;
        if !report.missing_attributes.is_empty() {
            repo.check_ready()?;
            let who = super::history::identity(cx, &repo)?;
            report.commit = commit_attributes(&repo, &who, cx.now)?;
        }
        report.fixed = true;
    }
    Ok(report)
}

/// Registers the drivers in the repository config and adds the `.gitattributes` lines.
pub(crate) fn set_up_merges(ws: &Workspace, repo: &Repo) -> Result<(), OpsError> {
    repo.register_merge_drivers()?;
    store::add_attributes(ws)?;
    Ok(())
}

fn commit_attributes(
    repo: &Repo,
    who: &Identity,
    now: jiff::Timestamp,
) -> Result<Option<String>, OpsError> {
    Ok(repo.commit_paths(
        &[PathBuf::from(".gitattributes")],
        "glose: merge notes by annotation id and .bib files by entry",
        who,
        now,
    )?)
}
