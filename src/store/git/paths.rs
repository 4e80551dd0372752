//! Maps paths relative to the workspace root onto paths inside the repository.

use std::path::{Component, Path, PathBuf};

use super::error::GitError;

/// Where the workspace sits inside the repository's working folder.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// The workspace folder, canonical.
    pub root: PathBuf,
    /// The workspace relative to the repository's working folder, as git path components.
    prefix: Vec<String>,
}

impl Layout {
    pub fn new(root: PathBuf, workdir: &Path) -> Result<Layout, GitError> {
        let relative =
            root.strip_prefix(workdir)
                .map_err(|_| GitError::WorkspaceOutsideWorkdir {
                    path: root.clone(),
                    workdir: workdir.to_path_buf(),
                })?;
        let prefix = components(relative)?;
        if prefix.first().is_some_and(|c| c == ".git") {
            return Err(GitError::WorkspaceInGitDir { path: root });
        }
        Ok(Layout { root, prefix })
    }

    /// The `/`-separated repository path of a workspace-relative path.
    pub fn repo_path(&self, workspace_path: &Path) -> Result<String, GitError> {
        let own = components(workspace_path)?;
        if own.is_empty() || own.first().is_some_and(|c| c == ".git") {
            return Err(GitError::PathOutsideWorkspace {
                path: workspace_path.to_path_buf(),
            });
        }
        Ok(self
            .prefix
            .iter()
            .chain(&own)
            .cloned()
            .collect::<Vec<_>>()
            .join("/"))
    }

    /// The workspace-relative path of a repository path under the workspace.
    pub fn workspace_path(&self, repo_path: &str) -> PathBuf {
        repo_path
            .split('/')
            .skip(self.prefix.len())
            .collect::<PathBuf>()
    }
}

/// The normal components of a relative path; anything that could leave it is refused.
fn components(path: &Path) -> Result<Vec<String>, GitError> {
    let outside = || GitError::PathOutsideWorkspace {
        path: path.to_path_buf(),
    };
    let mut out = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::Normal(name) => {
                let name = name.to_str().ok_or_else(|| GitError::NonUtf8Path {
                    path: path.to_path_buf(),
                })?;
                out.push(name.to_owned());
            }
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => {
                return Err(outside());
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(prefix: &str) -> Layout {
        Layout::new(Path::new("/repo").join(prefix), Path::new("/repo")).unwrap()
    }

    #[test]
    fn maps_workspace_paths_below_its_prefix() {
        let l = layout("thesis/ws");
        let repo = l.repo_path(Path::new("notes/a.md")).unwrap();
        assert_eq!(repo, "thesis/ws/notes/a.md");
        assert_eq!(l.workspace_path(&repo), Path::new("notes/a.md"));
        assert_eq!(
            layout("").repo_path(Path::new("./glose.toml")).unwrap(),
            "glose.toml"
        );
    }

    #[test]
    fn refuses_paths_that_leave_the_workspace() {
        let l = layout("ws");
        for bad in [
            "../other",
            "/etc/passwd",
            "",
            ".",
            ".git/config",
            "notes/../../x",
        ] {
            let err = l.repo_path(Path::new(bad)).unwrap_err();
            assert!(
                matches!(err, GitError::PathOutsideWorkspace { .. }),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_a_workspace_outside_the_working_folder() {
        let err = Layout::new(PathBuf::from("/elsewhere"), Path::new("/repo")).unwrap_err();
        assert!(matches!(err, GitError::WorkspaceOutsideWorkdir { .. }));
    }

    #[test]
    fn refuses_a_workspace_inside_the_git_folder() {
        let err = Layout::new(PathBuf::from("/repo/.git/x"), Path::new("/repo")).unwrap_err();
        assert!(matches!(err, GitError::WorkspaceInGitDir { .. }));
    }
}
