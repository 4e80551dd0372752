//! Fetching from and pushing to a remote: git2 for local paths and file:// URLs, the user's git program for the rest.

use std::path::Path;
use std::process::Command;

use git2::{FetchOptions, PushOptions, RemoteCallbacks};

use super::Repo;
use super::error::{During, GitError};

/// Where fetched refs land, so that nothing of the user's own refs moves.
pub const FETCHED_PREFIX: &str = "refs/glose/sync/";

impl Repo {
    /// The URL of the remote called `remote`, or `remote` itself when it is a path or URL.
    pub fn remote_url(&self, remote: &str) -> Result<String, GitError> {
        match self.repo.find_remote(remote) {
            Ok(found) => Ok(found.url().unwrap_or_default().to_owned()),
            Err(_)
                if remote.contains("://") || remote.contains('/') || Path::new(remote).exists() =>
            {
                Ok(remote.to_owned())
            }
            Err(_) => Err(GitError::UnknownRemote {
                name: remote.to_owned(),
                known: self
                    .repo
                    .remotes()
                    .map(|names| {
                        names
                            .iter()
                            .filter_map(|n| n.ok().flatten().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            }),
        }
    }

    /// Fetches `refspecs` from `url` after clearing the refs under [`FETCHED_PREFIX`].
    pub fn fetch(&self, url: &str, refspecs: &[String]) -> Result<(), GitError> {
        let stale: Vec<String> = self
            .repo
            .references_glob(&format!("{FETCHED_PREFIX}*"))
            .during("listing refs")?
            .flatten()
            .filter_map(|r| r.name().ok().map(str::to_owned))
            .collect();
        for name in stale {
            if let Ok(mut reference) = self.repo.find_reference(&name) {
                reference.delete().during("clearing fetched refs")?;
            }
        }
        if needs_git_program(url) {
            let mut args = vec!["fetch".to_owned(), "--quiet".to_owned(), url.to_owned()];
            args.extend(refspecs.iter().cloned());
            return self.git_program(url, &args);
        }
        let mut remote = self
            .repo
            .remote_anonymous(url)
            .during("opening the remote")?;
        let mut options = FetchOptions::new();
        options.download_tags(git2::AutotagOption::None);
        remote
            .fetch(refspecs, Some(&mut options), None)
            .during("fetching from the remote")
    }

    /// Pushes `refspecs` to `url`; a ref the remote refuses is an error that names it.
    pub fn push(&self, url: &str, refspecs: &[String]) -> Result<(), GitError> {
        if refspecs.is_empty() {
            return Ok(());
        }
        if needs_git_program(url) {
            let mut args = vec!["push".to_owned(), "--quiet".to_owned(), url.to_owned()];
            args.extend(refspecs.iter().cloned());
            return self.git_program(url, &args);
        }
        let mut remote = self
            .repo
            .remote_anonymous(url)
            .during("opening the remote")?;
        let mut refused: Option<(String, String)> = None;
        let mut callbacks = RemoteCallbacks::new();
        callbacks.push_update_reference(|name, status| {
            if let Some(reason) = status {
                refused = Some((name.to_owned(), reason.to_owned()));
            }
            Ok(())
        });
        let mut options = PushOptions::new();
        options.remote_callbacks(callbacks);
        remote
            .push(refspecs, Some(&mut options))
            .during("pushing to the remote")?;
        drop(options);
        match refused {
            Some((refname, reason)) => Err(GitError::PushRejected { refname, reason }),
            None => Ok(()),
        }
    }

    /// The refs under `prefix` with the commits they point to.
    pub fn refs_under(&self, prefix: &str) -> Result<Vec<(String, String)>, GitError> {
        let mut out = Vec::new();
        for reference in self
            .repo
            .references_glob(&format!("{prefix}*"))
            .during("listing refs")?
        {
            let reference = reference.during("listing refs")?;
            if let (Ok(name), Some(target)) = (reference.name(), reference.target()) {
                out.push((name.to_owned(), target.to_string()));
            }
        }
        Ok(out)
    }

    /// Whether commit `descendant` has `ancestor` in its history (or is it).
    pub fn contains_commit(&self, descendant: &str, ancestor: &str) -> Result<bool, GitError> {
        let (d, a) = (self.oid(descendant)?, self.oid(ancestor)?);
        Ok(d == a
            || self
                .repo
                .graph_descendant_of(d, a)
                .during("comparing histories")?)
    }

    fn git_program(&self, url: &str, args: &[String]) -> Result<(), GitError> {
        let dir = self.repo.workdir().unwrap_or_else(|| self.repo.path());
        let output = Command::new("git").arg("-C").arg(dir).args(args).output();
        match output {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(GitError::GitProgramMissing {
                    url: url.to_owned(),
                })
            }
            Err(e) => Err(GitError::GitProgramFailed {
                command: args.join(" "),
                stderr: e.to_string(),
            }),
            Ok(out) if !out.status.success() => Err(GitError::GitProgramFailed {
                command: args.join(" "),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
            }),
            Ok(_) => Ok(()),
        }
    }
}

/// https://, ssh:// and `user@host:path` need credentials and settings only the user's git has.
pub fn needs_git_program(url: &str) -> bool {
    if let Some(path) = url.strip_prefix("file://") {
        return path.is_empty();
    }
    if url.contains("://") {
        return true;
    }
    let scp_like = url
        .split_once(':')
        .is_some_and(|(host, _)| !host.contains('/') && host.len() > 1);
    scp_like && !Path::new(url).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_network_urls_need_the_git_program() {
        for local in [
            "/srv/thesis.git",
            "../remote.git",
            "file:///srv/thesis.git",
            "C:",
        ] {
            assert!(!needs_git_program(local), "{local}");
        }
        for network in [
            "https://example.org/thesis.git",
            "ssh://git@example.org/thesis.git",
            "git@example.org:camille/thesis.git",
        ] {
            assert!(needs_git_program(network), "{network}");
        }
    }
}
